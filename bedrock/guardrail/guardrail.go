package guardrail

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"

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

// keyPrefix starts both guardrail keys of an InvokeModel body: "amazon-bedrock-guardrailAction"
// and "amazon-bedrock-trace" (and "amazon-bedrock-invocationMetrics", which carries none).
var keyPrefix = []byte(`"amazon-bedrock-`)

// hasGuardrailKey reports whether obj holds "amazon-bedrock-guardrailAction" or
// "amazon-bedrock-trace" anywhere, in one search over it.
func hasGuardrailKey(obj []byte) bool {
	key, _ := guardrailKeys(obj)
	return key
}

// guardrailKeys reports, in one search over obj, whether it holds
// "amazon-bedrock-guardrailAction" or "amazon-bedrock-trace" anywhere (key), and whether it
// may hold a trace: "-bedrock-trace\"" after its first bytes (trace; a trace key written with
// escapes is not seen).
func guardrailKeys(obj []byte) (key, trace bool) {
	// The search is for "-bedrock-", whose first byte is rare in JSON (a quote, the first
	// byte of keyPrefix, is everywhere), and each hit is checked for the whole key. It goes
	// on after an action key, which most chunks with one end with, to rule out a trace.
	const mid = len(`"amazon`)
	if len(obj) < len(keyPrefix) {
		return false, false
	}
	for i := mid; ; {
		j := bytes.Index(obj[i:], keyPrefix[mid:])
		if j < 0 {
			return key, trace
		}
		i += j
		rest := obj[i+len(keyPrefix)-mid:]
		amazon := at(obj, i-mid, `"amazon`)
		if at(rest, 0, `trace"`) {
			trace = true
			key = key || amazon
		} else if amazon && at(rest, 0, `guardrai`) && at(rest, 8, `lAction"`) {
			key = true
		}
		if key && trace {
			return true, true
		}
		i += len(keyPrefix) - mid
	}
}

// at reports whether b holds lit at i. The callers' literals are constants of at most eight
// bytes, which the compiler compares inline.
func at(b []byte, i int, lit string) bool {
	return i >= 0 && len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit
}

// DecodeInvoke reads the guardrail fields of an InvokeModel response body or of one
// InvokeModelWithResponseStream chunk (amazon-bedrock-guardrailAction, and
// amazon-bedrock-trace.guardrail with its input map, outputs list, modelOutput and
// actionReason) into ev.Guardrail. It is called once per chunk for streams: results already
// merged from an earlier chunk are not added twice. An object without guardrail keys costs one
// scan. INTERVENED sets ev.Guardrail.Intervened.
func DecodeInvoke(obj []byte, ev *genai.Event) { decodeInvoke(obj, false, ev) }

// DecodeInvokeValid is DecodeInvoke for an obj already known to be one well-formed JSON value
// (read by a validating decoder, as the bedrock invocation decoder reads response bodies and
// stream chunks): it skips the pass that validates obj, the larger part of the cost of a body
// with a guardrail trace. Given malformed JSON it does not panic, but what it merges is
// unspecified.
func DecodeInvokeValid(obj []byte, ev *genai.Event) { decodeInvoke(obj, true, ev) }

func decodeInvoke(obj []byte, valid bool, ev *genai.Event) {
	key, trace := guardrailKeys(obj)
	if !key {
		return
	}
	if kind(obj) != '{' {
		return
	}
	// Most chunks with a guardrail key carry only the action: without a trace (its key not
	// even in the text), one walk of the members reads it, with no merger or index to set up.
	if valid && !trace {
		if a, ok := tailAction(obj); ok {
			applyAction(ev, a)
			return
		}
		if actionOnly(obj, ev) {
			return
		}
	}
	var action string
	var traces occurrences
	member := func(name, val []byte) {
		switch string(nameOf(name)) {
		case "amazon-bedrock-guardrailAction":
			if s, ok := text(val); ok {
				action = s
			}
		case "amazon-bedrock-trace":
			traces.add(val)
		}
	}
	m := newMerger(ev)
	defer m.done()
	if valid {
		// One pass indexes the whole object: the walk of its members and of the traces
		// in it steps over their objects and arrays instead of scanning them again.
		scanIndexed(obj, m.idx, member)
	} else if !scan(obj, false, member) {
		var o invokeObject
		ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: response body: "+legacyError(obj, &o))
		return
	}
	explicit := m.action(action)
	for i := 0; traces.at(i) != nil; i++ {
		m.idx.build(traces.at(i))
		var t object
		t.reset(traces.at(i))
		for name, val, ok := t.next(m.idx); ok; name, val, ok = t.next(m.idx) {
			if string(nameOf(name)) == "guardrail" {
				m.trace(val)
			}
		}
	}
	m.flush()
	if !explicit && m.blocked {
		m.g.Intervened = true
	}
}

