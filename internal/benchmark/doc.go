// Package benchmark measures the full normalize path (bytes in, ECS JSON out) against a plain
// encoding/json decode of the same records into map[string]any, on the same corpus in one run.
//
//	go test ./internal/benchmark -bench . -benchtime 2s
//
// Each benchmark reports MB/s and records/s; the ratio of Normalize to MapDecode on the same
// corpus is the headline figure.
package benchmark
