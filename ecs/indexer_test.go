package ecs

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/require"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/esfake"
)

var testIngested = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

// testEvent returns a distinct event of a dataset, with its original record.
func testEvent(i int, dataset string) *genai.Event {
	ev := &genai.Event{}
	ev.Source.Dataset = dataset
	switch dataset {
	case genai.DatasetCloudTrail:
		ev.Source.Format, ev.Source.Module, ev.Provider = "bedrock.cloudtrail", "aws", "bedrock.amazonaws.com"
		ev.ID = fmt.Sprintf("6f1c2a9e-0000-4000-8000-%012d", i)
	case genai.DatasetAzureOpenAI:
		ev.Source.Format, ev.Source.Module = "azure_openai.logs", "azure_openai"
		ev.Source.ProviderName = genai.ProviderAzureOpenAI
	default:
		ev.Source.Format, ev.Source.Module = "bedrock.invocation", "aws_bedrock"
		ev.Source.ProviderName = genai.ProviderAWSBedrock
	}
	ev.Time = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).Add(time.Duration(i) * time.Second)
	ev.Action = "InvokeModel"
	ev.Outcome = genai.OutcomeSuccess
	ev.Request.ID = fmt.Sprintf("req-%05d", i)
	ev.Request.Model.ID = "anthropic.claude-3-haiku-20240307-v1:0"
	ev.Original = fmt.Appendf(nil, `{"requestId":"req-%05d","operation":"InvokeModel","n":%d}`, i, i)
	return ev
}

func testEvents(n int) []*genai.Event {
	datasets := []string{genai.DatasetBedrockInvocation, genai.DatasetCloudTrail, genai.DatasetAzureOpenAI}
	out := make([]*genai.Event, n)
	for i := range out {
		out[i] = testEvent(i, datasets[i%len(datasets)])
	}
	return out
}

// fastRetries makes retries quick so that tests do not wait for real backoff.
func fastRetries(int) time.Duration { return time.Millisecond }

func newTestIndexer(t *testing.T, srv *esfake.Server, mod func(*IndexerConfig)) *Indexer {
	t.Helper()
	es, err := NewClient(ConnectConfig{URLs: []string{srv.URL}})
	require.NoError(t, err)
	cfg := IndexerConfig{
		Client:        es,
		FlushBytes:    4 << 10,
		FlushInterval: time.Hour, // only size and Close flush, so tests are deterministic
		NumWorkers:    2,
		RetryBackoff:  fastRetries,
		Now:           func() time.Time { return testIngested },
	}
	if mod != nil {
		mod(&cfg)
	}
	ix, err := NewIndexer(cfg)
	require.NoError(t, err)
	return ix
}

func indexAll(t *testing.T, ix *Indexer, evs []*genai.Event) {
	t.Helper()
	ctx := context.Background()
	for _, ev := range evs {
		require.NoError(t, ix.Add(ctx, ev))
	}
	require.NoError(t, ix.Close(ctx))
}

func readDeadLetters(t *testing.T, data []byte) []DeadLetter {
	t.Helper()
	var out []DeadLetter
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var dl DeadLetter
		require.NoError(t, json.Unmarshal(sc.Bytes(), &dl), "dead-letter line %q", sc.Text())
		out = append(out, dl)
	}
	require.NoError(t, sc.Err())
	return out
}

func TestIndexerRoutesCreatesIntoDataStreams(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	ix := newTestIndexer(t, srv, func(c *IndexerConfig) { c.Namespace = "prod" })
	evs := testEvents(30)
	indexAll(t, ix, evs)

	st := ix.Stats()
	require.Equal(t, Stats{Added: 30, Indexed: 30, Bytes: st.Bytes}, st)
	require.Equal(t, 10, srv.Count("logs-aws_bedrock.invocation-prod"))
	require.Equal(t, 10, srv.Count("logs-aws.cloudtrail-prod"))
	require.Equal(t, 10, srv.Count("logs-azure_openai.logs-prod"))
	require.Equal(t, map[string]int{"_none": 30}, srv.Pipelines(), "every item must bypass the default ingest pipeline")

	// The document is the renderer's, with event.ingested set when it was added.
	docs := srv.Docs("logs-aws_bedrock.invocation-prod")
	want := (&Renderer{Namespace: "prod", Ingested: testIngested}).AppendDocument(nil, evs[0])
	require.Equal(t, string(want), string(docs[DocumentID(evs[0])]))
	require.Contains(t, string(want), `"ingested":"2026-03-04T05:06:07`)
}

