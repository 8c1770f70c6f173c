package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/internal/esfake"
)

var indexInputs = []string{
	filepath.Join("..", "..", "testdata", "bedrock", "converse.ndjson"),
	filepath.Join("..", "..", "testdata", "bedrock", "invoke_model.ndjson"),
	filepath.Join("..", "..", "testdata", "azureopenai", "gateway.ndjson"),
}

// expectedStreams normalizes the inputs and counts the documents per data stream.
func expectedStreams(t *testing.T, inputs ...string) (map[string]int, int) {
	t.Helper()
	code, out, errOut := runCLI(t, "", append([]string{"normalize", "--quiet"}, inputs...)...)
	require.Contains(t, []int{0, 1}, code, errOut)
	want := map[string]int{}
	n := 0
	for _, d := range docs(t, out) {
		want["logs-"+field(d, "data_stream.dataset").(string)+"-default"]++
		n++
	}
	return want, n
}

func TestIndexCommandIndexesAndReplaysWithoutDuplicates(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	dl := filepath.Join(t.TempDir(), "dead.ndjson")
	want, n := expectedStreams(t, indexInputs...)
	require.Greater(t, n, 3)

	args := append([]string{"index", "--url", srv.URL, "--setup", "--dead-letter", dl}, indexInputs...)
	code, _, errOut := runCLI(t, "", args...)
	require.Equal(t, 0, code, errOut)
	for ds, c := range want {
		require.Equal(t, c, srv.Count(ds), ds)
	}
	require.Equal(t, n, srv.Total())
	require.Contains(t, errOut, "installed 5 templates")
	require.Contains(t, errOut, "logs-aws_bedrock.invocation-default: governed by genainorm-elastic-aws_bedrock.invocation (priority 150, genainorm)")
	require.Contains(t, errOut, "Elasticsearch: "+strconv.Itoa(n)+" indexed, 0 already indexed")
	require.NoFileExists(t, dl, "no dead-letter file when nothing was rejected")

	code, _, errOut = runCLI(t, "", args...)
	require.Equal(t, 0, code, errOut)
	require.Equal(t, n, srv.Total(), "a replay adds nothing")
	require.Contains(t, errOut, "Elasticsearch: 0 indexed, "+strconv.Itoa(n)+" already indexed")
}

func TestIndexCommandDeadLettersRejectedDocuments(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	srv.OnItem(func(it esfake.Item) esfake.Result {
		if strings.HasPrefix(it.Index, "logs-azure_openai.logs-") {
			return esfake.Result{Status: 400, Type: "document_parsing_exception", Reason: "failed to parse field [azure.open_ai.properties.request_length]"}
		}
		return esfake.Result{}
	})
	dl := filepath.Join(t.TempDir(), "dead.ndjson")
	want, n := expectedStreams(t, indexInputs...)
	rejected := want["logs-azure_openai.logs-default"]
	require.Positive(t, rejected)

	code, _, errOut := runCLI(t, "", append([]string{"index", "--url", srv.URL, "--dead-letter", dl}, indexInputs...)...)
	require.Equal(t, 1, code, "dead-lettered documents make exit 1\n%s", errOut)
	require.Equal(t, n-rejected, srv.Total())
	require.Contains(t, errOut, strconv.Itoa(rejected)+" dead-lettered (to "+dl+")")
	data, err := os.ReadFile(dl)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Len(t, lines, rejected)
	for _, d := range docs(t, string(data)) {
		require.Equal(t, float64(400), d["status"])
		require.Contains(t, d["reason"], "failed to parse field")
		require.Equal(t, "logs-azure_openai.logs-default", d["index"])
		require.Equal(t, "azure_openai.logs", field(d, "document.data_stream.dataset"))
	}
}

func TestIndexCommandErrorDocumentsExitOne(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	input := filepath.Join("..", "..", "testdata", "cli", "mixed.ndjson")
	code, _, errOut := runCLI(t, "", "index", "--url", srv.URL, "--dead-letter", filepath.Join(t.TempDir(), "dl"), input)
	require.Equal(t, 1, code, errOut)
	_, n := expectedStreams(t, input)
	require.Equal(t, n, srv.Total(), "error documents are indexed too")
}

func TestIndexCommandConnectionErrors(t *testing.T) {
	srv := esfake.New(esfake.WithAPIKey("the-right-key"))
	defer srv.Close()
	t.Setenv("ELASTICSEARCH_API_KEY", "")
	code, _, errOut := runCLI(t, "", "index", "--url", srv.URL, "--api-key", "a-wrong-key", indexInputs[0])
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "rejected the credentials")
	require.NotContains(t, errOut, "a-wrong-key")
	require.Equal(t, 0, srv.Total())

	// The key from the environment is used when no flag is given.
	t.Setenv("ELASTICSEARCH_API_KEY", "the-right-key")
	t.Setenv("ELASTICSEARCH_URL", srv.URL)
	code, _, errOut = runCLI(t, "", "index", "--dead-letter", filepath.Join(t.TempDir(), "dl"), indexInputs[0])
	require.Equal(t, 0, code, errOut)

	code, _, errOut = runCLI(t, "", "index", "--url", "http://127.0.0.1:1", indexInputs[0])
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "cannot reach Elasticsearch")

	code, _, _ = runCLI(t, "", "index", "--url", srv.URL, "--namespace", "Not-Valid", indexInputs[0])
	require.Equal(t, 2, code)
}

func TestIndexCommandCheck(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	code, out, errOut := runCLI(t, "", "index", "--url", srv.URL, "--check")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "logs-aws.cloudtrail-default: no index template matches")
	require.Empty(t, srv.IndexTemplate("genainorm-elastic-aws.cloudtrail"), "--check installs nothing")
}

// signalingReader returns data, then on the next read (all complete lines consumed) raises
// SIGINT and blocks like a pipe that stays open.
type signalingReader struct {
	data    *bytes.Reader
	once    sync.Once
	release chan struct{}
}

func (r *signalingReader) Read(p []byte) (int, error) {
	if r.data.Len() > 0 {
		return r.data.Read(p)
	}
	r.once.Do(func() { _ = syscall.Kill(os.Getpid(), syscall.SIGINT) })
	<-r.release
	return 0, io.EOF
}

func TestIndexCommandSIGINTFlushesWhatWasRead(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	// The inputs twice: more than the 64 KiB the reader looks at to tell NDJSON from JSON
	// documents, so that it starts emitting events before the end of the stream. The second copy
	// is all duplicates.
	var raw []byte
	for range 2 {
		for _, in := range indexInputs {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			require.True(t, bytes.HasSuffix(b, []byte("\n")))
			raw = append(raw, b...)
		}
	}
	require.Greater(t, len(raw), 64<<10)
	_, n := expectedStreams(t, indexInputs...)

	stdin := &signalingReader{data: bytes.NewReader(raw), release: make(chan struct{})}
	defer close(stdin.release)
	var out, errb bytes.Buffer
	// A flush interval far away: only the shutdown path can send the documents.
	code := run([]string{"index", "--url", srv.URL, "--dead-letter", filepath.Join(t.TempDir(), "dl"), "--flush-bytes", "10000000", "-"}, stdin, &out, &errb)
	require.Equal(t, 1, code, "an interrupted run exits 1\n%s", errb.String())
	require.Contains(t, errb.String(), "interrupted: stopped reading; sending what was read")
	require.Equal(t, n, srv.Total(), "every record read before the signal is indexed\n%s", errb.String())
	require.Contains(t, errb.String(), "Elasticsearch: "+strconv.Itoa(n)+" indexed, "+strconv.Itoa(n)+" already indexed")
}
