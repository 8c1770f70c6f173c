package guardrail

import (
	"math"
	"strconv"
	"strings"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// policyOf returns the shared policy name of a GuardrailAssessment policy by its snake_cased
// key, and whether the key is a known policy.
func policyOf(key string) (string, bool) {
	switch key {
	case "topic_policy":
		return genai.PolicyTopic, true
	case "content_policy":
		return genai.PolicyContent, true
	case "word_policy":
		return genai.PolicyWord, true
	case "sensitive_information_policy":
		return genai.PolicySensitiveInfo, true
	case "contextual_grounding_policy":
		return genai.PolicyContextual, true
	case "automated_reasoning_policy":
		return genai.PolicyAutomatedReasoning, true
	}
	return "", false
}

// amount is a JSON number, or a string holding one, when it was given.
type amount struct {
	v  float64
	ok bool
}

// read sets a from v when v reads as a number, and keeps it otherwise.
func (a *amount) read(v []byte) {
	if f, ok := number(v); ok {
		a.v, a.ok = f, true
	}
}

// part is one member of an assessment object.
type part struct {
	name []byte // as written
	key  string // snake_cased
	val  []byte
}

// assessment merges one GuardrailAssessment object for guardrail id (which may be empty:
// ApplyGuardrail assessments carry it in appliedGuardrailDetails).
func (m *merger) assessment(dir genai.Direction, id string, raw []byte) {
	if kind(raw) != '{' {
		return
	}
	if m.seen(dir, id, raw) {
		return
	}
	var buf [8]part
	parts := buf[:0]
	var o object
	o.reset(raw)
	for name, val, ok := o.next(m.idx); ok; name, val, ok = o.next(m.idx) {
		parts = append(parts, part{name: name, key: snakeName(name), val: val})
	}
	version := ""
	for _, p := range parts {
		if p.key == "applied_guardrail_details" {
			id, version = m.applied(id, p.val)
		}
	}
	m.addID(id)
	if version == "" && len(m.g.IDs) <= 1 {
		version = m.g.Version
	}
	base := genai.Assessment{GuardrailID: id, GuardrailVersion: version, Direction: dir}
	for _, p := range parts {
		switch p.key {
		case "applied_guardrail_details":
		case "invocation_metrics":
			m.metrics(p.val)
		case "automated_reasoning_policy":
			m.reasoning(base, p.val)
		default:
			policy, known := policyOf(p.key)
			if !known {
				policy = p.key
				m.ev.Warn(genai.WarnUnknownPolicy, "bedrock guardrail: unknown policy "+unquote(p.name)+" kept as "+p.key)
			}
			if n := m.policy(&base, policy, p.val); n == 0 && !known {
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
func (m *merger) policy(base *genai.Assessment, policy string, raw []byte) int {
	if kind(raw) != '{' {
		return 0
	}
	n := 0
	var lists object
	lists.reset(raw)
	for name, val, ok := lists.next(m.idx); ok; name, val, ok = lists.next(m.idx) {
		if k := val[0]; k != '[' && k != '{' {
			continue
		}
		it := itemsOf(val)
		for v, ok := it.next(m.idx); ok; v, ok = it.next(m.idx) {
			if v[0] != '{' {
				m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: "+policy+"."+unquote(name)+": item is not an object")
				continue
			}
			m.addItem(base, policy, v)
			n++
		}
	}
	return n
}

// addItem adds the assessment of one policy item, as add does; it builds it in place, in the
// slot past the end of the list (where add would copy it), rather than copying it there.
func (m *merger) addItem(base *genai.Assessment, policy string, raw []byte) {
	as := append(m.g.Assessments, *base)
	a := &as[len(as)-1]
	fromItem(a, policy, raw, m.idx)
	if a.Action != "" && a.Action != genai.ActionNone {
		m.blocked = true
	}
	for i := range as[:len(as)-1] {
		if as[i] == *a {
			return // the list stays as it was; the slot past its end is scratch
		}
	}
	m.g.Assessments = as
}

// fromItem fills a, the base assessment of a policy, with one policy item: a topic, content
// filter, custom or managed word, PII entity, regex, or grounding filter (every policy's items
// share their members). x, when not nil, indexes a value that holds raw.
func fromItem(a *genai.Assessment, policy string, raw []byte, x *index) {
	var typ, name, action, confidence, strength, match, regex, modality string
	var score, threshold amount
	var detected, detectedOK bool
	var o object
	o.reset(raw)
	for n, v, ok := o.next(x); ok; n, v, ok = o.next(x) {
		var dst *string
		switch string(nameOf(n)) {
		case "type":
			dst = &typ
		case "name":
			dst = &name
		case "action":
			dst = &action
		case "confidence":
			dst = &confidence
		case "filterStrength":
			dst = &strength
		case "match":
			// Matched text may be personal data (an e-mail address, a phone number): it
			// is read without the process-wide cache of recent words.
			if s, ok := matchText(v); ok {
				match = s
			}
			continue
		case "regex":
			dst = &regex
		case "modality":
			dst = &modality
		case "detected":
			if b, ok := boolean(v); ok {
				detected, detectedOK = b, true
			}
			continue
		case "score":
			score.read(v)
			continue
		case "threshold":
			threshold.read(v)
			continue
		default:
			continue
		}
		if s, ok := text(v); ok {
			*dst = s
		}
	}
	a.Policy = policy
	a.Type = upper(typ)
	a.Action = upper(action)
	a.Confidence = upper(confidence)
	a.Strength = upper(strength)
	a.Name = name
	a.Match = match
	a.Regex = regex
	a.Modality = lower(modality)
	if score.ok {
		a.Score.Set(score.v)
	}
	if threshold.ok {
		a.Threshold.Set(threshold.v)
	}
	if detectedOK {
		a.Detected.Set(detected)
	} else if a.Action == genai.ActionNone && listedAsFinding(a) {
		// Records older than the detected flag list only findings in a trace that is not
		// "enabled_full": an observe-mode hit is then an item with action NONE whose own
		// numbers do not say it is clean.
		a.Detected.Set(true)
	}
}

// lower is strings.ToLower without allocating for the modalities Bedrock writes.
func lower(s string) string {
	switch s {
	case "TEXT":
		return "text"
	case "IMAGE":
		return "image"
	}
	return strings.ToLower(s)
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
func (m *merger) applied(id string, raw []byte) (string, string) {
	if kind(raw) != '{' {
		return id, ""
	}
	var gid, version, arn, ownership string
	var origin occurrences
	var o object
	o.reset(raw)
	for n, v, ok := o.next(m.idx); ok; n, v, ok = o.next(m.idx) {
		var dst *string
		switch string(nameOf(n)) {
		case "guardrailId":
			dst = &gid
		case "guardrailVersion":
			dst = &version
		case "guardrailArn":
			dst = &arn
		case "guardrailOwnership":
			dst = &ownership
		case "guardrailOrigin":
			origin.add(v)
			continue
		default:
			continue
		}
		if s, ok := text(v); ok {
			*dst = s
		}
	}
	if arn := strings.TrimSpace(arn); arn != "" {
		setVendorStrings(m.ev, genai.AWSBedrockGuardrailARN, arn)
		if id == "" {
			id = m.identifier(arn)
		}
	}
	if gid != "" {
		id = m.identifier(gid)
	}
	var buf [4]string
	setVendorStrings(m.ev, genai.AWSBedrockGuardrailOrigin, appendTexts(buf[:0], &origin, m.idx)...)
	setVendorString(m.ev, genai.AWSBedrockGuardrailOwnership, ownership)
	return id, strings.TrimSpace(version)
}

// metrics adds invocationMetrics (or an ApplyGuardrail response's usage and coverage) to the
// guardrail totals.
func (m *merger) metrics(raw []byte) {
	if kind(raw) != '{' {
		return
	}
	var latency amount
	var usage occurrences
	var cov coverageOf
	var o object
	o.reset(raw)
	for n, v, ok := o.next(m.idx); ok; n, v, ok = o.next(m.idx) {
		switch string(nameOf(n)) {
		case "guardrailProcessingLatency":
			latency.read(v)
		case "usage":
			usage.add(v)
		case "guardrailCoverage":
			if !cov.read(v, m.idx) {
				var im invocationMetrics
				m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: invocationMetrics: "+legacyError(raw, &im))
				return
			}
		}
	}
	if latency.ok {
		m.g.Latency.Set(m.g.Latency.Value + int64(latency.v))
	}
	m.units(&usage)
	m.coverage(&cov)
}

// coverageOf is guardrailCoverage.
type coverageOf struct {
	text, images countsOf
}

// countsOf is guardrailCoverage.textCharacters or .images.
type countsOf struct {
	guarded, total amount
}

// read merges a guardrailCoverage value into c as json.Unmarshal into a struct would: null
// resets it, an object merges its members; it reports false for any other value (the
// invocationMetrics is then rejected as a whole).
func (c *coverageOf) read(v []byte, x *index) bool {
	switch v[0] {
	case 'n':
		*c = coverageOf{}
		return true
	case '{':
	default:
		return false
	}
	var o object
	o.reset(v)
	for n, v, ok := o.next(x); ok; n, v, ok = o.next(x) {
		switch string(nameOf(n)) {
		case "textCharacters":
			if !c.text.read(v, x) {
				return false
			}
		case "images":
			if !c.images.read(v, x) {
				return false
			}
		}
	}
	return true
}

// read merges textCharacters or images into c, as coverageOf.read does.
func (c *countsOf) read(v []byte, x *index) bool {
	switch v[0] {
	case 'n':
		*c = countsOf{}
		return true
	case '{':
	default:
		return false
	}
	var o object
	o.reset(v)
	for n, v, ok := o.next(x); ok; n, v, ok = o.next(x) {
		switch string(nameOf(n)) {
		case "guarded":
			c.guarded.read(v)
		case "total":
			c.total.read(v)
		}
	}
	return true
}

func (m *merger) coverage(c *coverageOf) {
	if c.text.guarded.ok || c.text.total.ok || c.images.guarded.ok || c.images.total.ok {
		m.sawCoverage = true
	}
	addOpt(&m.g.TextGuarded, c.text.guarded)
	addOpt(&m.g.TextTotal, c.text.total)
	addOpt(&m.g.ImagesGuarded, c.images.guarded)
	addOpt(&m.g.ImagesTotal, c.images.total)
}

func addOpt(o *genai.Opt[int64], n amount) {
	if n.ok {
		o.Set(o.Value + int64(n.v))
	}
}

// unit is one entry of ev.Guardrail.Units.
type unit struct {
	name string
	v    float64
}

// units adds policy units (usage: every member of every occurrence) to ev.Guardrail.Units, a
// JSON object keyed by the snake_cased unit names, summed over assessments.
func (m *merger) units(usage *occurrences) {
	some := false
	for i := 0; usage.at(i) != nil && !some; i++ {
		var o object
		o.reset(usage.at(i))
		_, _, some = o.next(nil)
	}
	if !some {
		return
	}
	m.sawUsage = true
	var buf [16]unit
	us := buf[:0]
	if m.usOK {
		us = append(us, m.us[:m.nus]...)
	} else if len(m.g.Units) > 0 && m.unitsValid() {
		var cur object
		cur.reset(m.g.Units)
		for n, v, ok := cur.next(nil); ok; n, v, ok = cur.next(nil) {
			if f, ok := number(v); ok {
				us = append(us, unit{unitName(n), f})
			}
		}
	}
	for i := 0; usage.at(i) != nil; i++ {
		var o object
		o.reset(usage.at(i))
		for n, v, ok := o.next(m.idx); ok; n, v, ok = o.next(m.idx) {
			f, ok := number(v)
			if !ok {
				continue
			}
			name := snakeName(n)
			found := false
			for i := range us {
				if us[i].name == name {
					us[i].v += f
					found = true
					break
				}
			}
			if !found {
				us = append(us, unit{name, f})
			}
		}
	}
	if len(us) == 0 {
		return
	}
	// Units that read back as written (finite numbers: the names always do) are kept here
	// until flush writes them, once per merger instead of once per assessment.
	if !eagerUnits && len(us) <= len(m.us) && finite(us) {
		m.nus = copy(m.us[:], us)
		m.usOK, m.usDirty = true, true
		return
	}
	m.usOK, m.usDirty = false, false
	m.writeUnits(us)
}

// eagerUnits makes units write ev.Guardrail.Units at every call and read it back at the next,
// as it did before flush: the oracle of the tests of the deferred write.
var eagerUnits bool

// finite reports whether every unit's sum is a finite number (which AppendJSONFloat writes as
// a number that reads back as itself; NaN and the infinities are written null).
func finite(us []unit) bool {
	for _, u := range us {
		if math.IsNaN(u.v) || math.IsInf(u.v, 0) {
			return false
		}
	}
	return true
}

// flush writes the units merged since the last write to ev.Guardrail.Units. Every entry point
// that merges assessments calls it before it returns.
func (m *merger) flush() {
	if m.usDirty {
		m.writeUnits(m.us[:m.nus])
		m.usDirty = false
	}
}

// writeUnits sets ev.Guardrail.Units to the JSON object of us.
func (m *merger) writeUnits(us []unit) {
	var tmp [512]byte
	b := append(tmp[:0], '{')
	for i, u := range us {
		if i > 0 {
			b = append(b, ',')
		}
		b = genai.AppendJSONString(b, u.name)
		b = append(b, ':')
		b = appendUnits(b, u.v)
	}
	b = append(b, '}')
	m.g.Units = append(m.g.Units[:0], b...)
	m.written = m.g.Units
}

// appendUnits is genai.AppendJSONFloat with a shortcut for whole numbers (what policy units
// are), which it writes the same.
func appendUnits(b []byte, v float64) []byte {
	if v >= 0 && v < 1e15 && v == math.Trunc(v) && !(v == 0 && math.Signbit(v)) {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return genai.AppendJSONFloat(b, v)
}

// unitsValid reports whether ev.Guardrail.Units is well-formed JSON: always, unless it was set
// from outside this package. What this merger wrote last is not checked again.
func (m *merger) unitsValid() bool {
	u, w := m.g.Units, m.written
	if len(u) == len(w) && &u[0] == &w[0] {
		return true
	}
	return jsonscan.Valid(u)
}

// unitName returns the text of a raw unit name of ev.Guardrail.Units, without allocating for
// the names Bedrock writes.
func unitName(name []byte) string {
	if len(name) >= 2 {
		switch string(name[1 : len(name)-1]) {
		case "topic_policy_units":
			return "topic_policy_units"
		case "content_policy_units":
			return "content_policy_units"
		case "content_policy_image_units":
			return "content_policy_image_units"
		case "word_policy_units":
			return "word_policy_units"
		case "sensitive_information_policy_units":
			return "sensitive_information_policy_units"
		case "sensitive_information_policy_free_units":
			return "sensitive_information_policy_free_units"
		case "contextual_grounding_policy_units":
			return "contextual_grounding_policy_units"
		case "automated_reasoning_policy_units":
			return "automated_reasoning_policy_units"
		}
	}
	return unquote(name)
}
