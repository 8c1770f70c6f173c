package azureopenai

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// The compliance codes (gen_ai.compliance.violation_code) Azure content filters map to. Codes
// shared with Bedrock guardrails (HATE, SEXUAL, VIOLENCE, PROMPT_ATTACK, PROFANITY, GROUNDING)
// are spelled as Bedrock spells them. Custom blocklist matches have no code, as Bedrock's
// custom words have none: they are word_policy items named by the blocklist id.
const (
	CodeHate                  = "HATE"
	CodeSexual                = "SEXUAL"
	CodeViolence              = "VIOLENCE"
	CodeSelfHarm              = "SELF_HARM"
	CodePromptAttack          = "PROMPT_ATTACK"
	CodeProfanity             = "PROFANITY"
	CodeProtectedMaterialText = "PROTECTED_MATERIAL_TEXT"
	CodeProtectedMaterialCode = "PROTECTED_MATERIAL_CODE"
	CodeGrounding             = "GROUNDING"
)

// filterItem is one entry of a content_filter_results object, in any of its shapes:
// {filtered, severity}, {filtered, detected}, {filtered, detected, citation}, {filtered, id},
// {filtered, details[]}, {detected, filtered, details[] (ungrounded offsets)}, {error}.
type filterItem struct {
	Filtered flexBool     `json:"filtered"`
	Detected flexBool     `json:"detected"`
	Severity flexString   `json:"severity"`
	ID       flexString   `json:"id"`
	Citation *citation    `json:"citation"`
	Details  []filterItem `json:"details"`
	Error    *filterError `json:"error"`
}

type citation struct {
	URL     flexString `json:"url,case:ignore"`
	License flexString `json:"license,case:ignore"`
}

type filterError struct {
	Code    flexString `json:"code"`
	Message flexString `json:"message"`
}

// filterSink collects Azure's native annotations for the azure.open_ai.content_filter_results
// vendor field while they are mapped onto assessments.
type filterSink struct {
	buf []byte
}

func (s *filterSink) add(side string, index int64, raw []byte) {
	v := jsontext.Value(raw)
	if !compactPlain(raw) {
		v = jsontext.Value(bytes.Clone(raw))
		if v.Compact() != nil {
			return
		}
	}
	if v.Kind() != '{' {
		return
	}
	if len(s.buf) == 0 {
		s.buf = append(s.buf, '[')
	} else {
		s.buf = append(s.buf, ',')
	}
	s.buf = append(s.buf, `{"side":`...)
	s.buf = genai.AppendJSONString(s.buf, side)
	s.buf = append(s.buf, `,"index":`...)
	s.buf = strconv.AppendInt(s.buf, index, 10)
	s.buf = append(s.buf, `,"results":`...)
	s.buf = append(s.buf, v...)
	s.buf = append(s.buf, '}')
}

// compactPlain reports whether raw, a value a decoder of this package read (valid JSON), is
// as Value.Compact would leave it: no whitespace at all, and no escapes, the one thing the
// decoders' validation and Compact's might see differently.
func compactPlain(raw []byte) bool {
	for _, c := range raw {
		switch c {
		case ' ', '\t', '\n', '\r', '\\':
			return false
		}
	}
	return true
}

// contentCode is the compliance code of one of the four harm categories.
func contentCode(norm string) string {
	switch norm {
	case "hate":
		return CodeHate
	case "sexual":
		return CodeSexual
	case "violence":
		return CodeViolence
	case "self_harm":
		return CodeSelfHarm
	}
	return ""
}

func (s *filterSink) flush(ev *genai.Event) {
	if len(s.buf) == 0 {
		return
	}
	ev.SetVendor(genai.AzureOpenAIContentFilterResults, genai.JSONValue(append(s.buf, ']')))
	s.buf = nil
}

// ContentFilter maps one Azure content_filter_results object (a prompt's, a choice's, or an
// error's inner content_filter_result) onto ev.Guardrail: one assessment per category, the
// intervention flag for filtered items, and NotRun entries for filter errors. dir says which
// side of the exchange the object annotates. It reports whether the object could be read.
func ContentFilter(ev *genai.Event, raw []byte, dir genai.Direction) bool {
	if !plainASCII(raw) {
		return contentFilterSlow(ev, raw, dir)
	}
	var dec jsonscan.Decoder
	dec.Reset(raw)
	tok, err := dec.ReadToken()
	if err != nil || tok.Kind() != '{' {
		return false
	}
	for dec.PeekKind() == '"' {
		tok, err := dec.ReadToken()
		if err != nil {
			return false
		}
		name := string(tok.Raw()[1 : len(tok.Raw())-1]) // plain ASCII: no escapes
		val, err := dec.ReadValue()
		if err != nil {
			return false
		}
		filterEntry(ev, name, val, dir)
	}
	return true
}

