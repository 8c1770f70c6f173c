package model

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// Most chunks of an Anthropic Messages stream are text deltas, written by Bedrock in one
// fixed layout:
//
//	{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"..."}}
//
// A chunk of exactly that layout is read by matching its bytes instead of walking its tokens;
// anything else (other members, other order, whitespace, an odd index) takes the general path.
//
// The literals are split in pieces of at most 16 bytes, which the compiler compares inline.
const (
	textDeltaHead0, textDeltaHead1, textDeltaHead2 = `{"type":"content`, `_block_delta","i`, `ndex":`
	textDeltaMid0, textDeltaMid1, textDeltaMid2    = `,"delta":{"type"`, `:"text_delta","t`, `ext":`

	textDeltaHead = textDeltaHead0 + textDeltaHead1 + textDeltaHead2 // {"type":"content_block_delta","index":
	textDeltaMid  = textDeltaMid0 + textDeltaMid1 + textDeltaMid2    // ,"delta":{"type":"text_delta","text":
	textDeltaTail = `}}`
)

// textDelta reads a text-delta chunk of the fixed layout: the block index and the raw JSON
// string of the text (quotes and escapes included). ok is false when c has another layout,
// and then nothing is read.
func textDelta(c []byte) (index int64, text []byte, ok bool) {
	if len(c) < len(textDeltaHead)+1+len(textDeltaMid)+2+len(textDeltaTail) ||
		string(c[0:16]) != textDeltaHead0 || string(c[16:32]) != textDeltaHead1 || string(c[32:38]) != textDeltaHead2 ||
		string(c[len(c)-2:]) != textDeltaTail {
		return 0, nil, false
	}
	i := len(textDeltaHead)
	// A non-negative integer without leading zeros, short enough to be exact.
	start := i
	for i < len(c) && c[i] >= '0' && c[i] <= '9' && i-start < 9 {
		index = index*10 + int64(c[i]-'0')
		i++
	}
	if i == start || (c[start] == '0' && i-start > 1) {
		return 0, nil, false
	}
	if len(c)-i < len(textDeltaMid) || string(c[i:i+16]) != textDeltaMid0 || string(c[i+16:i+32]) != textDeltaMid1 ||
		string(c[i+32:i+37]) != textDeltaMid2 {
		return 0, nil, false
	}
	text = c[i+len(textDeltaMid) : len(c)-len(textDeltaTail)]
	if len(text) < 2 || text[0] != '"' || text[len(text)-1] != '"' {
		return 0, nil, false
	}
	return index, text, true
}

// textOf returns the text of the raw JSON string v, or ok false when v is not exactly one
// valid JSON string (the scanner's rules: escapes checked, control bytes refused, any other
// byte kept). The text aliases v when v has no escapes, else d's scratch buffer: it is only
// valid until the next chunk.
func (d *decoder) textOf(v []byte) (text string, ok bool) {
	n := len(v) - 1 // the closing quote
	if n >= 9 && plainWords(v[1:n]) {
		return unsafe.String(unsafe.SliceData(v[1:n]), n-1), true
	}
	plain := true
	for i := 1; i < n; i++ {
		// Eight bytes at a time while none is a quote, a backslash or a control byte.
		for i+8 <= n {
			if jsonscan.SpecialMask(binary.LittleEndian.Uint64(v[i:])) != 0 {
				break
			}
			i += 8
		}
		if i >= n {
			break
		}
		switch c := v[i]; {
		case c == '"' || c < 0x20:
			return "", false
		case c == '\\':
			plain = false
			i++
			if i >= n {
				return "", false
			}
			switch v[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= n || !isHex(v[i+1]) || !isHex(v[i+2]) || !isHex(v[i+3]) || !isHex(v[i+4]) {
					return "", false
				}
				i += 4
			default:
				return "", false
			}
		}
	}
	if plain {
		return unsafe.String(unsafe.SliceData(v[1:n]), n-1), true
	}
	d.scratch = appendUnquoted(d.scratch[:0], v)
	return unsafe.String(unsafe.SliceData(d.scratch), len(d.scratch)), true
}

