package azureopenai_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/genai"
)

const fixtures = "../testdata/azureopenai"

// decodeFile reads a fixture through the real path (genai.Reader with this package's formats
// and envelopes) and returns every event.
func decodeFile(t *testing.T, name string) []*genai.Event {
	t.Helper()
	f, err := os.Open(filepath.Join(fixtures, name))
	require.NoError(t, err)
	defer f.Close()
	rd, err := genai.NewReader(f, registry(), genai.ReaderOptions{Name: name})
	require.NoError(t, err)
	var evs []*genai.Event
	for {
		ev := new(genai.Event)
		err := rd.Next(ev)
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		require.NoError(t, ev.Err, "record %s", ev.Source.Position)
		evs = append(evs, ev)
	}
	return evs
}

// vendor returns the value of a vendor field on ev.
func vendor(ev *genai.Event, f *genai.Field) genai.Value {
	for _, fv := range ev.Vendor {
		if fv.Field == f {
			return fv.Value
		}
	}
	return genai.Value{}
}

// findNative returns the assessment with the given direction and native Azure name.
func findNative(t *testing.T, ev *genai.Event, dir genai.Direction, native string) genai.Assessment {
	t.Helper()
	for _, a := range ev.Guardrail.Assessments {
		if a.Direction == dir && a.Native == native {
			return a
		}
	}
	t.Fatalf("no %s assessment %s in %+v", dir, native, ev.Guardrail.Assessments)
	return genai.Assessment{}
}

// find returns the assessment with the given direction and type.
func find(t *testing.T, ev *genai.Event, dir genai.Direction, typ string) genai.Assessment {
	t.Helper()
	for _, a := range ev.Guardrail.Assessments {
		if a.Direction == dir && a.Type == typ {
			return a
		}
	}
	t.Fatalf("no %s assessment of type %s in %+v", dir, typ, ev.Guardrail.Assessments)
	return genai.Assessment{}
}

func common(t *testing.T, ev *genai.Event, format string) {
	t.Helper()
	require.Equal(t, genai.ProviderAzureOpenAI, ev.Source.ProviderName)
	require.Equal(t, genai.DatasetAzureOpenAI, ev.Source.Dataset)
	require.Equal(t, "azure_openai", ev.Source.Module)
	require.Equal(t, "azure", ev.Cloud.Provider)
	require.Equal(t, format, ev.Source.Format)
}

