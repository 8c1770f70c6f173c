// Package azureopenai normalizes the Azure OpenAI (and Azure AI Foundry) data a user really has
// into genai events in the same schema as Bedrock:
//
//   - Azure Monitor resource logs of Microsoft.CognitiveServices accounts (categories Audit,
//     RequestResponse, AzureOpenAIRequestUsage, Trace), delivered as Event Hub messages
//     ({"records":[...]}), storage blobs (one record per line) or Log Analytics rows
//     (properties_s as a string): format "azureopenai.resource_log".
//   - API Management GatewayLogs records whose request and response bodies are strings, possibly
//     truncated: format "azureopenai.gateway".
//   - API Management GatewayLlmLogs records, reassembled by CorrelationId and SequenceNumber into
//     one event per request: format "azureopenai.gateway_llm".
//   - Raw Azure OpenAI API response bodies (chat completions, completions, embeddings, 400
//     content_filter errors): format "azureopenai.response"; and streamed chunks (SSE "data:"
//     lines or bare chunk objects), merged by id into one event: format "azureopenai.stream".
//
// Content-filter annotations (prompt_filter_results, prompt_annotations,
// choices[].content_filter_results, innererror.content_filter_result) are mapped onto the shared
// guardrail vocabulary of genai.Assessment, so that the gen_ai.policy.* and gen_ai.compliance.*
// values of an Azure content-filter block equal those of a Bedrock guardrail block of the same
// kind. Azure's native values stay in the azure.open_ai.* vendor tree, which keeps the
// snake_cased names and types public Azure OpenAI detection rules read.
//
// Register adds the formats and the Event Hub envelope to a genai.Registry.
package azureopenai
