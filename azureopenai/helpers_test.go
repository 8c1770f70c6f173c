package azureopenai

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

func TestParseResourceID(t *testing.T) {
	tests := []struct {
		in                         string
		sub, group, provider, name string
		ok                         bool
	}{
		{"/SUBSCRIPTIONS/12CABCB4-86E8-404F-A3D2-1DC9982F45CA/RESOURCEGROUPS/RG-A/PROVIDERS/MICROSOFT.COGNITIVESERVICES/ACCOUNTS/ACC-01",
			"12cabcb4-86e8-404f-a3d2-1dc9982f45ca", "rg-a", "microsoft.cognitiveservices/accounts", "acc-01", true},
		{"/subscriptions/12345CABCB4-86E8/resourceGroups/Rg/providers/Microsoft.ApiManagement/service/Apim",
			"12345cabcb4-86e8", "rg", "microsoft.apimanagement/service", "apim", true},
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/hub/projects/p1",
			"s", "rg", "microsoft.cognitiveservices/accounts", "hub", true},
		{"/subscriptions/s", "s", "", "", "", true},
		{"not an id", "", "", "", "", false},
		{"", "", "", "", "", false},
	}
	for _, tt := range tests {
		r, ok := ParseResourceID(tt.in)
		require.Equal(t, tt.ok, ok, tt.in)
		require.Equal(t, tt.sub, r.Subscription, tt.in)
		require.Equal(t, tt.group, r.Group, tt.in)
		require.Equal(t, tt.provider, r.Provider, tt.in)
		require.Equal(t, tt.name, r.Name, tt.in)
	}
}

func TestTicksTime(t *testing.T) {
	got, ok := TicksTime(638515262815394150)
	require.True(t, ok)
	require.Equal(t, time.Date(2024, 5, 17, 7, 4, 41, 539415000, time.UTC), got)
	for _, bad := range []int64{0, -1, 42, 1 << 62} {
		_, ok := TicksTime(bad)
		require.False(t, ok, bad)
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2024-04-17T06:03:30.0000000Z":    time.Date(2024, 4, 17, 6, 3, 30, 0, time.UTC),
		"2024-07-02T06:31:31.4465902Z":    time.Date(2024, 7, 2, 6, 31, 31, 446590200, time.UTC),
		"2025-05-01T12:00:00.123":         time.Date(2025, 5, 1, 12, 0, 0, 123000000, time.UTC),
		"2025-05-01 12:00:00Z":            time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC),
		"2025-05-01T14:00:00.5+02:00":     time.Date(2025, 5, 1, 12, 0, 0, 500000000, time.UTC),
		"5/1/2025, 12:00:00.000000000 PM": time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC),
	} {
		got, ok := parseTime(in)
		require.True(t, ok, in)
		require.Equal(t, want, got, in)
	}
	_, ok := parseTime("yesterday")
	require.False(t, ok)
}

func TestOperationName(t *testing.T) {
	for in, want := range map[string]string{
		"ChatCompletions_Create":  genai.OperationChat,
		"getChatCompletions":      genai.OperationChat,
		"Completions_Create":      genai.OperationTextCompletion,
		"text_completion":         genai.OperationTextCompletion,
		"embeddings_create":       genai.OperationEmbeddings,
		"Embeddings_Create":       genai.OperationEmbeddings,
		"ImageGenerations_Create": genai.OperationGenerateContent,
		"ListKey":                 "",
		"Create_Thread":           "",
		"":                        "",
	} {
		require.Equal(t, want, OperationName(in), in)
	}
}

func TestSeverityConfidence(t *testing.T) {
	for in, want := range map[string]string{
		"safe": "NONE", "low": "LOW", "Medium": "MEDIUM", "high": "HIGH",
		"0": "NONE", "2": "LOW", "4": "MEDIUM", "6": "HIGH", "7": "HIGH",
	} {
		require.Equal(t, want, severityConfidence(in), in)
	}
}

func TestRepairTruncated(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a":1,"b":{"c":"x","d":[1,2`, `{"a":1,"b":{"c":"x","d":[1]}}`},
		{`{"a":"complete","b":"cut`, `{"a":"complete"}`},
		{`{"a":[{"x":1},{"y":`, `{"a":[{"x":1},{}]}`},
		{`{"id":"x","usage":{"prompt_tokens":14,"completion_tokens":8`, `{"id":"x","usage":{"prompt_tokens":14}}`},
		{`[1,2,3`, `[1,2]`},
	}
	for _, tt := range tests {
		got, ok := repairTruncated([]byte(tt.in))
		require.True(t, ok, tt.in)
		require.JSONEq(t, tt.want, string(got), tt.in)
	}
	for _, bad := range []string{``, `"str"`, `{"a":1}`, `x{`} {
		_, ok := repairTruncated([]byte(bad))
		require.False(t, ok, bad)
	}
}

