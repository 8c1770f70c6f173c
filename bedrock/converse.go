package bedrock

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// The Converse API has one request and one response shape for every model, so Converse and
// ConverseStream bodies are decoded here rather than by the model family decoders. A
// ConverseStream record's output body is the summed-up Converse response, not the events.
//
// Messages, system prompts and tool definitions are rendered as the OpenTelemetry GenAI JSON
// shapes (gen_ai.input.messages, gen_ai.output.messages, gen_ai.system_instructions,
// gen_ai.tool.definitions):
//
//	[{"role":"user","parts":[{"type":"text","content":"..."}]}]

// msgWriter accumulates an OTel message array and the plain text it carries.
type msgWriter struct {
	buf   []byte
	n     int // messages written
	parts int // parts in the current message
	text  []byte
	role  string // role of the last message
}

func (w *msgWriter) startMessage(role string) {
	w.startMessageAs(role, "")
}

// startMessageAs is startMessage for a role whose opening, `{"role":"<role>","parts":[`,
// open holds when it is not empty.
func (w *msgWriter) startMessageAs(role, open string) {
	if w.n == 0 {
		w.buf = append(w.buf, '[')
	} else {
		w.buf = append(w.buf, ',')
	}
	w.n++
	w.parts = 0
	w.role = role
	if open != "" {
		w.buf = append(w.buf, open...)
		return
	}
	w.buf = append(w.buf, `{"role":`...)
	w.buf = ivAppendJSONString(w.buf, role)
	w.buf = append(w.buf, `,"parts":[`...)
}

func (w *msgWriter) endMessage(finishReason string) {
	w.buf = append(w.buf, ']')
	if finishReason != "" {
		w.buf = append(w.buf, `,"finish_reason":`...)
		w.buf = ivAppendJSONString(w.buf, finishReason)
	}
	w.buf = append(w.buf, '}')
}

// part starts a part object of the given type; members are appended with member/rawMember,
// and the part is closed by endPart.
func (w *msgWriter) part(typ string) {
	if w.parts > 0 {
		w.buf = append(w.buf, ',')
	}
	w.parts++
	w.buf = append(w.buf, `{"type":`...)
	w.buf = ivAppendJSONString(w.buf, typ)
}

func (w *msgWriter) member(k, v string) { w.memberJSON(k, v, nil) }

// memberJSON is member for a value v that raw, when not nil, already holds as a JSON string
// (see readTextJSON). The keys are plain names, written as they are.
func (w *msgWriter) memberJSON(k, v string, raw []byte) {
	if v == "" {
		return
	}
	w.buf = append(w.buf, ',', '"')
	w.buf = append(w.buf, k...)
	w.buf = append(w.buf, '"', ':')
	if raw != nil {
		w.buf = append(w.buf, raw...)
	} else {
		w.buf = ivAppendJSONString(w.buf, v)
	}
}

func (w *msgWriter) rawMember(k string, v []byte) {
	if len(v) == 0 {
		return
	}
	// The keys are plain names (see memberJSON), written as they are.
	w.buf = append(w.buf, ',', '"')
	w.buf = append(w.buf, k...)
	w.buf = append(w.buf, '"', ':')
	w.buf = append(w.buf, v...)
}

