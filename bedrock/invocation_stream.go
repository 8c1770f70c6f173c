package bedrock

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"
	"unsafe"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/bedrock/model"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

var (
	ivKeyGuardrailAction = []byte(`"amazon-bedrock-guardrailAction"`)
	ivKeyGuardrailTrace  = []byte(`"amazon-bedrock-trace"`)
	ivKeyType            = []byte(`"type"`)
	ivKeyAmazonBedrock   = []byte(`"amazon-bedrock-`)
	ivKeyMessageStart    = []byte(`"message_start"`)
)

// decodeStream reads the output body of an InvokeModelWithResponseStream record: an array of
// decoded chunks, in order. Non-object items ("[DONE]") are tolerated.
func (d *invocationDecoder) decodeStream(out []byte, ev *genai.Event, b *bodies) {
	// The body is valid, compact JSON (checked when the record was read, then cleaned), so
	// it is split by a plain scan rather than parsed again.
	chunks, nonObjects := b.chunks, b.nonObjects
	if !b.split {
		chunks, nonObjects = splitCleanArray(out, d.chunks[:0])
		d.chunks = chunks[:0]
	}
	if d.opts.KeepRawBodies {
		if nonObjects == 0 {
			b.streamFlattened = out
		} else {
			b.streamFlattened = wrapNonObjects(out, &d.sub)
		}
	}
	metrics := -1
	ivBedrockChunks(out, chunks, func(i int, guard, hasMetrics bool) {
		if guard {
			guardrail.DecodeInvokeValid(chunks[i], ev) // the chunks of a validated body
		}
		if hasMetrics {
			metrics = i
		}
	})
	// An Anthropic message_start first chunk gives the response id, role and model, and the
	// last chunk with invocation metrics the counts: the model stream reads both where its
	// fixed layouts read those chunks, and calls back for a first chunk it does not.
	start := func(first []byte) {
		if ivIsMessageStart(first) || bytes.Contains(first, ivKeyMessageStart) {
			d.messageStart(first, ev)
		}
	}
	if metrics < 0 {
		model.DecodeStreamBedrock(&ev.Request.Model, chunks, ev, start, nil, nil) // the elements of a valid array
		return
	}
	var m model.InvocationMetrics
	if model.DecodeStreamBedrock(&ev.Request.Model, chunks, ev, start, chunks[metrics], &m) {
		applyStreamMetrics(ev, m.InputTokens, m.OutputTokens, m.CacheReadTokens, m.CacheWriteTokens, m.Latency, m.FirstByteLatency)
	} else {
		d.streamMetrics(chunks[metrics], ev)
	}
}

// ivBedrockChunks calls fn, in order, for each of the chunks (objects of the clean array out,
// aliasing it) that holds "amazon-bedrock-, telling whether it holds a guardrail key
// (amazon-bedrock-guardrailAction or -trace) and the invocation metrics key, anywhere in it.
func ivBedrockChunks(out []byte, chunks [][]byte, fn func(i int, guard, metrics bool)) {
	// One search over the whole array finds the chunks (a match cannot span two chunks, as
	// it holds no comma).
	base := 0 // offset in out of the search
	ci := 0   // the chunk the next match may fall in
	for ci < len(chunks) {
		at := ivIndexAmazonBedrock(out, base)
		if at < 0 {
			return
		}
		// Move to the chunk ending after the match (chunks alias out, in order).
		for ci < len(chunks) && ivEndIn(out, chunks[ci]) < at+len(ivKeyAmazonBedrock) {
			ci++
		}
		if ci == len(chunks) || ivStartIn(out, chunks[ci]) > at {
			base = at + 1 // a match outside the chunks (in a non-object item)
			continue
		}
		// Every key looked for starts with "amazon-bedrock-: the matches in the chunk tell
		// which it holds.
		end := ivEndIn(out, chunks[ci])
		guard, metrics := false, false
		for p := at; p >= 0; p = ivIndexAmazonBedrock(out[:end], p+1) {
			rest := out[:end]
			guard = guard || ivIsGuardrailKey(rest, p)
			metrics = metrics || ivIsMetricsKey(rest, p)
		}
		fn(ci, guard, metrics)
		base = end
		ci++
	}
}

