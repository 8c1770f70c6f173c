package model

import (
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

// msgWriter writes a JSON array following the OpenTelemetry GenAI message schemas:
// [{"role":"user","parts":[{"type":"text","content":"..."}]}] for input and output messages
// (output messages add "finish_reason"), or a bare array of parts for system instructions.
// Media payloads are never written: a blob part carries its size instead.
type msgWriter struct {
	b       []byte
	msgs    int
	parts   int
	inMsg   bool
	text    textBuilder // the plain text of the text parts written with textOf
	sep     string
	scratch *writerScratch // where b and text are built, when pooled (see pooledWriter)
}

// textBuilder collects plain text, as a strings.Builder does.
type textBuilder struct {
	b       []byte
	scratch bool // b is a pooled buffer: String copies it
}

func (t *textBuilder) Len() int { return len(t.b) }

func (t *textBuilder) WriteString(s string) { t.b = append(t.b, s...) }

func (t *textBuilder) String() string {
	if t.scratch {
		return string(t.b)
	}
	return unsafe.String(unsafe.SliceData(t.b), len(t.b))
}

// writerScratch holds the buffers of a pooled writer between bodies, and the arena results
// copies small results into.
type writerScratch struct{ b, text, arena []byte }

// Results of up to maxArenaResult bytes are copied into an arena of resultArenaSize bytes
// shared by the results of many bodies, rather than allocated one by one. An arena is only
// ever appended to: a result stays valid for as long as it is referenced, whichever body
// comes next (as the decoders' arenas of short strings).
const (
	resultArenaSize = 16 << 10
	maxArenaResult  = 2 << 10
)

var writerPool = sync.Pool{New: func() any { return new(writerScratch) }}

// maxScratch is the largest buffer kept in writerPool.
const maxScratch = 64 << 10

// pooledWriter returns a writer that builds in pooled buffers and copies out its results
// (bytes, text.String) at their exact size, instead of growing fresh buffers for each body;
// release gives the buffers back.
func pooledWriter(sep string) msgWriter {
	s := writerPool.Get().(*writerScratch)
	return msgWriter{b: s.b[:0], text: textBuilder{b: s.text[:0], scratch: true}, sep: sep, scratch: s}
}

// release returns a pooled writer's buffers; the writer is not used after.
func (w *msgWriter) release() {
	s := w.scratch
	if s == nil {
		return
	}
	w.scratch = nil
	if cap(w.b) <= maxScratch {
		s.b = w.b[:0]
	}
	if cap(w.text.b) <= maxScratch {
		s.text = w.text.b[:0]
	}
	writerPool.Put(s)
}

// discard drops everything written, keeping the buffers.
func (w *msgWriter) discard() {
	w.b, w.text.b = w.b[:0], w.text.b[:0]
	w.msgs, w.parts, w.inMsg = 0, 0, false
}

// begin opens a message with the given role.
func (w *msgWriter) begin(role string) {
	if w.msgs == 0 {
		w.b = append(w.b, '[')
	} else {
		w.b = append(w.b, ',')
	}
	w.msgs++
	w.b = append(w.b, `{"role":`...)
	w.b = genai.AppendJSONString(w.b, role)
	w.b = append(w.b, `,"parts":[`...)
	w.parts, w.inMsg = 0, true
}

// end closes the open message; finish is its finish_reason, when it has one.
func (w *msgWriter) end(finish string) {
	w.b = append(w.b, ']')
	if finish != "" {
		w.b = append(w.b, `,"finish_reason":`...)
		w.b = genai.AppendJSONString(w.b, finish)
	}
	w.b = append(w.b, '}')
	w.inMsg = false
}

// part starts one part: inside a message, or as a top-level array item (system instructions).
func (w *msgWriter) part(typ string) {
	if w.inMsg {
		if w.parts > 0 {
			w.b = append(w.b, ',')
		}
		w.parts++
	} else {
		if w.msgs == 0 {
			w.b = append(w.b, '[')
		} else {
			w.b = append(w.b, ',')
		}
		w.msgs++
	}
	w.b = append(w.b, `{"type":`...)
	w.b = genai.AppendJSONString(w.b, typ)
}

func (w *msgWriter) field(name, v string) {
	if v == "" {
		return
	}
	w.b = append(w.b, ',', '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
	w.b = genai.AppendJSONString(w.b, v)
}

// textPart writes a text part; collect says whether its text joins the plain text.
func (w *msgWriter) textPart(s string, collect bool) {
	w.part("text")
	w.b = append(w.b, `,"content":`...)
	w.b = genai.AppendJSONString(w.b, s)
	w.b = append(w.b, '}')
	if collect && s != "" {
		if w.text.Len() > 0 {
			w.text.WriteString(w.sep)
		}
		w.text.WriteString(s)
	}
}

// reasoning writes a reasoning part.
func (w *msgWriter) reasoning(s string) {
	w.part("reasoning")
	w.field("content", s)
	w.b = append(w.b, '}')
}

// toolCall writes a tool_call part; args is JSON text (an object) or, when it is not valid
// JSON, a string.
func (w *msgWriter) toolCall(id, name string, args []byte) {
	w.part("tool_call")
	w.field("id", id)
	w.field("name", name)
	if len(args) > 0 {
		w.b = append(w.b, `,"arguments":`...)
		w.b = appendJSONOrString(w.b, args)
	}
	w.b = append(w.b, '}')
}

// toolResponse writes a tool_call_response part; resp is JSON text or, when invalid, a string.
func (w *msgWriter) toolResponse(id string, resp []byte, text string) {
	w.part("tool_call_response")
	w.field("id", id)
	switch {
	case len(resp) > 0:
		w.b = append(w.b, `,"response":`...)
		w.b = appendJSONOrString(w.b, resp)
	case text != "":
		w.b = append(w.b, `,"response":`...)
		w.b = genai.AppendJSONString(w.b, text)
	}
	w.b = append(w.b, '}')
}

// blob writes a blob part without its payload: modality, media type and payload size.
func (w *msgWriter) blob(modality, mime string, size int64) {
	w.part("blob")
	w.field("modality", modality)
	w.field("mime_type", mime)
	w.b = append(w.b, `,"size":`...)
	w.b = strconv.AppendInt(w.b, size, 10)
	w.b = append(w.b, '}')
}

// uri writes a uri part.
func (w *msgWriter) uri(modality, mime, uri string) {
	w.part("uri")
	w.field("modality", modality)
	w.field("mime_type", mime)
	w.field("uri", uri)
	w.b = append(w.b, '}')
}

// file writes a file part (a provider-side file id).
func (w *msgWriter) file(modality, mime, id string) {
	w.part("file")
	w.field("modality", modality)
	w.field("mime_type", mime)
	w.field("file_id", id)
	w.b = append(w.b, '}')
}

// bytes returns the finished array, or nil when nothing was written.
func (w *msgWriter) bytes() []byte {
	if w.msgs == 0 {
		return nil
	}
	if w.scratch != nil {
		out := make([]byte, len(w.b)+1)
		copy(out, w.b)
		out[len(w.b)] = ']'
		return out
	}
	return append(w.b, ']')
}

// results returns bytes() and text.String(). A pooled writer copies both out in one
// allocation (or piece of its arena): the text follows the array, which is capped so that an
// append to it cannot reach the text.
func (w *msgWriter) results() ([]byte, string) {
	if w.scratch == nil || !w.text.scratch {
		return w.bytes(), w.text.String()
	}
	n, t := 0, len(w.text.b)
	if w.msgs > 0 {
		n = len(w.b) + 1
	}
	if n+t == 0 {
		return nil, ""
	}
	var out []byte
	if s := w.scratch; n+t <= maxArenaResult {
		if cap(s.arena)-len(s.arena) < n+t {
			s.arena = make([]byte, 0, resultArenaSize)
		}
		start := len(s.arena)
		s.arena = s.arena[:start+n+t]
		out = s.arena[start : start+n+t : start+n+t] // wholly written below
	} else {
		out = make([]byte, n+t)
	}
	var msgs []byte
	if n > 0 {
		copy(out, w.b)
		out[n-1] = ']'
		msgs = out[:n:n]
	}
	text := ""
	if t > 0 {
		copy(out[n:], w.text.b)
		text = unsafe.String(&out[n], t)
	}
	return msgs, text
}

// appendJSONOrString appends v when it is valid JSON, or v as a JSON string.
func appendJSONOrString(b, v []byte) []byte {
	if jsontext.Value(v).IsValid(jsontext.AllowDuplicateNames(true)) {
		if isCompact(v) {
			return append(b, v...)
		}
		c := jsontext.Value(append([]byte(nil), v...))
		if c.Compact(jsontext.AllowDuplicateNames(true)) == nil {
			return append(b, c...)
		}
	}
	return genai.AppendJSONBytesString(b, v)
}

// isCompact reports whether v has no whitespace outside strings (cheap check: none at all).
func isCompact(v []byte) bool {
	for _, c := range v {
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			return false
		}
	}
	return true
}

// mimeFor returns the media type for a Converse format name ("png", "pdf").
func mimeFor(modality, format string) string {
	if format == "" {
		return ""
	}
	switch modality {
	case "image":
		if format == "jpg" {
			format = "jpeg"
		}
		return "image/" + format
	case "video":
		return "video/" + format
	case "audio":
		return "audio/" + format
	}
	switch format {
	case "pdf":
		return "application/pdf"
	case "txt":
		return "text/plain"
	case "md":
		return "text/markdown"
	case "html":
		return "text/html"
	case "csv":
		return "text/csv"
	case "doc":
		return "application/msword"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "xls":
		return "application/vnd.ms-excel"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return ""
}

// modalityOfMime returns the OTel modality of a media type.
func modalityOfMime(mime string) string {
	switch {
	case strings.HasPrefix(mime, "image/"):
		return "image"
	case strings.HasPrefix(mime, "video/"):
		return "video"
	case strings.HasPrefix(mime, "audio/"):
		return "audio"
	}
	return "document"
}

// writeBlocks writes the parts of a content value. collect says whether text parts join the
// plain text.
func (w *msgWriter) writeContent(c *content, collect bool) {
	if c.IsText {
		if c.Text != "" {
			w.textPart(c.Text, collect)
		}
		return
	}
	for i := range c.Blocks {
		w.writeBlock(&c.Blocks[i], collect)
	}
}

// writeBlock writes one block of any family as OTel parts.
func (w *msgWriter) writeBlock(b *block, collect bool) {
	switch b.Type {
	case "text", "input_text", "output_text":
		w.textPart(string(b.Text), collect)
		return
	case "thinking":
		w.reasoning(string(b.Thinking))
		return
	case "redacted_thinking":
		w.reasoning("")
		return
	case "tool_use", "server_tool_use":
		w.toolCall(string(b.ID), string(b.Name), b.Input)
		return
	case "tool_result", "web_search_tool_result":
		w.toolResult(string(b.ToolUseID), b.Content)
		return
	case "image", "document":
		if b.Source != nil && b.Source.OK {
			w.source(string(b.Type), &b.Source.V, "")
			return
		}
	case "image_url":
		if b.ImageURL == nil {
			w.blob("image", "", 0)
			return
		}
		u := &b.ImageURL.V.URL
		if u.URL != "" {
			w.uri("image", "", u.URL)
		} else {
			w.blob("image", u.Mime, u.DataSize)
		}
		return
	}
	switch {
	case b.ToolUse != nil && b.ToolUse.OK:
		t := &b.ToolUse.V
		w.toolCall(string(t.ToolUseID), string(t.Name), t.Input)
	case b.ToolResult != nil && b.ToolResult.OK:
		w.toolResult(string(b.ToolResult.V.ToolUseID), b.ToolResult.V.Content)
	case b.Image != nil && b.Image.OK:
		w.media("image", &b.Image.V)
	case b.Document != nil && b.Document.OK:
		w.media("document", &b.Document.V)
	case b.Video != nil && b.Video.OK:
		w.media("video", &b.Video.V)
	case b.Audio != nil && b.Audio.OK:
		w.media("audio", &b.Audio.V)
	case b.ReasoningContent != nil && b.ReasoningContent.OK:
		r := &b.ReasoningContent.V
		t := string(r.ReasoningText.V.Text)
		if t == "" {
			t = string(r.Text)
		}
		w.reasoning(t)
	case b.GuardContent != nil && b.GuardContent.OK:
		w.textPart(string(b.GuardContent.V.Text.V.Text), collect)
	case len(b.JSON) > 0:
		w.part("text")
		w.b = append(w.b, `,"content":`...)
		w.b = genai.AppendJSONBytesString(w.b, b.JSON)
		w.b = append(w.b, '}')
	case b.Text != "" || b.Type == "":
		if b.Text != "" {
			w.textPart(string(b.Text), collect)
		}
	default:
		// An unknown typed block: keep its type so nothing silently disappears.
		w.part(string(b.Type))
		w.b = append(w.b, '}')
	}
}

// toolResult writes a tool_call_response from a tool result's content.
func (w *msgWriter) toolResult(id string, c *content) {
	if c == nil {
		w.toolResponse(id, nil, "")
		return
	}
	if c.IsText {
		w.toolResponse(id, nil, c.Text)
		return
	}
	if len(c.Blocks) == 1 && len(c.Blocks[0].JSON) > 0 {
		w.toolResponse(id, c.Blocks[0].JSON, "")
		return
	}
	var sb strings.Builder
	for i := range c.Blocks {
		if t := c.Blocks[i].Text; t != "" {
			if sb.Len() > 0 {
				sb.WriteByte('\n')
			}
			sb.WriteString(string(t))
		} else if j := c.Blocks[i].JSON; len(j) > 0 {
			if sb.Len() > 0 {
				sb.WriteByte('\n')
			}
			sb.Write(j)
		}
	}
	w.toolResponse(id, nil, sb.String())
}

// source writes an Anthropic media block's source.
func (w *msgWriter) source(kind string, s *mediaSource, format string) {
	mime := string(s.MediaType)
	modality := kind
	if kind == "document" && mime != "" {
		modality = modalityOfMime(mime)
	}
	switch {
	case s.Data.OK:
		w.blob(modality, mime, s.Data.N)
	case s.Bytes.OK:
		w.blob(modality, mime, s.Bytes.N)
	case s.URL != "":
		w.uri(modality, mime, string(s.URL))
	case s.S3URI != "":
		w.uri(modality, mime, string(s.S3URI))
	case s.S3Location.V.URI != "":
		w.uri(modality, mime, string(s.S3Location.V.URI))
	case s.FileID != "":
		w.file(modality, mime, string(s.FileID))
	default:
		w.blob(modality, mime, 0)
	}
}

// media writes a Converse / Nova image, document, video or audio block.
func (w *msgWriter) media(modality string, m *mediaBlock) {
	s := &m.Source.V
	if s.MediaType == "" {
		s.MediaType = str(mimeFor(modality, string(m.Format)))
	}
	w.source(modality, s, string(m.Format))
}
