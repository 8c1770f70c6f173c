package model

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// fastRequestIDs are the model ids the fast path is compared with: it serves the Claude
// family only, so the others check that it stays out of their way.
var fastRequestIDs = []string{"anthropic.claude-3-haiku-20240307-v1:0", "us.anthropic.claude-sonnet-4-20250514-v1:0", "acme.foo-v1", ""}

// checkFastRequest decodes body with the fast path allowed and with the general path only,
// and fails when the events differ. The body given to the fast path is overwritten after, so
// that an event aliasing it differs too.
func checkFastRequest(t *testing.T, id string, body []byte) {
	t.Helper()
	want, got := &genai.Event{}, &genai.Event{}
	want.Request.Model = Parse(id)
	got.Request.Model = want.Request.Model
	decodeRequest(&want.Request.Model, bytes.Clone(body), want, false)
	fast := bytes.Clone(body)
	decodeRequest(&got.Request.Model, fast, got, true)
	for i := range fast {
		fast[i] = 'X'
	}
	checkFastReset(t, body)
	if wj, gj, same := sameEvents(t, want, got); !same {
		t.Fatalf("%s: fast path differs for %q:\n%s\n%s", id, body, wj, gj)
	}
}

// checkFastReset checks that a body the fast path reads whole without request.member leaves
// only members resetFast clears.
func checkFastReset(t *testing.T, body []byte) {
	t.Helper()
	rs := new(requestState)
	w := pooledWriter("\n")
	defer w.release()
	if !rs.fastRequest(bytes.TrimSpace(body), &w) || rs.d.wide {
		return
	}
	rs.r.resetFast()
	if !reflect.DeepEqual(rs.r, request{}) {
		t.Fatalf("resetFast leaves members of %q set: %+v", body, rs.r)
	}
}

// sameEvents reports whether two events marshal to the same JSON, and returns both.
func sameEvents(t *testing.T, want, got *genai.Event) (wj, gj []byte, same bool) {
	t.Helper()
	wj, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	gj, err = json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	return wj, gj, bytes.Equal(wj, gj)
}

// TestFastRequestSamples compares the fast path with the general one on the request bodies of
// the invocation-log samples and of the fixtures.
func TestFastRequestSamples(t *testing.T) {
	recs, _ := sampleRecords(t)
	var bodies [][]byte
	for _, r := range recs {
		bodies = append(bodies, r.req)
	}
	names, _ := filepath.Glob(filepath.Join(fixtures, "*.request.json"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, b, compact(t, b))
	}
	for _, b := range bodies {
		for _, id := range fastRequestIDs {
			checkFastRequest(t, id, b)
		}
	}
}

