package jsonscan

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"
)

// Kind is the kind of a JSON token, spelled as jsontext.Kind spells it: 'n' null, 'f' false,
// 't' true, '"' string, '0' number, '{' '}' '[' ']' delimiters, and 0 for the end of the input
// or a syntax error.
type Kind = jsontext.Kind

// MaxDepth is the deepest nesting of objects and arrays a Decoder accepts.
const MaxDepth = 10000

// SyntaxError is a JSON syntax error and the byte offset where it was found.
type SyntaxError struct {
	// Offset is the byte offset into the decoded value.
	Offset int64
	// Msg says what was wrong.
	Msg string
	// Err is io.ErrUnexpectedEOF when the value was cut short, else nil.
	Err error
}

// Error implements error.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("jsonscan: %s at offset %d", e.Msg, e.Offset)
}

// Unwrap returns io.ErrUnexpectedEOF for a value cut short.
func (e *SyntaxError) Unwrap() error { return e.Err }

// The parse states: what may come next.
const (
	stTop      uint8 = iota // a top-level value
	stEnd                   // nothing: the top-level value was read
	stObjFirst              // a member name or '}'
	stObjName               // a member name (after ',')
	stObjColon              // ':' then a member value
	stObjValue              // a member value (after ':')
	stObjComma              // ',' or '}'
	stArrFirst              // an element or ']'
	stArrValue              // an element (after ',')
	stArrComma              // ',' or ']'
)

// Decoder reads one JSON value token by token, in place: values and tokens alias the input.
// Its zero value reads an empty input; Reset points it at a value. A Decoder validates what
// it reads (structure, strings, numbers, literals) but accepts invalid UTF-8 and duplicate
// member names, as the logs it reads sometimes carry both.
type Decoder struct {
	data  []byte
	pos   int
	state uint8
	// The open containers: depth of them, each an object (bit set) or an array, the first
	// 128 in inline, deeper ones in deep. No pointer into the Decoder itself, so that one
	// declared as a local stays on the stack.
	depth  int
	inline [2]uint64
	deep   []bool
	// err is the first syntax error met; while it is set the state is stEnd (fail sets both,
	// and only ReadArrayLong's undoing of its own read clears it), which the fast paths of
	// peekNext and ReadName rely on.
	err   error
	stats ValueStats
	// noteAbove is the length above which a string read must be noted: it is longer than
	// stats.LongestString, or at least longMin (see note).
	noteAbove int
	longMin   int    // with ReadValueLong, the length from which strings are listed in long
	long      []Span // and that list
	// The containers skip has open: skipOpen of them, the innermost in bit 0 of skipObjs,
	// set for an object, those from 64 out in skipDeep. They stay here rather than in
	// registers, which skip would spill around its calls on every token.
	skipObjs uint64
	skipOpen int
	skipDeep []bool
	// lastString is the opening quote of the last string value skip read (not a member
	// name), for ReadArrayLong.
	lastString int
	// next caches what the last peek returned while nothing has been read since: the first
	// byte of the next token, d.pos at it and the state past its separator; 0 when unknown.
	next byte
}

// ValueStats tells what ReadValueStats saw inside a value, so that a caller can tell
// whether it must rework the value (compact it, cut long strings) without reading it again.
type ValueStats struct {
	// Spaced reports whitespace between the value's tokens: the value is not compact.
	Spaced bool
	// LongestString is the length of the longest string (member names included) as written,
	// escapes and all, between its quotes.
	LongestString int
}

// Span is where a string lies in a value: the offsets of its opening and closing quotes.
type Span struct {
	Start, End int
}

// Reset points d at data, which must hold one JSON value (surrounding whitespace allowed).
func (d *Decoder) Reset(data []byte) {
	d.data, d.pos, d.state, d.depth, d.deep, d.err, d.next = data, 0, stTop, 0, d.deep[:0], nil, 0
}

// note records in the stats a string whose quotes are at open and close, read when it was
// longer than noteAbove: a new longest string, or one ReadValueLong lists. It is out of line,
// as it is called for few of a value's strings.
func (d *Decoder) note(open, close int) {
	n := close - open - 1
	if n > d.stats.LongestString {
		d.stats.LongestString = n
	}
	d.noteAbove = d.stats.LongestString
	if d.longMin > 0 {
		if n >= d.longMin {
			d.long = append(d.long, Span{open, close})
		}
		d.noteAbove = min(d.noteAbove, d.longMin-1)
	}
}

// NewDecoder returns a Decoder reading data.
func NewDecoder(data []byte) *Decoder {
	d := new(Decoder)
	d.Reset(data)
	return d
}

// InputOffset returns the offset of the next unread byte.
func (d *Decoder) InputOffset() int64 { return int64(d.pos) }

// StackDepth returns the number of open objects and arrays.
func (d *Decoder) StackDepth() int { return d.depth }

const inlineDepth = 128

