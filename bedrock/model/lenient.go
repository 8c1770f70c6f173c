package model

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// The body types decode leniently, straight from the token stream of an in-place JSON
// scanner (internal/jsonscan) with no reflection: a member of an unexpected JSON type is
// skipped instead of failing the whole body (go-json-experiment's reflective decoder stops at
// the first semantic error), numbers may come quoted, and nothing but real syntax errors is
// reported.

// decoder reads one body. It wraps the scanner so that per-call state can live next to it.
type decoder struct {
	jsonscan.Decoder
	scratch []byte // unquoted text that lives until the next chunk (see textOf)
	arena   []byte // where short strings are kept (see text)
	name    []byte // the raw name of the member being read (see skipMember)
	retry   *byte  // the unescaped name skipMember is trying
	// kinds, when not nil, collects the content kinds of the request body's messages (see
	// kindSet); msgKinds says that the messages being read are the body's top-level ones,
	// and lk holds the kinds layoutMessages saw (lkText and the others).
	kinds    *kindSet
	msgKinds bool
	lk       uint8
	lists    []string // where short lists of strings are kept (see list)
	wide     bool     // fastMember read a member the general way (see requestState.fastOnly)
}

// jsonFrom is implemented by every body type: it reads one JSON value from d.
type jsonFrom interface {
	readJSON(d *decoder) error
}

// memberer is implemented by the object body types: it reads the value of member name.
type memberer interface {
	member(d *decoder, name []byte) error
}

var decoderPool = sync.Pool{New: func() any { return new(decoder) }}

// unmarshal decodes one body into v, which is made of the lenient types of this file. It
// returns the first syntax error; what was read before it stays in v. The decoder reads
// the body in place.
func unmarshal(body []byte, v jsonFrom) error {
	d := decoderPool.Get().(*decoder)
	err := d.unmarshal(body, v)
	decoderPool.Put(d)
	return err
}

// unmarshal decodes one body into v with d; see the function unmarshal.
func (d *decoder) unmarshal(body []byte, v jsonFrom) error {
	d.Reset(body)
	err := v.readJSON(d)
	d.Reset(nil) // drop the references to body
	d.name, d.retry = nil, nil
	return err
}

// decodeObject reads an object member by member into o; a value that is not an object is
// skipped. Member names are matched exactly (case-sensitive).
func decodeObject(d *decoder, o memberer) error {
	if d.PeekKind() != '{' {
		return d.SkipValue()
	}
	return decodeMembers(d, o)
}

// decodeMembers is decodeObject once the next token is known to be '{'.
func decodeMembers(d *decoder, o memberer) error {
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	for {
		// One token read gives a member name or the closing brace.
		tok, err := d.ReadToken()
		if err != nil {
			return err
		}
		name := tok.Raw()
		if tok.Kind() == '}' {
			return nil
		}
		if len(name) < 2 || name[0] != '"' {
			return fmt.Errorf("bedrock/model: object member name expected at offset %d", d.InputOffset())
		}
		// The name is matched as written: a name with escapes matches no member and comes
		// back to skipMember, which unescapes it and tries again.
		d.name = name
		if err := o.member(d, name[1:len(name)-1]); err != nil {
			return err
		}
	}
}

// skipMember is what member does with a name it does not know: it skips the value. A name
// written with escapes is unescaped first and given to o.member again, once.
func skipMember(d *decoder, o memberer, name []byte) error {
	if bytes.IndexByte(name, '\\') < 0 || len(name) > 0 && unsafe.SliceData(name) == d.retry {
		return d.SkipValue()
	}
	u, err := jsontext.AppendUnquote(nil, d.name)
	if err != nil || len(u) == 0 {
		return d.SkipValue()
	}
	d.retry = unsafe.SliceData(u)
	if d.kinds != nil {
		d.kinds.unsure = true // the content kinds are read from names as written
	}
	return o.member(d, u)
}

// num is a lenient JSON number: a number or a numeric string; anything else is skipped.
type num struct {
	F  float64
	OK bool
}