// textAt is textOf(c[start:end]) for a raw string that does not start c (at least eight
// bytes come before its closing quote): a short text, which most stream deltas carry, is
// checked with one word load reaching back into c, the bytes before the text masked out.
func (d *decoder) textAt(c []byte, start, end int) (string, bool) {
	if k := end - start - 2; k >= 0 && k < 8 && end >= 9 {
		w := binary.LittleEndian.Uint64(c[end-9:]) // the eight bytes before the closing quote
		mask := ^uint64(0) << (8 * (8 - k))        // the text's k bytes (none when k is 0)
		if jsonscan.SpecialMask(w&mask|lsb*'a'&^mask) == 0 {
			return unsafe.String(unsafe.SliceData(c[start+1:end-1]), k), true
		}
	}
	return d.textOf(c[start:end])
}

// plainWords reports whether b, of at least eight bytes, holds no quote, backslash or control
// byte, reading it eight bytes at a time (the last eight overlapping the word before).
func plainWords(b []byte) bool {
	var m uint64
	for i := 0; i+8 <= len(b); i += 8 {
		m |= jsonscan.SpecialMask(binary.LittleEndian.Uint64(b[i:]))
	}
	return m|jsonscan.SpecialMask(binary.LittleEndian.Uint64(b[len(b)-8:])) == 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// The other frequent chunks of an Anthropic Messages stream, in Bedrock's fixed layouts:
//
//	{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}
//	{"type":"content_block_stop","index":0}
//	{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}}
//	{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":9}}
//	{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-3-haiku-20240307","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}
//	{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-3-haiku-20240307","usage":{"input_tokens":5,"output_tokens":1}}}
//	{"type":"message_start","message":{"id":"msg_1","role":"assistant","model":"claude-sonnet-4-20250514","usage":{"input_tokens":5,"output_tokens":1}}}

// layout matches a chunk against a fixed layout, left to right.
type layout struct {
	c  []byte
	i  int
	ok bool
}

// lit matches the literal s. It is inlined, and the literals are written in pieces of at most 8
// bytes, which the compiler then compares inline (a longer one is compared by a call).
func (l *layout) lit(s string) {
	if l.ok && len(l.c)-l.i >= len(s) && string(l.c[l.i:l.i+len(s)]) == s {
		l.i += len(s)
		return
	}
	l.ok = false
}

// int matches a non-negative integer without leading zeros, short enough to be exact.
func (l *layout) int() int64 {
	if !l.ok {
		return 0
	}
	var v int64
	start := l.i
	for l.i < len(l.c) && l.c[l.i] >= '0' && l.c[l.i] <= '9' && l.i-start < 9 {
		v = v*10 + int64(l.c[l.i]-'0')
		l.i++
	}
	if l.i == start || l.c[start] == '0' && l.i-start > 1 {
		l.ok = false
	}
	return v
}

// str matches a raw JSON string up to its closing quote; textOf validates it.
func (l *layout) str() []byte {
	if !l.ok || l.i >= len(l.c) || l.c[l.i] != '"' {
		l.ok = false
		return nil
	}
	// A backslash escapes the byte after it, whatever it is (as StringEnd reads it).
	start := l.i
	end := jsonscan.StringEnd(l.c, start+1)
	if end >= len(l.c) {
		l.ok = false
		return nil
	}
	l.i = end + 1
	return l.c[start:l.i]
}

// object matches a JSON object up to its closing brace (the chunk is to be checked valid).
func (l *layout) object() {
	if !l.ok || l.i >= len(l.c) || l.c[l.i] != '{' {
		l.ok = false
		return
	}
	depth := 0
	for i := l.i; i < len(l.c); i++ {
		switch l.c[i] {
		case '"':
			i = jsonscan.StringEnd(l.c, i+1)
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				l.i = i + 1
				return
			}
		}
	}
	l.ok = false
}

