package bedrock

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// This file holds the small, allocation-light JSON helpers the invocation decoder is built
// on: a zero-copy token reader over a record's bytes, lenient scalar readers, and a single
// pass that compacts a body and cuts out base64 media.

var errIvNotObject = errors.New("not a JSON object")

var errIvNotArray = errors.New("not a JSON array")

// ivTolerate turns the "wrong shape" errors of the member and element walkers into nil: a member of an
// unexpected type is ignored, while a syntax error still fails.
func ivTolerate(err error) error {
	if err == errIvNotObject || err == errIvNotArray {
		return nil
	}
	return err
}

// ivDataCut is a base64 string cut out of a body.
type ivDataCut struct {
	original int    // length of the string's content in bytes
	sha256   string // hex SHA-256 of the content
}

// ivBase64Chars marks the bytes of the base64 alphabets (standard and URL-safe) and padding.
var ivBase64Chars = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=") {
		t[c] = true
	}
	return t
}()

// ivIsBase64 reports whether the raw content of a JSON string is base64 text: the alphabet,
// padding, JSON-escaped slashes and MIME line breaks (escaped \n, \r). The runs between
// escapes are read by jsonscan.Base64Prefix (SIMD on long runs).
func ivIsBase64(s []byte) bool {
	for i := 0; ; {
		if i += jsonscan.Base64Prefix(s[i:]); i >= len(s) {
			return true
		}
		if s[i] != '\\' || i+1 >= len(s) {
			return false
		}
		switch s[i+1] {
		case '/', 'n', 'r':
			i += 2
		default:
			return false
		}
	}
}

// ivCleanJSON appends the compact form of the valid JSON value src to dst. String values of at
// least minData bytes that are base64 text are replaced by a placeholder naming their length
// and SHA-256, and reported in cuts; minData <= 0 keeps every string. Invalid UTF-8 inside
// strings is replaced by U+FFFD so that the result is valid JSON text.
func ivCleanJSON(dst, src []byte, minData int, cuts []ivDataCut) ([]byte, []ivDataCut) {
	start := len(dst)
	n := len(src)
	// src[from:i] is compact text still to be copied: it is appended in one piece at the next
	// whitespace or cut rather than token by token.
	from := 0
	for i := 0; i < n; {
		c := src[i]
		if c == '"' {
			end := jsonscan.StringEnd(src, i+1)
			if minData > 0 && end-(i+1) >= minData && ivIsBase64(src[i+1:end]) {
				dst = append(dst, src[from:i]...)
				dst, cuts = ivCutData(dst, src[i+1:end], cuts)
				from = end + 1
			}
			i = end + 1
			continue
		}
		if ivOutside[c] { // whitespace
			dst = append(dst, src[from:i]...)
			i = jsonscan.SkipSpace(src, i+1) // runs of spaces a word at a time
			from = i
			continue
		}
		// A run of structural characters, numbers and literals.
		for i++; i < n && !ivOutside[src[i]]; i++ {
		}
	}
	if from < n {
		dst = append(dst, src[from:]...)
	}
	if !utf8.Valid(dst[start:]) {
		fixed := bytes.ToValidUTF8(dst[start:], []byte("\uFFFD"))
		dst = append(dst[:start], fixed...)
	}
	return dst, cuts
}

// ivCutData appends the placeholder of the base64 string content to dst and records the cut.
func ivCutData(dst, content []byte, cuts []ivDataCut) ([]byte, []ivDataCut) {
	sum := sha256.Sum256(content)
	h := hex.EncodeToString(sum[:])
	dst = ivAppendPlaceholder(dst, len(content), h)
	return dst, append(cuts, ivDataCut{original: len(content), sha256: h})
}

// ivPlaceholderPrefix starts the text that replaces base64 media in bodies.
const ivPlaceholderPrefix = "[base64 omitted: "

func ivAppendPlaceholder(dst []byte, n int, sha string) []byte {
	dst = append(dst, '"')
	dst = append(dst, ivPlaceholderPrefix...)
	dst = strconv.AppendInt(dst, int64(n), 10)
	dst = append(dst, " bytes, sha256 "...)
	dst = append(dst, sha...)
	return append(dst, ']', '"')
}

