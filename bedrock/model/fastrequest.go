package model

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
	"unsafe"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// Most request bodies are Anthropic Messages API bodies whose messages are a role and text
// content: {"role":"user","content":[{"type":"text","text":"..."}]} or "content":"...", with
// tool_use and tool_result blocks in agent loops. For a model of the Claude family,
// fastRequest walks the body's top level itself, once: the messages array, when it is in that
// layout (layoutMessages), is checked and written as the OTel input messages straight from the
// body in one pass, instead of being decoded into structs and written from there; a "system"
// string is written the same way (fastSystem); the common parameters with plain values are
// read in place (fastMember). A text whose JSON string is what genai.AppendJSONString would
// write for it is copied as it is. Messages in any other layout (other block types or members,
// white space, escaped names) are decoded the general way, and every other member goes to
// request.member as usual, from a decoder reset at its value. Every byte the fast path reads
// itself is validated as the general path's decoder would. A "prompt", a repeated "messages"
// or "system", an escaped top-level name or a syntax error make fastRequest give up, and the
// caller decodes the whole body the general way. The differential tests in
// fastrequest_test.go hold both ways to the same output.

// fastRequest decodes body into rs.r and writes its messages with w, for a model of the
// Claude family; a "system" string may go to rs.system instead (see fastSystem). It reports
// false when the body needs the general path (rs and w are then to be reset) or when it has
// a syntax error (which the general path reports).
func (rs *requestState) fastRequest(body []byte, w *msgWriter) bool {
	d := &rs.d
	d.wide = false
	ok := d.fastMembers(rs, body, w)
	d.Reset(nil) // drop the references to body
	d.name, d.retry = nil, nil
	return ok
}

// fastMembers reads the members of a request body; see fastRequest. It walks the body's
// top level itself: each member value other than the messages is read by d, reset to start at
// it (d validates it and stops at its end), and the messages array is checked as it is
// written (layoutMessages). Every byte is thus validated once, as the general path's decoder
// would, except bytes after the body's closing brace, which it ignores too.
func (d *decoder) fastMembers(rs *requestState, body []byte, w *msgWriter) bool {
	if len(body) >= 2*jsonscan.MaxDepth && !jsonscan.Valid(body) {
		// d reads each member value at depth 0 instead of 1: a body that may nest that
		// deep is checked whole first, as the general path's decoder would find it.
		return false
	}
	r := &rs.r
	n := len(body)
	i := jsonscan.SkipSpace(body, 0)
	if i >= n || body[i] != '{' {
		return false
	}
	if i = jsonscan.SkipSpace(body, i+1); i < n && body[i] == '}' {
		return true
	}
	msgs, sys := false, false
	for {
		// A member name, without escapes (or the general path reads it).
		if i >= n || body[i] != '"' {
			return false
		}
		end := plainNameEnd(body, i+1)
		if end < 0 {
			return false
		}
		raw := body[i : end+1]
		name := raw[1 : len(raw)-1]
		if i = end + 1; i < n && body[i] != ':' {
			i = jsonscan.SkipSpace(body, i)
		}
		if i >= n || body[i] != ':' {
			return false
		}
		if i++; i < n && body[i] <= ' ' {
			i = jsonscan.SkipSpace(body, i)
		}
		var ok bool
		switch string(name) {
		case "messages":
			if msgs {
				return false
			}
			msgs = true
			i, ok = d.fastMessages(&rs.r, body, i, w)
		case "system":
			if sys {
				return false
			}
			sys = true
			i, ok = d.fastSystem(rs, body, i)
		case "prompt":
			return false // a legacy text completion, or a body of both kinds
		default:
			i, ok = d.fastMember(r, body, i, name, raw)
		}
		if !ok {
			return false
		}
		if i < n && body[i] <= ' ' {
			i = jsonscan.SkipSpace(body, i)
		}
		if i >= n {
			return false
		}
		switch body[i] {
		case ',':
			if i++; i < n && body[i] <= ' ' {
				i = jsonscan.SkipSpace(body, i)
			}
		case '}':
			return true // what follows is ignored, as the general path's decoder does
		default:
			return false
		}
	}
}