// ivIndexAmazonBedrock returns the index of the first "amazon-bedrock- in s at or after from,
// or -1. It looks for the rare 'z' (a quote-led bytes.Index is slow on JSON, full of quotes).
func ivIndexAmazonBedrock(s []byte, from int) int {
	const zAt = 4 // of 'z' in ivKeyAmazonBedrock
	for i := from + zAt; i < len(s); {
		k := bytes.IndexByte(s[i:], 'z')
		if k < 0 {
			return -1
		}
		if p := i + k - zAt; ivIsAmazonBedrock(s, p) {
			return p
		}
		i += k + 1
	}
	return -1
}

// ivAt reports whether s holds lit at i. The callers' literals are constants of at most eight
// bytes, which the compiler compares inline.
func ivAt(s []byte, i int, lit string) bool {
	return i >= 0 && len(s)-i >= len(lit) && string(s[i:i+len(lit)]) == lit
}

// ivIsAmazonBedrock reports whether s holds "amazon-bedrock- (ivKeyAmazonBedrock) at p.
func ivIsAmazonBedrock(s []byte, p int) bool {
	return ivAt(s, p, `"amazon-`) && ivAt(s, p+8, `bedrock-`)
}

// ivIsGuardrailKey reports whether s holds "amazon-bedrock-guardrailAction" or
// "amazon-bedrock-trace" (ivKeyGuardrailAction, ivKeyGuardrailTrace) at p, where it holds
// "amazon-bedrock-.
func ivIsGuardrailKey(s []byte, p int) bool {
	return ivAt(s, p+16, `guardrai`) && ivAt(s, p+24, `lAction"`) || ivAt(s, p+16, `trace"`)
}

// ivIsMetricsKey reports whether s holds "amazon-bedrock-invocationMetrics" (ivKeyMetrics) at
// p, where it holds "amazon-bedrock-.
func ivIsMetricsKey(s []byte, p int) bool {
	return ivAt(s, p+16, `invocati`) && ivAt(s, p+24, `onMetric`) && ivAt(s, p+32, `s"`)
}

// ivStartIn and ivEndIn return the offsets in s of the start and the end of sub, a subslice
// of s sharing its end of capacity (as splitCleanArray returns them).
func ivStartIn(s, sub []byte) int { return cap(s) - cap(sub) }

func ivEndIn(s, sub []byte) int { return cap(s) - cap(sub) + len(sub) }

// splitCleanArray appends the elements of a valid, compact JSON array to chunks: objects are
// returned, other items only counted.
func splitCleanArray(arr []byte, chunks [][]byte) ([][]byte, int) {
	nonObjects := 0
	if len(arr) < 2 || arr[0] != '[' {
		return chunks, 0
	}
	for i := 1; i < len(arr) && arr[i] != ']'; {
		end := ivValueEnd(arr, i)
		if arr[i] == '{' {
			chunks = append(chunks, arr[i:end])
		} else {
			nonObjects++
		}
		i = end
		if i < len(arr) && arr[i] == ',' {
			i++
		}
	}
	return chunks, nonObjects
}

// ivClass classes the bytes for ivSplitIfClean.
var ivClass = [256]uint8{'"': 1, '{': 2, '[': 2, '}': 3, ']': 3, ',': 4, ' ': 5, '\t': 5, '\n': 5, '\r': 5}

