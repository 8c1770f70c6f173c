package model

import (
	"encoding/json"
	"os"
	"testing"
)

func BenchmarkH2Chunk(b *testing.B) {
	data, _ := os.ReadFile("/tmp/h2chunks.json")
	var m map[string]string
	json.Unmarshal(data, &m)
	for k, v := range m {
		c := []byte(v)
		b.Run(k, func(b *testing.B) {
			r := new(response)
			d := new(decoder)
			for b.Loop() {
				d.unmarshal(c, r)
				r.reset()
			}
		})
	}
}