// fastMember reads the member named name whose value starts at body[i] into r, and returns the
// index after the value. The common parameters of a Claude body are read in place when their
// values are plain (a number, a string without escapes, an array of such strings), as
// request.member reads them; any other member or value is read by request.member, from d
// reset to start at the value.
func (d *decoder) fastMember(r *request, body []byte, i int, name, raw []byte) (int, bool) {
	var n *num
	switch string(name) {
	case "max_tokens":
		n = &r.MaxTokens
	case "temperature":
		n = &r.Temperature
	case "top_p":
		n = &r.TopP
	case "top_k":
		n = &r.TopK
	case "anthropic_version":
		if end := plainStringEnd(body, i); end > i {
			r.AnthropicVersion = str(d.text(body[i:end])) // as str.readJSON reads it
			return end, true
		}
	case "stop_sequences":
		if end := d.fastStrings(&r.StopSequences, body, i); end > i {
			return end, true
		}
	}
	if n != nil {
		if end := numberEnd(body, i); end > i {
			n.F, n.OK = parseNum(body[i:end]) // as num.readJSON reads a number
			return end, true
		}
	}
	d.Reset(body[i:])
	d.name = raw
	d.wide = true // any member of r may be written
	ok := r.member(d, name) == nil && d.StackDepth() == 0
	return i + int(d.InputOffset()), ok
}

// fastStrings appends the strings of the array at body[i] to ss, as strs.readJSON does, when
// it is an array of valid strings whose escapes are among \" \\ \n \r \t (such as Claude's
// "\n\nHuman:" stop sequence; see stringEnd) with no white space between them, and returns
// the index after it; otherwise it returns i and leaves ss as it was.
func (d *decoder) fastStrings(ss *strs, body []byte, i int) int {
	if i >= len(body) || body[i] != '[' {
		return i
	}
	j := i + 1
	if j < len(body) && body[j] == ']' {
		return j + 1
	}
	// Check the layout first, so that nothing is appended to a list the general way then
	// reads.
	for {
		end := fastStringEnd(body, j)
		if end <= j || end >= len(body) {
			return i
		}
		j = end + 1
		if body[end] == ']' {
			break
		}
		if body[end] != ',' {
			return i
		}
	}
	// A short list is gathered here and kept in the decoder's slab (see decoder.list); a
	// longer one, or one a repeated member appends to, goes to ss itself.
	var buf [4]string
	short := buf[:0]
	for j := i + 1; ; {
		end := fastStringEnd(body, j)
		if s := d.text(body[j:end]); s != "" { // unescaped as str.readJSON does
			if len(*ss) > 0 || len(short) == len(buf) {
				*ss = append(append(*ss, short...), s)
				short = short[:0]
			} else {
				short = append(short, s)
			}
		}
		if body[end] == ']' {
			if len(short) > 0 {
				*ss = d.list(short)
			}
			return end + 1
		}
		j = end + 1
	}
}

// fastStringEnd returns the index after the JSON string at v[i] when stringEnd finds it valid
// with escapes among \" \\ \n \r \t at most (copyPlain or copyEscaped), or i.
func fastStringEnd(v []byte, i int) int {
	if i >= len(v) || v[i] != '"' {
		return i
	}
	end, kind := stringEnd(v, i+1)
	if end >= len(v) || kind == copyNo {
		return i
	}
	return end + 1
}

// plainStringEnd returns the index after the JSON string at v[i] when it has no escape and no
// control byte (a valid string, its content its text), or i.
func plainStringEnd(v []byte, i int) int {
	if i >= len(v) || v[i] != '"' {
		return i
	}
	j := jsonscan.QuoteOrSpecial(v, i+1)
	if j >= len(v) || v[j] != '"' {
		return i
	}
	return j + 1
}

// numberEnd returns the index after the JSON number at v[i]
// (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?), or i when there is none. What follows the
// number is not checked.
func numberEnd(v []byte, i int) int {
	j := i
	if j < len(v) && v[j] == '-' {
		j++
	}
	switch {
	case j < len(v) && v[j] == '0':
		j++
	case j < len(v) && '1' <= v[j] && v[j] <= '9':
		for j++; j < len(v) && '0' <= v[j] && v[j] <= '9'; j++ {
		}
	default:
		return i
	}
	if j < len(v) && v[j] == '.' {
		k := j + 1
		for ; k < len(v) && '0' <= v[k] && v[k] <= '9'; k++ {
		}
		if k == j+1 {
			return i
		}
		j = k
	}
	if j < len(v) && (v[j] == 'e' || v[j] == 'E') {
		k := j + 1
		if k < len(v) && (v[k] == '+' || v[k] == '-') {
			k++
		}
		start := k
		for ; k < len(v) && '0' <= v[k] && v[k] <= '9'; k++ {
		}
		if k == start {
			return i
		}
		j = k
	}
	return j
}

