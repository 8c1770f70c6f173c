package model

import (
	"strings"

	"github.com/genainorm/genainorm/genai"
)

// params reads the request parameters under every family's member names. The first present
// name wins, in the order listed.
func params(r *request, ev *genai.Event) {
	q := &ev.Request
	ic, tc, ig := &r.InferenceConfig.V, &r.TextGenerationConfig.V, &r.ImageGenerationConfig.V
	// Each list is only walked when one of its numbers is there (most bodies set a few).
	if r.MaxTokens.OK || r.MaxCompletion.OK || r.MaxTokensToSample.OK || r.MaxNewTokens.OK || r.MaxGenLen.OK ||
		r.MaxTokensCamel.OK || ic.MaxTokens.OK || ic.MaxNewTokens.OK || tc.MaxTokenCount.OK {
		setInt(&q.MaxTokens, r.MaxTokens, r.MaxCompletion, r.MaxTokensToSample, r.MaxNewTokens, r.MaxGenLen,
			r.MaxTokensCamel, ic.MaxTokens, ic.MaxNewTokens, tc.MaxTokenCount)
	}
	if r.Temperature.OK || ic.Temperature.OK || tc.Temperature.OK {
		setFloat(&q.Temperature, r.Temperature, ic.Temperature, tc.Temperature)
	}
	if r.TopP.OK || r.TopPCamel.OK || r.P.OK || ic.TopP.OK || tc.TopP.OK {
		setFloat(&q.TopP, r.TopP, r.TopPCamel, r.P, ic.TopP, tc.TopP)
	}
	if r.TopK.OK || r.TopKCamel.OK || r.K.OK || ic.TopK.OK {
		setFloat(&q.TopK, r.TopK, r.TopKCamel, r.K, ic.TopK)
	}
	switch {
	case len(r.StopSequences) > 0:
		q.StopSequences = r.StopSequences
	case len(r.StopSequencesCaml) > 0:
		q.StopSequences = r.StopSequencesCaml
	case len(r.Stop) > 0:
		q.StopSequences = r.Stop
	case len(ic.StopSequences) > 0:
		q.StopSequences = ic.StopSequences
	case len(tc.StopSequences) > 0:
		q.StopSequences = tc.StopSequences
	}
	if r.Seed.OK || ig.Seed.OK {
		setInt(&q.Seed, r.Seed, ig.Seed)
	}
	if r.N.OK || r.NumGenerations.OK || ig.NumberOfImages.OK {
		setInt(&q.ChoiceCount, r.N, r.NumGenerations, ig.NumberOfImages)
	}
	setFloat(&q.FrequencyPenalty, r.FrequencyPenalty)
	setFloat(&q.PresencePenalty, r.PresencePenalty)
	if r.Dimensions.OK || r.EmbeddingConfig.V.OutputEmbeddingLength.OK || r.OutputDimension.OK ||
		r.SingleEmbeddingParams.V.EmbeddingDimension.OK {
		setInt(&q.Dimensions, r.Dimensions, r.EmbeddingConfig.V.OutputEmbeddingLength, r.OutputDimension,
			r.SingleEmbeddingParams.V.EmbeddingDimension)
	}
	if len(r.EmbeddingTypes) > 0 {
		q.EncodingFormats = r.EmbeddingTypes
	} else if len(r.EmbeddingTypesSn) > 0 {
		q.EncodingFormats = r.EmbeddingTypesSn
	}
	switch {
	case r.ReasoningEffort != "":
		q.ReasoningLevel = string(r.ReasoningEffort)
	case r.OutputConfig.V.Effort != "":
		q.ReasoningLevel = string(r.OutputConfig.V.Effort)
	case r.ReasoningConfig.V.MaxReasoningEffort != "":
		q.ReasoningLevel = string(r.ReasoningConfig.V.MaxReasoningEffort)
	case r.AdditionalFields.V.ReasoningConfig.V.MaxReasoningEffort != "":
		q.ReasoningLevel = string(r.AdditionalFields.V.ReasoningConfig.V.MaxReasoningEffort)
	}
	switch {
	case r.Thinking.OK:
		ev.SetVendor(genai.GenainormRequestThinkingType, genai.StringValue(string(r.Thinking.V.Type)))
		if n, ok := r.Thinking.V.BudgetTokens.int(); ok {
			ev.SetVendor(genai.GenainormRequestThinkingBudgetTokens, genai.IntValue(n))
		}
	case r.ReasoningConfig.OK:
		ev.SetVendor(genai.GenainormRequestThinkingType, genai.StringValue(string(r.ReasoningConfig.V.Type)))
	case r.AdditionalFields.V.ReasoningConfig.OK:
		ev.SetVendor(genai.GenainormRequestThinkingType, genai.StringValue(string(r.AdditionalFields.V.ReasoningConfig.V.Type)))
	}
	switch t := string(r.ResponseFormat.V.Type); {
	case strings.HasPrefix(t, "json"):
		q.OutputType = "json"
	case t == "text":
		q.OutputType = "text"
	}
}

