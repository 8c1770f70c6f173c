package model

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// sampleRecord is the model side of one InvokeModel record of the invocation-log samples.
type sampleRecord struct {
	id, op    string
	req, resp []byte
	stream    [][]byte
}

// sampleRecords reads the InvokeModel records of the repository's Bedrock invocation-log test
// data and of the shared samples (when present): the bodies the normalize benchmark decodes.
func sampleRecords(tb testing.TB) (recs []sampleRecord, size int64) {
	tb.Helper()
	files, _ := filepath.Glob("../../testdata/bedrock/*.ndjson")
	files = append(files, "../../../shared/samples/bedrock/invocation.log")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for line := range bytes.SplitSeq(data, []byte("\n")) {
			var rec struct {
				Op    string `json:"operation"`
				Model string `json:"modelId"`
				Input struct {
					InputBodyJSON json.RawMessage `json:"inputBodyJson"`
				} `json:"input"`
				Output struct {
					OutputBodyJSON json.RawMessage `json:"outputBodyJson"`
				} `json:"output"`
			}
			if json.Unmarshal(line, &rec) != nil || !strings.HasPrefix(rec.Op, "InvokeModel") {
				continue
			}
			r := sampleRecord{id: rec.Model, op: rec.Op, req: compact(tb, rec.Input.InputBodyJSON)}
			size += int64(len(r.req))
			out := compact(tb, rec.Output.OutputBodyJSON)
			if len(out) > 0 && out[0] == '[' {
				for _, c := range chunks(tb, out) {
					if len(c) > 0 && c[0] == '{' {
						r.stream = append(r.stream, c)
						size += int64(len(c))
					}
				}
			} else {
				r.resp = out
				size += int64(len(out))
			}
			recs = append(recs, r)
		}
	}
	if len(recs) == 0 {
		tb.Skip("no invocation-log samples")
	}
	return recs, size
}

func compact(tb testing.TB, v []byte) []byte {
	if len(v) == 0 {
		return nil
	}
	var b bytes.Buffer
	if err := json.Compact(&b, v); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// BenchmarkSamples decodes the model bodies of the invocation-log samples (the Bedrock part of
// the normalize benchmark) by kind: requests, non-streaming responses and streams.
func BenchmarkSamples(b *testing.B) {
	recs, _ := sampleRecords(b)
	for _, kind := range []string{"request", "response", "stream"} {
		b.Run(kind, func(b *testing.B) {
			var size int64
			for _, r := range recs {
				switch kind {
				case "request":
					size += int64(len(r.req))
				case "response":
					size += int64(len(r.resp))
				default:
					for _, c := range r.stream {
						size += int64(len(c))
					}
				}
			}
			b.SetBytes(size)
			b.ReportAllocs()
			var ev genai.Event
			for b.Loop() {
				for i := range recs {
					r := &recs[i]
					ev.Reset()
					ev.Request.Model = Parse(r.id)
					switch {
					case kind == "request":
						DecodeRequest(&ev.Request.Model, r.req, &ev)
					case kind == "response" && r.resp != nil:
						DecodeResponse(&ev.Request.Model, r.resp, &ev)
					case kind == "stream" && r.stream != nil:
						DecodeStream(&ev.Request.Model, r.stream, &ev)
					}
				}
			}
		})
	}
}

// TestSamplesOwnTheirText checks that nothing decoded from the invocation-log samples aliases
// the body bytes: the caller reuses its buffers once a record is decoded.
func TestSamplesOwnTheirText(t *testing.T) {
	recs, _ := sampleRecords(t)
	clone := func(bs [][]byte) [][]byte {
		out := make([][]byte, len(bs))
		for i, b := range bs {
			out[i] = bytes.Clone(b)
		}
		return out
	}
	for _, r := range recs {
		want := &genai.Event{}
		want.Request.Model = Parse(r.id)
		DecodeRequest(&want.Request.Model, bytes.Clone(r.req), want)
		DecodeResponse(&want.Request.Model, bytes.Clone(r.resp), want)
		DecodeStream(&want.Request.Model, clone(r.stream), want)

		req, resp, stream := bytes.Clone(r.req), bytes.Clone(r.resp), clone(r.stream)
		got := &genai.Event{}
		got.Request.Model = Parse(r.id)
		DecodeRequest(&got.Request.Model, req, got)
		DecodeResponse(&got.Request.Model, resp, got)
		DecodeStream(&got.Request.Model, stream, got)
		for _, b := range append([][]byte{req, resp}, stream...) {
			for i := range b {
				b[i] = 'X'
			}
		}
		if wj, gj, same := sameEvents(t, want, got); !same {
			t.Fatalf("%s %s: the event changed when the body buffers were overwritten:\n%s\n%s", r.op, r.id, wj, gj)
		}
	}
}

// TestResponseReset checks that response.reset leaves no member behind, whichever was read.
func TestResponseReset(t *testing.T) {
	rt := reflect.TypeFor[response]()
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		samples := []string{sampleFor(f.Type), `{"a":[1,{"b":"c"}]}`, `[{},{"a":"b"}]`, `"x"`, `"12"`, `7`, `true`, `null`}
		for _, sample := range samples {
			r := &response{}
			if err := unmarshal([]byte(`{"`+tag+`":`+sample+`}`), r); err != nil {
				t.Fatal(err)
			}
			r.reset()
			if !reflect.DeepEqual(*r, response{}) {
				t.Fatalf("response.%s (%q) read from %s is not cleared by reset", f.Name, tag, sample)
			}
		}
	}
}

