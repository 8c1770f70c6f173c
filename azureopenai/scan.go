package azureopenai

import (
	"bytes"
	"unicode/utf8"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// The record decoders read their fixed structs with hand-written member switches over an
// objScan (no reflection, values aliasing the record). The switches give exactly what unmarshal
// gives for well-formed input; on anything else (a syntax error, a member of an unexpected type,
// a name with escapes or non-ASCII bytes, a string with invalid UTF-8) the scan reports
// errSlow and the caller decodes the same bytes with unmarshal, so that odd input behaves as
// it always did, errors and partial results included.

// errSlow reports that input needs the general (reflection) decoder.
const errSlow = constError("azureopenai: input needs the general decoder")

// objScan walks the members of one JSON object in place. After next reports true, name is the
// member name as written, fold is the name as a case:ignore struct tag matches it (upper-cased,
// without '_' and '-'), and val is the raw value; all three are valid until the next call.
type objScan struct {
	dec  jsonscan.Decoder
	up   *jsonscan.Decoder // the parent's decoder, for an object read inline (enter)
	data []byte
	name string
	fold string
	val  jsontext.Value
	buf  []byte
	fbuf [48]byte // folded names that fit
	err  error
	// exact skips folding names, for structs whose names match case-sensitively.
	exact bool
}

// d returns the decoder the scan reads.
func (s *objScan) d() *jsonscan.Decoder {
	if s.up != nil {
		return s.up
	}
	return &s.dec
}

// reset starts a scan of data, which must be exactly one JSON object.
func (s *objScan) reset(data []byte) bool {
	s.dec.Reset(data)
	s.up, s.data, s.err = nil, data, nil
	if tok, err := s.dec.ReadToken(); err != nil || tok.Kind() != '{' {
		s.err = errSlow
		return false
	}
	return true
}

// enter starts a scan of the object that is the next value of parent's decoder, read inline:
// when the scan ends, parent goes on after the object.
func (s *objScan) enter(parent *objScan) bool {
	s.up, s.data, s.err = parent.d(), nil, nil
	if tok, err := s.up.ReadToken(); err != nil || tok.Kind() != '{' {
		s.err = errSlow
		return false
	}
	return true
}

// next reads the next member; it reports false at the end of the object or on an error (err).
func (s *objScan) next() bool {
	if !s.nextName() {
		return false
	}
	return s.value()
}

// value reads the value of the member whose name nextName read into val.
func (s *objScan) value() bool {
	v, err := s.d().ReadValue()
	if err != nil {
		s.err = errSlow
		return false
	}
	s.val = v
	return true
}

// nextName reads the next member name, leaving its value unread (see value and enter); it
// reports false at the end of the object or on an error (err).
func (s *objScan) nextName() bool {
	if s.err != nil {
		return false
	}
	d := s.d()
	switch d.PeekKind() {
	case '}':
		s.end()
		return false
	case '"':
	default:
		s.err = errSlow
		return false
	}
	tok, err := d.ReadToken()
	if err != nil {
		s.err = errSlow
		return false
	}
	raw := tok.Raw()
	inner := raw[1 : len(raw)-1]
	if s.exact {
		if bytes.IndexByte(inner, '\\') >= 0 {
			s.err = errSlow
			return false
		}
		s.name = bstr(inner)
		return true
	}
	f := s.fbuf[:]
	if len(inner) > len(f) {
		f = append(s.buf[:0], inner...) // a long name: fold it in the growable buffer
		s.buf = f
	}
	n := 0
	for _, c := range inner {
		switch {
		case c == '\\' || c >= utf8.RuneSelf:
			s.err = errSlow
			return false
		case c == '_' || c == '-':
			continue
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		f[n] = c
		n++
	}
	s.name, s.fold = bstr(inner), bstr(f[:n])
	return true
}

// end reads the closing brace and, for a whole input, checks that nothing but whitespace
// follows.
func (s *objScan) end() {
	if _, err := s.d().ReadToken(); err != nil {
		s.err = errSlow
		return
	}
	if s.up != nil {
		return
	}
	if s.dec.PeekKind() != 0 || s.dec.Err() != nil || s.dec.InputOffset() != int64(len(s.data)) {
		s.err = errSlow
	}
}

// bstr returns b as a string without copying; the string is valid while b is unchanged.
func bstr(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// unquoteOK returns the text of the raw JSON string v, or false where jsontext.AppendUnquote
// fails (invalid UTF-8), exactly when unmarshal into a flexString fails.
func unquoteOK(v []byte) (string, bool) {
	if len(v) < 2 || v[0] != '"' {
		return "", false
	}
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	u, err := jsontext.AppendUnquote(nil, v)
	if err != nil {
		return "", false
	}
	return bstr(u), true
}

// unquoteView is unquoteOK for text used at once: without escapes, it aliases v.
func unquoteView(v []byte) (string, bool) {
	if len(v) < 2 || v[0] != '"' {
		return "", false
	}
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return bstr(inner), true
	}
	return unquoteOK(v)
}

// appendUnquoteOK appends the text of the raw JSON string v to dst; on failure (invalid UTF-8)
// it returns dst unchanged and false.
func appendUnquoteOK(dst, v []byte) ([]byte, bool) {
	if len(v) < 2 || v[0] != '"' {
		return dst, false
	}
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return append(dst, inner...), true
	}
	n := len(dst)
	u, err := jsontext.AppendUnquote(dst, v)
	if err != nil {
		return u[:n], false
	}
	return u, true
}

// unquotedLen returns the length of the text of the raw JSON string v, 0 where it cannot be
// unquoted (as len(stringOrValue(v))).
func unquotedLen(v []byte) int {
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		if utf8.Valid(inner) {
			return len(inner)
		}
		return 0
	}
	u, err := jsontext.AppendUnquote(nil, v)
	if err != nil {
		return 0
	}
	return len(u)
}

// set stores a raw value as unmarshal into a flexString does.
func (s *flexString) set(v jsontext.Value) error {
	switch v.Kind() {
	case '"':
		u, ok := unquoteOK(v)
		if !ok {
			return errSlow
		}
		*s = flexString(u)
	case '0', 't', 'f', '{', '[':
		*s = flexString(v)
	}
	return nil
}

// set stores a raw value as unmarshal into a flexInt does.
func (n *flexInt) set(v jsontext.Value) {
	n.Value, n.Valid = parseFlexInt(v)
}

// setObject reads an object member of a pointer-to-struct field as unmarshal does: null
// clears it, an object is read into it (allocating it first), anything else needs the general
// decoder.
func setObject[T any](p **T, v jsontext.Value, s *objScan, read func(*T, *objScan, []byte) error) error {
	switch v.Kind() {
	case 'n':
		*p = nil
		return nil
	case '{':
		if *p == nil {
			*p = new(T)
		}
		return read(*p, s, v)
	}
	return errSlow
}
