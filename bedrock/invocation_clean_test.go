package bedrock

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// ivCleanBody must give what ivCleanJSON appends, and keep src itself when it is clean.
func TestCleanBodyMatchesCleanJSON(t *testing.T) {
	long := strings.Repeat("QUJD", 300)
	for _, in := range []string{
		`{}`,
		`{"a":[1,2],"b":"x y"}`,
		"{ \"a\" : [ 1, 2 ] ,\n\t\"b\":\"x y\" }",
		`{"a":1, "b":2}`,
		`{"s":"quote \" and \\ backslash ","t":[true,false,null,-1.5e3]}`,
		`{"img":"` + long + `"}`,
		`{"a":"b","img":"` + long + `","c":"` + long + `"}`,
		`{"a":"b","img":"` + long + `", "c" : "d"}`,
		`{"text":"` + strings.Repeat("word ", 300) + `"}`,
		"{\"bad\":\"\xff\xfe\",\"ok\":1}",
		"{\"bad\":\"\xff\", \"img\":\"" + long + "\",\"x\":\"\xc3\"}",
		"[{\"a\":\"\xe2\x82\"},\"[DONE]\"]",
	} {
		want, wantCuts := ivCleanJSON(nil, []byte(in), 1024, nil)
		got, gotCuts := ivCleanBody([]byte(in), 1024, nil)
		require.Equal(t, string(want), string(got), in)
		require.Equal(t, wantCuts, gotCuts, in)
	}
	src := []byte(`{"a":[1,2],"b":"x y"}, and more`)
	got, _ := ivCleanBody(src[:21], 1024, nil)
	require.Same(t, &src[0], &got[0], "a clean body is not copied")
	require.Equal(t, len(got), cap(got), "a body kept in place cannot be appended to")
}

func FuzzCleanBody(f *testing.F) {
	f.Add([]byte(`{"a":[1,2],"b":"x y"}`), 4)
	f.Add([]byte("{ \"a\" : \"QUJDQUJD\" ,\n\t\"b\":\"x\xff y\" }"), 4)
	f.Fuzz(func(t *testing.T, src []byte, minData int) {
		if !jsonscan.Valid(src) {
			return
		}
		want, wantCuts := ivCleanJSON(nil, src, minData, nil)
		got, gotCuts := ivCleanBody(src, minData, nil)
		if string(want) != string(got) {
			t.Fatalf("ivCleanBody(%q) = %q, want %q", src, got, want)
		}
		require.Equal(t, wantCuts, gotCuts)
		if len(src) > 0 && src[0] == '[' {
			checkSplitIfClean(t, src, minData)
		}
	})
}

// ivCursor reads a clean body token by token as jsonscan.Decoder does.
func FuzzCursorMatchesJSONScan(f *testing.F) {
	f.Add([]byte(`{"a":[1,-2.5e3,true,null,{"b":"c\"]}"}],"d":{},"e":[]}`))
	f.Add([]byte(`[{"type":"message_start"},"[DONE]",3]`))
	f.Fuzz(func(t *testing.T, src []byte) {
		if !jsonscan.Valid(src) {
			return
		}
		clean, _ := ivCleanJSON(nil, src, 0, nil)
		var c ivCursor
		c.Reset(clean)
		d := jsonscan.NewDecoder(clean)
		for step := 0; ; step++ {
			k := d.PeekKind()
			if got := c.PeekKind(); got != k {
				t.Fatalf("step %d: PeekKind %q, jsonscan %q, in %q", step, got, k, clean)
			}
			if k == 0 {
				return
			}
			if step%3 == 0 && k != '{' && k != '[' && k != '}' && k != ']' || step%5 == 0 && (k == '{' || k == '[') {
				want, err := d.ReadValue()
				require.NoError(t, err)
				got, err := c.ReadValue()
				require.NoError(t, err)
				require.Equal(t, string(want), string(got))
				continue
			}
			_, err := d.ReadToken()
			require.NoError(t, err)
			_, err = c.ReadToken()
			require.NoError(t, err)
		}
	})
}