// ivAppendJSONString is genai.AppendJSONString for the short strings of a message's
// structure (roles, part types, finish reasons): printable ASCII without quotes or
// backslashes is written as it is without the general quoting's setup.
func ivAppendJSONString(b []byte, s string) []byte {
	if len(s) > 32 {
		return genai.AppendJSONString(b, s)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return genai.AppendJSONString(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func (w *msgWriter) endPart() { w.buf = append(w.buf, '}') }

func (w *msgWriter) textPart(s string, collect bool) { w.textPartJSON(s, nil, collect) }

// textPartRaw writes a text part for a non-empty text that raw holds as a JSON string, as
// textPartJSON does, without collecting it.
func (w *msgWriter) textPartRaw(raw []byte) {
	if w.parts > 0 {
		w.buf = append(w.buf, ',')
	}
	w.parts++
	w.buf = append(w.buf, `{"type":"text","content":`...)
	w.buf = append(w.buf, raw...)
	w.buf = append(w.buf, '}')
}

// textPartJSON is textPart for a text that raw, when not nil, holds as a JSON string.
func (w *msgWriter) textPartJSON(s string, raw []byte, collect bool) {
	if w.parts > 0 {
		w.buf = append(w.buf, ',')
	}
	w.parts++
	switch {
	case s == "":
		w.buf = append(w.buf, `{"type":"text"}`...)
	case raw != nil:
		w.buf = append(w.buf, `{"type":"text","content":`...)
		w.buf = append(w.buf, raw...)
		w.buf = append(w.buf, '}')
	default:
		w.buf = append(w.buf, `{"type":"text","content":`...)
		w.buf = genai.AppendJSONString(w.buf, s)
		w.buf = append(w.buf, '}')
	}
	if collect && s != "" {
		if len(w.text) > 0 {
			w.text = append(w.text, '\n')
		}
		w.text = append(w.text, s...)
	}
}

func (w *msgWriter) close() []byte {
	if w.n == 0 {
		return nil
	}
	return append(w.buf, ']')
}

// decodeConverseRequest reads a Converse request body.
func (d *invocationDecoder) decodeConverseRequest(body []byte, ev *genai.Event, b *bodies) {
	dec := &d.body
	dec.Reset(body)
	d.scratch = d.scratch[:0]
	var msgs, sys msgWriter
	// The arrays are built in decoder scratch and copied out at their exact size: a body's
	// messages are often a small part of it (tool schemas, system prompts), and an array grown
	// from nothing is copied at each growth.
	msgs.buf, sys.buf = d.msgBuf[:0], d.sysBuf[:0]
	msgs.text = d.text[:0] // copied into Request.Text below
	err := d.converseRequestMembers(dec, ev, b, &msgs, &sys)
	if err != nil && err != errIvNotObject {
		ev.Warn(genai.WarnBodyUnreadable, "Converse request body: "+err.Error())
	}
	if out := msgs.close(); out != nil {
		ev.Request.InputMessages = append(d.evBytes(len(out)), out...)
		msgs.buf = out
	}
	if out := sys.close(); out != nil {
		ev.Request.SystemInstructions = append(d.evBytes(len(out)), out...)
		sys.buf = out
	}
	d.msgBuf, d.sysBuf = msgs.buf[:0], sys.buf[:0]
	ev.Request.Text = string(msgs.text)
	d.text = msgs.text[:0]
	ev.Request.OutputType = ivFirstNonEmpty(ev.Request.OutputType, "text")
	if len(b.kinds) > 1 { // sorted already otherwise
		sortKinds(b.kinds)
	}
}

// converseRequestMembers reads the members of a Converse request body. The member walks of
// the Converse bodies are straight loops over the cursor (sOpen, sName, sMore) rather than
// callbacks passed to sEachMember: no indirect calls, no captured variables in memory.
func (d *invocationDecoder) converseRequestMembers(dec *ivCursor, ev *genai.Event, b *bodies, msgs, sys *msgWriter) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for next := 0; ; {
		k, name, err := sNameIndex(dec, converseRequestNames, next)
		if name == nil || err != nil {
			return err
		}
		next = k + 1
		switch k { // the index in converseRequestNames
		case 0: // messages
			err = ivTolerate(d.converseMessages(dec, msgs, b))
		case 3: // system
			err = d.converseSystem(dec, sys)
		case 1: // inferenceConfig
			err = ivTolerate(converseInferenceConfig(dec, &ev.Request))
		case 2: // additionalModelRequestFields
			err = ivTolerate(converseAdditionalFields(dec, &ev.Request))
		case 4: // toolConfig
			err = d.converseTools(dec, ev)
		case 5: // guardrailConfig
			var v jsontext.Value
			v, err = dec.ReadValue()
			if err == nil && len(v) > 0 && v[0] == '{' {
				guardrail.DecodeConfig(v, ev)
			}
		case 6: // outputConfig
			err = ivTolerate(sEachMember(dec, func(name []byte) error {
				if string(name) != `"textFormat"` {
					return dec.SkipValue()
				}
				return ivTolerate(sEachMember(dec, func(name []byte) error {
					if string(name) != `"type"` {
						return dec.SkipValue()
					}
					s, err := d.readText(dec)
					if strings.HasPrefix(s, "json") {
						ev.Request.OutputType = "json"
					}
					return err
				}))
			}))
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// converseMessages reads a request's messages array.
func (d *invocationDecoder) converseMessages(dec *ivCursor, msgs *msgWriter, b *bodies) error {
	if err := sOpen(dec, '['); err != nil {
		return err
	}
	for {
		more, err := sMore(dec)
		if !more || err != nil {
			return err
		}
		if d.converseInputMessage(dec, msgs, b) {
			continue
		}
		if err := d.converseMessage(dec, msgs, b, true); err != nil {
			return err
		}
	}
}

// converseInputMessage writes the request message c is positioned at straight into w when it
// starts {"role":"<role>","content":[ and ends with its content, as a JSON encoder writes
// one: the content's parts need no scratch writer to wait for the role. Text blocks
// ({"text":"..."}) are read in place, other blocks by converseBlock. It reports false, with c
// and w as they were, for a message in any other layout (or a truncated one), which
// converseMessage then reads.
func (d *invocationDecoder) converseInputMessage(c *ivCursor, w *msgWriter, b *bodies) bool {
	data := c.data
	start := c.pos
	if start < len(data) && data[start] == ',' {
		start++
	}
	// The keys and the common roles are compared as literals, which the compiler compares a
	// word at a time in place.
	i := start + 9
	if i > len(data) || string(data[start:i]) != `{"role":"` {
		return false
	}
	n, text, msgs, parts, lastRole := len(w.buf), len(w.text), w.n, w.parts, w.role
	var role string
	switch {
	case len(data)-i >= 17 && string(data[i:i+5]) == `user"` && string(data[i+5:i+17]) == `,"content":[`:
		role, c.pos = "user", i+17
		w.startMessageAs(role, `{"role":"user","parts":[`)
	case len(data)-i >= 22 && string(data[i:i+10]) == `assistant"` && string(data[i+10:i+22]) == `,"content":[`:
		role, c.pos = "assistant", i+22
		w.startMessageAs(role, `{"role":"assistant","parts":[`)
	default:
		c.pos = i - 1 // at the role's quote
		var err error
		role, err = d.readText(c)
		if err != nil || len(data)-c.pos < 12 || string(data[c.pos:c.pos+12]) != `,"content":[` {
			c.pos = start
			return false
		}
		c.pos += 12
		w.startMessage(role)
	}
	collect := role == "user" // only the user's words count as prompt text
blocks:
	for {
		i := c.pos
		if i >= len(data) {
			break
		}
		switch data[i] {
		case ']':
			if i+1 >= len(data) || data[i+1] != '}' {
				break blocks
			}
			c.pos = i + 2
			w.endMessage("")
			return true
		case ',':
			i++
		}
		if d.converseTextBlock(c, i, w, b, true, collect) || d.converseGuardBlock(c, i, w, b, collect) {
			continue
		}
		// Any other block, as converseBlocks reads it.
		c.pos = i
		t := len(w.text)
		if err := d.converseBlock(c, w, b, true); err != nil {
			break blocks
		}
		if !collect {
			w.text = w.text[:t]
		}
	}
	// Not in that layout after all: c and w as they were.
	c.pos = start
	w.buf, w.text, w.n, w.parts, w.role = w.buf[:n], w.text[:text], msgs, parts, lastRole
	return false
}

// converseTextBlock writes the text block at c.data[i] when it is {"text":"..."} (as
// converseBlock does, collect telling whether its text joins w's) and reports whether it did;
// c is then after the block.
func (d *invocationDecoder) converseTextBlock(c *ivCursor, i int, w *msgWriter, b *bodies, input, collect bool) bool {
	if len(c.data)-i < 9 || string(c.data[i:i+9]) != `{"text":"` {
		return false
	}
	// The text as readTextJSON reads it, except that a text with escapes is unquoted straight
	// into w's text, and only when it is collected.
	data, j := c.data, i+9 // j: the text's first byte
	end, kind := ivScanString(data, j)
	if end+1 >= len(data) || data[end+1] != '}' {
		return false
	}
	c.pos = end + 2
	raw, inner := data[j-1:end+1], data[j:end]
	switch kind {
	case ivCopyPlain:
		w.textPartJSON(unsafe.String(unsafe.SliceData(inner), len(inner)), raw, collect)
	case ivCopyEscaped: // not empty, nor is its text
		w.textPartRaw(raw)
		if collect {
			if len(w.text) > 0 {
				w.text = append(w.text, '\n')
			}
			w.text = ivAppendUnquoteSimple(w.text, inner)
		}
	default:
		s, _ := d.textOf(raw) // a closed string: no error
		w.textPartJSON(s, nil, collect)
	}
	d.kind(b, input, "text")
	return true
}

// ivAppendUnquoteSimple is jsonscan.AppendUnquoteSimple a word at a time: the runs between
// escapes are copied eight bytes at a time into room made once, rather than found with a
// search and appended per escape.
func ivAppendUnquoteSimple(dst, s []byte) []byte {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	n := len(dst)
	dst = slices.Grow(dst, len(s))
	out := dst[n : n+len(s)] // the text is never longer than its content
	i, j := 0, 0
	for i < len(s) {
		if i+8 <= len(s) {
			// j <= i: the word fits in out.
			w := binary.LittleEndian.Uint64(s[i:])
			binary.LittleEndian.PutUint64(out[j:], w)
			x := w ^ ('\\' * lsb)
			m := (x - lsb) &^ x & msb // the lowest byte flagged is a backslash
			if m == 0 {
				i += 8
				j += 8
				continue
			}
			k := bits.TrailingZeros64(m) >> 3
			i += k
			j += k
		}
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			switch e := s[i+1]; e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			default:
				c = e
			}
			i++
		}
		out[j] = c
		i++
		j++
	}
	return dst[:n+j]
}

// converseGuardBlock writes the request block at c.data[i] when it is
// {"guardContent":{"text":{"text":"...","qualifiers":[...]}}} (the qualifiers optional), as
// converseBlock does (collect telling whether its text joins w's), and reports whether it
// did; c is then after the block.
func (d *invocationDecoder) converseGuardBlock(c *ivCursor, i int, w *msgWriter, b *bodies, collect bool) bool {
	const guardKey, qualifiersKey, end = `{"guardContent":{"text":{"text":"`, `,"qualifiers":[`, `}}}`
	if len(c.data)-i < len(guardKey) || string(c.data[i:i+16]) != `{"guardContent":` || string(c.data[i+16:i+32]) != `{"text":{"text":` || c.data[i+32] != '"' {
		return false
	}
	c.pos = i + len(guardKey) - 1 // at the text's quote
	s, raw, err := d.readTextJSON(c)
	if err == nil && len(c.data)-c.pos >= len(qualifiersKey) && string(c.data[c.pos:c.pos+len(qualifiersKey)]) == qualifiersKey {
		c.pos += len(qualifiersKey) - 1 // at the array
		err = c.SkipValue()
	}
	if err != nil || len(c.data)-c.pos < 3 || string(c.data[c.pos:c.pos+3]) != end {
		c.pos = i
		return false
	}
	c.pos += len(end)
	w.textPartJSON(s, raw, collect)
	b.kinds = addKind(b.kinds, "guard_content")
	return true
}

// ivName is a member name, quoted, as sName returns it, made ready for sNameIndex: its first
// 16 bytes as two little-endian words and the masks of the bytes it has in them.
type ivName struct {
	w, m [2]uint64
	s    string
}

// ivNames makes the ivNames of names.
func ivNames(names ...string) []ivName {
	out := make([]ivName, len(names))
	for k, s := range names {
		var b [16]byte
		copy(b[:], s)
		n := &out[k]
		n.s = s
		for j := 0; j < len(s) && j < 16; j++ {
			n.m[j/8] |= 0xff << (8 * (j % 8))
		}
		n.w[0] = binary.LittleEndian.Uint64(b[:]) & n.m[0]
		n.w[1] = binary.LittleEndian.Uint64(b[8:]) & n.m[1]
	}
	return out
}

// sNameIndex reads the next member name of an open object as sName does and returns the
// index of the name among names, or -1 for another name (or none: name is then nil at the
// object's end, as sName returns it). A name among names is compared in place a word at a
// time, without the search for its end, starting with names[next] (the name expected next:
// the members of a body are mostly in the same order).
func sNameIndex(c *ivCursor, names []ivName, next int) (k int, name []byte, err error) {
	data, i := c.data, c.pos
	if i < len(data) && data[i] == ',' {
		i++
	}
	if i < len(data) && data[i] == '"' {
		var a, b uint64
		if len(data)-i >= 16 {
			a, b = binary.LittleEndian.Uint64(data[i:]), binary.LittleEndian.Uint64(data[i+8:])
		} else {
			// Near the end: the rest, padded with zero bytes, which no name holds.
			var pad [16]byte
			copy(pad[:], data[i:])
			a, b = binary.LittleEndian.Uint64(pad[:]), binary.LittleEndian.Uint64(pad[8:])
		}
		k := next
		for range names {
			if k >= len(names) {
				k = 0
			}
			n := &names[k]
			if a&n.m[0] == n.w[0] && b&n.m[1] == n.w[1] && (len(n.s) <= 16 || len(data)-i >= len(n.s) && string(data[i+16:i+len(n.s)]) == n.s[16:]) {
				c.pos = i + len(n.s)
				return k, data[i:c.pos], nil
			}
			k++
		}
	}
	if name, err = sName(c); name == nil || err != nil {
		return -1, name, err
	}
	return -1, name, nil
}

// The member names of a Converse request body that converseRequestMembers reads, most common
// first.
var converseRequestNames = ivNames(`"messages"`, `"inferenceConfig"`, `"additionalModelRequestFields"`, `"system"`, `"toolConfig"`, `"guardrailConfig"`, `"outputConfig"`)

// The member names of an inferenceConfig.
var converseInferenceNames = ivNames(`"maxTokens"`, `"temperature"`, `"topP"`, `"stopSequences"`)

// converseInferenceConfig reads a request's inferenceConfig.
func converseInferenceConfig(dec *ivCursor, r *genai.Request) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for next := 0; ; {
		k, name, err := sNameIndex(dec, converseInferenceNames, next)
		if name == nil || err != nil {
			return err
		}
		next = k + 1
		switch k { // the index in converseInferenceNames
		case 0:
			r.MaxTokens, err = sReadInt(dec)
		case 1:
			r.Temperature, err = ivReadFloat(dec)
		case 2:
			r.TopP, err = ivReadFloat(dec)
		case 3:
			r.StopSequences, err = ivReadStrings(dec)
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// The member names of additionalModelRequestFields that converseAdditionalFields reads.
var converseAdditionalNames = ivNames(`"top_k"`, `"topK"`, `"reasoning_effort"`, `"reasoningConfig"`, `"reasoning_config"`, `"thinking"`)

// converseAdditionalFields reads a request's additionalModelRequestFields: the top_k and the
// reasoning effort some models take.
func converseAdditionalFields(dec *ivCursor, r *genai.Request) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for {
		k, name, err := sNameIndex(dec, converseAdditionalNames, 0)
		if name == nil || err != nil {
			return err
		}
		switch k { // the index in converseAdditionalNames
		case 0, 1: // top_k, topK
			r.TopK, err = ivReadFloat(dec)
		case 2: // reasoning_effort
			r.ReasoningLevel, err = sReadString(dec)
		case 3, 4, 5: // reasoningConfig, reasoning_config, thinking
			err = ivTolerate(sEachMember(dec, func(name []byte) error {
				var err error
				switch string(name) {
				case `"maxReasoningEffort"`, `"effort"`:
					r.ReasoningLevel, err = sReadString(dec)
				case `"type"`:
					var s string
					if s, err = sReadString(dec); r.ReasoningLevel == "" && s == "enabled" {
						r.ReasoningLevel = s
					}
				default:
					err = dec.SkipValue()
				}
				return err
			}))
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// ivReadStrings is sReadStrings reading its strings with ivReadString.
func ivReadStrings(d *ivCursor) ([]string, error) { return sReadStringsWith(d, ivReadString) }

// ivReadString is sReadString (a new string, as jsonscan.Text makes it) reading a closed
// string in one pass (ivScanString), and unquoting one with only \" \\ \n \r \t escapes and
// valid UTF-8 itself, as jsonscan.Unquote would (its jsontext.AppendUnquote fails on invalid
// UTF-8) but without its general unquoting.
func ivReadString(d *ivCursor) (string, error) {
	data, i := d.data, d.pos
	if i < len(data) && (data[i] == ',' || data[i] == ':') {
		i++
	}
	if i < len(data) && data[i] == '"' {
		if end, kind := ivScanString(data, i+1); end < len(data) {
			inner := data[i+1 : end]
			switch {
			case kind == ivCopyPlain:
				d.pos = end + 1
				return string(inner), nil
			case kind == ivCopyEscaped && utf8.Valid(inner):
				d.pos = end + 1
				b := jsonscan.AppendUnquoteSimple(make([]byte, 0, len(inner)), inner)
				return unsafe.String(unsafe.SliceData(b), len(b)), nil
			}
		}
	}
	return sReadString(d)
}

// ivReadFloat is sReadFloat reading short decimal fractions (temperature 0.7) with ivFloat.
func ivReadFloat(c *ivCursor) (genai.Opt[float64], error) {
	v, err := c.ReadValue()
	if err != nil {
		return genai.Opt[float64]{}, err
	}
	f, ok := ivFloat(v)
	return genai.Opt[float64]{Value: f, Valid: ok}, nil
}

// ivFloat is jsonscan.Float. A plain non-negative number of at most 15 digits with a
// fraction is read as its digits over a power of ten, both exact in a float64, whose quotient
// IEEE division rounds as strconv.ParseFloat rounds the decimal; anything else goes to
// jsonscan.Float.
func ivFloat(v []byte) (float64, bool) {
	if len(v) > 16 || len(v) == 0 || v[0] < '0' || v[0] > '9' {
		return jsonscan.Float(v)
	}
	var n int64
	i := 0
	for ; i < len(v) && '0' <= v[i] && v[i] <= '9'; i++ {
		n = n*10 + int64(v[i]-'0')
	}
	if i == len(v) || v[i] != '.' || i+1 == len(v) {
		return jsonscan.Float(v)
	}
	j := i + 1
	for ; j < len(v) && '0' <= v[j] && v[j] <= '9'; j++ {
		n = n*10 + int64(v[j]-'0')
	}
	if j != len(v) || j-1 > 15 {
		return jsonscan.Float(v)
	}
	return float64(n) / ivPow10[j-i-1], true
}

// ivPow10 holds the powers of ten ivFloat divides by, all exact in a float64.
var ivPow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

func ivFirstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// converseSystem reads the system blocks into one pseudo-message whose parts become
// gen_ai.system_instructions (an array of parts). A plain string is tolerated.
func (d *invocationDecoder) converseSystem(dec *ivCursor, sys *msgWriter) error {
	if dec.PeekKind() == '"' {
		s, err := d.readText(dec)
		if s != "" {
			sys.addSystemPart(s)
		}
		return err
	}
	return ivTolerate(sEachElement(dec, func(int) error {
		return ivTolerate(sEachMember(dec, func(name []byte) error {
			switch string(name) {
			case `"text"`:
				s, raw, err := d.readTextJSON(dec)
				sys.addSystemPartJSON(s, raw)
				return err
			case `"guardContent"`:
				s, err := d.readGuardText(dec)
				sys.addSystemPart(s)
				return err
			}
			return dec.SkipValue()
		}))
	}))
}

// addSystemPart appends a text part to a bare parts array.
func (w *msgWriter) addSystemPart(s string) { w.addSystemPartJSON(s, nil) }

// addSystemPartJSON is addSystemPart for a text that raw, when not nil, holds as a JSON string.
func (w *msgWriter) addSystemPartJSON(s string, raw []byte) {
	if s == "" {
		return
	}
	if w.n == 0 {
		w.buf = append(w.buf, '[')
	} else {
		w.buf = append(w.buf, ',')
	}
	w.n++
	w.buf = append(w.buf, `{"type":"text","content":`...)
	if raw != nil {
		w.buf = append(w.buf, raw...)
	} else {
		w.buf = genai.AppendJSONString(w.buf, s)
	}
	w.buf = append(w.buf, '}')
}

// readGuardText reads a guardContent block's text ({"text":{"text":"..."}}).
func (d *invocationDecoder) readGuardText(dec *ivCursor) (string, error) {
	var s string
	err := ivTolerate(sEachMember(dec, func(name []byte) error {
		if string(name) != `"text"` {
			return dec.SkipValue()
		}
		return ivTolerate(sEachMember(dec, func(name []byte) error {
			if string(name) != `"text"` {
				return dec.SkipValue()
			}
			var err error
			s, err = d.readText(dec)
			return err
		}))
	}))
	return s, err
}

// converseMessage reads one Converse message ({"role","content":[blocks]}).
func (d *invocationDecoder) converseMessage(dec *ivCursor, w *msgWriter, b *bodies, input bool) error {
	if dec.PeekKind() != '{' {
		return dec.SkipValue()
	}
	// The role may come after the content: read the content into a scratch writer first.
	content := &d.content
	content.buf, content.text, content.n, content.parts = content.buf[:0], content.text[:0], 0, 0
	role, err := d.converseMessageMembers(dec, content, b, input)
	w.startMessage(role)
	w.buf = append(w.buf, content.buf...)
	w.parts += content.parts
	if input && role != "user" {
		// Only the user's words count as prompt text.
		w.endMessage("")
		return err
	}
	if len(content.text) > 0 {
		if len(w.text) > 0 {
			w.text = append(w.text, '\n')
		}
		w.text = append(w.text, content.text...)
	}
	if input {
		w.endMessage("")
	}
	return err
}

// converseMessageMembers reads the members of a message, its content into content, and
// returns its role (which aliases the body or d.scratch: it is only written out).
func (d *invocationDecoder) converseMessageMembers(dec *ivCursor, content *msgWriter, b *bodies, input bool) (role string, err error) {
	if err := sOpen(dec, '{'); err != nil {
		return "", err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return role, err
		}
		switch string(name) {
		case `"role"`:
			role, err = d.readText(dec)
		case `"content"`:
			if dec.PeekKind() == '"' { // tolerated: a plain string
				var s string
				var raw []byte
				s, raw, err = d.readTextJSON(dec)
				content.textPartJSON(s, raw, true)
				if input {
					b.kinds = addKind(b.kinds, "text")
				}
			} else {
				err = ivTolerate(d.converseBlocks(dec, content, b, input))
			}
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return role, err
		}
	}
}

// converseBlocks reads a content array, appending a part for each block.
func (d *invocationDecoder) converseBlocks(dec *ivCursor, w *msgWriter, b *bodies, input bool) error {
	if err := sOpen(dec, '['); err != nil {
		return err
	}
	for {
		more, err := sMore(dec)
		if !more || err != nil {
			return err
		}
		if d.converseTextBlock(dec, dec.pos, w, b, input, true) {
			continue
		}
		if err := d.converseBlock(dec, w, b, input); err != nil {
			return err
		}
	}
}

// converseBlock reads one content block and appends its part.
func (d *invocationDecoder) converseBlock(dec *ivCursor, w *msgWriter, b *bodies, input bool) error {
	if err := sOpen(dec, '{'); err != nil {
		return ivTolerate(err)
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return ivTolerate(err)
		}
		if err := d.converseBlockMember(dec, name, w, b, input); err != nil {
			return ivTolerate(err)
		}
	}
}

// converseBlockMember reads one member of a content block (its type, as a block has one
// member) and appends its part.
func (d *invocationDecoder) converseBlockMember(dec *ivCursor, name []byte, w *msgWriter, b *bodies, input bool) error {
	switch string(name) {
	case `"text"`:
		s, raw, err := d.readTextJSON(dec)
		w.textPartJSON(s, raw, true)
		d.kind(b, input, "text")
		return err
	case `"guardContent"`:
		s, err := d.readGuardText(dec)
		w.textPart(s, true)
		d.kind(b, input, "guard_content")
		return err
	case `"reasoningContent"`:
		var s string
		var raw []byte
		err := ivTolerate(sEachMember(dec, func(name []byte) error {
			if string(name) != `"reasoningText"` {
				return dec.SkipValue()
			}
			return ivTolerate(sEachMember(dec, func(name []byte) error {
				if string(name) != `"text"` {
					return dec.SkipValue()
				}
				var err error
				s, raw, err = d.readTextJSON(dec)
				return err
			}))
		}))
		w.part("reasoning")
		w.memberJSON("content", s, raw)
		w.endPart()
		d.kind(b, input, "reasoning")
		return err
	case `"toolUse"`:
		id, toolName, args, err := d.readToolUse(dec)
		w.part("tool_call")
		w.member("id", id)
		w.member("name", toolName)
		w.rawMember("arguments", args)
		w.endPart()
		d.kind(b, input, "tool_use")
		return ivTolerate(err)
	case `"toolResult"`:
		id, result, err := d.readToolResult(dec)
		w.part("tool_call_response")
		w.member("id", id)
		w.rawMember("response", result)
		w.endPart()
		d.kind(b, input, "tool_result")
		return ivTolerate(err)
	case `"image"`, `"document"`, `"video"`, `"audio"`:
		modality := ivModality(name)
		var m media
		err := d.readMedia(dec, &m)
		mime := mimeType(modality, m.format)
		if m.uri != "" {
			w.part("uri")
			w.member("modality", modality)
			w.member("mime_type", mime)
			w.memberJSON("uri", m.uri, m.uriRaw)
		} else {
			w.part("blob")
			w.member("modality", modality)
			w.member("mime_type", mime)
			w.memberJSON("content", m.data, m.dataRaw)
		}
		w.memberJSON("name", m.name, m.nameRaw)
		w.endPart()
		if input {
			b.kinds = addKind(b.kinds, ivMediaKind(modality, m.format))
		}
		return err
	case `"cachePoint"`:
		return dec.SkipValue()
	}
	// citationsContent, searchResult and future block types: a generic part.
	key := strings.Trim(string(name), `"`)
	w.part(key)
	w.endPart()
	d.kind(b, input, key)
	return dec.SkipValue()
}

// ivMediaKind returns a media block's content kind: its modality and format
// ("image/png"), or its modality alone. The kinds of the common formats are constants; others
// are built.
func ivMediaKind(modality, format string) string {
	switch format {
	case "":
		return modality
	case "png":
		if modality == "image" {
			return "image/png"
		}
	case "jpeg":
		if modality == "image" {
			return "image/jpeg"
		}
	case "pdf":
		if modality == "document" {
			return "document/pdf"
		}
	}
	return modality + "/" + format
}

// readToolUse reads a toolUse block: its id, name and input (raw).
func (d *invocationDecoder) readToolUse(dec *ivCursor) (id, toolName string, args jsontext.Value, err error) {
	if err := sOpen(dec, '{'); err != nil {
		return "", "", nil, err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return id, toolName, args, err
		}
		switch string(name) {
		case `"toolUseId"`:
			id, err = d.readText(dec)
		case `"name"`:
			toolName, err = d.readText(dec)
		case `"input"`:
			args, err = dec.ReadValue()
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return id, toolName, args, err
		}
	}
}

// readToolResult reads a toolResult block: its id and content (raw).
func (d *invocationDecoder) readToolResult(dec *ivCursor) (id string, result jsontext.Value, err error) {
	if err := sOpen(dec, '{'); err != nil {
		return "", nil, err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return id, result, err
		}
		switch string(name) {
		case `"toolUseId"`:
			id, err = d.readText(dec)
		case `"content"`:
			result, err = dec.ReadValue()
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return id, result, err
		}
	}
}

func (d *invocationDecoder) kind(b *bodies, input bool, k string) {
	if input {
		b.kinds = addKind(b.kinds, k)
	}
}

// media is what readMedia reads of a media block: its texts, and each of name, uri and data
// also as a JSON string when readTextJSON gives one (raw; nil when it is to be quoted again).
type media struct {
	format, name, uri, data  string
	nameRaw, uriRaw, dataRaw []byte
}

// The member names of a media block and of its source.
var (
	mediaNames       = ivNames(`"format"`, `"name"`, `"source"`)
	mediaSourceNames = ivNames(`"s3Uri"`, `"bytes"`, `"s3Location"`, `"uri"`, `"text"`)
)

// readMedia reads an image/document/video/audio block: its format, name, and either an S3
// location (source.s3Location.uri, or the log-only source.s3Uri) or inline bytes (already
// replaced by a placeholder when large).
func (d *invocationDecoder) readMedia(dec *ivCursor, m *media) error {
	if err := sOpen(dec, '{'); err != nil {
		return ivTolerate(err)
	}
	for next := 0; ; {
		k, n, err := sNameIndex(dec, mediaNames, next)
		if n == nil || err != nil {
			return ivTolerate(err)
		}
		next = k + 1
		switch k { // the index in mediaNames
		case 0:
			m.format, err = d.readText(dec)
		case 1:
			m.name, m.nameRaw, err = d.readTextJSON(dec)
		case 2:
			err = ivTolerate(d.readMediaSource(dec, m))
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return ivTolerate(err)
		}
	}
}

// readMediaSource reads a media block's source into m's uri or data.
func (d *invocationDecoder) readMediaSource(dec *ivCursor, m *media) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for next := 0; ; {
		k, n, err := sNameIndex(dec, mediaSourceNames, next)
		if n == nil || err != nil {
			return err
		}
		next = k + 1
		switch k { // the index in mediaSourceNames
		case 0, 3: // s3Uri, uri
			m.uri, m.uriRaw, err = d.readTextJSON(dec)
		case 2: // s3Location
			err = ivTolerate(sEachMember(dec, func(n []byte) error {
				if string(n) != `"uri"` {
					return dec.SkipValue()
				}
				var err error
				m.uri, m.uriRaw, err = d.readTextJSON(dec)
				return err
			}))
		case 1, 4: // bytes, text
			m.data, m.dataRaw, err = d.readTextJSON(dec)
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// ivModality returns the modality a media block's (quoted) name gives.
func ivModality(name []byte) string {
	switch string(name) {
	case `"image"`:
		return "image"
	case `"document"`:
		return "document"
	case `"video"`:
		return "video"
	}
	return "audio"
}

// readText reads the next value as text, as jsonscan.Text does, without allocating: the string
// aliases the body or d.scratch, so it must not outlive the body's decoding (it may only be
// copied into the output).
func (d *invocationDecoder) readText(dec *ivCursor) (string, error) {
	// A closed string is read in one pass (ivScanString), as readTextJSON reads it.
	data, i := dec.data, dec.pos
	if i < len(data) && (data[i] == ',' || data[i] == ':') {
		i++
	}
	if i < len(data) && data[i] == '"' {
		if end, kind := ivScanString(data, i+1); end < len(data) {
			dec.pos = end + 1
			inner := data[i+1 : end]
			switch {
			case kind == ivCopyPlain:
				return unsafe.String(unsafe.SliceData(inner), len(inner)), nil
			case kind == ivCopyEscaped && utf8.Valid(inner):
				// What textOf makes of it (jsontext.AppendUnquote, which fails on invalid
				// UTF-8), without its general unquoting.
				n := len(d.scratch)
				d.scratch = jsonscan.AppendUnquoteSimple(d.scratch, inner)
				t := d.scratch[n:]
				return unsafe.String(unsafe.SliceData(t), len(t)), nil
			}
			return d.textOf(data[i : end+1])
		}
	}
	v, err := dec.ReadValue()
	if err != nil {
		return "", err
	}
	return d.textOf(v)
}

// readTextJSON is readText that also returns the value as a JSON string when it is one that
// genai.AppendJSONString would write as it is (raw, with its quotes): no escapes other than
// \" \\ \n \r \t, no control byte and no U+2028/U+2029 (the body is valid UTF-8). Otherwise
// raw is nil and the text is to be quoted again. Such strings are most of a body's text: they
// are copied out instead of being unquoted and escaped again.
func (d *invocationDecoder) readTextJSON(dec *ivCursor) (s string, raw []byte, err error) {
	// A string, the common case, is read in one pass (ivScanString) rather than one for its
	// end and one for what it holds.
	data, i := dec.data, dec.pos
	if i < len(data) && (data[i] == ',' || data[i] == ':') {
		i++
	}
	if i < len(data) && data[i] == '"' {
		if end, kind := ivScanString(data, i+1); end < len(data) {
			dec.pos = end + 1
			inner := data[i+1 : end]
			switch kind {
			case ivCopyPlain:
				return unsafe.String(unsafe.SliceData(inner), len(inner)), data[i : end+1], nil
			case ivCopyEscaped:
				n := len(d.scratch)
				d.scratch = jsonscan.AppendUnquoteSimple(d.scratch, inner)
				t := d.scratch[n:]
				return unsafe.String(unsafe.SliceData(t), len(t)), data[i : end+1], nil
			}
			s, err = d.textOf(data[i : end+1])
			return s, nil, err
		}
	}
	return d.readTextJSONValue(dec)
}

// readTextJSONValue is readTextJSON for any value: what it reads with ReadValue.
func (d *invocationDecoder) readTextJSONValue(dec *ivCursor) (s string, raw []byte, err error) {
	v, err := dec.ReadValue()
	if err != nil || len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		if err == nil && len(v) > 0 && v[0] != '"' {
			s, err = d.textOf(v)
		}
		return s, nil, err
	}
	inner := v[1 : len(v)-1]
	_, kind := ivScanString(v, 1) // v is a valid string: its end is its last byte
	switch kind {
	case ivCopyPlain:
		return unsafe.String(unsafe.SliceData(inner), len(inner)), v, nil
	case ivCopyEscaped:
		n := len(d.scratch)
		d.scratch = jsonscan.AppendUnquoteSimple(d.scratch, inner)
		t := d.scratch[n:]
		return unsafe.String(unsafe.SliceData(t), len(t)), v, nil
	}
	s, err = d.textOf(v)
	return s, nil, err
}

// textOf is readText for a value already read.
func (d *invocationDecoder) textOf(v []byte) (string, error) {
	if len(v) == 0 {
		return "", nil
	}
	switch v[0] {
	case '"':
		if len(v) < 2 {
			return "", nil
		}
		inner := v[1 : len(v)-1]
		if bytes.IndexByte(inner, '\\') < 0 {
			return unsafe.String(unsafe.SliceData(inner), len(inner)), nil
		}
		n := len(d.scratch)
		d.scratch = ivAppendText(d.scratch, v)
		t := d.scratch[n:]
		return unsafe.String(unsafe.SliceData(t), len(t)), nil
	case 't', 'f', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return unsafe.String(unsafe.SliceData(v), len(v)), nil
	}
	return "", nil
}

// What ivScanString finds in a JSON string's content: whether it is what
// genai.AppendJSONString writes for its text, and whether it holds escapes.
const (
	ivCopyNo      = iota // escapes or bytes that quoting again would change
	ivCopyPlain          // no escape: the content is the text
	ivCopyEscaped        // only \" \\ \n \r \t escapes (see jsonscan.AppendUnquoteSimple)
)

// ivScanString returns the index of the closing quote of the JSON string whose content starts
// at data[i] (len(data) when it is not closed), as jsonscan.StringEnd does, and what its
// content holds (ivCopyNo, ivCopyPlain, ivCopyEscaped), in one pass: the first ivCopyableLong bytes a word at
// a time, stopping at quotes, backslashes, control bytes and bytes of multi-byte sequences;
// the rest of a longer string with jsonscan.QuoteOrSpecial (SIMD), U+2028 / U+2029 then
// searched by their first byte with bytes.IndexByte. For an unclosed string the kind is
// meaningless.
func ivScanString(data []byte, i int) (end, kind int) {
	const msb = 0x8080808080808080
	start := i
	kind = ivCopyPlain
	short := min(len(data), i+ivCopyableLong)
	for i < short {
		if i+8 <= len(data) {
			w := binary.LittleEndian.Uint64(data[i:])
			// The lowest byte flagged is a real one: SpecialMask's lowest is, and w&msb is
			// exact.
			m := jsonscan.SpecialMask(w) | w&msb
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
			if i >= short {
				break
			}
		}
		switch c := data[i]; {
		case c == '"':
			return i, kind
		case c == '\\':
			if i+1 >= len(data) {
				return len(data), ivCopyNo
			}
			kind = ivEscapeKind(kind, data[i+1])
			i += 2 // the backslash and the byte it escapes
		case c < 0x20:
			kind = ivCopyNo
			i++
		case c == 0xE2:
			// U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped by AppendJSONString.
			if i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9) {
				kind = ivCopyNo
			}
			i++
		default:
			i++
		}
	}
	if i >= len(data) {
		return len(data), ivCopyNo
	}
	// A long string: its plain runs stepped over with SIMD.
	for {
		i = jsonscan.QuoteOrSpecial(data, i)
		if i >= len(data) {
			return len(data), ivCopyNo
		}
		switch data[i] {
		case '"':
			if kind != ivCopyNo && ivHasLineSeparator(data[start:i]) {
				kind = ivCopyNo
			}
			return i, kind
		case '\\':
			if i+1 >= len(data) {
				return len(data), ivCopyNo
			}
			kind = ivEscapeKind(kind, data[i+1])
			i += 2
		default: // a control byte
			kind = ivCopyNo
			i++
		}
	}
}

// ivEscapeKind returns what a string's content that held kind holds after the escape of c
// (a backslash and c): simple escapes keep it copyable, others do not.
func ivEscapeKind(kind int, c byte) int {
	switch c {
	case '"', '\\', 'n', 'r', 't':
		if kind == ivCopyPlain {
			return ivCopyEscaped
		}
		return kind
	}
	return ivCopyNo
}

// ivHasLineSeparator reports whether s holds U+2028 or U+2029 (E2 80 A8, E2 80 A9).
func ivHasLineSeparator(s []byte) bool {
	for i := 0; ; {
		k := bytes.IndexByte(s[i:], 0xE2)
		if k < 0 {
			return false
		}
		i += k + 1
		if i+1 < len(s) && s[i] == 0x80 && (s[i+1] == 0xA8 || s[i+1] == 0xA9) {
			return true
		}
	}
}

// ivCopyableLong is the length from which ivScanString reads with the SIMD searches.
const ivCopyableLong = 64

// mimeType maps a Converse media format to a MIME type.
func mimeType(modality, format string) string {
	if format == "" {
		return ""
	}
	switch format {
	case "pdf":
		return "application/pdf"
	case "csv":
		return "text/csv"
	case "txt":
		return "text/plain"
	case "md":
		return "text/markdown"
	case "html":
		return "text/html"
	case "doc":
		return "application/msword"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "xls":
		return "application/vnd.ms-excel"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "jpeg", "jpg":
		return "image/jpeg"
	case "three_gp":
		return "video/3gpp"
	}
	if modality == "document" {
		return ""
	}
	return modality + "/" + format
}

// converseTools reads toolConfig.tools into gen_ai.tool.definitions.
func (d *invocationDecoder) converseTools(dec *ivCursor, ev *genai.Event) error {
	buf := d.toolBuf[:0] // copied out at its exact size below
	n := 0
	err := ivTolerate(sEachMember(dec, func(name []byte) error {
		if string(name) != `"tools"` {
			return dec.SkipValue()
		}
		return ivTolerate(sEachElement(dec, func(int) error {
			return ivTolerate(sEachMember(dec, func(name []byte) error {
				kind := string(name)
				if kind != `"toolSpec"` && kind != `"systemTool"` {
					return dec.SkipValue()
				}
				var toolName, desc string
				var schema jsontext.Value
				err := ivTolerate(sEachMember(dec, func(name []byte) error {
					var err error
					switch string(name) {
					case `"name"`:
						toolName, err = d.readText(dec)
					case `"description"`:
						desc, err = d.readText(dec)
					case `"inputSchema"`:
						err = ivTolerate(sEachMember(dec, func(name []byte) error {
							if string(name) != `"json"` {
								return dec.SkipValue()
							}
							var err error
							schema, err = dec.ReadValue()
							return err
						}))
					default:
						err = dec.SkipValue()
					}
					return err
				}))
				if n == 0 {
					buf = append(buf, '[')
				} else {
					buf = append(buf, ',')
				}
				n++
				typ := "function"
				if kind == `"systemTool"` {
					typ = "system"
				}
				w := msgWriter{buf: buf, parts: 0}
				w.part(typ)
				w.member("name", toolName)
				w.member("description", desc)
				w.rawMember("parameters", schema)
				w.endPart()
				buf = w.buf
				return err
			}))
		}))
	}))
	if n > 0 {
		buf = append(buf, ']')
		ev.Request.ToolDefinitions = append(d.evBytes(len(buf)), buf...)
	}
	d.toolBuf = buf[:0]
	return err
}

// decodeConverseResponse reads a Converse response body (also what a ConverseStream record
// logs).
func (d *invocationDecoder) decodeConverseResponse(body []byte, ev *genai.Event, b *bodies) {
	dec := &d.body
	dec.Reset(body)
	d.scratch = d.scratch[:0]
	content := &d.content
	content.buf, content.text, content.n, content.parts = content.buf[:0], content.text[:0], 0, 0
	var r converseResponse
	err := d.converseResponseMembers(dec, ev, b, &r)
	if err != nil && err != errIvNotObject {
		ev.Warn(genai.WarnBodyUnreadable, "Converse response body: "+err.Error())
	}
	role, stopReason := r.role, r.stopReason // alias the body or d.scratch
	if r.hasMessage && role == "" {
		role = "assistant"
	}
	var out msgWriter
	if r.hasMessage {
		out.buf = d.evBytes(len(content.buf) + 2*len(role) + 2*len(stopReason) + 48)
		if role == "assistant" {
			out.startMessageAs(role, `{"role":"assistant","parts":[`)
		} else {
			out.startMessage(role)
		}
		out.buf = append(out.buf, content.buf...)
		out.endMessage(ivFirstNonEmpty(stopReason, "unknown"))
		ev.Response.OutputMessages = out.close()
	}
	// The role and the stop reason are mostly constants (ivCommonText); the text and those that
	// are not share one new string, made with one copy.
	roleC, roleOK := ivCommonText(role)
	stopC, stopOK := ivCommonText(stopReason)
	n := 0
	if r.hasMessage {
		n += len(content.text)
		if !roleOK {
			n += len(role)
		}
	}
	if !stopOK {
		n += len(stopReason)
	}
	var sb strings.Builder
	sb.Grow(n)
	if r.hasMessage {
		sb.Write(content.text)
		if !roleOK {
			sb.WriteString(role)
		}
	}
	if !stopOK {
		sb.WriteString(stopReason)
	}
	all := sb.String()
	if r.hasMessage {
		ev.Response.Text, all = all[:len(content.text)], all[len(content.text):]
		if roleOK {
			ev.Request.Model.Role = roleC
		} else {
			ev.Request.Model.Role, all = all[:len(role)], all[len(role):]
		}
	}
	if stopOK {
		all = stopC
	}
	stopReason = all
	if stopReason != "" {
		if fr := ev.Response.FinishReasons; cap(fr) > 0 {
			ev.Response.FinishReasons = append(fr[:0], stopReason)
		} else {
			ev.Response.FinishReasons = []string{stopReason} // one allocation, without append's growth
		}
		if stopReason == "guardrail_intervened" {
			ev.Guardrail.Intervened = true
		}
	}
}

// ivCommonText returns s as a constant when it is a common role or stop reason (or empty),
// and reports whether it did: a string the event may keep without a copy.
func ivCommonText(s string) (string, bool) {
	switch s {
	case "":
		return "", true
	case "assistant":
		return "assistant", true
	case "end_turn":
		return "end_turn", true
	case "max_tokens":
		return "max_tokens", true
	case "tool_use":
		return "tool_use", true
	case "stop_sequence":
		return "stop_sequence", true
	case "guardrail_intervened":
		return "guardrail_intervened", true
	case "content_filtered":
		return "content_filtered", true
	}
	return "", false
}

// converseResponse is what decodeConverseResponse reads besides the content.
type converseResponse struct {
	role, stopReason string // aliasing the body or d.scratch
	hasMessage       bool
}

// converseResponseMembers reads the members of a Converse response body; the message's
// content goes to d.content.
func (d *invocationDecoder) converseResponseMembers(dec *ivCursor, ev *genai.Event, b *bodies, r *converseResponse) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for next := 0; ; {
		k, name, err := sNameIndex(dec, converseResponseNames, next)
		if name == nil || err != nil {
			return err
		}
		next = k + 1
		switch k { // the index in converseResponseNames
		case 0: // output
			err = ivTolerate(d.converseOutput(dec, b, r))
		case 1: // stopReason
			r.stopReason, err = d.readText(dec)
		case 3: // usage
			err = d.converseUsage(dec, ev)
		case 2: // metrics
			err = ivTolerate(converseMetrics(dec, ev))
		case 4: // trace
			// An object trace is read by the guardrail package from its start on: the scan
			// that indexes it for the guardrail walks finds its end too (the body was
			// validated when the record was read, and the cursor's body is compact).
			data, i := dec.data, dec.pos
			if i < len(data) && (data[i] == ',' || data[i] == ':') {
				i++
			}
			if i < len(data) && data[i] == '{' {
				n := guardrail.DecodeConverseTraceFirst(data[i:], ev)
				dec.pos = i + n
				d.promptRouter(data[i:i+n], ev)
			} else {
				err = dec.SkipValue()
			}
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// The member names of a Converse response body that converseResponseMembers reads, in
// Bedrock's order.
var converseResponseNames = ivNames(`"output"`, `"stopReason"`, `"metrics"`, `"usage"`, `"trace"`)

// converseOutput reads a response's output object: its message.
func (d *invocationDecoder) converseOutput(dec *ivCursor, b *bodies, r *converseResponse) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return err
		}
		if string(name) == `"message"` {
			r.hasMessage = true
			err = ivTolerate(d.converseOutputMessage(dec, b, r))
		} else {
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// converseOutputMessage reads a response's message: its role, and its content into d.content.
func (d *invocationDecoder) converseOutputMessage(dec *ivCursor, b *bodies, r *converseResponse) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return err
		}
		switch string(name) {
		case `"role"`:
			if i := dec.pos; len(dec.data)-i >= 12 && string(dec.data[i:i+12]) == `:"assistant"` {
				r.role, dec.pos = "assistant", i+12 // the common role, as a constant
				break
			}
			r.role, err = d.readText(dec)
		case `"content"`:
			err = ivTolerate(d.converseBlocks(dec, &d.content, b, false))
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// converseMetrics reads a response's metrics (latencyMs).
func converseMetrics(dec *ivCursor, ev *genai.Event) error {
	i := dec.pos
	if i < len(dec.data) && dec.data[i] == ':' {
		i++
	}
	// {"latencyMs":N}, as Bedrock writes it, without a member walk.
	if n, end, ok := ivIntAfter(dec.data, i, len(dec.data)-i >= 13 && string(dec.data[i:i+13]) == `{"latencyMs":`, 13); ok && dec.data[end] == '}' {
		dec.pos = end + 1
		ev.Performance.ResponseTime = genai.Some(n)
		return nil
	}
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return err
		}
		if string(name) == `"latencyMs"` {
			var v genai.Opt[int64]
			v, err = sReadInt(dec)
			if v.Valid {
				ev.Performance.ResponseTime = v
			}
		} else {
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// converseUsageMembers reads the counts of a usage object.
func converseUsageMembers(dec *ivCursor, in, out, total, cacheRead, cacheWrite *genai.Opt[int64]) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return err
		}
		var v genai.Opt[int64]
		switch string(name) {
		case `"inputTokens"`:
			*in, err = sReadInt(dec)
		case `"outputTokens"`:
			*out, err = sReadInt(dec)
		case `"totalTokens"`:
			*total, err = sReadInt(dec)
		case `"cacheReadInputTokens"`, `"cacheReadInputTokenCount"`:
			if v, err = sReadInt(dec); v.Valid && !cacheRead.Valid {
				*cacheRead = v
			}
		case `"cacheWriteInputTokens"`, `"cacheWriteInputTokenCount"`:
			if v, err = sReadInt(dec); v.Valid && !cacheWrite.Valid {
				*cacheWrite = v
			}
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// converseUsage reads a Converse usage object (documented names and the undocumented
// duplicates some models write).
func (d *invocationDecoder) converseUsage(dec *ivCursor, ev *genai.Event) error {
	var in, out, total, cacheRead, cacheWrite genai.Opt[int64]
	var err error
	if !converseUsageLayout(dec, &in, &out, &total, &cacheRead, &cacheWrite) {
		err = ivTolerate(converseUsageMembers(dec, &in, &out, &total, &cacheRead, &cacheWrite))
	}
	u := &ev.Usage
	if in.Valid || out.Valid {
		u.InputTokens, u.OutputTokens = in, out
		u.Source = genai.UsageSourceBody
	}
	u.TotalTokens = total
	if cacheRead.Valid {
		u.CacheReadTokens = cacheRead
	}
	if cacheWrite.Valid {
		u.CacheWriteTokens = cacheWrite
	}
	return err
}

// converseUsageLayout reads the usage object c is positioned at (after its member name) when
// it is {"inputTokens":N,"outputTokens":N,"totalTokens":N}, optionally followed by
// "cacheReadInputTokens" and "cacheWriteInputTokens" in that order, every N a plain integer,
// as Bedrock writes it: what converseUsageMembers reads from it, without a member walk. It
// reports false, with c and the counts as they were, for any other usage value.
func converseUsageLayout(c *ivCursor, in, out, total, cacheRead, cacheWrite *genai.Opt[int64]) bool {
	i := c.pos
	if i < len(c.data) && c.data[i] == ':' {
		i++
	}
	var n [5]int64
	var ok bool
	if n[0], i, ok = ivIntAfter(c.data, i, len(c.data)-i >= 15 && string(c.data[i:i+15]) == `{"inputTokens":`, 15); !ok {
		return false
	}
	if n[1], i, ok = ivIntAfter(c.data, i, len(c.data)-i >= 16 && string(c.data[i:i+16]) == `,"outputTokens":`, 16); !ok {
		return false
	}
	if n[2], i, ok = ivIntAfter(c.data, i, len(c.data)-i >= 15 && string(c.data[i:i+15]) == `,"totalTokens":`, 15); !ok {
		return false
	}
	cache := false
	if i < len(c.data) && c.data[i] == ',' {
		if n[3], i, ok = ivIntAfter(c.data, i, len(c.data)-i >= 24 && string(c.data[i:i+16]) == `,"cacheReadInput` && string(c.data[i+16:i+24]) == `Tokens":`, 24); !ok {
			return false
		}
		if n[4], i, ok = ivIntAfter(c.data, i, len(c.data)-i >= 25 && string(c.data[i:i+16]) == `,"cacheWriteInpu` && string(c.data[i+16:i+25]) == `tTokens":`, 25); !ok {
			return false
		}
		cache = true
	}
	if i >= len(c.data) || c.data[i] != '}' {
		return false
	}
	c.pos = i + 1
	*in, *out, *total = genai.Some(n[0]), genai.Some(n[1]), genai.Some(n[2])
	if cache {
		*cacheRead, *cacheWrite = genai.Some(n[3]), genai.Some(n[4])
	}
	return true
}

// ivIntAfter reads the plain integer after a key at data[i] (1 to 18 digits, followed by ','
// or '}'), as jsonscan.Int reads it, and returns it and the index after it; key tells whether
// the key is there, and n is its length. The callers compare their keys as literals, which
// the compiler compares in place (a helper taking the key would call memequal).
func ivIntAfter(data []byte, i int, key bool, n int) (int64, int, bool) {
	if !key {
		return 0, i, false
	}
	return ivDigits(data, i+n)
}

// ivDigits is ivIntAfter after the key.
func ivDigits(data []byte, i int) (int64, int, bool) {
	start := i
	var n int64
	for ; i < len(data) && i-start < 18 && '0' <= data[i] && data[i] <= '9'; i++ {
		n = n*10 + int64(data[i]-'0')
	}
	if i == start || i >= len(data) || data[i] != ',' && data[i] != '}' {
		return 0, i, false
	}
	return n, i, true
}

var ivKeyPromptRouter = []byte(`"promptRouter"`)

// ivContainsName reports whether s contains name, a quoted member name. It searches with
// bytes.IndexByte for the name's first upper-case letter, which is rare in JSON text (member
// names are camelCase, values mostly lower case), and compares the name around each one;
// a name without one is searched without its leading quote, which JSON has everywhere (a
// quote-led bytes.Index keeps stopping), checking the quote before each match.
func ivContainsName(s, name []byte) bool {
	k := 0 // of the upper-case letter in name
	for i := 1; i < len(name); i++ {
		if c := name[i]; 'A' <= c && c <= 'Z' {
			k = i
			break
		}
	}
	if k == 0 {
		return ivContainsNameRest(s, name)
	}
	c := name[k]
	// Each occurrence of name has c at k: every c from k on is a candidate, in order.
	for i := k; i < len(s); {
		j := bytes.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		if bytes.HasPrefix(s[i+j-k:], name) {
			return true
		}
		i += j + 1
	}
	return false
}

// ivContainsNameRest is ivContainsName for a name without an upper-case letter.
func ivContainsNameRest(s, name []byte) bool {
	rest := name[1:]
	for i := 1; i < len(s); {
		k := bytes.Index(s[i:], rest)
		if k < 0 {
			return false
		}
		if s[i+k-1] == '"' {
			return true
		}
		i += k + 1
	}
	return false
}

// promptRouter reads trace.promptRouter.invokedModelId: the model a prompt router chose.
func (d *invocationDecoder) promptRouter(trace []byte, ev *genai.Event) {
	// The member names are compared raw: a trace without that text has no such member, and
	// most traces (guardrail traces) are skipped with one search instead of a walk.
	if !ivContainsName(trace, ivKeyPromptRouter) {
		return
	}
	dec := &d.sub
	dec.Reset(trace)
	_ = sEachMember(dec, func(name []byte) error {
		if string(name) != `"promptRouter"` {
			return dec.SkipValue()
		}
		return ivTolerate(sEachMember(dec, func(name []byte) error {
			if string(name) != `"invokedModelId"` {
				return dec.SkipValue()
			}
			s, err := sReadString(dec)
			if s != "" {
				ev.Response.Model = s
			}
			return err
		}))
	})
}
