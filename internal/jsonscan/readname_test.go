package jsonscan

import (
	"fmt"
	"testing"
)

// slowName is ReadName as its callers did it before it: PeekKind, then ReadToken at the end
// of the object or ReadValue.
func slowName(d *Decoder) ([]byte, error) {
	switch d.PeekKind() {
	case '}':
		_, err := d.ReadToken()
		return nil, err
	case 0:
		_, err := d.ReadToken()
		if err == nil {
			err = errObjectEnd
		}
		return nil, err
	}
	return d.ReadValue()
}

// diffReadName drives two decoders over data with the same script, one reading names with
// ReadName and the other with slowName, and returns the first difference, or "".
func diffReadName(data, script []byte) string {
	d, w := NewDecoder(data), NewDecoder(data)
	fails := 0
	for step := 0; step < 4*len(data)+16 && fails < 3; step++ {
		op := 0
		if len(script) > 0 {
			op = int(script[step%len(script)]) % 5
		}
		var diff string
		switch op {
		case 0, 1: // a name, the most common
			g, gerr := d.ReadName()
			x, werr := slowName(w)
			if gerr != nil {
				fails++
			}
			if diff = sameErr(gerr, werr); diff == "" && string(g) != string(x) {
				diff = fmt.Sprintf("name %q, want %q", g, x)
			}
		case 2:
			g, gerr := d.ReadToken()
			x, werr := w.ReadToken()
			if gerr != nil {
				fails++
			}
			if diff = sameErr(gerr, werr); diff == "" && (g.Kind() != x.Kind() || string(g.Raw()) != string(x.Raw())) {
				diff = fmt.Sprintf("token %q, want %q", g.Raw(), x.Raw())
			}
		case 3:
			g, gst, gerr := d.ReadValueStats()
			x, wst, werr := w.ReadValueStats()
			if gerr != nil {
				fails++
			}
			if diff = sameErr(gerr, werr); diff == "" && (string(g) != string(x) || gst != wst) {
				diff = fmt.Sprintf("value %q %+v, want %q %+v", g, gst, x, wst)
			}
		case 4:
			if g, x := d.PeekKind(), w.PeekKind(); g != x {
				diff = fmt.Sprintf("PeekKind %q, want %q", g, x)
			}
		}
		// After a name, ReadName has read the ':' too (and peeked the value), which a
		// peek of the other does next: offsets and errors are compared after other reads.
		if op <= 1 {
			if diff != "" {
				return fmt.Sprintf("step %d op %d: %s", step, op, diff)
			}
			continue
		}
		if diff == "" && (d.InputOffset() != w.InputOffset() || d.StackDepth() != w.StackDepth()) {
			diff = fmt.Sprintf("offset %d depth %d, want %d %d", d.InputOffset(), d.StackDepth(), w.InputOffset(), w.StackDepth())
		}
		if diff == "" {
			diff = sameErr(d.Err(), w.Err())
		}
		if diff != "" {
			return fmt.Sprintf("step %d op %d: %s", step, op, diff)
		}
	}
	return ""
}

var readNameScripts = [][]byte{
	{2, 0, 3}, {2, 0, 3, 0, 2, 0, 3}, {2, 4, 0, 4, 3}, {2, 0, 2}, {0, 3}, {3}, {2, 0, 0, 3},
}

func TestReadName(t *testing.T) {
	inputs := append(oracleInputs(),
		`{"a":1,"b":"x","c":{"d":[1,2]},"e":null}`, `{"a" :1, "b":2 ,"c" : 3}`, `{ "a":1}`,
		`{"a":1,}`, `{"a"1}`, `{"a":`, `{"a":1`, `{"a":1,"`, `{"a`, `{"a\u00e9\"":"v"}`, `{"a":"b":"c"}`,
		`{"a": "b"}`, `{"a":"b",  "c":"d"}`, "{\"a\":\n1}", `{"a\x":1}`, `{"a":1,"b":[}`, `{}`, `{ }`,
	)
	for _, in := range inputs {
		for _, script := range readNameScripts {
			if diff := diffReadName([]byte(in), script); diff != "" {
				t.Fatalf("%q with script %v: %s", in, script, diff)
			}
		}
	}
}

func FuzzReadName(f *testing.F) {
	for _, s := range oracleInputs() {
		f.Add([]byte(s), readNameScripts[1])
	}
	for _, s := range seeds(f) {
		f.Add(s, readNameScripts[0])
	}
	f.Fuzz(func(t *testing.T, data, script []byte) {
		if diff := diffReadName(data, script); diff != "" {
			t.Fatalf("%q with script %v: %s", data, script, diff)
		}
	})
}