// push opens a container: an object when obj is set, else an array.
func (d *Decoder) push(obj bool) {
	if k := uint(d.depth); k < inlineDepth {
		bit := uint64(1) << (k % 64)
		if obj {
			d.inline[k/64] |= bit
		} else {
			d.inline[k/64] &^= bit
		}
	} else {
		d.deep = append(d.deep, obj)
	}
	d.depth++
}

// pop closes the innermost container.
func (d *Decoder) pop() {
	d.depth--
	if d.depth >= inlineDepth {
		d.deep = d.deep[:len(d.deep)-1]
	}
}

// inObject reports whether the innermost open container is an object.
func (d *Decoder) inObject() bool {
	k := uint(d.depth - 1)
	if k >= inlineDepth {
		return d.deep[k-inlineDepth]
	}
	return d.inline[k/64]>>(k%64)&1 != 0
}

// Err returns the first syntax error met, if any.
func (d *Decoder) Err() error { return d.err }

func (d *Decoder) fail(off int, msg string, eof bool) error {
	if d.err == nil {
		e := &SyntaxError{Offset: int64(off), Msg: msg}
		if eof {
			e.Err = io.ErrUnexpectedEOF
		}
		d.err = e
	}
	d.state = stEnd
	d.next = 0
	return d.err
}

func (d *Decoder) failAt(off int) error {
	if off >= len(d.data) {
		return d.fail(off, "unexpected end of input", true)
	}
	return d.fail(off, "invalid character "+strconv.QuoteRune(rune(d.data[off])), false)
}

// peek skips whitespace and the separator the state calls for and returns the first byte of
// the next token, or 0 at the end of the input or after an error (d.err tells which). The
// token a peek found is kept until read, which makes this part small enough to inline.
func (d *Decoder) peek() byte {
	if c := d.next; c != 0 {
		return c
	}
	return d.peekNext()
}

// peekNext is peek when no token is kept. Most tokens follow the separator their state
// expects, or none, with no whitespace: it reads those directly, and the closing delimiter
// where a separator may be, and leaves the rest to peekSlow.
func (d *Decoder) peekNext() byte {
	// After an error the state is stEnd, which accepts nothing and has no separator:
	// peekSlow returns 0.
	data, i, st := d.data, d.pos, d.state&15
	if uint(i) < uint(len(data)) {
		c := data[i]
		if accepts[st][c] { // never in stEnd nor stObjColon
			d.next = c
			return c
		}
		if c == sepOf[st] && c != 0 && uint(i+1) < uint(len(data)) {
			next := afterSep[st]
			if c = data[i+1]; accepts[next][c] {
				d.state, d.pos, d.next = next, i+1, c
				return c
			}
		}
	}
	return d.peekSlow()
}

// sepOf and afterSep give, for the states that a separator ends, the separator and the state
// after it.
var (
	sepOf    = [16]byte{stObjColon: ':', stObjComma: ',', stArrComma: ','}
	afterSep = [16]uint8{stObjColon: stObjValue, stObjComma: stObjName, stArrComma: stArrValue}
)

// peekSlow is peekNext the general way: whitespace, separators and errors.
func (d *Decoder) peekSlow() byte {
	if d.err != nil {
		return 0
	}
	data, i := d.data, d.pos
	if i < len(data) && data[i] <= ' ' {
		i = skipSpace(data, i)
	}
	switch d.state {
	case stEnd:
		d.pos = i
		return 0
	case stObjColon:
		if i >= len(data) || data[i] != ':' {
			d.failAt(i)
			return 0
		}
		if i++; i < len(data) && data[i] <= ' ' {
			i = skipSpace(data, i)
		}
		d.state = stObjValue
	case stObjComma, stArrComma:
		if i < len(data) && data[i] == ',' {
			if i++; i < len(data) && data[i] <= ' ' {
				i = skipSpace(data, i)
			}
			if d.state == stObjComma {
				d.state = stObjName
			} else {
				d.state = stArrValue
			}
		}
	}
	d.pos = i
	if i >= len(data) {
		d.failAt(i)
		return 0
	}
	c := data[i]
	if !accepts[d.state&15][c] {
		d.failAt(i)
		return 0
	}
	d.next = c
	return c
}

// valueStart marks the bytes a JSON value can start with.
var valueStart = func() (t [256]bool) {
	for _, c := range []byte(`"{[tfn-0123456789`) {
		t[c] = true
	}
	return t
}()

// accepts marks, for each state but stEnd and stObjColon, the bytes the next token may start
// with.
var accepts = func() (t [16][256]bool) {
	for c := range 256 {
		v := valueStart[c]
		t[stTop][c], t[stObjValue][c], t[stArrValue][c] = v, v, v
		t[stObjFirst][c] = c == '"' || c == '}'
		t[stObjName][c] = c == '"'
		t[stObjComma][c] = c == '}'
		t[stArrFirst][c] = c == ']' || v
		t[stArrComma][c] = c == ']'
	}
	return t
}()