// TestFastRequestTaken checks that the usual Anthropic Messages bodies take the fast path's
// layout walk, and that the others give up as they should.
func TestFastRequestTaken(t *testing.T) {
	for body, want := range map[string]bool{
		`{"anthropic_version":"bedrock-2023-05-31","max_tokens":10,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}`: true,
		`{"messages":[{"role":"user","content":"a\n\"b\""},{"role":"assistant","content":[]}],"system":"s"}`:                              true,
		`{"messages":[]}`:                          true,
		`{"system":"a\tb","messages":[]}`:          true,
		`{"system":"\u00e9","messages":[]}`:        true,
		`{"system":"","messages":[]}`:              true,
		`{"system":[{"type":"text","text":"s"}]}`:  true,
		`{"system":"a","system":"b"}`:              false,
		`{"prompt":"\n\nHuman: hi","messages":[]}`: false,
		`{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"m\u0061x_tokens":5}`: false,
		`{"messages":null}`: false,
	} {
		var rs requestState
		w := pooledWriter("\n")
		got := rs.fastRequest([]byte(body), &w)
		if got != want {
			t.Errorf("fastRequest(%s) = %v, want %v", body, got, want)
		}
		w.release()
		checkFastRequest(t, fastRequestIDs[0], []byte(body))
	}
	for body, want := range map[string]bool{
		`[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"text","text":"a\"\\\n\r\tb"}]}]`: true,
		`[{"role":"user","content":"é"},{"role":"assistant","content":""}]`:                               true,
		`[{"role":"user","content":"\u00e9"}]`:                                                            true,
		`[]`:                                                                                              true,
		`[{"role":"user","content":[{"type":"text","text":"hi","cache_control":{}}]}]`:                    false,
		`[{"role":"user","content":[{"type":"image","source":{}}]}]`:                                      false,
		`[{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"n","input":{"a":[1]}}]}]`:    true,
		`[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"r\n"}]}]`:          true,
		`[{"role":"user","content":[{"type":"tool_result","tool_use_id":"","content":""}]}]`:              true,
		`[{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"n","input":{"a": 1}}]}]`:     false,
		`[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[]}]}]`:             false,
		`[{"content":"hi","role":"user"}]`:                                                                true,
		`[{"content":[{"type":"text","text":"a\tb"}],"role":"assistant"},{"role":"user","content":"c"}]`:  true,
		`[{"content":"hi","name":"x","role":"user"}]`:                                                     false,
		`[{"content":"hi","role":"user","name":"x"}]`:                                                     false,
		`[{"role":"us\u0065r","content":"hi"}]`:                                                           false,
		`[ {"role":"user","content":"hi"}]`:                                                               false,
		`[{"role":"user","content":null}]`:                                                                false,
	} {
		var d decoder
		w := pooledWriter("\n")
		if _, got := d.layoutMessages([]byte(body), 0, &w); got != want {
			t.Errorf("layoutMessages(%s) = %v, want %v", body, got, want)
		}
		w.release()
		checkFastRequest(t, fastRequestIDs[0], []byte(`{"messages":`+body+`}`))
	}
}

// TestFastRequestDeep compares the fast path with the general one on bodies nesting about as
// deep as the decoder accepts: the fast path reads member values from depth 0, not 1.
func TestFastRequestDeep(t *testing.T) {
	for depth := jsonscan.MaxDepth - 2; depth <= jsonscan.MaxDepth+1; depth++ {
		for _, name := range []string{"tools", "messages", "system", "temperature"} {
			body := `{"max_tokens":1,"` + name + `":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`
			checkFastRequest(t, fastRequestIDs[0], []byte(body))
		}
	}
}

// TestStringEnd checks stringEnd against what genai.AppendJSONString writes.
func TestStringEnd(t *testing.T) {
	for _, s := range []string{
		`""`, `"a"`, `"abcdefghijklmnopq"`, `"a\"b"`, `"a\\b\n\r\t"`, `"a\/b"`, `"\u0041"`, `"\b\f"`,
		"\"é\"", "\"\u2028\"", "\"a\u2029bcdefghij\"", "\"\xff\"", "\"\xe2\x80\"", `"0123456789\"0123456789"`,
		"\"\uFFFD\"", "\"abcdefgh\x7f\"",
	} {
		// Each also inside runs long enough for stringEnd's SIMD search, plain or not.
		for _, pad := range []string{"", strings.Repeat("x", 70), strings.Repeat("x", 140), strings.Repeat("é", 90), strings.Repeat("ab\\n", 40) + strings.Repeat("y", 300)} {
			checkStringEnd(t, `"`+pad+s[1:len(s)-1]+pad+`"`)
		}
	}
}

// FuzzStringEnd checks stringEnd on valid JSON strings, inside long runs too.
func FuzzStringEnd(f *testing.F) {
	f.Add([]byte(`a\"b`), uint8(0))
	f.Add([]byte("\u2028"), uint8(140))
	f.Add([]byte("\xff"), uint8(200))
	f.Fuzz(func(t *testing.T, b []byte, pad uint8) {
		s := `"` + strings.Repeat("x", int(pad)) + string(b) + `"`
		if !json.Valid([]byte(s)) {
			return
		}
		checkStringEnd(t, s)
	})
}

