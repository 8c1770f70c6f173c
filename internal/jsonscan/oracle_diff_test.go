package jsonscan

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// The operations a differential walk applies, chosen by the bytes of a script.
const (
	opPeekKind = iota
	opReadToken
	opReadValue
	opReadValueStats
	opSkipValue
	opCount
)

// sameErr reports how two errors differ, or "" when they are the same: both nil, both io.EOF,
// or SyntaxErrors with equal fields.
func sameErr(got, want error) string {
	if got == nil && want == nil {
		return ""
	}
	if got == nil || want == nil {
		return fmt.Sprintf("error %v, want %v", got, want)
	}
	var g, w *SyntaxError
	switch {
	case errors.As(got, &g) && errors.As(want, &w):
		if *g != *w {
			return fmt.Sprintf("error %#v, want %#v", *g, *w)
		}
		return ""
	case got == want:
		return ""
	}
	return fmt.Sprintf("error %v, want %v", got, want)
}

// diffWalk drives a Decoder and the oracle over data with the same script of operations and
// returns the first difference in results, errors, offsets or depths, or "".
func diffWalk(data, script []byte) string {
	d, r := NewDecoder(data), refNewDecoder(data)
	for round := range 2 {
		if round == 1 {
			// Reset used decoders onto a part of the input.
			data = data[len(data)/3:]
			d.Reset(data)
			r.Reset(data)
		}
		fails := 0
		for step := 0; step < 4*len(data)+16 && fails < 3; step++ {
			op := opReadToken
			if len(script) > 0 {
				op = int(script[step%len(script)]) % opCount
			}
			where := fmt.Sprintf("round %d step %d op %d", round, step, op)
			var diff string
			switch op {
			case opPeekKind:
				if g, w := d.PeekKind(), r.PeekKind(); g != w {
					diff = fmt.Sprintf("PeekKind %q, want %q", g, w)
				}
			case opReadToken:
				g, gerr := d.ReadToken()
				w, werr := r.ReadToken()
				if gerr != nil {
					fails++
				}
				if diff = sameErr(gerr, werr); diff == "" && (g.Kind() != w.kind || string(g.Raw()) != string(w.raw)) {
					diff = fmt.Sprintf("token %q %q, want %q %q", g.Kind(), g.Raw(), w.kind, w.raw)
				}
			case opReadValue, opSkipValue:
				g, gerr := d.ReadValue()
				w, werr := r.ReadValue()
				if gerr != nil {
					fails++
				}
				if diff = sameErr(gerr, werr); diff == "" && string(g) != string(w) {
					diff = fmt.Sprintf("value %q, want %q", g, w)
				}
			case opReadValueStats:
				g, gst, gerr := d.ReadValueStats()
				w, wst, werr := r.ReadValueStats()
				if gerr != nil {
					fails++
				}
				if diff = sameErr(gerr, werr); diff == "" && (string(g) != string(w) || gst != wst) {
					diff = fmt.Sprintf("value %q %+v, want %q %+v", g, gst, w, wst)
				}
			}
			if diff == "" && (d.InputOffset() != r.InputOffset() || d.StackDepth() != r.StackDepth()) {
				diff = fmt.Sprintf("offset %d depth %d, want %d %d", d.InputOffset(), d.StackDepth(), r.InputOffset(), r.StackDepth())
			}
			if diff == "" {
				diff = sameErr(d.Err(), r.Err())
			}
			if diff != "" {
				return where + ": " + diff
			}
		}
	}
	if g, w := Valid(data), refValid(data); g != w {
		return fmt.Sprintf("Valid %v, want %v", g, w)
	}
	return ""
}

// scripts are operation sequences the differential tests run every input with.
var scripts = [][]byte{
	nil,                       // ReadToken only
	{opReadValueStats},        // whole values
	{opPeekKind, opReadToken}, // peek before each token
	{opReadToken, opPeekKind, opReadValue, opPeekKind, opReadValueStats},
	{opPeekKind, opReadToken, opReadToken, opSkipValue, opPeekKind, opPeekKind, opReadValue},
}

