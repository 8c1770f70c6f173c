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
			checkStringEndShort(t, data, i, walk)
		}
	})
}

// checkStringEndShort checks stringEndShort (the assembly version where there is one) and
// its Go version from i against the string's end found by a walk: each returns that end, or
// len(data) or more when the string is unterminated, or an index at least shortString past i,
// short of the end and not inside an escape, from which stringEndLong finds it.
func checkStringEndShort(t *testing.T, data []byte, i, end int) {
	t.Helper()
	for name, f := range map[string]func([]byte, int) int{"stringEndShort": stringEndShort, "stringEndShortGo": stringEndShortGo} {
		j := f(data, i)
		switch {
		case j == end && j < len(data):
		case j >= len(data) && end == len(data):
		case j >= i+shortString && j < end && stringEndWalk(data, j) == end && stringEndLong(data, j) == end:
		default:
			t.Fatalf("%s(%q, %d) = %d; the end is %d", name, data, i, j, end)
		}
	}
}

func TestStringEndShort(t *testing.T) {
	for n := 0; n <= 80; n++ {
		plain := bytes.Repeat([]byte{'a'}, n)
		for k := 0; k < n; k++ {
			for _, pat := range []string{`"`, `\"`, `\\"`, `\\\"`, `\`, `\\`, `\n"`} {
				data := append(bytes.Clone(plain[:k]), pat...)
				if len(data) < n {
					data = append(data, plain[len(data):]...)
				}
				for _, i := range []int{0, 1, 7, 15, 16, 17, 31, 32, 33, k} {
					if i > len(data) {
						continue
					}
					walk := stringEndWalk(data, i)
					if got := StringEnd(data, i); got != walk {
						t.Fatalf("StringEnd(%q, %d) = %d, want %d", data, i, got, walk)
					}
					checkStringEndShort(t, data, i, walk)
				}
			}
		}
	}
}

// BenchmarkStringEnd finds the end of every string of the Bedrock records, from its opening
// quote to its closing one, with StringEnd and with its search begun by the Go version.
func BenchmarkStringEnd(b *testing.B) {
	lines := corpus(b)
	size := totalSize(lines)
	for name, short := range map[string]func([]byte, int) int{"short": stringEndShort, "shortGo": stringEndShortGo} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, l := range lines {
					for i := 0; i < len(l); i++ {
						if l[i] != '"' {
							continue
						}
						j := short(l, i+1)
						if j < len(l) && l[j] != '"' {
							j = stringEndLong(l, j)
						}
						i = j
					}
				}
			}
		})
	}
}