// plainASCII reports whether b has only ASCII bytes and no backslash (no escapes).
func plainASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || c == '\\' {
			return false
		}
	}
	return true
}

// contentFilterSlow is ContentFilter over jsontext, for objects with escapes or non-ASCII
// bytes, whose names jsontext unquotes its own way.
func contentFilterSlow(ev *genai.Event, raw []byte, dir genai.Direction) bool {
	dec := jsontext.NewDecoder(bytes.NewReader(raw), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	tok, err := dec.ReadToken()
	if err != nil || tok.Kind() != '{' {
		return false
	}
	for dec.PeekKind() == '"' {
		tok, err := dec.ReadToken()
		if err != nil {
			return false
		}
		name := tok.String() // read before the next call voids the token
		val, err := dec.ReadValue()
		if err != nil {
			return false
		}
		filterEntry(ev, name, val, dir)
	}
	return true
}

func notRun(ev *genai.Event, dir genai.Direction, name string) {
	s := string(dir) + "." + name
	for _, x := range ev.Guardrail.NotRun {
		if x == s {
			return
		}
	}
	ev.Guardrail.NotRun = append(ev.Guardrail.NotRun, s)
}

func filterEntry(ev *genai.Event, name string, val jsontext.Value, dir genai.Direction) {
	norm := lower(strings.ReplaceAll(strings.TrimSpace(name), "-", "_"))
	if norm == "error" {
		notRun(ev, dir, "content_filter")
		return
	}
	if norm == "custom_blocklists" || norm == "custom_blocklist" {
		customBlocklists(ev, val, dir)
		return
	}
	if val.Kind() != '{' {
		return
	}
	var it filterItem
	if decodeInto(val, &it) != nil {
		ev.Warn(genai.WarnFieldTypeUnexpected, "content filter result "+strconv.Quote(name)+" has an unexpected shape")
		return
	}
	if it.Error != nil && !it.Filtered.Valid && !it.Detected.Valid && it.Severity == "" {
		notRun(ev, dir, norm)
		return
	}
	a := genai.Assessment{Direction: dir, Native: norm}
	switch norm {
	case "hate", "sexual", "violence", "self_harm":
		a.Policy = genai.PolicyContent
		a.Type = contentCode(norm)
	case "jailbreak", "indirect_attack":
		a.Policy, a.Type = genai.PolicyContent, CodePromptAttack
	case "profanity":
		a.Policy, a.Type = genai.PolicyWord, CodeProfanity
	case "protected_material_text":
		a.Policy, a.Type = genai.PolicyProtectedMaterial, CodeProtectedMaterialText
	case "protected_material_code":
		a.Policy, a.Type = genai.PolicyProtectedMaterial, CodeProtectedMaterialCode
	case "ungrounded_material", "groundedness":
		a.Policy, a.Type = genai.PolicyContextual, CodeGrounding
	default:
		if !it.Filtered.Valid && !it.Detected.Valid && it.Severity == "" {
			return // not a filter result
		}
		a.Policy, a.Type = norm, strings.ToUpper(norm)
		ev.Warn(genai.WarnUnknownPolicy, "unknown Azure content filter category "+strconv.Quote(name)+"; kept under its own name")
	}
	fill(&a, &it)
	if a.Type == CodePromptAttack && a.Confidence == "" && a.Detected.Valid {
		// Prompt Shields are binary detectors with no severity; a detection is reported with
		// confidence HIGH, as Bedrock reports the prompt attacks it blocks, so that rules on
		// high-confidence prompt-attack blocks read both vendors the same way.
		a.Confidence = genai.ConfidenceNone
		if a.Detected.Value {
			a.Confidence = genai.ConfidenceHigh
		}
	}
	if it.Citation != nil {
		a.Match = strings.TrimSpace(string(it.Citation.URL))
		a.Name = strings.TrimSpace(string(it.Citation.License))
	}
	addAssessment(ev, a)
}

// fill sets action, detection and confidence from an item.
func fill(a *genai.Assessment, it *filterItem) {
	filtered := it.Filtered.Valid && it.Filtered.Value
	a.Action = genai.ActionNone
	if filtered {
		a.Action = genai.ActionBlocked
	}
	sev := strings.TrimSpace(string(it.Severity))
	if sev != "" {
		a.Confidence = severityConfidence(sev)
	}
	switch {
	case it.Detected.Valid:
		a.Detected = genai.Some(it.Detected.Value || filtered)
	case sev != "":
		a.Detected = genai.Some(filtered || a.Confidence != genai.ConfidenceNone)
	default:
		a.Detected = genai.Some(filtered)
	}
}

// severityConfidence maps an Azure severity (safe/low/medium/high, or Content Safety's numeric
// 0-7 levels) to the shared confidence vocabulary.
func severityConfidence(sev string) string {
	switch lower(sev) {
	case "safe", "none", "very_low":
		return genai.ConfidenceNone
	case "low":
		return genai.ConfidenceLow
	case "medium":
		return genai.ConfidenceMedium
	case "high":
		return genai.ConfidenceHigh
	}
	if n, err := strconv.Atoi(sev); err == nil {
		switch {
		case n <= 1:
			return genai.ConfidenceNone
		case n <= 3:
			return genai.ConfidenceLow
		case n <= 5:
			return genai.ConfidenceMedium
		default:
			return genai.ConfidenceHigh
		}
	}
	return strings.ToUpper(sev)
}

// customBlocklists reads custom_blocklists as an array of {filtered, id}, an object
// {filtered} or an object {filtered, details: [{filtered, id}]}.
func customBlocklists(ev *genai.Event, val jsontext.Value, dir genai.Direction) {
	var items []filterItem
	switch val.Kind() {
	case '[':
		if readFilterItems(val, &items) != nil {
			ev.Warn(genai.WarnFieldTypeUnexpected, "custom_blocklists has an unexpected shape")
			return
		}
	case '{':
		var it filterItem
		if decodeInto(val, &it) != nil {
			ev.Warn(genai.WarnFieldTypeUnexpected, "custom_blocklists has an unexpected shape")
			return
		}
		if it.Error != nil {
			notRun(ev, dir, "custom_blocklists")
			return
		}
		if len(it.Details) > 0 {
			items = it.Details
		} else {
			items = []filterItem{it}
		}
	default:
		return
	}
	for i := range items {
		it := &items[i]
		a := genai.Assessment{Direction: dir, Policy: genai.PolicyWord, Native: "custom_blocklists", Name: string(it.ID)}
		fill(&a, it)
		addAssessment(ev, a)
	}
}

// addAssessment appends a, merging it into an equal item already seen (streams annotate the
// same category once per segment): a block wins over no action, detection is or-ed and the
// higher confidence is kept.
func addAssessment(ev *genai.Event, a genai.Assessment) {
	if a.Action == genai.ActionBlocked {
		ev.Guardrail.Intervened = true
	}
	as := ev.Guardrail.Assessments
	for i := range as {
		b := &as[i]
		if b.Direction != a.Direction || b.Policy != a.Policy || b.Type != a.Type || b.Name != a.Name || b.Native != a.Native || b.Match != a.Match {
			continue
		}
		if a.Action == genai.ActionBlocked {
			b.Action = a.Action
		}
		if a.Detected.Valid {
			b.Detected = genai.Some(a.Detected.Value || (b.Detected.Valid && b.Detected.Value))
		}
		if confidenceRank(a.Confidence) > confidenceRank(b.Confidence) {
			b.Confidence = a.Confidence
		}
		return
	}
	ev.Guardrail.Assessments = append(ev.Guardrail.Assessments, a)
}

func confidenceRank(c string) int {
	switch c {
	case genai.ConfidenceNone:
		return 1
	case genai.ConfidenceLow:
		return 2
	case genai.ConfidenceMedium:
		return 3
	case genai.ConfidenceHigh:
		return 4
	case "":
		return 0
	}
	return 1
}

func (it *filterItem) members(s *objScan) error {
	s.exact = true
	var seenDetails bool
	for s.nextName() {
		switch s.name {
		case "citation", "details", "error":
		default:
			if !s.value() {
				return s.err
			}
		}
		v := s.val
		var err error
		switch s.name {
		case "filtered":
			it.Filtered.set(v)
		case "detected":
			it.Detected.set(v)
		case "severity":
			err = it.Severity.set(v)
		case "id":
			err = it.ID.set(v)
		case "citation":
			err = ptrIn(&it.Citation, s)
		case "details":
			err = sliceIn(&it.Details, &seenDetails, s)
		case "error":
			err = ptrIn(&it.Error, s)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (c *citation) members(s *objScan) error {
	s.exact = false // case:ignore names
	for s.next() {
		var err error
		switch s.fold {
		case "URL":
			err = c.URL.set(s.val)
		case "LICENSE":
			err = c.License.set(s.val)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (e *filterError) members(s *objScan) error {
	s.exact = true
	for s.next() {
		var err error
		switch s.name {
		case "code":
			err = e.Code.set(s.val)
		case "message":
			err = e.Message.set(s.val)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

// readFilterItems reads an array of filter items as unmarshal into []filterItem does.
func readFilterItems(v jsontext.Value, items *[]filterItem) error {
	if out, err := readSlice[filterItem](v); err == nil {
		*items = out
		return nil
	}
	*items = nil
	return unmarshal(v, items)
}
