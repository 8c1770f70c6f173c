package bedrock

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/genainorm/genainorm/bedrock/model"
	"github.com/genainorm/genainorm/genai"
)

// kindsModelIDs are the model ids the content kinds the model decoders collect are checked
// with: the Claude family's fast path and the general path of the other families and of an
// opaque id.
var kindsModelIDs = []string{
	"anthropic.claude-3-haiku-20240307-v1:0",
	"us.anthropic.claude-sonnet-4-20250514-v1:0",
	"amazon.nova-lite-v1:0",
	"meta.llama3-8b-instruct-v1:0",
	"openai.gpt-oss-20b-1:0",
	"acme.foo-v1",
	"",
}

// checkRequestKinds checks, for a body cleaned as cleanBodies cleans it, that the content kinds
// model.DecodeRequestKinds collects are those contentKinds lists (when it reports them), and
// that it fills the event as model.DecodeRequest does. It returns whether every model id had
// the kinds reported.
func checkRequestKinds(t *testing.T, body []byte) bool {
	t.Helper()
	if !json.Valid(body) {
		return true
	}
	body, _ = ivCleanJSON(nil, body, DefaultMinInlineDataBytes, nil)
	if !isBody(body) {
		return true
	}
	d := newInvocationDecoder(InvocationOptions{}.withDefaults())
	want := d.contentKinds(body)
	sortKinds(want)
	all := true
	for _, id := range kindsModelIDs {
		var wantEv, gotEv genai.Event
		wantEv.Request.Model = model.Parse(id)
		gotEv.Request.Model = wantEv.Request.Model
		model.DecodeRequest(&wantEv.Request.Model, bytes.Clone(body), &wantEv)
		in := bytes.Clone(body)
		got, ok := model.DecodeRequestKinds(&gotEv.Request.Model, in, &gotEv, []string{})
		for i := range in {
			in[i] = 'X' // the kinds must not alias the body
		}
		wj, err := json.Marshal(&wantEv)
		if err != nil {
			t.Fatal(err)
		}
		gj, err := json.Marshal(&gotEv)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(wj, gj) {
			t.Fatalf("%s: DecodeRequestKinds fills the event differently for %s:\n%s\n%s", id, body, wj, gj)
		}
		if !ok {
			all = false
			continue
		}
		sortKinds(got)
		if !slices.Equal(want, got) {
			t.Fatalf("%s: content kinds of %s: got %q, contentKinds lists %q", id, body, got, want)
		}
	}
	return all
}

// TestRequestKindsMatchContentKinds checks the kinds the model decoders collect against
// contentKinds on the fixtures' and the sample log's bodies (which must all have them
// collected) and on bodies made for the rules' corners.
func TestRequestKindsMatchContentKinds(t *testing.T) {
	for _, b := range contentKindsBodies(t) {
		if !checkRequestKinds(t, b) {
			t.Errorf("the model decoders did not collect the content kinds of %s", b)
		}
	}
	for _, b := range []string{
		`{}`, `[]`, `{"messages":{}}`, `{"messages":[1,{"content":5},{"content":"s"}]}`,
		`{"messages":[{"role":"user","content":""}]}`,
		`{"messages":[{"role":"user","content":[]}]}`,
		`{"messages":[{"content":[{"type":"text","text":"a"}],"role":"user"}]}`,
		`{"messages":[{"content":"x","role":"user"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{"a":1}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"r"}]}]}`,
		`{"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"image","source":{}},{"type":"text","text":"x"}]}]}]}`,
		`{"messages":[{"role":"user","content":[{"type":"text","text":"x"},{"text":"y"},{"image":{}},{"type":"t\u0041"},{"type":5},{"video":1,"type":"x"},{"type":"text","audio":1},{"type":"thinking"},{"type":"tool_use"},{"type":"tool_result"},{"type":"document"}]}]}`,
		`{"messages":[{"role":"user","content":[{"text":"y","type":"image_url"},{"type":true},{"type":false},{"type":null},{"type":{}},{"type":[]},{"type":"text","type":"redacted_thinking"},{"type":"image","type":"text"},{"document":{},"type":"x"},{"text":1,"image":2}]}]}`,
		`{"messages":[{"role":"user","content":{"type":"image"}}]}`,
		`{"messages":[{"role":"user","content":"a"}],"messages":[{"role":"user","content":[{"type":"document"}]}]}`,
		`{"messages":[{"role":"user","content":"a","content":[{"type":"video"}]}]}`,
		`{"messages":[{"role":"user","content":[{"type":"text","text":"a"}]}],"chat_history":[{"content":[{"type":"audio"}]}],"system":[{"type":"image"}]}`,
		`{"messag\u0065s":[{"role":"user","content":[{"type":"document"}]}]}`,
		`{"messages":[{"role":"user","cont\u0065nt":[{"type":"document"}]}]}`,
		`{"messages":[{"role":"user","content":[{"t\u0079pe":"document","text":"x"}]}]}`,
		`{"prompt":"x","messages":[{"role":"user","content":[{"type":"image"}]}]}`,
		`{"messages":[{"role":"user","content":[{"type":"text","text":"a\u00e9"},{"type":"te\u0078t"}]}]}`,
		`{"anthropic_version":"bedrock-2023-05-31","max_tokens":10,"system":"s","messages":[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}]}]}`,
	} {
		checkRequestKinds(t, []byte(b))
	}
}

// FuzzRequestKindsMatchContentKinds checks the kinds the model decoders collect against
// contentKinds on arbitrary bodies.
func FuzzRequestKindsMatchContentKinds(f *testing.F) {
	for _, b := range contentKindsBodies(f) {
		f.Add(b)
	}
	f.Add([]byte(`{"messages":[{"role":"user","content":[{"type":"text","text":"x"},{"text":"y","type":"image"},{"image":{},"type":"text"}]}]}`))
	f.Add([]byte(`{"messages":[{"content":[{"type":"tool_use","id":"a","name":"b","input":{}}],"role":"assistant"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) { checkRequestKinds(t, body) })
}
