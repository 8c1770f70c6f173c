package model

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"github.com/genainorm/genainorm/genai"
)

// The model families this package resolves (genai.Model.Family values).
const (
	FamilyClaude           = "claude"              // Anthropic Claude (Messages API and legacy text completions)
	FamilyNova             = "nova"                // Amazon Nova text models (messages-v1)
	FamilyNovaCanvas       = "nova-canvas"         // Amazon Nova Canvas (image generation)
	FamilyNovaReel         = "nova-reel"           // Amazon Nova Reel (video generation)
	FamilyNovaSonic        = "nova-sonic"          // Amazon Nova Sonic (speech)
	FamilyNovaEmbed        = "nova-embed"          // Amazon Nova multimodal embeddings
	FamilyTitanText        = "titan-text"          // Amazon Titan Text
	FamilyTitanEmbed       = "titan-embed"         // Amazon Titan Embeddings (text, multimodal)
	FamilyTitanImage       = "titan-image"         // Amazon Titan Image Generator
	FamilyRerank           = "rerank"              // Amazon / Cohere rerank models
	FamilyLlama            = "llama"               // Meta Llama 2, 3.x, 4
	FamilyMistral          = "mistral"             // Mistral AI (text and chat completion)
	FamilyCommand          = "command"             // Cohere Command (legacy generate API)
	FamilyCommandR         = "command-r"           // Cohere Command R / R+ (chat API)
	FamilyCohereEmbed      = "embed"               // Cohere Embed
	FamilyJamba            = "jamba"               // AI21 Jamba (chat completions)
	FamilyJurassic         = "jurassic"            // AI21 Jurassic-2
	FamilyStableDiffusionX = "stable-diffusion-xl" // Stability SDXL 1.0
	FamilyStableImage      = "stable-image"        // Stability SD3 / SD3.5 / Stable Image Core, Ultra
	FamilyDeepSeekR1       = "deepseek-r1"         // DeepSeek R1 (text completion)
	FamilyDeepSeek         = "deepseek"            // other DeepSeek models (chat completions)
	FamilyGPTOSS           = "gpt-oss"             // OpenAI gpt-oss (chat completions)
	FamilyQwen             = "qwen"                // Qwen (chat completions)
	FamilyPalmyra          = "palmyra"             // Writer Palmyra (chat completions)
)

// Families lists every family name this package resolves.
func Families() []string {
	return []string{FamilyClaude, FamilyNova, FamilyNovaCanvas, FamilyNovaReel, FamilyNovaSonic,
		FamilyNovaEmbed, FamilyTitanText, FamilyTitanEmbed, FamilyTitanImage, FamilyRerank,
		FamilyLlama, FamilyMistral, FamilyCommand, FamilyCommandR, FamilyCohereEmbed, FamilyJamba,
		FamilyJurassic, FamilyStableDiffusionX, FamilyStableImage, FamilyDeepSeekR1, FamilyDeepSeek,
		FamilyGPTOSS, FamilyQwen, FamilyPalmyra}
}

// knownVendors are the model providers Bedrock model ids start with.
var knownVendors = map[string]bool{
	"anthropic": true, "amazon": true, "meta": true, "mistral": true, "cohere": true,
	"ai21": true, "stability": true, "deepseek": true, "openai": true, "qwen": true,
	"writer": true, "twelvelabs": true, "luma": true, "moonshot": true, "moonshotai": true,
	"minimax": true, "google": true, "nvidia": true, "zai": true,
}

// geoPrefixes are the cross-region inference profile prefixes.
var geoPrefixes = map[string]bool{
	"us": true, "eu": true, "apac": true, "global": true, "us-gov": true, "jp": true,
	"au": true, "ca": true, "ap": true, "sa": true, "me": true, "af": true, "mx": true,
	"uk": true, "il": true,
}

// Parse resolves a Bedrock modelId (bare id, cross-region profile id, or ARN) into a Model
// whose ID is the input verbatim.
//
// Vendor is the model provider (the id's first dot segment once the ARN resource type and
// the cross-region prefix are removed), Family the model family (see Families), Name the
// base model id without prefix or ARN, Version the version part of the base id
// ("20240307-v1:0"), and Type the vendor, which is what Elastic writes to
// gen_ai.request.model.type for bare ids (Elastic writes the raw text before the first dot, so
// "us" for profile ids; we write the vendor). Opaque ids (application inference profiles,
// provisioned, imported and custom-model-deployment ARNs, prompt ARNs) leave everything but
// ID empty; DecodeRequest and DecodeResponse then fill Vendor and Family from the body.
func Parse(id string) genai.Model {
	// Logs repeat a handful of model ids: a small cache of recent results saves parsing each.
	// Two slots per id: the one its hash picks and its neighbour.
	h := maphash.String(parseSeed, id)
	i := h % uint64(len(parseCache))
	for _, j := range [2]uint64{i, i ^ 1} {
		if p := parseCache[j].Load(); p != nil && p.id == id {
			m := p.m
			m.ID = id
			return m
		}
	}
	// The cached Model must not alias the caller's memory, which may be reused.
	own := strings.Clone(id)
	m := parse(own)
	// An empty slot of the two first (two ids of one pair then never evict each other), else
	// the one a bit of the hash picks.
	switch {
	case parseCache[i].Load() == nil:
	case parseCache[i^1].Load() == nil || h>>32&1 == 0:
		i ^= 1
	}
	parseCache[i].Store(&parsedID{id: own, m: m})
	m.ID = id
	return m
}