// PeekKind returns the kind of the next token without reading it; 0 means the end of the
// value or a syntax error (the next read returns it).
func (d *Decoder) PeekKind() Kind {
	return kindOf[d.peek()]
}

// kindOf maps the first byte of a token to its kind.
var kindOf = func() (t [256]Kind) {
	for c := range t {
		t[c] = Kind(c)
	}
	for _, c := range []byte("-0123456789") {
		t[c] = '0'
	}
	return t
}()

// afterValue moves the state on after a value (or a member name) ended at end.
func (d *Decoder) afterValue(end int) {
	d.pos = end
	d.next = 0
	d.state = afterState[d.state&15]
}

// afterState maps the state before a value (or member name) to the state after it.
var afterState = func() (t [16]uint8) {
	for st := range t {
		t[st] = stArrComma
	}
	t[stTop], t[stObjFirst], t[stObjName], t[stObjValue] = stEnd, stObjColon, stObjColon, stObjComma
	return t
}()

func (d *Decoder) endErr() error {
	if d.err != nil {
		return d.err
	}
	return io.EOF
}

// ReadValue reads the next whole value (or member name) and returns its raw bytes, which
// alias the input. It fails at an end delimiter.
func (d *Decoder) ReadValue() (jsontext.Value, error) {
	c := d.peek()
	if c == 0 {
		return nil, d.endErr()
	}
	if c == '}' || c == ']' {
		return nil, d.failAt(d.pos)
	}
	start := d.pos
	var end int
	var err error
	if c == '{' || c == '[' {
		end, err = d.skip(start, 0, 0)
	} else {
		end, err = d.scalar(start, c)
		if c == '"' && err == nil && end-start-2 > d.noteAbove {
			d.note(start, end-1)
		}
	}
	if err != nil {
		return nil, err
	}
	d.afterValue(end)
	return jsontext.Value(d.data[start:end]), nil
}

// ReadValueStats reads the next whole value as ReadValue does and also tells what it saw
// inside it.
func (d *Decoder) ReadValueStats() (jsontext.Value, ValueStats, error) {
	d.stats, d.noteAbove = ValueStats{}, 0
	v, err := d.ReadValue()
	return v, d.stats, err
}

// ReadValueLong is ReadValueStats that also appends to long the spans of the value's strings
// (member names included) at least min bytes long as written, in the order they appear, as
// offsets from the value's start: a caller that reworks long strings (cuts out inline data)
// then visits those alone rather than reading the value again. A min below 1 is taken as 1.
func (d *Decoder) ReadValueLong(min int, long []Span) (jsontext.Value, ValueStats, []Span, error) {
	from := len(long)
	d.stats, d.noteAbove, d.longMin, d.long = ValueStats{}, 0, max(min, 1), long
	v, err := d.ReadValue()
	long, d.long, d.longMin = d.long, nil, 0
	if err != nil {
		return v, d.stats, long[:from], err
	}
	if len(long) > from {
		start := cap(d.data) - cap(v) // v's offset in the input
		for k := from; k < len(long); k++ {
			long[k].Start -= start
			long[k].End -= start
		}
	}
	return v, d.stats, long, nil
}