// tailAction reads the guardrail action of a well-formed object that ends with it, as the
// chunks of a stream that carry one do:
//
//	{...,"amazon-bedrock-guardrailAction":"INTERVENED"}
//
// It is what actionOnly applies: the last member of the object is the last occurrence of the
// action. ok is false when obj does not end so, or when it may hold a trace key written with
// escapes (a \u anywhere): actionOnly then walks it.
func tailAction(obj []byte) (action string, ok bool) {
	const key = `"amazon-bedrock-guardrailAction"`
	n := len(obj)
	if n < len(key)+5 || obj[n-1] != '}' || obj[n-2] != '"' {
		return "", false
	}
	// The value's opening quote is real (a colon comes before it), so the value holds no
	// quote; without a backslash it is plain. The key's opening quote, after a comma or a
	// brace, is real too (inside a string it would follow a backslash): the key is a name,
	// and its value, followed by the object's closing brace, is the last top-level member.
	q := bytes.LastIndexByte(obj[:n-2], '"')
	if k := q - 1 - len(key); k < 1 || obj[q-1] != ':' || !at(obj, k, `"amazon-`) || !at(obj, k+8, `bedrock-`) ||
		!at(obj, k+16, `guardrai`) || !at(obj, k+24, `lAction"`) {
		return "", false
	}
	if c := obj[q-2-len(key)]; c != ',' && c != '{' {
		return "", false
	}
	if bytes.IndexByte(obj[q+1:n-2], '\\') >= 0 || bytes.Contains(obj, []byte(`\u`)) {
		return "", false
	}
	return word(obj[q : n-1]), true
}

// actionOnly is decodeInvoke of a well-formed object without a trace: it applies the
// object's guardrail action. It reports false, having done nothing, when the object has a
// trace after all (its key written with escapes).
func actionOnly(obj []byte, ev *genai.Event) bool {
	var action string
	var o object
	o.reset(obj)
	for n, v, ok := o.next(nil); ok; n, v, ok = o.next(nil) {
		switch string(nameOf(n)) {
		case "amazon-bedrock-guardrailAction":
			if s, ok := text(v); ok {
				action = s
			}
		case "amazon-bedrock-trace":
			return false
		}
	}
	applyAction(ev, action)
	return true
}

// DecodeConverseTrace reads a Converse response's or ConverseStream metadata event's "trace"
// object into ev.Guardrail: trace.guardrail with inputAssessment (map guardrail id ->
// assessment), outputAssessments (a list of such maps, or a map of guardrail id -> list of
// assessments), modelOutput and actionReason. Converse traces carry no action flag: the caller
// sets ev.Guardrail.Intervened from stopReason guardrail_intervened, and DecodeConverseTrace
// sets it too when an item was BLOCKED or ANONYMIZED.
func DecodeConverseTrace(trace []byte, ev *genai.Event) { decodeConverseTrace(trace, false, ev) }

// DecodeConverseTraceValid is DecodeConverseTrace for a trace already known to be one
// well-formed JSON value (read by a validating decoder, as the bedrock invocation decoder reads
// it): it skips the pass that validates the trace. Given malformed JSON it does not panic, but
// what it merges is unspecified.
func DecodeConverseTraceValid(trace []byte, ev *genai.Event) { decodeConverseTrace(trace, true, ev) }

// DecodeConverseTraceFirst is DecodeConverseTraceValid of the trace object that starts at
// rest[0], in a body known to be well-formed that runs on past the trace: it returns the
// trace's length (rest[:n] is the trace), found by the scan that indexes the trace for its
// walks, so that the caller need not find the trace's end first. rest that does not start with
// '{' holds no trace: it returns 0.
func DecodeConverseTraceFirst(rest []byte, ev *genai.Event) int {
	if len(rest) == 0 || rest[0] != '{' {
		return 0
	}
	m := newMerger(ev)
	defer m.done()
	n := m.idx.buildFirst(rest)
	m.converseTrace(rest[:n], true)
	return n
}

func decodeConverseTrace(trace []byte, valid bool, ev *genai.Event) {
	if kind(trace) != '{' {
		return
	}
	m := newMerger(ev)
	defer m.done()
	m.converseTrace(trace, valid)
}

