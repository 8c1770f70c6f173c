package guardrail

import (
	"strings"

	"github.com/genainorm/genainorm/genai"
)

// violation reports whether an automated reasoning finding kind reports the checked claims as
// wrong (invalid, impossible). The other kinds (valid, satisfiable, translationAmbiguous,
// tooComplex, noTranslations) are kept as assessments but are not findings.
func violation(kind string) bool { return kind == "invalid" || kind == "impossible" }

// reasoningFinding is the body of one automated reasoning finding (whatever its kind):
// translation.claims, translation.confidence, contradictingRules and supportingRules.
type reasoningFinding struct {
	claims, contradicting, supporting occurrences
	confidence                        amount
}

// read reads a finding's body; it reports false when its translation is neither an object
// nor null (the body is then ignored as a whole).
func (f *reasoningFinding) read(raw []byte) bool {
	var o object
	o.reset(raw)
	for n, v, ok := o.next(nil); ok; n, v, ok = o.next(nil) {
		switch string(nameOf(n)) {
		case "translation":
			switch v[0] {
			case 'n':
				f.claims.reset()
				f.confidence = amount{}
			case '{':
				var t object
				t.reset(v)
				for n, v, ok := t.next(nil); ok; n, v, ok = t.next(nil) {
					switch string(nameOf(n)) {
					case "claims":
						f.claims.add(v)
					case "confidence":
						f.confidence.read(v)
					}
				}
			default:
				return false
			}
		case "contradictingRules":
			f.contradicting.add(v)
		case "supportingRules":
			f.supporting.add(v)
		}
	}
	return true
}

// reasoning merges automatedReasoningPolicy.findings: one assessment per finding, typed by the
// finding's kind (INVALID, VALID, SATISFIABLE, IMPOSSIBLE, TRANSLATION_AMBIGUOUS, TOO_COMPLEX,
// NO_TRANSLATIONS), with the rule identifiers as Name, the claims in natural language as
// Match, and the translation confidence as Score. Findings carry no action: INVALID and
// IMPOSSIBLE are detections, the others are not.
func (m *merger) reasoning(base genai.Assessment, raw []byte) {
	if kind(raw) != '{' {
		return
	}
	var findings occurrences
	var p object
	p.reset(raw)
	for n, v, ok := p.next(m.idx); ok; n, v, ok = p.next(m.idx) {
		if string(nameOf(n)) == "findings" {
			findings.add(v)
		}
	}
	for i := 0; findings.at(i) != nil; i++ {
		it := itemsOf(findings.at(i))
		for f, ok := it.next(m.idx); ok; f, ok = it.next(m.idx) {
			if f[0] != '{' {
				m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: automatedReasoningPolicy.findings: finding is not an object")
				continue
			}
			var kinds object
			kinds.reset(f)
			for n, v, ok := kinds.next(m.idx); ok; n, v, ok = kinds.next(m.idx) {
				k := unquote(n)
				a := base
				a.Policy = genai.PolicyAutomatedReasoning
				a.Type = strings.ToUpper(snake(k))
				a.Detected.Set(violation(k))
				var rf reasoningFinding
				if v[0] == '{' && rf.read(v) {
					a.Name = identifiers(&rf.contradicting, &rf.supporting)
					a.Match = naturalLanguage(&rf.claims)
					if rf.confidence.ok {
						a.Score.Set(rf.confidence.v)
					}
				}
				m.add(a)
			}
		}
	}
}

// identifiers returns the distinct identifiers of the rules listed in every occurrence of
// contradictingRules, then of supportingRules, joined with commas.
func identifiers(lists ...*occurrences) string {
	var buf [8]string
	out := buf[:0]
	for _, l := range lists {
		for i := 0; l.at(i) != nil; i++ {
			it := itemsOf(l.at(i))
			for r, ok := it.next(nil); ok; r, ok = it.next(nil) {
				if id := field(r, "identifier"); id != "" && !contains(out, id) {
					out = append(out, id)
				}
			}
		}
	}
	return strings.Join(out, ",")
}

// naturalLanguage returns the naturalLanguage of every claim, joined with semicolons.
func naturalLanguage(claims *occurrences) string {
	var buf [8]string
	out := buf[:0]
	for i := 0; claims.at(i) != nil; i++ {
		it := itemsOf(claims.at(i))
		for s, ok := it.next(nil); ok; s, ok = it.next(nil) {
			if t := field(s, "naturalLanguage"); t != "" {
				out = append(out, t)
			}
		}
	}
	return strings.Join(out, "; ")
}

// field returns the scalar member name of the object raw as a string (its last readable
// occurrence), or "".
func field(raw []byte, name string) string {
	s := ""
	var o object
	o.reset(raw)
	for n, v, ok := o.next(nil); ok; n, v, ok = o.next(nil) {
		if string(nameOf(n)) == name {
			if t, ok := text(v); ok {
				s = t
			}
		}
	}
	return s
}
