package jsonscan

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func base64PrefixRef(b []byte) int {
	for i, c := range b {
		if !bytes.ContainsRune([]byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_="), rune(c)) {
			return i
		}
	}
	return len(b)
}

func asciiIndexRef(b []byte) int {
	n := len(b) &^ 15
	for i := 0; i < n; i++ {
		if b[i] >= 0x80 {
			return i
		}
	}
	return n
}

func TestBase64AndASCII(t *testing.T) {
	plain := []byte("QUJDRUZHabcxyz09+/-_=AZaz")
	for n := 0; n <= 140; n++ {
		b := bytes.Repeat(plain, n/len(plain)+1)[:n]
		check := func(b []byte) {
			t.Helper()
			if g, w := Base64Prefix(b), base64PrefixRef(b); g != w {
				t.Fatalf("Base64Prefix(%q) = %d, want %d", b, g, w)
			}
			w := min(base64PrefixRef(b), len(b)&^15)
			if g := base64Index(b); g != w {
				t.Fatalf("base64Index(%q) = %d, want %d", b, g, w)
			}
			if g := base64IndexGo(b); g != w {
				t.Fatalf("base64IndexGo(%q) = %d, want %d", b, g, w)
			}
			if g, w := asciiIndex(b), asciiIndexRef(b); g != w {
				t.Fatalf("asciiIndex(%q) = %d, want %d", b, g, w)
			}
			if g, w := asciiIndexGo(b), asciiIndexRef(b); g != w {
				t.Fatalf("asciiIndexGo(%q) = %d, want %d", b, g, w)
			}
			if g, w := ValidUTF8(b), utf8.Valid(b); g != w {
				t.Fatalf("ValidUTF8(%q) = %v, want %v", b, g, w)
			}
		}
		check(b)
		for k := 0; k < n; k += 3 {
			for c := 0; c < 256; c += 1 + k%7 {
				x := bytes.Clone(b)
				x[k] = byte(c)
				check(x)
			}
			x := bytes.Clone(b)
			copy(x[k:], "é")
			check(x)
		}
	}
}

// FuzzBase64AndASCII compares base64Index and asciiIndex (the assembly versions where there
// are ones) with their Go versions and byte by byte references, and ValidUTF8 with
// utf8.Valid, at several offsets into the input.
func FuzzBase64AndASCII(f *testing.F) {
	f.Add([]byte("QUJDRUZHabcxyz09+/-_=AZazQUJDRUZHabcxyz09+/-_=AZaz\\n"))
	f.Add([]byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\xc3\xa9"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := 0; i <= len(b) && i < 20; i++ {
			s := b[i:]
			if g, w := Base64Prefix(s), base64PrefixRef(s); g != w {
				t.Fatalf("Base64Prefix(%q) = %d, want %d", s, g, w)
			}
			w := min(base64PrefixRef(s), len(s)&^15)
			if g := base64Index(s); g != w {
				t.Fatalf("base64Index(%q) = %d, want %d", s, g, w)
			}
			if g := base64IndexGo(s); g != w {
				t.Fatalf("base64IndexGo(%q) = %d, want %d", s, g, w)
			}
			if g, w := asciiIndex(s), asciiIndexRef(s); g != w {
				t.Fatalf("asciiIndex(%q) = %d, want %d", s, g, w)
			}
			if g, w := asciiIndexGo(s), asciiIndexRef(s); g != w {
				t.Fatalf("asciiIndexGo(%q) = %d, want %d", s, g, w)
			}
			if g, w := ValidUTF8(s), utf8.Valid(s); g != w {
				t.Fatalf("ValidUTF8(%q) = %v, want %v", s, g, w)
			}
		}
	})
}

func BenchmarkBase64Prefix(b *testing.B) {
	s := bytes.Repeat([]byte("QUJDRUZHabcxyz09+/"), 4096/18)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Base64Prefix(s)
	}
}

// BenchmarkValidUTF8 checks prose: all ASCII, with an accented letter now and then, and with
// a non-ASCII character early and ASCII after it (which utf8.Valid reads byte by byte).
func BenchmarkValidUTF8(b *testing.B) {
	word := "The quick brown fox jumps over the lazy dog, said the prompt. "
	for _, c := range []struct{ name, s string }{
		{"ascii", strings.Repeat(word, 64)},
		{"accents", strings.Repeat(word+"Café. ", 64)},
		{"early", "“" + strings.Repeat(word, 64)},
	} {
		s := []byte(c.s)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				ValidUTF8(s)
			}
		})
	}
}
