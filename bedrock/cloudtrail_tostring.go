package bedrock

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
	"github.com/go-json-experiment/json/jsontext"
)

// This file renders CloudTrail's free-form objects (requestParameters, responseElements,
// additionalEventData, serviceEventDetails) the way Elastic's `aws` integration does, because
// public rules match those strings:
//
//   - the ingest pipeline parses the record with Elasticsearch's JSON parser, whose objects are
//     java.util.HashMap and whose arrays are ArrayList;
//   - a Painless script then drops null and "" values and empty objects and arrays, recursively;
//   - aws.cloudtrail.request_parameters is requestParameters.toString(): AbstractMap.toString,
//     `{key=value, key2=value2}`, members in HashMap iteration order, nested maps and lists
//     rendered the same way, strings without quotes, integers as Integer/Long, other numbers
//     as Double.toString;
//   - aws.cloudtrail.flattened.request_parameters is the same (pruned) object, kept when the
//     string is shorter than 32766 characters.
//
// ctArena holds those parsed values; javaString and appendPrunedJSON render them.

// ctArena holds the parsed free-form values of one record and the strings made from it, so
// that decoding a record allocates once: buf starts with an immutable copy of the record, and
// every string the decoder hands out (record members, unquoted text, the rendered forms) is a
// view of it or of text appended to it. A new record gets a new buf, as the previous record's
// event may still hold views of the old one; the node slices are reused.
type ctArena struct {
	buf   []byte
	vals  []ctVal
	kids  []ctKid
	stk   []ctKid  // members of the objects and arrays being parsed
	order []uint64 // HashMap iteration orders being rendered
	deep  bool     // a value nested deeper than maxCTDepth was met
}

// ctVal is a parsed JSON value with null and empty members already dropped.
type ctVal struct {
	kind jsontext.Kind // '"', '0', 't', 'f', '{', '['
	text string        // string value or number literal
	// first and n locate the kept members or elements of an object or array in ctArena.kids,
	// in input order (duplicate names merged).
	first, n int32
	// parsed is the number of distinct member names the parser put in the map, dropped
	// ones included: it decides the HashMap's capacity, hence the iteration order.
	parsed int32
}

// ctKid is an object member (key set) or an array element (key "").
type ctKid struct {
	key string
	val int32
}

// ctNone is the index of an absent value (null, "", or an object or array left empty).
const ctNone int32 = -1

// ctNode is a parsed value: its arena and index.
type ctNode struct {
	a *ctArena
	i int32
}

// maxCTDepth bounds nesting, so hostile input cannot exhaust the stack.
const maxCTDepth = 64

var errCTTooDeep = errors.New("nesting deeper than 64 levels")

// begin starts a record: buf becomes a fresh copy of data, with room for the strings made
// from it.
func (a *ctArena) begin(data []byte) []byte {
	a.buf = append(make([]byte, 0, len(data)+len(data)/2+256), data...)
	a.vals, a.kids, a.stk, a.order, a.deep = a.vals[:0], a.kids[:0], a.stk[:0], a.order[:0], false
	return a.buf[:len(data):len(data)]
}

// view returns b, a part of buf that is never written again, as a string without copying.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// unquote returns the text of the raw JSON string v (a part of buf) as jsontext's
// Token.String does (invalid UTF-8 and lone surrogates replaced by U+FFFD): a view of v's
// content when that needs no change, else a view of the text appended to buf.
func (a *ctArena) unquote(v []byte) string {
	inner := v[1 : len(v)-1]
	if plainASCII(inner) || (bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner)) {
		return view(inner)
	}
	n := len(a.buf)
	a.buf, _ = jsontext.AppendUnquote(a.buf, v)
	return view(a.buf[n:])
}

// plainASCII reports whether the content b of a JSON string is ASCII without escapes, so that
// it is its own text. It looks at 8 bytes at a time.
func plainASCII(b []byte) bool {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		x := w ^ ctBackslashes
		if (w|(x-ctLSB)&^x)&ctMSB != 0 {
			return false
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c >= utf8.RuneSelf || c == '\\' {
			return false
		}
	}
	return true
}

const ctBackslashes = '\\' * ctLSB

// text reads the next value as a lenient scalar: a string as is, a number or boolean as its
// JSON text, null as "", and an object or array as its JSON text.
func (a *ctArena) text(dec *jsonscan.Decoder) (string, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return "", err
	}
	switch v[0] {
	case '"':
		return a.unquote(v), nil
	case 'n':
		return "", nil
	}
	return view(v), nil
}

// parseCTValue parses raw JSON into a pruned tree. It returns nil for a value Elastic's pipeline
// drops (null, "", or an object or array left empty after dropping).
func parseCTValue(raw []byte) (*ctNode, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, nil
	}
	a := new(ctArena)
	var dec jsonscan.Decoder
	dec.Reset(a.begin(raw))
	i, err := a.parse(&dec, 0)
	if err != nil {
		return nil, err
	}
	if a.deep {
		return nil, errCTTooDeep
	}
	if int(dec.InputOffset()) != len(raw) {
		return nil, errors.New("trailing data after JSON value")
	}
	if i == ctNone {
		return nil, nil
	}
	return &ctNode{a, i}, nil
}

