package guardrail

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// The entry points validate their input once (with a jsonscan.Decoder, in the pass that finds
// the few top-level members they need); everything below them walks values already known to be
// well-formed JSON, in place, without checking the syntax again and without copying. The walker
// still never reads out of bounds, so a value that is not well-formed gives odd results, never
// a panic.
//
// Members are read with the semantics of the reflection-based decoding this package used
// before (go-json-experiment json.Unmarshal into structs, duplicate names allowed): a scalar
// member keeps its last readable value, a list member collects every occurrence, a raw member
// keeps its last occurrence, and null resets a nested object.

// space reports whether c is JSON whitespace.
func space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the index of the first byte at or after i that is not JSON whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) && space(b[i]) {
		i++
	}
	return i
}

// trim returns v without surrounding whitespace.
func trim(v []byte) []byte {
	i := skipSpace(v, 0)
	j := len(v)
	for j > i && space(v[j-1]) {
		j--
	}
	return v[i:j]
}

// kind returns the kind of a raw JSON value by its first non-space byte ('{', '[', '"', ...),
// or 0 for an empty value.
func kind(v []byte) byte {
	if i := skipSpace(v, 0); i < len(v) {
		return v[i]
	}
	return 0
}

// valueEnd returns the end of the well-formed JSON value starting at b[i]. x, when not nil,
// may know the end of an object or array without scanning it.
func valueEnd(b []byte, i int, x *index) int {
	if i >= len(b) {
		return len(b)
	}
	switch b[i] {
	case '"':
		if x != nil {
			if e, ok := x.end(b, i); ok {
				return e
			}
		}
		return stringEnd(b, i)
	case '{', '[':
		if x != nil {
			if e, ok := x.end(b, i); ok {
				return e
			}
		}
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = stringEnd(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return len(b)
	}
	if x != nil {
		if e, ok := x.end(b, i); ok {
			return e
		}
	}
	for i < len(b) && !delim(b[i]) {
		i++
	}
	return i
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// stringEnd returns the end of the JSON string whose opening quote is at b[i]: the index after
// its closing quote, or len(b) when it is unterminated.
func stringEnd(b []byte, i int) int {
	return min(jsonscan.StringEnd(b, i+1)+1, len(b))
}

// indexCap is how many values (member names included) an index records; the ends of those
// past it are found by scanning.
const indexCap = 256

// index records where the values of one well-formed value start and end (its strings, member
// names included, objects, arrays and other scalars), in document order, found in one scan:
// walking down into a value does not scan its bytes again at every level, and walking the
// members of an object or the elements of an array steps from entry to entry.
type index struct {
	root []byte
	n    int
	// hint is the entry tried first: the one after the entry found last (document order,
	// or the first member of the object or array found last); skip the one after the last
	// entry's value (its next sibling).
	hint, skip int
	// gen counts the builds, so that a walk stepping by the entries of one build stops
	// trusting them after another.
	gen   int
	start [indexCap]uint32
	stop  [indexCap]uint32
	after [indexCap]uint16 // the entry that follows the entry's value (nested ones included)
}

// indexOff makes build record nothing, so that every walk scans: the oracle of the tests of
// the index.
var indexOff bool

// build indexes root (a value that walkers will look into), unless it lies in the value
// indexed already.
func (x *index) build(root []byte) {
	if x.holds(root) {
		return
	}
	x.scan(root)
}

// buildFirst indexes the well-formed value that starts at rest[0] (rest runs on past its end)
// and returns the value's length: the scan that indexes it finds its end, so that a caller
// holding a longer body need not find it first.
func (x *index) buildFirst(rest []byte) int {
	if indexOff {
		x.scan(nil)
		return valueEnd(rest, 0, nil)
	}
	end := x.scan(rest)
	x.root = rest[:end]
	return end
}

// scan indexes root from scratch (as build does) and returns the end of its value: the index
// after the bracket that closes it, or len(root).
func (x *index) scan(root []byte) int {
	x.root, x.n, x.hint, x.skip = root, 0, 0, 0
	x.gen++
	if indexOff {
		return len(root)
	}
	var stack [64]int32 // the open containers' entries, -1 for those not recorded
	depth := 0
	n := 0
	for i := 0; i < len(root); {
		switch scanClass[root[i]] {
		case classString:
			e := stringEnd(root, i)
			if n < indexCap {
				x.start[n], x.stop[n], x.after[n] = uint32(i), uint32(e), uint16(n+1)
				n++
			}
			// A string (a member name most often) is followed by a colon or a comma in
			// compact JSON: stepped over here rather than by another turn of the switch.
			if e < len(root) && (root[e] == ':' || root[e] == ',') {
				e++
			}
			i = e
			continue
		case classOpen:
			if depth < len(stack) {
				stack[depth] = -1
				if n < indexCap {
					stack[depth] = int32(n)
					x.start[n], x.stop[n], x.after[n] = uint32(i), 0, 0
					n++
				}
			}
			depth++
		case classClose:
			depth--
			if depth < 0 {
				x.n = n
				return i
			}
			if depth < len(stack) && stack[depth] >= 0 {
				x.stop[stack[depth]] = uint32(i + 1)
				x.after[stack[depth]] = uint16(n)
			}
			if depth == 0 {
				x.n = n
				return i + 1
			}
		case classScalar:
			// A number or literal: it ends where valueEnd ends it.
			e := i + 1
			for e < len(root) && !delim(root[e]) {
				e++
			}
			if n < indexCap {
				x.start[n], x.stop[n], x.after[n] = uint32(i), uint32(e), uint16(n+1)
				n++
			}
			if e < len(root) && root[e] == ',' {
				e++
			}
			i = e
			continue
		}
		i++
	}
	x.n = n
	return len(root)
}

// The classes of the bytes index.scan dispatches on: a separator or space (0, stepped over),
// the quote opening a string, an opening or closing bracket, and the first byte of a number or
// literal (any other byte).
const (
	classSeparator = iota
	classString
	classOpen
	classClose
	classScalar
)

// scanClass is the class of every byte for index.scan.
var scanClass = func() (t [256]uint8) {
	for c := range t {
		t[c] = classScalar
	}
	for _, c := range []byte{',', ':', ' ', '\t', '\n', '\r'} {
		t[c] = classSeparator
	}
	t['"'] = classString
	t['{'], t['['] = classOpen, classOpen
	t['}'], t[']'] = classClose, classClose
	return t
}()

// delim reports whether c ends a number or literal.
func delim(c byte) bool {
	switch c {
	case ',', '}', ']', ':', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

// holds reports whether v lies in the indexed value.
func (x *index) holds(v []byte) bool {
	if x.n == 0 || len(v) == 0 {
		return false
	}
	off := int(uintptr(unsafe.Pointer(unsafe.SliceData(v))) - uintptr(unsafe.Pointer(unsafe.SliceData(x.root))))
	return off >= 0 && off+len(v) <= len(x.root)
}

// base returns the offset of b in the indexed value (meaningless when b does not lie in it:
// no entry then matches).
func (x *index) base(b []byte) int {
	return int(uintptr(unsafe.Pointer(unsafe.SliceData(b))) - uintptr(unsafe.Pointer(unsafe.SliceData(x.root))))
}

// entry returns the entry of the value starting at offset off of the indexed value, or -1.
// Walks ask in document order: the entry after the last one found is tried first, then the
// one after its value.
func (x *index) entry(off int) int {
	if k := x.hint; k < x.n && int(x.start[k]) == off {
		return k
	}
	if k := x.skip; k < x.n && int(x.start[k]) == off {
		return k
	}
	if x.n == 0 || off < 0 || off >= len(x.root) {
		return -1
	}
	hi := x.n
	k := 0
	for k < hi {
		h := int(uint(k+hi) >> 1)
		if int(x.start[h]) < off {
			k = h + 1
		} else {
			hi = h
		}
	}
	if k < x.n && int(x.start[k]) == off {
		return k
	}
	return -1
}

// end returns the end of the value at b[i], when b lies in the indexed value and the index
// recorded it.
func (x *index) end(b []byte, i int) (int, bool) {
	base := x.base(b)
	k := x.entry(base + i)
	if k < 0 {
		return 0, false
	}
	e := int(x.stop[k]) - base
	if e <= i || e > len(b) {
		return 0, false
	}
	x.hint, x.skip = k+1, int(x.after[k])
	return e, true
}

// member returns the end of the member name at b[i] and the start and end of its value (the
// entry after the name's), when b lies in the indexed value and the index recorded both.
func (x *index) member(b []byte, i int) (nameEnd, valStart, valEnd int, ok bool) {
	base := x.base(b)
	k := x.hint
	if k >= x.n || int(x.start[k]) != base+i {
		k = x.entry(base + i)
	}
	if k < 0 || k+1 >= x.n {
		return 0, 0, 0, false
	}
	nameEnd, valStart, valEnd = int(x.stop[k])-base, int(x.start[k+1])-base, int(x.stop[k+1])-base
	if i >= nameEnd || nameEnd > valStart || valStart >= valEnd || valEnd > len(b) {
		return 0, 0, 0, false
	}
	x.hint, x.skip = k+2, int(x.after[k+1])
	return nameEnd, valStart, valEnd, true
}

// object walks the members of a well-formed JSON object. Its walk takes the index (if any)
// at every step rather than holding it, so that escape analysis does not see the values it
// returns as pointing to the index (and the merger holding it stays on the stack).
type object struct {
	b []byte
	i int
	// k is 1 + the index entry of the next member's name once the walk steps by the index
	// (0 while it reads the bytes); base is the offset of b in the value indexed by build
	// number gen.
	k, base, gen int
}

// reset makes o a walker over v's members; v that is not an object has none. The walks set up
// their walker with it in place (a constructor returning the walker would build it in a
// temporary and copy it).
func (o *object) reset(v []byte) {
	*o = object{}
	if i := skipSpace(v, 0); i < len(v) && v[i] == '{' {
		o.b, o.i = v, i+1
	}
}

// next returns the next member: its name as written (quoted) and its value. x, when not nil,
// indexes a value that holds the object.
func (o *object) next(x *index) (name, val []byte, ok bool) {
	b := o.b
	if k := o.k - 1; k >= 0 && x != nil && o.gen == x.gen && k+1 < x.n {
		// The member after the last one is the entry after its value; an entry past the
		// object's bytes is past its end. Any entry that does not fit (the value is not
		// well-formed) sends the walk back to the bytes.
		ns := int(x.start[k]) - o.base
		if ns >= len(b) {
			o.i, o.k = len(b), 0
			return nil, nil, false
		}
		ne, vs, ve := int(x.stop[k])-o.base, int(x.start[k+1])-o.base, int(x.stop[k+1])-o.base
		if o.i <= ns && ns < ne && ne <= vs && vs < ve && ve <= len(b) && b[ns] == '"' {
			after := int(x.after[k+1])
			o.i, o.k = ve, after+1
			x.hint, x.skip = k+2, after
			return b[ns:ne], b[vs:ve], true
		}
	}
	o.k = 0
	i := skipSpace(b, o.i)
	if i < len(b) && b[i] == ',' {
		i = skipSpace(b, i+1)
	}
	if i >= len(b) || b[i] != '"' {
		o.i = len(b)
		return nil, nil, false
	}
	if x != nil {
		if ne, vs, ve, ok := x.member(b, i); ok {
			o.i = ve
			o.k, o.base, o.gen = x.skip+1, x.base(b), x.gen
			return b[i:ne], b[vs:ve], true
		}
	}
	e := stringEnd(b, i)
	name = b[i:e]
	i = skipSpace(b, e)
	if i < len(b) && b[i] == ':' {
		i = skipSpace(b, i+1)
	}
	e = valueEnd(b, i, x)
	if e == i { // not a value: stop rather than hand out an empty one
		o.i = len(b)
		return nil, nil, false
	}
	o.i = e
	return name, b[i:e], true
}

// array walks the elements of a well-formed JSON array.
type array struct {
	b []byte
	i int
}

// arrayOf returns a walker over v's elements; v that is not an array has none.
func arrayOf(v []byte) array {
	i := skipSpace(v, 0)
	if i >= len(v) || v[i] != '[' {
		return array{}
	}
	return array{b: v, i: i + 1}
}

// next returns the next element. x, when not nil, indexes a value that holds the array.
func (a *array) next(x *index) (val []byte, ok bool) {
	b := a.b
	i := skipSpace(b, a.i)
	if i < len(b) && b[i] == ',' {
		i = skipSpace(b, i+1)
	}
	if i >= len(b) || b[i] == ']' {
		a.i = len(b)
		return nil, false
	}
	e := valueEnd(b, i, x)
	if e == i { // not a value: stop rather than loop
		a.i = len(b)
		return nil, false
	}
	a.i = e
	return b[i:e], true
}

// items walks a value read as a list: the elements of an array, or an object as its only
// element; anything else has none.
type items struct {
	arr    array
	single []byte
}

// itemsOf returns a walker over v read as a list.
func itemsOf(v []byte) items {
	switch kind(v) {
	case '[':
		return items{arr: arrayOf(v)}
	case '{':
		return items{single: trim(v)}
	}
	return items{}
}

// next returns the next element. x, when not nil, indexes a value that holds the list.
func (it *items) next(x *index) ([]byte, bool) {
	if it.single != nil {
		v := it.single
		it.single = nil
		return v, true
	}
	return it.arr.next(x)
}

// occurrences holds every value of a member that may occur more than once, in document
// order, without allocating for the usual single occurrence.
type occurrences struct {
	first []byte
	more  [][]byte
}

func (o *occurrences) add(v []byte) {
	if o.first == nil {
		o.first = v
	} else {
		o.more = append(o.more, v)
	}
}

func (o *occurrences) reset() { o.first, o.more = nil, o.more[:0] }

// at returns the i-th occurrence, or nil past the last.
func (o *occurrences) at(i int) []byte {
	if i == 0 {
		return o.first
	}
	if i-1 < len(o.more) {
		return o.more[i-1]
	}
	return nil
}

// plainText reports whether the inside of a JSON string reads as it is written: no escapes,
// valid UTF-8.
func plainText(inner []byte) bool {
	for _, c := range inner {
		if c == '\\' || c >= utf8.RuneSelf {
			return bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner)
		}
	}
	return true
}

// unquote returns the text of the raw JSON string v, read as jsontext reads it (invalid UTF-8
// becomes U+FFFD).
func unquote(v []byte) string {
	if len(v) < 2 || v[0] != '"' {
		return ""
	}
	inner := v[1 : len(v)-1]
	if plainText(inner) {
		return string(inner)
	}
	if v[len(v)-1] == '"' {
		if b, ok := unescape(inner); ok {
			return unsafe.String(unsafe.SliceData(b), len(b))
		}
	}
	b, _ := jsontext.AppendUnquote(nil, v)
	return string(b)
}

// unescape returns the text of the inside of a JSON string, in a new buffer, when it is valid
// UTF-8 and its escapes are the common ones (no surrogate halves), decoded as
// jsontext.AppendUnquote decodes them; ok is false for anything else (jsontext then reads it).
// The text is never longer than its JSON form: the buffer has len(inner) bytes, which lets the
// runs between escapes be copied a word at a time, each word before it is looked at.
func unescape(inner []byte) (_ []byte, ok bool) {
	out := make([]byte, len(inner))
	i, j := 0, 0    // j <= i: out[j:] has room for what is left of inner
	var high uint64 // the high bits of the bytes copied
	for i < len(inner) {
		if i+8 <= len(inner) {
			w := binary.LittleEndian.Uint64(inner[i:])
			binary.LittleEndian.PutUint64(out[j:], w)
			q, b := w^(lsb*'"'), w^(lsb*'\\')
			m := ((q-lsb)&^q | (b-lsb)&^b | (w-lsb*0x20)&^w) & msb
			if m == 0 {
				high |= w
				i, j = i+8, j+8
				continue
			}
			// The lowest byte flagged is a quote, backslash or control byte; the bytes
			// before it are copied.
			k := bits.TrailingZeros64(m) >> 3
			high |= w & (1<<(8*k) - 1)
			i, j = i+k, j+k
		}
		switch c := inner[i]; {
		case c == '\\':
			if i+1 < len(inner) {
				if e := shortEscapes[inner[i+1]]; e != 0 {
					out[j] = e
					i, j = i+2, j+1
					continue
				}
			}
			d, n, ok := jsonscan.AppendEscape(out[:j], inner[i:])
			if !ok || cap(d) != cap(out) {
				return nil, false
			}
			i, j = i+n, len(d)
		case c == '"' || c < 0x20:
			return nil, false
		default:
			out[j] = c
			high |= uint64(c)
			i, j = i+1, j+1
		}
	}
	if high&msb != 0 && !utf8.Valid(inner) {
		return nil, false
	}
	return out[:j], true
}

// shortEscapes maps the byte after a backslash to the byte its escape stands for (0 for \u
// and for what is not an escape).
var shortEscapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// nameOf returns the text of a raw member name for comparisons (switch string(nameOf(n))
// does not allocate); only a name written with escapes is copied.
func nameOf(name []byte) []byte {
	if len(name) < 2 {
		return nil
	}
	if hasBackslash(name) {
		return []byte(unquote(name))
	}
	return name[1 : len(name)-1]
}

// hasBackslash reports whether b holds a backslash. The short member names of Bedrock's
// traces are checked eight bytes at a time inline (one word, read past len(b) within its
// capacity, for a name shorter than eight bytes).
func hasBackslash(b []byte) bool {
	n := len(b)
	switch {
	case n >= 8 && n <= 40:
		var m uint64
		for i := 0; i+8 <= n; i += 8 {
			m |= zeroByte(binary.LittleEndian.Uint64(b[i:]) ^ lsb*'\\')
		}
		return m|zeroByte(binary.LittleEndian.Uint64(b[n-8:])^lsb*'\\') != 0
	case n < 8 && cap(b) >= 8:
		// The bytes past n are made 0xff, which no zero-byte test flags.
		w := binary.LittleEndian.Uint64(b[:8]) ^ lsb*'\\' | ^uint64(0)<<(8*n)
		return zeroByte(w) != 0
	}
	return bytes.IndexByte(b, '\\') >= 0
}

// zeroByte flags (in the high bit of its byte) the lowest zero byte of w, if any; bytes above
// it may be flagged too. It is 0 when w has no zero byte.
func zeroByte(w uint64) uint64 { return (w - lsb) &^ w & msb }

// text reads a raw JSON scalar as a string: a string's text, a number as written, a boolean as
// true / false. ok is false for null, objects and arrays (a member so typed keeps the value it
// had).
func text(v []byte) (s string, ok bool) {
	if len(v) == 0 {
		return "", false
	}
	switch v[0] {
	case '"':
		return word(v), true
	case 't':
		return "true", true
	case 'f':
		return "false", true
	case 'n', '{', '[':
		return "", false
	}
	return string(v), true
}

// matchText is text for what a filter matched, which may be personal data: a string is
// copied, never kept in or taken from the cache of recent words (see recentText).
func matchText(v []byte) (string, bool) {
	if len(v) > 0 && v[0] == '"' {
		return unquote(v), true
	}
	return text(v)
}

// word is unquote that returns the constants of the Bedrock vocabulary without allocating.
func word(v []byte) string {
	if len(v) >= 2 {
		switch string(v[1 : len(v)-1]) {
		case "":
			return ""
		case "BLOCKED":
			return "BLOCKED"
		case "ANONYMIZED":
			return "ANONYMIZED"
		case "NONE":
			return "NONE"
		case "INTERVENED":
			return "INTERVENED"
		case "GUARDRAIL_INTERVENED":
			return "GUARDRAIL_INTERVENED"
		case "DENY":
			return "DENY"
		case "LOW":
			return "LOW"
		case "MEDIUM":
			return "MEDIUM"
		case "HIGH":
			return "HIGH"
		case "HATE":
			return "HATE"
		case "INSULTS":
			return "INSULTS"
		case "SEXUAL":
			return "SEXUAL"
		case "VIOLENCE":
			return "VIOLENCE"
		case "MISCONDUCT":
			return "MISCONDUCT"
		case "PROMPT_ATTACK":
			return "PROMPT_ATTACK"
		case "PROFANITY":
			return "PROFANITY"
		case "GROUNDING":
			return "GROUNDING"
		case "RELEVANCE":
			return "RELEVANCE"
		case "TEXT":
			return "TEXT"
		case "IMAGE":
			return "IMAGE"
		case "text":
			return "text"
		case "image":
			return "image"
		case "EMAIL":
			return "EMAIL"
		case "PHONE":
			return "PHONE"
		case "NAME":
			return "NAME"
		case "ADDRESS":
			return "ADDRESS"
		case "URL":
			return "URL"
		case "IP_ADDRESS":
			return "IP_ADDRESS"
		case "CREDIT_DEBIT_CARD_NUMBER":
			return "CREDIT_DEBIT_CARD_NUMBER"
		case "US_SOCIAL_SECURITY_NUMBER":
			return "US_SOCIAL_SECURITY_NUMBER"
		}
		if n := len(v); n <= 66 && v[0] == '"' && v[n-1] == '"' && plainText(v[1:n-1]) {
			return recentText(v[1 : n-1])
		}
	}
	return unquote(v)
}

// number reads a raw JSON number, or a string holding one, as a float; ok is false for
// anything else.
func number(v []byte) (f float64, ok bool) {
	if len(v) == 0 {
		return 0, false
	}
	switch v[0] {
	case '"':
		s := unquote(v)
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		return f, err == nil
	case 't', 'f', 'n', '{', '[':
		return 0, false
	}
	if n, ok := smallInt(v); ok {
		return float64(n), true
	}
	f, err := strconv.ParseFloat(string(v), 64)
	return f, err == nil
}

// smallInt reads a number of at most 15 digits without sign, fraction or exponent.
func smallInt(v []byte) (int64, bool) {
	if len(v) == 0 || len(v) > 15 {
		return 0, false
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// boolean reads a raw JSON boolean, or a string "true" / "false" in any case; ok is false for
// anything else.
func boolean(v []byte) (b, ok bool) {
	if len(v) == 0 {
		return false, false
	}
	switch v[0] {
	case 't':
		return true, true
	case 'f':
		return false, true
	case '"':
		// strings.ToLower maps no byte outside ASCII into "true" or "false", so an ASCII
		// case-insensitive comparison of the unquoted text is the same test.
		switch s := unquote(v); {
		case len(s) == 4 && strings.EqualFold(s, "true") && ascii(s):
			return true, true
		case len(s) == 5 && strings.EqualFold(s, "false") && ascii(s):
			return false, true
		}
	}
	return false, false
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// scan is the pass over an entry point's input: it hands every top-level member to member.
// Unless the input is known to be well-formed (valid), it validates the whole value on the way
// and reports false when it is not one well-formed JSON object.
func scan(data []byte, valid bool, member func(name, val []byte)) bool {
	if valid {
		scanIndexed(data, nil, member)
		return true
	}
	var d jsonscan.Decoder
	d.Reset(data)
	if tok, err := d.ReadToken(); err != nil || tok.Kind() != '{' {
		return false
	}
	for d.PeekKind() == '"' {
		tok, err := d.ReadToken()
		if err != nil {
			return false
		}
		val, err := d.ReadValue()
		if err != nil {
			return false
		}
		member(tok.Raw(), val)
	}
	if tok, err := d.ReadToken(); err != nil || tok.Kind() != '}' {
		return false
	}
	return skipSpace(data, int(d.InputOffset())) == len(data)
}

// scanIndexed is scan of an input known to be well-formed: it hands every top-level member
// to member. x, when not nil, is first built over data, so that the members' objects and
// arrays are stepped over by the index, and the walks into them that follow (on values lying
// in data) find their ends without scanning them again.
func scanIndexed(data []byte, x *index, member func(name, val []byte)) {
	if x != nil {
		x.build(data)
	}
	var o object
	o.reset(data)
	for n, v, ok := o.next(x); ok; n, v, ok = o.next(x) {
		member(n, v)
	}
}

// snake converts a camelCase or PascalCase name to snake_case ("topicPolicyUnits" ->
// "topic_policy_units", "PIIEntities" -> "pii_entities"); a name already in snake_case, or with
// dashes, comes out in lower snake_case.
func snake(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i > 0 {
				prev := s[i-1]
				nextLower := i+1 < len(s) && s[i+1] >= 'a' && s[i+1] <= 'z'
				if (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') || (prev >= 'A' && prev <= 'Z' && nextLower) {
					b.WriteByte('_')
				}
			}
			b.WriteByte(c + 'a' - 'A')
		case c == '-' || c == ' ' || c == '.':
			b.WriteByte('_')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// snakeName returns snake of the raw JSON string name, without allocating for the member names
// Bedrock writes.
func snakeName(name []byte) string {
	if len(name) >= 2 {
		switch string(name[1 : len(name)-1]) {
		case "topicPolicy":
			return "topic_policy"
		case "contentPolicy":
			return "content_policy"
		case "wordPolicy":
			return "word_policy"
		case "sensitiveInformationPolicy":
			return "sensitive_information_policy"
		case "contextualGroundingPolicy":
			return "contextual_grounding_policy"
		case "automatedReasoningPolicy":
			return "automated_reasoning_policy"
		case "invocationMetrics":
			return "invocation_metrics"
		case "appliedGuardrailDetails":
			return "applied_guardrail_details"
		case "topicPolicyUnits":
			return "topic_policy_units"
		case "contentPolicyUnits":
			return "content_policy_units"
		case "contentPolicyImageUnits":
			return "content_policy_image_units"
		case "wordPolicyUnits":
			return "word_policy_units"
		case "sensitiveInformationPolicyUnits":
			return "sensitive_information_policy_units"
		case "sensitiveInformationPolicyFreeUnits":
			return "sensitive_information_policy_free_units"
		case "contextualGroundingPolicyUnits":
			return "contextual_grounding_policy_units"
		case "automatedReasoningPolicyUnits":
			return "automated_reasoning_policy_units"
		}
	}
	return snake(unquote(name))
}

// upper returns s in upper case with spaces and dashes as underscores, the form of the
// shared type vocabulary ("translationAmbiguous" is handled by the caller through snake).
func upper(s string) string {
	if vocabulary(s) {
		return s
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, " -") {
		s = strings.NewReplacer(" ", "_", "-", "_").Replace(s)
	}
	return strings.ToUpper(s)
}

// vocabulary reports whether s is already in the form upper gives: upper-case ASCII letters,
// digits and underscores, or empty.
func vocabulary(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