// TestTextDeltaFastPath checks that text-delta chunks read by their fixed layout decode as the
// general path decodes them (a space after the opening brace sends a chunk down that path).
func TestTextDeltaFastPath(t *testing.T) {
	recs, _ := sampleRecords(t)
	streams := [][][]byte{}
	for _, r := range recs {
		if r.stream != nil {
			streams = append(streams, r.stream)
		}
	}
	head := `{"type":"message_start","message":{"id":"m","role":"assistant","model":"x"}}`
	var odd [][]byte
	for _, text := range []string{`""`, `"a"`, `"line\nbreak \"q\" \\ \u00e9 \ud83d\ude00"`, `"bad \x"`, "\"ctl \x01\"", `"\u12"`,
		`"a"}},{"x":"b"`, `"a","x":"b"`, `"ab\"`, `"\u004"`, `"\u0041\/\b\f\r\t"`, "\"del \x7f\"", `"\uZZZZ"`, `"a"} }`, `"a" `, `"non-utf8 ` + "\xff" + `"`, `1`, `null`} {
		for _, index := range []string{`0`, `3`, `01`, `-1`, `1.5`, `123456789`, `1234567890`, `"2"`} {
			odd = append(odd, []byte(`{"type":"content_block_delta","index":`+index+`,"delta":{"type":"text_delta","text":`+text+`}}`))
		}
	}
	streams = append(streams, append([][]byte{[]byte(head)}, odd...), odd[:8])
	for _, s := range streams {
		general := make([][]byte, len(s))
		for i, c := range s {
			general[i] = append([]byte("{ "), c[1:]...)
		}
		for _, id := range []string{"anthropic.claude-3-haiku-20240307-v1:0", "acme.foo-v1", ""} {
			want, got := &genai.Event{}, &genai.Event{}
			want.Request.Model = Parse(id)
			got.Request.Model = want.Request.Model
			DecodeStream(&want.Request.Model, general, want)
			DecodeStream(&got.Request.Model, s, got)
			if wj, gj, same := sameEvents(t, want, got); !same {
				t.Fatalf("%s: fast path differs:\n%s\n%s", id, wj, gj)
			}
		}
	}
}

// TestParseCache checks that a cached Parse result is the uncached one, keeps the caller's id,
// and does not alias the caller's memory.
func TestParseCache(t *testing.T) {
	ids := []string{"anthropic.claude-3-haiku-20240307-v1:0", "us.anthropic.claude-3-5-sonnet-20240620-v1:0",
		"arn:aws:bedrock:us-east-1:111111111111:inference-profile/eu.amazon.nova-pro-v1:0", "acme.foo-v1", "", " x ",
		"arn:aws:bedrock:us-east-1:111111111111:application-inference-profile/abc", "meta.llama3-70b-instruct-v1:0"}
	for range 3 {
		for _, id := range ids {
			buf := []byte(id)
			s := unsafe.String(unsafe.SliceData(buf), len(buf))
			got := Parse(s)
			want := parse(id)
			if got != want {
				t.Fatalf("Parse(%q) = %+v, want %+v", id, got, want)
			}
			if unsafe.StringData(got.ID) != unsafe.StringData(s) {
				t.Fatalf("Parse(%q) does not keep the caller's id", id)
			}
			for i := range buf {
				buf[i] = 'X'
			}
			if again := Parse(id); again != want {
				t.Fatalf("Parse(%q) after the caller's buffer changed = %+v, want %+v", id, again, want)
			}
		}
	}
}

