package jsonscan

import (
	"bytes"
	"fmt"
	"testing"
)

// specialIndexRef is specialIndex byte by byte.
func specialIndexRef(b []byte) int {
	n := len(b) &^ 15
	for i := 0; i < n; i++ {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return n
}

func TestSpecialIndex(t *testing.T) {
	for n := 0; n <= 100; n++ {
		plain := bytes.Repeat([]byte{'a'}, n)
		if g, w := specialIndex(plain), specialIndexRef(plain); g != w {
			t.Fatalf("plain %d: %d, want %d", n, g, w)
		}
		for k := 0; k < n; k++ {
			for _, c := range []byte{'"', '\\', 0, 0x1f, '\n'} {
				b := bytes.Clone(plain)
				b[k] = c
				for _, fill := range []byte{'a', 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xff} {
					if k > 0 {
						b[k-1] = fill
					}
					if g, w := specialIndex(b), specialIndexRef(b); g != w {
						t.Fatalf("%q: %d, want %d", b, g, w)
					}
					if g, w := specialIndexGo(b), specialIndexRef(b); g != w {
						t.Fatalf("Go %q: %d, want %d", b, g, w)
					}
				}
			}
		}
	}
}

// FuzzSpecialIndex compares specialIndex (the assembly version where there is one) with its
// Go version and a byte by byte reference, at every offset into the input.
func FuzzSpecialIndex(f *testing.F) {
	f.Add([]byte(`0123456789abcdef0123456789abcdef0123456789abcdef"`))
	f.Add([]byte("\xff\xfe\x80 !#0123456789abcdef0123456789abcdef\\\x1f"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := 0; i <= len(b) && i < 40; i++ {
			s := b[i:]
			w := specialIndexRef(s)
			if g := specialIndex(s); g != w {
				t.Fatalf("specialIndex(%q) = %d, want %d", s, g, w)
			}
			if g := specialIndexGo(s); g != w {
				t.Fatalf("specialIndexGo(%q) = %d, want %d", s, g, w)
			}
		}
	})
}

func BenchmarkSpecialIndex(b *testing.B) {
	for _, n := range []int{32, 64, 256, 4096} {
		s := bytes.Repeat([]byte("QUJDRUZH"), n/8)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				specialIndex(s)
			}
		})
		b.Run(fmt.Sprint("go", n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				specialIndexGo(s)
			}
		})
	}
}

// FuzzQuoteOrSpecial compares QuoteOrSpecial with quoteOrSpecial, which reads words alone.
func FuzzQuoteOrSpecial(f *testing.F) {
	f.Add(bytes.Repeat([]byte("0123456789abcdef"), 12), 3)
	f.Add(append(bytes.Repeat([]byte("0123456789abcdef"), 9), '"'), 0)
	f.Fuzz(func(t *testing.T, b []byte, i int) {
		i %= len(b) + 2
		if g, w := QuoteOrSpecial(b, i), quoteOrSpecial(b, i); g != w {
			t.Fatalf("QuoteOrSpecial(%q, %d) = %d, want %d", b, i, g, w)
		}
	})
}

func TestQuoteOrSpecial(t *testing.T) {
	for n := 0; n < 200; n++ {
		b := bytes.Repeat([]byte{'a'}, n)
		for k := -1; k < n; k++ {
			if k >= 0 {
				b[k] = '\\'
			}
			for _, i := range []int{-1, 0, 1, 5, 17, 64, n} {
				if g, w := QuoteOrSpecial(b, i), quoteOrSpecial(b, i); g != w {
					t.Fatalf("QuoteOrSpecial(%q, %d) = %d, want %d", b, i, g, w)
				}
			}
			if k >= 0 {
				b[k] = 'a'
			}
		}
	}
}

// stringScanRef is stringScan byte by byte.
func stringScanRef(b []byte) int {
	k := 0
	for k <= len(b)-16 {
		j := k
		for j < k+16 && b[j] != '"' && b[j] != '\\' && b[j] >= 0x20 {
			j++
		}
		switch {
		case j == k+16: // the next block
			k = j
		case b[j] == '\\' && j+1 < len(b) && simpleEscape[b[j+1]]: // the next block after it
			k = j + 2
		default:
			return j
		}
	}
	return k
}

func TestStringScan(t *testing.T) {
	for n := 0; n <= 70; n++ {
		plain := bytes.Repeat([]byte{'a'}, n)
		for k := -1; k < n; k++ {
			for _, c := range []byte{'"', '\\', 0, 0x1f, '\n', 0x80} {
				for _, next := range []byte{'n', '"', '\\', '/', 'u', 'x', 0x1f, 'a'} {
					b := bytes.Clone(plain)
					if k >= 0 {
						b[k] = c
						if k+1 < n {
							b[k+1] = next
						}
					}
					w := stringScanRef(b)
					if g := stringScan(b); g != w {
						t.Fatalf("stringScan(%q) = %d, want %d", b, g, w)
					}
					if g := stringScanGo(b); g != w {
						t.Fatalf("stringScanGo(%q) = %d, want %d", b, g, w)
					}
				}
			}
		}
	}
}

// FuzzStringScan compares stringScan (the assembly version where there is one) with its Go
// version and a byte by byte reference, at every offset into the input.
func FuzzStringScan(f *testing.F) {
	f.Add([]byte(`0123456789abcde\"0123456789\\abcdef0123456789\nabcdef\u00e9"`))
	f.Add([]byte("\xff\xfe\x80 !#0123456789abcdef0123\\\\\\\"456789abcdef\\\x1f"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := 0; i <= len(b) && i < 40; i++ {
			s := b[i:]
			w := stringScanRef(s)
			if g := stringScan(s); g != w {
				t.Fatalf("stringScan(%q) = %d, want %d", s, g, w)
			}
			if g := stringScanGo(s); g != w {
				t.Fatalf("stringScanGo(%q) = %d, want %d", s, g, w)
			}
		}
	})
}
