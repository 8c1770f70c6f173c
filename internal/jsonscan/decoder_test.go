package jsonscan

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/require"
)

var lenient = []jsontext.Options{jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true)}

// tokens walks data with ReadToken and returns each token's kind and raw text.
func tokens(data []byte) ([]string, error) {
	var out []string
	d := NewDecoder(data)
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, string(t.Kind())+" "+string(t.Raw()))
	}
}

// referenceTokens walks data with jsontext and returns the same shape as tokens.
func referenceTokens(data []byte) ([]string, error) {
	if !jsontext.Value(data).IsValid(lenient...) {
		return nil, errors.New("invalid")
	}
	var out []string
	d := jsontext.NewDecoder(bytesReader(data), lenient...)
	for {
		k := d.PeekKind()
		if k == 0 {
			return out, nil
		}
		raw := ""
		switch k {
		case '{', '}', '[', ']':
			if _, err := d.ReadToken(); err != nil {
				return out, err
			}
		default:
			v, err := d.ReadValue()
			if err != nil {
				return out, err
			}
			raw = string(v)
		}
		out = append(out, string(k)+" "+raw)
	}
}

func TestDecoderAgreesWithJSONText(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, ` { } `, `{"a":1}`, `{"a":[1,2,{"b":null}],"c":"x\"y","d":true,"e":false}`,
		`"str"`, `-0.5e+10`, `0`, `[[[]]]`, `{"a":{"a":{"a":{}}}}`, `{"dup":1,"dup":2}`,
		"\"bad utf8 \xff\"", `"\u00e9\n\t\\\/"`, `[1 , 2 ,3 ]`, "\t{\n\"k\"\r:\n\"v\"\n}\n",
		// invalid
		``, ` `, `{`, `}`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{"a":}`, `{1:2}`, `[1 2]`, `tru`, `nul`,
		`01`, `-`, `1.`, `1e`, `.5`, `+1`, `"abc`, `"\x"`, `"\u12"`, "\"a\x01b\"", `{"a":1}}`,
		`[}`, `{]`, `{"a":1 "b":2}`, `[1,,2]`, `,`, `:`, `{"a"::1}`, `NaN`, `[1]x`,
	} {
		want, werr := referenceTokens([]byte(in))
		got, gerr := tokens([]byte(in))
		valid := Valid([]byte(in))
		if werr != nil {
			require.False(t, valid, "%q accepted", in)
			continue
		}
		require.True(t, valid, "%q rejected", in)
		require.NoError(t, gerr, in)
		require.Equal(t, want, got, in)
	}
}

func TestReadValueAndMembers(t *testing.T) {
	d := NewDecoder([]byte(`{"a": {"x": [1, 2]}, "b" : "s", "c":3.5}`))
	tok, err := d.ReadToken()
	require.NoError(t, err)
	require.Equal(t, Kind('{'), tok.Kind())
	var names, values []string
	for d.PeekKind() != '}' {
		n, err := d.ReadValue()
		require.NoError(t, err)
		v, err := d.ReadValue()
		require.NoError(t, err)
		names = append(names, Unquote(n))
		values = append(values, string(v))
	}
	_, err = d.ReadToken()
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b", "c"}, names)
	require.Equal(t, []string{`{"x": [1, 2]}`, `"s"`, `3.5`}, values)
	require.Equal(t, Kind(0), d.PeekKind())
	_, err = d.ReadToken()
	require.ErrorIs(t, err, io.EOF)
}

func TestErrors(t *testing.T) {
	d := NewDecoder([]byte(`{"a": [1, 2`))
	_, err := d.ReadValue()
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	require.Equal(t, int64(11), se.Offset)
	require.Contains(t, err.Error(), "offset 11")

	d.Reset([]byte(`{"a" 1}`))
	_, err = d.ReadToken()
	require.NoError(t, err)
	_, err = d.ReadValue()
	require.NoError(t, err)
	require.Equal(t, Kind(0), d.PeekKind())
	_, err = d.ReadValue()
	require.ErrorAs(t, err, &se)
	require.Equal(t, int64(5), se.Offset)
	require.Contains(t, err.Error(), `invalid character '1'`)
	require.NotErrorIs(t, err, io.ErrUnexpectedEOF)

	// An end delimiter is not a value.
	d.Reset([]byte(`[]`))
	_, err = d.ReadToken()
	require.NoError(t, err)
	_, err = d.ReadValue()
	require.Error(t, err)
}