// parsedID is one entry of the Parse cache; entries are never modified once stored.
type parsedID struct {
	id string
	m  genai.Model
}

var (
	parseSeed  = maphash.MakeSeed()
	parseCache [256]atomic.Pointer[parsedID]
)

// parse is Parse without the cache.
func parse(id string) genai.Model {
	m := genai.Model{ID: id}
	base, ok := baseID(strings.TrimSpace(id))
	if !ok || base == "" {
		return m
	}
	// Strip the cross-region prefix: a known geo prefix, or an unknown first segment followed
	// by a known vendor.
	if first, rest, found := strings.Cut(base, "."); found && strings.Contains(rest, ".") {
		second, _, _ := strings.Cut(rest, ".")
		if geoPrefixes[strings.ToLower(first)] || (!knownVendors[strings.ToLower(first)] && knownVendors[strings.ToLower(second)]) {
			base = rest
		}
	}
	m.Name = base
	vendor, modelPart, found := strings.Cut(base, ".")
	if !found || !plausibleVendor(vendor) {
		return m
	}
	vendor = strings.ToLower(vendor)
	m.Vendor, m.Type = vendor, vendor
	m.Family = familyOf(vendor, strings.ToLower(modelPart))
	m.Version = versionOf(modelPart)
	return m
}

// baseID returns the model id inside an ARN (or id itself), and false when the ARN is opaque.
func baseID(id string) (string, bool) {
	if !strings.HasPrefix(id, "arn:") {
		return id, true
	}
	// arn:partition:service:region:account:resource-type/resource
	resource := id
	for range 5 {
		i := strings.IndexByte(resource, ':')
		if i < 0 {
			return "", false
		}
		resource = resource[i+1:]
	}
	rtype, rest, found := strings.Cut(resource, "/")
	if !found {
		return "", false
	}
	switch rtype {
	case "foundation-model", "inference-profile", "default-prompt-router", "prompt-router":
		return rest, true
	case "custom-model":
		// custom-model/<base model id>/<suffix>: the base model is known.
		if i := strings.LastIndexByte(rest, '/'); i > 0 {
			return rest[:i], true
		}
	}
	return "", false
}

// plausibleVendor reports whether s looks like a provider name (letters, digits, '-').
func plausibleVendor(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if !(c >= 'a' && c <= 'z' || s[i] >= '0' && s[i] <= '9' || s[i] == '-' || s[i] == '_') {
			return false
		}
	}
	return true
}

// familyOf returns the family of a vendor's model (model part lower-cased).
func familyOf(vendor, model string) string {
	has := func(p string) bool { return strings.HasPrefix(model, p) }
	switch vendor {
	case "anthropic":
		return FamilyClaude
	case "amazon":
		switch {
		case has("nova-canvas"):
			return FamilyNovaCanvas
		case has("nova-reel"):
			return FamilyNovaReel
		case has("nova") && strings.Contains(model, "sonic"):
			return FamilyNovaSonic
		case has("nova") && strings.Contains(model, "embed"):
			return FamilyNovaEmbed
		case has("nova"):
			return FamilyNova
		case has("titan-embed"), has("titan-e1t"):
			return FamilyTitanEmbed
		case has("titan-image"):
			return FamilyTitanImage
		case has("titan-text"), has("titan-tg1"):
			return FamilyTitanText
		case has("rerank"):
			return FamilyRerank
		}
	case "meta":
		return FamilyLlama
	case "mistral":
		return FamilyMistral
	case "cohere":
		switch {
		case has("command-r"), has("command-a"):
			return FamilyCommandR
		case has("command"):
			return FamilyCommand
		case has("embed"):
			return FamilyCohereEmbed
		case has("rerank"):
			return FamilyRerank
		}
	case "ai21":
		switch {
		case has("jamba"):
			return FamilyJamba
		case has("j2"):
			return FamilyJurassic
		}
	case "stability":
		if strings.Contains(model, "diffusion-xl") {
			return FamilyStableDiffusionX
		}
		return FamilyStableImage
	case "deepseek":
		if has("r1") {
			return FamilyDeepSeekR1
		}
		return FamilyDeepSeek
	case "openai":
		if has("gpt-oss") {
			return FamilyGPTOSS
		}
	case "qwen":
		return FamilyQwen
	case "writer":
		return FamilyPalmyra
	}
	// Unknown: the first word of the model name.
	f, _, _ := strings.Cut(model, "-")
	f, _, _ = strings.Cut(f, ":")
	return f
}

// versionOf returns the version part of a model name: from a date (YYYYMMDD or YYMM), else
// from the last "vN" token, else a trailing "N:N" token, to the end.
func versionOf(model string) string {
	pos, vpos, npos := -1, -1, -1
	start := 0
	for i := 0; i <= len(model); i++ {
		if i < len(model) && model[i] != '-' {
			continue
		}
		tok := model[start:i]
		head, _, _ := strings.Cut(tok, ":")
		switch {
		case pos < 0 && (len(head) == 8 || len(head) == 4) && allDigits(head):
			pos = start
		case len(head) >= 2 && (head[0] == 'v' || head[0] == 'V') && allDigits(head[1:]):
			vpos = start
		case npos < 0 && strings.Contains(tok, ":") && allDigits(head):
			npos = start
		}
		start = i + 1
	}
	switch {
	case pos >= 0:
		return model[pos:]
	case vpos >= 0:
		return model[vpos:]
	case npos >= 0:
		return model[npos:]
	}
	return ""
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
