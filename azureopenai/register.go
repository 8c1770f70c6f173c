package azureopenai

import "github.com/genainorm/genainorm/genai"

// formats and envelopes are filled by the init functions of this package's files. Registration
// order is detection order, so the formats with the most specific detectors come first.
var (
	formats   []*genai.Format
	envelopes []*genai.Envelope
)

// Register adds the Azure OpenAI formats (resource logs, API Management gateway and LLM logs,
// response bodies and stream chunks) and the Event Hub envelope ({"records":[...]}) to reg.
func Register(reg *genai.Registry) {
	reg.Register(ordered()...)
	reg.RegisterEnvelope(envelopes...)
}

// detectionOrder lists format names from the most to the least specific detector.
var detectionOrder = []string{FormatGatewayLLM, FormatGateway, FormatResourceLog, FormatStream, FormatResponse}

func ordered() []*genai.Format {
	out := make([]*genai.Format, 0, len(formats))
	for _, name := range detectionOrder {
		for _, f := range formats {
			if f.Name == name {
				out = append(out, f)
			}
		}
	}
	for _, f := range formats {
		found := false
		for _, g := range out {
			found = found || g == f
		}
		if !found {
			out = append(out, f)
		}
	}
	return out
}

// source fills the provider-level facts every Azure OpenAI event shares.
func source(ev *genai.Event, operation string) {
	ev.Source.ProviderName = genai.ProviderAzureOpenAI
	ev.Source.System = "azure"
	ev.Source.Dataset = genai.DatasetAzureOpenAI
	ev.Source.Module = "azure_openai"
	ev.Source.Operation = operation
	ev.Cloud.Provider = "azure"
}