func TestDepthLimit(t *testing.T) {
	deep := make([]byte, 0, 2*MaxDepth+2)
	for range MaxDepth + 1 {
		deep = append(deep, '[')
	}
	for range MaxDepth + 1 {
		deep = append(deep, ']')
	}
	require.False(t, Valid(deep))
	require.True(t, Valid(deep[1:len(deep)-1]))
}

func TestScalars(t *testing.T) {
	for _, c := range []struct {
		in    string
		text  string
		i     int64
		iok   bool
		f     float64
		fok   bool
		b, bo bool
	}{
		{in: `"x\ty"`, text: "x\ty"},
		{in: `42`, text: "42", i: 42, iok: true, f: 42, fok: true},
		{in: `-7`, text: "-7", i: -7, iok: true, f: -7, fok: true},
		{in: `" 12 "`, text: " 12 ", i: 12, iok: true, f: 12, fok: true},
		{in: `1.9`, text: "1.9", i: 1, iok: true, f: 1.9, fok: true},
		{in: `1e3`, text: "1e3", i: 1000, iok: true, f: 1000, fok: true},
		{in: `1e300`, text: "1e300", f: 1e300, fok: true},
		{in: `true`, text: "true", b: true, bo: true},
		{in: `"FALSE"`, text: "FALSE", bo: true},
		{in: `null`},
		{in: `{"a":1}`},
		{in: `"-"`, text: "-"},
	} {
		require.Equal(t, c.text, Text([]byte(c.in)), c.in)
		i, ok := Int([]byte(c.in))
		require.Equal(t, c.iok, ok, c.in)
		require.Equal(t, c.i, i, c.in)
		f, ok := Float([]byte(c.in))
		require.Equal(t, c.fok, ok, c.in)
		require.InDelta(t, c.f, f, 1e-9, c.in)
		b, ok := Bool([]byte(c.in))
		require.Equal(t, c.bo, ok, c.in)
		require.Equal(t, c.b, b, c.in)
	}
	require.Equal(t, "a\"b", string(AppendUnquote(nil, []byte(`"a\"b"`))))
}

// seeds are the repository's JSON fixtures.
func seeds(tb testing.TB) [][]byte {
	return linesOf(tb, "../../testdata/*/*.ndjson", "../../testdata/*/*/*.ndjson")
}

// linesOf returns the lines of the files that match patterns.
func linesOf(tb testing.TB, patterns ...string) [][]byte {
	var out [][]byte
	for _, pat := range patterns {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(tb, err)
			out = append(out, splitLines(data)...)
		}
	}
	return out
}

func TestFixturesAgree(t *testing.T) {
	s := seeds(t)
	require.NotEmpty(t, s)
	for _, line := range s {
		want, werr := referenceTokens(line)
		got, gerr := tokens(line)
		if werr != nil {
			require.Error(t, gerr, "%s", line)
			continue
		}
		require.NoError(t, gerr)
		require.Equal(t, want, got)
	}
}