// oracleInputs are hand-written inputs for the differential tests: valid and broken JSON of
// every shape, with strings around the 8-byte word boundaries.
func oracleInputs() []string {
	in := []string{
		`{}`, `[]`, ` { } `, `{"a":1}`, `{"a":[1,2,{"b":null}],"c":"x\"y","d":true,"e":false}`,
		`"str"`, `-0.5e+10`, `0`, `[[[]]]`, `{"a":{"a":{"a":{}}}}`, `{"dup":1,"dup":2}`,
		"\"bad utf8 \xff\"", `"\u00e9\n\t\\\/"`, `[1 , 2 ,3 ]`, "\t{\n\"k\"\r:\n\"v\"\n}\n",
		``, ` `, `{`, `}`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{"a":}`, `{1:2}`, `[1 2]`, `tru`, `nul`,
		`01`, `-`, `1.`, `1e`, `.5`, `+1`, `"abc`, `"\x"`, `"\u12"`, "\"a\x01b\"", `{"a":1}}`,
		`[}`, `{]`, `{"a":1 "b":2}`, `[1,,2]`, `,`, `:`, `{"a"::1}`, `NaN`, `[1]x`, `[-]`, `[-01]`,
		`[1.5e+]`, `[1E9,2e-3,0.0,-0]`, `[1213.5,1213e5,99.9,12E+3,7.,8e,-12.5]`, `{"a":tx}`, `{"a":f}`, `[nulL]`, `"\u00"`, `"\uZZZZ"`, `"\`,
		`"\u`, `"\u0`, `"a\"`, `{"a":"b"`, `{"a":"b",`, `{"a":"b" ,`, `[ "a" , ]`, `{ "a" : 1 , "b" }`,
		"[\"\t\"]", "[\"\x7f\x80\"]", `{"":""}`, `[""]`, `[[1,[2,[3]]],{"a":{"b":[]}}]`, `{"a"}`,
		`[true false]`, `{"a":1}{"b":2}`, `  "x"  `, `1 2`, `[1]]`, `{"a":[}`, `[{]`, `{"a":{"b":1]}`,
	}
	for n := 0; n <= 20; n++ {
		s := strings.Repeat("x", n)
		in = append(in, `"`+s+`"`, `"`+s, `{"`+s+`":"`+s+`"}`, `["`+s+`\n"]`, `["`+s+"\x1f\"]",
			`["`+s+`\"`+s+`"]`, `["`+s+`\u00e9"]`, `["`+s+`\u00"]`, `["`+s+"é\"]", `["`+s+`\`)
	}
	return in
}

func TestAgreesWithOracle(t *testing.T) {
	var all [][]byte
	for _, s := range oracleInputs() {
		all = append(all, []byte(s))
	}
	all = append(all, seeds(t)...)
	all = append(all, corpus(t)...)
	for _, data := range all {
		for _, script := range scripts {
			if diff := diffWalk(data, script); diff != "" {
				t.Fatalf("%q with script %v: %s", data, script, diff)
			}
			// Every cut of a short input, as a truncated record reads.
			if len(data) < 200 {
				for k := range data {
					if diff := diffWalk(data[:k], script); diff != "" {
						t.Fatalf("%q with script %v: %s", data[:k], script, diff)
					}
				}
			}
		}
	}
}

func TestDeepAgreesWithOracle(t *testing.T) {
	for _, depth := range []int{31, 32, 33, 127, 128, 129, 300, MaxDepth - 1, MaxDepth, MaxDepth + 1} {
		for _, level := range [][2]string{{"[", "]"}, {`{"k":`, "}"}, {`[{"k":`, "}]"}} {
			cut := strings.Repeat(level[0], depth) + "1"
			whole := cut + strings.Repeat(level[1], depth)
			for _, in := range []string{cut, whole} {
				for _, script := range scripts {
					if diff := diffWalk([]byte(in), script); diff != "" {
						t.Fatalf("depth %d %.20q with script %v: %s", depth, in, script, diff)
					}
				}
			}
		}
	}
}

func FuzzAgainstOracle(f *testing.F) {
	for _, s := range oracleInputs() {
		for _, script := range scripts {
			f.Add([]byte(s), script)
		}
	}
	for _, s := range seeds(f) {
		f.Add(s, scripts[2])
	}
	f.Fuzz(func(t *testing.T, data, script []byte) {
		if diff := diffWalk(data, script); diff != "" {
			t.Fatalf("%q with script %v: %s", data, script, diff)
		}
	})
}