// TestAppendUnquoted checks the one-pass unquote against jsontext's on tricky strings.
func TestAppendUnquoted(t *testing.T) {
	for _, s := range []string{`""`, `"a"`, `"\n\t\r\b\f\/\\\""`, `"é ü 日本 😀"`, `"\u00e9\u65e5"`, `"\ud83d\ude00"`,
		`"\ud83d"`, `"\ud83dx"`, `"\ude00\ud83d"`, `"\u0000"`, `"\uFFFF\uD7FF\uE000"`, `"a\u12"`, `"a\x"`, `"end\\"`,
		"\"bad \xff utf8 \\n\"", "\"bad \xed\xa0\x80 surrogate\"", `"\u2028 \u2029"`, "\"raw \u2028\"", `"\uDBFF\uDFFF"`,
		`"mixed é \n \u00e9 \" end"`} {
		checkUnquoted(t, []byte(s))
	}
}

func checkUnquoted(t *testing.T, v []byte) {
	t.Helper()
	got := appendUnquoted([]byte("pre"), v)
	want := slowUnquote([]byte("pre"), v)
	if !bytes.Equal(got, want) {
		t.Fatalf("appendUnquoted(%q) = %q, want %q", v, got, want)
	}
}

// FuzzAppendUnquoted compares the one-pass unquote with jsontext's on every string the
// scanner accepts.
func FuzzAppendUnquoted(f *testing.F) {
	for _, s := range []string{`"a\nb"`, `"\u00e9"`, `"\ud83d\ude00"`, "\"\xff\\n\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		if len(v) < 2 || v[0] != '"' || !jsonscan.Valid(v) {
			return
		}
		checkUnquoted(t, v)
	})
}

// TestRequestReset checks that request.reset leaves no member behind, whichever was read.
func TestRequestReset(t *testing.T) {
	rt := reflect.TypeFor[request]()
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		samples := []string{sampleFor(f.Type), `{"a":[1,{"b":"c"}]}`, `[{},{"a":"b"}]`, `"x"`, `"12"`, `7`, `true`, `null`, `["a","b"]`}
		for _, sample := range samples {
			r := &request{}
			if err := unmarshal([]byte(`{"`+tag+`":`+sample+`}`), r); err != nil {
				t.Fatal(err)
			}
			r.reset()
			if !reflect.DeepEqual(*r, request{}) {
				t.Fatalf("request.%s (%q) read from %s is not cleared by reset", f.Name, tag, sample)
			}
		}
	}
}

// FuzzTextDelta compares a text-delta chunk read by its fixed layout with the general path.
func FuzzTextDelta(f *testing.F) {
	for _, s := range []string{`"a"`, `"line\nbreak \"q\" \\ \u00e9"`, "\"\xff\"", `"a"}},{"x":"b"`, `"abcdefgh\u0041ijklmnop"`} {
		f.Add("0", []byte(s))
	}
	f.Fuzz(func(t *testing.T, index string, text []byte) {
		c := []byte(`{"type":"content_block_delta","index":` + index + `,"delta":{"type":"text_delta","text":` + string(text) + `}}`)
		general := append([]byte("{ "), c[1:]...)
		want, got := &genai.Event{}, &genai.Event{}
		want.Request.Model = Parse("anthropic.claude-3-haiku-20240307-v1:0")
		got.Request.Model = want.Request.Model
		DecodeStream(&want.Request.Model, [][]byte{general}, want)
		DecodeStream(&got.Request.Model, [][]byte{c}, got)
		if wj, gj, same := sameEvents(t, want, got); !same {
			t.Fatalf("fast path differs for %q:\n%s\n%s", c, wj, gj)
		}
	})
}

// TestEscapedMemberNames checks that member names written with escapes are read as their
// text, and that a name that stays unknown once unescaped is skipped.
func TestEscapedMemberNames(t *testing.T) {
	ev := &genai.Event{}
	ev.Request.Model = Parse("anthropic.claude-3-haiku-20240307-v1:0")
	DecodeRequest(&ev.Request.Model, []byte(`{"messages":[{"r\u006fle":"user","c\u006fntent":[{"\u0074ype":"text","text":"hi"}]}],`+
		`"m\u0061x_tokens":5,"x\\y":{"max_tokens":7},"\"":1,"temperature":0.5}`), ev)
	require.Equal(t, `[{"role":"user","parts":[{"type":"text","content":"hi"}]}]`, string(ev.Request.InputMessages))
	require.Equal(t, int64(5), ev.Request.MaxTokens.Value)
	require.Equal(t, 0.5, ev.Request.Temperature.Value)
	require.Empty(t, ev.Warnings)
}