// ReadArrayLong reads the next value as ReadValueLong does when it is a valid array, and also
// appends its elements (aliasing the input) to elems, in one pass. It reports false, having
// read nothing, when the next value is not an array or not valid: the caller then reads it
// some other way, which fails where it must.
func (d *Decoder) ReadArrayLong(min int, long []Span, elems [][]byte) (jsontext.Value, ValueStats, []Span, [][]byte, bool) {
	if d.peek() != '[' || d.depth >= MaxDepth {
		return nil, ValueStats{}, long, elems, false
	}
	data, start, state := d.data, d.pos, d.state
	n := len(data)
	from, first := len(long), len(elems)
	d.stats, d.noteAbove, d.longMin, d.long = ValueStats{}, 0, max(min, 1), long
	d.depth++ // the array's own level, which the nesting limit counts
	i, ok := start+1, true
	if i < n && data[i] <= ' ' {
		d.stats.Spaced = true
		i = skipSpace(data, i)
	}
	// Stream chunks mostly begin as the chunk before them does, up to the text they carry
	// ({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"...):
	// an object element that ends with a member whose value is a string leaves in prev and
	// prefix where that string starts and the state there (resume), and the next element
	// whose first prefix bytes are the same is read from there, as skip would read it.
	prev, prefix, resumeObjs, resumeOpen := 0, 0, uint64(0), 0
	if i < n && data[i] == ']' {
		i++
	} else {
		for ok {
			if i >= n {
				ok = false
				break
			}
			at, c := i, data[i]
			var err error
			switch {
			case c == '{':
				longs := len(d.long)
				if prefix > 0 && at+prefix < n && string(data[at:at+prefix]) == string(data[prev:prev+prefix]) {
					if i, err = d.skip(at+prefix, resumeObjs, resumeOpen); err == nil {
						prev = at
						// The same string is last again, followed by closing delimiters
						// alone (the same ones, as they close the same containers): the same
						// resume point.
						if d.lastString != at+prefix || data[i-resumeOpen-1] != '"' {
							prefix, resumeObjs, resumeOpen = d.resumeAt(at, i, longs)
						}
					}
				} else if i, err = d.skip(at, 0, 0); err == nil {
					prev = at
					prefix, resumeObjs, resumeOpen = d.resumeAt(at, i, longs)
				}
			case c == '[':
				i, err = d.skip(i, 0, 0)
			case valueStart[c]:
				i, err = d.scalar(i, c)
				if c == '"' && err == nil && i-at-2 > d.noteAbove {
					d.note(at, i-1)
				}
			default:
				err = errNotRead
			}
			if err != nil {
				ok = false
				break
			}
			elems = append(elems, data[at:i])
			if i < n && data[i] <= ' ' {
				d.stats.Spaced = true
				i = skipSpace(data, i)
			}
			if i < n && data[i] == ',' {
				if i++; i < n && data[i] <= ' ' {
					d.stats.Spaced = true
					i = skipSpace(data, i)
				}
				continue
			}
			if i < n && data[i] == ']' {
				i++
				break
			}
			ok = false
		}
	}
	d.depth--
	long, d.long, d.longMin = d.long, nil, 0
	if !ok { // as it was: the error is left to the caller's own read
		d.pos, d.state, d.next, d.err = start, state, '[', nil
		return nil, ValueStats{}, long[:from], elems[:first], false
	}
	for k := from; k < len(long); k++ {
		long[k].Start -= start
		long[k].End -= start
	}
	d.afterValue(i)
	return jsontext.Value(data[start:i]), d.stats, long, elems, true
}

// resumeAt returns where ReadArrayLong may resume reading an object element that starts
// as the valid one it read at data[at:end] did, and the skip state there: the start of its
// last member's value, when that is a string just after its ':' followed by nothing but the
// closing delimiters of the containers open around it (fewer than 64); prefix 0 when there
// is none. Nothing before that string may have been listed as long (longs is how many were
// listed before the element), as a resumed read would not list it again; the lengths the
// stats keep are the same for the same bytes.
func (d *Decoder) resumeAt(at, end, longs int) (prefix int, objs uint64, open int) {
	data := d.data[:end]
	k := end - 1
	for k > at && (data[k] == '}' || data[k] == ']') {
		k--
	}
	open = end - 1 - k
	s := d.lastString
	if data[k] != '"' || open >= 64 || s <= at+1 || s > k || data[s-1] != ':' {
		return 0, 0, 0
	}
	if len(d.long) > longs && d.long[longs].Start < s {
		return 0, 0, 0
	}
	for b := range open {
		if data[k+1+b] == '}' {
			objs |= 1 << b
		}
	}
	return s - at, objs, open
}

// errNotRead stops ReadArrayLong at a byte no element starts with.
var errNotRead = errors.New("not read")

// ReadName reads the next member name of an open object (raw, quoted, aliasing the input) and
// the ':' after it; at the object's end it reads the '}' and returns nil, nil, and at the end
// of the input or an error it returns nil and the error (io.ErrUnexpectedEOF's SyntaxError
// for a value cut short). It is PeekKind, ReadToken at a '}' and ReadValue in one call, for
// loops over the members of an object; a name after the first, with no white space around its
// separators, is read without a peek.
func (d *Decoder) ReadName() ([]byte, error) {
	data, i := d.data, d.pos
	switch {
	case d.next == '"' && (d.state == stObjName || d.state == stObjFirst): // peeked
	// (An error leaves the state stEnd.)
	case d.next == 0 && d.state == stObjComma && uint(i+1) < uint(len(data)) && data[i] == ',' && data[i+1] == '"':
		i++
	case d.next == 0 && d.state == stObjFirst && uint(i) < uint(len(data)) && data[i] == '"':
	default:
		return d.readNameSlow()
	}
	d.pos, d.next = i, 0
	// Most names end in their first 16 bytes, read here as skip reads them; others through
	// scalar.
	var end int
	if j := i + 1; j <= len(data)-16 {
		m := stopMask(binary.LittleEndian.Uint64(data[j:]))
		if m == 0 {
			j += 8
			m = stopMask(binary.LittleEndian.Uint64(data[j:]))
		}
		if j += bits.TrailingZeros64(m) >> 3; m != 0 && data[j] == '"' {
			end = j + 1
		}
	}
	if end == 0 {
		var err error
		if end, err = d.scalar(i, '"'); err != nil {
			return nil, err
		}
	}
	if end-i-2 > d.noteAbove {
		d.note(i, end-1)
	}
	if uint(end+1) < uint(len(data)) && data[end] == ':' {
		// The value's first byte is peeked too, when it starts one.
		d.pos, d.state = end+1, stObjValue
		if c := data[end+1]; accepts[stObjValue][c] {
			d.next = c
		}
		return data[i:end], nil
	}
	d.state = stObjName // what the name was read in, for afterValue
	d.afterValue(end)
	return data[i:end], nil
}