// ivUtf8Prefix returns the longest prefix of b no longer than n bytes that does not end inside
// a UTF-8 sequence.
func ivUtf8Prefix(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return b[:n]
}

func ivSha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Records and envelopes are read with internal/jsonscan, which reads a slice in place and
// validates faster than jsontext.

// jOpen starts reading the object d is positioned at, consuming its '{'. A value of another
// type is skipped and errIvNotObject returned.
func jOpen(d *jsonscan.Decoder) error {
	switch d.PeekKind() {
	case '{', 0:
		_, err := d.ReadToken()
		return err
	}
	if err := d.SkipValue(); err != nil {
		return err
	}
	return errIvNotObject
}

// jName reads the next member name of an open object (raw, quoted) and the ':' after it; at
// the object's end it consumes the '}' and returns nil, nil.
func jName(d *jsonscan.Decoder) ([]byte, error) {
	return d.ReadName()
}

// jEachMember reads the object dec is positioned at and calls fn with each member's raw
// (quoted) name; fn reads or skips the value.
func jEachMember(dec *jsonscan.Decoder, fn func(name []byte) error) error {
	if err := jOpen(dec); err != nil {
		return err
	}
	for {
		name, err := jName(dec)
		if name == nil || err != nil {
			return err
		}
		if err := fn(name); err != nil {
			return err
		}
	}
}

