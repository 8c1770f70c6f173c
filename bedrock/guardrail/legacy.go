package guardrail

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// This file keeps the reflection-based decoding the package used before it walked the JSON
// itself. It runs only on malformed input, to word the error exactly as it always was: the
// warnings and errors a bad trace produces are part of the output.

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

// legacyError returns the message of the error json.Unmarshal gives for data decoded into v,
// the reflection-based type that read it before.
func legacyError(data []byte, v any) string {
	if err := unmarshal(data, v); err != nil {
		return err.Error()
	}
	return "malformed JSON" // not reached: the two readers accept the same JSON
}

// invokeObject is the guardrail part of an InvokeModel response body or stream chunk.
type invokeObject struct {
	Action str     `json:"amazon-bedrock-guardrailAction"`
	Trace  members `json:"amazon-bedrock-trace"`
}

// config is a Converse request's guardrailConfig.
type config struct {
	ID      str `json:"guardrailIdentifier"`
	Version str `json:"guardrailVersion"`
	Trace   str `json:"trace"`
	Mode    str `json:"streamProcessingMode"`
}

// invocationMetrics is an assessment's invocationMetrics.
type invocationMetrics struct {
	Latency  num      `json:"guardrailProcessingLatency"`
	Usage    members  `json:"usage"`
	Coverage coverage `json:"guardrailCoverage"`
}

// coverage is guardrailCoverage.
type coverage struct {
	Text   counts `json:"textCharacters"`
	Images counts `json:"images"`
}

type counts struct {
	Guarded num `json:"guarded"`
	Total   num `json:"total"`
}

// applyResponse is an ApplyGuardrail API response.
type applyResponse struct {
	Action       str      `json:"action"`
	ActionReason str      `json:"actionReason"`
	Outputs      list     `json:"outputs"`
	Assessments  list     `json:"assessments"`
	Usage        members  `json:"usage"`
	Coverage     coverage `json:"guardrailCoverage"`
}