// end reports whether the whole chunk matched.
func (l *layout) end() bool { return l.ok && l.i == len(l.c) }

// fixedChunk merges c when it is one of the fixed layouts above (or a text delta) and
// reports whether it was; it does what chunk does with the decoded chunk.
func (st *stream) fixedChunk(m *genai.Model, d *decoder, c []byte) bool {
	if index, raw, ok := textDelta(c); ok {
		end := len(c) - len(textDeltaTail)
		if text, ok := d.textAt(c, end-len(raw), end); ok {
			// The text is only appended to its block: it may alias the chunk.
			if b := st.run; b != nil && index == st.runIndex {
				// The delta after a delta to the same block: what textDelta would do (count
				// and block find what they found for the one before).
				st.chunks++
				b.text = append(b.text, text...)
			} else {
				st.run, st.runIndex = st.textDelta(m, index, text), index
			}
			return true
		}
		st.run = nil
		return false
	}
	st.run = nil
	if len(c) > 14 && c[2] == 'o' {
		return st.titanChunk(m, d, c)
	}
	if len(c) < 10 || string(c[:9]) != `{"type":"` {
		return false
	}
	l := layout{c: c, i: 9, ok: true}
	switch c[9] {
	case 'c':
		if len(c) > 23 && c[23] == 'd' { // content_block_delta
			return st.actionDelta(m, d, &l)
		}
		if len(c) > 25 && c[25] == 'a' { // content_block_start, not _stop
			l.lit(`content_`)
			l.lit(`block_st`)
			l.lit(`art","in`)
			l.lit(`dex":`)
			index := l.int()
			l.lit(`,"conten`)
			l.lit(`t_block"`)
			l.lit(`:{"type"`)
			l.lit(`:"text",`)
			l.lit(`"text":`)
			raw := l.str()
			l.lit(`}}`)
			if !l.end() {
				return false
			}
			text, ok := d.textOf(raw)
			if !ok {
				return false
			}
			if st.count(m, shapeAnthropicMessages) == shapeAnthropicMessages {
				b := st.block(0, int(index), kindText)
				b.text = append(b.text, text...)
			}
			return true
		}
		l.lit(`content_`)
		l.lit(`block_st`)
		l.lit(`op","ind`)
		l.lit(`ex":`)
		l.int()
		l.lit(`}`)
		if !l.end() {
			return false
		}
		st.count(m, shapeAnthropicMessages)
		return true
	case 'm':
		if len(c) > 19 && c[17] == 's' { // message_start or message_stop, not message_delta
			if c[19] == 'o' {
				return st.messageStop(m, &l)
			}
			return st.messageStart(m, d, &l)
		}
		l.lit(`message_`)
		l.lit(`delta","`)
		l.lit(`delta":{`)
		l.lit(`"stop_re`)
		l.lit(`ason":`)
		raw := l.str()
		if l.ok && l.i < len(l.c) && l.c[l.i] == ',' { // ,"stop_sequence":null
			l.lit(`,"stop_s`)
			l.lit(`equence"`)
			l.lit(`:null`)
		}
		l.lit(`},"usage`)
		l.lit(`":{"outp`)
		l.lit(`ut_token`)
		l.lit(`s":`)
		out := l.int()
		l.lit(`}}`)
		if !l.end() {
			return false
		}
		reason, ok := d.textOf(raw)
		if !ok {
			return false
		}
		if st.count(m, shapeAnthropicMessages) == shapeAnthropicMessages {
			st.setFinish(0, str(stopReason(reason)))                            // kept: must not alias the chunk
			st.addUsage(tokens{out: genai.Opt[int64]{Value: out, Valid: true}}) // fromUsage of that usage
		}
		return true
	}
	return false
}

