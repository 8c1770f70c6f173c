package guardrail

import (
	"bytes"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

// The overall actions Bedrock writes.
const (
	// ActionIntervened is InvokeModel's amazon-bedrock-guardrailAction (and the agent and
	// knowledge-base guardrailAction) when the guardrail intervened.
	ActionIntervened = "INTERVENED"
	// ActionGuardrailIntervened is ApplyGuardrail's action when the guardrail intervened.
	ActionGuardrailIntervened = "GUARDRAIL_INTERVENED"
	// ActionNone is the action when the guardrail let the content through.
	ActionNone = "NONE"
)

var (
	keyGuardrailAction = []byte(`"amazon-bedrock-guardrailAction"`)
	keyTrace           = []byte(`"amazon-bedrock-trace"`)
)

// invokeObject is the guardrail part of an InvokeModel response body or stream chunk.
type invokeObject struct {
	Action str     `json:"amazon-bedrock-guardrailAction"`
	Trace  members `json:"amazon-bedrock-trace"`
}

// DecodeInvoke reads the guardrail fields of an InvokeModel response body or of one
// InvokeModelWithResponseStream chunk (amazon-bedrock-guardrailAction, and
// amazon-bedrock-trace.guardrail with its input map, outputs list, modelOutput and
// actionReason) into ev.Guardrail. It is called once per chunk for streams: results already
// merged from an earlier chunk are not added twice. An object without guardrail keys costs one
// scan. INTERVENED sets ev.Guardrail.Intervened.
func DecodeInvoke(obj []byte, ev *genai.Event) {
	if !bytes.Contains(obj, keyGuardrailAction) && !bytes.Contains(obj, keyTrace) {
		return
	}
	if kind(obj) != '{' {
		return
	}
	var o invokeObject
	if err := unmarshal(obj, &o); err != nil {
		ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: response body: "+err.Error())
		return
	}
	m := merger{ev: ev, g: &ev.Guardrail}
	explicit := m.action(string(o.Action))
	for _, t := range o.Trace {
		if t.Name == "guardrail" {
			m.trace(t.Value)
		}
	}
	if !explicit && m.blocked {
		m.g.Intervened = true
	}
}

// DecodeConverseTrace reads a Converse response's or ConverseStream metadata event's "trace"
// object into ev.Guardrail: trace.guardrail with inputAssessment (map guardrail id ->
// assessment), outputAssessments (a list of such maps, or a map of guardrail id -> list of
// assessments), modelOutput and actionReason. Converse traces carry no action flag: the caller
// sets ev.Guardrail.Intervened from stopReason guardrail_intervened, and DecodeConverseTrace
// sets it too when an item was BLOCKED or ANONYMIZED.
func DecodeConverseTrace(trace []byte, ev *genai.Event) {
	if kind(trace) != '{' {
		return
	}
	var t members
	if err := unmarshal(trace, &t); err != nil {
		ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: converse trace: "+err.Error())
		return
	}
	m := merger{ev: ev, g: &ev.Guardrail}
	for _, mb := range t {
		if mb.Name == "guardrail" {
			m.trace(mb.Value)
		}
	}
	if m.blocked {
		m.g.Intervened = true
	}
}

// config is a Converse request's guardrailConfig.
type config struct {
	ID      str `json:"guardrailIdentifier"`
	Version str `json:"guardrailVersion"`
	Trace   str `json:"trace"`
	Mode    str `json:"streamProcessingMode"`
}

// DecodeConfig reads a Converse request's guardrailConfig (guardrailIdentifier,
// guardrailVersion, trace, streamProcessingMode) into ev.Guardrail: the guardrail id and
// version are recorded even when the trace is off, so that an invocation that had a guardrail
// is never counted as unguarded. An identifier given as an ARN is reduced to the guardrail id
// (the ARN is kept in the vendor tree).
func DecodeConfig(cfg []byte, ev *genai.Event) {
	if kind(cfg) != '{' {
		return
	}
	var c config
	if err := unmarshal(cfg, &c); err != nil {
		ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: guardrailConfig: "+err.Error())
		return
	}
	m := merger{ev: ev, g: &ev.Guardrail}
	id := m.identifier(string(c.ID))
	m.addID(id)
	m.version(id, string(c.Version))
	setVendorString(ev, genai.AWSBedrockGuardrailTrace, strings.ToLower(string(c.Trace)))
	setVendorString(ev, genai.AWSBedrockGuardrailStreamProcessingMode, string(c.Mode))
}

// merger merges guardrail results into one event.
type merger struct {
	ev *genai.Event
	g  *genai.Guardrail
	// blocked records that an item with an action other than NONE was added.
	blocked bool
	// sawUsage and sawCoverage record that an assessment carried policy units / coverage.
	sawUsage, sawCoverage bool
}

// action applies an overall action flag; it reports whether there was one.
func (m *merger) action(a string) bool {
	a = strings.TrimSpace(a)
	if a == "" {
		return false
	}
	switch strings.ToUpper(a) {
	case ActionIntervened, ActionGuardrailIntervened:
		m.g.Intervened = true
		m.g.Action = a
	case ActionNone:
		if m.g.Action == "" {
			m.g.Action = a
		}
	default:
		if m.g.Action == "" {
			m.g.Action = a
		}
		m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: unknown guardrail action "+a)
	}
	return true
}

// traceGuardrail is amazon-bedrock-trace.guardrail (InvokeModel) or trace.guardrail
// (Converse); both shapes are read from either place.
type traceGuardrail struct {
	Input             jsontext.Value `json:"input"`
	Outputs           jsontext.Value `json:"outputs"`
	InputAssessment   jsontext.Value `json:"inputAssessment"`
	OutputAssessments jsontext.Value `json:"outputAssessments"`
	ModelOutput       strs           `json:"modelOutput"`
	ActionReason      str            `json:"actionReason"`
}

func (m *merger) trace(raw jsontext.Value) {
	if kind(raw) != '{' {
		return
	}
	var t traceGuardrail
	if err := unmarshal(raw, &t); err != nil {
		m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: trace: "+err.Error())
		return
	}
	m.byID(genai.DirectionInput, t.Input)
	m.byID(genai.DirectionInput, t.InputAssessment)
	m.byID(genai.DirectionOutput, t.Outputs)
	m.byID(genai.DirectionOutput, t.OutputAssessments)
	if r := strings.TrimSpace(string(t.ActionReason)); r != "" && m.g.ActionReason == "" {
		m.g.ActionReason = r
	}
	if len(t.ModelOutput) > 0 {
		setVendorStrings(m.ev, genai.AWSBedrockGuardrailModelOutput, t.ModelOutput...)
	}
}

// byID reads assessments keyed by guardrail id in any of the shapes Bedrock writes: a map
// id -> assessment, a map id -> list of assessments, or a list of such maps.
func (m *merger) byID(dir genai.Direction, raw jsontext.Value) {
	switch kind(raw) {
	case '[':
		var l list
		if err := unmarshal(raw, &l); err != nil {
			m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: "+string(dir)+" assessments: "+err.Error())
			return
		}
		for _, v := range l {
			if kind(v) == '{' {
				m.byID(dir, v)
			}
		}
	case '{':
		var ms members
		if err := unmarshal(raw, &ms); err != nil {
			m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: "+string(dir)+" assessments: "+err.Error())
			return
		}
		for _, mb := range ms {
			switch kind(mb.Value) {
			case '{':
				m.assessment(dir, mb.Name, mb.Value)
			case '[':
				var l list
				if err := unmarshal(mb.Value, &l); err != nil {
					continue
				}
				for _, v := range l {
					m.assessment(dir, mb.Name, v)
				}
			}
		}
	}
}

// identifier returns the guardrail id of an identifier that may be an ARN
// (arn:aws:bedrock:<region>:<account>:guardrail/<id>), recording the ARN.
func (m *merger) identifier(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "arn:") {
		setVendorStrings(m.ev, genai.AWSBedrockGuardrailARN, s)
		if i := strings.LastIndex(s, "guardrail/"); i >= 0 {
			id := s[i+len("guardrail/"):]
			if j := strings.IndexAny(id, "/:"); j >= 0 {
				id = id[:j]
			}
			return id
		}
	}
	return s
}

