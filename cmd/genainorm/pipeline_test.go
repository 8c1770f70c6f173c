package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

// renderAll runs read over inputs and returns the documents (fixed ingest time) and the summary.
func renderAll(t *testing.T, read func([]string, io.Reader, *normalizeFlags, io.Writer, *summary, func(*genai.Event) error) error, inputs ...string) (string, summary) {
	t.Helper()
	r := ecs.Renderer{Ingested: golden.Ingested}
	var out []byte
	var sum summary
	var errb bytes.Buffer
	err := read(inputs, strings.NewReader(""), &normalizeFlags{quiet: true}, &errb, &sum, func(ev *genai.Event) error {
		out = append(r.AppendDocument(out, ev), '\n')
		return nil
	})
	require.NoError(t, err, errb.String())
	return string(out), sum
}

// bigRecord is a Converse record whose request text is n bytes long.
func bigRecord(n int) string {
	return `{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-03-02T13:00:00Z","accountId":"123456789012",` +
		`"region":"us-east-1","requestId":"big-` + strings.Repeat("x", n%7) + `","operation":"Converse","modelId":"amazon.nova-lite-v1:0",` +
		`"input":{"inputContentType":"application/json","inputBodyJson":{"messages":[{"role":"user","content":[{"text":"` +
		strings.Repeat("lorem ipsum ", n/12) + `"}]}]},"inputTokenCount":12}}` + "\n"
}

// Decoding ahead on a goroutine of its own gives the same documents, in the same order, and the
// same counts as decoding in line: over every fixture, over many batches of small records, and
// over records large enough to fill a batch by bytes or to be let go after use.
func TestEachEventAheadSameAsInline(t *testing.T) {
	fixtures, err := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.ndjson"))
	require.NoError(t, err)
	require.NotEmpty(t, fixtures)

	var many []byte
	for range 12 {
		for _, f := range fixtures {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			many = append(many, b...)
			if len(many) > 0 && many[len(many)-1] != '\n' {
				many = append(many, '\n')
			}
		}
	}
	var big strings.Builder
	for i, n := range []int{300 << 10, 1 << 20, 100, 700 << 10, 20} {
		big.WriteString(bigRecord(n + i))
	}
	dir := t.TempDir()
	manyPath, bigPath := filepath.Join(dir, "many.ndjson"), filepath.Join(dir, "big.ndjson")
	require.NoError(t, os.WriteFile(manyPath, many, 0o644))
	require.NoError(t, os.WriteFile(bigPath, []byte(big.String()), 0o644))

	for _, inputs := range [][]string{fixtures, {manyPath}, {bigPath, manyPath}} {
		want, wantSum := renderAll(t, eachEvent, inputs...)
		got, gotSum := renderAll(t, eachEventAhead, inputs...)
		require.Equal(t, strings.Count(want, "\n"), strings.Count(got, "\n"))
		require.Equal(t, want, got)
		require.Equal(t, wantSum, gotSum)
		require.Greater(t, wantSum.stats.Events, int64(0))
	}
	_, sum := renderAll(t, eachEventAhead, manyPath)
	require.Greater(t, sum.stats.Events, int64(20*batchEvents), "the input spans many batches")
}

// An error from fn stops the reading: fn is not called again, and the error is returned.
func TestEachEventAheadStopsOnError(t *testing.T) {
	var in strings.Builder
	for i := range 10 * batchEvents {
		in.WriteString(bigRecord(100 + i%50))
	}
	stop := errors.New("stop here")
	calls := 0
	var sum summary
	err := eachEventAhead([]string{"-"}, strings.NewReader(in.String()), &normalizeFlags{quiet: true}, io.Discard, &sum,
		func(ev *genai.Event) error {
			calls++
			if calls == 100 {
				return stop
			}
			return nil
		})
	require.ErrorIs(t, err, stop)
	require.Equal(t, 100, calls)
	require.Less(t, sum.stats.Events, int64(10*batchEvents), "the reading stopped before the end")
}

// Events of a live input (a pipe that waits for more) reach fn before more input arrives: none
// waits in a batch for records that are not there yet.
func TestEachEventAheadLiveInput(t *testing.T) {
	pr, pw := io.Pipe()
	seen := make(chan string, 4)
	done := make(chan error, 1)
	go func() {
		var sum summary
		done <- eachEventAhead([]string{"-"}, pr, &normalizeFlags{quiet: true}, io.Discard, &sum, func(ev *genai.Event) error {
			seen <- ev.Request.ID
			return nil
		})
	}()
	for _, id := range []string{"first", "second"} {
		rec := strings.Replace(bigRecord(1000), `"requestId":"big-`, `"requestId":"`+id+`-`, 1)
		_, err := pw.Write([]byte(rec))
		require.NoError(t, err)
		select {
		case got := <-seen:
			require.True(t, strings.HasPrefix(got, id), got)
		case <-time.After(10 * time.Second):
			t.Fatalf("the %s record's event did not reach fn while the input waited for more", id)
		}
	}
	require.NoError(t, pw.Close())
	require.NoError(t, <-done)
}