func TestResourceLogEventHub(t *testing.T) {
	evs := decodeFile(t, "resource_eventhub.json")
	require.Len(t, evs, 5)
	for i, ev := range evs {
		common(t, ev, azureopenai.FormatResourceLog)
		require.Equal(t, azureopenai.EnvelopeRecords, ev.Source.Envelope)
		require.Equal(t, fmt.Sprintf("records[%d]", i), ev.Source.Position.Path)
		require.Equal(t, "11111111-2222-3333-4444-555555555555", ev.Cloud.AccountID)
		require.Equal(t, "contoso-openai", vendor(ev, genai.AzureResourceName).Str())
		require.Equal(t, "rg-genai-prod", vendor(ev, genai.AzureResourceGroup).Str())
	}

	audit := evs[0]
	require.Equal(t, "ListKey", audit.Action)
	require.Equal(t, "Audit", vendor(audit, genai.AzureOpenAICategory).Str())
	require.Equal(t, "4f0c2a1e-8b7d-4e6f-9a3b-2c1d0e9f8a7b", audit.Identity.UserID)
	require.Equal(t, time.Date(2025, 5, 1, 9, 59, 58, 123456700, time.UTC), audit.Time, "7 fractional digits")
	require.Empty(t, audit.Request.Operation, "ListKey is not a model call")

	chat := evs[1]
	require.Equal(t, genai.OperationChat, chat.Request.Operation)
	require.Equal(t, "chat-prod", chat.Request.Model.ID, "the request model is the deployment")
	require.Equal(t, "chat-prod", chat.Request.Model.Deployment)
	require.Equal(t, "gpt-4o", chat.Response.Model)
	require.Equal(t, "2024-08-06", chat.Request.Model.Version)
	require.Equal(t, "openai", chat.Request.Model.Vendor)
	require.Equal(t, genai.Some[int64](1523), chat.Performance.ResponseTime, "from the .NET tick times")
	require.Equal(t, time.Date(2025, 5, 1, 10, 0, 0, 0, time.UTC), chat.Request.Time)
	require.Equal(t, genai.Some[int64](5321), chat.Performance.RequestSize)
	require.Equal(t, genai.Some[int64](0), chat.Performance.ResponseSize)
	require.Equal(t, int64(200), chat.HTTP.StatusCode)
	require.Equal(t, genai.OutcomeSuccess, chat.Outcome)
	require.Equal(t, "2024-10-21", chat.HTTP.APIVersion)
	require.Equal(t, genai.Some(false), chat.Request.Stream)
	require.Equal(t, "203.0.113.***", chat.Identity.SourceIP, "masked caller kept as source.address")
	require.Equal(t, "7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9", chat.Identity.UserID, "callerObjectId")
	require.Equal(t, "6a1f0e2d-3c4b-4a59-8e7d-1f2e3d4c5b6a", chat.Request.ID)
	require.Equal(t, genai.Some[int64](1566), chat.Usage.InputTokens)
	require.Equal(t, genai.Some[int64](1518), chat.Usage.OutputTokens)
	require.Equal(t, genai.UsageSourceLog, chat.Usage.Source)
	require.Equal(t, genai.KindFloat, vendor(chat, genai.AzureOpenAIPropertiesRequestLength).Kind())
	require.Equal(t, "200", vendor(chat, genai.AzureOpenAIResultSignature).Str())
	require.Equal(t, "westeurope", chat.Cloud.Region)

	emb := evs[2] // properties as a JSON string
	require.Equal(t, genai.OperationEmbeddings, emb.Request.Operation)
	require.Equal(t, "embed-small", emb.Request.Model.ID)
	require.Equal(t, "text-embedding-3-small", emb.Response.Model)
	require.Equal(t, genai.OutcomeFailure, emb.Outcome, "429")
	require.Equal(t, "2024-06-01", emb.HTTP.APIVersion)

	usage := evs[3] // AzureOpenAIRequestUsage token arrays
	require.Equal(t, "AzureOpenAIRequestUsage", vendor(usage, genai.AzureOpenAICategory).Str())
	require.Equal(t, genai.Some[int64](1566), usage.Usage.InputTokens)
	require.Equal(t, genai.Some[int64](1518), usage.Usage.OutputTokens)
	require.Equal(t, genai.Some[int64](1408), usage.Usage.CacheReadTokens)
	require.True(t, usage.Usage.InputIncludesCache)
	require.Equal(t, genai.Some[int64](1566), usage.Usage.EffectiveInputTokens(), "cached tokens are part of prompt tokens")

	trace := evs[4]
	require.Equal(t, "Trace", vendor(trace, genai.AzureOpenAICategory).Str())
	require.Equal(t, "deployment throttled", vendor(trace, genai.AzureOpenAIResultDescription).Str())
}

