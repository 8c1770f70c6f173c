package jsonscan

// The decoder as it was before the word-at-a-time rewrite, kept as the oracle the new one is
// tested against: same tokens, values, stats, offsets and errors on any input.

import (
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"
)

// The parse states: what may come next.
const (
	refStTop      uint8 = iota // a top-level value
	refStEnd                   // nothing: the top-level value was read
	refStObjFirst              // a member name or '}'
	refStObjName               // a member name (after ',')
	refStObjColon              // ':' then a member value
	refStObjValue              // a member value (after ':')
	refStObjComma              // ',' or '}'
	refStArrFirst              // an element or ']'
	refStArrValue              // an element (after ',')
	refStArrComma              // ',' or ']'
)

// refDecoder reads one JSON value token by token, in place: values and tokens alias the input.
// Its zero value reads an empty input; Reset points it at a value. A refDecoder validates what
// it reads (structure, strings, numbers, literals) but accepts invalid UTF-8 and duplicate
// member names, as the logs it reads sometimes carry both.
type refDecoder struct {
	data  []byte
	pos   int
	state uint8
	// The open containers: depth of them, each an object (bit set) or an array, the first
	// 128 in inline, deeper ones in deep. No pointer into the refDecoder itself, so that one
	// declared as a local stays on the stack.
	depth  int
	inline [2]uint64
	deep   []bool
	err    error
	stats  ValueStats
}

// Reset points d at data, which must hold one JSON value (surrounding whitespace allowed).
func (d *refDecoder) Reset(data []byte) {
	d.data, d.pos, d.state, d.depth, d.deep, d.err = data, 0, refStTop, 0, d.deep[:0], nil
}

// refNewDecoder returns a refDecoder reading data.
func refNewDecoder(data []byte) *refDecoder {
	d := new(refDecoder)
	d.Reset(data)
	return d
}

// InputOffset returns the offset of the next unread byte.
func (d *refDecoder) InputOffset() int64 { return int64(d.pos) }

// StackDepth returns the number of open objects and arrays.
func (d *refDecoder) StackDepth() int { return d.depth }

const refInlineDepth = 128

// push opens a container: an object when obj is set, else an array.
func (d *refDecoder) push(obj bool) {
	if d.depth < refInlineDepth {
		bit := uint64(1) << (d.depth % 64)
		if obj {
			d.inline[d.depth/64] |= bit
		} else {
			d.inline[d.depth/64] &^= bit
		}
	} else {
		d.deep = append(d.deep, obj)
	}
	d.depth++
}

// pop closes the innermost container.
func (d *refDecoder) pop() {
	d.depth--
	if d.depth >= refInlineDepth {
		d.deep = d.deep[:len(d.deep)-1]
	}
}

// inObject reports whether the innermost open container is an object.
func (d *refDecoder) inObject() bool {
	k := d.depth - 1
	if k >= refInlineDepth {
		return d.deep[k-refInlineDepth]
	}
	return d.inline[k/64]&(1<<(k%64)) != 0
}

// Err returns the first syntax error met, if any.
func (d *refDecoder) Err() error { return d.err }

func (d *refDecoder) fail(off int, msg string, eof bool) error {
	if d.err == nil {
		e := &SyntaxError{Offset: int64(off), Msg: msg}
		if eof {
			e.Err = io.ErrUnexpectedEOF
		}
		d.err = e
	}
	d.state = refStEnd
	return d.err
}

func (d *refDecoder) failAt(off int) error {
	if off >= len(d.data) {
		return d.fail(off, "unexpected end of input", true)
	}
	return d.fail(off, "invalid character "+strconv.QuoteRune(rune(d.data[off])), false)
}

