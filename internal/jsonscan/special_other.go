//go:build purego || !amd64

package jsonscan

// specialIndex returns the index of the first quote, backslash or control byte (below 0x20)
// in the whole 16-byte blocks of b, or the end of its last whole block (len(b) rounded down
// to a multiple of 16) when they hold none; it never reads past that end.
func specialIndex(b []byte) int { return specialIndexGo(b) }