func TestResourceLogBlobAndLogAnalytics(t *testing.T) {
	evs := decodeFile(t, "resource_blob.ndjson")
	require.Len(t, evs, 2)
	stream := evs[0]
	common(t, stream, azureopenai.FormatResourceLog)
	require.Equal(t, genai.Some[int64](2100), stream.Performance.ResponseTime, "negative durationMs replaced by the tick difference")
	require.Equal(t, int64(-2100), vendor(stream, genai.AzureOpenAIDurationMS).Int(), "raw value kept")
	require.Equal(t, genai.Some(true), stream.Request.Stream)
	require.Equal(t, "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901", stream.Identity.UserID, "identity claim")
	require.Equal(t, "analyst@example.com", stream.Identity.UserName)
	require.Equal(t, "o3", stream.Request.Model.Family)

	odd := evs[1] // non-GUID subscription, mixed-case id, negative duration without ticks
	require.Equal(t, "contoso-sub-01", odd.Cloud.AccountID)
	require.Equal(t, "lab-foundry", vendor(odd, genai.AzureResourceName).Str())
	require.Equal(t, "rg-lab", vendor(odd, genai.AzureResourceGroup).Str())
	require.False(t, odd.Performance.ResponseTime.Valid, "a negative duration is not a duration")
	require.Len(t, odd.Warnings, 1)
	require.Equal(t, genai.OperationTextCompletion, odd.Request.Operation)
	require.Equal(t, genai.OutcomeFailure, odd.Outcome)
	require.Equal(t, "198.51.100.7", odd.Identity.SourceIP)

	la := decodeFile(t, "resource_loganalytics.ndjson")
	require.Len(t, la, 2)
	row := la[0]
	common(t, row, azureopenai.FormatResourceLog)
	require.Equal(t, time.Date(2025, 5, 1, 12, 0, 0, 123000000, time.UTC), row.Time, "TimeGenerated")
	require.Equal(t, "ChatCompletions_Create", row.Action)
	require.Equal(t, "200", vendor(row, genai.AzureOpenAIResultSignature).Str(), "a numeric ResultSignature is kept as a string")
	require.Equal(t, 7000.0, vendor(row, genai.AzureOpenAIPropertiesRequestLength).Float(), "properties_s")
	require.Equal(t, "chat-prod", row.Request.Model.ID)
	require.Equal(t, "ShoeboxCallResult", vendor(row, genai.AzureOpenAIEvent).Str(), "event_s")
	require.Equal(t, "8f9e0d1c-2b3a-4958-a7b6-c5d4e3f2a1b0", row.Identity.UserID, "flattened identity claim column")
	require.Equal(t, "contoso-openai", vendor(row, genai.AzureResourceName).Str(), "_ResourceId")
	require.Equal(t, "Audit", vendor(la[1], genai.AzureOpenAICategory).Str())
}