// peek skips whitespace and the separator the state calls for and returns the first byte of
// the next token, or 0 at the end of the input or after an error (d.err tells which).
func (d *refDecoder) peek() byte {
	if d.err != nil {
		return 0
	}
	data := d.data
	i := refSkipSpace(data, d.pos)
	switch d.state {
	case refStEnd:
		d.pos = i
		return 0
	case refStObjColon:
		if i >= len(data) || data[i] != ':' {
			d.failAt(i)
			return 0
		}
		i = refSkipSpace(data, i+1)
		d.state = refStObjValue
	case refStObjComma, refStArrComma:
		if i < len(data) && data[i] == ',' {
			i = refSkipSpace(data, i+1)
			if d.state == refStObjComma {
				d.state = refStObjName
			} else {
				d.state = refStArrValue
			}
		}
	}
	d.pos = i
	if i >= len(data) {
		d.failAt(i)
		return 0
	}
	c := data[i]
	ok := false
	switch d.state {
	case refStObjFirst:
		ok = c == '"' || c == '}'
	case refStObjName:
		ok = c == '"'
	case refStObjComma:
		ok = c == '}'
	case refStArrFirst:
		ok = c == ']' || refValueStart[c]
	case refStArrComma:
		ok = c == ']'
	default: // refStTop, refStObjValue, refStArrValue
		ok = refValueStart[c]
	}
	if !ok {
		d.failAt(i)
		return 0
	}
	return c
}

// refValueStart marks the bytes a JSON value can start with.
var refValueStart = func() (t [256]bool) {
	for _, c := range []byte(`"{[tfn-0123456789`) {
		t[c] = true
	}
	return t
}()

// PeekKind returns the kind of the next token without reading it; 0 means the end of the
// value or a syntax error (the next read returns it).
func (d *refDecoder) PeekKind() Kind {
	c := d.peek()
	switch c {
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return '0'
	}
	return Kind(c)
}

// afterValue moves the state on after a value (or a member name) ended at end.
func (d *refDecoder) afterValue(end int) {
	d.pos = end
	switch d.state {
	case refStObjFirst, refStObjName:
		d.state = refStObjColon
	case refStTop:
		d.state = refStEnd
	default:
		if d.state == refStObjValue {
			d.state = refStObjComma
		} else {
			d.state = refStArrComma
		}
	}
}

func (d *refDecoder) endErr() error {
	if d.err != nil {
		return d.err
	}
	return io.EOF
}

// ReadValue reads the next whole value (or member name) and returns its raw bytes, which
// alias the input. It fails at an end delimiter.
func (d *refDecoder) ReadValue() (jsontext.Value, error) {
	c := d.peek()
	if c == 0 {
		return nil, d.endErr()
	}
	if c == '}' || c == ']' {
		return nil, d.failAt(d.pos)
	}
	start := d.pos
	end, err := d.skip(start, d.depth)
	if err != nil {
		return nil, err
	}
	d.afterValue(end)
	return jsontext.Value(d.data[start:end]), nil
}

// ReadValueStats reads the next whole value as ReadValue does and also tells what it saw
// inside it.
func (d *refDecoder) ReadValueStats() (jsontext.Value, ValueStats, error) {
	d.stats = ValueStats{}
	v, err := d.ReadValue()
	return v, d.stats, err
}

// SkipValue reads past the next whole value (or member name).
func (d *refDecoder) SkipValue() error {
	_, err := d.ReadValue()
	return err
}

// refToken is one JSON token: a delimiter or a scalar; a scalar aliases the input.
type refToken struct {
	raw  []byte
	kind Kind
}

// Kind returns the token's kind.
func (t refToken) Kind() Kind { return t.kind }

// Raw returns the token's bytes as written (a string with its quotes and escapes).
func (t refToken) Raw() []byte { return t.raw }

// String returns a string token's text, or the text of any other scalar as written.
func (t refToken) String() string {
	if t.kind == '"' {
		return Unquote(t.raw)
	}
	return string(t.raw)
}

// Float returns a number token's value.
func (t refToken) Float() (float64, error) {
	if t.kind != '0' {
		return 0, fmt.Errorf("jsonscan: %c token is not a number", t.kind)
	}
	return strconv.ParseFloat(unsafe.String(unsafe.SliceData(t.raw), len(t.raw)), 64)
}

