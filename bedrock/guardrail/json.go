package guardrail

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// unmarshal decodes data into v with the lenient options every decoder of this module uses.
func unmarshal(data []byte, v any) error {
	return json.Unmarshal(data, v, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
}

// str is a JSON scalar read as a string: a string verbatim, a number or boolean as its text;
// null, objects and arrays read as "". It never fails on a well-formed value, so that one odd
// member does not lose the rest of an item.
type str string

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (s *str) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	switch d.PeekKind() {
	case '{', '[':
		return d.SkipValue()
	}
	tok, err := d.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case '"', '0':
		*s = str(tok.String())
	case 't':
		*s = "true"
	case 'f':
		*s = "false"
	}
	return nil
}

// num is a JSON number, or a string holding one; anything else reads as absent.
type num struct {
	v  float64
	ok bool
}

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (n *num) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	switch d.PeekKind() {
	case '{', '[':
		return d.SkipValue()
	}
	tok, err := d.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case '0':
		if f, err := tok.Float(); err == nil {
			n.v, n.ok = f, true
		}
	case '"':
		if f, err := strconv.ParseFloat(strings.TrimSpace(tok.String()), 64); err == nil {
			n.v, n.ok = f, true
		}
	}
	return nil
}

// int64 returns the number rounded towards zero.
func (n num) int64() int64 { return int64(n.v) }

// flag is a JSON boolean, or the string "true" / "false"; anything else reads as absent.
type flag struct {
	v, ok bool
}

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (f *flag) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	switch d.PeekKind() {
	case '{', '[':
		return d.SkipValue()
	}
	tok, err := d.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 't':
		f.v, f.ok = true, true
	case 'f':
		f.v, f.ok = false, true
	case '"':
		switch strings.ToLower(tok.String()) {
		case "true":
			f.v, f.ok = true, true
		case "false":
			f.v, f.ok = false, true
		}
	}
	return nil
}

// member is one member of a JSON object, in document order.
type member struct {
	Name  string
	Value jsontext.Value
}

// members is a JSON object kept in document order (a map would lose it, and the trace maps
// keyed by guardrail id must render deterministically). A value that is not an object reads as
// no members.
type members []member

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (m *members) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	if d.PeekKind() != '{' {
		return d.SkipValue()
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	for d.PeekKind() != '}' {
		tok, err := d.ReadToken()
		if err != nil {
			return err
		}
		name := tok.String() // before the next Decoder call voids tok
		val, err := d.ReadValue()
		if err != nil {
			return err
		}
		*m = append(*m, member{Name: name, Value: bytes.Clone(val)})
	}
	_, err := d.ReadToken()
	return err
}

// list is a JSON array of raw values. A single object reads as a one-element list; anything
// else as an empty list.
type list []jsontext.Value

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (l *list) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	switch d.PeekKind() {
	case '{':
		val, err := d.ReadValue()
		if err != nil {
			return err
		}
		*l = append(*l, bytes.Clone(val))
		return nil
	case '[':
	default:
		return d.SkipValue()
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	for d.PeekKind() != ']' {
		val, err := d.ReadValue()
		if err != nil {
			return err
		}
		*l = append(*l, bytes.Clone(val))
	}
	_, err := d.ReadToken()
	return err
}

// kind returns the kind of a raw JSON value by its first non-space byte ('{', '[', '"', ...),
// or 0 for an empty value.
func kind(v []byte) byte {
	v = bytes.TrimLeft(v, " \t\r\n")
	if len(v) == 0 {
		return 0
	}
	return v[0]
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

// upper returns s in upper case with spaces and dashes as underscores, the form of the
// shared type vocabulary ("translationAmbiguous" is handled by the caller through snake).
func upper(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, " -") {
		s = strings.NewReplacer(" ", "_", "-", "_").Replace(s)
	}
	return strings.ToUpper(s)
}

// strs is a JSON array of scalars read as strings; a single scalar reads as a one-element list.
type strs []string

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (l *strs) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	switch d.PeekKind() {
	case '[':
	case '{':
		return d.SkipValue()
	default:
		var s str
		if err := s.UnmarshalJSONFrom(d); err != nil {
			return err
		}
		if s != "" {
			*l = append(*l, string(s))
		}
		return nil
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	for d.PeekKind() != ']' {
		var s str
		if err := s.UnmarshalJSONFrom(d); err != nil {
			return err
		}
		if s != "" {
			*l = append(*l, string(s))
		}
	}
	_, err := d.ReadToken()
	return err
}
