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

	"github.com/genainorm/genainorm/internal/jsonscan"
)

const hexDigits = "0123456789abcdef"

// plainASCII marks the bytes a JSON string holds as they are: printable ASCII other than '"'
// and '\\'.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// msb marks the high bit of each byte of a word.
const msb = 0x8080808080808080

// AppendJSONString appends s as a JSON string literal. Invalid UTF-8 becomes U+FFFD, and
// '<', '>' and '&' are not escaped (documents are not HTML).
//
// It is the renderer's innermost loop (bodies are written as JSON strings, a quote every few
// bytes), so it copies byte by byte into room grown once, and skips ahead a word at a time
// through runs of plain ASCII.
func AppendJSONString(b []byte, s string) []byte {
	raw := unsafe.Slice(unsafe.StringData(s), len(s))
	n := len(raw)
	// Room for the string as it is, plus slack for word stores; escapes grow it on the way
	// (growing for the worst case up front would double what builders of small JSON allocate).
	b = slices.Grow(b, n+10)
	out := b[:cap(b)]
	j := len(b)
	out[j] = '"'
	j++
	i := 0
	for i < n {
		k := copyPlain(out[j:], raw[i:])
		i += k
		j += k
		if i == n {
			break
		}
		c := raw[i]
		if (c == '"' || c == '\\') && j+2 <= len(out) {
			out[j] = '\\'
			out[j+1] = c
			i++
			j += 2
			continue
		}
		// A control byte, a multi-byte sequence, or no room left.
		b = out[:j]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
			i++
		case c == '\n':
			b = append(b, '\\', 'n')
			i++
		case c == '\r':
			b = append(b, '\\', 'r')
			i++
		case c == '\t':
			b = append(b, '\\', 't')
			i++
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			i++
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(b, `\ufffd`...)
			case r == '\u2028' || r == '\u2029':
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			default:
				b = append(b, raw[i:i+size]...)
			}
			i += size
		}
		b = slices.Grow(b, n-i+10)
		out = b[:cap(b)]
		j = len(b)
	}
	return append(out[:j], '"')
}

// copyPlain copies the leading plain ASCII bytes of src (see plainASCII) to dst, a word at a
// time, and returns how many there were. It may write up to 8 bytes past that count, within dst.
func copyPlain(dst, src []byte) int {
	n := min(len(src), len(dst))
	src, dst = src[:n], dst[:n]
	for len(src) >= 8 && len(dst) >= 8 {
		w := binary.LittleEndian.Uint64(src)
		binary.LittleEndian.PutUint64(dst, w)
		// The lowest flagged byte is always a special one; bytes of multi-byte sequences
		// (high bit set) are special here too.
		if m := jsonscan.SpecialMask(w) | w&msb; m != 0 {
			return n - len(src) + bits.TrailingZeros64(m)/8
		}
		src, dst = src[8:], dst[8:]
	}
	i := 0
	for i < len(src) && i < len(dst) && plainASCII[src[i]] {
		dst[i] = src[i]
		i++
	}
	return n - len(src) + i
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
