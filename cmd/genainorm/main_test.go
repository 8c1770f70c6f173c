package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func docs(t *testing.T, ndjson string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(ndjson), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		out = append(out, m)
	}
	return out
}

func field(m map[string]any, path string) any {
	var cur any = m
	for _, p := range strings.Split(path, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[p]
	}
	return cur
}

func TestNormalizeKeepsGoingPastBadLines(t *testing.T) {
	input := filepath.Join("..", "..", "testdata", "cli", "mixed.ndjson")
	code, out, errOut := runCLI(t, "", "normalize", input)
	require.Equal(t, 1, code, "a record became an error document: exit 1\n%s", errOut)
	ds := docs(t, out)
	require.Len(t, ds, 4, "one document per input line, in input order")
	require.Equal(t, "event", field(ds[0], "event.kind"))
	require.Equal(t, "Converse", field(ds[0], "event.action"))
	require.Equal(t, "pipeline_error", field(ds[1], "event.kind"))
	require.Contains(t, field(ds[1], "event.original"), `"timestamp":"2025-03-10T14:03:`)
	require.Equal(t, float64(2), field(ds[1], "genainorm.record.line"))
	require.Equal(t, "InvokeModel", field(ds[2], "event.action"))
	require.Equal(t, "AccessDeniedException", field(ds[2], "gen_ai.response.error_code"))
	require.Equal(t, "failure", field(ds[2], "event.outcome"))
	require.Equal(t, "azure_openai.logs", field(ds[3], "data_stream.dataset"))
	require.Contains(t, errOut, "4 records, 4 documents written, 1 error documents")
	for _, d := range ds {
		b, _ := json.Marshal(d)
		require.NoError(t, ecs.ValidateDocument(b, genai.ProfileElastic))
	}
}

func TestNormalizeStdinGzipAndProfiles(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cli", "mixed.ndjson"))
	require.NoError(t, err)
	first := strings.SplitN(string(raw), "\n", 2)[0] + "\n"
	code, out, _ := runCLI(t, first, "normalize", "--profile", "ecs", "-")
	require.Equal(t, 0, code)
	d := docs(t, out)[0]
	require.Equal(t, "anthropic.claude-3-5-sonnet-20240620-v1:0", field(d, "gen_ai.request.model"))
	require.Nil(t, field(d, "gen_ai.usage.prompt_tokens"))
	b, _ := json.Marshal(d)
	require.NoError(t, ecs.ValidateDocument(b, genai.ProfileECS))
}

func TestNormalizeRawBodies(t *testing.T) {
	input := filepath.Join("..", "..", "testdata", "bedrock", "converse.ndjson")
	code, out, _ := runCLI(t, "", "normalize", input)
	require.Equal(t, 0, code)
	d := docs(t, out)[0]
	require.NotEmpty(t, field(d, "gen_ai.prompt"))
	require.Nil(t, field(d, "aws_bedrock.invocation.input.input_body_json"), "left out by default")

	code, out, _ = runCLI(t, "", "normalize", "--raw-bodies", input)
	require.Equal(t, 0, code)
	d = docs(t, out)[0]
	require.IsType(t, map[string]any{}, field(d, "aws_bedrock.invocation.input.input_body_json"))
	require.IsType(t, map[string]any{}, field(d, "aws_bedrock.invocation.output.output_body_json"))
	b, _ := json.Marshal(d)
	require.NoError(t, ecs.ValidateDocument(b, genai.ProfileElastic))
}

func TestUsageErrors(t *testing.T) {
	code, _, errOut := runCLI(t, "", "normalize", "--profile", "nope")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, `unknown profile "nope"`)
	code, _, errOut = runCLI(t, "", "normalize", "--format", "nope", "-")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, `unknown format "nope"`)
	code, _, errOut = runCLI(t, "", "normalize", "--namespace", "Bad-NS", "-")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "namespace")
	code, _, errOut = runCLI(t, "", "normalize", "does-not-exist.log")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "does-not-exist.log")
	code, _, _ = runCLI(t, "", "bogus")
	require.Equal(t, 2, code)
	code, _, errOut = runCLI(t, "", "normalize", "--help")
	require.Equal(t, 0, code)
	require.Contains(t, errOut, "Examples:")
}

func TestFieldsAndTemplate(t *testing.T) {
	code, out, _ := runCLI(t, "", "fields", "--format", "json")
	require.Equal(t, 0, code)
	var fields []struct{ Name, Type string }
	require.NoError(t, json.Unmarshal([]byte(out), &fields))
	types := map[string]string{}
	for _, f := range fields {
		types[f.Name] = f.Type
	}
	require.Equal(t, "boolean", types["gen_ai.compliance.violation_detected"])
	require.Equal(t, "keyword", types["gen_ai.request.model.id"])

	code, out, _ = runCLI(t, "", "fields")
	require.Equal(t, 0, code)
	require.Contains(t, out, "# genainorm field reference")

	code, out, _ = runCLI(t, "", "template", "--profile", "ecs")
	require.Equal(t, 0, code)
	var tpl struct {
		Component map[string]json.RawMessage `json:"component_templates"`
		Index     map[string]json.RawMessage `json:"index_templates"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &tpl))
	require.Contains(t, tpl.Component, "genainorm-ecs@mappings")
	require.Contains(t, tpl.Index, "genainorm-ecs-aws_bedrock.invocation")
}
