package guardrail

import (
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"testing"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// stringEndOld is stringEnd as it was before it walked a shrinking slice: the oracle of
// FuzzStringEnd.
func stringEndOld(b []byte, i int) int {
	i++
	for i+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[i:])
		q, s := w^(lsb*'"'), w^(lsb*'\\')
		m := ((q-lsb)&^q | (s-lsb)&^s) & msb
		if m == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(m) >> 3
		if b[i] == '"' {
			return i + 1
		}
		i += 2
	}
	for i < len(b) {
		switch b[i] {
		case '"':
			return i + 1
		case '\\':
			i += 2
		default:
			i++
		}
	}
	return len(b)
}

// FuzzStringEnd checks that stringEnd returns what stringEndOld returns, from every byte of any
// input, and the end of every well-formed JSON string (data read as one, and data encoded as
// one), whatever follows it.
func FuzzStringEnd(f *testing.F) {
	f.Add([]byte(`"abc"`))
	f.Add([]byte(`"a\"b\\\\\"c\\"`))
	f.Add([]byte(`"\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\""`))
	f.Add([]byte(`"0123456789abcdef\\\"0123456789abcdef\\\\"`))
	f.Add([]byte(`"\u00e9\n\t\/ \"quoted\" "`))
	f.Add([]byte(`"0123456\`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := range len(data) + 2 {
			if got, want := stringEnd(data, i), stringEndOld(data, i); got != want {
				t.Fatalf("stringEnd(%q, %d) = %d, old %d", data, i, got, want)
			}
		}
		check := func(str []byte) {
			for _, tail := range [][]byte{nil, data, []byte(`"`), []byte(`\"`)} {
				b := append(append([]byte(nil), str...), tail...)
				if got := stringEnd(b, 0); got != len(str) {
					t.Fatalf("stringEnd(%q) = %d, string %d", b, got, len(str))
				}
			}
		}
		if len(data) > 0 && data[0] == '"' && jsonscan.Valid(data) {
			check(trim(data))
		}
		if enc, err := json.Marshal(string(data)); err == nil {
			check(enc)
		}
	})
}