func TestIndexerReplayAddsNoDocuments(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	evs := testEvents(50)
	first := newTestIndexer(t, srv, nil)
	indexAll(t, first, evs)
	require.Equal(t, int64(50), first.Stats().Indexed)
	require.Equal(t, 50, srv.Total())

	// The same input again, later (another event.ingested): nothing new.
	replay := newTestIndexer(t, srv, func(c *IndexerConfig) {
		c.Now = func() time.Time { return testIngested.Add(time.Hour) }
	})
	indexAll(t, replay, testEvents(50))
	st := replay.Stats()
	require.Equal(t, int64(0), st.Indexed)
	require.Equal(t, int64(50), st.Duplicate)
	require.Equal(t, int64(0), st.Failed)
	require.Equal(t, 50, srv.Total(), "a replay must not add documents")
}

func TestIndexer429OnThirtyPercentAllLandOnce(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	var mu sync.Mutex
	throttled := map[string]bool{}
	srv.OnItem(func(it esfake.Item) esfake.Result {
		if it.Attempt == 0 && crc32.ChecksumIEEE([]byte(it.ID))%10 < 3 {
			mu.Lock()
			throttled[it.ID] = true
			mu.Unlock()
			return esfake.Result{Status: 429, Reason: "rejected execution of coordinating operation"}
		}
		return esfake.Result{}
	})
	ix := newTestIndexer(t, srv, nil)
	evs := testEvents(300)
	indexAll(t, ix, evs)

	n := len(throttled)
	require.Greater(t, n, 50, "the script must throttle about 30%% of the items")
	require.Less(t, n, 130)
	st := ix.Stats()
	require.Equal(t, int64(300), st.Indexed)
	require.Equal(t, int64(n), st.Retried)
	require.Equal(t, int64(0), st.Failed)
	require.Equal(t, int64(0), st.Duplicate)
	require.Equal(t, 300, srv.Total())
	_, items := srv.BulkRequests()
	require.Equal(t, 300+n, items, "each throttled item is sent exactly once more")
}

func TestIndexerRetriesWholeRequestOn5xx(t *testing.T) {
	for _, status := range []int{500, 502, 503, 429} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			srv := esfake.New()
			defer srv.Close()
			srv.OnBulk(func(n int) int {
				if n <= 2 { // the first two bulk requests fail as a whole
					return status
				}
				return 0
			})
			ix := newTestIndexer(t, srv, nil)
			indexAll(t, ix, testEvents(40))
			st := ix.Stats()
			require.Equal(t, int64(40), st.Indexed)
			require.Equal(t, int64(0), st.Failed)
			require.Positive(t, st.Retried)
			require.Equal(t, 40, srv.Total())
		})
	}
}

// stuckID selects about one _id in eight.
func stuckID(id string) bool { return id != "" && id[0] >= 'A' && id[0] < 'I' }

func TestIndexerRetriesAreBounded(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	srv.OnItem(func(it esfake.Item) esfake.Result {
		if stuckID(it.ID) {
			return esfake.Result{Status: 503, Type: "unavailable_shards_exception", Reason: "primary shard is not active"}
		}
		return esfake.Result{}
	})
	var dl bytes.Buffer
	ix := newTestIndexer(t, srv, func(c *IndexerConfig) { c.MaxRetries = 3; c.DeadLetter = &dl })
	evs := testEvents(60)
	indexAll(t, ix, evs)

	var stuck []string
	for _, ev := range evs {
		id := DocumentID(ev)
		if stuckID(id) {
			stuck = append(stuck, id)
		}
	}
	require.NotEmpty(t, stuck)
	st := ix.Stats()
	require.Equal(t, int64(len(stuck)), st.Failed)
	require.Equal(t, int64(len(stuck)), st.DeadLettered)
	require.Equal(t, int64(3*len(stuck)), st.Retried)
	require.Equal(t, int64(60-len(stuck)), st.Indexed)
	lines := readDeadLetters(t, dl.Bytes())
	require.Len(t, lines, len(stuck))
	for _, l := range lines {
		require.Contains(t, stuck, l.ID)
		require.Equal(t, 503, l.Status)
		require.Equal(t, 4, l.Attempts)
		require.Contains(t, l.Reason, "gave up after 4 attempts")
		require.Contains(t, l.Reason, "primary shard is not active")
	}
}