func TestDecodeLenientResetsPartialState(t *testing.T) {
	var rb responseBody
	repaired, err := decodeLenient([]byte(`{"id":"x","usage":{"prompt_tokens":14,"completion_tokens":8`), &rb)
	require.NoError(t, err)
	require.True(t, repaired)
	require.Equal(t, "x", string(rb.ID))
	require.Equal(t, int64(14), rb.Usage.PromptTokens.Value)
	require.False(t, rb.Usage.CompletionTokens.Valid)
	_, err = decodeLenient([]byte(`not json`), &rb)
	require.Error(t, err)
}

func TestCustomBlocklistShapes(t *testing.T) {
	tests := []struct {
		name, in string
		items    int
		blocked  []string
	}{
		{"array", `{"custom_blocklists":[{"filtered":true,"id":"a"},{"filtered":false,"id":"b"}]}`, 2, []string{"a"}},
		{"empty array", `{"custom_blocklists":[]}`, 0, nil},
		{"object without details", `{"custom_blocklists":{"filtered":false}}`, 1, nil},
		{"object with details", `{"custom_blocklists":{"filtered":true,"details":[{"filtered":true,"id":"c"}]}}`, 1, []string{"c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ev genai.Event
			require.True(t, ContentFilter(&ev, []byte(tt.in), genai.DirectionInput))
			require.Len(t, ev.Guardrail.Assessments, tt.items)
			var blocked []string
			for _, a := range ev.Guardrail.Assessments {
				require.Equal(t, genai.PolicyWord, a.Policy)
				if a.Action == genai.ActionBlocked {
					blocked = append(blocked, a.Name)
				}
			}
			require.Equal(t, tt.blocked, blocked)
			require.Equal(t, len(tt.blocked) > 0, ev.Guardrail.Intervened)
		})
	}
}

func TestFilterErrorIsNotSafe(t *testing.T) {
	var ev genai.Event
	ContentFilter(&ev, []byte(`{"error":{"code":"content_filter_error","message":"not filtered"}}`), genai.DirectionOutput)
	require.Empty(t, ev.Guardrail.Assessments)
	require.Equal(t, []string{"output.content_filter"}, ev.Guardrail.NotRun)

	ev = genai.Event{}
	ContentFilter(&ev, []byte(`{"hate":{"filtered":false,"severity":"safe"},"protected_material_code":{"error":{"code":"timeout"}}}`), genai.DirectionOutput)
	require.Len(t, ev.Guardrail.Assessments, 1)
	require.Equal(t, []string{"output.protected_material_code"}, ev.Guardrail.NotRun)
}

func TestUnknownCategoryKeptWithWarning(t *testing.T) {
	var ev genai.Event
	ContentFilter(&ev, []byte(`{"task_adherence":{"filtered":true,"detected":true},"note":"x"}`), genai.DirectionOutput)
	require.Len(t, ev.Guardrail.Assessments, 1)
	require.Equal(t, "task_adherence", ev.Guardrail.Assessments[0].Policy)
	require.Equal(t, "TASK_ADHERENCE", ev.Guardrail.Assessments[0].Type)
	require.Len(t, ev.Warnings, 1)
	require.Equal(t, genai.WarnUnknownPolicy, ev.Warnings[0].Code)
}

// TestDetectorsDisjoint checks that each fixture record is claimed by the format meant for it
// and by no format registered before it.
func TestDetectorsDisjoint(t *testing.T) {
	records := map[string]string{
		FormatResourceLog: `{"time":"2024-04-17T06:03:30Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.COGNITIVESERVICES/ACCOUNTS/A","category":"Audit","operationName":"ListKey"}`,
		FormatGateway:     `{"category":"GatewayLogs","operationName":"Microsoft.ApiManagement/GatewayLogs","resourceId":"/SUBSCRIPTIONS/S","properties":{"backendResponseBody":"{\"prompt_filter_results\":[]}"}}`,
		FormatGatewayLLM:  `{"Type":"ApiManagementGatewayLlmLog","CorrelationId":"c","SequenceNumber":0,"PromptTokens":1}`,
		FormatResponse:    `{"id":"chatcmpl-1","object":"chat.completion","choices":[]}`,
		FormatStream:      `{"id":"chatcmpl-1","object": "chat.completion.chunk","choices":[]}`,
	}
	var reg genai.Registry
	Register(&reg)
	for want, rec := range records {
		f := reg.Detect([]byte(rec))
		require.NotNil(t, f, want)
		require.Equal(t, want, f.Name)
	}
	for _, other := range []string{
		`{"schemaType":"ModelInvocationLog","output":{"outputBodyJson":{"object":"chat.completion","choices":[]}}}`,
		`{"Records":[{"eventSource":"bedrock.amazonaws.com"}]}`,
		`{"eventVersion":"1.08","eventSource":"bedrock.amazonaws.com","requestParameters":{"object":"chat.completion"}}`,
	} {
		require.Nil(t, reg.Detect([]byte(other)), other)
		require.Nil(t, reg.DetectEnvelope([]byte(other)), other)
	}
	require.True(t, detectStream([]byte("data: [DONE]")))
	require.NotNil(t, reg.DetectEnvelope([]byte(`{ "records": []}`)))
}