// ReadToken reads the next token: a delimiter opens or closes an object or array; a scalar is
// read whole. At the end of the value it returns io.EOF, whatever follows the value: a caller
// that must refuse trailing bytes checks InputOffset (or uses refValid).
func (d *refDecoder) ReadToken() (refToken, error) {
	c := d.peek()
	switch c {
	case 0:
		return refToken{}, d.endErr()
	case '{', '[':
		if d.depth >= MaxDepth {
			return refToken{}, d.fail(d.pos, "nesting too deep", false)
		}
		d.push(c == '{')
		d.pos++
		if c == '{' {
			d.state = refStObjFirst
		} else {
			d.state = refStArrFirst
		}
		return refToken{kind: Kind(c)}, nil
	case '}', ']':
		d.pop()
		switch {
		case d.depth == 0:
			d.state = refStEnd
		case d.inObject():
			d.state = refStObjComma
		default:
			d.state = refStArrComma
		}
		d.pos++
		return refToken{kind: Kind(c)}, nil
	}
	start := d.pos
	end, err := d.skip(start, d.depth)
	if err != nil {
		return refToken{}, err
	}
	d.afterValue(end)
	k := Kind(c)
	if c == '-' || (c >= '0' && c <= '9') {
		k = '0'
	}
	return refToken{raw: d.data[start:end], kind: k}, nil
}

// skip returns the end of the value starting at i, validating it; depth is the nesting of
// the value. It walks nested values with a stack of its own rather than recursion.
func (d *refDecoder) skip(i, depth int) (int, error) {
	data := d.data
	n := len(data)
	var room [32]byte // nesting deeper than this moves to the heap
	stack := room[:0]
	var err error
value: // a value starts at i
	if i >= n {
		return i, d.failAt(i)
	}
	switch data[i] {
	case '"':
		if i, err = d.skipString(i); err != nil {
			return i, err
		}
	case '{':
		if depth+len(stack) >= MaxDepth {
			return i, d.fail(i, "nesting too deep", false)
		}
		if i++; i < n && data[i] <= ' ' {
			d.stats.Spaced = true
			i = refSkipSpace(data, i)
		}
		if i < n && data[i] == '}' {
			i++
			break
		}
		stack = append(stack, '{')
		goto member
	case '[':
		if depth+len(stack) >= MaxDepth {
			return i, d.fail(i, "nesting too deep", false)
		}
		if i++; i < n && data[i] <= ' ' {
			d.stats.Spaced = true
			i = refSkipSpace(data, i)
		}
		if i < n && data[i] == ']' {
			i++
			break
		}
		stack = append(stack, '[')
		goto value
	case 't':
		if i, err = d.literal(i, "true"); err != nil {
			return i, err
		}
	case 'f':
		if i, err = d.literal(i, "false"); err != nil {
			return i, err
		}
	case 'n':
		if i, err = d.literal(i, "null"); err != nil {
			return i, err
		}
	default:
		if i, err = d.skipNumber(i); err != nil {
			return i, err
		}
	}
	// after: a value ended at i
	for len(stack) > 0 {
		if i < n && data[i] <= ' ' {
			d.stats.Spaced = true
			i = refSkipSpace(data, i)
		}
		if i >= n {
			return i, d.failAt(i)
		}
		c := data[i]
		top := stack[len(stack)-1]
		if c == ',' {
			if i++; i < n && data[i] <= ' ' {
				d.stats.Spaced = true
				i = refSkipSpace(data, i)
			}
			if top == '{' {
				goto member
			}
			goto value
		}
		if (top == '{' && c == '}') || (top == '[' && c == ']') {
			i++
			stack = stack[:len(stack)-1]
			continue
		}
		return i, d.failAt(i)
	}
	return i, nil
member: // a member name starts at i
	if i >= n || data[i] != '"' {
		return i, d.failAt(i)
	}
	if i, err = d.skipString(i); err != nil {
		return i, err
	}
	if i < n && data[i] == ':' {
		i++
	} else {
		d.stats.Spaced = true
		i = refSkipSpace(data, i)
		if i >= n || data[i] != ':' {
			return i, d.failAt(i)
		}
		i++
	}
	if i < n && data[i] <= ' ' {
		d.stats.Spaced = true
		i = refSkipSpace(data, i)
	}
	goto value
}