// plainNameEnd returns the index of the closing quote of the member name whose content starts
// at v[i], or -1 when it holds a backslash or a control byte or is not closed.
func plainNameEnd(v []byte, i int) int {
	for i+8 <= len(v) {
		// A word at a time: the lowest bit of the mask marks the first quote, backslash or
		// control byte.
		if m := jsonscan.SpecialMask(binary.LittleEndian.Uint64(v[i:])); m != 0 {
			if i += bits.TrailingZeros64(m) >> 3; v[i] == '"' {
				return i
			}
			return -1
		}
		i += 8
	}
	for ; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"':
			return i
		case c == '\\' || c < 0x20:
			return -1
		}
	}
	return -1
}

// validString reports whether v[start:end+1], from a quote to the closing quote stringEnd
// found, is a valid JSON string; kind is what stringEnd found. A string stringEnd finds
// copyable is valid: its escapes are among \" \\ \n \r \t and it has no control byte.
func validString(v []byte, start, end, kind int) bool {
	return end < len(v) && (kind != copyNo || jsonscan.Valid(v[start:end+1]))
}

// fastSystem reads the system member whose value starts at body[i] and returns the index after
// it. A string whose JSON text genai.AppendJSONString would write as it is goes as it is into
// rs.system, the array chatRequest would write for it; any other string into rs.r.System, and
// any other value the general way.
func (d *decoder) fastSystem(rs *requestState, body []byte, i int) (int, bool) {
	r := &rs.r
	if i >= len(body) || body[i] != '"' {
		d.Reset(body[i:])
		ok := r.System.readJSON(d) == nil && d.StackDepth() == 0
		return i + int(d.InputOffset()), ok
	}
	end, kind := stringEnd(body, i+1)
	if !validString(body, i, end, kind) {
		return i, false
	}
	v := body[i : end+1]
	switch {
	case len(v) == 2:
		// An empty text: no system instructions.
	case kind != copyNo:
		const head, tail = `[{"type":"text","content":`, `}]`
		b := make([]byte, 0, len(head)+len(v)+len(tail))
		b = append(b, head...)
		b = append(b, v...)
		rs.system = append(b, tail...)
	default:
		r.System.Text, r.System.IsText = d.text(v), true // as content.readJSON reads it
	}
	return end + 1, true
}

// fastMessages writes the messages array whose value starts at body[i] when its messages are
// in the usual layout (see layoutMessages); otherwise it decodes them into r.Messages the
// general way, for chatRequest to write. It returns the index after the array.
func (d *decoder) fastMessages(r *request, body []byte, i int, w *msgWriter) (int, bool) {
	if i >= len(body) || body[i] != '[' {
		return i, false
	}
	d.lk = 0
	if end, ok := d.layoutMessages(body, i, w); ok {
		if d.kinds != nil {
			d.kinds.addLayout(d.lk)
		}
		return end, true
	}
	w.discard()
	d.Reset(body[i:])
	v, err := d.ReadValue()
	if err != nil {
		return i, false
	}
	g := decoderPool.Get().(*decoder)
	g.kinds, g.msgKinds = d.kinds, d.kinds != nil // the body's messages: their kinds are collected
	err = g.unmarshal(v, &r.Messages)
	g.kinds, g.msgKinds = nil, false
	decoderPool.Put(g)
	return i + len(v), err == nil
}

