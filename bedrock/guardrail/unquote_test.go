package guardrail

import (
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// oldUnquote is unquote as it was before its fast path: the oracle.
func oldUnquote(v []byte) string {
	if len(v) < 2 || v[0] != '"' {
		return ""
	}
	if inner := v[1 : len(v)-1]; plainText(inner) {
		return string(inner)
	}
	b, _ := jsontext.AppendUnquote(nil, v)
	return string(b)
}

var unquoteSeeds = []string{
	`""`, `"plain"`, `"a\"b"`, `"\\"`, `"\/\b\f\n\r\t"`, `"\u00e9\u4e2d"`, `"\u0000"`, `"\ud83d\ude00"`,
	`"\ud83d"`, `"\x"`, `"a\`, `"é\n"`, "\"\xff\\n\"", "\"a\tb\\n\"", `"a"b\n"`, `"\u12"`, `"\uZZZZ"`,
	`"{\"some\":\"json\"}"`, `"`, `x`,
	// Longer strings, read a word at a time: escapes, UTF-8, invalid UTF-8, control bytes and
	// quotes at every place of a word.
	`"{\"id\":\"msg_01\",\"content\":[{\"type\":\"text\",\"text\":\"caf\u00e9\\n\"}]}"`,
	`"0123456\"89abcdef\\0123\/"`, `"0123456789abcdé\n0123456789"`, "\"01234567\xff89abcdef\\n\"",
	"\"0123456789\x01abcdef\\t\"", `"0123456789"abcdef\n"`, `"\n0123456789abcdef\ud83d\ude00x"`,
	`"0123456789abcdef\u00e"`, `"0123456789abcd\"`,
}

func TestUnquote(t *testing.T) {
	for _, s := range unquoteSeeds {
		if got, want := unquote([]byte(s)), oldUnquote([]byte(s)); got != want {
			t.Errorf("unquote(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzUnquote(f *testing.F) {
	for _, s := range unquoteSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		if got, want := unquote(v), oldUnquote(v); got != want {
			t.Errorf("unquote(%q) = %q, want %q", v, got, want)
		}
	})
}