// parse reads the next value into the arena and returns its index, ctNone for a dropped one.
// A value nested deeper than maxCTDepth is skipped and sets a.deep.
func (a *ctArena) parse(dec *jsonscan.Decoder, depth int) (int32, error) {
	if depth > maxCTDepth {
		a.deep = true
		return ctNone, dec.SkipValue()
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return ctNone, err
	}
	switch k := tok.Kind(); k {
	case 'n':
		return ctNone, nil
	case '"':
		s := a.unquote(tok.Raw())
		if s == "" {
			return ctNone, nil
		}
		return a.add(ctVal{kind: k, text: s}), nil
	case '0':
		return a.add(ctVal{kind: k, text: view(tok.Raw())}), nil
	case 't', 'f':
		return a.add(ctVal{kind: k}), nil
	case '{':
		base := len(a.stk)
		for dec.PeekKind() != '}' {
			kv, err := dec.ReadValue()
			if err != nil {
				return ctNone, err
			}
			key := a.unquote(kv)
			v, err := a.parse(dec, depth+1)
			if err != nil {
				return ctNone, err
			}
			// A repeated name replaces the earlier value in place, as HashMap.put does.
			dup := false
			for j := base; j < len(a.stk); j++ {
				if a.stk[j].key == key {
					a.stk[j].val, dup = v, true
					break
				}
			}
			if !dup {
				a.stk = append(a.stk, ctKid{key, v})
			}
		}
		if _, err := dec.ReadToken(); err != nil {
			return ctNone, err
		}
		return a.close(k, base, len(a.stk)-base), nil
	case '[':
		base := len(a.stk)
		for dec.PeekKind() != ']' {
			v, err := a.parse(dec, depth+1)
			if err != nil {
				return ctNone, err
			}
			a.stk = append(a.stk, ctKid{val: v})
		}
		if _, err := dec.ReadToken(); err != nil {
			return ctNone, err
		}
		return a.close(k, base, 0), nil
	}
	return ctNone, errors.New("unexpected JSON token")
}

func (a *ctArena) add(v ctVal) int32 {
	a.vals = append(a.vals, v)
	return int32(len(a.vals) - 1)
}

// close ends the object or array whose members are stk[base:]: it drops the null and empty
// ones (the pipeline's removeIf), keeping the order, and returns ctNone if none is left.
func (a *ctArena) close(kind jsontext.Kind, base, parsed int) int32 {
	first := len(a.kids)
	for _, k := range a.stk[base:] {
		if k.val != ctNone {
			a.kids = append(a.kids, k)
		}
	}
	a.stk = a.stk[:base]
	n := len(a.kids) - first
	if n == 0 {
		return ctNone
	}
	return a.add(ctVal{kind: kind, first: int32(first), n: int32(n), parsed: int32(parsed)})
}

// kind returns the kind of value i, 0 for ctNone.
func (a *ctArena) kind(i int32) jsontext.Kind {
	if i == ctNone {
		return 0
	}
	return a.vals[i].kind
}

// member returns the value of an object member, or ctNone.
func (a *ctArena) member(i int32, key string) int32 {
	if i == ctNone || a.vals[i].kind != '{' {
		return ctNone
	}
	v := &a.vals[i]
	for _, k := range a.kids[v.first : v.first+v.n] {
		if k.key == key {
			return k.val
		}
	}
	return ctNone
}

// str returns a string or number value's text ("" for anything else).
func (a *ctArena) str(i int32) string {
	if i == ctNone {
		return ""
	}
	switch v := &a.vals[i]; v.kind {
	case '"', '0':
		return v.text
	case 't':
		return "true"
	case 'f':
		return "false"
	}
	return ""
}

// isTrue reports whether value i is JSON true or the string "true".
func (a *ctArena) isTrue(i int32) bool {
	if i == ctNone {
		return false
	}
	v := &a.vals[i]
	return v.kind == 't' || (v.kind == '"' && strings.EqualFold(v.text, "true"))
}

// javaString appends the node as Java's toString renders the parsed value.
func (n *ctNode) javaString(b []byte) []byte { return n.a.javaString(b, n.i) }

// appendPrunedJSON appends the node as compact JSON, members in input order.
func (n *ctNode) appendPrunedJSON(b []byte) []byte { return n.a.appendPrunedJSON(b, n.i) }

