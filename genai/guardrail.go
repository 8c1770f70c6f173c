package genai

import (
	"slices"
	"strings"
)

// Guardrail is every guardrail or content-filter result seen on one event.
type Guardrail struct {
	// IDs are the guardrail ids seen (trace keys, guardrailConfig, ApplyGuardrail identifier).
	IDs []string
	// Version is the guardrail version, when known.
	Version string
	// Assessments holds one entry per assessed policy item, detected or not.
	Assessments []Assessment
	// Intervened reports that the provider intervened: Bedrock INTERVENED / guardrail_intervened
	// / GUARDRAIL_INTERVENED, Azure filtered / content_filter.
	Intervened bool
	// Action is the provider's overall action verbatim ("INTERVENED", "GUARDRAIL_INTERVENED", "NONE").
	Action string
	// ActionReason is the provider's reason text, when given.
	ActionReason string
	// Latency is the guardrail processing latency in milliseconds (summed over assessments).
	Latency Opt[int64]
	// Units are the policy units consumed, as a JSON object (policy name -> units).
	Units []byte
	// Coverage of guarded text characters and images.
	TextGuarded, TextTotal     Opt[int64]
	ImagesGuarded, ImagesTotal Opt[int64]
	// NotRun lists filters that did not run (Azure filter "error" entries), so that an absent
	// verdict is not read as "safe".
	NotRun []string
	// Seen holds fingerprints of the provider result objects already merged into this
	// Guardrail, so that a decoder fed the same trace several times (a stream repeating it in
	// several chunks) counts it once. Renderers ignore it. Fingerprints are only comparable
	// within one process.
	Seen []uint64
}

// Direction says which side of the exchange an assessment looked at.
type Direction string

// The directions.
const (
	DirectionInput  Direction = "input"
	DirectionOutput Direction = "output"
)

// The shared policy vocabulary (gen_ai.policy.name values), one for every vendor.
const (
	PolicyContent            = "content_policy"
	PolicyTopic              = "topic_policy"
	PolicyWord               = "word_policy"
	PolicySensitiveInfo      = "sensitive_information_policy"
	PolicyContextual         = "contextual_grounding_policy"
	PolicyAutomatedReasoning = "automated_reasoning_policy"
	PolicyProtectedMaterial  = "protected_material_policy"
)

// The shared action vocabulary (gen_ai.policy.action values).
const (
	ActionBlocked    = "BLOCKED"
	ActionAnonymized = "ANONYMIZED"
	ActionNone       = "NONE"
)

// The shared confidence vocabulary (gen_ai.policy.confidence values).
const (
	ConfidenceNone   = "NONE"
	ConfidenceLow    = "LOW"
	ConfidenceMedium = "MEDIUM"
	ConfidenceHigh   = "HIGH"
)

// Assessment is one assessed policy item.
type Assessment struct {
	GuardrailID      string
	GuardrailVersion string
	Direction        Direction
	// Policy is the snake_case policy name (PolicyContent, ...).
	Policy string
	// Type is the item type upper-case: HATE, PROMPT_ATTACK, DENY, PROFANITY, EMAIL, GROUNDING...
	// It becomes gen_ai.compliance.violation_code.
	Type string
	// Action is the provider's action upper-case (BLOCKED, ANONYMIZED, NONE).
	Action string
	// Detected is the provider's detected flag, when given.
	Detected Opt[bool]
	// Confidence is NONE/LOW/MEDIUM/HIGH (content filters; Azure severity maps here).
	Confidence string
	// Strength is the configured filter strength (Bedrock filterStrength).
	Strength string
	// Name is the item's own name: topic name, regex name, blocklist id.
	Name string
	// Match is the matched text (word, PII value, regex match).
	Match string
	// Regex is the pattern of a regular-expression item.
	Regex string
	// Score and Threshold are grounding / relevance scores.
	Score     Opt[float64]
	Threshold Opt[float64]
	// Modality is "text" or "image" when the provider says.
	Modality string
	// Native is the provider's own category name when it differs from Type ("self_harm", "jailbreak").
	Native string
}

