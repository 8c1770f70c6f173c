package ecs

// The integration suite runs the indexer's scenarios against a real Elasticsearch cluster. It
// runs when ELASTICSEARCH_URL (or ELASTICSEARCH_CLOUD_ID) is set and is skipped otherwise; see
// docs/INDEXING.md for starting a local cluster. It writes to data streams of a namespace of its
// own (itNNNNNNNNNN) and deletes them at the end; it installs (or updates) the elastic-profile
// templates, as 'genainorm index --setup' does.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/esfake"
)

func integrationClient(t *testing.T) (*elasticsearch.Client, ConnectConfig) {
	t.Helper()
	cc := ConnectConfigFromEnv(nil)
	if len(cc.URLs) == 0 && cc.CloudID == "" {
		t.Skip("set ELASTICSEARCH_URL (and ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD) to run the integration suite against a real cluster")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	es, info, err := Connect(ctx, cc)
	require.NoError(t, err)
	t.Logf("cluster %s, Elasticsearch %s", info.Name, info.Version.Number)
	return es, cc
}

// integrationEvents normalizes the repository's fixtures and returns their events.
func integrationEvents(t *testing.T) []*genai.Event {
	t.Helper()
	var files []string
	for _, pat := range []string{"bedrock/*.ndjson", "bedrock/guardrails/*.ndjson", "bedrock/cloudtrail/*.ndjson", "azureopenai/*.ndjson"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", pat))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	var out []*genai.Event
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		rd, err := genai.NewReader(f, reg, genai.ReaderOptions{Name: filepath.Base(name)})
		require.NoError(t, err)
		for {
			ev := new(genai.Event)
			if err := rd.Next(ev); err == io.EOF {
				break
			} else {
				require.NoError(t, err)
			}
			if ev.Err == nil { // error documents are tested with the stand-in
				out = append(out, ev)
			}
		}
		f.Close()
	}
	return out
}

func esDo(t *testing.T, es esapi.Transport, req esapi.Request, into any) {
	t.Helper()
	res, err := req.Do(context.Background(), statusTransport{es})
	require.NoError(t, err)
	defer res.Body.Close()
	if into != nil {
		require.NoError(t, json.UnmarshalRead(res.Body, into))
	}
}

func esCount(t *testing.T, es esapi.Transport, index string) int {
	t.Helper()
	esDo(t, es, esapi.IndicesRefreshRequest{Index: []string{index}, AllowNoIndices: esapi.BoolPtr(true), IgnoreUnavailable: esapi.BoolPtr(true)}, nil)
	var c struct {
		Count int `json:"count"`
	}
	esDo(t, es, esapi.CountRequest{Index: []string{index}, AllowNoIndices: esapi.BoolPtr(true), IgnoreUnavailable: esapi.BoolPtr(true)}, &c)
	return c.Count
}

// flakyTransport fails the first n bulk requests with 503 before they reach the cluster.
type flakyTransport struct {
	next esapi.Transport
	n    atomic.Int64
}

func (f *flakyTransport) Perform(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Path, "/_bulk") && f.n.Add(-1) >= 0 {
		body := `{"error":{"type":"unavailable_shards_exception","reason":"injected by the test"},"status":503}`
		return &http.Response{StatusCode: 503, Header: http.Header{"X-Elastic-Product": {"Elasticsearch"}},
			Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
	}
	return f.next.Perform(req)
}

func TestIntegration(t *testing.T) {
	es, cc := integrationClient(t)
	runIntegration(t, es, cc)
}

// TestIntegrationSuiteAgainstStandIn runs the suite against internal/esfake, so that the suite
// itself is exercised on every test run (the stand-in answers _count, terms aggregations and
// field mappings from what it stored and the installed templates).
func TestIntegrationSuiteAgainstStandIn(t *testing.T) {
	srv := esfake.New(esfake.WithBasicAuth("elastic", "stand-in-password"))
	t.Cleanup(srv.Close) // after the suite's own cleanup
	cc := ConnectConfig{URLs: []string{srv.URL}, Username: "elastic", Password: "stand-in-password"}
	es, _, err := Connect(context.Background(), cc)
	require.NoError(t, err)
	runIntegration(t, es, cc)
}

func runIntegration(t *testing.T, es esapi.Transport, cc ConnectConfig) {
	ctx := context.Background()
	ns := fmt.Sprintf("it%d", time.Now().Unix())
	t.Cleanup(func() {
		esDo(t, es, esapi.IndicesDeleteDataStreamRequest{Name: []string{"logs-*-" + ns, "logs-*-" + ns + "r"}}, nil)
	})
	evs := integrationEvents(t)
	want := map[string]int{}
	policyActions := map[string]int{}
	r := &Renderer{Namespace: ns}
	for _, ev := range evs {
		want[DataStream(ev, ns)]++
		if ev.Source.Dataset == genai.DatasetBedrockInvocation {
			var d struct {
				GenAI struct {
					Policy struct {
						Action []string `json:"action"`
					} `json:"policy"`
				} `json:"gen_ai"`
			}
			require.NoError(t, json.Unmarshal(r.AppendDocument(nil, ev), &d))
			seen := map[string]bool{}
			for _, a := range d.GenAI.Policy.Action {
				if !seen[a] {
					seen[a] = true
					policyActions[a]++
				}
			}
		}
	}
	require.NotEmpty(t, policyActions, "the fixtures hold guardrail traces")

	t.Run("auth failure", func(t *testing.T) {
		open := cc
		open.APIKey, open.Username, open.Password = "", "", ""
		if _, _, err := Connect(ctx, open); err == nil {
			t.Skip("the cluster accepts requests without credentials (security disabled)")
		}
		bad := open
		bad.APIKey = "Ym9ndXMta2V5LWlkOmJvZ3VzLWtleQ=="
		_, _, err := Connect(ctx, bad)
		require.ErrorIs(t, err, ErrUnauthorized)
		require.NotContains(t, err.Error(), bad.APIKey)
	})

	t.Run("setup", func(t *testing.T) {
		require.NoError(t, Setup(ctx, es, genai.ProfileElastic))
		gov, err := CheckTemplates(ctx, es, ns)
		require.NoError(t, err)
		for _, g := range gov {
			t.Log(g.String())
			require.NotEmpty(t, g.Template, g.DataStream)
			require.True(t, g.DataStreamEnabled, g.DataStream)
			if !g.Ours {
				require.Contains(t, g.Overlapping, IndexTemplateName(strings.TrimSuffix(strings.TrimPrefix(g.DataStream, "logs-"), "-"+ns), genai.ProfileElastic),
					"a higher-priority template (an installed integration) governs %s; ours must still match", g.DataStream)
			}
		}
	})

	t.Run("index", func(t *testing.T) {
		var dl bytes.Buffer
		ix, err := NewIndexer(IndexerConfig{Client: es, Namespace: ns, DeadLetter: &dl, FlushBytes: 256 << 10})
		require.NoError(t, err)
		for _, ev := range evs {
			require.NoError(t, ix.Add(ctx, ev))
		}
		require.NoError(t, ix.Close(ctx))
		st := ix.Stats()
		require.Zero(t, st.Failed, "dead letters:\n%s", dl.String())
		require.Equal(t, int64(len(evs)), st.Indexed)
		for ds, n := range want {
			require.Equal(t, n, esCount(t, es, ds), ds)
		}
	})

	t.Run("replay adds nothing", func(t *testing.T) {
		ix, err := NewIndexer(IndexerConfig{Client: es, Namespace: ns, DeadLetter: io.Discard})
		require.NoError(t, err)
		for _, ev := range evs {
			require.NoError(t, ix.Add(ctx, ev))
		}
		require.NoError(t, ix.Close(ctx))
		st := ix.Stats()
		require.Zero(t, st.Indexed)
		require.Equal(t, int64(len(evs)), st.Duplicate)
		for ds, n := range want {
			require.Equal(t, n, esCount(t, es, ds), ds)
		}
	})

	t.Run("whole-request 503 is retried", func(t *testing.T) {
		ft := &flakyTransport{next: es}
		ft.n.Store(2)
		ix, err := NewIndexer(IndexerConfig{Client: ft, Namespace: ns + "r", DeadLetter: io.Discard, NumWorkers: 1, RetryBackoff: fastRetries})
		require.NoError(t, err)
		extra := testEvents(30)
		for _, ev := range extra {
			require.NoError(t, ix.Add(ctx, ev))
		}
		require.NoError(t, ix.Close(ctx))
		st := ix.Stats()
		require.Equal(t, int64(30), st.Indexed)
		require.Positive(t, st.Retried)
		total := 0
		for _, ds := range []string{genai.DatasetBedrockInvocation, genai.DatasetCloudTrail, genai.DatasetAzureOpenAI} {
			total += esCount(t, es, "logs-"+ds+"-"+ns+"r")
		}
		require.Equal(t, 30, total)
	})

	t.Run("mapping error is dead-lettered", func(t *testing.T) {
		gov, err := CheckTemplates(ctx, es, ns)
		require.NoError(t, err)
		for _, g := range gov {
			if g.DataStream == "logs-"+genai.DatasetBedrockInvocation+"-"+ns && !g.Ours {
				t.Skipf("%s: its mappings may ignore malformed values", g)
			}
		}
		var dl bytes.Buffer
		ix, err := NewIndexer(IndexerConfig{Client: es, Namespace: ns, DeadLetter: &dl})
		require.NoError(t, err)
		ds := "logs-" + genai.DatasetBedrockInvocation + "-" + ns
		bad := `{"@timestamp":"2026-01-02T03:04:05.000Z","data_stream":{"type":"logs","dataset":"aws_bedrock.invocation","namespace":"` + ns +
			`"},"gen_ai":{"compliance":{"violation_detected":"certainly-not-a-boolean"}}}`
		require.NoError(t, ix.AddDocument(ctx, ds, "integration-bad-doc", []byte(bad)))
		require.NoError(t, ix.Close(ctx))
		st := ix.Stats()
		require.Equal(t, int64(1), st.Failed)
		require.Equal(t, int64(1), st.DeadLettered)
		lines := readDeadLetters(t, dl.Bytes())
		require.Len(t, lines, 1)
		t.Logf("dead letter: status %d %s: %s", lines[0].Status, lines[0].ErrorType, lines[0].Reason)
		require.Equal(t, "integration-bad-doc", lines[0].ID)
		require.Equal(t, want[ds], esCount(t, es, ds))
	})

	t.Run("policy action terms", func(t *testing.T) {
		ds := "logs-" + genai.DatasetBedrockInvocation + "-" + ns
		var res struct {
			Aggregations struct {
				Actions struct {
					Buckets []struct {
						Key      string `json:"key"`
						DocCount int    `json:"doc_count"`
					} `json:"buckets"`
				} `json:"actions"`
			} `json:"aggregations"`
		}
		body := `{"size":0,"aggs":{"actions":{"terms":{"field":"gen_ai.policy.action","size":50}}}}`
		esDo(t, es, esapi.SearchRequest{Index: []string{ds}, Body: strings.NewReader(body)}, &res)
		got := map[string]int{}
		for _, b := range res.Aggregations.Actions.Buckets {
			got[b.Key] = b.DocCount
		}
		require.Equal(t, policyActions, got)
	})

	t.Run("violation_detected is boolean", func(t *testing.T) {
		ds := "logs-" + genai.DatasetBedrockInvocation + "-" + ns
		var res map[string]struct {
			Mappings map[string]struct {
				Mapping map[string]struct {
					Type string `json:"type"`
				} `json:"mapping"`
			} `json:"mappings"`
		}
		esDo(t, es, esapi.IndicesGetFieldMappingRequest{Index: []string{ds}, Fields: []string{"gen_ai.compliance.violation_detected"}}, &res)
		require.NotEmpty(t, res)
		var types []string
		for _, idx := range res {
			for _, m := range idx.Mappings {
				for _, f := range m.Mapping {
					types = append(types, f.Type)
				}
			}
		}
		sort.Strings(types)
		require.NotEmpty(t, types)
		for _, typ := range types {
			require.Equal(t, "boolean", typ)
		}
	})
}