func (n *num) readJSON(d *decoder) error {
	// A scalar is read whole either way, so one ReadValue serves every kind.
	v, err := d.ReadValue()
	if err != nil {
		return err
	}
	switch v[0] {
	case '"':
		n.F, n.OK = parseNum(bytes.TrimSpace(v[1 : len(v)-1]))
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		n.F, n.OK = parseNum(v)
	}
	return nil
}

// pow10 holds the powers of ten a float64 holds exactly that parseNum divides by.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// parseNum parses a JSON number without copying it.
func parseNum(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	// Small integers, the common case, need no float parsing.
	if len(b) < 16 {
		var v int64
		i, neg := 0, b[0] == '-'
		if neg {
			i = 1
		}
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			v = v*10 + int64(b[i]-'0')
		}
		if i == len(b) && (len(b) > 1 || !neg) {
			if neg {
				v = -v
			}
			return float64(v), true
		}
		// A short decimal fraction (0.7, 0.95): the digits as an integer divided by a power
		// of ten, both exact in a float64, which rounds the quotient as ParseFloat does.
		if int0 := i - btoi(neg); i+1 < len(b) && b[i] == '.' && int0 > 0 {
			j := i + 1
			for ; j < len(b) && b[j] >= '0' && b[j] <= '9'; j++ {
				v = v*10 + int64(b[j]-'0')
			}
			if frac := j - i - 1; j == len(b) && frac > 0 && int0+frac <= 15 {
				f := float64(v) / pow10[frac]
				if neg {
					f = -f
				}
				return f, true
			}
		}
	}
	f, err := strconv.ParseFloat(unsafe.String(&b[0], len(b)), 64)
	return f, err == nil
}

// int returns the number as an optional integer (fractions are truncated; values beyond
// the int64 range are treated as absent).
func (n num) int() (int64, bool) {
	if !n.OK || n.F != n.F || n.F > 9.2e18 || n.F < -9.2e18 {
		return 0, false
	}
	return int64(n.F), true
}

// flag is a lenient JSON boolean.
type flag struct {
	V, OK bool
}

func (f *flag) readJSON(d *decoder) error {
	v, err := d.ReadValue()
	if err != nil {
		return err
	}
	switch v[0] {
	case 't':
		f.V, f.OK = true, true
	case 'f':
		f.V, f.OK = false, true
	}
	return nil
}

// str is a lenient JSON string: a string, or the text of a number; anything else is skipped.
type str string

func (s *str) readJSON(d *decoder) error {
	v, err := d.ReadValue()
	if err != nil {
		return err
	}
	s.set(d, v)
	return nil
}

// set stores the raw JSON value v as readJSON does.
func (s *str) set(d *decoder, v []byte) {
	switch v[0] {
	case '"':
		*s = str(d.text(v))
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		*s = str(d.keep(v))
	}
}

// Short strings are copied into an arena shared by many of them rather than allocated one
// by one. An arena is only ever appended to: a string stays valid for as long as it is
// referenced, whichever body or decoder comes next.
const (
	arenaSize   = 4 << 10
	maxArenaStr = 256
)

// text returns the text of the raw JSON string v as a string of its own (see unquote).
func (d *decoder) text(v []byte) string {
	if len(v) <= 2 || len(v)-2 > maxArenaStr {
		return unquote(v)
	}
	d.room(len(v) - 2) // unescaping never makes a string longer
	start := len(d.arena)
	if bytes.IndexByte(v, '\\') < 0 {
		d.arena = append(d.arena, v[1:len(v)-1]...)
	} else {
		d.arena = appendUnquoted(d.arena, v)
	}
	return d.view(start)
}

// keep returns a copy of v as a string.
func (d *decoder) keep(v []byte) string {
	if len(v) > maxArenaStr {
		return string(v)
	}
	d.room(len(v))
	start := len(d.arena)
	d.arena = append(d.arena, v...)
	return d.view(start)
}

