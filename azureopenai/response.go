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
	// Records of other formats that may embed an OpenAI-shaped body.
	if containsAny(d, `"schemaType"`, `"modelInput"`, `"eventSource"`, `"records"`) || containsVariants(d, `esourceId"`, `"resourceId"`, `"_ResourceId"`) {
		return false
	}
	if containsVariants(d, `"prompt_`, `"prompt_filter_results"`, `"prompt_annotations"`) ||
		containsVariants(d, `content_filter_result`, `"content_filter_results"`, `"content_filter_result"`) {
		return true
	}
	if hasMember(d, "object", `"chat.completion"`) || hasMember(d, "object", `"text_completion"`) {
		return true
	}
	if hasMember(d, "object", `"list"`) && hasMember(d, "object", `"embedding"`) {
		return true
	}
	return hasMember(d, "code", `"content_filter"`) && bytes.Contains(d, []byte(`"error"`))
}

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