// setInt sets o from the first present number.
func setInt(o *genai.Opt[int64], ns ...num) {
	for _, n := range ns {
		if v, ok := n.int(); ok {
			o.Set(v)
			return
		}
	}
}

// setFloat sets o from the first present number.
func setFloat(o *genai.Opt[float64], ns ...num) {
	for _, n := range ns {
		if n.OK {
			o.Set(n.F)
			return
		}
	}
}

// tokens is a set of body token counts.
type tokens struct {
	in, out, total, cacheRead, cacheWrite, reasoning genai.Opt[int64]
	// inIncludesCache says that in already counts the cached tokens (OpenAI-style usage).
	inIncludesCache bool
}

func optOf(n num) genai.Opt[int64] {
	v, ok := n.int()
	return genai.Opt[int64]{Value: v, Valid: ok}
}

// fromUsage reads the token counts of a usage object in any family's naming.
func fromUsage(u *usage) tokens {
	t := tokens{
		in:         first(u.InputTokens, u.InputTokensCamel),
		out:        first(u.OutputTokens, u.OutputTokensCamel, u.CompletionTokens),
		total:      first(u.TotalTokensCamel, u.TotalTokens),
		cacheRead:  first(u.CacheReadInputTokens, u.CacheReadInputTokenCount, u.CacheReadInputTokensCamel),
		cacheWrite: first(u.CacheCreationInputTokens, u.CacheWriteInputTokenCount, u.CacheWriteInputTokensCaml),
		reasoning:  optOf(u.CompletionTokensDetails.V.ReasoningTokens),
	}
	if !t.in.Valid && u.PromptTokens.OK {
		t.in = optOf(u.PromptTokens)
		if c := optOf(u.PromptTokensDetails.V.CachedTokens); c.Valid && !t.cacheRead.Valid {
			t.cacheRead, t.inIncludesCache = c, true
		}
	}
	return t
}

func first(ns ...num) genai.Opt[int64] {
	for _, n := range ns {
		if o := optOf(n); o.Valid {
			return o
		}
	}
	return genai.Opt[int64]{}
}

// applyUsage fills the counts of ev.Usage that are still absent (the log's own counts, set
// by the record decoder, win) and records source when it filled the input or output count.
func applyUsage(ev *genai.Event, t tokens, source string) {
	u := &ev.Usage
	logIn := u.InputTokens.Valid
	filled := false
	set := func(dst *genai.Opt[int64], v genai.Opt[int64]) bool {
		if !dst.Valid && v.Valid {
			*dst = v
			return true
		}
		return false
	}
	if set(&u.InputTokens, t.in) {
		filled = true
		u.InputIncludesCache = t.inIncludesCache
	}
	if set(&u.OutputTokens, t.out) {
		filled = true
	}
	if !t.inIncludesCache || !logIn {
		// OpenAI-style cached counts are part of the input count; only take them with it.
		set(&u.CacheReadTokens, t.cacheRead)
	}
	set(&u.CacheWriteTokens, t.cacheWrite)
	set(&u.ReasoningTokens, t.reasoning)
	set(&u.TotalTokens, t.total)
	if filled && u.Source == "" {
		u.Source = source
	}
}