// converseTrace merges a Converse trace object: its guardrail members.
func (m *merger) converseTrace(trace []byte, valid bool) {
	var guardrails occurrences
	member := func(name, val []byte) {
		if string(nameOf(name)) == "guardrail" {
			guardrails.add(val)
		}
	}
	if valid {
		scanIndexed(trace, m.idx, member) // indexed once for the walks below (see decodeInvoke)
	} else if !scan(trace, false, member) {
		var t members
		m.ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: converse trace: "+legacyError(trace, &t))
		return
	}
	for i := 0; guardrails.at(i) != nil; i++ {
		m.trace(guardrails.at(i))
	}
	m.flush()
	if m.blocked {
		m.g.Intervened = true
	}
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
	var id, version, trace, mode string
	ok := scan(cfg, false, func(name, val []byte) {
		var dst *string
		switch string(nameOf(name)) {
		case "guardrailIdentifier":
			dst = &id
		case "guardrailVersion":
			dst = &version
		case "trace":
			dst = &trace
		case "streamProcessingMode":
			dst = &mode
		default:
			return
		}
		if s, ok := text(val); ok {
			*dst = s
		}
	})
	if !ok {
		var c config
		ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: guardrailConfig: "+legacyError(cfg, &c))
		return
	}
	m := merger{ev: ev, g: &ev.Guardrail} // no index: it walks nothing
	id = m.identifier(id)
	m.addID(id)
	m.version(id, version)
	setVendorString(ev, genai.AWSBedrockGuardrailTrace, strings.ToLower(trace))
	setVendorString(ev, genai.AWSBedrockGuardrailStreamProcessingMode, mode)
}

// merger merges guardrail results into one event.
type merger struct {
	ev *genai.Event
	g  *genai.Guardrail
	// blocked records that an item with an action other than NONE was added.
	blocked bool
	// sawUsage and sawCoverage record that an assessment carried policy units / coverage.
	sawUsage, sawCoverage bool
	// written is the ev.Guardrail.Units this merger wrote last.
	written []byte
	// us[:nus] is ev.Guardrail.Units as merged so far when usOK (the units of this merger's
	// assessments, added to what Units held before); usDirty when Units is still to be set
	// from it (by flush).
	us            [16]unit
	nus           int
	usOK, usDirty bool
	// idx indexes the trace (or response) being merged: one of indexes, so that a merger
	// does not clear its arrays (some 3 KB) at every call.
	idx *index
}

// indexes holds the indexes of the mergers done.
var indexes = sync.Pool{New: func() any { return new(index) }}

// newMerger returns a merger into ev with an index; done gives the index back.
func newMerger(ev *genai.Event) merger {
	return merger{ev: ev, g: &ev.Guardrail, idx: indexes.Get().(*index)}
}

// done gives back the merger's index, holding on to nothing of the input.
func (m *merger) done() {
	m.idx.root, m.idx.n = nil, 0
	indexes.Put(m.idx)
	m.idx = nil
}

// action applies an overall action flag; it reports whether there was one.
func (m *merger) action(a string) bool { return applyAction(m.ev, a) }

// applyAction applies an overall action flag to ev.Guardrail; it reports whether there was one.
func applyAction(ev *genai.Event, a string) bool {
	a = strings.TrimSpace(a)
	if a == "" {
		return false
	}
	g := &ev.Guardrail
	switch strings.ToUpper(a) {
	case ActionIntervened, ActionGuardrailIntervened:
		g.Intervened = true
		g.Action = a
	case ActionNone:
		if g.Action == "" {
			g.Action = a
		}
	default:
		if g.Action == "" {
			g.Action = a
		}
		ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock guardrail: unknown guardrail action "+a)
	}
	return true
}

// trace merges amazon-bedrock-trace.guardrail (InvokeModel) or trace.guardrail (Converse):
// input / inputAssessment, outputs / outputAssessments, modelOutput and actionReason; both
// shapes are read from either place.
func (m *merger) trace(raw []byte) {
	if kind(raw) != '{' {
		return
	}
	m.idx.build(raw)
	var input, outputs, inputAssessment, outputAssessments []byte
	var reason string
	var modelOutput occurrences
	var t object
	t.reset(raw)
	for name, val, ok := t.next(m.idx); ok; name, val, ok = t.next(m.idx) {
		switch string(nameOf(name)) {
		case "input":
			input = val
		case "outputs":
			outputs = val
		case "inputAssessment":
			inputAssessment = val
		case "outputAssessments":
			outputAssessments = val
		case "modelOutput":
			modelOutput.add(val)
		case "actionReason":
			if s, ok := text(val); ok {
				reason = s
			}
		}
	}
	m.byID(genai.DirectionInput, input)
	m.byID(genai.DirectionInput, inputAssessment)
	m.byID(genai.DirectionOutput, outputs)
	m.byID(genai.DirectionOutput, outputAssessments)
	if r := strings.TrimSpace(reason); r != "" && m.g.ActionReason == "" {
		m.g.ActionReason = r
	}
	var buf [4]string
	if outs := appendTexts(buf[:0], &modelOutput, m.idx); len(outs) > 0 {
		setVendorStrings(m.ev, genai.AWSBedrockGuardrailModelOutput, outs...)
	}
}

