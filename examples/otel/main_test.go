package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// testRegistry holds one tiny format, so that the example's wiring is tested apart from the
// provider decoders: {"test":1,"model":"m","in":3,"out":4,"ms":250,"error":"X"}.
func testRegistry() *genai.Registry {
	reg := new(genai.Registry)
	reg.Register(&genai.Format{
		Name:        "test.simple",
		Description: "test records",
		Detect:      func(data []byte) bool { return bytes.Contains(data, []byte(`"test"`)) },
		NewDecoder:  func() genai.Decoder { return testDecoder{} },
	})
	return reg
}

type testDecoder struct{}

func (testDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	var r struct {
		Model string `json:"model"`
		In    *int64 `json:"in"`
		Out   *int64 `json:"out"`
		MS    *int64 `json:"ms"`
		Error string `json:"error"`
	}
	if err := json.Unmarshal(rec.Data, &r); err != nil {
		return err
	}
	if r.Model == "" {
		return errors.New("no model")
	}
	ev.Source.ProviderName = genai.ProviderAWSBedrock
	ev.Source.Format = "test.simple"
	ev.Request.Operation = genai.OperationChat
	ev.Request.Model.ID = r.Model
	if r.In != nil {
		ev.Usage.InputTokens.Set(*r.In)
	}
	if r.Out != nil {
		ev.Usage.OutputTokens.Set(*r.Out)
	}
	if r.MS != nil {
		ev.Performance.ResponseTime.Set(*r.MS)
	}
	ev.Response.ErrorCode = r.Error
	return nil
}

func writeInput(t *testing.T, lines string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.ndjson")
	require.NoError(t, os.WriteFile(path, []byte(lines), 0o600))
	return path
}

// outputLines splits the example's standard output into JSON objects, one per line.
func outputLines(t *testing.T, out []byte) []map[string]any {
	t.Helper()
	var docs []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "line %q", sc.Text())
		docs = append(docs, m)
	}
	require.NoError(t, sc.Err())
	return docs
}

// metricsByName returns the metrics of the exported ResourceMetrics document, by name.
func metricsByName(t *testing.T, doc map[string]any) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, sm := range doc["ScopeMetrics"].([]any) {
		for _, m := range sm.(map[string]any)["Metrics"].([]any) {
			mm := m.(map[string]any)
			out[mm["Name"].(string)] = mm
		}
	}
	return out
}

func TestRun(t *testing.T) {
	in := writeInput(t, `{"test":1,"model":"m1","in":3,"out":40,"ms":250}
{"test":1,"model":"m1","in":0,"out":0,"ms":30,"error":"ThrottlingException"}
{"test":1}
`)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-timestamps=false", in}, &stdout, &stderr, testRegistry())
	require.Equal(t, 1, code, "one record is an error; stderr: %s", stderr.String())
	require.Contains(t, stderr.String(), "3 records, 3 events, 1 errors")

	docs := outputLines(t, stdout.Bytes())
	require.Len(t, docs, 4) // three log records, then the metrics
	for i, want := range []struct {
		name string
		sev  float64
	}{
		{"gen_ai.client.inference.operation.details", 9},
		{"gen_ai.client.inference.operation.details", 17},
		{"genainorm.pipeline_error", 17},
	} {
		require.Equal(t, want.name, docs[i]["EventName"], "record %d", i)
		require.Equal(t, want.sev, docs[i]["Severity"], "record %d", i)
	}

	metrics := metricsByName(t, docs[3])
	require.Len(t, metrics, 2) // no streamed record: no time to first chunk data

	usage := metrics["gen_ai.client.token.usage"]
	require.Equal(t, "{token}", usage["Unit"])
	points := usage["Data"].(map[string]any)["DataPoints"].([]any)
	sums := map[string]float64{}
	for _, p := range points {
		pm := p.(map[string]any)
		for _, a := range pm["Attributes"].([]any) {
			am := a.(map[string]any)
			if am["Key"] == "gen_ai.token.type" {
				sums[am["Value"].(map[string]any)["Value"].(string)] = pm["Sum"].(float64)
			}
		}
		require.Equal(t, float64(1), pm["Count"], "the throttled record's zero counts are not usage")
	}
	require.Equal(t, map[string]float64{"input": 3, "output": 40}, sums)

	duration := metrics["gen_ai.client.operation.duration"]
	require.Equal(t, "s", duration["Unit"])
	points = duration["Data"].(map[string]any)["DataPoints"].([]any)
	require.Len(t, points, 2) // success, and ThrottlingException with error.type
	var total float64
	for _, p := range points {
		total += p.(map[string]any)["Sum"].(float64)
	}
	require.InDelta(t, 0.28, total, 1e-9)
}

