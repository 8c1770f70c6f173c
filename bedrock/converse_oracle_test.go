package bedrock

import (
	"bytes"
	"encoding/binary"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// The Converse body decoders as they were before their member walks became straight loops
// (closures passed to sEachMember / sEachElement): the oracle of the differential tests in
// converse_diff_test.go.

// decodeConverseRequest reads a Converse request body.
func (d *invocationDecoder) oldDecodeConverseRequest(body []byte, ev *genai.Event, b *bodies) {
	dec := &d.body
	dec.Reset(body)
	d.scratch = d.scratch[:0]
	var msgs, sys msgWriter
	msgs.buf = make([]byte, 0, len(body)+64)
	err := sEachMember(dec, func(name []byte) error {
		switch string(name) {
		case `"messages"`:
			return ivTolerate(sEachElement(dec, func(int) error {
				return d.oldConverseMessage(dec, &msgs, b, true)
			}))
		case `"system"`:
			return d.oldConverseSystem(dec, &sys)
		case `"inferenceConfig"`:
			return ivTolerate(sEachMember(dec, func(name []byte) error {
				var err error
				r := &ev.Request
				switch string(name) {
				case `"maxTokens"`:
					r.MaxTokens, err = sReadInt(dec)
				case `"temperature"`:
					r.Temperature, err = sReadFloat(dec)
				case `"topP"`:
					r.TopP, err = sReadFloat(dec)
				case `"stopSequences"`:
					r.StopSequences, err = sReadStrings(dec)
				default:
					err = dec.SkipValue()
				}
				return err
			}))
		case `"additionalModelRequestFields"`:
			return ivTolerate(sEachMember(dec, func(name []byte) error {
				var err error
				switch string(name) {
				case `"top_k"`, `"topK"`:
					ev.Request.TopK, err = sReadFloat(dec)
				case `"reasoning_effort"`:
					ev.Request.ReasoningLevel, err = sReadString(dec)
				case `"reasoningConfig"`, `"reasoning_config"`, `"thinking"`:
					err = ivTolerate(sEachMember(dec, func(name []byte) error {
						var err error
						switch string(name) {
						case `"maxReasoningEffort"`, `"effort"`:
							ev.Request.ReasoningLevel, err = sReadString(dec)
						case `"type"`:
							var s string
							if s, err = sReadString(dec); ev.Request.ReasoningLevel == "" && s == "enabled" {
								ev.Request.ReasoningLevel = s
							}
						default:
							err = dec.SkipValue()
						}
						return err
					}))
				default:
					err = dec.SkipValue()
				}
				return err
			}))
		case `"toolConfig"`:
			return d.oldConverseTools(dec, ev)
		case `"guardrailConfig"`:
			v, err := dec.ReadValue()
			if err == nil && len(v) > 0 && v[0] == '{' {
				guardrail.DecodeConfig(v, ev)
			}
			return err
		case `"outputConfig"`:
			return ivTolerate(sEachMember(dec, func(name []byte) error {
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
		}
		return dec.SkipValue()
	})
	if err != nil && err != errIvNotObject {
		ev.Warn(genai.WarnBodyUnreadable, "Converse request body: "+err.Error())
	}
	ev.Request.InputMessages = msgs.close()
	ev.Request.SystemInstructions = sys.close()
	ev.Request.Text = string(msgs.text)
	ev.Request.OutputType = ivFirstNonEmpty(ev.Request.OutputType, "text")
	sortKinds(b.kinds)
}

// converseSystem reads the system blocks into one pseudo-message whose parts become
// gen_ai.system_instructions (an array of parts). A plain string is tolerated.
func (d *invocationDecoder) oldConverseSystem(dec *ivCursor, sys *msgWriter) error {
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
				s, err := d.oldReadGuardText(dec)
				sys.addSystemPart(s)
				return err
			}
			return dec.SkipValue()
		}))
	}))
}

