package bedrock

import (
	"bytes"
	"testing"
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