func FuzzDecoder(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Add([]byte(`{"a":[1,{"b":"\u00e9"}],"c":-1.5e3}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, werr := referenceTokens(data)
		got, gerr := tokens(data)
		valid := Valid(data)
		if werr != nil {
			if valid {
				t.Fatalf("accepted invalid %q", data)
			}
			return
		}
		if !valid || gerr != nil {
			t.Fatalf("rejected valid %q: %v", data, gerr)
		}
		require.Equal(t, want, got)
	})
}

func TestSpecialMask(t *testing.T) {
	word := func(s string) uint64 {
		var b [8]byte
		copy(b[:], s)
		return binary.LittleEndian.Uint64(b[:])
	}
	require.Zero(t, SpecialMask(word("abcdefgh")))
	require.Zero(t, SpecialMask(word("\xc3\xa9\xff\x80 ~}!")))
	for k := 0; k < 8; k++ {
		for _, c := range []byte{'"', '\\', 0, '\n', 0x1f} {
			b := []byte("abcdefgh")
			b[k] = c
			require.Equal(t, k*8+7, bits.TrailingZeros64(SpecialMask(word(string(b)))), "%q", b)
		}
	}
}

// The lowest bit SpecialMask sets marks the first quote, backslash or control byte of any word.
func TestSpecialMaskFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	special := func(c byte) bool { return c < 0x20 || c == '"' || c == '\\' }
	check := func(w uint64) {
		want := 64
		for k := range 8 {
			if special(byte(w >> (8 * k))) {
				want = k*8 + 7
				break
			}
		}
		if got := bits.TrailingZeros64(SpecialMask(w)); got != want {
			t.Fatalf("SpecialMask(%#016x): lowest bit %d, want %d", w, got, want)
		}
	}
	for range 200000 {
		// Bytes near the special ones, to provoke borrows.
		var w uint64
		for k := range 8 {
			var c byte
			switch rng.IntN(4) {
			case 0:
				c = byte(rng.IntN(256))
			case 1:
				c = byte(0x1c + rng.IntN(12))
			case 2:
				c = byte(0x5a + rng.IntN(5))
			default:
				c = byte(0x7e + rng.IntN(4))
			}
			w |= uint64(c) << (8 * k)
		}
		check(w)
	}
	for c := range 256 {
		for k := range 8 {
			for _, fill := range []byte{'a', 0x21, 0x23, 0x20, 0x7f, 0x80, 0xff, 0x5d, 0x5b} {
				b := bytes.Repeat([]byte{fill}, 8)
				b[k] = byte(c)
				check(binary.LittleEndian.Uint64(b))
			}
		}
	}
}

// referenceStats computes ValueStats of the valid JSON value v by walking its bytes.
func referenceStats(v []byte) ValueStats {
	var st ValueStats
	in, esc, start := false, false, 0
	for i, c := range v {
		switch {
		case in && esc:
			esc = false
		case in && c == '\\':
			esc = true
		case in && c == '"':
			in = false
			st.LongestString = max(st.LongestString, i-start-1)
		case in:
		case c == '"':
			in, start = true, i
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			st.Spaced = true
		}
	}
	return st
}

func TestReadValueStats(t *testing.T) {
	for in, want := range map[string]ValueStats{
		`{"a":1}`:                        {LongestString: 1},
		`{"a": 1}`:                       {Spaced: true, LongestString: 1},
		`[ "xyz" ,"é\"q"]`:               {Spaced: true, LongestString: 5},
		"{\"k\"\n:\"0123456789abcdef\"}": {Spaced: true, LongestString: 16},
		`"just a string"`:                {LongestString: 13},
		`12`:                             {},
	} {
		d := NewDecoder([]byte(in))
		v, st, err := d.ReadValueStats()
		require.NoError(t, err, in)
		require.Equal(t, in, string(v))
		require.Equal(t, want, st, in)
		require.Equal(t, referenceStats([]byte(in)), st, in)
	}
	// Stats are per value.
	d := NewDecoder([]byte(`{"long member name": {"b" : 2}, "c":"d"}`))
	_, err := d.ReadToken()
	require.NoError(t, err)
	_, err = d.ReadValue()
	require.NoError(t, err)
	_, st, err := d.ReadValueStats()
	require.NoError(t, err)
	require.Equal(t, ValueStats{Spaced: true, LongestString: 1}, st)
}

func FuzzReadValueStats(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Add([]byte(`{"a" : ["é", "\"x\""]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := NewDecoder(data)
		v, st, err := d.ReadValueStats()
		if err != nil {
			return
		}
		require.Equal(t, referenceStats(v), st, "%q", v)
	})
}

// Token by token through nesting deeper than the inline container stack.
func TestDeepTokens(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		if i%3 == 0 {
			b.WriteString(`{"k":`)
		} else {
			b.WriteString(`[1,`)
		}
	}
	b.WriteString(`"x"`)
	for i := 299; i >= 0; i-- {
		if i%3 == 0 {
			b.WriteString(`}`)
		} else {
			b.WriteString(`]`)
		}
	}
	in := []byte(b.String())
	want, err := referenceTokens(in)
	require.NoError(t, err)
	got, err := tokens(in)
	require.NoError(t, err)
	require.Equal(t, want, got)
	// A wrong closing delimiter deep down is caught.
	bad := bytes.Replace(in, []byte(`"x"]`), []byte(`"x"}`), 1)
	require.NotEqual(t, in, bad)
	_, err = tokens(bad)
	require.Error(t, err)
}

func TestLocalDecoderDoesNotAllocate(t *testing.T) {
	data := []byte(`{"a":[1,{"b":"c"}],"d":true}`)
	allocs := testing.AllocsPerRun(100, func() {
		var d Decoder
		d.Reset(data)
		for {
			if _, err := d.ReadToken(); err != nil {
				break
			}
		}
	})
	require.Zero(t, allocs)
}