// appendTexts appends the non-empty scalars of every occurrence of a member read as a list of
// strings (an array of scalars, or a single scalar). x, when not nil, indexes a value that
// holds the occurrences.
func appendTexts(dst []string, o *occurrences, x *index) []string {
	for i := 0; o.at(i) != nil; i++ {
		v := o.at(i)
		switch v[0] {
		case '[':
			a := arrayOf(v)
			for e, ok := a.next(x); ok; e, ok = a.next(x) {
				if s, _ := text(e); s != "" {
					dst = append(dst, s)
				}
			}
		case '{':
		default:
			if s, _ := text(v); s != "" {
				dst = append(dst, s)
			}
		}
	}
	return dst
}

// byID reads assessments keyed by guardrail id in any of the shapes Bedrock writes: a map
// id -> assessment, a map id -> list of assessments, or a list of such maps.
func (m *merger) byID(dir genai.Direction, raw []byte) {
	switch kind(raw) {
	case '[':
		a := arrayOf(raw)
		for v, ok := a.next(m.idx); ok; v, ok = a.next(m.idx) {
			if v[0] == '{' {
				m.byID(dir, v)
			}
		}
	case '{':
		var o object
		o.reset(raw)
		for name, val, ok := o.next(m.idx); ok; name, val, ok = o.next(m.idx) {
			switch val[0] {
			case '{':
				m.assessment(dir, m.idOf(name), val)
			case '[':
				id := m.idOf(name)
				a := arrayOf(val)
				for v, ok := a.next(m.idx); ok; v, ok = a.next(m.idx) {
					m.assessment(dir, id, v)
				}
			}
		}
	}
}

// idOf returns the guardrail id a raw member name spells, reusing the string of an id already
// recorded, or of one read recently by any merger (see recentText).
func (m *merger) idOf(name []byte) string {
	if len(name) >= 2 && name[0] == '"' {
		inner := name[1 : len(name)-1]
		for _, id := range m.g.IDs {
			if id == string(inner) {
				if plainText(inner) {
					return id
				}
				break
			}
		}
		if name[len(name)-1] == '"' && plainText(inner) {
			return recentText(inner)
		}
	}
	return unquote(name)
}

// recentTexts holds the strings of recently read guardrail ids and words, by hash; a stored
// string is never modified. What filters matched is never stored (see matchText): it may be
// personal data, which must not outlive the documents it is in.
var recentTexts [256]atomic.Pointer[string]

// recentText returns string(inner), reusing the string of a recent id or word (logs repeat a
// few guardrail ids, and the words and entities their filters match).
func recentText(inner []byte) string {
	slot := &recentTexts[maphash.Bytes(seenSeed, inner)%uint64(len(recentTexts))]
	if p := slot.Load(); p != nil && *p == string(inner) {
		return *p
	}
	s := string(inner)
	slot.Store(&s)
	return s
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
	// The object, the larger part, by the runtime's hash (many bytes per instruction); the
	// direction and id, a few bytes, by hash.
	h := hash(hash(hashSeed, []byte(dir)), []byte(id))
	h = (h ^ maphash.Bytes(seenSeed, raw)) * hashPrime
	h ^= h >> 29
	for _, s := range m.g.Seen {
		if s == h {
			return true
		}
	}
	if m.g.Seen == nil {
		m.g.Seen = make([]uint64, 0, 8)
	}
	m.g.Seen = append(m.g.Seen, h)
	return false
}

// seenSeed seeds the fingerprints of seen: they are compared only within one process.
var seenSeed = maphash.MakeSeed()

const (
	hashSeed  = 14695981039346656037
	hashPrime = 0x9e3779b97f4a7c15
)

// hash continues a 64-bit hash over b, eight bytes at a time, followed by its length (so that
// the parts of a key hashed one after the other stay apart). It only fingerprints the objects
// already merged into one event.
func hash(h uint64, b []byte) uint64 {
	n := uint64(len(b))
	for len(b) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(b)) * hashPrime
		h ^= h >> 29
		b = b[8:]
	}
	var tail uint64
	for i, c := range b {
		tail |= uint64(c) << (8 * i)
	}
	h = (h ^ tail ^ n<<56) * hashPrime
	h ^= h >> 29
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
	if len(vs) > 0 {
		out = make([]string, 0, len(vs))
	}
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
