//go:build purego || !amd64

package jsonscan

// specialIndex returns the index of the first quote, backslash or control byte (below 0x20)
// in the whole 16-byte blocks of b, or the end of its last whole block (len(b) rounded down
// to a multiple of 16) when they hold none.
func specialIndex(b []byte) int { return specialIndexGo(b) }

// base64Index returns the index of the first byte in the whole 16-byte blocks of b that is
// not of the base64 alphabets (standard and URL-safe) nor '=', or the end of its last whole
// block when there is none.
func base64Index(b []byte) int { return base64IndexGo(b) }

// asciiIndex returns the index of the first byte of 0x80 or more in the whole 16-byte blocks
// of b, or the end of its last whole block when there is none.
func asciiIndex(b []byte) int { return asciiIndexGo(b) }

// stringScan walks the content of a JSON string from b[0] in 16-byte blocks, while a whole
// block remains, stepping over the two-byte escapes (a backslash and one of "\/bfnrt). It
// returns the index of the first quote, control byte or other backslash it meets (one before
// \u, before an invalid byte, or last in b), or else the first index it reaches (a block's
// start, or the byte after an escape, where the next block starts) from which fewer than 16
// bytes remain.
func stringScan(b []byte) int { return stringScanGo(b) }

// stringEnd is StringEnd.
func stringEnd(data []byte, i int) int { return stringEndGo(data, i) }