func TestGatewayLogs(t *testing.T) {
	evs := decodeFile(t, "gateway.ndjson")
	require.Len(t, evs, 7)
	for _, ev := range evs {
		common(t, ev, azureopenai.FormatGateway)
		require.Equal(t, "contoso-apim", vendor(ev, genai.AzureResourceName).Str())
		require.Equal(t, ev.Action, ev.Source.Operation)
		require.Equal(t, "api_management", ev.Cloud.ServiceName)
	}

	ok := evs[0]
	require.Equal(t, "ChatCompletions_Create", ok.Action)
	require.Equal(t, genai.OperationChat, ok.Request.Operation)
	require.Equal(t, "chat-prod", ok.Request.Model.ID, "deployment from the backend URL")
	require.Equal(t, "gpt-4o-2024-08-06", ok.Response.Model)
	require.Equal(t, "chatcmpl-AzEx0001", ok.Response.ID)
	require.Equal(t, []string{"stop"}, ok.Response.FinishReasons)
	require.Equal(t, "203.0.113.10", ok.Identity.SourceIP)
	require.Equal(t, "AzureOpenAI/Python 1.54.0", ok.Identity.UserAgent)
	require.Equal(t, "contoso-openai.openai.azure.com", ok.HTTP.ServerAddress)
	require.Equal(t, "2024-10-21", ok.HTTP.APIVersion)
	require.Equal(t, genai.Some[int64](1566), ok.Usage.InputTokens)
	require.Equal(t, genai.Some[int64](1408), ok.Usage.CacheReadTokens)
	require.Equal(t, genai.Some[int64](576), ok.Usage.ReasoningTokens)
	require.True(t, ok.Usage.InputIncludesCache)
	require.Equal(t, genai.Some(0.2), ok.Request.Temperature)
	require.Equal(t, genai.Some[int64](256), ok.Request.MaxTokens)
	require.Equal(t, []string{"END"}, ok.Request.StopSequences)
	require.JSONEq(t, `[{"role":"user","parts":[{"type":"text","content":"What is the capital of France?"}]}]`, string(ok.Request.InputMessages))
	require.JSONEq(t, `[{"type":"text","content":"You are a geography tutor."}]`, string(ok.Request.SystemInstructions))
	require.Equal(t, "Paris is the capital of France.", ok.Response.Text)
	require.False(t, ok.Guardrail.Intervened)
	require.Len(t, ok.Guardrail.Assessments, 10, "every category on both sides, clean ones included")
	require.Empty(t, ok.Guardrail.Derive().PolicyNames, "clean assessments are not findings")
	require.Equal(t, genai.OutcomeSuccess, ok.Outcome)
	require.Equal(t, 812.0, vendor(ok, genai.AzureOpenAIPropertiesRequestLength).Float(), "requestSize -> request_length")

	blocked := evs[1] // 400 content_filter, inner_error / content_filter_results spelling
	require.Equal(t, "content_filter", blocked.Response.ErrorCode)
	require.Equal(t, int64(400), blocked.HTTP.StatusCode)
	require.True(t, blocked.Guardrail.Intervened)
	require.Equal(t, genai.OutcomeFailure, blocked.Outcome)
	jb := find(t, blocked, genai.DirectionInput, azureopenai.CodePromptAttack)
	require.Equal(t, genai.ActionBlocked, jb.Action)
	require.Equal(t, "jailbreak", jb.Native)
	v := find(t, blocked, genai.DirectionInput, azureopenai.CodeViolence)
	require.Equal(t, genai.ConfidenceHigh, v.Confidence)
	sh := find(t, blocked, genai.DirectionInput, azureopenai.CodeSelfHarm)
	require.Equal(t, "self_harm", sh.Native, "self-harm spelled with a hyphen")
	d := blocked.Guardrail.Derive()
	require.Equal(t, []string{"PROMPT_ATTACK", "VIOLENCE"}, d.ViolationCodes)
	require.Equal(t, []string{"content_policy", "word_policy"}, d.PolicyNames, "the matched blocklist")
	require.Equal(t, genai.ConfidenceHigh, jb.Confidence, "a detected prompt attack")
	var blocklists []string
	for _, a := range blocked.Guardrail.Assessments {
		if a.Native == "custom_blocklists" && a.Triggered() {
			blocklists = append(blocklists, a.Name)
		}
	}
	require.Equal(t, []string{"competitor-names"}, blocklists, "the unmatched blocklist entry is no finding")
	require.Equal(t, []string{"LLM01"}, d.OWASPIDs)
	require.Equal(t, "ResponsibleAIPolicyViolation", vendor(blocked, genai.AzureOpenAIErrorInnerCode).Str())

	trunc := evs[2]
	require.Equal(t, "chatcmpl-AzEx0001", trunc.Response.ID, "read from the truncated body")
	require.Equal(t, genai.Some[int64](1566), trunc.Usage.InputTokens)
	require.False(t, trunc.Usage.OutputTokens.Valid, "a number cut at the cap is not trusted")
	require.Equal(t, "Paris is the capital of France.", trunc.Response.Text)
	codes := map[string]int{}
	for _, w := range trunc.Warnings {
		codes[w.Code]++
	}
	require.Equal(t, 3, codes[genai.WarnBodyTruncated])

	sse := evs[3] // an SSE body captured by the gateway
	require.Equal(t, genai.Some(true), sse.Request.Stream)
	require.Equal(t, "chatcmpl-AzEx0004", sse.Response.ID)
	require.Equal(t, "Hel", sse.Response.Text)
	require.Equal(t, "chat-mini", sse.Request.Model.ID)

	emb := evs[4]
	require.Equal(t, genai.OperationEmbeddings, emb.Request.Operation)
	require.Equal(t, "openai", emb.Request.Model.Vendor, "resolved from the response model, not the deployment name")
	require.Equal(t, genai.Some[int64](256), emb.Request.Dimensions)
	require.Equal(t, []string{"float"}, emb.Request.EncodingFormats)
	require.Equal(t, genai.Some[int64](2), emb.Response.Embeddings)

	denied := evs[5]
	require.Equal(t, int64(401), denied.HTTP.StatusCode)
	require.Equal(t, genai.OutcomeFailure, denied.Outcome)
	require.Equal(t, "TokenNotPresent", vendor(denied, genai.AzureOpenAIPropertiesLastErrorReason).Str())

	row := evs[6] // Log Analytics ApiManagementGatewayLogs row
	require.Equal(t, "ChatCompletions_Create", row.Action)
	require.Equal(t, "chatcmpl-AzEx0001", row.Response.ID)
	require.Equal(t, "203.0.113.14", row.Identity.SourceIP)
	require.Equal(t, genai.Some[int64](800), row.Performance.ResponseTime)
}