// layoutMessages writes the messages of the array that starts at v[i] when it is valid JSON
// and each message is {"role":"<role>","content":<content>} or
// {"content":<content>,"role":"<role>"} as written by a JSON encoder (no white space, the role
// without escapes), the content a string or an array of {"type":"text","text":"..."} blocks.
// It returns the index after the array, or false for anything else (invalid JSON included),
// leaving w to be discarded. Whatever it accepts is valid JSON: its literal parts are, and
// each string is checked (see validString).
func (d *decoder) layoutMessages(v []byte, i int, w *msgWriter) (int, bool) {
	const (
		roleKey     = `{"role":"`
		contentKey  = `,"content":`
		contentKey1 = `{"content":`
		roleKey2    = `,"role":"`
	)
	n := len(v)
	if n-i < 2 || v[i] != '[' {
		return i, false
	}
	if v[i+1] == ']' {
		return i + 2, true
	}
	i++
	for {
		var role string
		switch {
		case hasAt(v, i, roleKey):
			role, i = layoutRole(v, i+len(roleKey))
			if role == "" || !hasAt(v, i, contentKey) {
				return i, false
			}
			i += len(contentKey)
			w.begin(role)
			var ok bool
			if i, ok = d.layoutContent(v, i, w, role == "user"); !ok {
				return i, false
			}
		case hasAt(v, i, contentKey1):
			// The role comes after the content: find it first, then write the content.
			start := i + len(contentKey1)
			end, ok := d.layoutContent(v, start, nil, false)
			if !ok || !hasAt(v, end, roleKey2) {
				return i, false
			}
			role, i = layoutRole(v, end+len(roleKey2))
			if role == "" {
				return i, false
			}
			w.begin(role)
			d.layoutContent(v, start, w, role == "user")
		default:
			return i, false
		}
		w.end("")
		if i >= n || v[i] != '}' {
			return i, false
		}
		i++
		if i < n && v[i] == ',' {
			i++
			continue
		}
		if i < n && v[i] == ']' {
			return i + 1, true
		}
		return i, false
	}
}

// layoutRole returns the role whose string content starts at v[i] and the index after its
// closing quote, or "" when it is empty or has escapes or control bytes. The role aliases v.
func layoutRole(v []byte, i int) (string, int) {
	j := i
	for j < len(v) && v[j] != '"' && v[j] != '\\' && v[j] >= 0x20 {
		j++
	}
	if j == i || j >= len(v) || v[j] != '"' {
		return "", i
	}
	return unsafe.String(&v[i], j-i), j + 1
}

// layoutContent writes with w the message content that starts at v[i] (see layoutMessages)
// and returns the index after it; a nil w only finds where it ends.
func (d *decoder) layoutContent(v []byte, i int, w *msgWriter, collect bool) (int, bool) {
	const textBlock = `{"type":"text","text":"`
	n := len(v)
	if i >= n {
		return i, false
	}
	switch v[i] {
	case '"':
		end, kind := stringEnd(v, i+1)
		if !validString(v, i, end, kind) {
			return i, false
		}
		if w != nil && end > i+1 { // an empty text writes no part
			d.textPart(w, v[i:end+1], kind, collect, true)
		}
		d.lk |= lkText // a string content is text, even empty
		return end + 1, true
	case '[':
		i++
		if i < n && v[i] == ']' {
			return i + 1, true
		}
		for {
			switch {
			case hasAt(v, i, textBlock):
				start := i + len(textBlock) - 1
				end, kind := stringEnd(v, start+1)
				if end+1 >= n || v[end+1] != '}' || !validString(v, start, end, kind) {
					return i, false
				}
				if w != nil {
					d.textPart(w, v[start:end+1], kind, collect, false)
				}
				d.lk |= lkText
				i = end + 2
			case hasAt(v, i, toolUseBlock):
				var ok bool
				if i, ok = d.layoutToolUse(v, i+len(toolUseBlock), w); !ok {
					return i, false
				}
				d.lk |= lkToolUse
			case hasAt(v, i, toolResultBlock):
				var ok bool
				if i, ok = layoutToolResult(v, i+len(toolResultBlock), w); !ok {
					return i, false
				}
				d.lk |= lkToolResult
			default:
				return i, false
			}
			if i < n && v[i] == ',' {
				i++
				continue
			}
			if i < n && v[i] == ']' {
				return i + 1, true
			}
			return i, false
		}
	}
	return i, false
}

// The tool blocks layoutContent writes, up to their first value.
const (
	toolUseBlock    = `{"type":"tool_use","id":`
	toolResultBlock = `{"type":"tool_result","tool_use_id":`
)

