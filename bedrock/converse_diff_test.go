package bedrock

import (
	"bytes"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// converseBodies returns the request and response bodies of the Converse records of the
// fixtures and of the shared sample log, as the decoder passes them on (clean).
func converseBodies(tb testing.TB) (reqs, resps [][]byte) {
	tb.Helper()
	paths := []string{filepath.Join(fixtures, "converse.ndjson"), filepath.Join(fixtures, "converse_stream.ndjson"), sampleLog}
	for _, path := range paths {
		for _, rec := range decoderRecords(tb, path) {
			var r struct {
				Operation string
				Input     struct{ InputBodyJSON json.RawMessage }
				Output    struct{ OutputBodyJSON json.RawMessage }
			}
			if json.Unmarshal(rec, &r) != nil || (r.Operation != OpConverse && r.Operation != OpConverseStream) {
				continue
			}
			if len(r.Input.InputBodyJSON) > 0 {
				reqs = append(reqs, r.Input.InputBodyJSON)
			}
			if len(r.Output.OutputBodyJSON) > 0 {
				resps = append(resps, r.Output.OutputBodyJSON)
			}
		}
	}
	return reqs, resps
}

// checkConverseSame decodes body as a Converse request and as a Converse response with the
// decoders and with their oracles (converse_oracle_test.go), and fails unless the events and
// the content kinds are the same.
func checkConverseSame(t *testing.T, body []byte) {
	if !json.Valid(body) {
		return
	}
	body, _ = ivCleanJSON(nil, body, 0, nil)
	opts := InvocationOptions{}.withDefaults()
	for _, resp := range []bool{false, true} {
		var want, got genai.Event
		var wantB, gotB bodies
		d1, d2 := newInvocationDecoder(opts), newInvocationDecoder(opts)
		for range 2 { // twice: the decoders' scratch is reused
			want.Reset()
			got.Reset()
			wantB, gotB = bodies{}, bodies{}
			if resp {
				d1.oldDecodeConverseResponse(body, &want, &wantB)
				d2.decodeConverseResponse(body, &got, &gotB)
			} else {
				d1.oldDecodeConverseRequest(body, &want, &wantB)
				d2.decodeConverseRequest(body, &got, &gotB)
			}
		}
		require.Equal(t, want, got, "response %v: %s", resp, body)
		require.Equal(t, wantB.kinds, gotB.kinds, "response %v: %s", resp, body)
	}
}

func TestConverseMatchesOracle(t *testing.T) {
	reqs, resps := converseBodies(t)
	require.NotEmpty(t, reqs)
	require.NotEmpty(t, resps)
	for _, b := range append(reqs, resps...) {
		checkConverseSame(t, b)
	}
	for _, b := range []string{
		`{}`, `[]`, `"x"`, `{"messages":"x"}`, `{"messages":[1,"x",{"role":1}]}`,
		`{"messages":[{"content":"plain","role":"user"},{"role":"assistant","content":[{"text":"a\nb"},{"text":"\u00e9\ud83d\ude00"}]}]}`,
		`{"messages":[{"role":"user","content":[{"image":{"format":"png","source":{"bytes":"QUJD"}}},{"document":{"format":"pdf","name":"n","source":{"s3Location":{"uri":"s3://b/k"}}}},{"video":{"format":"mp4","source":{"s3Uri":"s3://v"}}},{"audio":{"source":{"text":"t"}}}]}]}`,
		`{"messages":[{"role":"user","content":[{"toolUse":{"toolUseId":"i","name":"n","input":{"a":[1,{"b":"}"}]}}},{"toolResult":{"toolUseId":"i","content":[{"json":{}}]}},{"cachePoint":{"type":"default"}},{"citationsContent":{}},{"reasoningContent":{"reasoningText":{"text":"r","signature":"s"}}},{"guardContent":{"text":{"text":"g"}}},"x",{"text":5}]}]}`,
		`{"system":"s","messages":[],"inferenceConfig":{"maxTokens":5,"temperature":0.5,"topP":1,"stopSequences":["a","",5]},"additionalModelRequestFields":{"top_k":3,"reasoningConfig":{"type":"enabled","maxReasoningEffort":"high"}},"toolConfig":{"tools":[{"toolSpec":{"name":"t","description":"d","inputSchema":{"json":{"type":"object"}}}},{"systemTool":{"name":"s"}},{"other":{}}]},"guardrailConfig":{"guardrailIdentifier":"g"},"outputConfig":{"textFormat":{"type":"json_schema"}}}`,
		`{"system":[{"text":"a"},{"guardContent":{"text":{"text":"b"}}},{"cachePoint":{}}],"additionalModelRequestFields":{"thinking":{"type":"enabled"},"reasoning_effort":"low"},"stopSequences":"x"}`,
		`{"output":{"message":{"content":[{"text":"hi"},{"toolUse":{"toolUseId":"t","name":"f","input":{}}}],"role":"assistant"}},"stopReason":"tool_use","usage":{"inputTokens":1,"outputTokens":2,"totalTokens":3,"cacheReadInputTokens":4,"cacheWriteInputTokenCount":5},"metrics":{"latencyMs":7}}`,
		`{"output":{"message":{}},"stopReason":"guardrail_intervened","trace":{"promptRouter":{"invokedModelId":"m"}}}`,
		`{"output":{"message":{"role":"a\"b"}},"stopReason":"x\\y","output":5,"usage":[],"metrics":{"latencyMs":"x"}}`,
		`{"output":{"other":1,"message":{"role":"assistant","content":{"text":"not an array"}}}}`,
		`{"messages":[{"role":"user","content":[{"text":"x"}]}],"messages":[{"role":"user","content":[{"image":{"format":"png"}},{"image":{"format":"png"}},{"text":"y"}]}]}`,
		// Messages in the layout converseInputMessage reads in place, and near misses.
		`{"messages":[{"role":"user","content":[{"text":"a"},{"guardContent":{"text":{"text":"g"}}},{"text":"b\"c\u0041"},{"text":""}]},{"role":"assistant","content":[{"text":"x"},{"guardContent":{"text":{"text":"h"}}},{"text":"y","z":1},{"text":5}]},{"role":"us\u0065r","content":[]},{"role":"user","content":[{"text":"c"}],"role":"assistant"},{"role":"user","content":[{"text":"d"}],"content":[{"text":"e"}]}]}`,
		`{"messages":[{"role":"user","content":[{"text":"a"}]},{"role":"user","content":"s"},{"role":"","content":[{"image":{"format":"png","source":{"bytes":"QUJD"}}},"x",7,{"text":"t"}]}]}`,
		`{"messages":[{"role":"assistant","content":[{"text":"a"},{"text":"b"}]},{"role":"user","content":[{"text":"c"},{"text":"d"}]},{"role":"user","content":[{"text":"e"}]}]}`,
		`{"messages":[{"role":"user","content":[{"guardContent":{"text":{"text":"a\u00e9\n","qualifiers":["guard_content"]}}},{"guardContent":{"text":{"text":""}}},{"guardContent":{"text":{"text":"b","qualifiers":[]},"x":1}}]},{"role":"assistant","content":[{"guardContent":{"text":{"text":"c","qualifiers":["query","grounding_source"]}}},{"guardContent":{"text":{"text":5}}},{"guardContent":{"text":{"text":"d","qualifiers":"x"}}}]}]}`,
		// Usage and metrics in the layout read without a member walk, and near misses.
		`{"output":{"message":{"role":"assistant","content":[{"text":"a"},{"text":"b","x":1},{"image":{"format":"png"}}]}},"stopReason":"end_turn","metrics":{"latencyMs":302},"usage":{"inputTokens":12,"outputTokens":6,"totalTokens":18}}`,
		`{"metrics":{"latencyMs":0,"x":1},"usage":{"inputTokens":1502,"outputTokens":15,"totalTokens":2541,"cacheReadInputTokens":1024,"cacheWriteInputTokens":0}}`,
		`{"metrics":{"latencyMs":1.5},"usage":{"inputTokens":1,"outputTokens":2,"totalTokens":3,"cacheReadInputTokens":4}}`,
		`{"metrics":{"latencyMs":-1},"usage":{"inputTokens":1,"outputTokens":2,"totalTokens":1234567890123456789}}`,
		`{"metrics":{"latencyMs":123456789012345678},"usage":{"inputTokens":1,"outputTokens":2,"totalTokens":3,"cacheReadInputTokens":4,"cacheWriteInputTokens":5,"x":6},"usage":{"inputTokens":7,"outputTokens":8,"totalTokens":9}}`,
	} {
		checkConverseSame(t, []byte(b))
	}
}

// FuzzConverseMatchesOracle checks the Converse body decoders against their oracles on
// arbitrary bodies.
func FuzzConverseMatchesOracle(f *testing.F) {
	reqs, resps := converseBodies(f)
	for _, b := range append(reqs, resps...) {
		f.Add(b)
	}
	f.Fuzz(checkConverseSame)
}

// checkMessageStartSame reads chunk as a message_start chunk with messageStart and with its
// oracle, into an empty event and into one that already has some of the fields.
func checkMessageStartSame(t *testing.T, chunk []byte) {
	if !json.Valid(chunk) {
		return
	}
	chunk, _ = ivCleanJSON(nil, chunk, 0, nil)
	d1, d2 := newInvocationDecoder(InvocationOptions{}), newInvocationDecoder(InvocationOptions{})
	for _, preset := range []bool{false, true} {
		var want, got genai.Event
		if preset {
			want.Response.ID, got.Response.ID = "r", "r"
			want.Response.Model, got.Response.Model = "m", "m"
		}
		d1.oldMessageStart(chunk, &want)
		d2.messageStart(chunk, &got)
		require.Equal(t, want, got, "%s", chunk)
	}
}

func TestMessageStartMatchesOracle(t *testing.T) {
	for _, c := range messageStartChunks(t) {
		checkMessageStartSame(t, c)
	}
	for _, c := range []string{
		`{}`, `[]`, `{"message":1}`, `{"message":{"id":"","id":"a","id":"b","role":"\u0061ssistant","model":5}}`,
		`{"type":"message_start","message":{"model":"m\"x","role":"","role":"user"},"message":{"id":"late"}}`,
	} {
		checkMessageStartSame(t, []byte(c))
	}
}

// messageStartChunks returns the message_start chunks of the stream fixtures and the sample log.
func messageStartChunks(tb testing.TB) [][]byte {
	var out [][]byte
	for _, path := range []string{filepath.Join(fixtures, "invoke_model_stream.ndjson"), sampleLog} {
		for _, rec := range decoderRecords(tb, path) {
			var r struct {
				Output struct{ OutputBodyJSON []json.RawMessage }
			}
			if json.Unmarshal(rec, &r) != nil {
				continue
			}
			for _, c := range r.Output.OutputBodyJSON {
				if bytes.Contains(c, []byte(`"message_start"`)) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// FuzzMessageStartMatchesOracle checks messageStart against its oracle on arbitrary chunks.
func FuzzMessageStartMatchesOracle(f *testing.F) {
	for _, c := range messageStartChunks(f) {
		f.Add([]byte(c))
	}
	f.Fuzz(checkMessageStartSame)
}

// checkContentKindsSame lists the content kinds of body with contentKinds and its oracle.
func checkContentKindsSame(t *testing.T, body []byte) {
	if !json.Valid(body) {
		return
	}
	body, _ = ivCleanJSON(nil, body, 0, nil)
	d := newInvocationDecoder(InvocationOptions{})
	want := d.oldContentKinds(body)
	got := d.contentKinds(body)
	require.Equal(t, len(want), len(got), "%s", body)
	for i := range want {
		require.Equal(t, want[i], got[i], "%s", body)
	}
}

func TestContentKindsMatchOracle(t *testing.T) {
	for _, b := range contentKindsBodies(t) {
		checkContentKindsSame(t, b)
	}
	for _, b := range []string{
		`{}`, `[]`, `{"messages":{}}`, `{"messages":[1,{"content":5},{"content":"s"}]}`,
		`{"messages":[{"role":"user","content":[{"type":"text","text":"x"},{"text":"y"},{"image":{}},{"type":"t\u0041"},{"type":5},{"video":1,"type":"x"},{"type":"text","audio":1},{"type":"thinking"},{"type":"tool_use"},{"type":"tool_result"},{"type":"document"}]}]}`,
	} {
		checkContentKindsSame(t, []byte(b))
	}
}

// contentKindsBodies returns the InvokeModel request bodies of the fixtures and the sample log.
func contentKindsBodies(tb testing.TB) [][]byte {
	var out [][]byte
	for _, path := range []string{filepath.Join(fixtures, "invoke_model.ndjson"), filepath.Join(fixtures, "invoke_model_stream.ndjson"), sampleLog} {
		for _, rec := range decoderRecords(tb, path) {
			var r struct {
				Input struct{ InputBodyJSON json.RawMessage }
			}
			if json.Unmarshal(rec, &r) == nil && len(r.Input.InputBodyJSON) > 0 {
				out = append(out, r.Input.InputBodyJSON)
			}
		}
	}
	return out
}

// FuzzContentKindsMatchOracle checks contentKinds against its oracle on arbitrary bodies.
func FuzzContentKindsMatchOracle(f *testing.F) {
	for _, b := range contentKindsBodies(f) {
		f.Add(b)
	}
	f.Fuzz(checkContentKindsSame)
}

// BenchmarkConverseBodies measures the Converse body decoders alone on the (clean) request and
// response bodies of the fixtures and the sample log.
func BenchmarkConverseBodies(b *testing.B) {
	reqs, resps := converseBodies(b)
	for i, set := range [][][]byte{reqs, resps} {
		size := 0
		for j, body := range set {
			set[j], _ = ivCleanJSON(nil, body, DefaultMinInlineDataBytes, nil) // as cleanBodies leaves them
			size += len(set[j])
		}
		b.Run([]string{"request", "response"}[i], func(b *testing.B) {
			d := newInvocationDecoder(InvocationOptions{}.withDefaults())
			var ev genai.Event
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, body := range set {
					ev.Reset()
					var bs bodies
					if i == 0 {
						d.decodeConverseRequest(body, &ev, &bs)
					} else {
						d.decodeConverseResponse(body, &ev, &bs)
					}
				}
			}
		})
	}
}

// TestReusedEventMatchesFresh decodes every record of the fixtures and the sample log into one
// reused event (whose Original's spare capacity holds the derived JSON, see evBytes) and into a
// fresh event each, and checks that they are the same record by record.
func TestReusedEventMatchesFresh(t *testing.T) {
	var recs [][]byte
	for _, name := range []string{"invoke_model.ndjson", "invoke_model_stream.ndjson", "converse.ndjson", "converse_stream.ndjson", "errors.ndjson", "offloaded.ndjson"} {
		recs = append(recs, decoderRecords(t, filepath.Join(fixtures, name))...)
	}
	recs = append(recs, decoderRecords(t, sampleLog)...)
	require.NotEmpty(t, recs)
	opts := InvocationOptions{}.withDefaults()
	reused := newInvocationDecoder(opts)
	var ev genai.Event
	for round := range 2 { // the second round finds Originals with room to spare
		for i, rec := range recs {
			ev.Reset()
			errReused := reused.Decode(&genai.Record{Data: rec}, &ev)
			var fresh genai.Event
			errFresh := newInvocationDecoder(opts).Decode(&genai.Record{Data: rec}, &fresh)
			require.Equal(t, errFresh, errReused, "round %d record %d", round, i)
			got := ev
			nilEmpty(&got)
			nilEmpty(&fresh)
			require.Equal(t, fresh, got, "round %d record %d", round, i)
		}
	}
}

// nilEmpty sets the empty slices that Event.Reset keeps to nil, as a new event has them.
func nilEmpty(ev *genai.Event) {
	if len(ev.Vendor) == 0 {
		ev.Vendor = nil
	}
	if len(ev.Warnings) == 0 {
		ev.Warnings = nil
	}
	if len(ev.Category) == 0 {
		ev.Category = nil
	}
	if len(ev.Type) == 0 {
		ev.Type = nil
	}
	if len(ev.Truncations) == 0 {
		ev.Truncations = nil
	}
	if len(ev.Guardrail.Assessments) == 0 {
		ev.Guardrail.Assessments = nil
	}
	if len(ev.Guardrail.IDs) == 0 {
		ev.Guardrail.IDs = nil
	}
	if len(ev.Guardrail.Units) == 0 {
		ev.Guardrail.Units = nil
	}
	if len(ev.Guardrail.Seen) == 0 {
		ev.Guardrail.Seen = nil
	}
	if len(ev.Original) == 0 {
		ev.Original = nil
	}
}

// FuzzIvCopyableString checks ivCopyableString against its oracle on arbitrary bytes (valid
// string contents or not), whole and from every offset of the first bytes.
func FuzzIvCopyableString(f *testing.F) {
	for _, s := range []string{
		``, `plain text`, `a\"b\\c\nd\re\tf`, `a\u0041`, `a\/b`, `\`, "a\x01b", "caf\u00e9 \u2028 \u2029 \u2027",
		"\xe2\x80", "\xe2\x80\xa8", "\xe2", `abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\n` + "\xe2\x80\xa9",
		strings.Repeat(`The quick brown fox\n`, 20) + `"` + strings.Repeat("\u00e9\u00e8", 30),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		for i := 0; i <= len(s) && i < 20; i++ {
			if got, want := ivCopyableString(s[i:]), oldIvCopyableString(s[i:]); got != want {
				t.Fatalf("ivCopyableString(%q) = %d, want %d", s[i:], got, want)
			}
		}
	})
}

// FuzzIvFloat checks ivFloat against jsonscan.Float, bit for bit.
func FuzzIvFloat(f *testing.F) {
	for _, s := range []string{`0.7`, `1.0`, `0.999`, `250`, `-0.5`, `0.1234567890123`, `123456789.012345`,
		`1234567890.1234567`, `1e5`, `1.5e-3`, `"0.7"`, `.5`, `5.`, `00.5`, `0.30000000000000004`, `9.999999999999999`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		got, gotOK := ivFloat(v)
		want, wantOK := jsonscan.Float(v)
		if gotOK != wantOK || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("ivFloat(%q) = %v, %v; want %v, %v", v, got, gotOK, want, wantOK)
		}
	})
}

