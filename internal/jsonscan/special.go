package jsonscan

import (
	"encoding/binary"
	"math/bits"
)

// specialIndexGo is specialIndex in Go: the fallback where there is no assembly version, and
// its oracle in tests.
func specialIndexGo(b []byte) int {
	n := len(b) &^ 15
	for i := 0; i < n; i += 16 {
		if m := specialMask(binary.LittleEndian.Uint64(b[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		if m := specialMask(binary.LittleEndian.Uint64(b[i+8:])); m != 0 {
			return i + 8 + bits.TrailingZeros64(m)>>3
		}
	}
	return n
}

// stringScanGo is stringScan in Go: the fallback where there is no assembly version, and its
// oracle in tests.
func stringScanGo(b []byte) int {
	k := 0
	for k <= len(b)-16 {
		m := specialMask(binary.LittleEndian.Uint64(b[k:]))
		p := k
		if m == 0 {
			if m = specialMask(binary.LittleEndian.Uint64(b[k+8:])); m == 0 {
				k += 16
				continue
			}
			p += 8
		}
		p += bits.TrailingZeros64(m) >> 3
		if b[p] != '\\' || p+1 >= len(b) || !simpleEscape[b[p+1]] {
			return p
		}
		k = p + 2
	}
	return k
}
