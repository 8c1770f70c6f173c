package azureopenai

import (
	"net/url"
	"strings"

	"github.com/genainorm/genainorm/genai"
)

// OperationName maps an Azure OpenAI REST operation id (resource-log operationName, API
// Management operationId, LLM-log OperationName) or a response body "object" to the OTel
// gen_ai.operation.name, or "" for operations that are not model calls (ListKey, Create_Thread).
func OperationName(op string) string {
	o := lower(strings.TrimSpace(op))
	o = opSeparators.Replace(o)
	switch {
	case o == "":
		return ""
	case strings.Contains(o, "chatcompletion"), o == "getchatcompletions", o == "chatcompletionscreate":
		return genai.OperationChat
	case strings.Contains(o, "embedding"):
		return genai.OperationEmbeddings
	case strings.Contains(o, "imagegeneration"), strings.Contains(o, "imagesgenerat"), strings.Contains(o, "imageedit"):
		return genai.OperationGenerateContent
	case strings.Contains(o, "responses") || o == "response" || o == "createresponse":
		return genai.OperationChat
	case strings.Contains(o, "completion"): // Completions_Create, text_completion
		return genai.OperationTextCompletion
	case strings.Contains(o, "audiotranscription"), strings.Contains(o, "audiotranslation"), strings.Contains(o, "audiospeech"):
		return genai.OperationGenerateContent
	case strings.Contains(o, "createrun"), strings.Contains(o, "createthreadandrun"):
		return genai.OperationInvokeAgent
	}
	return ""
}

// opSeparators drops the separators operation ids are written with.
var opSeparators = strings.NewReplacer("-", "", "_", "", " ", "", ".", "")

// apiVersionFromName extracts the api-version from an apiName such as
// "Azure OpenAI API version 2024-02-15-preview": the leftmost match of
// \d{4}-\d{2}-\d{2}(?:-preview)?, without a regexp.
func apiVersionFromName(apiName string) string {
	s := apiName
	for i := 0; i+10 <= len(s); i++ {
		if asciiDigits(s[i:i+4]) && s[i+4] == '-' && asciiDigits(s[i+5:i+7]) && s[i+7] == '-' && asciiDigits(s[i+8:i+10]) {
			end := i + 10
			if strings.HasPrefix(s[end:], "-preview") {
				end += len("-preview")
			}
			return s[i:end]
		}
	}
	return ""
}

func asciiDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// lower is strings.ToLower, without its per-byte builder for ASCII text.
func lower(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		upper = upper || ('A' <= c && c <= 'Z')
	}
	if !upper {
		return s
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return bstr(b)
}

// queryGet is url.ParseQuery(query).Get(name) without building the map.
func queryGet(query, name string) string {
	if strings.Count(query, "&") >= 1000 {
		v, _ := url.ParseQuery(query) // parameter limits apply: let net/url decide
		return v.Get(name)
	}
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		if pair == "" || strings.Contains(pair, ";") {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil || key != name {
			continue
		}
		if value, err := url.QueryUnescape(v); err == nil {
			return value
		}
	}
	return ""
}

// urlFacts holds what a request URL tells: host, deployment and api-version.
type urlFacts struct {
	Host, Deployment, APIVersion, Path string
}

// parseURL reads a request URL such as
// https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21.
func parseURL(s string) urlFacts {
	var f urlFacts
	if s == "" {
		return f
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return f
	}
	f.Host = u.Hostname()
	f.Path = u.Path
	f.APIVersion = queryGet(u.RawQuery, "api-version")
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i := 0; i+1 < len(segs); i++ {
		if strings.EqualFold(segs[i], "deployments") {
			f.Deployment, _ = url.PathUnescape(segs[i+1])
			break
		}
	}
	return f
}

// operationFromPath guesses the operation from a request path (".../chat/completions").
func operationFromPath(p string) string {
	p = lower(p)
	switch {
	case strings.HasSuffix(p, "/chat/completions"):
		return genai.OperationChat
	case strings.HasSuffix(p, "/completions"):
		return genai.OperationTextCompletion
	case strings.HasSuffix(p, "/embeddings"):
		return genai.OperationEmbeddings
	case strings.HasSuffix(p, "/images/generations"):
		return genai.OperationGenerateContent
	case strings.HasSuffix(p, "/responses"):
		return genai.OperationChat
	}
	return ""
}