// BenchmarkConverseDecode is BenchmarkConverseBodies as the record decoder runs the body
// decoders: one reused event, with spare room for the derived JSON (see evBytes), and the
// decoders' output as it is kept. It leaves out what BenchmarkConverseBodies measures of the
// event's reset and of new arrays for the JSON.
func BenchmarkConverseDecode(b *testing.B) {
	reqs, resps := converseBodies(b)
	for i, set := range [][][]byte{reqs, resps} {
		size := 0
		for j, body := range set {
			set[j], _ = ivCleanJSON(nil, body, DefaultMinInlineDataBytes, nil) // as cleanBodies leaves them
			size += len(set[j])
		}
		b.Run([]string{"request", "response"}[i], func(b *testing.B) {
			benchConverseDecode(b, set, size, i == 1)
		})
	}
	// The responses without their traces (read by the guardrail package).
	_, resps = converseBodies(b)
	size := 0
	for j, body := range resps {
		body, _ = ivCleanJSON(nil, body, DefaultMinInlineDataBytes, nil)
		resps[j] = withoutTrace(body)
		size += len(resps[j])
	}
	b.Run("response-no-trace", func(b *testing.B) {
		benchConverseDecode(b, resps, size, true)
	})
}

// withoutTrace returns body, a Converse response, without its top-level trace member.
func withoutTrace(body []byte) []byte {
	c := ivCursor{data: body}
	if sOpen(&c, '{') != nil {
		return body
	}
	for {
		start := c.pos
		name, err := sName(&c)
		if name == nil || err != nil {
			return body
		}
		if c.SkipValue() != nil {
			return body
		}
		if string(name) == `"trace"` {
			out := append([]byte(nil), body[:start]...)
			if start > 0 && out[len(out)-1] == '{' && c.pos < len(body) && body[c.pos] == ',' {
				c.pos++ // the first member: drop the comma after it instead
			}
			return append(out, body[c.pos:]...)
		}
	}
}

