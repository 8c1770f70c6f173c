//go:build !amd64 || purego

package genai

// useEscapeKernel says whether appendEscapes goes through escapeASCII: never here.
const useEscapeKernel = false

// escapeASCII is the SIMD kernel of amd64 (see escape_amd64.go); it is never called here, and
// takes nothing.
func escapeASCII(out, src []byte) (ni, nj int) { return 0, 0 }

// plainPrefix is the SIMD copy of amd64 (see escape_amd64.go); it is never called here.
func plainPrefix(out, src []byte) int { return 0 }