// readGuardText reads a guardContent block's text ({"text":{"text":"..."}}).
func (d *invocationDecoder) oldReadGuardText(dec *ivCursor) (string, error) {
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
func (d *invocationDecoder) oldConverseMessage(dec *ivCursor, w *msgWriter, b *bodies, input bool) error {
	if dec.PeekKind() != '{' {
		return dec.SkipValue()
	}
	// The role may come after the content: read the content into a scratch writer first.
	var role string
	content := &d.content
	content.buf, content.text, content.n, content.parts = content.buf[:0], content.text[:0], 0, 0
	err := sEachMember(dec, func(name []byte) error {
		switch string(name) {
		case `"role"`:
			var err error
			role, err = sReadString(dec)
			return err
		case `"content"`:
			if dec.PeekKind() == '"' { // tolerated: a plain string
				s, raw, err := d.readTextJSON(dec)
				content.textPartJSON(s, raw, true)
				if input {
					b.kinds = addKind(b.kinds, "text")
				}
				return err
			}
			return ivTolerate(sEachElement(dec, func(int) error {
				return d.oldConverseBlock(dec, content, b, input)
			}))
		}
		return dec.SkipValue()
	})
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

// converseBlock reads one content block and appends its part.
func (d *invocationDecoder) oldConverseBlock(dec *ivCursor, w *msgWriter, b *bodies, input bool) error {
	return ivTolerate(sEachMember(dec, func(name []byte) error {
		switch string(name) {
		case `"text"`:
			s, raw, err := d.readTextJSON(dec)
			w.textPartJSON(s, raw, true)
			d.kind(b, input, "text")
			return err
		case `"guardContent"`:
			s, err := d.oldReadGuardText(dec)
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
			var id, toolName string
			var args jsontext.Value
			err := ivTolerate(sEachMember(dec, func(name []byte) error {
				var err error
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
				return err
			}))
			w.part("tool_call")
			w.member("id", id)
			w.member("name", toolName)
			w.rawMember("arguments", args)
			w.endPart()
			d.kind(b, input, "tool_use")
			return err
		case `"toolResult"`:
			var id string
			var result jsontext.Value
			err := ivTolerate(sEachMember(dec, func(name []byte) error {
				var err error
				switch string(name) {
				case `"toolUseId"`:
					id, err = d.readText(dec)
				case `"content"`:
					result, err = dec.ReadValue()
				default:
					err = dec.SkipValue()
				}
				return err
			}))
			w.part("tool_call_response")
			w.member("id", id)
			w.rawMember("response", result)
			w.endPart()
			d.kind(b, input, "tool_result")
			return err
		case `"image"`, `"document"`, `"video"`, `"audio"`:
			modality := ivModality(name)
			format, docName, uri, data, err := d.oldReadMedia(dec)
			mime := mimeType(modality, format)
			if uri != "" {
				w.part("uri")
				w.member("modality", modality)
				w.member("mime_type", mime)
				w.member("uri", uri)
			} else {
				w.part("blob")
				w.member("modality", modality)
				w.member("mime_type", mime)
				w.member("content", data)
			}
			w.member("name", docName)
			w.endPart()
			kind := modality
			if format != "" {
				kind += "/" + format
			}
			d.kind(b, input, kind)
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
	}))
}

// readMedia reads an image/document/video/audio block: its format, name, and either an S3
// location (source.s3Location.uri, or the log-only source.s3Uri) or inline bytes (already
// replaced by a placeholder when large).
func (d *invocationDecoder) oldReadMedia(dec *ivCursor) (format, name, uri, data string, err error) {
	err = ivTolerate(sEachMember(dec, func(n []byte) error {
		var err error
		switch string(n) {
		case `"format"`:
			format, err = d.readText(dec)
		case `"name"`:
			name, err = d.readText(dec)
		case `"source"`:
			err = ivTolerate(sEachMember(dec, func(n []byte) error {
				var err error
				switch string(n) {
				case `"s3Uri"`, `"uri"`:
					uri, err = d.readText(dec)
				case `"s3Location"`:
					err = ivTolerate(sEachMember(dec, func(n []byte) error {
						if string(n) != `"uri"` {
							return dec.SkipValue()
						}
						var err error
						uri, err = d.readText(dec)
						return err
					}))
				case `"bytes"`:
					data, err = d.readText(dec)
				case `"text"`:
					data, err = d.readText(dec)
				default:
					err = dec.SkipValue()
				}
				return err
			}))
		default:
			err = dec.SkipValue()
		}
		return err
	}))
	return
}

// converseTools reads toolConfig.tools into gen_ai.tool.definitions.
func (d *invocationDecoder) oldConverseTools(dec *ivCursor, ev *genai.Event) error {
	var buf []byte
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
		ev.Request.ToolDefinitions = append(buf, ']')
	}
	return err
}

// decodeConverseResponse reads a Converse response body (also what a ConverseStream record
// logs).
func (d *invocationDecoder) oldDecodeConverseResponse(body []byte, ev *genai.Event, b *bodies) {
	dec := &d.body
	dec.Reset(body)
	d.scratch = d.scratch[:0]
	var out msgWriter
	content := &d.content
	content.buf, content.text, content.n, content.parts = content.buf[:0], content.text[:0], 0, 0
	var role, stopReason string
	hasMessage := false
	err := sEachMember(dec, func(name []byte) error {
		switch string(name) {
		case `"output"`:
			return ivTolerate(sEachMember(dec, func(name []byte) error {
				if string(name) != `"message"` {
					return dec.SkipValue()
				}
				hasMessage = true
				return ivTolerate(sEachMember(dec, func(name []byte) error {
					switch string(name) {
					case `"role"`:
						var err error
						role, err = sReadString(dec)
						return err
					case `"content"`:
						return ivTolerate(sEachElement(dec, func(int) error {
							return d.oldConverseBlock(dec, content, b, false)
						}))
					}
					return dec.SkipValue()
				}))
			}))
		case `"stopReason"`:
			var err error
			stopReason, err = sReadString(dec)
			return err
		case `"usage"`:
			return d.oldConverseUsage(dec, ev)
		case `"metrics"`:
			return ivTolerate(sEachMember(dec, func(name []byte) error {
				if string(name) != `"latencyMs"` {
					return dec.SkipValue()
				}
				v, err := sReadInt(dec)
				if v.Valid {
					ev.Performance.ResponseTime = v
				}
				return err
			}))
		case `"trace"`:
			v, err := dec.ReadValue()
			if err == nil && len(v) > 0 && v[0] == '{' {
				guardrail.DecodeConverseTraceValid(v, ev) // the body was validated when the record was read
				d.oldPromptRouter(v, ev)
			}
			return err
		}
		return dec.SkipValue()
	})
	if err != nil && err != errIvNotObject {
		ev.Warn(genai.WarnBodyUnreadable, "Converse response body: "+err.Error())
	}
	if hasMessage {
		if role == "" {
			role = "assistant"
		}
		out.buf = make([]byte, 0, len(content.buf)+2*len(role)+2*len(stopReason)+48)
		out.startMessage(role)
		out.buf = append(out.buf, content.buf...)
		out.endMessage(ivFirstNonEmpty(stopReason, "unknown"))
		ev.Response.OutputMessages = out.close()
		ev.Response.Text = string(content.text)
		ev.Request.Model.Role = role
	}
	if stopReason != "" {
		ev.Response.FinishReasons = append(ev.Response.FinishReasons[:0], stopReason)
		if stopReason == "guardrail_intervened" {
			ev.Guardrail.Intervened = true
		}
	}
}

// converseUsage reads a Converse usage object (documented names and the undocumented
// duplicates some models write).
func (d *invocationDecoder) oldConverseUsage(dec *ivCursor, ev *genai.Event) error {
	u := &ev.Usage
	var in, out, total, cacheRead, cacheWrite genai.Opt[int64]
	err := ivTolerate(sEachMember(dec, func(name []byte) error {
		var err error
		var v genai.Opt[int64]
		switch string(name) {
		case `"inputTokens"`:
			in, err = sReadInt(dec)
		case `"outputTokens"`:
			out, err = sReadInt(dec)
		case `"totalTokens"`:
			total, err = sReadInt(dec)
		case `"cacheReadInputTokens"`, `"cacheReadInputTokenCount"`:
			if v, err = sReadInt(dec); v.Valid && !cacheRead.Valid {
				cacheRead = v
			}
		case `"cacheWriteInputTokens"`, `"cacheWriteInputTokenCount"`:
			if v, err = sReadInt(dec); v.Valid && !cacheWrite.Valid {
				cacheWrite = v
			}
		default:
			err = dec.SkipValue()
		}
		return err
	}))
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

// promptRouter reads trace.promptRouter.invokedModelId: the model a prompt router chose.
func (d *invocationDecoder) oldPromptRouter(trace []byte, ev *genai.Event) {
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

// oldMessageStart reads an Anthropic message_start chunk for the response id, role and model
// (what Elastic reads from it).
func (d *invocationDecoder) oldMessageStart(chunk []byte, ev *genai.Event) {
	dec := &d.sub
	dec.Reset(chunk)
	_ = sEachMember(dec, func(name []byte) error {
		if string(name) != `"message"` {
			return dec.SkipValue()
		}
		return ivTolerate(sEachMember(dec, func(name []byte) error {
			var s string
			var err error
			switch string(name) {
			case `"id"`:
				if s, err = sReadString(dec); ev.Response.ID == "" {
					ev.Response.ID = s
				}
			case `"role"`:
				if s, err = sReadString(dec); ev.Request.Model.Role == "" {
					ev.Request.Model.Role = s
				}
			case `"model"`:
				if s, err = sReadString(dec); ev.Response.Model == "" {
					ev.Response.Model = s
				}
			default:
				err = dec.SkipValue()
			}
			return err
		}))
	})
}

// oldContentKinds lists the kinds of the content blocks of an InvokeModel body's messages
// (Anthropic Messages API, Nova messages-v1, OpenAI-style chat bodies).
func (d *invocationDecoder) oldContentKinds(body []byte) []string {
	// The body is clean: its top-level members are stepped over without a search for
	// "messages" first.
	var kinds []string
	dec := &d.sub
	dec.Reset(body)
	_ = sEachMember(dec, func(name []byte) error {
		if string(name) != `"messages"` {
			return dec.SkipValue()
		}
		return ivTolerate(sEachElement(dec, func(int) error {
			return ivTolerate(sEachMember(dec, func(name []byte) error {
				if string(name) != `"content"` {
					return dec.SkipValue()
				}
				if dec.PeekKind() == '"' {
					kinds = addKind(kinds, "text")
					return dec.SkipValue()
				}
				return ivTolerate(sEachElement(dec, func(int) error {
					kind := ""
					err := ivTolerate(sEachMember(dec, func(name []byte) error {
						switch string(name) {
						case `"type"`:
							s, err := sReadString(dec)
							if kind == "" || kind == "text" {
								kind = s
							}
							return err
						case `"text"`:
							if kind == "" {
								kind = "text"
							}
						case `"image"`, `"document"`, `"video"`, `"audio"`:
							if kind == "" || kind == "text" {
								kind = strings.Trim(string(name), `"`)
							}
						}
						return dec.SkipValue()
					}))
					kinds = addKind(kinds, kind)
					return err
				}))
			}))
		}))
	})
	return kinds
}

// oldIvCopyableString is ivCopyableString as it was before it stepped over plain runs with
// jsonscan.QuoteOrSpecial, a word at a time: the oracle of FuzzIvCopyableString.
func oldIvCopyableString(s []byte) int {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	kind := ivCopyPlain
	i := 0
	for {
		for i+8 <= len(s) {
			w := binary.LittleEndian.Uint64(s[i:])
			b := w ^ ('\\' * lsb)
			// Backslashes, control bytes and bytes of multi-byte sequences.
			if ((b-lsb)&^b|(w-0x20*lsb)&^w|w)&msb != 0 {
				break
			}
			i += 8
		}
		// Byte by byte up to the next word without special bytes.
		stop := min(len(s), i+8)
		for ; i < stop; i++ {
			c := s[i]
			switch {
			case c == '\\':
				if i+1 >= len(s) {
					return ivCopyNo
				}
				switch s[i+1] {
				case '"', '\\', 'n', 'r', 't':
				default:
					return ivCopyNo
				}
				kind = ivCopyEscaped
				i++ // the escaped byte
			case c < 0x20:
				return ivCopyNo
			case c == 0xE2:
				// U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped by AppendJSONString.
				if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
					return ivCopyNo
				}
			}
		}
		if i >= len(s) {
			return kind
		}
	}
}

// ivCopyableString, the oracle of ivScanString's kind, reports whether the content of a valid JSON string, of valid UTF-8, is
// what genai.AppendJSONString writes for its text, and whether it holds escapes. A long one
// has its runs of plain bytes stepped over with jsonscan.QuoteOrSpecial (SIMD) and U+2028 /
// U+2029 searched by their first byte with bytes.IndexByte: two fast passes rather than a
// word at a time with a byte loop around every escape and non-ASCII letter. A short one is
// read a word at a time (ivCopyableShort), which costs less than those calls.
func ivCopyableString(s []byte) int {
	if len(s) < ivCopyableLong {
		return ivCopyableShort(s)
	}
	kind := ivCopyPlain
	for i := 0; ; {
		i = jsonscan.QuoteOrSpecial(s, i)
		if i >= len(s) {
			break
		}
		switch s[i] {
		case '"':
			i++ // not in a valid string's content unescaped; plain, as quoting again keeps it
			continue
		case '\\':
			if i+1 >= len(s) {
				return ivCopyNo
			}
			switch s[i+1] {
			case '"', '\\', 'n', 'r', 't':
			default:
				return ivCopyNo
			}
			kind = ivCopyEscaped
			i += 2 // the backslash and the byte it escapes
			continue
		}
		return ivCopyNo // a control byte
	}
	// U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped by AppendJSONString.
	for i := 0; ; {
		k := bytes.IndexByte(s[i:], 0xE2)
		if k < 0 {
			return kind
		}
		i += k + 1
		if i+1 < len(s) && s[i] == 0x80 && (s[i+1] == 0xA8 || s[i+1] == 0xA9) {
			return ivCopyNo
		}
	}
}

// ivCopyableShort is ivCopyableString a word at a time.
func ivCopyableShort(s []byte) int {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	kind := ivCopyPlain
	i := 0
	for {
		for i+8 <= len(s) {
			w := binary.LittleEndian.Uint64(s[i:])
			b := w ^ ('\\' * lsb)
			// Backslashes, control bytes and bytes of multi-byte sequences.
			if ((b-lsb)&^b|(w-0x20*lsb)&^w|w)&msb != 0 {
				break
			}
			i += 8
		}
		// Byte by byte up to the next word without special bytes.
		stop := min(len(s), i+8)
		for ; i < stop; i++ {
			c := s[i]
			switch {
			case c == '\\':
				if i+1 >= len(s) {
					return ivCopyNo
				}
				switch s[i+1] {
				case '"', '\\', 'n', 'r', 't':
				default:
					return ivCopyNo
				}
				kind = ivCopyEscaped
				i++ // the escaped byte
			case c < 0x20:
				return ivCopyNo
			case c == 0xE2:
				// U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped by AppendJSONString.
				if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
					return ivCopyNo
				}
			}
		}
		if i >= len(s) {
			return kind
		}
	}
}