func TestCursorMatchesJSONScan(t *testing.T) {
	for _, in := range []string{`{"a":[1,-2.5e3,true,null,{"b":"c\"]}\\"}],"d":{},"e":[]}`, `[{"x":"[DONE]"},"[DONE]",3,[[]]]`, `"s"`, `12`} {
		var c ivCursor
		c.Reset([]byte(in))
		d := jsonscan.NewDecoder([]byte(in))
		for {
			k := d.PeekKind()
			require.Equal(t, k, c.PeekKind(), in)
			if k == 0 {
				break
			}
			_, err := d.ReadToken()
			require.NoError(t, err)
			_, err = c.ReadToken()
			require.NoError(t, err)
		}
	}
}

// checkSplitIfClean checks ivSplitIfClean against ivCleanBody and splitCleanArray.
func checkSplitIfClean(t *testing.T, src []byte, minData int) {
	t.Helper()
	clean, _ := ivCleanBody(src, minData, nil)
	isClean := len(clean) == len(src) && (len(src) == 0 || &clean[0] == &src[0])
	out, chunks, nonObjects, ok := ivSplitIfClean(src, minData, nil)
	require.Equal(t, isClean, ok, "%q", src)
	if !ok {
		return
	}
	require.Equal(t, string(src), string(out))
	wantChunks, wantNon := splitCleanArray(clean, nil)
	require.Equal(t, wantNon, nonObjects, "%q", src)
	require.Equal(t, len(wantChunks), len(chunks), "%q", src)
	for i := range chunks {
		require.Equal(t, string(wantChunks[i]), string(chunks[i]))
	}
}

func TestSplitIfClean(t *testing.T) {
	long := strings.Repeat("QUJD", 300)
	for _, in := range []string{
		`[]`, `[1]`, `[{"a":"]},\""},"[DONE]",{"b":[1,{"c":2}]}]`, `[ {"a":1}]`, `[{"a":1},"` + long + `"]`,
		`[{"a":"` + long + ` "}]`, "[{\"a\":\"\xff\"}]", `[[],{},"x",{"y":[{}]}]`,
	} {
		checkSplitIfClean(t, []byte(in), 1024)
	}
}

func TestIndexAmazonBedrock(t *testing.T) {
	for _, s := range []string{``, `"amazon-bedrock-`, `zz"amazon-bedrock-x`, `{"a":"size"},{"amazon-bedrock-trace":1}`, `"amazon-bedrock`, `"amazon-bedrock-"amazon-bedrock-`} {
		for from := 0; from <= len(s); from++ {
			want := bytes.Index([]byte(s)[from:], ivKeyAmazonBedrock)
			if want >= 0 {
				want += from
			}
			require.Equal(t, want, ivIndexAmazonBedrock([]byte(s), from), "%q from %d", s, from)
		}
	}
}

// ivBedrockChunks finds what per-chunk searches would.
func TestBedrockChunks(t *testing.T) {
	for _, arr := range []string{
		`[]`,
		`[{"type":"message_start"},{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1}}]`,
		`[{"a":"\"amazon-bedrock-trace\" in text"},"\"amazon-bedrock-guardrailAction\"",{"b":{"amazon-bedrock-guardrailAction":"x","amazon-bedrock-invocationMetrics":{}}},{"amazon-bedrock-other":1},{"c":"z","amazon-bedrock-trace":{}}]`,
		`["amazon-bedrock-trace",{"amazon-bedrock-","x":"amazon-bedrock-invocationMetrics"}]`,
	} {
		out := []byte(arr)
		chunks, _ := splitCleanArray(out, nil)
		type hit struct {
			i              int
			guard, metrics bool
		}
		var want, got []hit
		for i, c := range chunks {
			if !bytes.Contains(c, ivKeyAmazonBedrock) {
				continue
			}
			want = append(want, hit{i, bytes.Contains(c, ivKeyGuardrailAction) || bytes.Contains(c, ivKeyGuardrailTrace), bytes.Contains(c, ivKeyMetrics)})
		}
		ivBedrockChunks(out, chunks, func(i int, guard, metrics bool) { got = append(got, hit{i, guard, metrics}) })
		require.Equal(t, want, got, arr)
	}
}

// renderLine returns the elastic-profile documents (ingest time fixed) of the one record line
// read with reg.
func renderLine(t testing.TB, reg *genai.Registry, line []byte) string {
	t.Helper()
	r := ecs.Renderer{Profile: genai.ProfileElastic, Ingested: time.Unix(0, 0)}
	evs, _, _ := readEventsFrom(t, bytes.NewReader(append(line, '\n')), "x", reg)
	var out []byte
	for _, ev := range evs {
		out = r.AppendDocument(out, ev)
		out = append(out, '\n')
	}
	return string(out)
}

