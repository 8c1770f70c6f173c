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
