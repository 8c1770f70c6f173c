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
	lsb  = 0x0101010101010101
	low7 = 0x7f7f7f7f7f7f7f7f
	msb  = 0x8080808080808080
)

// wordRoom is the room the escaping loop keeps ahead of the rest of the string: a word with
// a backslash before each byte, the last written with a word store (that ends 23 bytes on).
const wordRoom = 24

// AppendJSONString appends s as a JSON string literal. Invalid UTF-8 becomes U+FFFD, and
// '<', '>' and '&' are not escaped (documents are not HTML).
//
// It is the renderer's innermost loop (bodies are written as JSON strings, a quote every few
// bytes, and most other strings are short): escapeWords takes the words (8 bytes) of s,
// escaping quotes and backslashes without leaving the word, and the last bytes of s make one
// more word padded with spaces; only control bytes, multi-byte sequences and the last bytes
// of a string that has escapes in them go byte by byte (appendEscapes). The room ahead in b is
// kept at least the rest of s and wordRoom more, so that plain words need no room check of
// their own.
func AppendJSONString(b []byte, s string) []byte {
	n := len(s)
	raw := unsafe.Slice(unsafe.StringData(s), n)
	// Room for the string as it is, plus slack for word stores; escapes grow it on the way
	// (growing for the worst case up front would double what builders of small JSON allocate).
	if cap(b)-len(b) < n+wordRoom+2 {
		b = slices.Grow(b, n+wordRoom+2)
	}
	j := len(b)
	out := b[:cap(b)]
	out[j] = '"'
	j++
	i := 0
	var w uint64
	if n >= 8 {
		o := out[j:]
		c := cap(o)
		i, o = escapeWords(o, raw, 0)
		j += i + c - cap(o)
		if n-i >= 8 || len(out)-j-(n-i) < wordRoom {
			out, j = appendEscapes(out, j, raw, i)
			out[j] = '"'
			return out[:j+1]
		}
		if i == n {
			out[j] = '"'
			return out[:j+1]
		}
		w = binary.LittleEndian.Uint64(raw[n-8:]) >> ((8 - (n - i)) * 8 & 63)
	} else if n > 0 {
		w = tailWord(raw)
	} else {
		out[j] = '"'
		return out[:j+1]
	}
	// The last bytes, less than a word, padded with spaces (never escaped).
	w |= lsb * ' ' << ((n - i) * 8 & 63)
	if specialBytes(w) == 0 {
		binary.LittleEndian.PutUint64(out[j:], w)
		j += n - i
	} else {
		out, j = appendEscapes(out, j, raw, i)
	}
	out[j] = '"'
	return out[:j+1]
}

// appendEscapes writes raw[i:] at out[j:] with its escapes, growing out as it goes, and
// returns out and where the string ends in it, with room for the closing quote after it. out
// has room for raw[i:] and wordRoom bytes more.
func appendEscapes(out []byte, j int, raw []byte, i int) ([]byte, int) {
	n := len(raw)
	for i < n {
		if len(out)-j-(n-i) < wordRoom {
			out = slices.Grow(out[:j], n-i+wordRoom+1)
			out = out[:cap(out)]
		}
		if n-i >= 8 {
			o := out[j-i:]
			c := cap(o)
			di, o := escapeWords(o, raw, i)
			j += di - i + c - cap(o)
			i = di
			if i == n || n-i < 8 || len(out)-j-(n-i) < wordRoom {
				continue
			}
		}
		c := raw[i]
		switch {
		case plainASCII[c]:
			out[j] = c
			i++
			j++
		case c == '"' || c == '\\':
			out[j] = '\\'
			out[j+1] = c
			i++
			j += 2
		default:
			j, i = appendEscaped(out, j, raw, i)
		}
	}
	return out, j
}

// escapeWords escapes src from i on a word at a time into o, where o[x] is where src[x] goes
// (after the backslashes so far), and stops before the last bytes that are less than a word,
// at the first control or non-ASCII byte, or when o's room beyond len(src) runs short of
// wordRoom. It returns where it stopped in src, and o moved on by the backslashes written.
// Plain words are copied as they are, without leaving the inner loop.
func escapeWords(o, src []byte, i int) (int, []byte) {
	n := len(src)
	src = src[:n:n]
	for {
		var w uint64
		for ; i+8 <= n; i += 8 {
			w = binary.LittleEndian.Uint64(src[i : i+8])
			binary.LittleEndian.PutUint64(o[i:i+8], w)
			if specialBytes(w) != 0 {
				break
			}
		}
		if i+8 > n || len(o) < n+wordRoom {
			return i, o
		}
		k, end := escapeWord((*[wordRoom]byte)(o[i:i+wordRoom]), w)
		o = o[k:]
		if end < 8 {
			return i + end, o
		}
		i += 8
	}
}

// escapeWord escapes the word w (8 bytes of a string read little-endian, already stored at
// win) up to its first control or non-ASCII byte: before each quote or backslash it writes a
// backslash and the rest of the word again one byte on. It returns how many backslashes it
// wrote and how many bytes of the word it took (8 if none is a control or non-ASCII byte).
func escapeWord(win *[wordRoom]byte, w uint64) (k, end int) {
	// Per byte, bit 7 of t is set if its low 7 bits are neither '"' nor '\\', and of w if it
	// is not ASCII (no carry crosses a byte).
	a := w & low7
	t := ((a ^ lsb*'"') + low7) & ((a ^ lsb*'\\') + low7)
	other := (w | ^(a + lsb*(0x80-0x20))) & msb // control and non-ASCII bytes
	esc := msb &^ (t | w)                       // quotes and backslashes
	end = 8
	if other != 0 {
		// Only the bytes before the first other one (other-1 keeps no bit of esc above it,
		// as the two are disjoint).
		end = bits.TrailingZeros64(other) >> 3
		esc &= other - 1
	}
	// Byte p of the word goes to win[k+p] (so at most 7+7).
	for esc != 0 {
		z := bits.TrailingZeros64(esc)
		p := k + z>>3
		win[p&15] = '\\'
		binary.LittleEndian.PutUint64(win[(p+1)&15:], w>>(z&56))
		k++
		esc &= esc - 1
	}
	return k, end
}

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

// appendEscaped writes the control or non-ASCII byte of s at i, or the UTF-8 sequence it
// starts, at out[j:] (which has room for 6 bytes), and returns where the output and the input
// go on.
func appendEscaped(out []byte, j int, s []byte, i int) (int, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		out[j] = '\\'
		switch c {
		case '\n':
			out[j+1] = 'n'
		case '\r':
			out[j+1] = 'r'
		case '\t':
			out[j+1] = 't'
		default:
			out[j+1] = 'u'
			out[j+2] = '0'
			out[j+3] = '0'
			out[j+4] = hexDigits[c>>4]
			out[j+5] = hexDigits[c&0xf]
			return j + 6, i + 1
		}
		return j + 2, i + 1
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
