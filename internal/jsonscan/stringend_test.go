package jsonscan

import (
	"bytes"
	"math/rand/v2"
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

// checkStringEndShort checks stringEnd (the assembly version where there is one), stringEndGo
// and stringEndShortGo from i against the string's end found by a walk: stringEndShortGo
// returns that end, or len(data) or more when the string is unterminated, or an index at
// least shortString past i, short of the end and not inside an escape, from which
// stringEndLong finds it.
func checkStringEndShort(t *testing.T, data []byte, i, end int) {
	t.Helper()
	if g := stringEnd(data, i); g != end {
		t.Fatalf("stringEnd(%q, %d) = %d, want %d", data, i, g, end)
	}
	if g := stringEndGo(data, i); g != end {
		t.Fatalf("stringEndGo(%q, %d) = %d, want %d", data, i, g, end)
	}
	if i >= len(data) {
		return
	}
	j := stringEndShortGo(data, i)
	switch {
	case j == end && j < len(data):
	case j >= len(data) && end == len(data):
	case j >= i+shortString && j < end && stringEndWalk(data, j) == end && stringEndLong(data, j) == end:
	default:
		t.Fatalf("stringEndShortGo(%q, %d) = %d; the end is %d", data, i, j, end)
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
// quote to its closing one, with stringEnd and stringEndGo.
func BenchmarkStringEnd(b *testing.B) {
	lines := corpus(b)
	size := totalSize(lines)
	for name, end := range map[string]func([]byte, int) int{"stringEnd": stringEnd, "stringEndGo": stringEndGo} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, l := range lines {
					for i := 0; i < len(l); i++ {
						if l[i] != '"' {
							continue
						}
						i = end(l, i+1)
					}
				}
			}
		})
	}
}

// TestStringEndRandom checks stringEnd and stringEndGo on long strings of quotes, backslashes
// and other bytes, where the search for quotes alone counts backslashes.
func TestStringEndRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		data := make([]byte, r.IntN(300))
		q := []int{0, 1, 4, 20}[r.IntN(4)] // quotes per 400 bytes
		for k := range data {
			switch x := r.IntN(400); {
			case x < q:
				data[k] = '"'
			case x < q+60:
				data[k] = '\\'
			default:
				data[k] = 'a'
			}
		}
		for _, i := range []int{0, 1, r.IntN(len(data) + 1), len(data)} {
			if i > len(data) {
				continue
			}
			checkStringEndShort(t, data, i, stringEndWalk(data, i))
		}
	}
}