// ivSplitIfClean splits the valid JSON array src as splitCleanArray does, in the same pass
// that checks that it is clean (see ivCleanBody): when it is, it returns src itself and its
// elements; otherwise ok is false and the array must be cleaned first.
func ivSplitIfClean(src []byte, minData int, chunks [][]byte) (out []byte, objects [][]byte, nonObjects int, ok bool) {
	n := len(src)
	if n < 2 || src[0] != '[' {
		return nil, chunks, 0, false
	}
	src = src[:n:n]
	depth := 0 // inside the current element
	start := 1 // of the current element
	for i := 1; i < n; {
		switch ivClass[src[i]] {
		case 0:
			i++
			for i < n && ivClass[src[i]] == 0 {
				i++
			}
		case 1:
			end := jsonscan.StringEnd(src, i+1)
			if minData > 0 && end-(i+1) >= minData && ivIsBase64(src[i+1:end]) {
				return nil, chunks, 0, false
			}
			i = end + 1
		case 2:
			depth++
			i++
		case 3:
			if depth > 0 {
				depth--
				i++
				continue
			}
			// The array's closing bracket.
			if i > start {
				if src[start] == '{' {
					chunks = append(chunks, src[start:i])
				} else {
					nonObjects++
				}
			}
			if i+1 != n || !utf8.Valid(src) {
				return nil, chunks, 0, false
			}
			return src, chunks, nonObjects, true
		case 4:
			if depth == 0 {
				if src[start] == '{' {
					chunks = append(chunks, src[start:i])
				} else {
					nonObjects++
				}
				start = i + 1
			}
			i++
		default:
			return nil, chunks, 0, false // whitespace
		}
	}
	return nil, chunks, 0, false
}

// messageStart reads an Anthropic message_start chunk for the response id, role and model
// (what Elastic reads from it). Each is set unless the event already has one; the texts are
// read without allocating and the event's strings made of them at once.
func (d *invocationDecoder) messageStart(chunk []byte, ev *genai.Event) {
	// The text of each field the chunk sets (aliasing the chunk or d.scratch), and whether it
	// sets it: a field the event already has is left alone, and the first member with a
	// non-empty text sets it.
	var id, role, model string
	if i, r, m, ok := ivMessageStartFixed(chunk); ok {
		id, role, model = ivAlias(i), ivAlias(r), ivAlias(m)
	} else {
		id, role, model = d.messageStartTexts(chunk)
	}
	if id == "" && role == "" && model == "" {
		return
	}
	buf := append(d.strBuf[:0], id...)
	buf = append(buf, role...)
	buf = append(buf, model...)
	d.strBuf = buf
	all := d.strs.of(buf)
	if id != "" && ev.Response.ID == "" {
		ev.Response.ID = all[:len(id)]
	}
	all = all[len(id):]
	if role != "" && ev.Request.Model.Role == "" {
		ev.Request.Model.Role = all[:len(role)]
	}
	if model != "" && ev.Response.Model == "" {
		ev.Response.Model = all[len(role):]
	}
}

// messageStartTexts reads the id, role and model of a message_start chunk: the first
// non-empty text of each (aliasing the chunk or d.scratch).
func (d *invocationDecoder) messageStartTexts(chunk []byte) (id, role, model string) {
	dec := &d.sub
	dec.Reset(chunk)
	d.scratch = d.scratch[:0]
	if sOpen(dec, '{') != nil {
		return
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			break
		}
		if string(name) == `"message"` {
			err = ivTolerate(d.messageStartMembers(dec, &id, &role, &model))
		} else {
			err = dec.SkipValue()
		}
		if err != nil {
			break
		}
	}
	return id, role, model
}

// The message_start chunk as Bedrock writes it starts so:
//
//	{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-3-haiku-20240307",...
const (
	ivStartHead  = `{"type":"message_start","message":{"id":`
	ivStartRole  = `,"type":"message","role":`
	ivStartModel = `,"content":[],"model":`
)