// A record whose bodies are read as clean (used in place, chunks split while reading) gives
// the same document as the same record with whitespace between its tokens (bodies cleaned
// by copying).
func TestCleanInPlaceMatchesCleaning(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtures, "*.ndjson"))
	require.NoError(t, err)
	reg := testRegistry()
	render := func(line []byte) string { return renderLine(t, reg, line) }
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range bytes.Split(data, []byte("\n")) {
			if len(line) == 0 || line[0] != '{' || !bytes.Contains(line, []byte(`"ModelInvocationLog"`)) {
				continue
			}
			spaced := jsontext.Value(bytes.Clone(line))
			require.NoError(t, spaced.Indent())
			// Newlines only stand between tokens (inside strings they are escaped).
			spaced = bytes.ReplaceAll(spaced, []byte("\n"), []byte(" "))
			require.Equal(t, render(line), render(spaced), "%s: %s", f, line[:min(len(line), 120)])
			n++
		}
	}
	require.Greater(t, n, 10)
}

// oldIvCleanJSON is ivCleanJSON as it was before it copied compact text in pieces as long as
// the gaps between whitespace and cuts allow: the oracle of FuzzCleanJSONOracle.
func oldIvCleanJSON(dst, src []byte, minData int, cuts []ivDataCut) ([]byte, []ivDataCut) {
	start := len(dst)
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		case '"':
			end := jsonscan.StringEnd(src, i+1)
			content := src[i+1 : end]
			if minData > 0 && len(content) >= minData && ivIsBase64(content) {
				dst, cuts = ivCutData(dst, content, cuts)
			} else {
				dst = append(dst, src[i:min(end+1, n)]...)
			}
			i = end + 1
			continue
		}
		// A run of structural characters, numbers and literals.
		j := i + 1
		for j < n {
			c := src[j]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' {
				break
			}
			j++
		}
		dst = append(dst, src[i:j]...)
		i = j
	}
	if !utf8.Valid(dst[start:]) {
		fixed := bytes.ToValidUTF8(dst[start:], []byte("\uFFFD"))
		dst = append(dst[:start], fixed...)
	}
	return dst, cuts
}

// FuzzCleanJSONOracle compares ivCleanJSON with oldIvCleanJSON on valid JSON values.
func FuzzCleanJSONOracle(f *testing.F) {
	long := strings.Repeat("QUJD", 300)
	f.Add([]byte(`{"a":[1,2],"b":"x y"}`), 4)
	f.Add([]byte("{ \"a\" : \"QUJDQUJD\" ,\n\t\"b\":\"x\xff y\" }"), 4)
	f.Add([]byte("{\"bad\":\"\xff\", \"img\":\""+long+"\",\"x\":\"\xc3\"}"), 1024)
	f.Add([]byte(`{"a":"b","img":"`+long+`", "c" : "d","e":"`+long+`"}`), 1024)
	f.Add([]byte(` [ 1 , "QUJD" ,"QUJD", {"k" : "QUJD"} ] `), 4)
	f.Fuzz(func(t *testing.T, src []byte, minData int) {
		if !jsonscan.Valid(src) {
			return
		}
		want, wantCuts := oldIvCleanJSON([]byte("prefix"), src, minData, nil)
		got, gotCuts := ivCleanJSON([]byte("prefix"), src, minData, nil)
		if string(want) != string(got) {
			t.Fatalf("ivCleanJSON(%q) = %q, want %q", src, got, want)
		}
		require.Equal(t, wantCuts, gotCuts)
		// Unterminated and truncated values, as a cut body's rest may be.
		for _, k := range []int{len(src) / 2, len(src) - 1} {
			if k <= 0 {
				continue
			}
			want, wantCuts = oldIvCleanJSON(nil, src[:k], minData, nil)
			got, gotCuts = ivCleanJSON(nil, src[:k], minData, nil)
			if string(want) != string(got) {
				t.Fatalf("ivCleanJSON(%q) = %q, want %q", src[:k], got, want)
			}
			require.Equal(t, wantCuts, gotCuts)
		}
	})
}
