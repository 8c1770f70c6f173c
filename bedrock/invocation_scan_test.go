package bedrock

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/genainorm/genainorm/genai"
)

// ivStringEndOracle is the former ivStringEnd (a bytes.IndexByte search for every quote),
// kept as the oracle of the word-at-a-time one.
func ivStringEndOracle(src []byte, i int) int {
	for {
		k := bytes.IndexByte(src[i:], '"')
		if k < 0 {
			return len(src)
		}
		j := i + k
		bs := 0
		for p := j - 1; p >= i && src[p] == '\\'; p-- {
			bs++
		}
		if bs%2 == 0 {
			return j
		}
		i = j + 1
	}
}

func FuzzIvStringEnd(f *testing.F) {
	for _, s := range []string{``, `"`, `abc"`, `a\"b"`, `\\"`, `\\\"x"`, `\`, `0123456789012345678901234567890\"0123456789"`,
		`0123456789012345678901234567890\\"`, `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\\\\"aaaaa\\"`, "h\u00e9llo\"", `abcdefgh\nijklmnopqrstuvwxyz\"0123456789\\\"\\"`} {
		f.Add([]byte(s), 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, start int) {
		if start < 0 || start > len(data) {
			start = 0
		}
		got, want := ivStringEnd(data, start), ivStringEndOracle(data, start)
		if got != want {
			t.Fatalf("ivStringEnd(%q, %d) = %d, want %d", data, start, got, want)
		}
	})
}

// FuzzReadTextJSON checks readTextJSON against readText and genai.AppendJSONString: the text
// is readText's, and a raw string returned is exactly what quoting the text again writes.
func FuzzReadTextJSON(f *testing.F) {
	for _, s := range []string{`""`, `"abc"`, `"a\"b\\c\nd\re\tf"`, `"a\/b"`, `"\u00e9\u2028"`, "\"h\u00e9llo \u2028 \u2029 x\"", `"\b\f"`,
		`"0123456789abcdef0123456789abcdef\n0123456789abcdef\\"`, `12`, `true`, `null`, `"\ud800"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		if !json.Valid(v) || !utf8.Valid(v) {
			return
		}
		var c ivCursor
		d := newInvocationDecoder(InvocationOptions{})
		c.Reset(v)
		want, err1 := d.readText(&c)
		c.Reset(v)
		got, raw, err2 := d.readTextJSON(&c)
		if got != want || (err1 == nil) != (err2 == nil) {
			t.Fatalf("readTextJSON(%s) = %q, %v; readText = %q, %v", v, got, err2, want, err1)
		}
		if raw != nil {
			if q := genai.AppendJSONString(nil, got); string(q) != string(raw) {
				t.Fatalf("readTextJSON(%s) raw %s, quoting the text gives %s", v, raw, q)
			}
		}
	})
}