// layoutToolUse writes with w (when not nil) the tool_call part of the tool_use block whose
// id starts at v[i] ({"type":"tool_use","id":"...","name":"...","input":<value>}), as
// writeBlock does, and returns the index after the block. The id and name are strings that
// genai.AppendJSONString would write as they are; the input has no white space (which the
// general path would compact) and is read by d, which validates it.
func (d *decoder) layoutToolUse(v []byte, i int, w *msgWriter) (int, bool) {
	const nameKey, inputKey = `,"name":`, `,"input":`
	id, i, ok := layoutCopyable(v, i)
	if !ok || !hasAt(v, i, nameKey) {
		return i, false
	}
	name, i, ok := layoutCopyable(v, i+len(nameKey))
	if !ok || !hasAt(v, i, inputKey) {
		return i, false
	}
	i += len(inputKey)
	d.Reset(v[i:])
	in, err := d.ReadValue()
	if err != nil || bytes.ContainsAny(in, " \t\r\n") {
		return i, false
	}
	if i += len(in); i >= len(v) || v[i] != '}' {
		return i, false
	}
	if w != nil {
		w.part("tool_call")
		w.rawField(`,"id":`, id)
		w.rawField(`,"name":`, name)
		w.b = append(w.b, `,"arguments":`...)
		if asciiNoUnicodeEscape(in) {
			// Valid JSON as jsontext sees it too (d validated it; no UTF-8 or surrogate
			// escape for jsontext to refuse), and compact: what appendJSONOrString writes.
			w.b = append(w.b, in...)
		} else {
			w.b = appendJSONOrString(w.b, in)
		}
		w.b = append(w.b, '}')
	}
	return i + 1, true
}

// asciiNoUnicodeEscape reports whether v is ASCII without a \u escape (v is valid JSON: a
// backslash in it starts an escape, whose byte after it is never a backslash's own pair).
func asciiNoUnicodeEscape(v []byte) bool {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 0x80:
			return false
		case c == '\\':
			if i+1 < len(v) && v[i+1] == 'u' {
				return false
			}
			i++ // the escaped byte
		}
	}
	return true
}

// layoutToolResult writes with w (when not nil) the tool_call_response part of the
// tool_result block whose id starts at v[i]
// ({"type":"tool_result","tool_use_id":"...","content":"..."}), as writeBlock does, and
// returns the index after the block. Both strings are ones genai.AppendJSONString would write
// as they are.
func layoutToolResult(v []byte, i int, w *msgWriter) (int, bool) {
	const contentKey = `,"content":`
	id, i, ok := layoutCopyable(v, i)
	if !ok || !hasAt(v, i, contentKey) {
		return i, false
	}
	text, i, ok := layoutCopyable(v, i+len(contentKey))
	if !ok || i >= len(v) || v[i] != '}' {
		return i, false
	}
	if w != nil {
		w.part("tool_call_response")
		w.rawField(`,"id":`, id)
		w.rawField(`,"response":`, text)
		w.b = append(w.b, '}')
	}
	return i + 1, true
}

// layoutCopyable returns the JSON string that starts at v[i] and the index after it, when it
// is one genai.AppendJSONString would write as it is for its text (and so valid).
func layoutCopyable(v []byte, i int) ([]byte, int, bool) {
	if i >= len(v) || v[i] != '"' {
		return nil, i, false
	}
	end, kind := stringEnd(v, i+1)
	if end >= len(v) || kind == copyNo {
		return nil, i, false
	}
	return v[i : end+1], end + 1, true
}

// rawField writes key (a separator, the quoted name and its colon) and the JSON string s, as
// field does for its text: nothing when the text is empty.
func (w *msgWriter) rawField(key string, s []byte) {
	if len(s) > 2 {
		w.b = append(w.b, key...)
		w.b = append(w.b, s...)
	}
}

// hasAt reports whether v holds s at i.
func hasAt(v []byte, i int, s string) bool {
	return i <= len(v) && len(v)-i >= len(s) && string(v[i:i+len(s)]) == s
}