func TestGatewayLLMReassembly(t *testing.T) {
	evs := decodeFile(t, "gateway_llm.ndjson")
	require.Len(t, evs, 3, "8 pieces, 3 requests")
	short, long, metaOnly := evs[0], evs[1], evs[2]
	for _, ev := range evs {
		common(t, ev, azureopenai.FormatGatewayLLM)
	}
	require.Equal(t, "aa11bb22-cc33-4d44-8e55-f66a77b88c99", short.Request.ID)
	require.Equal(t, "chatcmpl-AzLlm0001", short.Response.ID)
	require.Equal(t, "chat-prod", short.Request.Model.ID)
	require.Equal(t, "gpt-4o-2024-11-20", short.Response.Model)
	require.Equal(t, genai.Some(true), short.Request.Stream)
	require.Equal(t, genai.Some[int64](14), short.Usage.InputTokens)
	require.Equal(t, genai.Some[int64](8), short.Usage.OutputTokens)
	require.Equal(t, "Chennai.", short.Response.Text)
	require.Equal(t, "What is the capital of Tamil Nadu?", short.Request.Text)
	require.JSONEq(t, `[{"type":"text","content":"Answer briefly."}]`, string(short.Request.SystemInstructions))
	require.Equal(t, int64(3), vendor(short, genai.AzureOpenAIPropertiesSequenceCount).Int())
	require.Equal(t, int64(1), short.Source.Position.Line, "the event sits at its first piece")

	require.Equal(t, 32*1024+len("BBBB the end."), len(long.Response.Text), "32 KB chunks joined in order")
	require.Equal(t, int64(4), vendor(long, genai.AzureOpenAIPropertiesSequenceCount).Int())
	require.Equal(t, "westeurope", long.Cloud.Region)

	require.Equal(t, "chatcmpl-AzLlm0003", metaOnly.Response.ID, "flushed at the end of the input")
	require.Empty(t, metaOnly.Response.OutputMessages)
}