// jEachElement calls fn for every element of the array dec is positioned at; fn reads or
// skips the element. A value that is not an array is skipped and errIvNotArray returned.
func jEachElement(dec *jsonscan.Decoder, fn func(i int) error) error {
	switch dec.PeekKind() {
	case '[':
	case 0:
		_, err := dec.ReadToken()
		return err
	default:
		if err := dec.SkipValue(); err != nil {
			return err
		}
		return errIvNotArray
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for i := 0; ; i++ {
		switch dec.PeekKind() {
		case ']':
			_, err := dec.ReadToken()
			return err
		case 0:
			_, err := dec.ReadToken()
			if err == nil {
				err = errors.New("unexpected end of array")
			}
			return err
		}
		if err := fn(i); err != nil {
			return err
		}
	}
}

// jReadInt reads the next value as an optional integer (see jsonscan.Int); a value of another
// type is reported as absent.
func jReadInt(d *jsonscan.Decoder) (genai.Opt[int64], error) {
	v, err := d.ReadValue()
	if err != nil {
		return genai.Opt[int64]{}, err
	}
	n, ok := jsonscan.Int(v)
	return genai.Opt[int64]{Value: n, Valid: ok}, nil
}

// ivCursor reads a clean body in place: a valid JSON value without whitespace outside its
// strings, as ivCleanBody and ivCleanJSON leave a body that was validated when its record was
// read. It does not validate again (it never fails on such input, and never panics on other
// input): separators are simply stepped over and values found by matching brackets. Its
// methods are named after jsonscan.Decoder's.
type ivCursor struct {
	data []byte
	pos  int
}

// Reset points c at data.
func (c *ivCursor) Reset(data []byte) { c.data, c.pos = data, 0 }

// PeekKind returns the kind of the next token, as jsonscan.Decoder.PeekKind does; 0 at the end.
func (c *ivCursor) PeekKind() jsonscan.Kind {
	i := c.pos
	if i < len(c.data) && (c.data[i] == ',' || c.data[i] == ':') {
		i++
		c.pos = i
	}
	if i >= len(c.data) {
		return 0
	}
	switch k := c.data[i]; k {
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return '0'
	default:
		return jsonscan.Kind(k)
	}
}

var errIvCursorEnd = errors.New("unexpected end of body")

// ReadToken reads past the next token: a delimiter, or a whole scalar.
func (c *ivCursor) ReadToken() (jsonscan.Kind, error) {
	k := c.PeekKind()
	switch k {
	case 0:
		return 0, errIvCursorEnd
	case '{', '[', '}', ']':
		c.pos++
		return k, nil
	}
	return k, c.SkipValue()
}

// ReadValue reads the next whole value (or member name) and returns its bytes.
func (c *ivCursor) ReadValue() ([]byte, error) {
	data, i := c.data, c.pos
	if i < len(data) && (data[i] == ',' || data[i] == ':') {
		i++
	}
	c.pos = i
	if i >= len(data) {
		return nil, errIvCursorEnd
	}
	var end int
	switch data[i] {
	case '"': // most values, and every member name
		end = min(jsonscan.StringEnd(data, i+1)+1, len(data))
	case '}', ']':
		return nil, errIvCursorEnd
	default:
		end = ivValueEnd(data, i)
	}
	c.pos = end
	return data[i:end], nil
}

// SkipValue reads past the next whole value (or member name).
func (c *ivCursor) SkipValue() error {
	_, err := c.ReadValue()
	return err
}

// ivBracket marks the bytes ivValueEnd stops at inside a structure.
var ivBracket = [256]bool{'"': true, '{': true, '[': true, '}': true, ']': true}

// ivValueEnd returns the end of the valid, compact JSON value starting at data[i] (at most
// len(data)).
func ivValueEnd(data []byte, i int) int {
	n := len(data)
	switch data[i] {
	case '"':
		return min(jsonscan.StringEnd(data, i+1)+1, n)
	case '{', '[':
		depth := 0
		for j := i; j < n; j++ {
			for j < n && !ivBracket[data[j]] {
				j++
			}
			if j >= n {
				break
			}
			switch data[j] {
			case '"':
				j = jsonscan.StringEnd(data, j+1)
			case '{', '[':
				depth++
			default:
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return n
	}
	j := i + 1
	for j < n && data[j] != ',' && data[j] != '}' && data[j] != ']' {
		j++
	}
	return j
}

// sOpen starts reading the object or array (open is '{' or '[') c is positioned at,
// consuming its opening delimiter. A value of another type is skipped and errIvNotObject /
// errIvNotArray returned.
func sOpen(c *ivCursor, open jsonscan.Kind) error {
	// The common cases, small enough to be inlined: the delimiter, as a member's value (after
	// its ':') or an element (sMore has stepped over the ',').
	i := c.pos
	if i < len(c.data) && c.data[i] == ':' {
		i++
	}
	if i < len(c.data) && c.data[i] == byte(open) {
		c.pos = i + 1
		return nil
	}
	return sOpenSlow(c, open)
}

// sOpenSlow is sOpen for a value that is not the structure expected (or the end).
func sOpenSlow(c *ivCursor, open jsonscan.Kind) error {
	switch c.PeekKind() { // what ReadToken does, without peeking twice
	case open:
		c.pos++
		return nil
	case 0:
		return errIvCursorEnd
	}
	if err := c.SkipValue(); err != nil {
		return err
	}
	if open == '{' {
		return errIvNotObject
	}
	return errIvNotArray
}

// sName reads the next member name of an open object (raw, quoted); at the object's end it
// consumes the '}' and returns nil, nil.
func sName(c *ivCursor) ([]byte, error) {
	// A name, after its ',' or first in its object (the common cases): read in place.
	data, i := c.data, c.pos
	if i < len(data) && data[i] == ',' {
		i++
	}
	if i < len(data) && data[i] == '"' {
		end := min(jsonscan.StringEnd(data, i+1)+1, len(data))
		c.pos = end
		return data[i:end], nil
	}
	switch c.PeekKind() {
	case '}':
		c.pos++
		return nil, nil
	case 0:
		return nil, errIvCursorEnd
	}
	return c.ReadValue()
}

// sMore reports whether an open array has another element; at the array's end it consumes
// the ']' and returns false.
func sMore(c *ivCursor) (bool, error) {
	// What PeekKind does, for the two kinds that matter, small enough to be inlined.
	i := c.pos
	if i < len(c.data) && (c.data[i] == ',' || c.data[i] == ':') {
		i++
		c.pos = i
	}
	if i >= len(c.data) {
		return false, errIvCursorEnd
	}
	if c.data[i] == ']' {
		c.pos = i + 1
		return false, nil
	}
	return true, nil
}

// sEachMember calls fn for every member of the object c is positioned at (see jEachMember).
func sEachMember(c *ivCursor, fn func(name []byte) error) error {
	if err := sOpen(c, '{'); err != nil {
		return err
	}
	for {
		name, err := sName(c)
		if name == nil || err != nil {
			return err
		}
		if err := fn(name); err != nil {
			return err
		}
	}
}

// sEachElement calls fn for every element of the array c is positioned at (see
// jEachElement).
func sEachElement(c *ivCursor, fn func(i int) error) error {
	if err := sOpen(c, '['); err != nil {
		return err
	}
	for i := 0; ; i++ {
		more, err := sMore(c)
		if !more || err != nil {
			return err
		}
		if err := fn(i); err != nil {
			return err
		}
	}
}

// sReadString reads the next value as a string (see jsonscan.Text).
func sReadString(d *ivCursor) (string, error) {
	v, err := d.ReadValue()
	if err != nil {
		return "", err
	}
	return jsonscan.Text(v), nil
}

// sReadInt reads the next value as an optional integer (see jReadInt).
func sReadInt(d *ivCursor) (genai.Opt[int64], error) {
	v, err := d.ReadValue()
	if err != nil {
		return genai.Opt[int64]{}, err
	}
	n, ok := jsonscan.Int(v)
	return genai.Opt[int64]{Value: n, Valid: ok}, nil
}

// sReadFloat reads the next value as an optional float.
func sReadFloat(d *ivCursor) (genai.Opt[float64], error) {
	v, err := d.ReadValue()
	if err != nil {
		return genai.Opt[float64]{}, err
	}
	f, ok := jsonscan.Float(v)
	return genai.Opt[float64]{Value: f, Valid: ok}, nil
}

// sReadStrings reads an array of strings (a single string gives a one-element slice).
func sReadStrings(d *ivCursor) ([]string, error) { return sReadStringsWith(d, sReadString) }

// sReadStringsWith is sReadStrings reading each string with read. Empty strings are left out.
func sReadStringsWith(d *ivCursor, read func(*ivCursor) (string, error)) ([]string, error) {
	if d.PeekKind() == '"' {
		s, err := read(d)
		if s == "" {
			return nil, err
		}
		return []string{s}, err
	}
	var out []string
	err := sOpen(d, '[')
	for err == nil {
		var more bool
		if more, err = sMore(d); !more || err != nil {
			break
		}
		var s string
		s, err = read(d)
		switch {
		case s == "":
		case out == nil:
			out = []string{s} // what append makes of nil, without its growth
		default:
			out = append(out, s)
		}
	}
	return out, ivTolerate(err)
}

// ivHasBackslash reports whether s holds a backslash; short strings (a record's ids and names)
// are read a word at a time rather than with a call to bytes.IndexByte.
func ivHasBackslash(s []byte) bool {
	if len(s) > 64 {
		return bytes.IndexByte(s, '\\') >= 0
	}
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := binary.LittleEndian.Uint64(s[i:]) ^ ('\\' * lsb)
		if (b-lsb)&^b&msb != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] == '\\' {
			return true
		}
	}
	return false
}

// ivAppendText appends the text of a raw JSON scalar to dst, as jsonscan.Text returns it.
func ivAppendText(dst []byte, v []byte) []byte {
	if len(v) == 0 {
		return dst
	}
	switch v[0] {
	case '"':
		inner := v[1 : len(v)-1]
		if bytes.IndexByte(inner, '\\') < 0 {
			return append(dst, inner...)
		}
		n := len(dst)
		out, err := jsontext.AppendUnquote(dst, v)
		if err != nil {
			return append(out[:n], inner...)
		}
		return out
	case 't', 'f', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return append(dst, v...)
	}
	return dst
}

// ivOutside marks the bytes that end a run of structural characters, numbers and literals in
// ivCleanBody: a string's quote and whitespace.
var ivOutside = [256]bool{'"': true, ' ': true, '\t': true, '\n': true, '\r': true}

// ivCleanBody returns the cleaned form of the valid JSON value src, as ivCleanJSON appends
// it, without copying: src itself when it is already compact, has no base64 string to cut and
// is valid UTF-8; otherwise a new slice.
func ivCleanBody(src []byte, minData int, cuts []ivDataCut) ([]byte, []ivDataCut) {
	return ivCleanBodyIn(nil, src, minData, cuts)
}

// ivCleanBodyIn is ivCleanBody writing a copy in buf's capacity when it has room for it (the
// copy may outgrow it into a new array).
func ivCleanBodyIn(buf, src []byte, minData int, cuts []ivDataCut) ([]byte, []ivDataCut) {
	n := len(src)
	i := 0
	cutEnd := -1 // with src[i] starting a base64 string to cut, its closing quote
	for i < n {
		c := src[i]
		if c == '"' {
			end := jsonscan.StringEnd(src, i+1)
			if minData > 0 && end-(i+1) >= minData && ivIsBase64(src[i+1:end]) {
				cutEnd = end
				break
			}
			i = end + 1
			continue
		}
		if ivOutside[c] {
			break // whitespace
		}
		i++
		for i < n && !ivOutside[src[i]] {
			i++
		}
	}
	if i >= n {
		if jsonscan.ValidUTF8(src) {
			return src[:n:n], cuts
		}
		return bytes.ToValidUTF8(src, []byte("\uFFFD")), cuts
	}
	// src[:i] is kept as it is; the rest is cleaned by copying. i is at a token boundary (a
	// string or whitespace), where ivCleanJSON may start.
	// ivCleanJSON makes its own part valid UTF-8; the kept prefix is checked here (both end at
	// ASCII bytes, so no invalid sequence spans them).
	size := n // enough for a body that only loses whitespace
	if cutEnd >= 0 {
		size = i + 128 + n - cutEnd // the first cut's placeholder is shorter than 128 bytes
	}
	dst := buf[:0]
	if cap(dst) < size {
		dst = make([]byte, 0, size)
	}
	dst = append(dst, src[:i]...)
	kept := i
	if cutEnd >= 0 {
		dst, cuts = ivCutData(dst, src[i+1:cutEnd], cuts)
		i = cutEnd + 1
	}
	dst, cuts = ivCleanJSON(dst, src[i:], minData, cuts)
	if !jsonscan.ValidUTF8(dst[:kept]) {
		dst = bytes.ToValidUTF8(dst, []byte("\uFFFD"))
	}
	return dst, cuts
}

// ivCleanLongIn is ivCleanBodyIn for a compact src (no whitespace outside its strings) whose
// strings of at least minData bytes are exactly long (their quotes' offsets in src, in order,
// as jsonscan.Decoder.ReadValueLong lists them): only those strings are read, to cut out the
// base64 ones, and the rest is copied in the pieces between them.
func ivCleanLongIn(buf, src []byte, long []jsonscan.Span, cuts []ivDataCut) ([]byte, []ivDataCut) {
	n := len(src)
	k := 0
	for k < len(long) && !ivIsBase64(src[long[k].Start+1:long[k].End]) {
		k++
	}
	if k == len(long) {
		if jsonscan.ValidUTF8(src) {
			return src[:n:n], cuts
		}
		return bytes.ToValidUTF8(src, []byte("\uFFFD")), cuts
	}
	// As ivCleanBodyIn sizes its copy: the first cut's placeholder is shorter than 128 bytes.
	size := long[k].Start + 128 + n - long[k].End
	dst := buf[:0]
	if cap(dst) < size {
		dst = make([]byte, 0, size)
	}
	from := 0
	for {
		s := long[k]
		dst = append(dst, src[from:s.Start]...)
		dst, cuts = ivCutData(dst, src[s.Start+1:s.End], cuts)
		from = s.End + 1
		for k++; k < len(long) && !ivIsBase64(src[long[k].Start+1:long[k].End]); k++ {
		}
		if k == len(long) {
			break
		}
	}
	dst = append(dst, src[from:]...)
	// The cuts end at quotes, so no invalid sequence spans one: checking the whole copy is
	// what ivCleanBodyIn's checks of its parts come to.
	if !jsonscan.ValidUTF8(dst) {
		dst = bytes.ToValidUTF8(dst, []byte("\uFFFD"))
	}
	return dst, cuts
}
