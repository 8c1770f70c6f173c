package genai

import (
	"encoding/binary"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"
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

const (
	lsb   = 0x0101010101010101
	msb   = 0x8080808080808080
	quote = '"' * lsb
	bslsh = '\\' * lsb
	space = 0x20 * lsb
)

// AppendJSONString appends s as a JSON string literal. Invalid UTF-8 becomes U+FFFD, and
// '<', '>' and '&' are not escaped (documents are not HTML).
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	raw := unsafe.Slice(unsafe.StringData(s), len(s))
	start, i := 0, 0
	for i < len(raw) {
		// Eight bytes at a time while none is special: no quote, backslash, control byte
		// or byte of a multi-byte sequence.
		if i+8 <= len(raw) {
			w := binary.LittleEndian.Uint64(raw[i:])
			q, k := w^quote, w^bslsh
			if ((q-lsb)&^q|(k-lsb)&^k|(w-space)&^w|w)&msb == 0 {
				i += 8
				continue
			}
		}
		// Byte by byte through this word, up to the first special byte.
		end := min(i+8, len(raw))
		for i < end && plainASCII[raw[i]] {
			i++
		}
		if i == end {
			continue
		}
		c := raw[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
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
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, "2006-01-02T15:04:05.000Z07:00")
	return append(b, '"')
}
