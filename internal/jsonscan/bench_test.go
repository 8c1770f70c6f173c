package jsonscan

import (
	"bytes"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// walk reads every token of every record, the way the provider decoders do.
func BenchmarkWalk(b *testing.B) {
	lines := seeds(b)
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.Run("jsonscan", func(b *testing.B) {
		b.SetBytes(int64(size))
		var d Decoder
		for range b.N {
			for _, l := range lines {
				d.Reset(l)
				for {
					if _, err := d.ReadToken(); err != nil {
						break
					}
				}
			}
		}
	})
	b.Run("jsontext", func(b *testing.B) {
		b.SetBytes(int64(size))
		d := jsontext.NewDecoder(bytes.NewReader(nil), lenient...)
		var r bytes.Reader
		for range b.N {
			for _, l := range lines {
				r.Reset(l)
				d.Reset(&r, lenient...)
				for {
					if _, err := d.ReadToken(); err != nil {
						break
					}
				}
			}
		}
	})
	b.Run("jsonscan-skip", func(b *testing.B) {
		b.SetBytes(int64(size))
		var d Decoder
		for range b.N {
			for _, l := range lines {
				d.Reset(l)
				_ = d.SkipValue()
			}
		}
	})
}

func BenchmarkSkip(b *testing.B) {
	lines := seeds(b)
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.Run("jsontext", func(b *testing.B) {
		b.SetBytes(int64(size))
		d := jsontext.NewDecoder(bytes.NewReader(nil), lenient...)
		var r bytes.Reader
		for range b.N {
			for _, l := range lines {
				r.Reset(l)
				d.Reset(&r, lenient...)
				_ = d.SkipValue()
			}
		}
	})
}