func TestResponseBodies(t *testing.T) {
	evs := decodeFile(t, "responses.ndjson")
	require.Len(t, evs, 5)
	for _, ev := range evs {
		common(t, ev, azureopenai.FormatResponse)
	}

	full := evs[0]
	require.Equal(t, "chatcmpl-AzEx0010", full.Response.ID)
	jb := find(t, full, genai.DirectionInput, azureopenai.CodePromptAttack)
	require.Equal(t, genai.ActionNone, jb.Action, "jailbreak detected, not filtered: observe")
	require.Equal(t, genai.Some(true), jb.Detected)
	var indirect genai.Assessment
	for _, a := range full.Guardrail.Assessments {
		if a.Native == "indirect_attack" {
			indirect = a
		}
	}
	require.Equal(t, genai.ActionBlocked, indirect.Action)
	require.Equal(t, azureopenai.CodePromptAttack, indirect.Type)
	prof := find(t, full, genai.DirectionInput, azureopenai.CodeProfanity)
	require.Equal(t, genai.PolicyWord, prof.Policy)
	hate := find(t, full, genai.DirectionOutput, azureopenai.CodeHate)
	require.Equal(t, genai.ConfidenceLow, hate.Confidence)
	require.Equal(t, genai.ActionNone, hate.Action)
	require.True(t, hate.Triggered(), "low severity is a detection")
	code := find(t, full, genai.DirectionOutput, azureopenai.CodeProtectedMaterialCode)
	require.Equal(t, genai.PolicyProtectedMaterial, code.Policy)
	require.Equal(t, "https://example.com/repo/sort.py", code.Match)
	require.Equal(t, "EXAMPLE-LICENSE", code.Name)
	g := find(t, full, genai.DirectionOutput, azureopenai.CodeGrounding)
	require.Equal(t, genai.PolicyContextual, g.Policy)
	require.True(t, full.Guardrail.Intervened, "indirect_attack filtered")
	d := full.Guardrail.Derive()
	require.Equal(t, []string{"BLOCKED", "NONE"}, d.PolicyActions)
	require.Equal(t, []string{"LLM01", "LLM02", "LLM09"}, d.OWASPIDs)
	require.JSONEq(t, `[{"role":"assistant","parts":[{"type":"text","content":"def quicksort(a): ..."},{"type":"tool_call","id":"call_1","name":"lookup","arguments":{"q":"sort"}}],"finish_reason":"stop"}]`, string(full.Response.OutputMessages))

	comp := evs[1] // completions, n=3, prompt_annotations, a filter error
	require.Equal(t, genai.OperationTextCompletion, comp.Request.Operation)
	require.Equal(t, []string{"stop", "content_filter", "length"}, comp.Response.FinishReasons)
	require.True(t, comp.Guardrail.Intervened)
	require.Equal(t, []string{"output.content_filter"}, comp.Guardrail.NotRun, "an error entry is not a safe verdict")
	sexual := find(t, comp, genai.DirectionOutput, azureopenai.CodeSexual)
	require.Equal(t, genai.ActionBlocked, sexual.Action, "merged over choices: the block wins")
	require.Equal(t, genai.ConfidenceHigh, sexual.Confidence)
	find(t, comp, genai.DirectionInput, azureopenai.CodeHate) // prompt_annotations read as the prompt side

	emb := evs[2]
	require.Equal(t, genai.OperationEmbeddings, emb.Request.Operation)
	require.Equal(t, genai.Some[int64](1), emb.Response.Embeddings)
	require.Equal(t, genai.OutcomeSuccess, emb.Outcome)

	e400 := evs[3]
	require.Equal(t, "content_filter", e400.Response.ErrorCode)
	require.Equal(t, int64(400), e400.HTTP.StatusCode)
	require.Equal(t, genai.OutcomeFailure, e400.Outcome)
	bl := findNative(t, e400, genai.DirectionInput, "custom_blocklists")
	require.Equal(t, "internal-codenames", bl.Name)
	require.Equal(t, genai.ActionBlocked, bl.Action)
	require.Equal(t, []string{"HATE", "PROFANITY"}, e400.Guardrail.Derive().ViolationCodes)
	require.Equal(t, genai.ConfidenceNone, find(t, e400, genai.DirectionInput, azureopenai.CodePromptAttack).Confidence, "not detected")

	out := evs[4] // finish_reason content_filter
	require.Equal(t, []string{"content_filter"}, out.Response.FinishReasons)
	require.True(t, out.Guardrail.Intervened)
	require.Equal(t, []string{"protected_material_policy", "word_policy"}, out.Guardrail.Derive().ResponseTriggered)
	require.Equal(t, genai.Some[int64](75), out.Usage.OutputTokens)
}

