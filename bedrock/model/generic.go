package model

import "github.com/genainorm/genainorm/genai"

// decodeResponse reads a response body of the given shape into ev.
func decodeResponse(s shape, r *response, ev *genai.Event, d *decoder) {
	switch s {
	case shapeAnthropicMessages:
		anthropicResponse(r, ev, d)
	case shapeAnthropicText:
		anthropicTextResponse(r, ev, d)
	case shapeNova:
		novaResponse(r, ev)
	case shapeTitanText:
		titanTextResponse(r, ev, d)
	case shapeTitanEmbed:
		titanEmbedResponse(r, ev)
	case shapeAmazonImage:
		amazonImageResponse(r, ev)
	case shapeLlama:
		llamaResponse(r, ev, d)
	case shapeMistralText:
		mistralTextResponse(r, ev)
	case shapeChat:
		chatResponse(r, ev)
	case shapeDeepSeekText:
		deepseekTextResponse(r, ev)
	case shapeCohereCommand:
		cohereCommandResponse(r, ev)
	case shapeCohereChat:
		cohereChatResponse(r, ev)
	case shapeCohereEmbed:
		cohereEmbedResponse(r, ev)
	case shapeJurassic:
		jurassicResponse(r, ev)
	case shapeStability:
		stabilityResponse(r, ev)
	case shapeRerank:
		ev.Response.ID = string(r.ID)
	default:
		genericResponse(r, ev)
	}
}

// addReason appends reason to ev's finish reasons: what append does, but the first reason of
// an event that has none goes to a one-string list of the slab (see list), not allocated.
func (d *decoder) addReason(ev *genai.Event, reason string) {
	if ev.Response.FinishReasons != nil {
		ev.Response.FinishReasons = append(ev.Response.FinishReasons, reason)
		return
	}
	if cap(d.lists)-len(d.lists) < 1 {
		d.lists = make([]string, 0, slabSize)
	}
	start := len(d.lists)
	d.lists = append(d.lists, reason)
	ev.Response.FinishReasons = d.lists[start : start+1 : start+1]
}

// genericResponse reads a body of an unknown family for the common member names: an id, a
// model, text under "text" / "completion" / "generation" / "outputText", a finish reason
// under "finish_reason" / "stop_reason" / "stopReason", and a usage object.
func genericResponse(r *response, ev *genai.Event) {
	ev.Response.ID = string(r.ID)
	ev.Response.Model = string(r.Model)
	text := ""
	for _, t := range [...]str{r.Text, r.Completion, r.Generation, r.OutputText, r.GeneratedText, r.OutputTextSn, r.ResponseText, str(r.Message.Text)} {
		if t != "" {
			text = string(t)
			break
		}
	}
	reason := ""
	for _, t := range [...]str{r.FinishReason, r.StopReason, r.StopReasonCamel, r.CompletionReason, r.FinishReasonCamel} {
		if t != "" {
			reason = string(t)
			break
		}
	}
	if text != "" || !r.Content.empty() {
		w := pooledWriter("")
		defer w.release()
		w.begin("assistant")
		if text != "" {
			w.textPart(text, true)
		}
		w.writeContent(&r.Content, true)
		w.end(reason)
		ev.Response.OutputMessages, ev.Response.Text = w.results()
	}
	if reason != "" {
		ev.Response.FinishReasons = append(ev.Response.FinishReasons, reason)
	}
	if r.Usage.OK {
		applyUsage(ev, fromUsage(&r.Usage.V), genai.UsageSourceBody)
	}
}
