package bedrock

import (
	"bytes"
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/genainorm/genainorm/genai"
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
// ctNode is that parsed value; javaString and appendPrunedJSON render it.

// ctNode is a parsed JSON value with null and empty members already dropped.
type ctNode struct {
	kind  jsontext.Kind // '"', '0', 't', 'f', '{', '['
	text  string        // string value or number literal
	keys  []string      // object member names, in input order (duplicates merged)
	elems []*ctNode     // object member values or array elements
	// parsed is the number of distinct member names the parser put in the map, dropped
	// ones included: it decides the HashMap's capacity, hence the iteration order.
	parsed int
}

// maxCTDepth bounds nesting, so hostile input cannot exhaust the stack.
const maxCTDepth = 64

var errCTTooDeep = errors.New("nesting deeper than 64 levels")

// parseCTValue parses raw JSON into a pruned tree. It returns nil for a value Elastic's pipeline
// drops (null, "", or an object or array left empty after dropping).
func parseCTValue(raw []byte) (*ctNode, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, nil
	}
	dec := jsontext.NewDecoder(bytes.NewReader(raw), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	n, err := parseCTNode(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, errors.New("trailing data after JSON value")
	}
	return n, nil
}

func parseCTNode(dec *jsontext.Decoder, depth int) (*ctNode, error) {
	if depth > maxCTDepth {
		return nil, errCTTooDeep
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch k := tok.Kind(); k {
	case 'n':
		return nil, nil
	case '"':
		s := tok.String()
		if s == "" {
			return nil, nil
		}
		return &ctNode{kind: k, text: s}, nil
	case '0':
		return &ctNode{kind: k, text: tok.String()}, nil
	case 't', 'f':
		return &ctNode{kind: k}, nil
	case '{':
		n := &ctNode{kind: k}
		for dec.PeekKind() != '}' {
			ktok, err := dec.ReadToken()
			if err != nil {
				return nil, err
			}
			key := ktok.String()
			v, err := parseCTNode(dec, depth+1)
			if err != nil {
				return nil, err
			}
			// A repeated name replaces the earlier value in place, as HashMap.put does.
			if i := slices.Index(n.keys, key); i >= 0 {
				n.elems[i] = v
			} else {
				n.keys = append(n.keys, key)
				n.elems = append(n.elems, v)
			}
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		n.parsed = len(n.keys)
		// Drop null and empty members (the pipeline's removeIf), keeping the order.
		j := 0
		for i := range n.keys {
			if n.elems[i] != nil {
				n.keys[j], n.elems[j] = n.keys[i], n.elems[i]
				j++
			}
		}
		n.keys, n.elems = n.keys[:j], n.elems[:j]
		if j == 0 {
			return nil, nil
		}
		return n, nil
	case '[':
		n := &ctNode{kind: k}
		for dec.PeekKind() != ']' {
			v, err := parseCTNode(dec, depth+1)
			if err != nil {
				return nil, err
			}
			if v != nil {
				n.elems = append(n.elems, v)
			}
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		if len(n.elems) == 0 {
			return nil, nil
		}
		return n, nil
	}
	return nil, errors.New("unexpected JSON token")
}

// member returns the value of an object member, or nil.
func (n *ctNode) member(key string) *ctNode {
	if n == nil || n.kind != '{' {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.elems[i]
		}
	}
	return nil
}

// str returns a string or number node's text ("" for anything else).
func (n *ctNode) str() string {
	if n == nil {
		return ""
	}
	switch n.kind {
	case '"', '0':
		return n.text
	case 't':
		return "true"
	case 'f':
		return "false"
	}
	return ""
}

// isTrue reports whether the node is JSON true or the string "true".
func (n *ctNode) isTrue() bool {
	return n != nil && (n.kind == 't' || (n.kind == '"' && strings.EqualFold(n.text, "true")))
}

// javaString appends the node as Java's toString renders the parsed value.
func (n *ctNode) javaString(b []byte) []byte {
	switch n.kind {
	case '"':
		return append(b, n.text...)
	case '0':
		return appendJavaNumber(b, n.text)
	case 't':
		return append(b, "true"...)
	case 'f':
		return append(b, "false"...)
	case '[':
		b = append(b, '[')
		for i, e := range n.elems {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = e.javaString(b)
		}
		return append(b, ']')
	case '{':
		b = append(b, '{')
		for i, j := range javaHashMapOrder(n.keys, n.parsed) {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, n.keys[j]...)
			b = append(b, '=')
			b = n.elems[j].javaString(b)
		}
		return append(b, '}')
	}
	return b
}

// appendPrunedJSON appends the node as compact JSON, members in input order.
func (n *ctNode) appendPrunedJSON(b []byte) []byte {
	switch n.kind {
	case '"':
		return genai.AppendJSONString(b, n.text)
	case '0':
		return append(b, n.text...)
	case 't':
		return append(b, "true"...)
	case 'f':
		return append(b, "false"...)
	case '[':
		b = append(b, '[')
		for i, e := range n.elems {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.appendPrunedJSON(b)
		}
		return append(b, ']')
	case '{':
		b = append(b, '{')
		for i, k := range n.keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = genai.AppendJSONString(b, k)
			b = append(b, ':')
			b = n.elems[i].appendPrunedJSON(b)
		}
		return append(b, '}')
	}
	return b
}

// javaHashMapOrder returns the indexes of keys in the order a java.util.HashMap iterates them
// when it was built by inserting parsed distinct keys in order (default capacity 16, load
// factor 0.75; keys are the ones left, in insertion order): by bucket, then by insertion
// within a bucket. (Buckets holding 8 or more colliding keys, which Java would treeify or
// resize for, are not modelled; real CloudTrail members never collide so.)
func javaHashMapOrder(keys []string, parsed int) []int {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	if len(keys) < 2 {
		return order
	}
	capacity := uint32(16)
	for uint32(max(parsed, len(keys))) > capacity/4*3 {
		capacity *= 2
	}
	bucket := make([]uint32, len(keys))
	for i, k := range keys {
		h := javaStringHash(k)
		bucket[i] = (h ^ (h >> 16)) & (capacity - 1)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case bucket[a] < bucket[b]:
			return -1
		case bucket[a] > bucket[b]:
			return 1
		}
		return 0
	})
	return order
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
