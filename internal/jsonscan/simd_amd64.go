//go:build !purego

package jsonscan

// specialIndex returns the index of the first quote, backslash or control byte (below 0x20)
// in the whole 16-byte blocks of b, or the end of its last whole block (len(b) rounded down
// to a multiple of 16) when they hold none; it never reads past that end. It tests 32 bytes
// a turn with SSE2.
//
//go:noescape
func specialIndex(b []byte) int

// base64Index returns the index of the first byte in the whole 16-byte blocks of b that is
// not of the base64 alphabets (standard and URL-safe) nor '=', or the end of its last whole
// block when there is none; it never reads past that end. It tests 16 bytes a turn with SSE2.
//
//go:noescape
func base64Index(b []byte) int

// asciiIndex returns the index of the first byte of 0x80 or more in the whole 16-byte blocks
// of b, or the end of its last whole block when there is none; it never reads past that end.
// It tests 64 bytes a turn with SSE2.
//
//go:noescape
func asciiIndex(b []byte) int