// checkStringEnd checks stringEnd on the valid JSON string s: its end, and its kind against
// what genai.AppendJSONString writes for its text.
func checkStringEnd(t *testing.T, s string) {
	t.Helper()
	{
		end, kind := stringEnd([]byte(s), 1)
		if end != len(s)-1 {
			t.Errorf("stringEnd(%q) = %d, want %d", s, end, len(s)-1)
		}
		text := appendUnquoted(nil, []byte(s))
		raw := genai.AppendJSONString(nil, string(text)) // what the general path writes
		if copyable := kind != copyNo; copyable != (string(raw) == s) {
			t.Errorf("stringEnd(%q): kind %d, but AppendJSONString writes %s", s, kind, raw)
		}
		if kind == copyEscaped && string(jsonscan.AppendUnquoteSimple(nil, []byte(s[1:len(s)-1]))) != string(text) {
			t.Errorf("jsonscan.AppendUnquoteSimple(%q) = %q, want %q", s, jsonscan.AppendUnquoteSimple(nil, []byte(s[1:len(s)-1])), text)
		}
	}
}

// FuzzFastRequest compares the fast path with the general one on Anthropic Messages bodies
// built around fuzzed texts, roles and values, and on fuzzed bodies.
func FuzzFastRequest(f *testing.F) {
	f.Add(uint8(0), `"user"`, []byte(`"hi"`))
	f.Add(uint8(1), `"assistant"`, []byte(`"a\"b\\c\nd\u00e9\u2028"`))
	f.Add(uint8(2), `"user"`, []byte(`"Sorry, the model cannot answer this question."`))
	f.Add(uint8(3), `"user"`, []byte(`[{"type":"text","text":"x"},{"type":"tool_use","id":"t","name":"n","input":{}}]`))
	f.Add(uint8(4), `"user"`, []byte(`{"messages":[{"role":"user","content":"hi"}],"max_tokens":3}`))
	f.Add(uint8(5), `"tool"`, []byte(`[{"role":"user","content":"a"},{"role":"user","content":[]}]`))
	f.Add(uint8(6), `5`, []byte(`"\ud800"`))
	f.Add(uint8(0), `"us\u0065r"`, []byte("\"\xff\xfe\""))
	f.Add(uint8(7), `"user"`, []byte(`"You are \"helpful\".\n"`))
	f.Add(uint8(8), `"user"`, []byte(`"\n\n<function_results>\n<result>"`))
	f.Add(uint8(9), `"assistant"`, []byte(`"toolu_01"`))
	f.Add(uint8(9), `"assistant"`, []byte(`{"order_id":"1234","n":[1,2.5,true,null]}`))
	f.Add(uint8(9), `"assistant"`, []byte(`{"a":"\ud800","b":"\\u"}`))
	f.Add(uint8(9), `"assistant"`, []byte("{\"a\":\"\xff\",\"a\":\"é\"}"))
	f.Add(uint8(10), `"user"`, []byte(`"a b\u00e9"`))
	f.Add(uint8(11), `"user"`, []byte(`0.7`))
	f.Add(uint8(11), `"user"`, []byte(`-1.5e+3`))
	f.Add(uint8(11), `"user"`, []byte(`"bedrock-2023-05-31"`))
	f.Add(uint8(11), `"user"`, []byte(`01`))
	f.Add(uint8(12), `200`, []byte(`["\n\nHuman:","</answer>"]`))
	f.Add(uint8(12), `1.`, []byte(`["a","b",""]`))
	f.Add(uint8(12), `1`, []byte(`["a\"b","c\\d\t","\u0041","\r\n"]`))
	f.Add(uint8(11), `"user"`, []byte(`"\n\nHuman:"`))
	f.Add(uint8(12), `2`, []byte("[\"\\n\xe2\x80\xa8\",\"\\/\"]"))
	f.Add(uint8(12), `-0`, []byte(`[]`))
	f.Add(uint8(12), `1e400`, []byte("[\"\xff\", \"b\"]"))
	f.Add(uint8(10), `"user"`, []byte("\"\xff\""))
	// Invalid JSON where the fast path reads the body itself: the general path reports it.
	f.Add(uint8(4), `"user"`, []byte("{\"messages\":[{\"role\":\"user\",\"content\":\"a\x01b\"}]}"))
	f.Add(uint8(4), `"user"`, []byte(`{"messages":[{"role":"user","content":"\q"}],"system":"\x"}`))
	f.Add(uint8(4), `"user"`, []byte("{\"messages\":[{\"role\":\"u\tr\",\"content\":\"a\"}],\"max_tokens\":1}"))
	f.Add(uint8(4), `"user"`, []byte(`{"max_tokens":1,"messages":[{"role":"user","content":[{"type":"text","text":"a\u00"}]}]}`))
	f.Add(uint8(4), `"user"`, []byte(`{"max_tokens" : 1 , "messages":[], "top_k":[1,}`))
	f.Add(uint8(4), `"user"`, []byte(`{"messages":[]} trailing`))
	f.Add(uint8(4), `"user"`, []byte(`{"system":"s","messages":[{"role":"user","content":"a"}]`))
	f.Fuzz(func(t *testing.T, kind uint8, role string, text []byte) {
		var body string
		switch kind % 13 {
		case 0:
			body = `{"anthropic_version":"bedrock-2023-05-31","max_tokens":10,"messages":[{"role":` + role + `,"content":[{"type":"text","text":` + string(text) + `}]}]}`
		case 1:
			body = `{"messages":[{"role":` + role + `,"content":` + string(text) + `}],"anthropic_version":"x","temperature":0.5}`
		case 2:
			body = `{"system":` + string(text) + `,"messages":[{"role":"user","content":[{"type":"text","text":` + string(text) + `},{"type":"text","text":"b"}]},{"role":` + role + `,"content":` + string(text) + `}]}`
		case 3:
			body = `{"messages":[{"role":` + role + `,"content":` + string(text) + `}]}`
		case 4:
			body = string(text)
		case 5:
			body = `{"max_tokens":1,"messages":` + string(text) + `}`
		case 6:
			body = `{"messages":[{"role":` + role + `,"content":[{"type":"text","text":` + string(text) + `,"cache_control":{"type":"ephemeral"}}]}],"prompt":` + string(text) + `}`
		case 8:
			body = `{"messages":[{"content":[{"type":"text","text":` + string(text) + `}],"role":` + role + `},{"content":` + string(text) + `,"role":"assistant"}],"anthropic_version":"v"}`
		case 7:
			body = `{"anthropic_version":"bedrock-2023-05-31","system":` + string(text) + `,"messages":[{"role":` + role + `,"content":"hi"}]}`
		case 9:
			body = `{"messages":[{"role":` + role + `,"content":[{"type":"tool_use","id":` + string(text) + `,"name":"n","input":` + string(text) + `}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":` + string(text) + `}]}]}`
		case 11:
			body = `{"max_tokens":` + string(text) + `,"top_p":1,"temperature":` + string(text) + `,"stop_sequences":[` + string(text) + `,"x"],"anthropic_version":` + string(text) + `,"messages":[{"role":` + role + `,"content":"hi"}]}`
		case 12:
			body = `{"stop_sequences":` + string(text) + `,"top_k":` + string(text) + `,"stop_sequences":["a",""],"max_tokens":` + role + `}`
		case 10:
			body = `{"messages":[{"content":[{"type":"text","text":"a"},{"type":"tool_use","id":"t","name":` + string(text) + `,"input":{"a":` + string(text) + `}},{"type":"tool_result","tool_use_id":` + string(text) + `,"content":"r"}],"role":` + role + `}]}`
		}
		for _, id := range fastRequestIDs {
			checkFastRequest(t, id, []byte(body))
		}
	})
}

// BenchmarkFastRequest decodes the Claude request bodies of the samples with the fast path
// ("fast") and with the general path only ("general").
func BenchmarkFastRequest(b *testing.B) {
	recs, _ := sampleRecords(b)
	var claude []sampleRecord
	var size int64
	for _, r := range recs {
		if Parse(r.id).Family == FamilyClaude && len(r.req) > 0 {
			claude = append(claude, r)
			size += int64(len(r.req))
		}
	}
	for _, fast := range []bool{true, false} {
		name := "general"
		if fast {
			name = "fast"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			var ev genai.Event
			for b.Loop() {
				for i := range claude {
					r := &claude[i]
					ev.Reset()
					ev.Request.Model = Parse(r.id)
					decodeRequest(&ev.Request.Model, r.req, &ev, fast)
				}
			}
		})
	}
}