func TestRunFlags(t *testing.T) {
	in := writeInput(t, `{"test":1,"model":"m1","in":3,"out":4,"ms":250}`+"\n")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantDocs int
	}{
		{name: "metrics only", args: []string{"-logs=false", in}, wantCode: 0, wantDocs: 1},
		{name: "logs only", args: []string{"-metrics=false", in}, wantCode: 0, wantDocs: 1},
		{name: "no files", args: nil, wantCode: 2},
		{name: "missing file", args: []string{filepath.Join(t.TempDir(), "absent.ndjson")}, wantCode: 2, wantDocs: 1}, // the (empty) metrics are still exported
		{name: "bad flag", args: []string{"-nope", in}, wantCode: 2},
		{name: "help", args: []string{"-h"}, wantCode: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr, testRegistry())
			require.Equal(t, tt.wantCode, code, "stderr: %s", stderr.String())
			require.Len(t, outputLines(t, stdout.Bytes()), tt.wantDocs)
		})
	}
}

func TestRunContent(t *testing.T) {
	// Content is opt-in: the flag decides whether gen_ai.input.messages reaches the exporter.
	reg := new(genai.Registry)
	reg.Register(&genai.Format{
		Name:   "test.content",
		Detect: func([]byte) bool { return true },
		NewDecoder: func() genai.Decoder {
			return decoderFunc(func(rec *genai.Record, ev *genai.Event) error {
				ev.Request.InputMessages = []byte(`[{"role":"user","parts":[{"type":"text","content":"hi"}]}]`)
				return nil
			})
		},
	})
	in := writeInput(t, "{}\n")
	for _, content := range []bool{false, true} {
		var stdout, stderr bytes.Buffer
		args := []string{"-metrics=false", in}
		if content {
			args = append([]string{"-content"}, args...)
		}
		require.Equal(t, 0, run(context.Background(), args, &stdout, &stderr, reg), stderr.String())
		require.Equal(t, content, bytes.Contains(stdout.Bytes(), []byte(`"gen_ai.input.messages"`)), "content=%v", content)
	}
}

type decoderFunc func(rec *genai.Record, ev *genai.Event) error

func (f decoderFunc) Decode(rec *genai.Record, ev *genai.Event) error { return f(rec, ev) }

// attr returns the value of the attribute key in an exported log record or data point, or nil.
func attr(doc map[string]any, key string) any {
	for _, a := range doc["Attributes"].([]any) {
		am := a.(map[string]any)
		if am["Key"] == key {
			return am["Value"].(map[string]any)["Value"]
		}
	}
	return nil
}

// TestRunFixtures runs the example as shipped, with the Bedrock and Azure OpenAI formats, on its
// own fixtures: a Bedrock Converse call with cache reads, a throttled call, a truncated line,
// and an Azure OpenAI chat completion body.
func TestRunFixtures(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := []string{"-timestamps=false", "testdata/invocations.ndjson", "testdata/azure_responses.ndjson"}
	require.Equal(t, 1, run(context.Background(), args, &stdout, &stderr, newRegistry()), stderr.String())
	require.Contains(t, stderr.String(), "4 records, 4 events, 1 errors")

	docs := outputLines(t, stdout.Bytes())
	require.Len(t, docs, 5)
	want := []struct {
		event, severity, provider, errorType string
		inputTokens                          any
	}{
		{"gen_ai.client.inference.operation.details", "INFO", "aws.bedrock", "", float64(21 + 1200)},
		{"gen_ai.client.inference.operation.details", "ERROR", "aws.bedrock", "ThrottlingException", float64(0)},
		{"genainorm.pipeline_error", "ERROR", "", "genainorm.pipeline_error", nil},
		{"gen_ai.client.inference.operation.details", "INFO", "azure.ai.openai", "", float64(52)},
	}
	for i, w := range want {
		d := docs[i]
		require.Equal(t, w.event, d["EventName"], "record %d", i)
		require.Equal(t, w.severity, d["SeverityText"], "record %d", i)
		if w.provider != "" {
			require.Equal(t, w.provider, attr(d, "gen_ai.provider.name"), "record %d", i)
		}
		if w.errorType != "" {
			require.Equal(t, w.errorType, attr(d, "error.type"), "record %d", i)
		} else {
			require.Nil(t, attr(d, "error.type"), "record %d", i)
		}
		require.Equal(t, w.inputTokens, attr(d, "gen_ai.usage.input_tokens"), "record %d", i)
		require.Nil(t, attr(d, "gen_ai.input.messages"), "content is opt-in (record %d)", i)
	}
	require.Equal(t, "0b7f6f6e-3c1d-4a51-9e0e-5a1b2c3d4e01", attr(docs[0], "aws.request_id"))
	require.Equal(t, "chatcmpl-Ex0tel0001", attr(docs[3], "gen_ai.response.id"))

	// Token usage per provider and token type: the throttled call's zero counts are left out.
	usage := metricsByName(t, docs[4])["gen_ai.client.token.usage"]
	got := map[string]float64{}
	for _, p := range usage["Data"].(map[string]any)["DataPoints"].([]any) {
		pm := p.(map[string]any)
		got[attr(pm, "gen_ai.provider.name").(string)+"/"+attr(pm, "gen_ai.token.type").(string)] += pm["Sum"].(float64)
		require.Equal(t, float64(1), pm["Count"])
	}
	require.Equal(t, map[string]float64{
		"aws.bedrock/input": 1221, "aws.bedrock/output": 9,
		"azure.ai.openai/input": 52, "azure.ai.openai/output": 6,
	}, got)
}
