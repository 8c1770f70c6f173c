package jsonscan

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// StringEnd returns the index of the closing quote of the JSON string whose content starts at
// data[i] (just after its opening quote), or len(data) when the string is unterminated. It does
// not validate the content: a backslash escapes the byte after it, whatever that is. It is for
// walking JSON already known to be valid.
//
// Most strings of a record are short (member names, ids, roles): their first shortString
// bytes are read 16 at a time with SIMD where the architecture has an assembly version (else
// a word at a time), stepping over escapes, which costs less than a call to bytes.IndexByte
// per string. A string still open after them is searched for quotes alone (SIMD, or
// bytes.IndexByte), counting the backslashes before each.
func StringEnd(data []byte, i int) int { return stringEnd(data, i) }

// stringEndGo is StringEnd in Go: the fallback where there is no assembly version, and its
// oracle in tests. It reads words.
func stringEndGo(data []byte, i int) int {
	if uint(i) >= uint(len(data)) {
		return len(data)
	}
	j := stringEndShortGo(data, i)
	if j < len(data) && data[j] != '"' {
		// data[j-1] is not an escaping backslash (nor a backslash at all unless escaped):
		// the backslashes stringEndLong counts start at j.
		return stringEndLong(data, j)
	}
	return min(j, len(data))
}

// stringEndShortGo begins stringEndGo's search in data from i (0 <= i < len(data)): it
// returns the index of the first quote not escaped by a backslash before it, at or after i,
// when it finds one in the first shortString bytes, len(data) or more when data ends first,
// or else an index at least shortString past i (not inside an escape) from which the search
// goes on.
func stringEndShortGo(data []byte, i int) int {
	n := len(data)
	stop := min(n, i+shortString)
	for i+8 <= stop {
		m := QuoteOrBackslash(binary.LittleEndian.Uint64(data[i:]))
		if m == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(m) / 8
		if data[i] == '"' {
			return i
		}
		i += 2 // an escape: the backslash and the byte it escapes
	}
	for i < stop {
		switch data[i] {
		case '"':
			return i
		case '\\':
			i += 2
		default:
			i++
		}
	}
	return i
}

// shortString is how far into a string StringEnd looks for backslashes as well as quotes
// (the assembly version has it as a literal).
const shortString = 32

// stringEndLong is StringEnd for the rest of a long string, from i where no escape is open.
func stringEndLong(data []byte, i int) int {
	for {
		k := bytes.IndexByte(data[i:], '"')
		if k < 0 {
			return len(data)
		}
		j := i + k
		// Count the backslashes before the quote: an odd number escapes it.
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

// QuoteOrBackslash returns the quotes and backslashes among the 8 bytes of w (read
// little-endian), each as its high bit (0x80). The lowest bit set always marks a real one;
// bits above it may be false.
func QuoteOrBackslash(w uint64) uint64 {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	q := w ^ ('"' * lsb)
	b := w ^ ('\\' * lsb)
	return ((q-lsb)&^q | (b-lsb)&^b) & msb
}
