//go:build !purego

package genai

import "golang.org/x/sys/cpu"

// useEscapeKernel says whether appendEscapes goes through escapeASCII (SSSE3 and POPCNT).
var useEscapeKernel = cpu.X86.HasSSSE3 && cpu.X86.HasPOPCNT

// escapeAVX2 says whether escapeASCII takes 32 bytes a step with AVX2 (where it can).
var escapeAVX2 = cpu.X86.HasAVX2

// escapeASCII copies src into out 16 bytes at a time, with a backslash before each quote and
// backslash and \t, \n and \r as \t, \n and \r, while 16 bytes of src are left and out has room
// for them and 16 bytes more; then, if src is 16 bytes or more, its last 1 to 15 bytes the same
// way when out has room for them and 32 bytes more. It stops at a control byte other than those
// and at a non-ASCII byte (the caller's), and returns how much of src it took and of out it
// wrote. It writes nothing beyond len(out) but may write up to 32 bytes beyond nj. It needs
// SSSE3 and POPCNT.
//
//go:noescape
func escapeASCII(out, src []byte) (ni, nj int)

// plainPrefix copies src into out (as long as src; src is at least 16 bytes) 16 bytes at a
// time up to the first byte a JSON string does not hold as it is (a quote, a backslash, a
// control byte) or that is not ASCII, and returns where that is (len(src) for none). It may
// copy bytes after that as well.
//
//go:noescape
func plainPrefix(out, src []byte) int

// escapeShuffle holds escapeASCII's PSHUFB indexes: for each set of the 8 bytes of half a
// block (bit i for byte i), where each output byte comes from: the bytes in order, each in the
// set after a backslash (index 8).
//
//lint:ignore U1000 read by escapeASCII (escape_amd64.s)
var escapeShuffle = func() (t [256][16]byte) {
	for set := range t {
		k := 0
		for i := range 8 {
			if set>>i&1 != 0 {
				t[set][k] = 8
				k++
			}
			t[set][k] = byte(i)
			k++
		}
		for ; k < 16; k++ {
			t[set][k] = 8
		}
	}
	return t
}()
