package genai

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"
)

const hexDigits = "0123456789abcdef"

// Word-at-a-time constants: lsb*c repeats the byte c in each byte of a word.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// slack is the room AppendJSONString keeps in front of the rest of the string as it is: a word
// store for a string's last bytes, and an escape's 6 bytes for 1 (then it grows again).
const slack = 8

// AppendJSONString appends s as a JSON string literal. Invalid UTF-8 becomes U+FFFD, and
// '<', '>' and '&' are not escaped (documents are not HTML).
//
// It is the renderer's innermost loop: bodies are written as JSON strings (a quote every few
// bytes), and most other strings are short and plain. So s goes a word (8 bytes) at a time:
// a string of plain words (and a last word overlapping the one before, or, under 8 bytes, one
// word padded with spaces) is copied in one pass; otherwise escapeWords escapes quotes,
// backslashes, \n, \r and \t without leaving its word loop, and only other control bytes,
// multi-byte sequences and the last bytes of such a string go byte by byte (appendEscapes).
// The room in b is kept at least the rest of s and slack more, so that words need no room
// check of their own.
func AppendJSONString(b []byte, s string) []byte {
	n := len(s)
	raw := unsafe.Slice(unsafe.StringData(s), n)
	// Room for the string as it is, the quotes and slack; escapes grow it on the way (growing
	// for the worst case up front would double what builders of small JSON allocate).
	if cap(b)-len(b) < n+slack+2 {
		b = slices.Grow(b, n+slack+2)
	}
	j := len(b)
	out := b[:cap(b)]
	out[j] = '"'
	j++
	if n < 8 {
		if n > 0 {
			// One word, padded with spaces (never escaped).
			w := tailWord(raw) | lsb*' '<<(n*8&63)
			if specialBytes(w) != 0 {
				out, j = appendEscapes(out, j, raw, 0)
				out[j] = '"'
				return out[:j+1]
			}
			binary.LittleEndian.PutUint64(out[j:], w)
			j += n
		}
		out[j] = '"'
		return out[:j+1]
	}
	// Plain words as they are, and the last word overlapping the one before.
	o := out[j : j+n]
	i := 0
	for ; i+8 <= n; i += 8 {
		w := binary.LittleEndian.Uint64(raw[i : i+8])
		binary.LittleEndian.PutUint64(o[i:i+8], w)
		if specialBytes(w) != 0 {
			break
		}
	}
	if i+8 > n {
		w := binary.LittleEndian.Uint64(raw[n-8:])
		if specialBytes(w) == 0 {
			binary.LittleEndian.PutUint64(o[n-8:], w)
			j += n
			out[j] = '"'
			return out[:j+1]
		}
	}
	out, j = appendEscapes(out, j+i, raw, i)
	out[j] = '"'
	return out[:j+1]
}

// appendEscapes writes raw[i:] at out[j:] with its escapes, growing out as it goes, and
// returns out and where the string ends in it, with room for the closing quote after it. out
// has room for raw[i:] and slack bytes more.
func appendEscapes(out []byte, j int, raw []byte, i int) ([]byte, int) {
	n := len(raw)
	for i < n {
		if len(out)-j-(n-i) < slack {
			out = slices.Grow(out[:j], n-i+slack+1)
			out = out[:cap(out)]
		}
		if n-i >= 8 {
			o := out[j-i:]
			c := cap(o)
			di, o := escapeWords(o, raw, i)
			j += di - i + c - cap(o)
			i = di
			if i == n || n-i < 8 || len(out)-j-(n-i) < slack {
				continue
			}
		}
		c := raw[i]
		switch {
		case plainASCII[c]:
			out[j] = c
			i++
			j++
		case shortEscape[c] != 0:
			out[j] = '\\'
			out[j+1] = shortEscape[c]
			i++
			j += 2
		default:
			j, i = appendEscaped(out, j, raw, i)
		}
	}
	return out, j
}

