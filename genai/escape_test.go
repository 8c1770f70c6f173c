package genai

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// refEscapeASCII is what escapeASCII does, byte by byte: whole blocks of 16 bytes while out has
// room for the rest of src and 16 bytes more, and then the last bytes of a src of 16 bytes or
// more when out has room for them and 32 bytes more; quotes, backslashes, \t, \n and \r
// escaped, up to a control byte other than those or a non-ASCII byte.
func refEscapeASCII(out, src []byte) (ni, nj int) {
	for len(src)-ni >= 16 && len(out)-nj-(len(src)-ni) >= 16 || len(src)-ni > 0 && len(src) >= 16 && len(out)-nj-(len(src)-ni) >= 32 {
		for k := 0; k < 16 && ni < len(src); k, ni = k+1, ni+1 {
			c := src[ni]
			switch {
			case shortEscape[c] != 0:
				out[nj] = '\\'
				out[nj+1] = shortEscape[c]
				nj += 2
			case c < 0x20 || c >= 0x80:
				return ni, nj
			default:
				out[nj] = c
				nj++
			}
		}
	}
	return ni, nj
}

// checkEscapeASCII compares escapeASCII with refEscapeASCII on src with out of each room from
// none to twice src and 40 bytes more, and checks that it writes nothing beyond out.
func checkEscapeASCII(t *testing.T, src []byte) {
	t.Helper()
	if !useEscapeKernel {
		t.Skip("no SIMD kernel here")
	}
	guard := make([]byte, 2*len(src)+40+64)
	for room := range 2*len(src) + 40 {
		want := make([]byte, room)
		wi, wj := refEscapeASCII(want, src)
		for k := range guard {
			guard[k] = 0xa5
		}
		gi, gj := escapeASCII(guard[:room], src)
		if gi != wi || gj != wj || !bytes.Equal(guard[:gj], want[:wj]) {
			t.Fatalf("escapeASCII(room %d, %q) = %d, %d, %q; want %d, %d, %q", room, src, gi, gj, guard[:gj], wi, wj, want[:wj])
		}
		for k := room; k < len(guard); k++ {
			if guard[k] != 0xa5 {
				t.Fatalf("escapeASCII(room %d, %q) wrote beyond out at %d", room, src, k)
			}
		}
	}
}

// checkPlainPrefix compares plainPrefix with a byte loop over plainASCII on src (16 bytes or
// more), and checks that it copies the plain bytes and writes nothing beyond out.
func checkPlainPrefix(t *testing.T, src []byte) {
	t.Helper()
	if !useEscapeKernel {
		t.Skip("no SIMD kernel here")
	}
	if len(src) < 16 {
		return
	}
	want := 0
	for want < len(src) && plainASCII[src[want]] {
		want++
	}
	guard := make([]byte, len(src)+32)
	for k := range guard {
		guard[k] = 0xa5
	}
	got := plainPrefix(guard[:len(src)], src)
	if got != want || !bytes.Equal(guard[:got], src[:got]) {
		t.Fatalf("plainPrefix(%q) = %d, %q; want %d", src, got, guard[:got], want)
	}
	for k := len(src); k < len(guard); k++ {
		if guard[k] != 0xa5 {
			t.Fatalf("plainPrefix(%q) wrote beyond out at %d", src, k)
		}
	}
}

// TestEscapeASCII compares the SIMD kernels with their models on every byte at every place of a
// block and its neighbours, and on random strings of the bytes that matter.
func TestEscapeASCII(t *testing.T) {
	for c := range 256 {
		for at := range 34 {
			s := []byte(strings.Repeat("x\"", 17))
			s[at] = byte(c)
			checkEscapeASCII(t, s)
			for n := 16; n <= 34; n++ {
				p := []byte(strings.Repeat("x", 34))
				p[at] = byte(c)
				checkPlainPrefix(t, p[:n])
			}
		}
	}
	pieces := []string{"a", " ", "~", "\x7f", `"`, `\`, "\n", "\r", "\t", "\x00", "\x0b", "\x19", "\x1d",
		"\x1a", "\x89", "\x8a", "\x8d", "é", "\u2028", "\xff", "\xa2", "\xdc"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var sb strings.Builder
		for n := rng.IntN(100); sb.Len() < n; {
			if rng.IntN(3) == 0 {
				sb.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				sb.WriteByte(byte('a' + rng.IntN(26)))
			}
		}
		checkEscapeASCII(t, []byte(sb.String()))
		checkPlainPrefix(t, []byte(sb.String()))
		checkPlainPrefix(t, []byte(strings.Repeat("plain", rng.IntN(20))+sb.String()))
	}
}

// FuzzEscapeASCII compares the SIMD kernels with their models (in a build without it, it skips).
func FuzzEscapeASCII(f *testing.F) {
	for _, s := range []string{"", strings.Repeat(`"`, 40), `{"a":"b\"c\\n","d":[1,2]}` + strings.Repeat("x\t", 9),
		strings.Repeat("é\x01\n", 12)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkEscapeASCII(t, src)
		checkPlainPrefix(t, src)
	})
}
