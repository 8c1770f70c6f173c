package esfake

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func do(t *testing.T, method, url, body string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(b), res.Header
}

func TestBulkBehavesLikeElasticsearch(t *testing.T) {
	s := New()
	defer s.Close()
	bulk := `{"create":{"_index":"logs-a.b-default","_id":"1"}}
{"x":1}
{"create":{"_index":"logs-a.b-default","_id":"1"}}
{"x":2}
{"index":{"_index":"logs-a.b-default","_id":"2"}}
{"x":3}
{"create":{"_index":"logs-a.b-default","_id":"3"}}
not json
`
	code, body, h := do(t, http.MethodPost, s.URL+"/_bulk?pipeline=_none", bulk)
	require.Equal(t, 200, code)
	require.Equal(t, "Elasticsearch", h.Get("X-Elastic-Product"))
	require.Contains(t, body, `"errors":true`)
	require.Contains(t, body, `"status":201`)
	require.Contains(t, body, `"status":409`)
	require.Contains(t, body, "only write ops with an op_type of create are allowed in data streams")
	require.Contains(t, body, "document_parsing_exception")
	require.Equal(t, 1, s.Count("logs-a.b-default"))
	require.Equal(t, map[string]int{"_none": 4}, s.Pipelines())
}

func TestScriptsAndAuth(t *testing.T) {
	s := New(WithAPIKey("k1"))
	defer s.Close()
	code, _, _ := do(t, http.MethodGet, s.URL+"/", "")
	require.Equal(t, 401, code)

	s2 := New()
	defer s2.Close()
	s2.OnBulk(func(n int) int {
		if n == 1 {
			return 503
		}
		return 0
	})
	s2.OnItem(func(it Item) Result {
		if it.Attempt == 0 {
			return Result{Status: 429}
		}
		return Result{}
	})
	line := "{\"create\":{\"_index\":\"logs-a.b-x\",\"_id\":\"9\"}}\n{}\n"
	code, _, _ = do(t, http.MethodPost, s2.URL+"/_bulk", line)
	require.Equal(t, 503, code)
	_, body, _ := do(t, http.MethodPost, s2.URL+"/_bulk", line)
	require.Contains(t, body, `"status":429`)
	_, body, _ = do(t, http.MethodPost, s2.URL+"/_bulk", line)
	require.Contains(t, body, `"status":201`)
	require.Equal(t, 1, s2.Total())
}

func TestTemplates(t *testing.T) {
	s := New()
	defer s.Close()
	it := `{"index_patterns":["logs-a.b-*"],"priority":150,"data_stream":{},"composed_of":["c1"]}`
	code, body, _ := do(t, http.MethodPut, s.URL+"/_index_template/t1", it)
	require.Equal(t, 400, code, "the component template does not exist yet")
	require.Contains(t, body, "that do not exist")
	code, _, _ = do(t, http.MethodPut, s.URL+"/_component_template/c1", `{"template":{"mappings":{"properties":{"ok":{"type":"boolean"}}}}}`)
	require.Equal(t, 200, code)
	code, _, _ = do(t, http.MethodPut, s.URL+"/_index_template/t1", it)
	require.Equal(t, 200, code)
	code, body, _ = do(t, http.MethodPut, s.URL+"/_index_template/t2", `{"index_patterns":["logs-a.*"],"priority":150}`)
	require.Equal(t, 400, code, "same priority, overlapping patterns")
	require.Contains(t, body, "same priority")

	_, body, _ = do(t, http.MethodPost, s.URL+"/_index_template/_simulate_index/logs-a.b-default", "")
	require.Contains(t, body, `"ok":{"type":"boolean"}`)
	_, body, _ = do(t, http.MethodPost, s.URL+"/_bulk", "{\"create\":{\"_index\":\"logs-a.b-default\",\"_id\":\"1\"}}\n{\"ok\":\"maybe\"}\n")
	require.Contains(t, body, "failed to parse field [ok] of type [boolean]")
}
