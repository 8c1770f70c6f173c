package jsonscan

import (
	"bytes"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"
)

// Unquote returns the text of the raw JSON string v as a new string; invalid escapes and
// invalid UTF-8 are kept as written. A v that is not a string gives "".
func Unquote(v []byte) string {
	if len(v) < 2 || v[0] != '"' {
		return ""
	}
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return string(inner)
	}
	b, err := jsontext.AppendUnquote(nil, v)
	if err != nil {
		return string(inner)
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AppendUnquote appends the text of the raw JSON string v to dst.
func AppendUnquote(dst, v []byte) []byte {
	if len(v) < 2 || v[0] != '"' {
		return dst
	}
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return append(dst, inner...)
	}
	out, err := jsontext.AppendUnquote(dst, v)
	if err != nil {
		return append(dst, inner...)
	}
	return out
}

// Text returns a raw JSON scalar leniently as a string: a string's text, a number or boolean
// as written (numbers as strings and strings as numbers are both common in provider logs);
// null, objects and arrays give "".
func Text(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	switch v[0] {
	case '"':
		return Unquote(v)
	case 't', 'f', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(v)
	}
	return ""
}

// numberText returns the number text of a raw number or of a string holding one.
func numberText(v []byte) []byte {
	if len(v) >= 2 && v[0] == '"' {
		v = bytes.TrimSpace(v[1 : len(v)-1])
	}
	return v
}

// Int reads a raw JSON number, or a string holding one, as an integer; fractions are cut
// towards zero. It reports false for anything else or a value out of range.
func Int(v []byte) (int64, bool) {
	v = numberText(v)
	if len(v) == 0 {
		return 0, false
	}
	// Small integers, the common case, need no parsing through strings.
	if len(v) < 19 {
		i, neg := 0, v[0] == '-'
		if neg {
			i = 1
		}
		var n int64
		for ; i < len(v) && v[i] >= '0' && v[i] <= '9'; i++ {
			n = n*10 + int64(v[i]-'0')
		}
		if i == len(v) && (len(v) > 1 || !neg) {
			if neg {
				n = -n
			}
			return n, true
		}
	}
	s := unsafe.String(unsafe.SliceData(v), len(v))
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f >= math.MaxInt64 || f < math.MinInt64 {
		return 0, false
	}
	return int64(f), true
}

// Float reads a raw JSON number, or a string holding one, as a float. It reports false for
// anything else, NaN and infinities.
func Float(v []byte) (float64, bool) {
	v = numberText(v)
	if len(v) == 0 {
		return 0, false
	}
	if len(v) < 16 && v[0] != '-' {
		var n int64
		i := 0
		for ; i < len(v) && v[i] >= '0' && v[i] <= '9'; i++ {
			n = n*10 + int64(v[i]-'0')
		}
		if i == len(v) {
			return float64(n), true
		}
	}
	f, err := strconv.ParseFloat(unsafe.String(unsafe.SliceData(v), len(v)), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// Bool reads a raw JSON boolean, or the string "true" / "false" in any case.
func Bool(v []byte) (value, ok bool) {
	if len(v) >= 2 && v[0] == '"' {
		v = v[1 : len(v)-1]
	}
	switch {
	case bytes.EqualFold(v, []byte("true")):
		return true, true
	case bytes.EqualFold(v, []byte("false")):
		return false, true
	}
	return false, false
}

// AppendUnquoteSimple appends to dst the text of a JSON string's content (without its quotes)
// whose only escapes are \" \\ \/ \n \r and \t; any other escaped byte is appended as it is.
// It is for content already checked to hold no other escapes: copying such text costs one
// search per escape.
func AppendUnquoteSimple(dst, content []byte) []byte {
	for {
		k := bytes.IndexByte(content, '\\')
		if k < 0 || k+1 >= len(content) {
			return append(dst, content...)
		}
		dst = append(dst, content[:k]...)
		switch c := content[k+1]; c {
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		default:
			dst = append(dst, c)
		}
		content = content[k+2:]
	}
}

// AppendEscape appends the text of the JSON escape esc starts with (a backslash and what
// follows it) to dst, and returns the extended dst and the escape's length. ok is false, and
// dst is returned unchanged, for an escape it does not decode alone: a truncated or unknown
// escape, a \u with bad hex digits, or a \u of a surrogate half (which needs its pair). It is
// for fast unquoting loops that leave such strings to a full decoder.
func AppendEscape(dst, esc []byte) (_ []byte, n int, ok bool) {
	if len(esc) < 2 || esc[0] != '\\' {
		return dst, 0, false
	}
	switch c := esc[1]; c {
	case '"', '\\', '/':
		return append(dst, c), 2, true
	case 'b':
		return append(dst, '\b'), 2, true
	case 'f':
		return append(dst, '\f'), 2, true
	case 'n':
		return append(dst, '\n'), 2, true
	case 'r':
		return append(dst, '\r'), 2, true
	case 't':
		return append(dst, '\t'), 2, true
	case 'u':
		if len(esc) < 6 {
			return dst, 0, false
		}
		var r rune
		for _, c := range esc[2:6] {
			switch {
			case c >= '0' && c <= '9':
				r = r<<4 | rune(c-'0')
			case c >= 'a' && c <= 'f':
				r = r<<4 | rune(c-'a'+10)
			case c >= 'A' && c <= 'F':
				r = r<<4 | rune(c-'A'+10)
			default:
				return dst, 0, false
			}
		}
		if utf16.IsSurrogate(r) {
			return dst, 0, false
		}
		return utf8.AppendRune(dst, r), 6, true
	}
	return dst, 0, false
}
