package jsonscan

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// referenceLong lists the spans of the strings of the valid JSON value v at least min bytes
// long as written, by walking its bytes.
func referenceLong(v []byte, min int) []Span {
	var out []Span
	in, esc, start := false, false, 0
	for i, c := range v {
		switch {
		case in && esc:
			esc = false
		case in && c == '\\':
			esc = true
		case in && c == '"':
			in = false
			if i-start-1 >= min {
				out = append(out, Span{start, i})
			}
		case in:
		case c == '"':
			in, start = true, i
		}
	}
	return out
}

func TestReadValueLong(t *testing.T) {
	for _, in := range []string{
		`{"a":1}`, `{"abc": "defg", "hi": ["jklmn", {"opqrstu": "v"}]}`, `"a long string"`,
		`["\"escaped\\\\", "\u00e9\u00e8xyzw", 123456789, "short"]`, `12`, `[]`,
		`{"0123456789abcdef0123":"0123456789abcdef0123456789abcdef0123456789"}`,
	} {
		for _, min := range []int{1, 3, 4, 5, 16, 40, 100} {
			// At the top and as a member further into the input, after a read that must not
			// add to the list.
			for _, wrap := range []bool{false, true} {
				data := in
				if wrap {
					data = `{"before":"0123456789","v": ` + in + `}`
				}
				d := NewDecoder([]byte(data))
				if wrap {
					_, err := d.ReadToken()
					require.NoError(t, err)
					for range 3 { // "before", its value, "v"
						_, err = d.ReadValue()
						require.NoError(t, err)
					}
				}
				prev := []Span{{-1, -2}}
				v, st, long, err := d.ReadValueLong(min, prev)
				require.NoError(t, err, data)
				require.Equal(t, in, string(v))
				require.Equal(t, referenceStats(v), st, in)
				require.Equal(t, append([]Span{{-1, -2}}, referenceLong(v, min)...), long, "%s min %d", data, min)
			}
		}
	}
	d := NewDecoder([]byte(`["abcdef", "x`))
	_, _, long, err := d.ReadValueLong(2, nil)
	require.Error(t, err)
	require.Empty(t, long)
}

func FuzzReadValueLong(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, 8)
	}
	f.Add([]byte(`{"a" : ["é", "\"x\""]}`), 1)
	f.Fuzz(func(t *testing.T, data []byte, min int) {
		min = min%200 + 1
		if min < 1 {
			min += 200
		}
		d := NewDecoder(data)
		v, st, long, err := d.ReadValueLong(min, nil)
		if err != nil {
			return
		}
		require.Equal(t, referenceStats(v), st, "%q", v)
		require.Equal(t, referenceLong(v, min), long, "%q %d", v, min)
		// A ReadValueStats after it is not affected.
		d.Reset(data)
		v, st, err = d.ReadValueStats()
		require.NoError(t, err)
		require.Equal(t, referenceStats(v), st, "%q", v)
	})
}

// checkReadArrayLong compares ReadArrayLong on data (wrapped in an object member when wrap is
// set) with ReadValueLong and a token by token read of the elements.
func checkReadArrayLong(t *testing.T, data []byte, min int, wrap bool) {
	t.Helper()
	if wrap {
		data = append(append([]byte(`{"k":"v","a":`), data...), '}')
	}
	open := func() *Decoder {
		d := NewDecoder(data)
		if wrap {
			_, err := d.ReadToken()
			require.NoError(t, err)
			for range 3 {
				_, err = d.ReadValue()
				require.NoError(t, err)
			}
		}
		return d
	}
	d := open()
	v, st, long, elems, ok := d.ReadArrayLong(min, []Span{{1, 2}}, [][]byte{[]byte("x")})
	w := open()
	if !ok {
		require.Equal(t, []Span{{1, 2}}, long)
		require.Equal(t, [][]byte{[]byte("x")}, elems)
		// Nothing was read: the decoder goes on as one that did not try.
		for range 3 {
			g, gerr := d.ReadValue()
			x, werr := w.ReadValue()
			require.Equal(t, werr, gerr, "%q", data)
			require.Equal(t, string(x), string(g), "%q", data)
			require.Equal(t, w.InputOffset(), d.InputOffset())
			if gerr != nil {
				break
			}
		}
		return
	}
	wv, wst, wlong, err := w.ReadValueLong(min, []Span{{1, 2}})
	require.NoError(t, err, "%q", data)
	require.Equal(t, string(wv), string(v))
	require.Equal(t, wst, st, "%q", data)
	require.Equal(t, wlong, long, "%q", data)
	require.Equal(t, w.InputOffset(), d.InputOffset())
	// The elements, token by token.
	e := open()
	_, err = e.ReadToken()
	require.NoError(t, err)
	want := [][]byte{[]byte("x")}
	for e.PeekKind() != ']' {
		x, err := e.ReadValue()
		require.NoError(t, err)
		want = append(want, x)
	}
	require.Equal(t, len(want), len(elems))
	for k := range want {
		require.Equal(t, string(want[k]), string(elems[k]))
		if k > 0 {
			require.Equal(t, cap(want[k]), cap(elems[k]), "elements alias the input")
		}
	}
	_, err = e.ReadToken()
	require.NoError(t, err)
	require.Equal(t, e.InputOffset(), d.InputOffset())
	// Reads go on where they do after ReadValueLong.
	g, gerr := d.ReadToken()
	x, werr := w.ReadToken()
	require.Equal(t, werr, gerr)
	require.Equal(t, x, g)
}

