//go:build !purego

package genai

import "testing"

// TestAppendJSONStringWithoutKernel runs the oracle comparisons on the pure-Go path as well,
// which amd64 takes without SSSE3 (and with -tags purego).
func TestAppendJSONStringWithoutKernel(t *testing.T) {
	defer func(u bool) { useEscapeKernel = u }(useEscapeKernel)
	useEscapeKernel = false
	TestAppendJSONString(t)
	TestAppendJSONStringMatchesReference(t)
	TestAppendJSONStringCorpusMatchesReference(t)
}

// TestAppendJSONStringWithoutAVX2 runs the kernel and oracle comparisons on the SSSE3 kernel
// alone, which amd64 takes without AVX2.
func TestAppendJSONStringWithoutAVX2(t *testing.T) {
	if !escapeAVX2 {
		t.Skip("the kernel runs without AVX2 anyway")
	}
	defer func(u bool) { escapeAVX2 = u }(escapeAVX2)
	escapeAVX2 = false
	TestEscapeASCII(t)
	TestAppendJSONString(t)
	TestAppendJSONStringMatchesReference(t)
	TestAppendJSONStringCorpusMatchesReference(t)
}
