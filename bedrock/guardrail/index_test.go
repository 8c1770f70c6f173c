package guardrail

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// indexSeeds adds every line of every guardrail fixture, and a few odd shapes, to the corpus.
func indexSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("../../testdata/bedrock/guardrails", "*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			f.Add(bytes.Clone(sc.Bytes()))
		}
	}
	for _, s := range []string{
		`{"guardrail":{"outputAssessments":{"g":[[],{}]}}}`,
		`{"amazon-bedrock-trace":{"guardrail":{"outputs":{"g":{"x":{"y":[1]}}}}}}`,
		`{"a":"b","amazon-bedrock-guardrailAction":"INTERVENED"}`,
		`{"a":"b","amazon-bedrock-guardrailAction":"NONE","amazon-bedrock-guardrailAction":"INTERVENED"}`,
		`{"amazon-bedrock-\u0074race":{},"amazon-bedrock-guardrailAction":"INTERVENED"}`,
		`{"a":"x\",\"amazon-bedrock-guardrailAction\":\"NONE\"}","amazon-bedrock-guardrailAction":"odd"}`,
		`{"a":{"amazon-bedrock-guardrailAction":"INTERVENED"}}`,
		`{"a":["amazon-bedrock-guardrailAction"],"b":"amazon-bedrock-guardrailAction":"x"}`,
		`{"amazon-bedrock-guardrailAction":"a\"b"}`,
		`{"amazon-bedrock-guardrailAction":""}`,
		`{"amazon-bedrock-guardrailAction":" intervened "}`,
	} {
		f.Add([]byte(s))
	}
}

// decodeEvery runs every entry point on data into one event and returns what it merged. The
// entry points for well-formed input merge what is unspecified for any other input: they are
// then run into another event, for panics only.
func decodeEvery(data []byte) string {
	var ev, junk genai.Event
	decodeInvoke(data, false, &ev)
	decodeConverseTrace(data, false, &ev)
	valid := &ev
	if !jsonscan.Valid(data) {
		valid = &junk
	}
	decodeInvoke(data, true, valid)
	decodeConverseTrace(data, true, valid)
	if len(data) > 0 && data[0] == '{' {
		// A trace read from its start in a longer body, whose end the index finds.
		DecodeConverseTraceFirst(append(bytes.Clone(data), `,"next":[1]}`...), valid)
	}
	_ = DecodeApplyResponse(data, genai.DirectionInput, "g", "1", &ev)
	DecodeConfig(data, &ev)
	// %v, not reflect.DeepEqual: a score may be NaN.
	return fmt.Sprintf("%v\n%v\n%v", ev.Guardrail, ev.Warnings, ev.Vendor)
}

// FuzzIndex checks that the walks merge the same with and without the index (which then finds
// no string, object or array, and every walk scans).
func FuzzIndex(f *testing.F) {
	indexSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		got := decodeEvery(data)
		indexOff = true
		want := decodeEvery(data)
		indexOff = false
		if got != want {
			t.Fatalf("%s:\nindexed   %s\nunindexed %s", data, got, want)
		}
	})
}

// FuzzTailAction checks that tailAction, when it reads an action, reads what actionOnly does.
func FuzzTailAction(f *testing.F) {
	indexSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, ok := tailAction(data)
		if !ok || !jsonscan.Valid(data) || kind(data) != '{' {
			return
		}
		if _, trace := guardrailKeys(data); trace {
			return // decodeInvoke does not call it
		}
		var got, want genai.Event
		applyAction(&got, a)
		if !actionOnly(data, &want) {
			t.Fatalf("%s: tailAction read %q, but the object has a trace", data, a)
		}
		if g, w := fmt.Sprintf("%v %v", got.Guardrail, got.Warnings), fmt.Sprintf("%v %v", want.Guardrail, want.Warnings); g != w {
			t.Fatalf("%s:\ntailAction %s\nactionOnly %s", data, g, w)
		}
	})
}

// FuzzHasBackslash checks hasBackslash against bytes.IndexByte, on every subslice of short
// inputs (with and without capacity past their end).
func FuzzHasBackslash(f *testing.F) {
	for _, s := range []string{`"type"`, `"a\"b"`, `\`, `"sensitiveInformationPolicyFreeUnits"`, `"x"\`, `"0123456789abcdef\"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := 0; i <= len(data) && i < 64; i++ {
			for j := i; j <= len(data) && j-i < 48; j++ {
				for _, b := range [][]byte{data[i:j], data[i:j:j]} {
					if got, want := hasBackslash(b), bytes.IndexByte(b, '\\') >= 0; got != want {
						t.Fatalf("hasBackslash(%q) = %v", b, got)
					}
				}
			}
		}
	})
}

// TestTailActionHit checks that a stream chunk as Bedrock writes it takes the fast path
// (FuzzTailAction only compares the chunks that do).
func TestTailActionHit(t *testing.T) {
	c := []byte(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Sorry."},"amazon-bedrock-guardrailAction":"INTERVENED"}`)
	if a, ok := tailAction(c); !ok || a != "INTERVENED" {
		t.Errorf("tailAction = %q, %v", a, ok)
	}
}

// TestIndexPastCap checks that walks agree with and without the index on traces with more
// values than the index records, the cap falling at every point of a member, item and list.
func TestIndexPastCap(t *testing.T) {
	for pad := 0; pad < 12; pad++ {
		var b bytes.Buffer
		b.WriteString(`{"guardrail":{"actionReason":"r",`)
		for i := 0; i < pad; i++ {
			fmt.Fprintf(&b, `"x%d":[%d],`, i, i)
		}
		b.WriteString(`"input":{"g1":{"contentPolicy":{"filters":[`)
		for i := 0; i < 70; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"type":"T%d","confidence":"HIGH","action":"BLOCKED"}`, i)
		}
		b.WriteString(`]},"wordPolicy":{"customWords":[{"match":"m","action":"BLOCKED"}]},`)
		b.WriteString(`"invocationMetrics":{"guardrailProcessingLatency":5,"usage":{"contentPolicyUnits":1}}}},`)
		b.WriteString(`"outputs":[{"g1":{"topicPolicy":{"topics":[{"name":"n","type":"DENY","action":"BLOCKED"}]}}}]}}`)
		data := b.Bytes()
		if !jsonscan.Valid(data) {
			t.Fatalf("pad %d: test trace is not valid JSON", pad)
		}
		chunk := append(append([]byte(`{"amazon-bedrock-trace":`), data...), `,"amazon-bedrock-guardrailAction":"INTERVENED"}`...)
		for _, in := range [][]byte{data, chunk} {
			got := decodeEvery(in)
			indexOff = true
			want := decodeEvery(in)
			indexOff = false
			if got != want {
				t.Fatalf("pad %d:\nindexed   %s\nunindexed %s", pad, got, want)
			}
		}
	}
}

// BenchmarkIndexScan measures index.scan on every object of the guardrail fixtures, compacted
// as the bedrock decoder's bodies are.
func BenchmarkIndexScan(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("../../testdata/bedrock/guardrails", "*"))
	var objs [][]byte
	size := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		for line := range bytes.SplitSeq(data, []byte("\n")) {
			var c bytes.Buffer
			if json.Compact(&c, line) == nil && c.Len() > 0 && c.Bytes()[0] == '{' {
				objs = append(objs, c.Bytes())
				size += c.Len()
			}
		}
	}
	b.SetBytes(int64(size))
	var x index
	for b.Loop() {
		for _, o := range objs {
			x.scan(o)
		}
	}
}