// stopReason returns reason copied (it must not alias the chunk), or the constant of the stop
// reasons Anthropic writes, without allocating.
func stopReason(reason string) string {
	switch reason {
	case "end_turn":
		return "end_turn"
	case "max_tokens":
		return "max_tokens"
	case "stop_sequence":
		return "stop_sequence"
	case "tool_use":
		return "tool_use"
	case "pause_turn":
		return "pause_turn"
	case "refusal":
		return "refusal"
	}
	return strings.Clone(reason)
}

// actionDelta merges a text delta that carries Bedrock's guardrail action after the delta,
// l positioned after {"type":":
//
//	{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"..."},"amazon-bedrock-guardrailAction":"INTERVENED"}
//
// The action is none of this package's business (the guardrail package reads it); the
// general path skips it.
func (st *stream) actionDelta(m *genai.Model, d *decoder, l *layout) bool {
	l.lit(`content_`)
	l.lit(`block_de`)
	l.lit(`lta","in`)
	l.lit(`dex":`)
	index := l.int()
	l.lit(`,"delta"`)
	l.lit(`:{"type"`)
	l.lit(`:"text_d`)
	l.lit(`elta","t`)
	l.lit(`ext":`) // textDeltaMid
	raw := l.str()
	l.lit(`},"amazo`)
	l.lit(`n-bedroc`)
	l.lit(`k-guardr`)
	l.lit(`ailActio`)
	l.lit(`n":`)
	action := l.str()
	l.lit(`}`)
	if !l.end() {
		return false
	}
	if _, ok := d.textOf(action); !ok { // checked first: textOf's scratch then holds the text
		return false
	}
	text, ok := d.textOf(raw)
	if !ok {
		return false
	}
	st.textDelta(m, index, text)
	return true
}

// messageStop merges a message_stop chunk, bare or with Bedrock's invocation metrics in their
// fixed layout (what chunk does with it: the metrics, and the chunk counted), l positioned after
// {"type":":
//
//	{"type":"message_stop"}
//	{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":14,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230}}
//
// the metrics possibly ending ,"cacheReadInputTokenCount":80000,"cacheWriteInputTokenCount":0},
// and possibly after Bedrock's guardrail action and trace:
//
//	{"type":"message_stop","amazon-bedrock-guardrailAction":"INTERVENED","amazon-bedrock-trace":{"guardrail":{...}},"amazon-bedrock-invocationMetrics":{...}}
func (st *stream) messageStop(m *genai.Model, l *layout) bool {
	l.lit(`message_`)
	l.lit(`stop"`)
	// Bedrock's guardrail members, which the general path skips: the chunk is then checked
	// to be valid JSON, as the general path would (unless it is known to be).
	// The byte after ,"amazon-bedrock- tells the members apart without comparing them whole.
	const prefix = len(`,"amazon-bedrock-`)
	guard := false
	if l.ok && len(l.c)-l.i > prefix && l.c[l.i+prefix] == 'g' {
		l.lit(`,"amazon`)
		l.lit(`-bedrock`)
		l.lit(`-guardra`)
		l.lit(`ilAction`)
		l.lit(`":`)
		l.str()
		guard = true
	}
	if l.ok && len(l.c)-l.i > prefix && l.c[l.i+prefix] == 't' {
		l.lit(`,"amazon`)
		l.lit(`-bedrock`)
		l.lit(`-trace":`)
		l.object()
		guard = true
	}
	if guard && (!l.ok || !st.valid && !jsonscan.Valid(l.c)) {
		return false
	}
	var t tokens
	var latency, firstByte int64
	metrics := l.ok && l.i < len(l.c) && l.c[l.i] == ','
	if metrics {
		t, latency, firstByte = l.metrics()
	}
	l.lit(`}`)
	if !l.end() {
		return false
	}
	if metrics {
		st.fixedMetrics(l.c, t, latency, firstByte)
	}
	st.count(m, shapeAnthropicMessages)
	return true
}