// FuzzFixedChunks compares the chunks of the other fixed Anthropic layouts read by matching
// with the general path, in a stream and alone.
func FuzzFixedChunks(f *testing.F) {
	f.Add(uint8(0), "0", []byte(`""`), "9")
	f.Add(uint8(1), "3", []byte(`"x"`), "0")
	f.Add(uint8(2), "1", []byte(`"end_turn"`), "12")
	f.Add(uint8(3), "1", []byte(`"stop\u0041"`), "07")
	f.Add(uint8(4), "1", []byte(`"msg_\u0041"`), "571")
	f.Add(uint8(5), "1", []byte(`"assistant"`), "5")
	f.Add(uint8(6), "0", []byte(`"anthropic.claude-3-sonnet-20240229-v1:0"`), "0")
	f.Add(uint8(7), "0", []byte(`"Sorry, the model cannot answer this question."`), "0")
	f.Add(uint8(8), "2", []byte(`"INTERVENED"`), "0")
	f.Add(uint8(7), "1", []byte(`"a\"b\u00e9"`), "0")
	f.Add(uint8(9), "4", []byte(`""`), "14")
	f.Add(uint8(10), "0", []byte(`""`), "80000")
	f.Add(uint8(11), "0", []byte(``), "0")
	f.Add(uint8(11), "0", []byte(`,"amazon-bedrock-invocationMetrics":{"inputTokenCount":1,"outputTokenCount":2,"invocationLatency":3,"firstByteLatency":4}`), "0")
	f.Add(uint8(11), "0", []byte(`,"amazon-bedrock-guardrailAction":"INTERVENED","amazon-bedrock-trace":{"guardrail":{"input":{"g":{"topicPolicy":{"topics":[{"name":"a\"}","type":"DENY","action":"BLOCKED"}]}}}}},"amazon-bedrock-invocationMetrics":{"inputTokenCount":0,"outputTokenCount":0,"invocationLatency":301,"firstByteLatency":290}`), "0")
	f.Add(uint8(11), "0", []byte(`,"amazon-bedrock-guardrailAction":"INTERVENED"`), "0")
	f.Add(uint8(12), "1", []byte(`,"role":"assistant"`), "90210")
	f.Add(uint8(13), "0", []byte(`"Soft rain on the roof,"`), "7")
	f.Add(uint8(13), "0", []byte(`""`), "7")
	f.Add(uint8(13), "0", []byte(`"a\u00e9\n"`), "null")
	f.Add(uint8(13), "01", []byte(`"x"`), "7")
	f.Add(uint8(14), "12", []byte(`"FINISH"`), "12")
	f.Add(uint8(14), "12", []byte(`null`), "null")
	f.Add(uint8(14), "12", []byte(`""`), "1.5")
	f.Add(uint8(14), "12", []byte(`"LEN\u0047TH"`), "3")
	f.Add(uint8(12), "1", []byte(`,"type":"message","role":"assistant","content":[]`), "9")
	f.Add(uint8(12), "1", []byte(`,"type":"messages","role":"assistant"`), "9")
	f.Add(uint8(12), "1", []byte(`,"role":"assistant","content":[1]`), "9")
	f.Add(uint8(12), "1", []byte(`,"role":"a","type":"message"`), "9")
	f.Add(uint8(11), "0", []byte(`,"amazon-bedrock-trace":{"a":[1,{"b":"}"}]}`), "0")
	f.Add(uint8(11), "0", []byte(`,"amazon-bedrock-trace":{"a":[1,{"b":"}"}]},"amazon-bedrock-guardrailAction":"X"`), "0")
	f.Add(uint8(11), "0", []byte(`,"amazon-bedrock-guardrailAction":"\x","amazon-bedrock-trace":{}`), "0")
	f.Add(uint8(11), "0", []byte(`,"amazon-bedrock-guardrailAction":1,"amazon-bedrock-trace":{]`), "0")
	f.Fuzz(func(t *testing.T, kind uint8, index string, text []byte, n string) {
		var c string
		switch kind % 15 {
		case 13:
			c = `{"outputText":` + string(text) + `,"index":` + index + `,"totalOutputTextTokenCount":null,"completionReason":null,"inputTextTokenCount":` + n + `}`
		case 14:
			c = `{"outputText":"\nquiet drums of grey.","index":0,"totalOutputTextTokenCount":` + n + `,"completionReason":` + string(text) + `,"inputTextTokenCount":null,"amazon-bedrock-invocationMetrics":{"inputTokenCount":7,"outputTokenCount":` + index + `,"invocationLatency":640,"firstByteLatency":210}}`
		case 12:
			c = `{"type":"message_start","message":{"id":"msg_1"` + string(text) + `,"model":"m","usage":{"input_tokens":` + n + `,"output_tokens":` + index + `}}}`
		case 9:
			c = `{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":` + n + `,"outputTokenCount":` + index + `,"invocationLatency":` + n + `,"firstByteLatency":1}}`
		case 10:
			c = `{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":` + index + `,"outputTokenCount":3,"invocationLatency":5,"firstByteLatency":` + index + `,"cacheReadInputTokenCount":` + n + `,"cacheWriteInputTokenCount":` + index + `}}`
		case 11:
			c = `{"type":"message_stop"` + string(text) + `}`
		case 7:
			c = `{"type":"content_block_delta","index":` + index + `,"delta":{"type":"text_delta","text":` + string(text) + `},"amazon-bedrock-guardrailAction":"INTERVENED"}`
		case 8:
			c = `{"type":"content_block_delta","index":` + index + `,"delta":{"type":"text_delta","text":"\u00e9"},"amazon-bedrock-guardrailAction":` + string(text) + `}`
		case 6:
			c = `{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":` + string(text) + `,"usage":{"input_tokens":` + n + `,"output_tokens":` + index + `}}}`
		case 4:
			c = `{"type":"message_start","message":{"id":` + string(text) + `,"type":"message","role":"assistant","content":[],"model":"claude","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":` + n + `,"output_tokens":` + index + `}}}`
		case 5:
			c = `{"type":"message_start","message":{"id":"msg_1","type":"message","role":` + string(text) + `,"content":[],"model":` + string(text) + `,"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":` + n + `,"output_tokens":1}}}`
		case 0:
			c = `{"type":"content_block_start","index":` + index + `,"content_block":{"type":"text","text":` + string(text) + `}}`
		case 1:
			c = `{"type":"content_block_stop","index":` + index + `}`
		case 2:
			c = `{"type":"message_delta","delta":{"stop_reason":` + string(text) + `},"usage":{"output_tokens":` + n + `}}`
		case 3:
			c = `{"type":"message_delta","delta":{"stop_reason":` + string(text) + `,"stop_sequence":null},"usage":{"output_tokens":` + n + `}}`
		}
		delta := `{"type":"content_block_delta","index":` + index + `,"delta":{"type":"text_delta","text":"a"}}`
		delta2 := `{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":` + string(text) + `}}`
		for _, s := range [][]string{{c}, {delta, c, delta}, {delta, delta, c, delta, delta2, delta, delta2, delta2}} {
			fast, general := make([][]byte, len(s)), make([][]byte, len(s))
			for i, x := range s {
				fast[i] = []byte(x)
				general[i] = append([]byte("{ "), x[1:]...)
			}
			for _, id := range []string{"anthropic.claude-3-haiku-20240307-v1:0", "acme.foo-v1"} {
				want, got := &genai.Event{}, &genai.Event{}
				want.Request.Model = Parse(id)
				got.Request.Model = want.Request.Model
				DecodeStream(&want.Request.Model, general, want)
				DecodeStream(&got.Request.Model, fast, got)
				for _, b := range fast {
					for i := range b {
						b[i] = 'X'
					}
				}
				if wj, gj, same := sameEvents(t, want, got); !same {
					t.Fatalf("%s: fixed layout differs for %q:\n%s\n%s", id, s, wj, gj)
				}
				valid := true
				for i, x := range s {
					fast[i] = []byte(x)
					valid = valid && json.Valid(fast[i])
				}
				if valid {
					// Chunks known to be valid are not checked again: same event.
					got = &genai.Event{}
					got.Request.Model = Parse(id)
					DecodeStreamValid(&got.Request.Model, fast, got)
					if wj, gj, same := sameEvents(t, want, got); !same {
						t.Fatalf("%s: DecodeStreamValid differs for %q:\n%s\n%s", id, s, wj, gj)
					}
					for i, x := range s {
						fast[i] = []byte(x)
					}
				}
			}
		}
	})
}

