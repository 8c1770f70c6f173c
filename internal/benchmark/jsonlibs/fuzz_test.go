package jsonlibs

import (
	stdjson "encoding/json"
	"fmt"
	"testing"
)

// FuzzDecoders feeds every decoder and validator the same input and checks that none panics,
// that the decoders that validate reject what encoding/json finds is not JSON, and that the
// validators that validate fully (all but sonic.Valid, see README.md) agree with json.Valid,
// short of fastjson's nesting limit of 300.
func FuzzDecoders(f *testing.F) {
	for _, c := range correctnessCases {
		f.Add([]byte(c.input))
	}
	// The shorter records only: the fuzzer minimizes every new input it finds interesting,
	// and minimizing a record of tens of kilobytes through eleven decoders takes minutes.
	_ = lines(corpusOnce(f).Data, func(line []byte) error {
		if len(line) <= 2048 {
			f.Add(line)
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, in []byte) {
		valid := stdjson.Valid(in)
		for _, d := range decoders {
			err := safely(func() error { return d.dec.decode(in, nil) })
			if p, ok := err.(panicked); ok {
				t.Fatalf("%s panics on %q: %v", d.name, in, p.v)
			}
			if !valid && d.validates && err == nil {
				t.Errorf("%s accepts %q, which is not JSON", d.name, in)
			}
		}
		for _, v := range validators {
			var ok bool
			err := safely(func() error { ok = v.valid(in); return nil })
			if p, isPanic := err.(panicked); isPanic {
				t.Fatalf("%s validator panics on %q: %v", v.name, in, p.v)
			}
			switch v.name {
			case "sonic":
				continue // known to accept bad escapes and raw control bytes
			case "fastjson":
				if !ok && valid && depth(in) > 300 {
					continue
				}
			}
			if ok != valid {
				t.Errorf("%s validator says %v for %q, json.Valid %v", v.name, ok, in, valid)
			}
		}
	})
}

// panicked is the error safely returns for a panic.
type panicked struct{ v any }

func (p panicked) Error() string { return fmt.Sprint("panic: ", p.v) }

// safely calls f, turning a panic into a panicked error.
func safely(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = panicked{v}
		}
	}()
	return f()
}

// depth returns the deepest nesting of brackets in b (strings not told apart: an upper bound).
func depth(b []byte) int {
	n, deepest := 0, 0
	for _, c := range b {
		switch c {
		case '{', '[':
			n++
			deepest = max(deepest, n)
		case '}', ']':
			n--
		}
	}
	return deepest
}