func TestIndexerDeadLettersRejectedDocuments(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	srv.OnItem(func(it esfake.Item) esfake.Result {
		if bytes.Contains(it.Source, []byte(`"req-00007"`)) || bytes.Contains(it.Source, []byte(`"req-00013"`)) {
			return esfake.Result{Status: 400, Type: "document_parsing_exception",
				Reason: "[1:120] failed to parse field [gen_ai.compliance.violation_detected] of type [boolean]"}
		}
		return esfake.Result{}
	})
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "dead.ndjson"))
	require.NoError(t, err)
	var failures []Result
	var mu sync.Mutex
	ix := newTestIndexer(t, srv, func(c *IndexerConfig) {
		c.DeadLetter = f
		c.OnFailure = func(_ context.Context, r Result) {
			mu.Lock()
			defer mu.Unlock()
			failures = append(failures, Result{ID: r.ID, Status: r.Status})
		}
	})
	evs := testEvents(20)
	indexAll(t, ix, evs)
	require.NoError(t, f.Close())

	st := ix.Stats()
	require.Equal(t, int64(18), st.Indexed)
	require.Equal(t, int64(2), st.Failed)
	require.Equal(t, int64(2), st.DeadLettered)
	require.Equal(t, int64(0), st.Retried, "a mapping error is not retried")
	require.Len(t, failures, 2)

	data, err := os.ReadFile(filepath.Join(dir, "dead.ndjson"))
	require.NoError(t, err)
	lines := readDeadLetters(t, data)
	require.Len(t, lines, 2)
	got := map[string]DeadLetter{}
	for _, l := range lines {
		got[l.ID] = l
	}
	r := &Renderer{Ingested: testIngested}
	for _, i := range []int{7, 13} {
		id := DocumentID(evs[i])
		l, ok := got[id]
		require.True(t, ok, "event %d must be dead-lettered", i)
		require.Equal(t, 400, l.Status)
		require.Equal(t, "document_parsing_exception", l.ErrorType)
		require.Contains(t, l.Reason, "failed to parse field [gen_ai.compliance.violation_detected]")
		require.Equal(t, DataStream(evs[i], ""), l.Index)
		require.Equal(t, string(r.AppendDocument(nil, evs[i])), string(l.Document), "the dead letter holds the document as sent")
	}
}

func TestIndexerConflictCountsAsDuplicate(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	srv.OnItem(func(it esfake.Item) esfake.Result {
		if bytes.Contains(it.Source, []byte(`"req-00003"`)) {
			return esfake.Result{Status: 409}
		}
		return esfake.Result{}
	})
	var dl bytes.Buffer
	var dups []string
	ix := newTestIndexer(t, srv, func(c *IndexerConfig) {
		c.DeadLetter = &dl
		c.OnSuccess = func(_ context.Context, r Result) {
			if r.Duplicate {
				dups = append(dups, r.ID)
			}
		}
	})
	evs := testEvents(10)
	indexAll(t, ix, evs)
	st := ix.Stats()
	require.Equal(t, int64(9), st.Indexed)
	require.Equal(t, int64(1), st.Duplicate)
	require.Equal(t, int64(0), st.Failed)
	require.Zero(t, dl.Len(), "a duplicate is not a failure")
	require.Equal(t, []string{DocumentID(evs[3])}, dups)
}

func TestIndexerWithoutDeadLetterSinkCloseReportsFailures(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	srv.OnItem(func(it esfake.Item) esfake.Result {
		if bytes.Contains(it.Source, []byte(`"req-00001"`)) {
			return esfake.Result{Status: 400}
		}
		return esfake.Result{}
	})
	ix := newTestIndexer(t, srv, nil)
	for _, ev := range testEvents(5) {
		require.NoError(t, ix.Add(context.Background(), ev))
	}
	err := ix.Close(context.Background())
	require.ErrorContains(t, err, "1 documents failed and were not written to a dead-letter sink")
	require.Equal(t, int64(1), ix.Stats().Failed)
}

func TestIndexerCloseFlushesEverything(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	ix := newTestIndexer(t, srv, func(c *IndexerConfig) { c.FlushBytes = 1 << 20 })
	for _, ev := range testEvents(25) {
		require.NoError(t, ix.Add(context.Background(), ev))
	}
	// Nothing reached the size or time threshold: only Close sends them.
	require.Equal(t, 0, srv.Total())
	require.NoError(t, ix.Close(context.Background()))
	require.Equal(t, 25, srv.Total())
	require.Equal(t, int64(25), ix.Stats().Indexed)
	require.ErrorIs(t, ix.Add(context.Background(), testEvent(99, genai.DatasetCloudTrail)), ErrClosed)
}