// TestEventsOwnTheirOutput checks that the events decoded from the samples do not share
// buffers with the decodes that follow (the writers build in pooled buffers).
func TestEventsOwnTheirOutput(t *testing.T) {
	recs, _ := sampleRecords(t)
	decodeAll := func() (evs []*genai.Event) {
		for _, r := range recs {
			ev := &genai.Event{}
			ev.Request.Model = Parse(r.id)
			DecodeRequest(&ev.Request.Model, r.req, ev)
			DecodeResponse(&ev.Request.Model, r.resp, ev)
			DecodeStream(&ev.Request.Model, r.stream, ev)
			evs = append(evs, ev)
		}
		return evs
	}
	first := decodeAll()
	want := make([][]byte, len(first))
	for i, ev := range first {
		want[i], _ = json.Marshal(ev)
	}
	for range 2 {
		for i := len(recs) - 1; i >= 0; i-- { // another order: other sizes in the pooled buffers
			r := recs[i]
			ev := &genai.Event{}
			ev.Request.Model = Parse(r.id)
			DecodeRequest(&ev.Request.Model, r.req, ev)
			DecodeResponse(&ev.Request.Model, r.resp, ev)
			DecodeStream(&ev.Request.Model, r.stream, ev)
		}
	}
	for i, ev := range first {
		got, _ := json.Marshal(ev)
		require.Equal(t, string(want[i]), string(got), "event %d changed by later decodes", i)
	}
}

