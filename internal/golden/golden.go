// Package golden compares test output with golden files under testdata/, and rewrites them
// when tests run with -update.
package golden

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
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
func Documents(t testing.TB, reg *genai.Registry, path string, profile genai.Profile) []byte {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rd, err := genai.NewReader(f, reg, genai.ReaderOptions{Name: filepath.Base(path)})
	require.NoError(t, err)
	r := ecs.Renderer{Profile: profile, Ingested: Ingested}
	var out []byte
	var ev genai.Event
	for {
		err := rd.Next(&ev)
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		out = r.AppendDocument(out, &ev)
		out = append(out, '\n')
	}
	return out
}