// escapeWords copies src from i on into o a word at a time, where o[x] is where src[x] goes
// (o moves on by one byte with each backslash written). At a byte with a short escape (a
// quote, a backslash, \n, \r, \t) it writes the escape and goes on with the word after the
// byte. It stops before the last bytes that are less than a word, at any other control byte
// or a non-ASCII byte, or when o's room beyond len(src) runs short of slack, and returns
// where it stopped in src, and o.
func escapeWords(o, src []byte, i int) (int, []byte) {
	n := len(src)
	src = src[:n:n]
	for i+8 <= n {
		w := binary.LittleEndian.Uint64(src[i : i+8])
		binary.LittleEndian.PutUint64(o[i:i+8], w)
		m := specialBytes(w)
		if m == 0 {
			i += 8
			continue
		}
		p := i + bits.TrailingZeros64(m)>>3
		e := shortEscape[src[p]]
		if e == 0 || len(o) < n+slack {
			return p, o
		}
		o[p+1] = e
		o[p] = '\\'
		o = o[1:]
		i = p + 1
	}
	return i, o
}

// shortEscape holds, for the bytes a JSON string holds as a backslash and another byte, that
// other byte.
var shortEscape = [256]byte{'"': '"', '\\': '\\', '\n': 'n', '\r': 'r', '\t': 't'}

// plainASCII marks the bytes a JSON string holds as they are: printable ASCII other than '"'
// and '\\'.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// tailWord reads the 1 to 7 bytes of s into the low bytes of a word whose high bytes are zero.
func tailWord(s []byte) uint64 {
	n := len(s)
	if n >= 4 {
		return uint64(binary.LittleEndian.Uint32(s)) | uint64(binary.LittleEndian.Uint32(s[n-4:]))<<(8*(n-4)&63)
	}
	return uint64(s[0]) | uint64(s[n>>1])<<(8*(n>>1)&63) | uint64(s[n-1])<<(8*(n-1)&63)
}

// specialBytes returns the bytes of w (8 bytes of a string, read little-endian) that a JSON
// string does not hold as they are (quotes, backslashes, control bytes) and the non-ASCII ones,
// each as its high bit. The lowest bit set marks a real one; bits above it may be false (the
// borrow of a match runs into the next byte).
func specialBytes(w uint64) uint64 {
	q := (w ^ lsb*'"') - lsb
	b := (w ^ lsb*'\\') - lsb
	c := w - lsb*0x20
	return (q | b | c | w) & msb
}

// appendEscaped writes the control byte of s at i (one without a short escape), or the UTF-8
// sequence that starts there, at out[j:] (which has room for 6 bytes), and returns where the
// output and the input go on.
func appendEscaped(out []byte, j int, s []byte, i int) (int, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		out[j] = '\\'
		out[j+1] = 'u'
		out[j+2] = '0'
		out[j+3] = '0'
		out[j+4] = hexDigits[c>>4]
		out[j+5] = hexDigits[c&0xf]
		return j + 6, i + 1
	}
	r, size := utf8.DecodeRune(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return j + copy(out[j:], `\ufffd`), i + 1
	case r == '\u2028' || r == '\u2029':
		return j + copy(out[j:], `\u202`) + copy(out[j+5:], hexDigits[r&0xf:r&0xf+1]), i + size
	}
	return j + copy(out[j:], s[i:i+size]), i + size
}

// AppendJSONBytesString appends raw bytes (such as a JSON body) as a JSON string literal.
func AppendJSONBytesString(b []byte, s []byte) []byte {
	return AppendJSONString(b, unsafeString(s))
}

// AppendJSONFloat appends f as a JSON number, the shortest form that reads back exactly.
func AppendJSONFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	return strconv.AppendFloat(b, f, format, -1, 64)
}

// AppendJSONTime appends t as a JSON string in RFC 3339 UTC with millisecond precision, the
// form Elasticsearch's date type reads by default.
func AppendJSONTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		// Outside four digits: the general formatter says it as well as it can.
		b = append(b, '"')
		b = t.AppendFormat(b, "2006-01-02T15:04:05.000Z07:00")
		return append(b, '"')
	}
	hour, minute, sec := t.Clock()
	ms := t.Nanosecond() / 1e6
	return append(b, '"',
		byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+int(month)/10), byte('0'+int(month)%10), '-',
		byte('0'+day/10), byte('0'+day%10), 'T',
		byte('0'+hour/10), byte('0'+hour%10), ':',
		byte('0'+minute/10), byte('0'+minute%10), ':',
		byte('0'+sec/10), byte('0'+sec%10), '.',
		byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10), 'Z', '"')
}