// Triggered reports whether the item counts as a finding: an action other than NONE, or a
// detection the provider flagged (observe mode keeps action NONE with detected true). Decoders
// whose provider lists only findings without a detected flag set Detected themselves.
func (a *Assessment) Triggered() bool {
	if a.Action != "" && a.Action != ActionNone {
		return true
	}
	return a.Detected.Valid && a.Detected.Value
}

// Derived is the policy, compliance and OWASP view computed from a Guardrail.
type Derived struct {
	PolicyNames       []string
	PolicyActions     []string
	PolicyConfidences []string
	ViolationCodes    []string
	// Matches are the items with a match or a score (gen_ai.policy.match_detail), as JSON.
	Matches           []byte
	ViolationDetected Opt[bool]
	RequestTriggered  []string
	ResponseTriggered []string
	// OWASPIDs are sorted; OWASPDescriptions are their names in the same order.
	OWASPIDs          []string
	OWASPDescriptions []string
}

// Derive computes the derived policy, compliance and OWASP fields from the assessments, the
// same way for every vendor. Arrays are sorted and de-duplicated (as Elastic's pipeline does).
// Only triggered items (see Assessment.Triggered) count, so a clean assessment adds nothing,
// while an observe-mode detection (action NONE) shows in every array. ViolationDetected is
// set, to true, only when the provider intervened; it is never false (absent means no
// intervention, as in Elastic's documents). Matches holds the distinct triggered items that
// have a match or a score, in the order seen, each rendered with the provider item's own
// members (action, match, name, regex, score, threshold, type), as Elastic writes them.
func (g *Guardrail) Derive() Derived { return g.derive(nil, nil) }

// derive is Derive with the string lists cut from *arena and the match details from *buf,
// which it grows, so that a renderer reusing them allocates nothing per document; nil ones
// allocate.
func (g *Guardrail) derive(arena *[]string, buf *[]byte) Derived {
	var d Derived
	if g.Intervened {
		d.ViolationDetected = Some(true)
	}
	if len(g.Assessments) == 0 {
		return d
	}
	if arena == nil {
		arena = new([]string)
	}
	// One pass over the triggered items collects the distinct non-empty values of every list
	// (policy names, actions, confidences, violation codes, the request's and the response's
	// policies), the OWASP entries, and whether any item has a match detail.
	var bufs [derivedLists][8]string
	var lists [derivedLists][]string
	for i := range lists {
		lists[i] = bufs[i][:0]
	}
	var owaspBuf [8]*OWASP
	owasp := owaspBuf[:0]
	matches := false
	for i := range g.Assessments {
		a := &g.Assessments[i]
		if !a.Triggered() {
			continue
		}
		lists[0] = addDistinct(lists[0], a.Policy)
		lists[1] = addDistinct(lists[1], a.Action)
		lists[2] = addDistinct(lists[2], a.Confidence)
		lists[3] = addDistinct(lists[3], a.Type)
		switch a.Direction {
		case DirectionInput:
			lists[4] = addDistinct(lists[4], a.Policy)
		case DirectionOutput:
			lists[5] = addDistinct(lists[5], a.Policy)
		}
		if a.Match != "" || a.Score.Valid || a.Threshold.Valid {
			matches = true
		}
		if o := OWASPFor(a); o != nil && !slices.Contains(owasp, o) {
			owasp = append(owasp, o)
		}
	}
	// Each list is cut from the arena and sorted there.
	var out [derivedLists][]string
	for i, l := range lists {
		if len(l) == 0 {
			continue
		}
		start := len(*arena)
		*arena = append(*arena, l...)
		out[i] = (*arena)[start:len(*arena):len(*arena)]
		if len(l) > 1 {
			slices.Sort(out[i])
		}
	}
	d.PolicyNames, d.PolicyActions, d.PolicyConfidences, d.ViolationCodes = out[0], out[1], out[2], out[3]
	d.RequestTriggered, d.ResponseTriggered = out[4], out[5]
	if len(owasp) > 0 {
		// The descriptions follow the ids' order, so that the two arrays pair up.
		slices.SortFunc(owasp, func(a, b *OWASP) int { return strings.Compare(a.ID, b.ID) })
		start := len(*arena)
		for _, o := range owasp {
			*arena = append(*arena, o.ID)
		}
		d.OWASPIDs = (*arena)[start:len(*arena):len(*arena)]
		start = len(*arena)
		for _, o := range owasp {
			*arena = append(*arena, o.Name)
		}
		d.OWASPDescriptions = (*arena)[start:len(*arena):len(*arena)]
	}
	if matches {
		if buf == nil {
			buf = new([]byte)
		}
		start := len(*buf)
		*buf = appendMatchDetailJSON(*buf, g.Assessments)
		d.Matches = (*buf)[start:len(*buf):len(*buf)]
	}
	return d
}