// errObjectEnd is the error of ReadName at the end of the input inside an object.
var errObjectEnd = errors.New("unexpected end of object")

// readNameSlow is ReadName the general way: through PeekKind, ReadToken and ReadValue.
func (d *Decoder) readNameSlow() ([]byte, error) {
	switch d.PeekKind() {
	case '}':
		_, err := d.ReadToken()
		return nil, err
	case 0:
		_, err := d.ReadToken()
		if err == nil {
			err = errObjectEnd
		}
		return nil, err
	}
	return d.ReadValue()
}

// SkipValue reads past the next whole value (or member name).
func (d *Decoder) SkipValue() error {
	_, err := d.ReadValue()
	return err
}

// Token is one JSON token: a delimiter or a scalar; a scalar aliases the input.
type Token struct {
	raw  []byte
	kind Kind
}

// Kind returns the token's kind.
func (t Token) Kind() Kind { return t.kind }

// Raw returns the token's bytes as written (a string with its quotes and escapes).
func (t Token) Raw() []byte { return t.raw }

// String returns a string token's text, or the text of any other scalar as written.
func (t Token) String() string {
	if t.kind == '"' {
		return Unquote(t.raw)
	}
	return string(t.raw)
}

// Float returns a number token's value.
func (t Token) Float() (float64, error) {
	if t.kind != '0' {
		return 0, fmt.Errorf("jsonscan: %c token is not a number", t.kind)
	}
	return strconv.ParseFloat(unsafe.String(unsafe.SliceData(t.raw), len(t.raw)), 64)
}

// ReadToken reads the next token: a delimiter opens or closes an object or array; a scalar is
// read whole. At the end of the value it returns io.EOF, whatever follows the value: a caller
// that must refuse trailing bytes checks InputOffset (or uses Valid).
func (d *Decoder) ReadToken() (Token, error) {
	c := d.peek()
	switch c {
	case 0:
		return Token{}, d.endErr()
	case '{', '[':
		if d.depth >= MaxDepth {
			return Token{}, d.fail(d.pos, "nesting too deep", false)
		}
		d.push(c == '{')
		d.pos++
		d.next = 0
		if c == '{' {
			d.state = stObjFirst
		} else {
			d.state = stArrFirst
		}
		return Token{kind: Kind(c)}, nil
	case '}', ']':
		d.pop()
		switch {
		case d.depth == 0:
			d.state = stEnd
		case d.inObject():
			d.state = stObjComma
		default:
			d.state = stArrComma
		}
		d.pos++
		d.next = 0
		return Token{kind: Kind(c)}, nil
	}
	start := d.pos
	end, err := d.scalar(start, c)
	if err != nil {
		return Token{}, err
	}
	d.afterValue(end)
	return Token{raw: d.data[start:end], kind: kindOf[c]}, nil
}