// ivMessageStartFixed reads the id, role and model of a message_start chunk of the valid JSON
// chunk that starts as Bedrock writes it, with three non-empty strings without escapes: what
// messageStartTexts reads (the first member named message, and in it the first id, role and
// model, are these). ok is false for any other chunk.
func ivMessageStartFixed(c []byte) (id, role, model []byte, ok bool) {
	if !ivIsMessageStart(c) || !ivAt(c, 23, `,"messag`) || !ivAt(c, 31, `e":{"id"`) || !ivAt(c, 39, `:`) {
		return nil, nil, nil, false
	}
	id, i := ivPlainString(c, len(ivStartHead))
	if i < 0 || !ivAt(c, i, `,"type":`) || !ivAt(c, i+8, `"message`) || !ivAt(c, i+16, `","role"`) || !ivAt(c, i+24, `:`) {
		return nil, nil, nil, false
	}
	role, i = ivPlainString(c, i+len(ivStartRole))
	if i < 0 || !ivAt(c, i, `,"conten`) || !ivAt(c, i+8, `t":[],"m`) || !ivAt(c, i+16, `odel":`) {
		return nil, nil, nil, false
	}
	model, i = ivPlainString(c, i+len(ivStartModel))
	if i < 0 || len(id) == 0 || len(role) == 0 || len(model) == 0 {
		return nil, nil, nil, false
	}
	return id, role, model, true
}

// ivIsMessageStart reports whether c starts {"type":"message_start".
func ivIsMessageStart(c []byte) bool {
	return ivAt(c, 0, `{"type":`) && ivAt(c, 8, `"message`) && ivAt(c, 16, `_start"`)
}

// ivPlainString returns the content of the JSON string at c[i] of valid JSON, and the index
// after it, when the string holds no backslash (its text is then its content); i is -1
// otherwise.
func ivPlainString(c []byte, i int) ([]byte, int) {
	if i >= len(c) || c[i] != '"' {
		return nil, -1
	}
	// The first quote or backslash, eight bytes at a time (the lowest byte flagged is
	// exact), the last few one by one.
	j := i + 1
	for ; j+8 <= len(c); j += 8 {
		if m := jsonscan.QuoteOrBackslash(binary.LittleEndian.Uint64(c[j:])); m != 0 {
			j += bits.TrailingZeros64(m) >> 3
			break
		}
	}
	for j < len(c) && c[j] != '"' && c[j] != '\\' {
		j++
	}
	if j >= len(c) || c[j] != '"' { // a backslash first: the quote found next may be escaped
		return nil, -1
	}
	return c[i+1 : j], j + 1
}

