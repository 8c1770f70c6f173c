// Package golden compares test output with golden files under testdata/, and rewrites them
// when tests run with -update.
package golden

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Update reports whether the test run was asked to rewrite golden files.
func Update() bool { return *update }

// Check compares got with the golden file at path; with -update it writes got to path instead.
// A golden file is reviewed by hand when it is created or changed.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file missing; run the test with -update and review the result")
	require.Equal(t, string(want), string(got), "output differs from %s (run with -update to accept, then review the diff)", path)
}

// Ingested is the fixed event.ingested time of documents made by Documents.
var Ingested = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Documents normalizes the input file at path with the formats in reg and returns the
// documents of the given profile as NDJSON (one line per document), with a fixed ingest time.
//
// It also holds every decoder to the Reader's promise that an Event shares no memory that a
// later Next rewrites, unless that Next is given the same Event (see genai.Reader.Next): it
// reads the file a second time through a reader that hands over one byte per Read, so that
// the Reader's buffer is rewritten soon after each record, into a ring of Events that are
// rendered only after the next lateRing-1 records were read into the others, and requires the
// same documents. Pipelines that decode one batch while rendering another rely on this.
func Documents(t testing.TB, reg *genai.Registry, path string, profile genai.Profile) []byte {
	t.Helper()
	out := documents(t, reg, path, profile, 1, false)
	late := documents(t, reg, path, profile, lateRing, true)
	require.Equal(t, string(out), string(late),
		"%s: documents differ when rendered after later records were read into other Events: an Event shares memory with the Reader or a decoder", path)
	return out
}

// lateRing is how many Events the second read of Documents cycles through.
const lateRing = 3

// documents reads the file at path into a ring of ring Events, rendering each when ring-1 more
// records have been read (at once when ring is 1); with oneByte, the file is read a byte per
// Read call.
func documents(t testing.TB, reg *genai.Registry, path string, profile genai.Profile, ring int, oneByte bool) []byte {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var in io.Reader = f
	if oneByte {
		in = iotest.OneByteReader(f)
	}
	rd, err := genai.NewReader(in, reg, genai.ReaderOptions{Name: filepath.Base(path)})
	require.NoError(t, err)
	r := ecs.Renderer{Profile: profile, Ingested: Ingested}
	var out []byte
	render := func(ev *genai.Event) {
		out = r.AppendDocument(out, ev)
		out = append(out, '\n')
	}
	evs := make([]genai.Event, ring)
	for n := 0; ; n++ {
		err := rd.Next(&evs[n%ring])
		if err == io.EOF {
			for m := max(n-ring+1, 0); m < n; m++ {
				render(&evs[m%ring])
			}
			return out
		}
		require.NoError(t, err)
		if m := n - ring + 1; m >= 0 {
			render(&evs[m%ring])
		}
	}
}
