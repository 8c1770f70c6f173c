package guardrail

import (
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

// The automated reasoning finding kinds that report the checked claims as wrong. The other
// kinds (valid, satisfiable, translationAmbiguous, tooComplex, noTranslations) are kept as
// assessments but are not findings.
var reasoningViolations = map[string]bool{"invalid": true, "impossible": true}

// reasoningFinding is the body of one automated reasoning finding (whatever its kind).
type reasoningFinding struct {
	Translation struct {
		Claims     list `json:"claims"`
		Confidence num  `json:"confidence"`
	} `json:"translation"`
	Contradicting list `json:"contradictingRules"`
	Supporting    list `json:"supportingRules"`
}

// reasoning merges automatedReasoningPolicy.findings: one assessment per finding, typed by the
// finding's kind (INVALID, VALID, SATISFIABLE, IMPOSSIBLE, TRANSLATION_AMBIGUOUS, TOO_COMPLEX,
// NO_TRANSLATIONS), with the rule identifiers as Name, the claims in natural language as
// Match, and the translation confidence as Score. Findings carry no action: INVALID and
// IMPOSSIBLE are detections, the others are not.
func (m *merger) reasoning(base genai.Assessment, raw jsontext.Value) {
	var p struct {
		Findings list `json:"findings"`
	}
	if kind(raw) != '{' {
		return
	}
	if err := unmarshal(raw, &p); err != nil {
		m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: automatedReasoningPolicy: "+err.Error())
		return
	}
	for _, f := range p.Findings {
		var kinds members
		if kind(f) != '{' || unmarshal(f, &kinds) != nil {
			m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: automatedReasoningPolicy.findings: finding is not an object")
			continue
		}
		for _, k := range kinds {
			a := base
			a.Policy = genai.PolicyAutomatedReasoning
			a.Type = strings.ToUpper(snake(k.Name))
			a.Detected.Set(reasoningViolations[k.Name])
			var rf reasoningFinding
			if kind(k.Value) == '{' && unmarshal(k.Value, &rf) == nil {
				a.Name = strings.Join(identifiers(append(rf.Contradicting, rf.Supporting...)), ",")
				a.Match = strings.Join(naturalLanguage(rf.Translation.Claims), "; ")
				if rf.Translation.Confidence.ok {
					a.Score.Set(rf.Translation.Confidence.v)
				}
			}
			m.add(a)
		}
	}
}

func identifiers(rules list) []string {
	var out []string
	for _, r := range rules {
		var x struct {
			ID str `json:"identifier"`
		}
		if kind(r) == '{' && unmarshal(r, &x) == nil && x.ID != "" && !contains(out, string(x.ID)) {
			out = append(out, string(x.ID))
		}
	}
	return out
}

func naturalLanguage(statements list) []string {
	var out []string
	for _, s := range statements {
		var x struct {
			Text str `json:"naturalLanguage"`
		}
		if kind(s) == '{' && unmarshal(s, &x) == nil && x.Text != "" {
			out = append(out, string(x.Text))
		}
	}
	return out
}