// stringEnd returns the index of the closing quote of the valid JSON string whose content
// starts at v[i] (len(v) when there is none), and what it holds (copyPlain, copyEscaped or
// copyNo).
func stringEnd(v []byte, i int) (int, int) {
	start, kind := i, copyPlain
	var high uint64 // the bytes of multi-byte sequences seen in the words, as high bits
	n := len(v)
	for {
		// A word at a time up to the first backslash, quote or control byte: the lowest bit
		// of the mask marks it (bits above may be false). Non-ASCII bytes are only noted.
		rest := v[i:]
		for len(rest) >= 16 {
			w1, w2 := binary.LittleEndian.Uint64(rest), binary.LittleEndian.Uint64(rest[8:])
			high |= w1 | w2
			m1, m2 := jsonscan.SpecialMask(w1), jsonscan.SpecialMask(w2)
			if m1|m2 != 0 {
				i = n - len(rest)
				if m1 == 0 {
					i, m1 = i+8, m2
				}
				i += bits.TrailingZeros64(m1) >> 3
				goto special
			}
			rest = rest[16:]
		}
		if len(rest) >= 8 {
			w := binary.LittleEndian.Uint64(rest)
			high |= w
			if m := jsonscan.SpecialMask(w); m != 0 {
				i = n - len(rest) + bits.TrailingZeros64(m)>>3
				goto special
			}
			rest = rest[8:]
		}
		i = n - len(rest)
		for i < n && v[i] >= 0x20 && v[i] != '"' && v[i] != '\\' {
			high |= uint64(v[i])
			i++
		}
		if i >= n {
			return n, copyNo
		}
	special:
		switch c := v[i]; c {
		case '"':
			if high&msb != 0 && kind != copyNo && !plainUTF8(v[start:i]) {
				kind = copyNo
			}
			return i, kind
		case '\\':
			if i+1 >= n {
				return n, copyNo
			}
			switch v[i+1] {
			case '"', '\\', 'n', 'r', 't':
				if kind == copyPlain {
					kind = copyEscaped
				}
			default:
				kind = copyNo
			}
			i += 2
		default: // a control byte
			kind = copyNo
			i++
		}
	}
}

// plainUTF8 reports whether s is valid UTF-8 without U+2028 and U+2029, which
// genai.AppendJSONString writes escaped (as it writes invalid UTF-8 as U+FFFD).
func plainUTF8(s []byte) bool {
	if !utf8.Valid(s) {
		return false
	}
	for {
		k := bytes.Index(s, []byte("\xe2\x80"))
		if k < 0 || k+2 >= len(s) {
			return true
		}
		if s[k+2] == 0xa8 || s[k+2] == 0xa9 {
			return false
		}
		s = s[k+2:]
	}
}

// textPart writes a text part for the raw JSON string v, as w.textPart does for its text;
// kind is what stringEnd tells of v's content. skipEmpty drops a part whose text is
// empty (as writeContent does for a string content).
func (d *decoder) textPart(w *msgWriter, v []byte, kind int, collect, skipEmpty bool) {
	inner := v[1 : len(v)-1]
	switch kind {
	case copyPlain:
		w.part("text")
		w.b = append(w.b, `,"content":`...)
		w.b = append(w.b, v...)
		w.b = append(w.b, '}')
		if collect && len(inner) > 0 {
			if w.text.Len() > 0 {
				w.text.WriteString(w.sep)
			}
			w.text.b = append(w.text.b, inner...)
		}
	case copyEscaped:
		w.part("text")
		w.b = append(w.b, `,"content":`...)
		w.b = append(w.b, v...)
		w.b = append(w.b, '}')
		if collect {
			// An escape always leaves a byte, so the text is not empty.
			if w.text.Len() > 0 {
				w.text.WriteString(w.sep)
			}
			w.text.b = jsonscan.AppendUnquoteSimple(w.text.b, inner)
		}
	default:
		// As str.readJSON reads it: a string without escapes is its content as it is, even
		// when that is not valid UTF-8.
		t := inner
		if bytes.IndexByte(inner, '\\') >= 0 {
			d.scratch = appendUnquoted(d.scratch[:0], v)
			t = d.scratch
		}
		s := unsafe.String(unsafe.SliceData(t), len(t)) // only copied into w
		if s != "" || !skipEmpty {
			w.textPart(s, collect)
		}
	}
}

// What stringEnd finds in a JSON string's content: whether it is what genai.AppendJSONString
// writes for its text. It is not when it holds other escapes, control bytes, invalid UTF-8
// (written as U+FFFD) or U+2028 and U+2029 (written escaped).
const (
	copyNo      = iota // escapes or bytes that quoting again would change
	copyPlain          // no escape: the content is the text
	copyEscaped        // only \" \\ \n \r \t escapes (see jsonscan.AppendUnquoteSimple)
)