func TestReadArrayLong(t *testing.T) {
	for _, in := range []string{
		`[]`, `[ ]`, `[1]`, `[1,"abc",{"d":["efgh"]},[],null]`, `[ 1 , "x" ]`, "[\n{\"a\":1}\n]",
		`["0123456789abcdef0123456789", "\"\\u00e9 escaped"]`, `{"a":1}`, `"str"`, `12`,
		`[1,]`, `[1 2]`, `[`, `[1`, `[{"a":}]`, `[}`, `[,1]`, `[1]]`, `[[[[`, "[\"a\x01\"]",
		// Elements that start as the one before them, read from where that one's last
		// string starts, and their variations.
		`[{"a":"x"},{"a":"y"},{"a":"zz"}]`, `[{"a":"x"},{"a":1}]`, `[{"a":"x"},{"a":}]`,
		`[{"a":"x"},{"a":]`, `[{"a":"x"},{"a": "y"}]`, `[{"a":"x"},{"a":"y"]`,
		`[{"a":"x"},{"a":"y"}}]`, `[{"a":"x"},{"a":"y"},]`, `[{"a":"x"},{"a":"y`, `[{"a":"x"},{"a":`,
		`[{"a":"x"},{"a":"\u00e9\n"},{"a":"\x"}]`, "[{\"a\":\"x\"},{\"a\":\"\x01\"}]",
		`[{"a":{"b":["c",{"d":"x"}]}},{"a":{"b":["c",{"d":"yy"}]}},{"a":{"b":["c",{"d":[]}]}}]`,
		`[{"a":["x"]},{"a":["y"]},{"a":[]}]`, `[{"a":"x","b":"y"},{"a":"x","b":"z"},{"a":"x","b":1}]`,
		`[{"long name":"x"},{"long name":"y"},{"long name":"a long value"}]`,
		`[{"a" :"x"},{"a" :"y"}, {"a" :"z"} ]`, `[{"a":"x"} ,{"a":"y"}]`, `[{"a":"x"},[1],{"a":"y"}]`,
		`[{"a":"x"},"s",{"a":"y"}]`, `[{"a":1,"b":"x"},{"a":10,"b":"x"},{"a":1,"b":"yy"}]`,
		// Deeper than skip's stack in a word, where elements are read whole.
		"[" + strings.Repeat(`{"a":`, 70) + `"x"` + strings.Repeat("}", 70) + "," +
			strings.Repeat(`{"a":`, 70) + `"y"` + strings.Repeat("}", 70) + "]",
		"[" + strings.Repeat(`{"a":[`, 30) + `"x"` + strings.Repeat("]}", 30) + "," +
			strings.Repeat(`{"a":[`, 30) + `"y"` + strings.Repeat("]}", 30) + "," +
			strings.Repeat(`{"a":[`, 30) + `"z"` + strings.Repeat("]}", 29) + "]]" + "]",
	} {
		for _, min := range []int{1, 3, 10} {
			checkReadArrayLong(t, []byte(in), min, false)
			checkReadArrayLong(t, []byte(in), min, true)
		}
	}
}

func FuzzReadArrayLong(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, 8, false)
	}
	f.Add([]byte(`[1,"abc",{"d":["efgh"]},[],null]`), 2, true)
	f.Add([]byte(`[{"a":{"b":["c",{"d":"x"}]}},{"a":{"b":["c",{"d":"yy"}]}},{"a":{"b":["c",{"d":1}]}}]`), 2, false)
	f.Add([]byte(`[{"type":"t","i":0,"d":{"type":"u","text":"x"}},{"type":"t","i":0,"d":{"type":"u","text":"y"}}]`), 4, true)
	f.Fuzz(func(t *testing.T, data []byte, min int, wrap bool) {
		min = min%200 + 1
		if min < 1 {
			min += 200
		}
		checkReadArrayLong(t, data, min, wrap)
	})
}
