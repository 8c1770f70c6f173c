package guardrail

import (
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

// The policies of a GuardrailAssessment, by their snake_cased key.
var policies = map[string]string{
	"topic_policy":                 genai.PolicyTopic,
	"content_policy":               genai.PolicyContent,
	"word_policy":                  genai.PolicyWord,
	"sensitive_information_policy": genai.PolicySensitiveInfo,
	"contextual_grounding_policy":  genai.PolicyContextual,
	"automated_reasoning_policy":   genai.PolicyAutomatedReasoning,
}

// item is one policy item: a topic, content filter, custom or managed word, PII entity,
// regex, or grounding filter. Every policy's items share these members.
type item struct {
	Type       str  `json:"type"`
	Name       str  `json:"name"`
	Action     str  `json:"action"`
	Detected   flag `json:"detected"`
	Confidence str  `json:"confidence"`
	Strength   str  `json:"filterStrength"`
	Match      str  `json:"match"`
	Regex      str  `json:"regex"`
	Score      num  `json:"score"`
	Threshold  num  `json:"threshold"`
	Modality   str  `json:"modality"`
}

// assessment merges one GuardrailAssessment object for guardrail id (which may be empty:
// ApplyGuardrail assessments carry it in appliedGuardrailDetails).
func (m *merger) assessment(dir genai.Direction, id string, raw jsontext.Value) {
	if kind(raw) != '{' {
		return
	}
	if m.seen(dir, id, raw) {
		return
	}
	var obj members
	if err := unmarshal(raw, &obj); err != nil {
		m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: assessment: "+err.Error())
		return
	}
	version := ""
	for _, mb := range obj {
		if snake(mb.Name) == "applied_guardrail_details" {
			id, version = m.applied(id, mb.Value)
		}
	}
	m.addID(id)
	if version == "" && len(m.g.IDs) <= 1 {
		version = m.g.Version
	}
	base := genai.Assessment{GuardrailID: id, GuardrailVersion: version, Direction: dir}
	for _, mb := range obj {
		key := snake(mb.Name)
		switch key {
		case "applied_guardrail_details":
		case "invocation_metrics":
			m.metrics(mb.Value)
		case "automated_reasoning_policy":
			m.reasoning(base, mb.Value)
		default:
			policy, known := policies[key]
			if !known {
				policy = key
				m.ev.Warn(genai.WarnUnknownPolicy, "bedrock guardrail: unknown policy "+mb.Name+" kept as "+key)
			}
			if n := m.policy(base, policy, mb.Value); n == 0 && !known {
				a := base
				a.Policy = policy
				m.add(a)
			}
		}
	}
	if version != "" {
		m.version(id, version)
	}
}

// policy merges every item of every list in one policy object; it returns the item count.
func (m *merger) policy(base genai.Assessment, policy string, raw jsontext.Value) int {
	if kind(raw) != '{' {
		return 0
	}
	var lists members
	if err := unmarshal(raw, &lists); err != nil {
		m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: "+policy+": "+err.Error())
		return 0
	}
	n := 0
	for _, l := range lists {
		if k := kind(l.Value); k != '[' && k != '{' {
			continue
		}
		var items list
		if err := unmarshal(l.Value, &items); err != nil {
			m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: "+policy+"."+l.Name+": "+err.Error())
			continue
		}
		for _, raw := range items {
			var it item
			if kind(raw) != '{' {
				m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: "+policy+"."+l.Name+": item is not an object")
				continue
			}
			if err := unmarshal(raw, &it); err != nil {
				m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: "+policy+"."+l.Name+": "+err.Error())
				continue
			}
			m.add(fromItem(base, policy, &it))
			n++
		}
	}
	return n
}

// fromItem builds the assessment of one policy item.
func fromItem(base genai.Assessment, policy string, it *item) genai.Assessment {
	a := base
	a.Policy = policy
	a.Type = upper(string(it.Type))
	a.Action = upper(string(it.Action))
	a.Confidence = upper(string(it.Confidence))
	a.Strength = upper(string(it.Strength))
	a.Name = string(it.Name)
	a.Match = string(it.Match)
	a.Regex = string(it.Regex)
	a.Modality = strings.ToLower(string(it.Modality))
	if it.Score.ok {
		a.Score.Set(it.Score.v)
	}
	if it.Threshold.ok {
		a.Threshold.Set(it.Threshold.v)
	}
	if it.Detected.ok {
		a.Detected.Set(it.Detected.v)
	} else if a.Action == genai.ActionNone && listedAsFinding(&a) {
		// Records older than the detected flag list only findings in a trace that is not
		// "enabled_full": an observe-mode hit is then an item with action NONE whose own
		// numbers do not say it is clean.
		a.Detected.Set(true)
	}
	return a
}

// listedAsFinding reports whether an item with action NONE and no detected flag is a finding:
// it is unless its confidence is NONE or its score meets its threshold.
func listedAsFinding(a *genai.Assessment) bool {
	if a.Confidence == genai.ConfidenceNone {
		return false
	}
	if a.Score.Valid && a.Threshold.Valid && a.Score.Value >= a.Threshold.Value {
		return false
	}
	return true
}

// add appends an assessment unless an identical one is already there.
func (m *merger) add(a genai.Assessment) {
	if a.Action != "" && a.Action != genai.ActionNone {
		m.blocked = true
	}
	for i := range m.g.Assessments {
		if m.g.Assessments[i] == a {
			return
		}
	}
	m.g.Assessments = append(m.g.Assessments, a)
}

// applied reads appliedGuardrailDetails; it returns the guardrail id (the given one when the
// details carry none) and version.
func (m *merger) applied(id string, raw jsontext.Value) (string, string) {
	var d struct {
		ID        str  `json:"guardrailId"`
		Version   str  `json:"guardrailVersion"`
		ARN       str  `json:"guardrailArn"`
		Origin    strs `json:"guardrailOrigin"`
		Ownership str  `json:"guardrailOwnership"`
	}
	if kind(raw) != '{' {
		return id, ""
	}
	if err := unmarshal(raw, &d); err != nil {
		m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: appliedGuardrailDetails: "+err.Error())
		return id, ""
	}
	if arn := strings.TrimSpace(string(d.ARN)); arn != "" {
		setVendorStrings(m.ev, genai.AWSBedrockGuardrailARN, arn)
		if id == "" {
			id = m.identifier(arn)
		}
	}
	if d.ID != "" {
		id = m.identifier(string(d.ID))
	}
	setVendorStrings(m.ev, genai.AWSBedrockGuardrailOrigin, d.Origin...)
	setVendorString(m.ev, genai.AWSBedrockGuardrailOwnership, string(d.Ownership))
	return id, strings.TrimSpace(string(d.Version))
}

// metrics adds invocationMetrics (or an ApplyGuardrail response's usage and coverage) to the
// guardrail totals.
func (m *merger) metrics(raw jsontext.Value) {
	var im struct {
		Latency  num      `json:"guardrailProcessingLatency"`
		Usage    members  `json:"usage"`
		Coverage coverage `json:"guardrailCoverage"`
	}
	if kind(raw) != '{' {
		return
	}
	if err := unmarshal(raw, &im); err != nil {
		m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: invocationMetrics: "+err.Error())
		return
	}
	if im.Latency.ok {
		m.g.Latency.Set(m.g.Latency.Value + im.Latency.int64())
	}
	m.units(im.Usage)
	m.coverage(&im.Coverage)
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

func (m *merger) coverage(c *coverage) {
	if c.Text.Guarded.ok || c.Text.Total.ok || c.Images.Guarded.ok || c.Images.Total.ok {
		m.sawCoverage = true
	}
	addOpt(&m.g.TextGuarded, c.Text.Guarded)
	addOpt(&m.g.TextTotal, c.Text.Total)
	addOpt(&m.g.ImagesGuarded, c.Images.Guarded)
	addOpt(&m.g.ImagesTotal, c.Images.Total)
}

func addOpt(o *genai.Opt[int64], n num) {
	if n.ok {
		o.Set(o.Value + n.int64())
	}
}

// units adds policy units (usage) to ev.Guardrail.Units, a JSON object keyed by the
// snake_cased unit names, summed over assessments.
func (m *merger) units(usage members) {
	if len(usage) == 0 {
		return
	}
	m.sawUsage = true
	type unit struct {
		name string
		v    float64
	}
	var us []unit
	if len(m.g.Units) > 0 {
		var cur members
		if unmarshal(m.g.Units, &cur) == nil {
			for _, c := range cur {
				var n num
				if unmarshal(c.Value, &n) == nil && n.ok {
					us = append(us, unit{c.Name, n.v})
				}
			}
		}
	}
	for _, u := range usage {
		var n num
		if unmarshal(u.Value, &n) != nil || !n.ok {
			continue
		}
		name := snake(u.Name)
		found := false
		for i := range us {
			if us[i].name == name {
				us[i].v += n.v
				found = true
				break
			}
		}
		if !found {
			us = append(us, unit{name, n.v})
		}
	}
	if len(us) == 0 {
		return
	}
	b := m.g.Units[:0]
	b = append(b, '{')
	for i, u := range us {
		if i > 0 {
			b = append(b, ',')
		}
		b = genai.AppendJSONString(b, u.name)
		b = append(b, ':')
		b = genai.AppendJSONFloat(b, u.v)
	}
	m.g.Units = append(b, '}')
}
