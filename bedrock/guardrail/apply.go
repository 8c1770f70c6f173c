package guardrail

import (
	"errors"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

// applyResponse is an ApplyGuardrail API response.
type applyResponse struct {
	Action       str      `json:"action"`
	ActionReason str      `json:"actionReason"`
	Outputs      list     `json:"outputs"`
	Assessments  list     `json:"assessments"`
	Usage        members  `json:"usage"`
	Coverage     coverage `json:"guardrailCoverage"`
}

// ErrNotObject is returned for a result that is not a JSON object.
var ErrNotObject = errors.New("not a JSON object")

// DecodeApplyResponse reads an ApplyGuardrail API response (action NONE or
// GUARDRAIL_INTERVENED, actionReason, outputs, assessments, usage, guardrailCoverage) into
// ev.Guardrail. dir is the direction the request's source gives (INPUT -> input, OUTPUT ->
// output; "" when unknown); id and version name the guardrail when the caller knows them (the
// request's guardrailIdentifier, which may be an ARN), for assessments that carry no
// appliedGuardrailDetails. The guarded outputs' text goes to ev.Response.Text.
//
// Per-assessment invocationMetrics add to the guardrail's latency, units and coverage; the
// response's own usage and guardrailCoverage are used only when no assessment carried them (they
// repeat the same numbers). It returns an error only when resp is not a readable JSON object.
func DecodeApplyResponse(resp []byte, dir genai.Direction, id, version string, ev *genai.Event) error {
	if kind(resp) != '{' {
		return ErrNotObject
	}
	var r applyResponse
	if err := unmarshal(resp, &r); err != nil {
		return err
	}
	m := merger{ev: ev, g: &ev.Guardrail}
	id = m.identifier(id)
	m.addID(id)
	m.version(id, version)
	m.action(string(r.Action))
	if reason := strings.TrimSpace(string(r.ActionReason)); reason != "" && m.g.ActionReason == "" {
		m.g.ActionReason = reason
	}
	for _, a := range r.Assessments {
		m.assessment(dir, id, a)
	}
	if !m.sawUsage {
		m.units(r.Usage)
	}
	if !m.sawCoverage {
		m.coverage(&r.Coverage)
	}
	ev.Response.Text = appendOutputs(ev.Response.Text, r.Outputs)
	return nil
}

// appendOutputs appends the text of ApplyGuardrail outputs ([{"text": "..."}]) to s, one per line.
func appendOutputs(s string, outputs list) string {
	for _, o := range outputs {
		var x struct {
			Text str `json:"text"`
		}
		if kind(o) != '{' || unmarshal(o, &x) != nil || x.Text == "" {
			continue
		}
		if s != "" {
			s += "\n"
		}
		s += string(x.Text)
	}
	return s
}

// DirectionOf returns the assessment direction of an ApplyGuardrail source (INPUT / OUTPUT,
// any case), or "" for anything else.
func DirectionOf(source string) genai.Direction {
	switch strings.ToUpper(strings.TrimSpace(source)) {
	case "INPUT":
		return genai.DirectionInput
	case "OUTPUT":
		return genai.DirectionOutput
	}
	return ""
}

// ContentText returns the text of an ApplyGuardrail request's content blocks
// ([{"text":{"text":"...","qualifiers":[...]}}, {"image":{...}}]), one block per line, and the
// number of image blocks.
func ContentText(content []byte) (text string, images int) {
	var blocks list
	if unmarshal(content, &blocks) != nil {
		return "", 0
	}
	var b strings.Builder
	for _, blk := range blocks {
		var x struct {
			Text  jsontext.Value `json:"text"`
			Image jsontext.Value `json:"image"`
		}
		if kind(blk) != '{' || unmarshal(blk, &x) != nil {
			continue
		}
		if len(x.Image) > 0 && kind(x.Image) == '{' {
			images++
		}
		var t string
		switch kind(x.Text) {
		case '{':
			var tt struct {
				Text str `json:"text"`
			}
			if unmarshal(x.Text, &tt) == nil {
				t = string(tt.Text)
			}
		case '"':
			var s str
			if unmarshal(x.Text, &s) == nil {
				t = string(s)
			}
		}
		if t != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(t)
		}
	}
	return b.String(), images
}
