package jsonscan

import (
	"encoding/binary"
	"unicode/utf8"
)

// base64Bits marks the bytes of the base64 alphabets (standard and URL-safe) and '='.
var base64Bits = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=") {
		t[c] = true
	}
	return t
}()

// Base64Prefix returns the length of the longest prefix of b made of the bytes of the
// standard and URL-safe base64 alphabets and the padding '='. Long inputs are read 32 bytes a
// turn with SIMD where the architecture has an assembly version.
func Base64Prefix(b []byte) int {
	i := 0
	if len(b) >= 32 {
		i = base64Index(b)
	}
	for i < len(b) && base64Bits[b[i]] {
		i++
	}
	return i
}

// base64IndexGo is base64Index in Go: the fallback where there is no assembly version, and
// its oracle in tests.
func base64IndexGo(b []byte) int {
	n := len(b) &^ 15
	for i := 0; i < n; i++ {
		if !base64Bits[b[i]] {
			return i
		}
	}
	return n
}

// ValidUTF8 is utf8.Valid, with its ASCII prefix checked 64 bytes a turn with SIMD where the
// architecture has an assembly version. (Checking each run of non-ASCII bytes on its own and
// resuming the SIMD search after it was measured 11x slower on prose with an accent now and
// then: utf8.Valid itself goes back to words of ASCII after a rune; BenchmarkValidUTF8.)
func ValidUTF8(b []byte) bool {
	if len(b) >= 64 {
		b = b[asciiIndex(b):]
	}
	// What is left (fewer than 16 bytes after an ASCII prefix, or a short input) is checked
	// for ASCII with words, the last one overlapping the others: utf8.Valid reads the last
	// bytes of an input one at a time, and these calls were most of its time on the Bedrock
	// corpus.
	if n := len(b); n < 64 {
		var w uint64
		switch {
		case n >= 8:
			w = binary.LittleEndian.Uint64(b[n-8:])
			for i := 0; i < n-8; i += 8 {
				w |= binary.LittleEndian.Uint64(b[i:])
			}
		case n >= 4:
			w = uint64(binary.LittleEndian.Uint32(b) | binary.LittleEndian.Uint32(b[n-4:]))
		default:
			for _, c := range b {
				w |= uint64(c)
			}
		}
		if w&msb == 0 {
			return true
		}
	}
	return utf8.Valid(b)
}

// asciiIndexGo is asciiIndex in Go: the fallback where there is no assembly version, and its
// oracle in tests.
func asciiIndexGo(b []byte) int {
	n := len(b) &^ 15
	for i := 0; i < n; i++ {
		if b[i] >= 0x80 {
			return i
		}
	}
	return n
}