func (d *refDecoder) literal(i int, lit string) (int, error) {
	data := d.data
	for k := 0; k < len(lit); k++ {
		if i+k >= len(data) || data[i+k] != lit[k] {
			return i + k, d.failAt(i + k)
		}
	}
	return i + len(lit), nil
}

// skipNumber returns the end of the number at i: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *refDecoder) skipNumber(i int) (int, error) {
	data := d.data
	n := len(data)
	if i < n && data[i] == '-' {
		i++
	}
	switch {
	case i < n && data[i] == '0':
		i++
	case i < n && data[i] >= '1' && data[i] <= '9':
		for i++; i < n && data[i] >= '0' && data[i] <= '9'; i++ {
		}
	default:
		return i, d.failAt(i)
	}
	if i < n && data[i] == '.' {
		i++
		if i >= n || data[i] < '0' || data[i] > '9' {
			return i, d.failAt(i)
		}
		for i++; i < n && data[i] >= '0' && data[i] <= '9'; i++ {
		}
	}
	if i < n && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < n && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= n || data[i] < '0' || data[i] > '9' {
			return i, d.failAt(i)
		}
		for i++; i < n && data[i] >= '0' && data[i] <= '9'; i++ {
		}
	}
	return i, nil
}

// refPlain marks the bytes a string holds as they are: not '"', not '\\', not a control byte.
var refPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

var refHexDigit = func() (t [256]bool) {
	for _, c := range []byte("0123456789abcdefABCDEF") {
		t[c] = true
	}
	return t
}()

// skipString returns the end of the string whose opening refQuote is at i.
func (d *refDecoder) skipString(i int) (int, error) {
	data := d.data
	n := len(data)
	start := i
	i++
	for {
		// A word at a time, jumping straight to the first special byte of a word.
		for i+8 <= n {
			if m := refSpecialMask(binary.LittleEndian.Uint64(data[i:])); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		for i < n && refPlain[data[i]] {
			i++
		}
		if i >= n {
			return i, d.fail(i, "unterminated string", true)
		}
		switch data[i] {
		case '"':
			if i-start-1 > d.stats.LongestString {
				d.stats.LongestString = i - start - 1
			}
			return i + 1, nil
		case '\\':
			if i+1 >= n {
				return i + 1, d.fail(i+1, "unterminated string", true)
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := 2; k < 6; k++ {
					if i+k >= n {
						return i + k, d.fail(i+k, "unterminated string", true)
					}
					if !refHexDigit[data[i+k]] {
						return i + k, d.fail(i+k, "invalid \\u escape", false)
					}
				}
				i += 6
			default:
				return i + 1, d.fail(i+1, "invalid escape "+strconv.QuoteRune(rune(data[i+1])), false)
			}
		default:
			return i, d.fail(i, "control character in string", false)
		}
	}
}

// refSkipSpace returns the index of the first byte at or after i that is not JSON whitespace.
func refSkipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// refValid reports whether data is exactly one JSON value, surrounded by optional whitespace.
func refValid(data []byte) bool {
	var d refDecoder
	d.Reset(data)
	if _, err := d.ReadValue(); err != nil {
		return false
	}
	return refSkipSpace(data, d.pos) == len(data)
}

const (
	refLsb   = 0x0101010101010101
	refMsb   = 0x8080808080808080
	refQuote = '"' * refLsb
	refBslsh = '\\' * refLsb
	refSpace = 0x20 * refLsb
)

func refSpecialMask(w uint64) uint64 {
	q := w ^ refQuote
	b := w ^ refBslsh
	m := (q - refLsb) &^ q
	m |= (b - refLsb) &^ b
	m |= (w - refSpace) &^ w
	return m & refMsb
}
