package model

import (
	"math"
	"strconv"
	"testing"
	"unsafe"
)

// parseNumOld is parseNum before its decimal fraction path: the oracle of FuzzParseNum.
func parseNumOld(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	if len(b) < 16 {
		var v int64
		i, neg := 0, b[0] == '-'
		if neg {
			i = 1
		}
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			v = v*10 + int64(b[i]-'0')
		}
		if i == len(b) && (len(b) > 1 || !neg) {
			if neg {
				v = -v
			}
			return float64(v), true
		}
	}
	f, err := strconv.ParseFloat(unsafe.String(&b[0], len(b)), 64)
	return f, err == nil
}

// FuzzParseNum checks that parseNum reads every input as parseNumOld does, to the bit.
func FuzzParseNum(f *testing.F) {
	for _, s := range []string{"0.7", "-0.0", "0.95", "1.0", "123456789.12345", "1234567890.123456", "0.000000000000001",
		"9.", ".5", "-.5", "1.5.3", "1e3", "1.5e3", "-12.25", "00.5", "0.1", "0.3", "2.675", "1_0.5", "+1.5", "-"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, gok := parseNum(b)
		want, wok := parseNumOld(b)
		if gok != wok || math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
			t.Fatalf("parseNum(%q) = %v %v, old %v %v", b, got, gok, want, wok)
		}
	})
}
