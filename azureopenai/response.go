package azureopenai

import (
	"bytes"
	"fmt"

	"github.com/genainorm/genainorm/genai"
)

func init() {
	formats = append(formats, &genai.Format{
		Name:        FormatResponse,
		Description: "Azure OpenAI API response bodies as an application logs them: chat completions, completions, embeddings, and 400 content_filter errors, with content-filter annotations",
		Detect:      detectResponse,
		NewDecoder:  func() genai.Decoder { return responseDecoder{} },
	})
}

func detectResponse(data []byte) bool {
	d := bytes.TrimSpace(data)
	if len(d) == 0 || d[0] != '{' {
		return false
	}
	// Records of other formats that may embed an OpenAI-shaped body are turned down (bits 0-5);
	// content-filter annotations (6-9), a completion object (10-11), an embeddings list
	// (12-13) or a content_filter error (14-15) make a response.
	f := responseKeys.scan(d, responseExcluded)
	switch {
	case responseExcluded(f):
		return false
	case f&0x3c0 != 0, f&0xc00 != 0:
		return true
	}
	return f&0x3000 == 0x3000 || f&0xc000 == 0xc000
}

var responseKeys = newKeyScan(append(keys(`"schemaType"`, `"modelInput"`, `"eventSource"`, `"resourceId"`, `"_ResourceId"`, `"records"`,
	`"prompt_filter_results"`, `"prompt_annotations"`, `"content_filter_results"`, `"content_filter_result"`),
	keyValue{`"object":`, `"chat.completion"`}, keyValue{`"object":`, `"text_completion"`},
	keyValue{`"object":`, `"list"`}, keyValue{`"object":`, `"embedding"`},
	keyValue{`"code":`, `"content_filter"`}, keyValue{key: `"error"`})...)

func responseExcluded(f uint64) bool { return f&0x3f != 0 }

type responseDecoder struct{}

// Decode normalizes one response body.
func (responseDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	var rb responseBody
	if err := decodeInto(rec.Data, &rb); err != nil {
		return fmt.Errorf("azure openai response body: %w", err)
	}
	source(ev, string(rb.Object))
	ev.Original = append(ev.Original[:0], rec.Data...)
	ev.Category = append(ev.Category, "api")
	ev.Type = append(ev.Type, "info")
	ev.Response.Body = append([]byte(nil), bytes.TrimSpace(rec.Data)...)
	var sink filterSink
	applyResponse(ev, &rb, &sink)
	sink.flush(ev)
	ev.Request.Model.ID = firstNonEmpty(ev.Request.Model.ID, string(rb.Model))
	if ev.Source.Operation == "" && rb.Error != nil {
		ev.Source.Operation = "error"
	}
	ev.Action = ev.Source.Operation
	ev.Time = ev.Response.Time
	if ev.Outcome == "" {
		ev.Outcome = genai.OutcomeSuccess
	}
	finishGuardrail(ev)
	return nil
}
