package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/genainorm/genainorm/genai"
)

// fuzzIDs are the model ids the fuzz targets try each input with: every family, and ids
// that leave the family to the body.
var fuzzIDs = []string{
	"anthropic.claude-3-haiku-20240307-v1:0", "amazon.nova-pro-v1:0", "amazon.titan-text-express-v1",
	"amazon.titan-embed-text-v2:0", "amazon.titan-image-generator-v2:0", "meta.llama3-70b-instruct-v1:0",
	"mistral.mistral-large-2407-v1:0", "cohere.command-text-v14", "cohere.command-r-v1:0",
	"cohere.embed-english-v3", "ai21.jamba-1-5-large-v1:0", "ai21.j2-ultra-v1",
	"stability.sd3-5-large-v1:0", "us.deepseek.r1-v1:0", "openai.gpt-oss-120b-1:0", "acme.foo-v1",
	"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc", "",
}

// seed adds every fixture of the given kind ("request", "response", "stream") to f.
func seed(f *testing.F, kind string) {
	names, _ := filepath.Glob(filepath.Join(fixtures, "*."+kind+".json"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
	}
	f.Add([]byte(`{"messages":[{"content":{"content":{"content":[]}}}]}`), uint8(3))
}

// checkFuzzed asserts the invariants every decoded event keeps on any input.
func checkFuzzed(t *testing.T, ev *genai.Event) {
	for name, b := range map[string][]byte{
		"system_instructions": ev.Request.SystemInstructions, "input_messages": ev.Request.InputMessages,
		"tool_definitions": ev.Request.ToolDefinitions, "output_messages": ev.Response.OutputMessages,
	} {
		if b != nil && (!json.Valid(b) || b[0] != '[') {
			t.Fatalf("%s is not a valid JSON array: %q", name, b)
		}
	}
}

func FuzzDecodeRequest(f *testing.F) {
	seed(f, "request")
	f.Fuzz(func(t *testing.T, body []byte, id uint8) {
		ev := &genai.Event{}
		ev.Request.Model = Parse(fuzzIDs[int(id)%len(fuzzIDs)])
		DecodeRequest(&ev.Request.Model, body, ev)
		checkFuzzed(t, ev)
	})
}

func FuzzDecodeResponse(f *testing.F) {
	seed(f, "response")
	f.Fuzz(func(t *testing.T, body []byte, id uint8) {
		ev := &genai.Event{}
		ev.Request.Model = Parse(fuzzIDs[int(id)%len(fuzzIDs)])
		DecodeResponse(&ev.Request.Model, body, ev)
		checkFuzzed(t, ev)
	})
}

func FuzzDecodeStream(f *testing.F) {
	seed(f, "stream")
	f.Fuzz(func(t *testing.T, body []byte, id uint8) {
		// The body is split into chunks: a JSON array's items when it is one, else lines.
		var cs [][]byte
		var items []json.RawMessage
		if json.Unmarshal(body, &items) == nil {
			for _, it := range items {
				cs = append(cs, it)
			}
		} else {
			for _, l := range strings.Split(string(body), "\n") {
				cs = append(cs, []byte(l))
			}
		}
		ev := &genai.Event{}
		ev.Request.Model = Parse(fuzzIDs[int(id)%len(fuzzIDs)])
		DecodeStream(&ev.Request.Model, cs, ev)
		checkFuzzed(t, ev)
	})
}

func FuzzParse(f *testing.F) {
	for _, id := range fuzzIDs {
		f.Add(id)
	}
	f.Add("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abc")
	f.Fuzz(func(t *testing.T, id string) {
		m := Parse(id)
		if m.ID != id {
			t.Fatalf("id not verbatim: %q -> %q", id, m.ID)
		}
	})
}