// skip returns the end of the object or array starting at i (at its '{' or '['), validating
// it; the value nests in d.depth containers. With open > 0 it starts inside the value
// instead, at a member value or an element after its separator, with open containers
// already open around i, objs telling which are objects as d.skipObjs does (open < 64); it
// then returns the end of the outermost. It adds what it sees to d.stats. It walks nested
// values with a stack of its own (d.skipObjs) rather than recursion, and reads short strings
// inline in their first words with stopMask, long ones with stringRest. It keeps little
// in registers (stats, depth and stack stay in d, err is set only on the way out), as each
// value live across its calls for white space, fractions, escapes it cannot read alone and
// errors would be spilled and reloaded on every token; those calls are rare. (Measured: every
// value kept in locals costs more instructions than the loads and stores it saves.)
func (d *Decoder) skip(i int, objs uint64, open int) (int, error) {
	data := d.data
	n := len(data)
	d.skipObjs, d.skipOpen = objs, open
	var (
		c   byte
		j   int
		m   uint64
		err error
	)
value: // a value starts at i
	if uint(i) >= uint(n) {
		return i, d.failAt(i)
	}
	c = data[i]
	if c == '"' {
		// A string value: its first two words tested inline with stopMask, which finds the
		// end of most, then stringRest (a copy of its loop inline here and for names
		// saved only 0.9% of skip's cycles).
		if j = i + 1; j <= n-16 {
			if m = stopMask(binary.LittleEndian.Uint64(data[j:])); m == 0 {
				j += 8
				m = stopMask(binary.LittleEndian.Uint64(data[j:]))
			}
			if m != 0 {
				if j += bits.TrailingZeros64(m) >> 3; data[j] == '"' {
					goto valueQuote
				}
			} else {
				j += 8
			}
		}
		// The rest of the string from j.
		if j, m = stringRest(data, j); m != 0 {
			goto valueQuote
		}
		if j, err = d.stringTail(j); err != nil {
			i = j
			return i, err
		}
		j-- // the closing quote
	valueQuote:
		if j-i-1 > d.noteAbove {
			d.note(i, j)
		}
		d.lastString = i
		i = j + 1
		goto after
	}
	switch c {
	case '{', '[':
		if d.depth+d.skipOpen >= MaxDepth {
			return i, d.fail(i, "nesting too deep", false)
		}
		if i++; uint(i) < uint(n) && data[i] <= ' ' {
			d.stats.Spaced = true
			i = skipSpace(data, i)
		}
		if uint(i) < uint(n) && data[i] == c+2 { // '}' or ']'
			if i++; d.skipOpen == 0 {
				return i, nil
			}
			goto after
		}
		if d.skipOpen >= 64 {
			d.skipDeep = append(d.skipDeep[:d.skipOpen-64], d.skipObjs>>63 != 0)
		}
		d.skipObjs <<= 1
		d.skipOpen++
		if c == '{' {
			d.skipObjs |= 1
			goto member
		}
		goto value
	case 't':
		if i+4 <= n && binary.LittleEndian.Uint32(data[i:]) == litTrue {
			i += 4
		} else if i, err = d.literal(i, "true"); err != nil {
			return i, err
		}
	case 'f':
		if i+5 <= n && binary.LittleEndian.Uint32(data[i+1:]) == litAlse {
			i += 5
		} else if i, err = d.literal(i, "false"); err != nil {
			return i, err
		}
	case 'n':
		if i+4 <= n && binary.LittleEndian.Uint32(data[i:]) == litNull {
			i += 4
		} else if i, err = d.literal(i, "null"); err != nil {
			return i, err
		}
	default:
		if c <= ' ' { // white space (or a control byte, an error)
			d.stats.Spaced = true
			if k := skipSpace(data, i); k != i {
				i = k
				goto value
			}
			return i, d.failAt(i)
		}
		if c-'1' < 9 { // an integer, quickly
			for j = i + 1; j < n && data[j]-'0' < 10; j++ {
			}
			if j >= n || (data[j] != '.' && data[j]|0x20 != 'e') {
				i = j
				goto after
			}
		} else if c == '0' && i+1 < n && data[i+1] != '.' && data[i+1]|0x20 != 'e' {
			// A zero (an index, a count): a digit after it is an error, which after finds
			// where skipNumber would leave it.
			i++
			goto after
		}
		if i, err = d.skipNumber(i); err != nil {
			return i, err
		}
	}
after: // a value ended at i, inside a container; white space after a separator is left
	// to member and value (a member name or a value starts with none)
	if uint(i) >= uint(n) {
		return i, d.failAt(i)
	}
	c = data[i]
	if c == ',' {
		i++
		if d.skipObjs&1 != 0 {
			goto member
		}
		goto value
	}
	if c == ']'+byte(d.skipObjs&1)*('}'-']') {
		i++
		d.skipOpen--
		d.skipObjs >>= 1
		if d.skipOpen >= 64 {
			if d.skipDeep[d.skipOpen-64] {
				d.skipObjs |= 1 << 63
			}
		} else if d.skipOpen == 0 {
			return i, nil
		}
		goto after
	}
	if c <= ' ' {
		d.stats.Spaced = true
		if k := skipSpace(data, i); k != i {
			i = k
			goto after
		}
	}
	return i, d.failAt(i)
member: // a member name starts at i
	if uint(i) >= uint(n) {
		return i, d.failAt(i)
	}
	if c = data[i]; c != '"' {
		if c <= ' ' {
			d.stats.Spaced = true
			if k := skipSpace(data, i); k != i {
				i = k
				goto member
			}
		}
		return i, d.failAt(i)
	}
	if j = i + 1; j <= n-16 {
		if m = stopMask(binary.LittleEndian.Uint64(data[j:])); m == 0 {
			j += 8
			m = stopMask(binary.LittleEndian.Uint64(data[j:]))
		}
		if m != 0 {
			if j += bits.TrailingZeros64(m) >> 3; data[j] == '"' {
				goto nameQuote
			}
		} else {
			j += 8
		}
	}
	// As for a value.
	if j, m = stringRest(data, j); m != 0 {
		goto nameQuote
	}
	if j, err = d.stringTail(j); err != nil {
		i = j
		return i, err
	}
	j--
nameQuote:
	if j-i-1 > d.noteAbove {
		d.note(i, j)
	}
	if i = j + 1; uint(i) < uint(n) && data[i] == ':' {
		i++
	} else {
		d.stats.Spaced = true
		i = skipSpace(data, i)
		if i >= n || data[i] != ':' {
			return i, d.failAt(i)
		}
		i++
	}
	goto value
}