func TestStreams(t *testing.T) {
	evs := decodeFile(t, "stream.sse")
	require.Len(t, evs, 2, "chunks merged into one event per stream")
	a, b := evs[0], evs[1]
	for _, ev := range evs {
		common(t, ev, azureopenai.FormatStream)
		require.Equal(t, genai.Some(true), ev.Request.Stream)
	}
	require.Equal(t, "chatcmpl-AzStream01", a.Response.ID)
	require.Equal(t, "Roses are red.", a.Response.Text)
	require.Equal(t, []string{"stop"}, a.Response.FinishReasons)
	require.Equal(t, genai.Some[int64](12), a.Usage.InputTokens, "include_usage chunk")
	require.False(t, a.Guardrail.Intervened)
	v := find(t, a, genai.DirectionOutput, azureopenai.CodeViolence)
	require.Equal(t, genai.ConfidenceLow, v.Confidence, "annotation segments merged, highest severity kept")
	n := 0
	for _, x := range a.Guardrail.Assessments {
		if x.Direction == genai.DirectionOutput && x.Type == azureopenai.CodeViolence {
			n++
		}
	}
	require.Equal(t, 1, n, "one assessment per category, not one per segment")

	require.Equal(t, "chatcmpl-AzStream02", b.Response.ID)
	require.False(t, b.Usage.InputTokens.Valid, "no usage without include_usage")
	require.Equal(t, []string{"content_filter"}, b.Response.FinishReasons)
	require.True(t, b.Guardrail.Intervened)
	require.Equal(t, genai.OutcomeFailure, b.Outcome)
	find(t, b, genai.DirectionInput, azureopenai.CodeHate) // older prompt_annotations spelling
	require.JSONEq(t, `[{"role":"assistant","parts":[{"type":"text","content":"Here is the song lyric"},{"type":"tool_call","id":"call_9","name":"search","arguments":{"q":"lyrics"}}],"finish_reason":"content_filter"}]`, string(b.Response.OutputMessages))
}

// TestGatewayLLMEventHub reads GatewayLlmLogs pieces delivered as Event Hub records (the
// columns under properties, camelCase), split over two messages.
func TestGatewayLLMEventHub(t *testing.T) {
	rec := func(seq int, extra string) string {
		return `{"time":"2025-10-31T12:00:0` + fmt.Sprint(seq) + `Z","category":"GatewayLlmLogs","operationName":"Microsoft.ApiManagement/GatewayLlmLogs",` +
			`"resourceId":"/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.APIMANAGEMENT/SERVICE/APIM",` +
			`"Region":"East US","serviceName":"apim","properties":{"correlationId":"c-1","sequenceNumber":` + fmt.Sprint(seq) + extra + `}}`
	}
	input := `{"records":[` + rec(1, `,"requestMessages":[{"role":"user","content":"capital of tamilnadu?"}]`) + `,` +
		rec(0, `,"requestId":"chatcmpl-eh1","operationName":"ChatCompletions_Create","apiVersion":"2024-10-21","deploymentName":"gpt-4o","modelName":"gpt-4o-2024-11-20","isStreamCompletion":true,"promptTokens":14,"completionTokens":8,"totalTokens":22`) + `]}` + "\n" +
		`{"records":[` + rec(2, `,"responseMessages":[{"role":"assistant","content":"Chennai."}]`) + `]}` + "\n"
	path := filepath.Join(t.TempDir(), "llm.json")
	require.NoError(t, os.WriteFile(path, []byte(input), 0o644))
	evs := readAll(t, registry(), path)
	require.Len(t, evs, 1)
	ev := evs[0]
	require.NoError(t, ev.Err)
	common(t, ev, azureopenai.FormatGatewayLLM)
	require.Equal(t, azureopenai.EnvelopeRecords, ev.Source.Envelope)
	require.Equal(t, "ChatCompletions_Create", ev.Action)
	require.Equal(t, genai.OperationChat, ev.Request.Operation)
	require.Equal(t, "chatcmpl-eh1", ev.Response.ID)
	require.Equal(t, "gpt-4o", ev.Request.Model.ID)
	require.Equal(t, genai.Some[int64](22), ev.Usage.TotalTokens)
	require.Equal(t, "capital of tamilnadu?", ev.Request.Text)
	require.Equal(t, "Chennai.", ev.Response.Text)
	require.Equal(t, "11111111-2222-3333-4444-555555555555", ev.Cloud.AccountID)
	require.Equal(t, time.Date(2025, 10, 31, 12, 0, 0, 0, time.UTC), ev.Time, "the earliest piece")
	require.Equal(t, "GatewayLlmLogs", vendor(ev, genai.AzureOpenAICategory).Str())
}