// ivAlias returns b as a string without copying it.
func ivAlias(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// messageStartMembers reads the id, role and model of a message_start chunk's message: the
// first non-empty text of each.
func (d *invocationDecoder) messageStartMembers(dec *ivCursor, id, role, model *string) error {
	if err := sOpen(dec, '{'); err != nil {
		return err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return err
		}
		var s string
		switch string(name) {
		case `"id"`:
			if s, err = d.readText(dec); *id == "" {
				*id = s
			}
		case `"role"`:
			if s, err = d.readText(dec); *role == "" {
				*role = s
			}
		case `"model"`:
			if s, err = d.readText(dec); *model == "" {
				*model = s
			}
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// streamMetrics reads amazon-bedrock-invocationMetrics from the last chunk that has it.
func (d *invocationDecoder) streamMetrics(chunk []byte, ev *genai.Event) {
	var in, out, cacheRead, cacheWrite, latency, firstByte genai.Opt[int64]
	if m, ok := ivTailMetrics(chunk); ok {
		in, out, latency, firstByte = m[0], m[1], m[2], m[3]
		cacheRead, cacheWrite = m[4], m[5]
	} else {
		d.streamMetricsSlow(chunk, &in, &out, &cacheRead, &cacheWrite, &latency, &firstByte)
	}
	applyStreamMetrics(ev, in, out, cacheRead, cacheWrite, latency, firstByte)
}

// applyStreamMetrics sets what the counts of amazon-bedrock-invocationMetrics give ev.
func applyStreamMetrics(ev *genai.Event, in, out, cacheRead, cacheWrite, latency, firstByte genai.Opt[int64]) {
	if latency.Valid {
		ev.Performance.ResponseTime = latency
	}
	if firstByte.Valid {
		ev.Performance.StartResponseTime = firstByte
	}
	if in.Valid || out.Valid {
		ev.Usage.InputTokens, ev.Usage.OutputTokens = in, out
		ev.Usage.InputIncludesCache = false
		ev.Usage.Source = genai.UsageSourceStreamMetrics
	}
	if cacheRead.Valid {
		ev.Usage.CacheReadTokens = cacheRead
	}
	if cacheWrite.Valid {
		ev.Usage.CacheWriteTokens = cacheWrite
	}
}

// ivTailMetrics reads the counts of a valid JSON chunk that ends with its only
// amazon-bedrock-invocationMetrics member, as Bedrock writes it:
//
//	{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":14,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230}}
//
// a flat object of non-negative integers: input and output tokens, latency, first-byte
// latency, cache read and write tokens, each when written (the last occurrence). ok is false
// for any other chunk. What it reads is what streamMetricsSlow reads: the key, written once
// (an escaped one is not the key there either), after a comma or a brace (so a real quote
// opens it) and followed by a colon, is a member name; its object, closed by the byte before
// the chunk's closing brace, is a member of the top-level object.
func ivTailMetrics(c []byte) (m [6]genai.Opt[int64], ok bool) {
	n := len(c)
	if n < len(ivKeyMetrics)+5 || c[n-1] != '}' || c[n-2] != '}' {
		return m, false
	}
	k := -1
	for p := ivIndexAmazonBedrock(c, 0); p >= 0; p = ivIndexAmazonBedrock(c, p+1) {
		if ivIsMetricsKey(c, p) {
			if k >= 0 {
				return m, false
			}
			k = p
		}
	}
	if k < 1 || c[k-1] != ',' && c[k-1] != '{' {
		return m, false
	}
	i := k + len(ivKeyMetrics)
	if i+2 >= n || c[i] != ':' || c[i+1] != '{' {
		return m, false
	}
	i += 2
	if c[i] == '}' {
		return m, i == n-2
	}
	for {
		name, j := ivPlainString(c, i)
		if j < 0 || j >= n || c[j] != ':' {
			return m, false
		}
		// Digits (valid JSON: no leading zero), few enough to be exact.
		j++
		start := j
		var v int64
		for j < n && c[j] >= '0' && c[j] <= '9' && j-start < 18 {
			v = v*10 + int64(c[j]-'0')
			j++
		}
		if j == start || j >= n || c[j] != ',' && c[j] != '}' {
			return m, false
		}
		f := -1
		switch string(name) {
		case "inputTokenCount":
			f = 0
		case "outputTokenCount":
			f = 1
		case "invocationLatency":
			f = 2
		case "firstByteLatency":
			f = 3
		case "cacheReadInputTokenCount":
			f = 4
		case "cacheWriteInputTokenCount":
			f = 5
		}
		if f >= 0 {
			m[f] = genai.Opt[int64]{Value: v, Valid: true}
		}
		if c[j] == '}' {
			return m, j == n-2
		}
		i = j + 1
	}
}

// streamMetricsSlow reads the counts of amazon-bedrock-invocationMetrics of any chunk.
func (d *invocationDecoder) streamMetricsSlow(chunk []byte, in, out, cacheRead, cacheWrite, latency, firstByte *genai.Opt[int64]) {
	dec := &d.sub
	dec.Reset(chunk)
	_ = sEachMember(dec, func(name []byte) error {
		if !bytes.Equal(name, ivKeyMetrics) {
			return dec.SkipValue()
		}
		return ivTolerate(sEachMember(dec, func(name []byte) error {
			var err error
			switch string(name) {
			case `"inputTokenCount"`:
				*in, err = sReadInt(dec)
			case `"outputTokenCount"`:
				*out, err = sReadInt(dec)
			case `"invocationLatency"`:
				*latency, err = sReadInt(dec)
			case `"firstByteLatency"`:
				*firstByte, err = sReadInt(dec)
			case `"cacheReadInputTokenCount"`:
				*cacheRead, err = sReadInt(dec)
			case `"cacheWriteInputTokenCount"`:
				*cacheWrite, err = sReadInt(dec)
			default:
				err = dec.SkipValue()
			}
			return err
		}))
	})
}

// wrapNonObjects rewrites a chunk array for a flattened field: items that are not objects
// become {"value": item}, as Elastic's pipeline does.
func wrapNonObjects(arr []byte, dec *ivCursor) []byte {
	out := make([]byte, 0, len(arr)+32)
	out = append(out, '[')
	dec.Reset(arr)
	n := 0
	err := sEachElement(dec, func(int) error {
		v, err := dec.ReadValue()
		if err != nil {
			return err
		}
		if n > 0 {
			out = append(out, ',')
		}
		n++
		if len(v) > 0 && v[0] == '{' {
			out = append(out, v...)
		} else {
			out = append(out, `{"value":`...)
			out = append(out, v...)
			out = append(out, '}')
		}
		return nil
	})
	if err != nil {
		return nil
	}
	return append(out, ']')
}

// isStreamChunk reports whether a record is one decoded stream chunk (an Anthropic
// message_*/content_block_* event, or a chunk carrying the final invocation metrics) rather
// than a log record.
func isStreamChunk(data []byte) bool {
	return !bytes.Contains(data, ivKeyModelID) && isStreamChunkWithoutModelID(data)
}

// isStreamChunkWithoutModelID is isStreamChunk for a record known not to hold "modelId".
func isStreamChunkWithoutModelID(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	if bytes.Contains(data, ivKeyMetrics) {
		return true
	}
	i := bytes.Index(data, ivKeyType)
	if i < 0 {
		return false
	}
	rest := bytes.TrimLeft(data[i+len(ivKeyType):], " \t\r\n")
	if len(rest) == 0 || rest[0] != ':' {
		return false
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	return bytes.HasPrefix(rest, []byte(`"message_`)) || bytes.HasPrefix(rest, []byte(`"content_block_`))
}

// isDone reports whether a record is the "[DONE]" stream terminator.
func isDone(data []byte) bool {
	return string(bytes.TrimSpace(data)) == `"[DONE]"`
}

// heldStream collects the chunks of a bare chunk array that the Reader split into records.
type heldStream struct {
	active bool
	key    genai.Position // the array's position, without the element path
	first  genai.Position
	buf    []byte // "[" chunk "," chunk ...
	n      int
}

// holdChunk keeps one chunk of a bare array; the array becomes one event at its message_stop
// chunk, at a "[DONE]" item, when the next array starts, or at the end of the input.
func (d *invocationDecoder) holdChunk(rec *genai.Record, data []byte, ev *genai.Event) error {
	// Chunks of one array share its position; chunks written one per line (no path) share
	// the input. A message_start chunk always opens a new stream.
	key := rec.Pos
	key.Path = ""
	if rec.Pos.Path == "" {
		key = genai.Position{Name: rec.Pos.Name}
	}
	if d.held.active && (d.held.key != key || bytes.Contains(data, ivKeyMessageStart)) {
		if done := d.finishHeldEvent(); done != nil {
			d.done = append(d.done, done)
		}
	}
	h := &d.held
	if !h.active {
		*h = heldStream{active: true, key: key, first: rec.Pos, buf: append(h.buf[:0], '[')}
	}
	if h.n > 0 {
		h.buf = append(h.buf, ',')
	}
	h.buf = append(h.buf, data...)
	h.n++
	if isFinalChunk(data) {
		return d.finishHeld(ev, "")
	}
	return genai.ErrHeld
}

// isFinalChunk reports whether a chunk ends a stream.
func isFinalChunk(data []byte) bool {
	if bytes.Contains(data, ivKeyMetrics) {
		return true
	}
	i := bytes.Index(data, []byte(`"message_stop"`))
	return i >= 0
}

// finishHeld turns the held chunks into ev; with nothing held the record is skipped for reason.
func (d *invocationDecoder) finishHeld(ev *genai.Event, reason string) error {
	if !d.held.active {
		if reason == "" {
			reason = "stream chunk outside a stream"
		}
		return genai.Skip(reason)
	}
	d.held.buf = append(d.held.buf, ']')
	pos := d.held.first
	d.held.active = false
	if err := d.decodeBareArray(d.held.buf, ev); err != nil {
		return err
	}
	ev.Source.Position = pos
	return nil
}

func (d *invocationDecoder) finishHeldEvent() *genai.Event {
	ev := new(genai.Event)
	if err := d.finishHeld(ev, ""); err != nil {
		return nil
	}
	return ev
}

// Flush implements genai.Flusher: bare chunk arrays still held become events.
func (d *invocationDecoder) Flush(emit func(*genai.Event)) {
	if d.held.active {
		if ev := d.finishHeldEvent(); ev != nil {
			d.done = append(d.done, ev)
		}
	}
	for _, ev := range d.done {
		emit(ev)
	}
	d.done = nil
}

// decodeBareArray makes an event of a record that is a bare array of stream chunks (pitfall
// P1): it carries no log metadata, so model, ids and counts come from the chunks.
func (d *invocationDecoder) decodeBareArray(data []byte, ev *genai.Event) error {
	if !jsonscan.Valid(data) {
		return errBareArray
	}
	hasChunk := false
	dec := &d.bare
	dec.Reset(data) // data is valid but not clean
	_ = jEachElement(dec, func(int) error {
		v, err := dec.ReadValue()
		if err == nil && isStreamChunk(v) {
			hasChunk = true
		}
		return err
	})
	if !hasChunk {
		return errBareArray
	}
	setSource(ev, OpInvokeModelStream, "")
	ev.Action = OpInvokeModelStream
	ev.Request.Stream.Set(true)
	ev.Warn(WarnBareStream, "the record is a bare array of stream chunks without log metadata; model and counts come from the chunks")
	var b bodies
	b.out = d.clean(data, ev, "gen_ai.completion", false)
	ev.Performance.ResponseSize.Set(int64(len(b.out)))
	ev.Response.Body, b.outCapped = d.capBody(ev, b.out, "gen_ai.completion")
	d.decodeStream(b.out, ev, &b)
	if ev.Request.Model.ID == "" && ev.Response.Model != "" {
		// The chunks may already have told vendor and family (from their shape) where the
		// response's model name alone cannot: keep what Parse does not know.
		prev := ev.Request.Model
		ev.Request.Model = model.Parse(ev.Response.Model)
		ev.Request.Model.Role = prev.Role
		if ev.Request.Model.Vendor == "" {
			ev.Request.Model.Vendor, ev.Request.Model.Family = prev.Vendor, prev.Family
		}
		if ev.Request.Model.Type == "" {
			ev.Request.Model.Type = prev.Type
		}
	}
	if ev.Request.Operation == "" {
		ev.Request.Operation = genai.OperationChat
	}
	d.finish(ev, &b)
	var r invocationRecord
	d.setVendor(&r, ev, &b)
	return nil
}

var errBareArray = bareArrayError{}

type bareArrayError struct{}

func (bareArrayError) Error() string {
	return "a top-level JSON array that is not a list of stream chunks"
}

// sortKinds sorts content kinds the way Elastic lists them.
func sortKinds(k []string) { slices.Sort(k) }