// addID records a guardrail id; the list stays sorted and distinct (as Elastic writes it).
func (m *merger) addID(id string) {
	if id == "" {
		return
	}
	ids := m.g.IDs
	i := 0
	for i < len(ids) && ids[i] < id {
		i++
	}
	if i < len(ids) && ids[i] == id {
		return
	}
	ids = append(ids, "")
	copy(ids[i+1:], ids[i:])
	ids[i] = id
	m.g.IDs = ids
}

// version records the version of guardrail id and fills it into its assessments.
func (m *merger) version(id, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	if m.g.Version == "" {
		m.g.Version = v
	}
	for i := range m.g.Assessments {
		a := &m.g.Assessments[i]
		if a.GuardrailVersion == "" && (id == "" || a.GuardrailID == id) {
			a.GuardrailVersion = v
		}
	}
}

// seen reports whether the same result object was already merged for the same guardrail and
// direction, and records it otherwise.
func (m *merger) seen(dir genai.Direction, id string, raw []byte) bool {
	h := fnv(fnv(fnv(fnvOffset, []byte(dir)), []byte(id)), raw)
	for _, s := range m.g.Seen {
		if s == h {
			return true
		}
	}
	m.g.Seen = append(m.g.Seen, h)
	return false
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv continues a 64-bit FNV-1a hash over b, followed by a separator.
func fnv(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

// setVendorString sets a single-valued vendor field unless it is already set.
func setVendorString(ev *genai.Event, f *genai.Field, v string) {
	if v == "" {
		return
	}
	for _, fv := range ev.Vendor {
		if fv.Field == f {
			return
		}
	}
	ev.SetVendor(f, genai.StringValue(v))
}

// setVendorStrings adds values to a multi-valued vendor field, keeping them distinct.
func setVendorStrings(ev *genai.Event, f *genai.Field, vs ...string) {
	for i := range ev.Vendor {
		fv := &ev.Vendor[i]
		if fv.Field != f {
			continue
		}
		cur := fv.Value.Strings()
		merged := cur
		for _, v := range vs {
			if v != "" && !contains(merged, v) {
				if len(merged) == len(cur) {
					merged = append([]string(nil), cur...)
				}
				merged = append(merged, v)
			}
		}
		fv.Value = genai.StringsValue(merged)
		return
	}
	var out []string
	for _, v := range vs {
		if v != "" && !contains(out, v) {
			out = append(out, v)
		}
	}
	ev.SetVendor(f, genai.StringsValue(out))
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