func TestIndexerCloseDeadlineDeadLettersPendingRetries(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	srv.OnItem(func(it esfake.Item) esfake.Result { return esfake.Result{Status: 429} })
	var dl bytes.Buffer
	ix := newTestIndexer(t, srv, func(c *IndexerConfig) {
		c.DeadLetter = &dl
		c.RetryBackoff = func(int) time.Duration { return time.Hour }
	})
	for _, ev := range testEvents(4) {
		require.NoError(t, ix.Add(context.Background(), ev))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := ix.Close(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	st := ix.Stats()
	require.Equal(t, int64(4), st.Failed)
	require.Equal(t, int64(4), st.DeadLettered)
	lines := readDeadLetters(t, dl.Bytes())
	require.Len(t, lines, 4)
	for _, l := range lines {
		require.Contains(t, l.Reason, "not delivered before shutdown")
		require.Equal(t, 429, l.Status)
	}
}

func TestIndexerAuthFailureDeadLettersWithoutRetry(t *testing.T) {
	srv := esfake.New(esfake.WithForbidden("/_bulk"))
	defer srv.Close()
	var dl bytes.Buffer
	ix := newTestIndexer(t, srv, func(c *IndexerConfig) { c.DeadLetter = &dl })
	indexAll(t, ix, testEvents(3))
	st := ix.Stats()
	require.Equal(t, int64(3), st.Failed)
	require.Equal(t, int64(0), st.Retried)
	lines := readDeadLetters(t, dl.Bytes())
	require.Len(t, lines, 3)
	require.Equal(t, 403, lines[0].Status)
	require.Contains(t, lines[0].Reason, "lack a privilege")
}

func TestIndexerMetrics(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	srv.OnItem(func(it esfake.Item) esfake.Result {
		switch {
		case bytes.Contains(it.Source, []byte(`"req-00000"`)):
			return esfake.Result{Status: 400}
		case bytes.Contains(it.Source, []byte(`"req-00001"`)) && it.Attempt == 0:
			return esfake.Result{Status: 429}
		case bytes.Contains(it.Source, []byte(`"req-00002"`)):
			return esfake.Result{Status: 409}
		}
		return esfake.Result{}
	})
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	ix := newTestIndexer(t, srv, func(c *IndexerConfig) { c.Meter = mp; c.DeadLetter = io.Discard })
	indexAll(t, ix, testEvents(6))

	var rm metricdata.ResourceMetrics
	require.NoError(t, reader.Collect(context.Background(), &rm))
	got := map[string]int64{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			sum, ok := m.Data.(metricdata.Sum[int64])
			require.True(t, ok, m.Name)
			for _, dp := range sum.DataPoints {
				key := m.Name
				if v, ok := dp.Attributes.Value("result"); ok {
					key += "/" + v.AsString()
				}
				got[key] = dp.Value
			}
		}
	}
	require.Equal(t, map[string]int64{
		"genainorm.index.documents/indexed":       4,
		"genainorm.index.documents/duplicate":     1,
		"genainorm.index.documents/failed":        1,
		"genainorm.index.documents/dead_lettered": 1,
		"genainorm.index.retries":                 1,
	}, got)
}

func TestDocumentID(t *testing.T) {
	a, b := testEvent(1, genai.DatasetBedrockInvocation), testEvent(1, genai.DatasetBedrockInvocation)
	b.Source.Position = genai.Position{Name: "other-file.json.gz", Line: 77, Path: "logEvents[3]"}
	require.Equal(t, DocumentID(a), DocumentID(b), "the same record read from another file or envelope keeps its _id")
	require.Len(t, DocumentID(a), 27)

	c := testEvent(2, genai.DatasetBedrockInvocation)
	require.NotEqual(t, DocumentID(a), DocumentID(c))
	d := testEvent(1, genai.DatasetBedrockInvocation)
	d.Source.Format = "bedrock.guardrail"
	require.NotEqual(t, DocumentID(a), DocumentID(d), "the format is part of the identity")

	// Without the original bytes, the normalized fields identify the event.
	e, f := testEvent(5, genai.DatasetCloudTrail), testEvent(5, genai.DatasetCloudTrail)
	e.Original, f.Original = nil, nil
	require.Equal(t, DocumentID(e), DocumentID(f))
	f.ID = "another-event-id"
	require.NotEqual(t, DocumentID(e), DocumentID(f))
}

func TestExponentialBackoff(t *testing.T) {
	b := ExponentialBackoff(100*time.Millisecond, 2*time.Second)
	for attempt := 1; attempt <= 10; attempt++ {
		ceil := min(100*time.Millisecond<<(attempt-1), 2*time.Second)
		var maxSeen time.Duration
		for range 200 {
			d := b(attempt)
			require.GreaterOrEqual(t, d, time.Duration(0))
			require.LessOrEqual(t, d, ceil)
			maxSeen = max(maxSeen, d)
		}
		require.Greater(t, maxSeen, ceil/2, "jitter spreads over the whole window (attempt %d)", attempt)
	}
}

func TestValidateNamespace(t *testing.T) {
	for ns, ok := range map[string]bool{"default": true, "prod_eu1": true, "Prod": false, "a-b": false, "a b": false, "": false} {
		require.Equal(t, ok, ValidateNamespace(ns) == nil, ns)
	}
	_, err := NewIndexer(IndexerConfig{Client: statusTransport{}, Namespace: "Bad-NS"})
	require.Error(t, err)
}
