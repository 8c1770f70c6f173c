package azureopenai

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// jsonOpts are the options every decode in this package uses: odd real-world input (duplicate
// names, invalid UTF-8, unknown members) still decodes.
var jsonOpts = json.JoinOptions(
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(true),
	json.RejectUnknownMembers(false),
)

func unmarshal(data []byte, v any) error { return json.Unmarshal(data, v, jsonOpts) }

// flexString decodes a JSON string, number or boolean as its text; null leaves it empty.
// Azure writes the same column as a string in one delivery path and a number in another.
type flexString string

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (s *flexString) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	switch v.Kind() {
	case '"':
		u, err := jsontext.AppendUnquote(nil, v)
		if err != nil {
			return err
		}
		*s = flexString(u)
	case '0', 't', 'f':
		*s = flexString(v)
	case '{', '[':
		*s = flexString(bytes.Clone(v))
	}
	return nil
}

// flexInt decodes a JSON number, a numeric string, or a one-element array of either (the
// AzureOpenAIRequestUsage token arrays) as an integer; the fraction of a float is dropped.
type flexInt struct {
	Value int64
	Valid bool
}

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (n *flexInt) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	n.Value, n.Valid = parseFlexInt(v)
	return nil
}

func parseFlexInt(v jsontext.Value) (int64, bool) {
	switch v.Kind() {
	case '0':
		return parseNumber(bstr(v))
	case '"':
		var buf [32]byte
		u, ok := appendUnquoteOK(buf[:0], v)
		if !ok {
			return 0, false
		}
		return parseNumber(strings.TrimSpace(bstr(u)))
	case '[':
		// Sum the elements: Azure writes per-request counts as arrays ([n]).
		var dec jsonscan.Decoder
		dec.Reset(v)
		if _, err := dec.ReadToken(); err != nil {
			return 0, false
		}
		var sum int64
		ok := false
		for dec.PeekKind() != ']' {
			e, err := dec.ReadValue()
			if err != nil {
				return 0, false
			}
			if x, good := parseFlexInt(e); good {
				sum += x
				ok = true
			}
		}
		return sum, ok
	}
	return 0, false
}

func parseNumber(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 9.2e18 || f < -9.2e18 {
		return 0, false
	}
	return int64(f), true
}

// flexBool decodes a JSON boolean, or the strings "true"/"false" and numbers 0/1.
type flexBool struct {
	Value bool
	Valid bool
}

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (b *flexBool) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	b.set(v)
	return nil
}

// set stores a raw value; values that are not a boolean leave b as it was.
func (b *flexBool) set(v jsontext.Value) {
	switch v.Kind() {
	case 't':
		b.Value, b.Valid = true, true
	case 'f':
		b.Value, b.Valid = false, true
	case '"', '0':
		s := bstr(v)
		if v.Kind() == '"' {
			var buf [16]byte
			u, ok := appendUnquoteOK(buf[:0], v)
			if !ok {
				return
			}
			s = bstr(u)
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true", "1":
			b.Value, b.Valid = true, true
		case "false", "0":
			b.Value, b.Valid = false, true
		}
	}
}

// stringOrValue returns the bytes of a JSON value that is either a JSON object/array or a
// string holding one (Azure writes properties and bodies both ways). For a string it returns
// the unquoted text, which may be truncated or not JSON at all.
func stringOrValue(v jsontext.Value) []byte {
	switch v.Kind() {
	case '{', '[':
		return v
	case '"':
		u, err := jsontext.AppendUnquote(nil, v)
		if err != nil {
			return nil
		}
		return u
	}
	return nil
}

// decodeLenient unmarshals data into v. When data is not valid JSON because it was cut short
// (a size-capped body), the complete prefix is closed off and decoded instead; repaired reports
// that. An error is returned only when not even a prefix can be read.
func decodeLenient[T any](data []byte, v *T) (repaired bool, err error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return false, errEmpty
	}
	if err = decodeInto(data, v); err == nil {
		return false, nil
	}
	fixed, ok := repairTruncated(data)
	if !ok {
		return false, err
	}
	var zero T
	*v = zero // drop what the failed attempt filled in
	if err2 := decodeInto(fixed, v); err2 != nil {
		*v = zero
		return false, err
	}
	return true, nil
}

// decodeInto reads data into v: with its hand-written scan when it has one and data is plain,
// with unmarshal otherwise.
func decodeInto[T any](data []byte, v *T) error {
	if sc, ok := any(v).(scanner); ok {
		var s objScan
		if s.reset(data) && sc.members(&s) == nil {
			return nil
		}
		var zero T
		*v = zero
	}
	return unmarshal(data, v)
}

type constError string

func (e constError) Error() string { return string(e) }

const errEmpty = constError("empty body")

// repairTruncated returns the longest prefix of data that ends after a complete value, with
// the still-open objects and arrays closed, so that a body cut at a size cap can be read.
func repairTruncated(data []byte) ([]byte, bool) {
	if len(data) == 0 || (data[0] != '{' && data[0] != '[') {
		return nil, false
	}
	dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	var stack, safeStack []byte
	safe := int64(-1)
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			break
		}
		k := tok.Kind()
		switch k {
		case '{', '[':
			stack = append(stack, byte(k))
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) == 0 {
			// The whole value was complete; nothing to repair (the error was elsewhere).
			return nil, false
		}
		depth := dec.StackDepth()
		kind, n := dec.StackIndex(depth)
		if kind == '{' && n%2 == 1 {
			continue // after an object name: the value is still missing
		}
		off := dec.InputOffset()
		if k == '0' && off >= int64(len(data)) {
			continue // a number at the very end may have lost digits
		}
		safe = off
		safeStack = append(safeStack[:0], stack...)
	}
	if safe < 0 {
		return nil, false
	}
	out := make([]byte, 0, int(safe)+len(safeStack))
	out = append(out, data[:safe]...)
	for i := len(safeStack) - 1; i >= 0; i-- {
		if safeStack[i] == '{' {
			out = append(out, '}')
		} else {
			out = append(out, ']')
		}
	}
	return out, true
}

// containsAny reports whether data contains any of the needles.
func containsAny(data []byte, needles ...string) bool {
	for _, n := range needles {
		if bytes.Contains(data, []byte(n)) {
			return true
		}
	}
	return false
}

// containsVariants reports whether data contains any of the needles, which all contain core:
// containsAny in one pass, over the occurrences of core.
func containsVariants(data []byte, core string, needles ...string) bool {
	for i := 0; i < len(data); {
		j := bytes.Index(data[i:], []byte(core))
		if j < 0 {
			return false
		}
		at := i + j
		for _, n := range needles {
			start := at - strings.Index(n, core)
			if start >= 0 && start+len(n) <= len(data) && string(data[start:start+len(n)]) == n {
				return true
			}
		}
		i = at + 1
	}
	return false
}

// hasMember reports whether data contains "name": with or without a space before the value,
// and (when value is not empty) that value: a cheap detector aid, not a parser.
func hasMember(data []byte, name, value string) bool {
	var buf [32]byte
	key := append(append(append(buf[:0], '"'), name...), '"', ':')
	for i := 0; i < len(data); {
		j := bytes.Index(data[i:], key)
		if j < 0 {
			return false
		}
		rest := data[i+j+len(key):]
		rest = bytes.TrimLeft(rest, " \t")
		if value == "" || bytes.HasPrefix(rest, []byte(value)) {
			return true
		}
		i += j + len(key)
	}
	return false
}
