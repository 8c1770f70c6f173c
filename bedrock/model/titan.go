package model

import (
	"strings"

	"github.com/genainorm/genainorm/genai"
)

// embedRequest reads an embeddings request (Titan Embeddings, Cohere Embed): the input text
// becomes the plain text; images are counted as blob parts.
func embedRequest(r *request, ev *genai.Event) {
	q := &ev.Request
	switch {
	case r.InputText != "":
		q.Text = string(r.InputText)
	case len(r.Texts) > 0:
		q.Text = strings.Join(r.Texts, "\n")
	case r.Query != "":
		q.Text = string(r.Query)
	case r.SingleEmbeddingParams.V.Text.V.Value != "":
		q.Text = string(r.SingleEmbeddingParams.V.Text.V.Value)
	}
	if p := &r.SingleEmbeddingParams; p.OK {
		embedParamsMessage(&p.V, ev)
		return
	}
	w := pooledWriter("")
	defer w.release()
	if q.Text != "" || r.InputImage.OK || len(r.Images) > 0 {
		w.begin("user")
		if r.InputText != "" {
			w.textPart(string(r.InputText), false)
		}
		for _, t := range r.Texts {
			w.textPart(t, false)
		}
		if r.Query != "" {
			w.textPart(string(r.Query), false)
		}
		if r.InputImage.OK {
			w.blob("image", "", r.InputImage.N)
		}
		for _, n := range r.Images {
			w.blob("image", "", n)
		}
		w.end("")
	}
	q.InputMessages = w.bytes()
}

// amazonImageRequest reads a Titan Image Generator / Nova Canvas request.
func amazonImageRequest(r *request, ev *genai.Event, w *msgWriter) {
	q := &ev.Request
	q.OutputType = "image"
	var p *imageParams
	for _, o := range [...]*obj[imageParams]{&r.TextToImageParams, &r.ImageVariationParams, &r.InPaintingParams,
		&r.OutPaintingParams, &r.ColorGuidedParams, &r.BackgroundRemoval} {
		if o.OK {
			p = &o.V
			break
		}
	}
	if p == nil {
		return
	}
	w.begin("user")
	if p.Text != "" {
		w.textPart(string(p.Text), true)
	}
	for _, n := range p.Images {
		w.blob("image", "", n)
	}
	for _, b := range [...]blob{p.Image, p.MaskImage, p.ConditionImage, p.ReferenceImage} {
		if b.OK {
			w.blob("image", "", b.N)
		}
	}
	w.end("")
	q.InputMessages, q.Text = w.results()
}

// titanTextResponse reads a Titan Text response.
func titanTextResponse(r *response, ev *genai.Event, d *decoder) {
	w := pooledWriter("")
	defer w.release()
	var out genai.Opt[int64]
	for i := range r.Results {
		res := &r.Results[i]
		w.begin("assistant")
		w.textPart(string(res.OutputText), true)
		w.end(string(res.CompletionReason))
		if res.CompletionReason != "" {
			d.addReason(ev, string(res.CompletionReason))
		}
		if n, ok := res.TokenCount.int(); ok {
			out.Set(out.Value + n)
		}
	}
	ev.Response.OutputMessages, ev.Response.Text = w.results()
	applyUsage(ev, tokens{in: optOf(r.InputTextTokenCount), out: out}, genai.UsageSourceBody)
}

// titanEmbedResponse reads a Titan Embeddings response.
func titanEmbedResponse(r *response, ev *genai.Event) {
	switch {
	case r.Embedding.OK || bool(r.EmbeddingsByType):
		ev.Response.Embeddings.Set(1)
	case r.Embeddings.OK: // Nova multimodal embeddings: [{"embeddingType","embedding"}]
		ev.Response.Embeddings.Set(r.Embeddings.N)
	}
	applyUsage(ev, tokens{in: optOf(r.InputTextTokenCount)}, genai.UsageSourceBody)
}

// amazonImageResponse reads a Titan Image Generator / Nova Canvas response.
func amazonImageResponse(r *response, ev *genai.Event) {
	if r.Images.OK {
		ev.Response.ImageCount.Set(r.Images.N)
	}
	if r.Error != "" {
		ev.Response.ErrorMessage = string(r.Error)
	}
}

// embedParamsMessage writes a Nova multimodal embeddings request's input as one user message.
func embedParamsMessage(p *novaEmbedParams, ev *genai.Event) {
	w := pooledWriter("")
	defer w.release()
	w.begin("user")
	if t := p.Text.V.Value; t != "" {
		w.textPart(string(t), false)
	}
	if p.Image.OK {
		w.media("image", &p.Image.V)
	}
	if p.Video.OK {
		w.media("video", &p.Video.V)
	}
	if p.Audio.OK {
		w.media("audio", &p.Audio.V)
	}
	w.end("")
	ev.Request.InputMessages = w.bytes()
}