// javaString appends value i as Java's toString renders the parsed value.
func (a *ctArena) javaString(b []byte, i int32) []byte {
	v := &a.vals[i]
	switch v.kind {
	case '"':
		return append(b, v.text...)
	case '0':
		return appendJavaNumber(b, v.text)
	case 't':
		return append(b, "true"...)
	case 'f':
		return append(b, "false"...)
	case '[':
		b = append(b, '[')
		for j := v.first; j < v.first+v.n; j++ {
			if j > v.first {
				b = append(b, ", "...)
			}
			b = a.javaString(b, a.kids[j].val)
		}
		return append(b, ']')
	case '{':
		b = append(b, '{')
		base := len(a.order)
		a.appendHashMapOrder(v)
		for j := range int(v.n) {
			if j > 0 {
				b = append(b, ", "...)
			}
			k := a.kids[int(v.first)+int(uint32(a.order[base+j]))]
			b = append(b, k.key...)
			b = append(b, '=')
			b = a.javaString(b, k.val)
		}
		a.order = a.order[:base]
		return append(b, '}')
	}
	return b
}

// appendPrunedJSON appends value i as compact JSON, members in input order.
func (a *ctArena) appendPrunedJSON(b []byte, i int32) []byte {
	v := &a.vals[i]
	switch v.kind {
	case '"':
		return genai.AppendJSONString(b, v.text)
	case '0':
		return append(b, v.text...)
	case 't':
		return append(b, "true"...)
	case 'f':
		return append(b, "false"...)
	case '[':
		b = append(b, '[')
		for j := v.first; j < v.first+v.n; j++ {
			if j > v.first {
				b = append(b, ',')
			}
			b = a.appendPrunedJSON(b, a.kids[j].val)
		}
		return append(b, ']')
	case '{':
		b = append(b, '{')
		for j := v.first; j < v.first+v.n; j++ {
			if j > v.first {
				b = append(b, ',')
			}
			k := a.kids[j]
			b = genai.AppendJSONString(b, k.key)
			b = append(b, ':')
			b = a.appendPrunedJSON(b, k.val)
		}
		return append(b, '}')
	}
	return b
}

// appendHashMapOrder appends to a.order the positions (low 32 bits) of object v's members in
// the order a java.util.HashMap iterates them when it was built by inserting v.parsed distinct
// keys in order (default capacity 16, load factor 0.75; the members are the ones left, in
// insertion order): by bucket (high 32 bits), then by insertion within a bucket. (Buckets
// holding 8 or more colliding keys, which Java would treeify or resize for, are not modelled;
// real CloudTrail members never collide so.)
func (a *ctArena) appendHashMapOrder(v *ctVal) {
	base := len(a.order)
	if v.n < 2 {
		for j := range int(v.n) {
			a.order = append(a.order, uint64(j))
		}
		return
	}
	capacity := uint32(16)
	for uint32(max(v.parsed, v.n)) > capacity/4*3 {
		capacity *= 2
	}
	for j, k := range a.kids[v.first : v.first+v.n] {
		h := javaStringHash(k.key)
		a.order = append(a.order, uint64((h^(h>>16))&(capacity-1))<<32|uint64(j))
	}
	slices.Sort(a.order[base:])
}

// javaStringHash is java.lang.String.hashCode over the UTF-16 code units of s.
func javaStringHash(s string) uint32 {
	var h uint32
	for _, r := range s {
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			h = 31*h + uint32(r1)
			h = 31*h + uint32(r2)
			continue
		}
		h = 31*h + uint32(r)
	}
	return h
}

// javaLength is java.lang.String.length: the number of UTF-16 code units.
func javaLength(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// appendJavaNumber appends a JSON number literal as Java prints the Integer, Long, BigInteger
// or Double the Elasticsearch JSON parser makes of it.
func appendJavaNumber(b []byte, lit string) []byte {
	if !strings.ContainsAny(lit, ".eE") {
		if lit == "-0" {
			return append(b, '0')
		}
		return append(b, lit...)
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil && !math.IsInf(f, 0) {
		return append(b, lit...)
	}
	return appendJavaDouble(b, f)
}

// appendJavaDouble appends f as java.lang.Double.toString does (shortest round-trip digits):
// plain decimal with at least one fraction digit for 1e-3 <= |f| < 1e7, else d.dddE±n.
func appendJavaDouble(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "Infinity"...)
	case math.IsInf(f, -1):
		return append(b, "-Infinity"...)
	case f == 0:
		if math.Signbit(f) {
			return append(b, "-0.0"...)
		}
		return append(b, "0.0"...)
	}
	abs := math.Abs(f)
	if abs >= 1e-3 && abs < 1e7 {
		start := len(b)
		b = strconv.AppendFloat(b, f, 'f', -1, 64)
		if !bytes.ContainsRune(b[start:], '.') {
			b = append(b, '.', '0')
		}
		return b
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx
	mant, exp, _ := strings.Cut(s, "e")
	b = append(b, mant...)
	if !strings.Contains(mant, ".") {
		b = append(b, '.', '0')
	}
	b = append(b, 'E')
	if exp[0] == '-' {
		b = append(b, '-')
	}
	e, _ := strconv.Atoi(strings.TrimLeft(exp[1:], "0"))
	return strconv.AppendInt(b, int64(e), 10)
}