// stringRest reads the rest of a string from j, past simple escapes, for skip: stringScan
// (SIMD where the architecture has an assembly version) while 16 bytes remain, then words. It
// returns the closing quote's index and found != 0, or, with found == 0, where the string
// needs stringTail: a \u escape, a byte a string cannot hold, or the end of the input.
func stringRest(data []byte, j int) (end int, found uint64) {
	n := len(data)
	for {
		if j <= n-16 {
			j += stringScan(data[j:])
		}
		if j > n-16 {
			j = quoteOrSpecial(data, j)
		}
		// At the first quote, backslash or control byte from j on, or the end.
		if uint(j) < uint(n) {
			if c := data[j]; c == '"' {
				return j, 1
			} else if c == '\\' && uint(j+1) < uint(n) && simpleEscape[data[j+1]] {
				j += 2
				continue
			}
		}
		return j, 0
	}
}

// The literals, as little-endian words: "true", "null", and "false" after its 'f'.
const (
	litTrue = 't' | 'r'<<8 | 'u'<<16 | 'e'<<24
	litNull = 'n' | 'u'<<8 | 'l'<<16 | 'l'<<24
	litAlse = 'a' | 'l'<<8 | 's'<<16 | 'e'<<24
)

// scalar returns the end of the string, number or literal at i, whose first byte is c,
// validating it.
func (d *Decoder) scalar(i int, c byte) (int, error) {
	data := d.data
	n := len(data)
	switch c {
	case '"':
		// The first two words inline, as in skip.
		j := i + 1
		if j <= n-16 && j >= 0 {
			m := specialMask(binary.LittleEndian.Uint64(data[j : j+8]))
			if m == 0 {
				j += 8
				m = specialMask(binary.LittleEndian.Uint64(data[j : j+8]))
			}
			if m != 0 {
				j += bits.TrailingZeros64(m) >> 3
			} else {
				j = quoteOrSpecial(data, j+8)
			}
		} else {
			j = quoteOrSpecial(data, j)
		}
		if uint(j) < uint(n) && data[j] == '"' {
			return j + 1, nil
		}
		return d.stringTail(j)
	case 't':
		if i+4 <= n && binary.LittleEndian.Uint32(data[i:]) == litTrue {
			return i + 4, nil
		}
		return d.literal(i, "true")
	case 'f':
		if i+5 <= n && binary.LittleEndian.Uint32(data[i+1:]) == litAlse {
			return i + 5, nil
		}
		return d.literal(i, "false")
	case 'n':
		if i+4 <= n && binary.LittleEndian.Uint32(data[i:]) == litNull {
			return i + 4, nil
		}
		return d.literal(i, "null")
	}
	return d.number(i, c)
}

func (d *Decoder) literal(i int, lit string) (int, error) {
	data := d.data
	for k := 0; k < len(lit); k++ {
		if i+k >= len(data) || data[i+k] != lit[k] {
			return i + k, d.failAt(i + k)
		}
	}
	return i + len(lit), nil
}

// number returns the end of the number at i, whose first byte is c: an integer quickly,
// anything else through skipNumber.
func (d *Decoder) number(i int, c byte) (int, error) {
	if c-'1' < 9 {
		data := d.data
		j := i + 1
		for j < len(data) && data[j]-'0' < 10 {
			j++
		}
		if j >= len(data) || (data[j] != '.' && data[j]|0x20 != 'e') {
			return j, nil
		}
	}
	return d.skipNumber(i)
}

// skipNumber returns the end of the number at i: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *Decoder) skipNumber(i int) (int, error) {
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

// plain marks the bytes a string holds as they are: not '"', not '\\', not a control byte.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

var hexDigit = func() (t [256]bool) {
	for _, c := range []byte("0123456789abcdefABCDEF") {
		t[c] = true
	}
	return t
}()