// TestStreamBlocksReused checks that a stream decodes the same whichever streams were decoded
// before it (their blocks and buffers are reused), and that what an earlier stream decoded
// does not change when a later one reuses its buffers.
func TestStreamBlocksReused(t *testing.T) {
	recs, _ := sampleRecords(t)
	var streams []sampleRecord
	for _, r := range recs {
		if r.stream != nil {
			streams = append(streams, r)
		}
	}
	tool := sampleRecord{id: "anthropic.claude-3-haiku-20240307-v1:0", stream: [][]byte{
		[]byte(`{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t1","name":"get","input":{}}}`),
		[]byte(`{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"a\":"}}`),
		[]byte(`{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"1}"}}`),
		[]byte(`{"type":"content_block_start","index":1,"content_block":{"type":"thinking","thinking":"hmm"}}`),
		[]byte(`{"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"long enough text to grow a buffer"}}`),
	}}
	streams = append(streams, tool)
	decode := func(r sampleRecord) (*genai.Event, []byte) {
		ev := &genai.Event{}
		ev.Request.Model = Parse(r.id)
		DecodeStream(&ev.Request.Model, r.stream, ev)
		j, err := json.Marshal(ev)
		require.NoError(t, err)
		return ev, j
	}
	want := make([][]byte, len(streams))
	for i, r := range streams {
		_, want[i] = decode(r)
	}
	// Every stream after every other one, in both orders; earlier events must not change.
	for i := range streams {
		for j := range streams {
			evI, gotI := decode(streams[i])
			_, gotJ := decode(streams[j])
			require.Equal(t, string(want[i]), string(gotI))
			require.Equal(t, string(want[j]), string(gotJ))
			again, err := json.Marshal(evI)
			require.NoError(t, err)
			require.Equal(t, string(want[i]), string(again), "event of stream %d changed by stream %d", i, j)
		}
	}
}

// TestTitanChunkHit checks that Titan's stream chunks as Bedrock writes them take the fixed
// layout (FuzzFixedChunks compares it with the general path).
func TestTitanChunkHit(t *testing.T) {
	m := Parse("amazon.titan-text-express-v1")
	var st stream
	st.trusted = trusted(&m)
	var d decoder
	for _, c := range []string{
		`{"outputText":"Soft rain on the roof,","index":0,"totalOutputTextTokenCount":null,"completionReason":null,"inputTextTokenCount":7}`,
		`{"outputText":"\nquiet drums of grey.","index":0,"totalOutputTextTokenCount":12,"completionReason":"FINISH","inputTextTokenCount":null,"amazon-bedrock-invocationMetrics":{"inputTokenCount":7,"outputTokenCount":12,"invocationLatency":640,"firstByteLatency":210}}`,
	} {
		if !st.fixedChunk(&m, &d, []byte(c)) {
			t.Errorf("%s: not read by its fixed layout", c)
		}
	}
	if st.chunks != 2 || !st.haveMetrics || !st.haveUsage || len(st.reasons) != 1 || st.reasons[0].reason != "FINISH" {
		t.Errorf("stream %+v", st)
	}
}
