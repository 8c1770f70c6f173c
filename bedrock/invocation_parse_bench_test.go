package bedrock

import (
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// parseCorpus returns the records of the benchmark corpus (the fixtures and the shared sample
// log) that parseRecord reads, each with room for what the event derives after it.
func parseCorpus(tb testing.TB) [][]byte {
	var recs [][]byte
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.ndjson"))
	for _, p := range append(paths, sampleLog) {
		for _, r := range decoderRecords(tb, p) {
			if r[0] == '{' && ivHasSchemaTypeNearStart(r) {
				recs = append(recs, r)
			}
		}
	}
	return recs
}

// BenchmarkParseClean measures the invocation decoder's own record walk: parseRecord, then
// cleanBodies and setVendor, over the records of the benchmark corpus.
func BenchmarkParseClean(b *testing.B) {
	recs := parseCorpus(b)
	size := 0
	for _, r := range recs {
		size += len(r)
	}
	d := newInvocationDecoder(InvocationOptions{}.withDefaults())
	var ev genai.Event
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, rec := range recs {
			ev.Reset()
			ev.Original = append(ev.Original[:0], rec...)
			d.tail = ev.Original[len(ev.Original):cap(ev.Original)]
			var r invocationRecord
			if err := d.parseRecord(ev.Original, &r); err != nil {
				b.Fatal(err)
			}
			var bs bodies
			d.cleanBodies(&r, &ev, &bs)
			d.setVendor(&r, &ev, &bs)
			d.tail = nil
		}
	}
	b.ReportMetric(float64(len(recs)), "records")
}

// BenchmarkSetVendor measures setVendor alone over the records of the benchmark corpus.
func BenchmarkSetVendor(b *testing.B) {
	recs := parseCorpus(b)
	type parsed struct {
		r  invocationRecord
		bs bodies
		ev genai.Event
	}
	ps := make([]parsed, len(recs))
	for i, rec := range recs {
		d := newInvocationDecoder(InvocationOptions{}.withDefaults())
		p := &ps[i]
		p.ev.Original = append([]byte(nil), rec...)
		if err := d.parseRecord(p.ev.Original, &p.r); err != nil {
			b.Fatal(err)
		}
		d.cleanBodies(&p.r, &p.ev, &p.bs)
	}
	d := newInvocationDecoder(InvocationOptions{}.withDefaults())
	var ev genai.Event
	for b.Loop() {
		for i := range ps {
			ev.Vendor = ev.Vendor[:0]
			d.setVendor(&ps[i].r, &ev, &ps[i].bs)
		}
	}
}

// BenchmarkParseValid is the floor of BenchmarkParseClean: jsonscan.Valid over the same
// records.
func BenchmarkParseValid(b *testing.B) {
	recs := parseCorpus(b)
	for b.Loop() {
		for _, rec := range recs {
			if !jsonscan.Valid(rec) {
				b.Fatal("invalid")
			}
		}
	}
}

// BenchmarkStringEnd steps through every string of the benchmark corpus's records with
// jsonscan.StringEnd, as the walks over clean bodies do.
func BenchmarkStringEnd(b *testing.B) {
	recs := parseCorpus(b)
	size := 0
	for _, r := range recs {
		size += len(r)
	}
	b.SetBytes(int64(size))
	n := 0
	for b.Loop() {
		for _, src := range recs {
			for i := 0; i < len(src); {
				if src[i] == '"' {
					i = jsonscan.StringEnd(src, i+1) + 1
					n++
				} else {
					i++
				}
			}
		}
	}
	if n == 0 {
		b.Fatal("no strings")
	}
}