// Short lists of strings that go to the event (stop sequences, content kinds, finish
// reasons) are copied into a slab shared by many of them rather than allocated one by one.
// As the arena, a slab is only ever appended to, and each list is handed out with no spare
// capacity: an append to it makes a new array.
const (
	slabSize    = 256
	maxSlabList = 16
)

// list returns a copy of ss that the caller may keep; nil when ss is empty.
func (d *decoder) list(ss []string) []string {
	n := len(ss)
	if n == 0 {
		return nil
	}
	if n > maxSlabList {
		return append([]string(nil), ss...)
	}
	if cap(d.lists)-len(d.lists) < n {
		d.lists = make([]string, 0, slabSize)
	}
	start := len(d.lists)
	d.lists = append(d.lists, ss...)
	return d.lists[start : start+n : start+n]
}

// room makes room for n more bytes in the arena, starting a new one when it is full.
func (d *decoder) room(n int) {
	if cap(d.arena)-len(d.arena) < n {
		d.arena = make([]byte, 0, arenaSize)
	}
}

// view returns the arena's bytes from start as a string.
func (d *decoder) view(start int) string {
	if len(d.arena) == start {
		return ""
	}
	return unsafe.String(&d.arena[start], len(d.arena)-start)
}

// unquote returns the text of a JSON string value as a new string.
func unquote(v []byte) string {
	if len(v) < 2 {
		return ""
	}
	if bytes.IndexByte(v, '\\') < 0 {
		return string(v[1 : len(v)-1])
	}
	b := appendUnquoted(make([]byte, 0, len(v)-2), v)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendUnquoted appends the text of the raw JSON string v (validated by the scanner) to dst:
// its escapes decoded as jsontext.AppendUnquote decodes them or, when that fails (invalid
// UTF-8, a bad surrogate escape), v's raw inner text. Valid UTF-8 with escapes other than
// surrogate halves, the common case, is decoded here in one pass; the rest is left to
// jsontext.
func appendUnquoted(dst, v []byte) []byte {
	inner := v[1 : len(v)-1]
	if !utf8.Valid(inner) {
		return slowUnquote(dst, v)
	}
	start := len(dst)
	for {
		i := bytes.IndexByte(inner, '\\')
		if i < 0 {
			return append(dst, inner...)
		}
		dst = append(dst, inner[:i]...)
		var n int
		var ok bool
		if dst, n, ok = jsonscan.AppendEscape(dst, inner[i:]); !ok {
			return slowUnquote(dst[:start], v)
		}
		inner = inner[i+n:]
	}
}

// slowUnquote is appendUnquoted by jsontext.
func slowUnquote(dst, v []byte) []byte {
	out, err := jsontext.AppendUnquote(dst, v)
	if err != nil {
		return append(dst, v[1:len(v)-1]...)
	}
	return out
}

// strs is a lenient list of strings: an array (non-string items skipped) or one string.
type strs []string

func (ss *strs) readJSON(d *decoder) error {
	switch d.PeekKind() {
	case '"':
		var s str
		if err := s.readJSON(d); err != nil {
			return err
		}
		*ss = append(*ss, string(s))
		return nil
	case '[':
		if _, err := d.ReadToken(); err != nil {
			return err
		}
		for d.PeekKind() != ']' {
			var s str
			if err := s.readJSON(d); err != nil {
				return err
			}
			if s != "" {
				*ss = append(*ss, string(s))
			}
		}
		_, err := d.ReadToken()
		return err
	}
	return d.SkipValue()
}

// blob records the length of a string value (a base64 payload) without keeping it.
type blob struct {
	N  int64
	OK bool
}

func (b *blob) readJSON(d *decoder) error {
	v, err := d.ReadValue()
	if err != nil {
		return err
	}
	if v[0] == '"' {
		b.N, b.OK = int64(len(v)-2), true
	}
	return nil
}

// count records the number of items of an array value without decoding them.
type count struct {
	N  int64
	OK bool
}

func (c *count) readJSON(d *decoder) error {
	if d.PeekKind() != '[' {
		return d.SkipValue()
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	c.OK = true
	for d.PeekKind() != ']' {
		if err := d.SkipValue(); err != nil {
			return err
		}
		c.N++
	}
	_, err := d.ReadToken()
	return err
}

// vectors counts embedding vectors: an array of vectors, or an object of arrays of vectors
// keyed by encoding (the first key counts).
type vectors struct {
	N  int64
	OK bool
}

func (v *vectors) readJSON(d *decoder) error {
	switch d.PeekKind() {
	case '[':
		var c count
		err := c.readJSON(d)
		v.N, v.OK = c.N, c.OK
		return err
	case '{':
		if _, err := d.ReadToken(); err != nil {
			return err
		}
		for d.PeekKind() != '}' {
			if _, err := d.ReadToken(); err != nil { // the name
				return err
			}
			if v.OK {
				if err := d.SkipValue(); err != nil {
					return err
				}
				continue
			}
			var c count
			if err := c.readJSON(d); err != nil {
				return err
			}
			v.N, v.OK = c.N, c.OK
		}
		_, err := d.ReadToken()
		return err
	}
	return d.SkipValue()
}

// present records that a member was there (any value but null), without decoding it.
type present bool

func (p *present) readJSON(d *decoder) error {
	v, err := d.ReadValue()
	if err != nil {
		*p = true // as when the kind was peeked first: a failed peek is not null
		return err
	}
	*p = present(v[0] != 'n')
	return nil
}

// raw keeps a JSON value (object, array, or scalar) as compact text.
type raw []byte

func (r *raw) readJSON(d *decoder) error {
	v, err := d.ReadValue()
	if err != nil {
		return err
	}
	if !bytes.ContainsAny(v, " \t\r\n") {
		*r = append((*r)[:0], v...)
		return nil
	}
	c := jsontext.Value(append([]byte(nil), v...))
	if err := c.Compact(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true)); err != nil {
		return nil
	}
	*r = raw(c)
	return nil
}

// obj is a lenient object member: a value that is not an object is skipped.
type obj[T any] struct {
	V  T
	OK bool
}

func (o *obj[T]) readJSON(d *decoder) error {
	if d.PeekKind() != '{' {
		return d.SkipValue()
	}
	o.OK = true
	return readObject(d, &o.V)
}

// readObject reads the object value next in d (its '{' was peeked) into v, a body type.
func readObject(d *decoder, v any) error {
	if o, ok := v.(memberer); ok {
		return decodeMembers(d, o) // what its readJSON does, without peeking again
	}
	return v.(jsonFrom).readJSON(d)
}

// arr is a lenient array of objects: a value that is not an array is skipped, and so are
// items that are not objects.
type arr[T any] []T

func (a *arr[T]) readJSON(d *decoder) error {
	if d.PeekKind() != '[' {
		return d.SkipValue()
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	for {
		switch d.PeekKind() {
		case ']':
			_, err := d.ReadToken()
			return err
		case '{':
			if *a == nil {
				*a = make(arr[T], 0, 2)
			}
			*a = append(*a, *new(T))
			if err := readObject(d, &(*a)[len(*a)-1]); err != nil {
				return err
			}
		default:
			if err := d.SkipValue(); err != nil {
				return err
			}
		}
	}
}

// blobs records the sizes of an array of string payloads (base64 images) without keeping them.
type blobs []int64

func (bs *blobs) readJSON(d *decoder) error {
	switch d.PeekKind() {
	case '"':
		var b blob
		err := b.readJSON(d)
		*bs = append(*bs, b.N)
		return err
	case '[':
		if _, err := d.ReadToken(); err != nil {
			return err
		}
		for d.PeekKind() != ']' {
			var b blob
			if err := b.readJSON(d); err != nil {
				return err
			}
			if b.OK {
				*bs = append(*bs, b.N)
			}
		}
		_, err := d.ReadToken()
		return err
	}
	return d.SkipValue()
}
