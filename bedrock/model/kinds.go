package model

import (
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// The content kinds of a request body's messages are what Bedrock's invocation decoder lists
// under aws_bedrock.invocation.input.messages_content_kinds. They are defined on the body as
// written, member names matched without unescaping:
//   - a top-level "messages" member that is an array (each such member, when repeated) holds
//     the messages; its elements that are objects are messages;
//   - a message's "content" member (each, when repeated) that is a string is the kind "text";
//     one that is an array holds blocks, its elements that are objects;
//   - a block's kind is set by its members in order: "type" sets it to the type's text (see
//     kindOf) when it is unset or "text"; "text" sets it to "text" when it is unset; "image",
//     "document", "video" and "audio" set it to their name when it is unset or "text". A block
//     with no kind adds none.
//
// The model decoders see every one of these values as they read the body, so they record the
// kinds on the way (block.kind, message.member, layoutContent) instead of the caller walking
// the messages a second time.

// kindSet collects the content kinds of a request body's messages, each once, in the order
// they are first seen.
type kindSet struct {
	list []string // a scratch list, kept with the pooled state
	// unsure is set when the body has a member name with escapes, which the decoders match
	// unescaped: the kinds they saw may then not be the kinds as defined.
	unsure bool
}

// add adds the kind k, unless it is empty or already there.
func (ks *kindSet) add(k string) {
	if k == "" {
		return
	}
	for _, s := range ks.list {
		if s == k {
			return
		}
	}
	ks.list = append(ks.list, k)
}

// The kinds layoutContent sees, as bits of decoder.lk.
const (
	lkText uint8 = 1 << iota
	lkToolUse
	lkToolResult
)

// addLayout adds the kinds of the bits lk.
func (ks *kindSet) addLayout(lk uint8) {
	if lk&lkText != 0 {
		ks.add("text")
	}
	if lk&lkToolUse != 0 {
		ks.add("tool_use")
	}
	if lk&lkToolResult != 0 {
		ks.add("tool_result")
	}
}

// KindOf returns the content kind a message content block's raw "type" member value v (a JSON
// string, quotes included) gives it, as aws_bedrock.invocation.input.messages_content_kinds
// lists it: the type's text, the common types ("text", "image", "tool_use", ...) as constants
// rather than new strings.
func KindOf(v []byte) string {
	switch string(v) {
	case `"text"`:
		return "text"
	case `"image"`:
		return "image"
	case `"document"`:
		return "document"
	case `"tool_use"`:
		return "tool_use"
	case `"tool_result"`:
		return "tool_result"
	case `"thinking"`:
		return "thinking"
	}
	return jsonscan.Text(v)
}

// readType reads a block's "type" member, and its kind when the decoder collects kinds.
func (x *block) readType(d *decoder) error {
	v, err := d.ReadValue()
	if err != nil {
		return err
	}
	x.Type.set(d, v)
	if x.kind == "" || x.kind == "text" {
		x.kind = KindOf(v)
	}
	return nil
}

// readContentKinds reads a message's "content" member and adds its kinds to d.kinds.
func (x *message) readContentKinds(d *decoder) error {
	k := d.PeekKind()
	err := x.Content.readJSON(d)
	switch k {
	case '"':
		d.kinds.add("text")
	case '[':
		for i := range x.Content.Blocks {
			d.kinds.add(x.Content.Blocks[i].kind)
		}
	}
	return err
}

// DecodeRequestKinds is DecodeRequest that also appends to kinds the content kinds of the
// body's messages (defined above), each once, in no particular order, and returns the
// extended slice. It reports false, with kinds as they were, when it could not tell them (a
// body that is not a JSON object, a syntax error, a member name with escapes): the caller then
// finds them itself.
func DecodeRequestKinds(m *genai.Model, body []byte, ev *genai.Event, kinds []string) ([]string, bool) {
	return decodeRequestKinds(m, body, ev, true, kinds)
}