// benchConverseDecode decodes the bodies of set, as requests or as responses, b.N times.
func benchConverseDecode(b *testing.B, set [][]byte, size int, response bool) {
	d := newInvocationDecoder(InvocationOptions{}.withDefaults())
	var ev genai.Event
	spare := make([]byte, 64<<10)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range set {
			ev.Reset()
			d.tail, d.tailUsed = spare, 0
			var bs bodies
			if !response {
				d.decodeConverseRequest(body, &ev, &bs)
			} else {
				d.decodeConverseResponse(body, &ev, &bs)
			}
		}
	}
}

// FuzzIvScanString checks ivScanString against jsonscan.StringEnd (the end) and
// ivCopyableString (the kind, for a closed string) on arbitrary bytes, from every offset of
// the first bytes.
func FuzzIvScanString(f *testing.F) {
	for _, s := range []string{
		`"`, `plain"x`, `a\"b\\c\nd\re\tf"`, `a\u0041"`, `a\/b"`, `\`, `\"`, "a\x01b\"", "caf\u00e9 \u2028 \u2029 \u2027\"",
		"\xe2\x80\"", "\xe2\x80\xa8\"", "\xe2\"", `abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\n` + "\xe2\x80\xa9\"",
		strings.Repeat(`The quick brown fox\n`, 20) + `\"` + strings.Repeat("\u00e9\u00e8", 30) + `"`,
		strings.Repeat(`abcdefgh`, 7) + "\u2028" + strings.Repeat(`x`, 70) + `"`, strings.Repeat(`abcdefgh`, 9) + `\`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := 0; i <= len(data) && i < 20; i++ {
			end, kind := ivScanString(data, i)
			if want := min(jsonscan.StringEnd(data, i), len(data)); end != want {
				t.Fatalf("ivScanString(%q, %d) ends at %d, want %d", data, i, end, want)
			}
			if end < len(data) {
				if want := ivCopyableString(data[i:end]); kind != want {
					t.Fatalf("ivScanString(%q, %d) = %d, want %d", data, i, kind, want)
				}
			}
		}
	})
}

// FuzzIvReadString checks ivReadString against sReadString and readText against what it
// did before its one-pass read (ReadValue and textOf), on arbitrary bytes read from every
// offset of the first bytes: the same text, error and position.
func FuzzIvReadString(f *testing.F) {
	for _, s := range []string{
		`"plain"`, `:"a\nb"`, `,"\n\nHuman:"`, `"a\u0041"`, `"a\/b"`, `"\`, `"x`, "\"a\x01b\"", "\"caf\u00e9 \u2028\"",
		"\"\xff\\n\"", "\"\xe2\\t\"", `5`, `true,`, `{"a":1}`, `["x"]`, `]`, `"` + strings.Repeat(`abc\"`, 30) + `"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d1, d2 := newInvocationDecoder(InvocationOptions{}), newInvocationDecoder(InvocationOptions{})
		for i := 0; i <= len(data) && i < 8; i++ {
			c1, c2 := ivCursor{data: data, pos: i}, ivCursor{data: data, pos: i}
			got, gotErr := ivReadString(&c1)
			want, wantErr := sReadString(&c2)
			if got != want || gotErr != wantErr || c1.pos != c2.pos {
				t.Fatalf("ivReadString(%q at %d) = %q, %v at %d; want %q, %v at %d", data, i, got, gotErr, c1.pos, want, wantErr, c2.pos)
			}
			c1, c2 = ivCursor{data: data, pos: i}, ivCursor{data: data, pos: i}
			got, gotErr = d1.readText(&c1)
			v, wantErr := c2.ReadValue()
			want = ""
			if wantErr == nil {
				want, wantErr = d2.textOf(v)
			}
			if got != want || gotErr != wantErr || c1.pos != c2.pos {
				t.Fatalf("readText(%q at %d) = %q, %v at %d; want %q, %v at %d", data, i, got, gotErr, c1.pos, want, wantErr, c2.pos)
			}
		}
	})
}

// FuzzIvAppendUnquoteSimple checks ivAppendUnquoteSimple against jsonscan.AppendUnquoteSimple
// on arbitrary bytes, appended to a prefix.
func FuzzIvAppendUnquoteSimple(f *testing.F) {
	for _, s := range []string{``, `plain`, `a\nb\rc\td\"e\\f\/g`, `\`, `abcdefg\`, `abcdefgh\nabcdefgh\\`, `\\\\\\\\\n`,
		strings.Repeat(`The quick brown fox\n`, 10) + `\"` + strings.Repeat("\u00e9", 20)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		for _, prefix := range []string{"", "xyz"} {
			got := ivAppendUnquoteSimple([]byte(prefix), s)
			want := jsonscan.AppendUnquoteSimple([]byte(prefix), s)
			if !bytes.Equal(got, want) {
				t.Fatalf("ivAppendUnquoteSimple(%q, %q) = %q, want %q", prefix, s, got, want)
			}
		}
	})
}