// quoteOrSpecial returns the index of the first byte at or after i that is a quote, a
// backslash or a control byte, or len(data) when there is none: inside a string, where the
// string's plain run ends. It tests a word at a time.
func quoteOrSpecial(data []byte, i int) int {
	if i < 0 || i > len(data) {
		return len(data)
	}
	// specialMask's constants, loaded once into registers rather than made on every turn
	f, l21, b, l, h := wordConsts[0], wordConsts[1], wordConsts[2], wordConsts[3], wordConsts[4]
	for ; i <= len(data)-16; i += 16 {
		w := binary.LittleEndian.Uint64(data[i:])
		w2 := binary.LittleEndian.Uint64(data[i+8:])
		m := ((w ^ f - l21) | (w ^ b - l)) & (^w & h)
		m2 := ((w2 ^ f - l21) | (w2 ^ b - l)) & (^w2 & h)
		if m|m2 != 0 {
			if m == 0 {
				return i + 8 + bits.TrailingZeros64(m2)>>3
			}
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i <= len(data)-8; i += 8 {
		if m := specialMask(binary.LittleEndian.Uint64(data[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(data); i++ {
		if !plain[data[i]] {
			return i
		}
	}
	return i
}

// QuoteOrSpecial returns the index of the first byte of data at or after i that is a quote, a
// backslash or a control byte, or len(data) when there is none: inside a JSON string, where
// its run of plain bytes ends. It reads the first 64 bytes a word at a time and the rest of a
// longer run 32 bytes a turn with SIMD, where the architecture has an assembly version.
// (The Decoder reads strings with words alone: most of a record's strings and runs between
// escapes are too short for the call to pay, measured on the Bedrock corpus.)
func QuoteOrSpecial(data []byte, i int) int {
	if i < 0 || i > len(data) {
		return len(data)
	}
	if n := len(data) - i; n >= quoteOrSpecialWords+32 {
		if k := quoteOrSpecial(data[:i+quoteOrSpecialWords], i); k < i+quoteOrSpecialWords {
			return k
		}
		i += quoteOrSpecialWords
		rest := len(data) - i
		k := specialIndex(data[i:])
		if i += k; k < rest&^15 {
			return i
		}
	}
	return quoteOrSpecial(data, i)
}

// quoteOrSpecialWords is how much of a run QuoteOrSpecial reads a word at a time before it
// calls specialIndex.
const quoteOrSpecialWords = 64

// wordConsts are specialMask's constants in a variable, for loops to hold in registers.
var wordConsts = [5]uint64{flip2, low21, bslsh, lsb, msb}

// simpleEscape marks the bytes that make a two-byte escape after a backslash.
var simpleEscape = func() (t [256]bool) {
	for _, c := range []byte(`"\/bfnrt`) {
		t[c] = true
	}
	return t
}()

// stringTail returns the end of a string from i on, where quoteOrSpecial stopped short of the
// closing quote: at an escape, a control byte or the end of the input.
func (d *Decoder) stringTail(i int) (int, error) {
	data := d.data
	n := len(data)
	for {
		if i >= n {
			return i, d.fail(i, "unterminated string", true)
		}
		switch data[i] {
		case '"':
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
					if !hexDigit[data[i+k]] {
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
		i = quoteOrSpecial(data, i)
	}
}

// skipSpace returns the index of the first byte at or after i that is not JSON whitespace.
// SkipSpace returns the index of the first byte of data at or after i that is not JSON white
// space (len(data) when there is none).
func SkipSpace(data []byte, i int) int { return skipSpace(data, i) }

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		// Runs of spaces (indentation, often long) a word at a time: the first byte that
		// is not a space is where the word differs from eight of them.
		if i >= 0 && i <= len(data)-8 {
			if x := binary.LittleEndian.Uint64(data[i:]) ^ space; x == 0 {
				i += 8
				continue
			} else {
				i += bits.TrailingZeros64(x) >> 3
			}
		}
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// Valid reports whether data is exactly one JSON value, surrounded by optional whitespace.
func Valid(data []byte) bool {
	var d Decoder
	d.Reset(data)
	if _, err := d.ReadValue(); err != nil {
		return false
	}
	return skipSpace(data, d.pos) == len(data)
}

// stopMask is a cheaper specialMask for short strings, which seldom hold spaces: it marks the
// bytes below 0x23 (control bytes, ' ', '!' and the quote) and backslashes, the lowest bit set
// again a real one. Where it stops at something other than a quote, the string goes on to be
// read by quoteOrSpecial.
func stopMask(w uint64) uint64 {
	return ((w - below23) | (w ^ bslsh - lsb)) & (^w & msb)
}

const (
	below23 = 0x23 * lsb
	flip2   = 0x02 * lsb
	low21   = 0x21 * lsb
	lsb     = 0x0101010101010101
	msb     = 0x8080808080808080
	quote   = '"' * lsb
	bslsh   = '\\' * lsb
	space   = 0x20 * lsb
)

// SpecialMask returns the bytes of w (8 bytes of a JSON string's content read little-endian)
// that are a quote, a backslash or a control byte, each as its high bit (0x80). The lowest bit
// set always marks a real one; bits above it may be false. A zero mask means all 8 bytes can
// be copied or skipped as they are.
func SpecialMask(w uint64) uint64 { return specialMask(w) }

func specialMask(w uint64) uint64 {
	// A byte's high bit is set by (w^bslsh)-lsb for a backslash, by (w^flip2)-low21 for
	// a byte below 0x21 once its bit 1 is flipped, which are the control bytes and the quote
	// (0x22 flipped is 0x20, and flipping keeps 0x00-0x1f among themselves and everything
	// else at 0x21 or above); a borrow may set it above those too. Bytes with their own high
	// bit set are none.
	return ((w ^ flip2 - low21) | (w ^ bslsh - lsb)) & (^w & msb)
}
