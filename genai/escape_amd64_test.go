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