// metrics matches Bedrock's invocation metrics in their fixed layout (see messageStop) and
// returns the token counts chunk reads from them, and the two latencies.
func (l *layout) metrics() (t tokens, latency, firstByte int64) {
	l.lit(`,"amazon`)
	l.lit(`-bedrock`)
	l.lit(`-invocat`)
	l.lit(`ionMetri`)
	l.lit(`cs":{"in`)
	l.lit(`putToken`)
	l.lit(`Count":`)
	t.in = genai.Opt[int64]{Value: l.int(), Valid: true}
	l.lit(`,"output`)
	l.lit(`TokenCou`)
	l.lit(`nt":`)
	t.out = genai.Opt[int64]{Value: l.int(), Valid: true}
	l.lit(`,"invoca`)
	l.lit(`tionLate`)
	l.lit(`ncy":`)
	latency = l.int()
	l.lit(`,"firstB`)
	l.lit(`yteLaten`)
	l.lit(`cy":`)
	firstByte = l.int()
	if l.ok && l.i < len(l.c) && l.c[l.i] == ',' {
		l.lit(`,"cacheR`)
		l.lit(`eadInput`)
		l.lit(`TokenCou`)
		l.lit(`nt":`)
		t.cacheRead = genai.Opt[int64]{Value: l.int(), Valid: true}
		l.lit(`,"cacheW`)
		l.lit(`riteInpu`)
		l.lit(`tTokenCo`)
		l.lit(`unt":`)
		t.cacheWrite = genai.Opt[int64]{Value: l.int(), Valid: true}
	}
	l.lit(`}`)
	return t, latency, firstByte
}

// optInt matches null or a number int matches.
func (l *layout) optInt() genai.Opt[int64] {
	if l.ok && l.i < len(l.c) && l.c[l.i] == 'n' {
		l.lit(`null`)
		return genai.Opt[int64]{}
	}
	return genai.Opt[int64]{Value: l.int(), Valid: true}
}

// titanChunk merges a Titan Text stream chunk in Bedrock's fixed layout, the metrics (on the
// last chunk) in the layout messageStop reads, and reports whether it was one; it does what
// chunk does with the decoded chunk:
//
//	{"outputText":"...","index":0,"totalOutputTextTokenCount":null,"completionReason":null,"inputTextTokenCount":7}
//	{"outputText":"...","index":0,"totalOutputTextTokenCount":12,"completionReason":"FINISH","inputTextTokenCount":null,"amazon-bedrock-invocationMetrics":{...}}
func (st *stream) titanChunk(m *genai.Model, d *decoder, c []byte) bool {
	l := layout{c: c, ok: true}
	l.lit(`{"output`)
	l.lit(`Text":`)
	rawText := l.str()
	l.lit(`,"index"`)
	l.lit(`:`)
	l.int()
	l.lit(`,"totalO`)
	l.lit(`utputTex`)
	l.lit(`tTokenCo`)
	l.lit(`unt":`)
	total := l.optInt()
	l.lit(`,"comple`)
	l.lit(`tionReas`)
	l.lit(`on":`)
	var rawReason []byte
	if l.ok && l.i < len(l.c) && l.c[l.i] == 'n' {
		l.lit(`null`)
	} else {
		rawReason = l.str()
	}
	l.lit(`,"inputT`)
	l.lit(`extToken`)
	l.lit(`Count":`)
	in := l.optInt()
	var t tokens
	var latency, firstByte int64
	metrics := l.ok && l.i < len(l.c) && l.c[l.i] == ','
	if metrics {
		t, latency, firstByte = l.metrics()
	}
	l.lit(`}`)
	if !l.end() {
		return false
	}
	// The reason is read (and kept: it must not alias the chunk) before the text, which
	// textOf's scratch may then hold.
	reason := ""
	if rawReason != nil {
		r, ok := d.textOf(rawReason)
		if !ok {
			return false
		}
		reason = titanReason(r)
	}
	text, ok := d.textOf(rawText)
	if !ok || text == "" && reason == "" && !total.Valid {
		return false // not read as Titan's (responseShape): the general path decides
	}
	if metrics {
		st.fixedMetrics(l.c, t, latency, firstByte)
	}
	if st.count(m, shapeTitanText) == shapeTitanText {
		st.appendText(0, 0, str(text))
		st.setFinish(0, str(reason))
		st.addUsage(tokens{in: in, out: total})
	}
	return true
}

