package jsonscan

import (
	"bytes"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// walk reads every token of every record, the way the provider decoders do.
func BenchmarkWalk(b *testing.B) {
	lines := seeds(b)
	size := totalSize(lines)
	b.Run("jsonscan", func(b *testing.B) {
		b.SetBytes(size)
		var d Decoder
		for range b.N {
			readTokens(&d, lines)
		}
	})
	b.Run("jsontext", func(b *testing.B) {
		b.SetBytes(size)
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
		b.SetBytes(size)
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
	size := totalSize(lines)
	b.Run("jsontext", func(b *testing.B) {
		b.SetBytes(size)
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

// corpus returns the Bedrock invocation records the normalize benchmark reads: the
// repository's fixtures and, when present, the shared real samples.
func corpus(tb testing.TB) [][]byte {
	return linesOf(tb, "../../testdata/bedrock/*.ndjson", "../../../shared/samples/bedrock/invocation.log")
}

// readTokens reads every token of each line with d, as far as each is valid.
func readTokens(d *Decoder, lines [][]byte) {
	for _, l := range lines {
		d.Reset(l)
		for {
			if _, err := d.ReadToken(); err != nil {
				break
			}
		}
	}
}

// totalSize returns the bytes in lines.
func totalSize(lines [][]byte) int64 {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	return int64(n)
}

// BenchmarkRecords reads the Bedrock records the ways the normalize path does: validated
// whole (ReadValueStats), token by token, and peeking before each token as the decoders do.
func BenchmarkRecords(b *testing.B) {
	lines := corpus(b)
	if len(lines) == 0 {
		b.Skip("no records")
	}
	size := totalSize(lines)
	b.Run("stats", func(b *testing.B) {
		b.SetBytes(size)
		var d Decoder
		for range b.N {
			for _, l := range lines {
				d.Reset(l)
				_, _, _ = d.ReadValueStats()
			}
		}
	})
	b.Run("valid", func(b *testing.B) {
		// Valid over each record: the validation alone, as a whole value.
		b.SetBytes(size)
		for range b.N {
			for _, l := range lines {
				if !Valid(l) {
					b.Fatalf("invalid record %.80s", l)
				}
			}
		}
	})
	b.Run("tokens", func(b *testing.B) {
		b.SetBytes(size)
		var d Decoder
		for range b.N {
			readTokens(&d, lines)
		}
	})
	b.Run("peek-tokens", func(b *testing.B) {
		b.SetBytes(size)
		var d Decoder
		for range b.N {
			for _, l := range lines {
				d.Reset(l)
				for d.PeekKind() != 0 {
					if _, err := d.ReadToken(); err != nil {
						break
					}
				}
			}
		}
	})
	b.Run("members", func(b *testing.B) {
		// Each member of each record: name then value whole, peeking first.
		b.SetBytes(size)
		var d Decoder
		for range b.N {
			for _, l := range lines {
				d.Reset(l)
				if _, err := d.ReadToken(); err != nil {
					continue
				}
				for d.PeekKind() == '"' {
					_, _ = d.ReadValue()
					_, _ = d.ReadValue()
				}
			}
		}
	})
}

// bodies returns the input and output bodies (inputBodyJson, outputBodyJson) of the Bedrock
// records, each as its own slice: what the invocation decoder reads with ReadValueLong and
// ReadArrayLong.
func bodies(tb testing.TB) (objects, arrays [][]byte) {
	for _, l := range corpus(tb) {
		var d Decoder
		d.Reset(l)
		var find func(depth int)
		find = func(depth int) {
			if _, err := d.ReadToken(); err != nil {
				return
			}
			for {
				name, err := d.ReadName()
				if name == nil || err != nil {
					return
				}
				switch n := string(name); {
				case n == `"inputBodyJson"` || n == `"outputBodyJson"`:
					v, err := d.ReadValue()
					if err != nil {
						return
					}
					if v[0] == '[' {
						arrays = append(arrays, v)
					} else {
						objects = append(objects, v)
					}
				case depth == 0 && d.PeekKind() == '{':
					find(depth + 1)
				default:
					if d.SkipValue() != nil {
						return
					}
				}
			}
		}
		find(0)
	}
	return objects, arrays
}

// BenchmarkBodies reads the Bedrock bodies as the invocation decoder does: objects with
// ReadValueLong, stream chunk arrays with ReadArrayLong.
func BenchmarkBodies(b *testing.B) {
	objects, arrays := bodies(b)
	if len(objects)+len(arrays) == 0 {
		b.Skip("no records")
	}
	b.Run("objects", func(b *testing.B) {
		b.SetBytes(totalSize(objects))
		var d Decoder
		var long []Span
		for range b.N {
			for _, v := range objects {
				d.Reset(v)
				if _, _, long, _ = d.ReadValueLong(1024, long[:0]); d.Err() != nil {
					b.Fatal(d.Err())
				}
			}
		}
	})
	b.Run("arrays", func(b *testing.B) {
		b.SetBytes(totalSize(arrays))
		var d Decoder
		var long []Span
		var elems [][]byte
		for range b.N {
			for _, v := range arrays {
				d.Reset(v)
				var ok bool
				if _, _, long, elems, ok = d.ReadArrayLong(1024, long[:0], elems[:0]); !ok {
					b.Fatal("array not read")
				}
			}
		}
	})
}

// walkRecord reads a Bedrock record as the invocation decoder does: the members of the record
// and of its input and output objects by name, the bodies with ReadValueLong and
// ReadArrayLong, other values with ReadValue.
func walkRecord(d *Decoder, long []Span, elems [][]byte) ([]Span, [][]byte, error) {
	if _, err := d.ReadToken(); err != nil {
		return long, elems, err
	}
	depth := 0
	for {
		name, err := d.ReadName()
		if err != nil {
			return long, elems, err
		}
		if name == nil {
			if depth == 0 {
				return long, elems, nil
			}
			depth--
			continue
		}
		switch {
		case string(name) == `"inputBodyJson"` || string(name) == `"outputBodyJson"`:
			var ok bool
			if _, _, long, elems, ok = d.ReadArrayLong(1024, long[:0], elems[:0]); !ok {
				_, _, long, err = d.ReadValueLong(1024, long[:0])
			}
		case depth == 0 && d.PeekKind() == '{':
			_, err = d.ReadToken()
			depth++
		default:
			_, err = d.ReadValue()
		}
		if err != nil {
			return long, elems, err
		}
	}
}

// BenchmarkRecordWalk reads the Bedrock records (the lines that are objects, as in the
// normalize benchmark) with walkRecord.
func BenchmarkRecordWalk(b *testing.B) {
	var lines [][]byte
	for _, l := range corpus(b) {
		if l[0] == '{' {
			lines = append(lines, l)
		}
	}
	b.SetBytes(totalSize(lines))
	var d Decoder
	var long []Span
	var elems [][]byte
	for b.Loop() {
		for _, l := range lines {
			d.Reset(l)
			var err error
			if long, elems, err = walkRecord(&d, long, elems); err != nil {
				b.Fatal(err)
			}
		}
	}
}
