package jsonscan

import (
	"bytes"
	"testing"
)

// stringEndSearch is StringEnd as a bytes.IndexByte search for every quote, counting the
// backslashes before it.
func stringEndSearch(data []byte, i int) int {
	for {
		k := bytes.IndexByte(data[i:], '"')
		if k < 0 {
			return len(data)
		}
		j := i + k
		bs := 0
		for p := j - 1; p >= i && data[p] == '\\'; p-- {
			bs++
		}
		if bs%2 == 0 {
			return j
		}
		i = j + 1
	}
}

// stringEndWalk is StringEnd as a byte-by-byte walk.
func stringEndWalk(data []byte, i int) int {
	for j := i; j < len(data); j++ {
		if data[j] == '\\' {
			j++
		} else if data[j] == '"' {
			return j
		}
	}
	return len(data)
}

// FuzzStringEnd checks StringEnd against a quote search and a byte walk, from every byte of
// the input.
func FuzzStringEnd(f *testing.F) {
	for _, s := range []string{``, `"`, `abc"`, `a\"b"`, `\\"`, `\\\"x"`, `\`, `0123456789012345678901234567890\"0123456789"`,
		`0123456789012345678901234567890\\"`, `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\\\\"aaaaa\\"`, "h\u00e9llo\"",
		`abcdefgh\nijklmnopqrstuvwxyz\"0123456789\\\"\\"`, `abc"def`, `a\"b\\"c`, `0123456789\"abcdef"x`, "ctl \x01 \""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := 0; i <= len(data); i++ {
			got, search, walk := StringEnd(data, i), stringEndSearch(data, i), stringEndWalk(data, i)
			if got != search || got != walk {
				t.Fatalf("StringEnd(%q, %d) = %d, want %d (search) and %d (walk)", data, i, got, search, walk)
			}
		}
	})
}
