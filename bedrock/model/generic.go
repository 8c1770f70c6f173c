package model

import "github.com/genainorm/genainorm/genai"

// decodeResponse reads a response body of the given shape into ev.
func decodeResponse(s shape, r *response, ev *genai.Event) {
	switch s {
	case shapeAnthropicMessages:
		anthropicResponse(r, ev)
	case shapeAnthropicText:
		anthropicTextResponse(r, ev)
	case shapeNova:
		novaResponse(r, ev)
	case shapeTitanText:
		titanTextResponse(r, ev)
	case shapeTitanEmbed:
		titanEmbedResponse(r, ev)
	case shapeAmazonImage:
		amazonImageResponse(r, ev)
	case shapeLlama:
		llamaResponse(r, ev)
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