// modelFamilies maps model name prefixes (longest first) to vendor and family.
var modelFamilies = []struct{ prefix, vendor, family string }{
	{"gpt-4o", "openai", "gpt-4o"},
	{"gpt-4.1", "openai", "gpt-4.1"},
	{"gpt-4.5", "openai", "gpt-4.5"},
	{"gpt-4", "openai", "gpt-4"},
	{"gpt-35", "openai", "gpt-3.5"},
	{"gpt-3.5", "openai", "gpt-3.5"},
	{"gpt-5", "openai", "gpt-5"},
	{"gpt-oss", "openai", "gpt-oss"},
	{"gpt-image", "openai", "gpt-image"},
	{"gpt-realtime", "openai", "gpt-realtime"},
	{"o1", "openai", "o1"},
	{"o3", "openai", "o3"},
	{"o4", "openai", "o4"},
	{"codex", "openai", "codex"},
	{"dall-e", "openai", "dall-e"},
	{"text-embedding", "openai", "text-embedding"},
	{"text-davinci", "openai", "gpt-3"},
	{"davinci", "openai", "gpt-3"},
	{"babbage", "openai", "gpt-3"},
	{"whisper", "openai", "whisper"},
	{"tts", "openai", "tts"},
	{"sora", "openai", "sora"},
	{"meta-llama", "meta", "llama"},
	{"llama", "meta", "llama"},
	{"mistral", "mistral", "mistral"},
	{"mixtral", "mistral", "mixtral"},
	{"codestral", "mistral", "codestral"},
	{"ministral", "mistral", "ministral"},
	{"phi", "microsoft", "phi"},
	{"mai-", "microsoft", "mai"},
	{"deepseek", "deepseek", "deepseek"},
	{"grok", "xai", "grok"},
	{"cohere", "cohere", "cohere"},
	{"command", "cohere", "command"},
	{"embed-english", "cohere", "embed"},
	{"embed-multilingual", "cohere", "embed"},
	{"embed-v", "cohere", "embed"},
	{"jamba", "ai21", "jamba"},
	{"ai21", "ai21", "jamba"},
	{"claude", "anthropic", "claude"},
}

// resolveModel fills the model's vendor and family from its name.
func resolveModel(m *genai.Model, name string) {
	n := lower(strings.TrimSpace(name))
	if n == "" {
		return
	}
	for _, f := range modelFamilies {
		if strings.HasPrefix(n, f.prefix) {
			m.Vendor, m.Family = f.vendor, f.family
			return
		}
	}
}

// setModel fills the request model from the deployment (what Azure's "model" means on a
// request) and the base model name and version; the response model from the base model.
func setModel(ev *genai.Event, deployment, modelName, modelVersion string) {
	m := &ev.Request.Model
	if deployment != "" {
		m.Deployment = deployment
		if m.ID == "" {
			m.ID = deployment
		}
	}
	if modelName != "" {
		if m.Name == "" {
			m.Name = modelName
		}
		if m.ID == "" {
			m.ID = modelName
		}
	}
	if modelVersion != "" && m.Version == "" {
		m.Version = modelVersion
	}
	if m.Vendor == "" {
		// A deployment name is the user's choice: resolve from it only when nothing better is known.
		resolveModel(m, firstNonEmpty(m.Name, m.ID))
	}
}

// setResponseModel records the model a response names and resolves the vendor and family from
// it, replacing a guess made from the deployment name.
func setResponseModel(ev *genai.Event, model string) {
	if model == "" {
		return
	}
	ev.Response.Model = model
	m := &ev.Request.Model
	if m.Name == "" {
		m.Name = model
	}
	var r genai.Model
	resolveModel(&r, model)
	if r.Vendor != "" {
		m.Vendor, m.Family = r.Vendor, r.Family
	}
}

// regionName normalizes an Azure location ("East US") to its programmatic name ("eastus").
func regionName(s string) string {
	s = lower(strings.TrimSpace(s))
	return strings.ReplaceAll(s, " ", "")
}

// statusOutcome maps an HTTP status to event.outcome.
func statusOutcome(code int64) genai.Outcome {
	switch {
	case code >= 200 && code < 400:
		return genai.OutcomeSuccess
	case code >= 400:
		return genai.OutcomeFailure
	}
	return ""
}