// titanReason returns reason copied (it must not alias the chunk), or the constant of the
// completion reasons Titan writes, without allocating.
func titanReason(reason string) string {
	switch reason {
	case "FINISH":
		return "FINISH"
	case "LENGTH":
		return "LENGTH"
	case "STOP_CRITERIA_MET":
		return "STOP_CRITERIA_MET"
	case "CONTENT_FILTERED":
		return "CONTENT_FILTERED"
	}
	return strings.Clone(reason)
}

// messageStart merges a message_start chunk of the fixed layout, l positioned after
// {"type":".
func (st *stream) messageStart(m *genai.Model, d *decoder, l *layout) bool {
	l.lit(`message_`)
	l.lit(`start","`)
	l.lit(`message"`)
	l.lit(`:{"id":`)
	id := l.str()
	// The message's type and content, which the general path does not use, may be left out.
	if l.ok && len(l.c)-l.i > 2 && l.c[l.i+2] == 't' {
		l.lit(`,"type":`)
		l.lit(`"message`)
		l.lit(`"`)
	}
	l.lit(`,"role":`)
	role := l.str()
	if l.ok && len(l.c)-l.i > 2 && l.c[l.i+2] == 'c' {
		l.lit(`,"conten`)
		l.lit(`t":[]`)
	}
	l.lit(`,"model"`)
	l.lit(`:`)
	model := l.str()
	if l.ok && len(l.c)-l.i > 2 && l.c[l.i+2] == 's' { // ,"stop_reason":null,"stop_sequence":null
		l.lit(`,"stop_r`)
		l.lit(`eason":n`)
		l.lit(`ull,"sto`)
		l.lit(`p_sequen`)
		l.lit(`ce":null`)
	}
	l.lit(`,"usage"`)
	l.lit(`:{"input`)
	l.lit(`_tokens"`)
	l.lit(`:`)
	in := l.int()
	l.lit(`,"output`)
	l.lit(`_tokens"`)
	l.lit(`:`)
	out := l.int()
	l.lit(`}}}`)
	if !l.end() {
		return false
	}
	// The strings are kept: each is copied before the next one is unescaped, into one buffer
	// that one string is made of (in the decoder's arena when short, as text keeps strings).
	var buf [128]byte
	b := buf[:0]
	var ends [3]int
	for i, raw := range [3][]byte{id, role, model} {
		t, ok := d.textOf(raw)
		if !ok {
			return false
		}
		b = append(b, t...)
		ends[i] = len(b)
	}
	all := d.keep(b)
	// The texts as Bedrock's own read of a first message_start takes them (see applyStart):
	// only when none was escaped (each escape makes the text shorter than its raw string).
	st.startRead = len(b) == len(id)+len(role)+len(model)-6 && utf8.Valid(b)
	st.start = [3]string{all[:ends[0]], all[ends[0]:ends[1]], all[ends[1]:]}
	if st.count(m, shapeAnthropicMessages) == shapeAnthropicMessages {
		st.id, st.role, st.model = all[:ends[0]], all[ends[0]:ends[1]], all[ends[1]:]
		// What fromUsage makes of a usage with these two counts.
		st.addUsage(tokens{in: genai.Opt[int64]{Value: in, Valid: true}, out: genai.Opt[int64]{Value: out, Valid: true}})
	}
	return true
}