// derivedLists is how many string lists derive collects in its pass over the assessments.
const derivedLists = 6

// addDistinct appends v to l unless it is empty or already there.
func addDistinct(l []string, v string) []string {
	if v == "" {
		return l
	}
	for _, x := range l {
		if x == v {
			return l
		}
	}
	return append(l, v)
}

// matchKey is what makes two match_detail entries the same.
type matchKey struct {
	action, match, name, regex, typ string
	score, threshold                Opt[float64]
}

// appendMatchDetailJSON renders the distinct triggered items that have a match or a score, in
// the order seen.
func appendMatchDetailJSON(b []byte, items []Assessment) []byte {
	b = append(b, '[')
	var seenBuf [8]matchKey
	seen := seenBuf[:0]
	for i := range items {
		a := &items[i]
		if !a.Triggered() || (a.Match == "" && !a.Score.Valid && !a.Threshold.Valid) {
			continue
		}
		k := matchKey{a.Action, a.Match, a.Name, a.Regex, a.Type, a.Score, a.Threshold}
		if slices.Contains(seen, k) {
			continue
		}
		if len(seen) > 0 {
			b = append(b, ',')
		}
		seen = append(seen, k)
		o := jsonObject{b: b}
		o.str(`"action":`, a.Action)
		o.str(`"match":`, a.Match)
		o.str(`"name":`, a.Name)
		o.str(`"regex":`, a.Regex)
		if a.Score.Valid {
			o.float(`"score":`, a.Score.Value)
		}
		if a.Threshold.Valid {
			o.float(`"threshold":`, a.Threshold.Value)
		}
		o.str(`"type":`, a.Type)
		b = o.close()
	}
	return append(b, ']')
}

// OWASP is one entry of the OWASP Top 10 for LLM Applications 2025.
type OWASP struct {
	ID   string
	Name string
}

// The OWASP Top 10 for LLM Applications 2025 entries findings map to.
var (
	OWASPPromptInjection      = &OWASP{ID: "LLM01", Name: "Prompt Injection"}
	OWASPSensitiveInformation = &OWASP{ID: "LLM02", Name: "Sensitive Information Disclosure"}
	OWASPImproperOutput       = &OWASP{ID: "LLM05", Name: "Improper Output Handling"}
	OWASPMisinformation       = &OWASP{ID: "LLM09", Name: "Misinformation"}
	OWASPUnboundedConsumption = &OWASP{ID: "LLM10", Name: "Unbounded Consumption"}
)

// OWASPFor maps a triggered finding to its OWASP Top 10 for LLM Applications 2025 entry, or nil.
// Prompt attacks, jailbreaks and indirect attacks are LLM01; PII, regexes and protected material
// are LLM02; grounding and relevance failures are LLM09 (misinformation).
func OWASPFor(a *Assessment) *OWASP {
	switch a.Policy {
	case PolicySensitiveInfo, PolicyProtectedMaterial:
		return OWASPSensitiveInformation
	case PolicyContextual, PolicyAutomatedReasoning:
		return OWASPMisinformation
	case PolicyContent:
		if a.Type == "PROMPT_ATTACK" {
			return OWASPPromptInjection
		}
	}
	return nil
}
