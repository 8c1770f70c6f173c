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
// backslashes, \n, \r and \t without leaving its word loop (a word with escapes in one
// piece, from one exact mask), its last bytes padded with spaces to words when b has room for
// that, and only other control bytes, multi-byte sequences and the last bytes of such a string
// when b lacks room go byte by byte (appendEscapes). The room in b is kept at least the rest of
// s and slack more, so that words need no room check of their own.
//
// On amd64 with SSSE3 (useEscapeKernel), strings of 16 bytes or more go through SIMD kernels
// instead: plainPrefix copies the plain start 16 bytes at a time, and escapeASCII escapes the
// rest 16 (with AVX2 32) bytes at a time (see appendEscapesKernel). The pure-Go path is the
// fallback elsewhere and with -tags purego; both write the same bytes.
func AppendJSONString(b []byte, s string) []byte {
	n := len(s)
	raw := unsafe.Slice(unsafe.StringData(s), n)
	// Room for the string as it is, the quotes and slack; escapes grow it on the way (growing
	// for the worst case up front would double what builders of small JSON allocate).
	if cap(b)-len(b) < n+slack+2 {
		return appendJSONStringGrow(b, s)
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
	if n < 16 {
		// Two words, the second overlapping the first.
		w, v := binary.LittleEndian.Uint64(raw[:8]), binary.LittleEndian.Uint64(raw[n-8:])
		if specialBytes(w)|specialBytes(v) != 0 {
			out, j = appendEscapes(out, j, raw, 0)
			out[j] = '"'
			return out[:j+1]
		}
		o := out[j : j+n]
		binary.LittleEndian.PutUint64(o[:8], w)
		binary.LittleEndian.PutUint64(o[n-8:], v)
		j += n
		out[j] = '"'
		return out[:j+1]
	}
	if useEscapeKernel {
		// The SIMD kernels: plain bytes 16 at a time, then the escapes from the first byte
		// that is not.
		i := plainPrefix(out[j:j+n], raw)
		if i < n {
			out, j = appendEscapes(out, j+i, raw, i)
		} else {
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

// appendJSONStringGrow is AppendJSONString into b grown first, a call of its own so that
// AppendJSONString keeps nothing across a call on its common paths (no spills on entry).
//
//go:noinline
func appendJSONStringGrow(b []byte, s string) []byte {
	return AppendJSONString(slices.Grow(b, len(s)+slack+2), s)
}

// appendEscapes writes raw[i:] at out[j:] with its escapes, growing out as it goes, and
// returns out and where the string ends in it, with room for the closing quote after it. out
// has room for raw[i:] and slack bytes more.
//
// escapeWords takes the string a word (8 bytes) at a time while 24 remain, and its last bytes
// padded with spaces when out has room for what that writes beyond them; each byte it stops at
// (a control byte other than \n, \r and \t, a non-ASCII byte) goes on its own. With the SIMD
// kernel it is appendEscapesKernel.
func appendEscapes(out []byte, j int, raw []byte, i int) ([]byte, int) {
	if useEscapeKernel {
		return appendEscapesKernel(out, j, raw, i)
	}
	n := len(raw)
	for i < n {
		if len(out)-j-(n-i) < slack {
			out = slices.Grow(out[:j], n-i+tailRoom)
			out = out[:cap(out)]
		}
		if n-i >= lookahead {
			i, j = escapeWords(out, j, raw, i)
			if n-i < lookahead || len(out)-j-(n-i) < slack {
				continue
			}
		} else if len(out)-j >= n-i+tailRoom {
			// The last bytes, padded with spaces to whole words and the lookahead.
			t := n - i
			buf := spaceWords
			copy(buf[:], raw[i:])
			bi, bj := escapeWords(out, j, buf[:(t+7)&^7+lookahead-8], 0)
			if bi >= t {
				return out, bj - (bi - t)
			}
			i += bi
			j = bj
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

// appendEscapesKernel is appendEscapes with the SIMD kernel escapeASCII, which takes the
// string 16 bytes at a time (its last bytes padded with spaces to 16) up to a byte it leaves to
// the caller (a control byte other than \n, \r and \t, a non-ASCII byte); those go on their own.
// It keeps the room in out at least the rest of raw and kernelRoom more (escapeASCII wants 16
// more, and the padded last bytes 16 more than that).
func appendEscapesKernel(out []byte, j int, raw []byte, i int) ([]byte, int) {
	n := len(raw)
	for i < n {
		if len(out)-j-(n-i) < kernelRoom {
			out = slices.Grow(out[:j], n-i+tailRoom)
			out = out[:cap(out)]
		}
		if t := n - i; t >= 16 {
			di, dj := escapeASCII(out[j:], raw[i:])
			i += di
			j += dj
			if i == n || plainASCII[raw[i]] || shortEscape[raw[i]] != 0 {
				continue // Out of room or whole blocks, not at a byte of its own.
			}
		} else {
			buf := spaceWords
			copy(buf[:], raw[i:])
			di, dj := escapeASCII(out[j:], buf[:16])
			if di >= t {
				return out, j + dj - (di - t)
			}
			i += di
			j += dj
		}
		// The bytes that escapeASCII leaves, and the escapes after them.
		for i < n && !plainASCII[raw[i]] && len(out)-j-(n-i) >= slack {
			c := raw[i]
			if shortEscape[c] != 0 {
				out[j] = '\\'
				out[j+1] = shortEscape[c]
				i++
				j += 2
				continue
			}
			j, i = appendEscaped(out, j, raw, i)
		}
	}
	if j == len(out) {
		// escapeASCII may fill the room kept beyond the rest of the string with escapes (a
		// string ending in 32 newlines, say): room for the closing quote.
		out = slices.Grow(out[:j], 1)
		out = out[:cap(out)]
	}
	return out, j
}

// kernelRoom is the room beyond the rest of a string that appendEscapesKernel keeps.
const kernelRoom = 32

// lookahead is how many bytes of the string escapeWords wants from where it is: a word, and
// then up to 15 bytes more that escapes copy (see escapeWordsRest).
const lookahead = 24

// tailRoom is the room beyond the rest of a string that appendEscapes wants for escapeWords to
// write its last bytes padded to words: those bytes with their escapes (up to 2*23), the padding
// (up to 7) and what escapeWords writes beyond a word (up to 17).
const tailRoom = 48

// spaceWords is the padding for the last bytes of a string.
var spaceWords = [40]byte{
	' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
	' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
}

// escapeWords copies src from i on into out from j on a word (8 bytes) at a time, with the
// escapes of quotes, backslashes, \n, \r and \t, while lookahead bytes of src remain and out has
// room for the rest of src and slack bytes more. It stops at any other control byte or a
// non-ASCII byte, and returns where it stopped in src and out. It writes up to 17 bytes beyond
// where it returns in out.
func escapeWords(out []byte, j int, src []byte, i int) (int, int) {
	ls, lo := escapeWordsRest(src[i:], out[j:])
	i, j = len(src)-ls, len(out)-lo
	if ls < lookahead || lo < ls+slack {
		return i, j
	}
	// A word with a control byte other than \n, \r and \t or a non-ASCII byte, stored at
	// out[j:]: its escapes before the first such byte, and stop there.
	s, o := (*[lookahead]byte)(src[i:]), (*[32]byte)(out[j:])
	w := binary.LittleEndian.Uint64(s[:8])
	qb, c := wordMasks(w)
	ctl := shortControls(w)
	other := (^c | w) & msb &^ ctl
	k := escapeControls(o, s, (^qb&msb|ctl)&(other&-other-1), 0)
	r := bits.TrailingZeros64(other) >> 3
	return i + r, j + r + k
}

// escapeWordsRest is escapeWords on s = src[i:] and o = out[j:] up to the word it stops at
// (which it leaves stored at o), and returns the lengths of what is left of them.
//
// A word goes in one piece: it is stored, and wordMasks gives its quotes and backslashes
// exactly (no false bits), so that all of them go from the one mask. For the e-th escape, at byte
// p, a backslash goes at o[p+e] and s from p on after it (the escapes after it write over the
// rest of that): each is three stores whose places come from the mask, with no chain from one
// to the next. The first two go without a branch, their bytes from escapeSpots: a missing one
// is at p = 8, whose stores lie beyond the word's output, where what comes after it is stored
// over them. A word with \n, \r or \t (rare) goes the same way, with their letters written
// after (in a branch of its own, which leaves the common one as it is). (&15 changes nothing but
// tells the compiler so.)
func escapeWordsRest(s, o []byte) (int, int) {
	for len(s) >= lookahead && len(o) >= len(s)+slack {
		sw := (*[lookahead]byte)(s)
		ow := (*[32]byte)(o)
		w := binary.LittleEndian.Uint64(sw[:8])
		binary.LittleEndian.PutUint64(ow[:8], w)
		qb, c := wordMasks(w)
		if (^(qb&c)|w)&msb == 0 {
			s, o = s[8:], o[8:]
			continue
		}
		m := ^qb & msb
		if rare := (^c | w) & msb; rare != 0 {
			// \n, \r and \t are escapes as well; any other control byte or a non-ASCII byte
			// is the caller's (the word stored, as it wants it).
			ctl := shortControls(w)
			if rare&^ctl != 0 {
				break
			}
			// The steps as below, each with the letter of its escape.
			m |= ctl
			t := escapeSpots[m*0x0002040810204081>>56]
			p := int(t & 15)
			ow[p] = '\\'
			binary.LittleEndian.PutUint64(ow[p+1:], binary.LittleEndian.Uint64(sw[p:]))
			ow[p+1] = shortEscape[sw[p]]
			p = int(t >> 8 & 15)
			ow[p+1] = '\\'
			binary.LittleEndian.PutUint64(ow[p+2:], binary.LittleEndian.Uint64(sw[p:]))
			ow[p+2] = shortEscape[sw[p]]
			k := int(t >> 16)
			if k > 2 {
				n := m & (m - 1)
				escapeControls(ow, sw, n&(n-1), 2)
			}
			s, o = s[8:], o[8+k&15:]
			continue
		}
		t := escapeSpots[m*0x0002040810204081>>56]
		p := int(t & 15)
		ow[p] = '\\'
		binary.LittleEndian.PutUint64(ow[p+1:], binary.LittleEndian.Uint64(sw[p:]))
		p = int(t >> 8 & 15)
		ow[p+1] = '\\'
		binary.LittleEndian.PutUint64(ow[p+2:], binary.LittleEndian.Uint64(sw[p:]))
		k := int(t >> 16)
		if k > 2 {
			m &= m - 1
			escapeRest(ow, sw, m&(m-1))
		}
		s, o = s[8:], o[8+k&15:]
	}
	return len(s), len(o)
}

// escapeControls writes the escapes m marks (the high bit of each byte; quotes, backslashes,
// \n, \r and \t) of the word at s[:8] at o (where the word is already stored) as
// escapeWordsRest does, each with its letter, the first of them the k-th of the word, and
// returns k and how many it wrote.
func escapeControls(o *[32]byte, s *[lookahead]byte, m uint64, k int) int {
	for ; m != 0; k++ {
		p := bits.TrailingZeros64(m) >> 3
		d := (p + k) & 15 // &15 changes nothing but tells the compiler so.
		o[d] = '\\'
		binary.LittleEndian.PutUint64(o[d+1:], binary.LittleEndian.Uint64(s[p:]))
		o[d+1] = shortEscape[s[p]]
		m &= m - 1
	}
	return k
}

// wordMasks tests the bytes of w (8 bytes of a string, read little-endian) on their low 7 bits,
// so that no sum carries into the next byte: the high bit of a byte of qb is clear where the
// byte is a quote or a backslash (or one of those with the high bit set), and of c where it is
// a control byte (or one with the high bit set). So ^(qb&c)|w has the high bit of each byte that
// a JSON string does not hold as it is, and where w is ASCII, ^qb has exactly the quotes and
// backslashes.
func wordMasks(w uint64) (qb, c uint64) {
	a := w &^ msb
	q := (a ^ lsb*'"') + lsb*0x7f
	b := (a ^ lsb*'\\') + lsb*0x7f
	return q & b, a + lsb*(0x80-0x20)
}

// escapeSpots holds, for each set of a word's bytes (bit i for byte i), the first and second
// byte in it (8 for none) in its low two bytes, and how many bytes it has in the third.
var escapeSpots = func() (t [256]uint32) {
	for set := range t {
		spots := []uint32{8, 8}
		n := 0
		for i := range 8 {
			if set>>i&1 != 0 {
				if n < 2 {
					spots[n] = uint32(i)
				}
				n++
			}
		}
		t[set] = spots[0] | spots[1]<<8 | uint32(n)<<16
	}
	return t
}()

// shortControls returns the bytes of w that are \n, \r or \t, as the high bit of each.
func shortControls(w uint64) uint64 {
	a := w &^ msb // As in wordMasks: the high bit of n, r and t is clear where the byte is one.
	n := (a ^ lsb*'\n') + lsb*0x7f
	r := (a ^ lsb*'\r') + lsb*0x7f
	t := (a ^ lsb*'\t') + lsb*0x7f
	return ^(n&r&t | w) & msb
}

// escapeRest writes the escapes m marks after the first two, as escapeWordsRest does.
func escapeRest(o *[32]byte, s *[lookahead]byte, m uint64) {
	for k := 2; m != 0; k++ {
		p := bits.TrailingZeros64(m) >> 3
		d := (p + k) & 15 // &15 changes nothing but tells the compiler so.
		o[d] = '\\'
		binary.LittleEndian.PutUint64(o[d+1:], binary.LittleEndian.Uint64(s[p:]))
		m &= m - 1
	}
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
//
// Years 0 to 9999 (every time a Value holds) are worked out from t's Unix seconds with integer
// arithmetic (the civil calendar from a count of days, in 400-year eras of 146097 days, years
// starting on March 1 so that leap days come last); that is a third of what t.Date and
// t.Clock cost.
func AppendJSONTime(b []byte, t time.Time) []byte {
	sec := t.Unix()
	if sec < minJSONTime || sec > maxJSONTime {
		// Outside four digits: the general formatter says it as well as it can.
		b = append(b, '"')
		b = t.UTC().AppendFormat(b, "2006-01-02T15:04:05.000Z07:00")
		return append(b, '"')
	}
	// Days from -0400-03-01 (one era before 0000-03-01, so that January and February of year
	// 0 count from a day >= 0) and seconds into the day.
	sec -= minJSONTime
	days, rem := sec/86400-60+146097, int(sec%86400)
	era, doe := days/146097, int(days%146097)              // day of the era, 0 to 146096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, 0 to 399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from March 1, 0 to 365
	mp := (5*doy + 2) / 153                                // month from March, 0 to 11
	day := doy - (153*mp+2)/5 + 1
	month, year := mp+3, int(era)*400+yoe-400
	if mp >= 10 {
		month, year = mp-9, year+1
	}
	hour, minute, s := rem/3600, rem/60%60, rem%60
	ms := t.Nanosecond() / 1e6
	return append(b, '"',
		byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+month/10), byte('0'+month%10), '-',
		byte('0'+day/10), byte('0'+day%10), 'T',
		byte('0'+hour/10), byte('0'+hour%10), ':',
		byte('0'+minute/10), byte('0'+minute%10), ':',
		byte('0'+s/10), byte('0'+s%10), '.',
		byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10), 'Z', '"')
}

// The Unix seconds of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the times AppendJSONTime
// writes with four-digit years itself.
const (
	minJSONTime = -62167219200
	maxJSONTime = 253402300799
)
