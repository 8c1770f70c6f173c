package guardrail

import (
	"errors"
	"strings"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

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
	var action, reason string
	var outputs, assessments, usage occurrences
	var cov coverageOf
	covOK := true
	ok := scan(resp, false, func(name, val []byte) {
		var dst *string
		switch string(nameOf(name)) {
		case "action":
			dst = &action
		case "actionReason":
			dst = &reason
		case "outputs":
			outputs.add(val)
			return
		case "assessments":
			assessments.add(val)
			return
		case "usage":
			usage.add(val)
			return
		case "guardrailCoverage":
			covOK = covOK && cov.read(val, nil)
			return
		default:
			return
		}
		if s, ok := text(val); ok {
			*dst = s
		}
	})
	if !ok || !covOK {
		var r applyResponse
		if err := unmarshal(resp, &r); err != nil {
			return err
		}
		return errMalformed
	}
	m := newMerger(ev)
	defer m.done()
	m.idx.build(resp)
	id = m.identifier(id)
	m.addID(id)
	m.version(id, version)
	m.action(action)
	if reason := strings.TrimSpace(reason); reason != "" && m.g.ActionReason == "" {
		m.g.ActionReason = reason
	}
	for i := 0; assessments.at(i) != nil; i++ {
		it := itemsOf(assessments.at(i))
		for a, ok := it.next(m.idx); ok; a, ok = it.next(m.idx) {
			m.assessment(dir, id, a)
		}
	}
	if !m.sawUsage {
		m.units(&usage)
	}
	m.flush()
	if !m.sawCoverage {
		m.coverage(&cov)
	}
	ev.Response.Text = appendOutputs(ev.Response.Text, &outputs)
	return nil
}

// errMalformed is returned for a response that jsonscan rejects and json.Unmarshal accepts;
// the two accept the same JSON, so it is not expected.
var errMalformed = errors.New("malformed JSON")

// appendOutputs appends the text of ApplyGuardrail outputs ([{"text": "..."}], every
// occurrence) to s, one per line.
func appendOutputs(s string, outputs *occurrences) string {
	for i := 0; outputs.at(i) != nil; i++ {
		it := itemsOf(outputs.at(i))
		for o, ok := it.next(nil); ok; o, ok = it.next(nil) {
			t := field(o, "text")
			if t == "" {
				continue
			}
			if s != "" {
				s += "\n"
			}
			s += t
		}
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
	if !jsonscan.Valid(content) {
		return "", 0
	}
	var b strings.Builder
	blocks := itemsOf(content)
	for blk, ok := blocks.next(nil); ok; blk, ok = blocks.next(nil) {
		if blk[0] != '{' {
			continue
		}
		var txt, img []byte
		var o object
		o.reset(blk)
		for n, v, ok := o.next(nil); ok; n, v, ok = o.next(nil) {
			switch string(nameOf(n)) {
			case "text":
				txt = v
			case "image":
				img = v
			}
		}
		if len(img) > 0 && img[0] == '{' {
			images++
		}
		var t string
		switch kind(txt) {
		case '{':
			t = field(txt, "text")
		case '"':
			t = unquote(txt)
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
