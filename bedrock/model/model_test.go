package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

const fixtures = "../../testdata/bedrock/model"

// fixture reads a fixture body; "" gives nil.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	if name == "" {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	require.NoError(t, err)
	return b
}

// chunks splits a stream fixture (a JSON array) into its items, as the record decoder passes
// them.
func chunks(t testing.TB, body []byte) [][]byte {
	t.Helper()
	var items []json.RawMessage
	require.NoError(t, json.Unmarshal(body, &items))
	out := make([][]byte, len(items))
	for i, it := range items {
		out[i] = it
	}
	return out
}

// decode runs the model decoders on fixtures the way the record decoder does.
func decode(t testing.TB, id, req, resp, stream string) *genai.Event {
	t.Helper()
	ev := &genai.Event{}
	ev.Request.Model = Parse(id)
	if req != "" {
		DecodeRequest(&ev.Request.Model, fixture(t, req), ev)
	}
	if resp != "" {
		DecodeResponse(&ev.Request.Model, fixture(t, resp), ev)
	}
	if stream != "" {
		DecodeStream(&ev.Request.Model, chunks(t, fixture(t, stream)), ev)
	}
	return ev
}

// checkJSON asserts that every JSON field of the event is valid JSON and holds no base64
// payload from the fixtures.
func checkJSON(t *testing.T, ev *genai.Event) {
	t.Helper()
	for name, b := range map[string][]byte{
		"system_instructions": ev.Request.SystemInstructions, "input_messages": ev.Request.InputMessages,
		"tool_definitions": ev.Request.ToolDefinitions, "output_messages": ev.Response.OutputMessages,
	} {
		if b == nil {
			continue
		}
		require.True(t, json.Valid(b), "%s is not valid JSON: %s", name, b)
		require.Equal(t, byte('['), b[0], "%s is not an array", name)
		require.NotContains(t, string(b), "iVBORw0KGgo", "%s holds a base64 image", name)
		require.NotContains(t, string(b), "JVBERi0x", "%s holds a base64 document", name)
	}
}

func opt[T int64 | float64 | bool](v T) genai.Opt[T] { return genai.Some(v) }

func TestDecodeFamilies(t *testing.T) {
	tests := []struct {
		name               string
		id                 string
		req, resp, stream  string
		vendor, family, op string
		check              func(t *testing.T, ev *genai.Event)
	}{
		{
			name: "anthropic messages", id: "us.anthropic.claude-sonnet-4-20250514-v1:0",
			req: "anthropic-messages.request.json", resp: "anthropic-messages.response.json",
			vendor: "anthropic", family: FamilyClaude, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				q := &ev.Request
				require.Equal(t, "bedrock-2023-05-31", q.Model.APIVersion, "Elastic's model version is the body's anthropic_version")
				require.Equal(t, opt[int64](1024), q.MaxTokens)
				require.Equal(t, opt(0.5), q.Temperature)
				require.Equal(t, opt(0.9), q.TopP)
				require.Equal(t, opt(250.0), q.TopK)
				require.Equal(t, []string{"\n\nHuman:"}, q.StopSequences)
				require.JSONEq(t, `[{"type":"text","content":"You are a weather assistant."}]`, string(q.SystemInstructions))
				require.JSONEq(t, `[
				 {"role":"user","parts":[{"type":"text","content":"What is the weather in Paris?"},
				   {"type":"blob","modality":"image","mime_type":"image/png","size":96},
				   {"type":"blob","modality":"document","mime_type":"application/pdf","size":64}]},
				 {"role":"assistant","parts":[{"type":"reasoning","content":"I should call the tool."},
				   {"type":"tool_call","id":"toolu_01","name":"get_weather","arguments":{"city":"Paris"}}]},
				 {"role":"user","parts":[{"type":"tool_call_response","id":"toolu_01","response":"18 C, sunny"}]}]`, string(q.InputMessages))
				require.JSONEq(t, `[{"type":"function","name":"get_weather","description":"Current weather for a city",
				  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]`, string(q.ToolDefinitions))
				require.Equal(t, "What is the weather in Paris?", q.Text)
				require.Equal(t, []genai.FieldValue{
					{Field: genai.GenainormRequestThinkingType, Value: genai.StringValue("enabled")},
					{Field: genai.GenainormRequestThinkingBudgetTokens, Value: genai.IntValue(2048)},
				}, ev.Vendor)
				r := &ev.Response
				require.Equal(t, "msg_bdrk_01ABCDEF", r.ID)
				require.Equal(t, "claude-sonnet-4-20250514", r.Model)
				require.Equal(t, []string{"tool_use"}, r.FinishReasons)
				require.Equal(t, "It is 18 C and sunny in Paris.", r.Text)
				require.JSONEq(t, `[{"role":"assistant","parts":[{"type":"reasoning","content":"The tool said sunny."},
				  {"type":"text","content":"It is 18 C and sunny in Paris."},
				  {"type":"tool_call","id":"toolu_02","name":"get_forecast","arguments":{"city":"Paris","days":2}}],"finish_reason":"tool_use"}]`, string(r.OutputMessages))
				require.Equal(t, opt[int64](120), ev.Usage.InputTokens)
				require.Equal(t, opt[int64](45), ev.Usage.OutputTokens)
				require.Equal(t, opt[int64](1500), ev.Usage.CacheReadTokens)
				require.Equal(t, opt[int64](300), ev.Usage.CacheWriteTokens)
				require.Equal(t, opt[int64](1920), ev.Usage.EffectiveInputTokens())
				require.Equal(t, genai.UsageSourceBody, ev.Usage.Source)
			},
		},
		{
			name: "anthropic messages stream", id: "anthropic.claude-sonnet-4-20250514-v1:0",
			req: "anthropic-messages.request.json", stream: "anthropic-messages.stream.json",
			vendor: "anthropic", family: FamilyClaude, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				r := &ev.Response
				require.Equal(t, "msg_bdrk_01STREAM", r.ID)
				require.Equal(t, []string{"tool_use"}, r.FinishReasons)
				require.Equal(t, "Checking the forecast.", r.Text)
				require.JSONEq(t, `[{"role":"assistant","parts":[{"type":"reasoning","content":"Need the forecast."},
				  {"type":"text","content":"Checking the forecast."},
				  {"type":"tool_call","id":"toolu_03","name":"get_forecast","arguments":{"city":"Paris"}}],"finish_reason":"tool_use"}]`, string(r.OutputMessages))
				require.Equal(t, opt[int64](120), ev.Usage.InputTokens)
				require.Equal(t, opt[int64](38), ev.Usage.OutputTokens)
				require.Equal(t, opt[int64](1500), ev.Usage.CacheReadTokens)
				require.Equal(t, genai.UsageSourceStreamMetrics, ev.Usage.Source)
			},
		},
		{
			name: "anthropic legacy text", id: "anthropic.claude-v2:1",
			req: "anthropic-text.request.json", resp: "anthropic-text.response.json",
			vendor: "anthropic", family: FamilyClaude, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](300), ev.Request.MaxTokens)
				require.Equal(t, "\n\nHuman: Say hello\n\nAssistant:", ev.Request.Text)
				require.Equal(t, []string{"stop_sequence"}, ev.Response.FinishReasons)
				require.Equal(t, " Hello there!", ev.Response.Text)
			},
		},
		{
			name: "anthropic legacy text stream", id: "anthropic.claude-instant-v1",
			req: "anthropic-text.request.json", stream: "anthropic-text.stream.json",
			vendor: "anthropic", family: FamilyClaude, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, " Hello there!", ev.Response.Text)
				require.Equal(t, []string{"stop_sequence"}, ev.Response.FinishReasons)
				require.Equal(t, opt[int64](14), ev.Usage.InputTokens)
			},
		},
		{
			name: "nova", id: "us.amazon.nova-pro-v1:0",
			req: "nova.request.json", resp: "nova.response.json",
			vendor: "amazon", family: FamilyNova, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				q := &ev.Request
				require.Equal(t, opt[int64](512), q.MaxTokens)
				require.Equal(t, opt(0.7), q.Temperature)
				require.Equal(t, opt(0.9), q.TopP)
				require.Equal(t, opt(20.0), q.TopK)
				require.Equal(t, []string{"END"}, q.StopSequences)
				require.JSONEq(t, `[{"type":"text","content":"You are concise."}]`, string(q.SystemInstructions))
				require.Equal(t, "medium", q.ReasoningLevel)
				require.Equal(t, []genai.FieldValue{{Field: genai.GenainormRequestThinkingType, Value: genai.StringValue("enabled")}}, ev.Vendor)
				require.JSONEq(t, `[
				 {"role":"user","parts":[{"type":"text","content":"Describe this picture."},{"type":"blob","modality":"image","mime_type":"image/jpeg","size":96}]},
				 {"role":"assistant","parts":[{"type":"tool_call","id":"tu-1","name":"lookup","arguments":{"q":"cats"}}]},
				 {"role":"user","parts":[{"type":"tool_call_response","id":"tu-1","response":{"found":3}},{"type":"uri","modality":"video","mime_type":"video/mp4","uri":"s3://amzn-s3-demo-bucket/clip.mp4"}]}]`, string(q.InputMessages))
				require.JSONEq(t, `[{"type":"function","name":"lookup","description":"Search the catalog","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}]`, string(q.ToolDefinitions))
				require.Equal(t, []string{"end_turn"}, ev.Response.FinishReasons)
				require.Equal(t, "A picture of three cats.", ev.Response.Text)
				require.Contains(t, string(ev.Response.OutputMessages), `{"type":"reasoning","content":"Three cats found."}`)
				require.Equal(t, opt[int64](40), ev.Usage.InputTokens)
				require.Equal(t, opt[int64](1200), ev.Usage.CacheReadTokens)
				require.Equal(t, opt[int64](0), ev.Usage.CacheWriteTokens)
				require.Equal(t, opt[int64](1248), ev.Usage.TotalTokens)
			},
		},
		{
			name: "nova stream", id: "amazon.nova-lite-v1:0",
			req: "nova.request.json", stream: "nova.stream.json",
			vendor: "amazon", family: FamilyNova, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "A picture of cats.", ev.Response.Text)
				require.Equal(t, []string{"tool_use"}, ev.Response.FinishReasons)
				require.JSONEq(t, `[{"role":"assistant","parts":[{"type":"text","content":"A picture of cats."},
				  {"type":"tool_call","id":"tu-2","name":"lookup","arguments":{"q":"dogs"}}],"finish_reason":"tool_use"}]`, string(ev.Response.OutputMessages))
				require.Equal(t, opt[int64](12), ev.Usage.OutputTokens)
			},
		},
		{
			name: "titan text", id: "amazon.titan-text-express-v1",
			req: "titan-text.request.json", resp: "titan-text.response.json",
			vendor: "amazon", family: FamilyTitanText, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](512), ev.Request.MaxTokens)
				require.Equal(t, opt(0.7), ev.Request.Temperature)
				require.Equal(t, []string{"User:"}, ev.Request.StopSequences)
				require.Equal(t, "User: What color is the sky?\nBot:", ev.Request.Text)
				require.Equal(t, []string{"FINISH"}, ev.Response.FinishReasons)
				require.Equal(t, " Blue.", ev.Response.Text)
				require.Equal(t, opt[int64](11), ev.Usage.InputTokens)
				require.Equal(t, opt[int64](3), ev.Usage.OutputTokens)
			},
		},
		{
			name: "titan text stream", id: "amazon.titan-text-premier-v1:0",
			req: "titan-text.request.json", stream: "titan-text.stream.json",
			vendor: "amazon", family: FamilyTitanText, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, " Blue.", ev.Response.Text)
				require.Equal(t, []string{"FINISH"}, ev.Response.FinishReasons)
			},
		},
		{
			name: "titan embeddings", id: "amazon.titan-embed-text-v2:0",
			req: "titan-embed.request.json", resp: "titan-embed.response.json",
			vendor: "amazon", family: FamilyTitanEmbed, op: genai.OperationEmbeddings,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](256), ev.Request.Dimensions)
				require.Equal(t, []string{"float", "binary"}, ev.Request.EncodingFormats)
				require.Equal(t, "Embed this sentence.", ev.Request.Text)
				require.Equal(t, opt[int64](1), ev.Response.Embeddings)
				require.Equal(t, opt[int64](5), ev.Usage.InputTokens)
				require.Empty(t, ev.Response.FinishReasons)
			},
		},
		{
			name: "titan image", id: "amazon.titan-image-generator-v2:0",
			req: "titan-image.request.json", resp: "titan-image.response.json",
			vendor: "amazon", family: FamilyTitanImage, op: genai.OperationGenerateContent,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "image", ev.Request.OutputType)
				require.Equal(t, "A lighthouse at dawn", ev.Request.Text)
				require.Equal(t, opt[int64](42), ev.Request.Seed)
				require.Equal(t, opt[int64](2), ev.Request.ChoiceCount)
				require.Equal(t, opt[int64](2), ev.Response.ImageCount)
			},
		},
		{
			name: "nova canvas variation", id: "amazon.nova-canvas-v1:0",
			req: "nova-canvas.request.json", resp: "titan-image.response.json",
			vendor: "amazon", family: FamilyNovaCanvas, op: genai.OperationGenerateContent,
			check: func(t *testing.T, ev *genai.Event) {
				require.JSONEq(t, `[{"role":"user","parts":[{"type":"text","content":"Same scene at night"},{"type":"blob","modality":"image","size":96}]}]`, string(ev.Request.InputMessages))
				require.Equal(t, opt[int64](7), ev.Request.Seed)
			},
		},
		{
			name: "llama", id: "meta.llama3-70b-instruct-v1:0",
			req: "llama.request.json", resp: "llama.response.json",
			vendor: "meta", family: FamilyLlama, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](512), ev.Request.MaxTokens)
				require.Contains(t, ev.Request.Text, "What is Go?")
				require.Equal(t, []string{"stop"}, ev.Response.FinishReasons)
				require.Equal(t, "Go is a programming language.", ev.Response.Text)
				require.Equal(t, opt[int64](25), ev.Usage.InputTokens)
				require.Equal(t, opt[int64](8), ev.Usage.OutputTokens)
			},
		},
		{
			name: "llama stream", id: "us.meta.llama3-2-11b-instruct-v1:0",
			req: "llama.request.json", stream: "llama.stream.json",
			vendor: "meta", family: FamilyLlama, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Go is a language.", ev.Response.Text)
				require.Equal(t, []string{"length"}, ev.Response.FinishReasons)
				require.Equal(t, opt[int64](5), ev.Usage.OutputTokens)
			},
		},
		{
			name: "mistral text", id: "mistral.mistral-7b-instruct-v0:2",
			req: "mistral-text.request.json", resp: "mistral-text.response.json",
			vendor: "mistral", family: FamilyMistral, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](200), ev.Request.MaxTokens)
				require.Equal(t, opt(50.0), ev.Request.TopK)
				require.Equal(t, []string{"</s>"}, ev.Request.StopSequences)
				require.Equal(t, []string{"stop"}, ev.Response.FinishReasons)
				require.Equal(t, " Brie.", ev.Response.Text)
				require.False(t, ev.Usage.InputTokens.Valid, "Mistral bodies carry no token counts")
			},
		},
		{
			name: "mistral text stream", id: "mistral.mixtral-8x7b-instruct-v0:1",
			req: "mistral-text.request.json", stream: "mistral-text.stream.json",
			vendor: "mistral", family: FamilyMistral, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, " Brie.", ev.Response.Text)
				require.Equal(t, []string{"stop"}, ev.Response.FinishReasons)
			},
		},
		{
			name: "mistral chat", id: "mistral.mistral-large-2407-v1:0",
			req: "mistral-chat.request.json", resp: "mistral-chat.response.json",
			vendor: "mistral", family: FamilyMistral, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				require.JSONEq(t, `[
				 {"role":"system","parts":[{"type":"text","content":"Answer briefly."}]},
				 {"role":"user","parts":[{"type":"text","content":"Weather in Lyon?"}]},
				 {"role":"assistant","parts":[{"type":"tool_call","id":"call1","name":"get_weather","arguments":{"city":"Lyon"}}]},
				 {"role":"tool","parts":[{"type":"tool_call_response","id":"call1","response":"21 C"}]}]`, string(ev.Request.InputMessages))
				require.JSONEq(t, `[{"type":"function","name":"get_weather","description":"Weather by city","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}]`, string(ev.Request.ToolDefinitions))
				require.Equal(t, "Weather in Lyon?", ev.Request.Text)
				require.Equal(t, []string{"stop"}, ev.Response.FinishReasons)
				require.Equal(t, "It is 21 C in Lyon.", ev.Response.Text)
			},
		},
		{
			name: "cohere command", id: "cohere.command-text-v14",
			req: "cohere-command.request.json", resp: "cohere-command.response.json",
			vendor: "cohere", family: FamilyCommand, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt(0.75), ev.Request.TopP)
				require.Equal(t, opt(0.0), ev.Request.TopK)
				require.Equal(t, opt[int64](1), ev.Request.ChoiceCount)
				require.Equal(t, "gen-resp-1", ev.Response.ID)
				require.Equal(t, []string{"COMPLETE"}, ev.Response.FinishReasons)
				require.Equal(t, "Soft rain on the roof", ev.Response.Text)
			},
		},
		{
			name: "cohere command stream", id: "cohere.command-light-text-v14",
			req: "cohere-command.request.json", stream: "cohere-command.stream.json",
			vendor: "cohere", family: FamilyCommand, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Soft rain on the roof", ev.Response.Text)
				require.Equal(t, []string{"COMPLETE"}, ev.Response.FinishReasons)
			},
		},
		{
			name: "cohere command r", id: "cohere.command-r-plus-v1:0",
			req: "cohere-command-r.request.json", resp: "cohere-command-r.response.json",
			vendor: "cohere", family: FamilyCommandR, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				q := &ev.Request
				require.JSONEq(t, `[{"type":"text","content":"You are a travel assistant."}]`, string(q.SystemInstructions))
				require.JSONEq(t, `[{"role":"user","parts":[{"type":"text","content":"Weather in Rome?"}]},
				 {"role":"assistant","parts":[{"type":"text","content":"Sunny, 25 C."}]},
				 {"role":"user","parts":[{"type":"text","content":"And in Berlin?"}]}]`, string(q.InputMessages))
				require.JSONEq(t, `[{"type":"function","name":"weather","description":"Weather by city","parameters":{"city":{"type":"str","required":true}}}]`, string(q.ToolDefinitions))
				require.Equal(t, "And in Berlin?", q.Text)
				require.Equal(t, opt[int64](11), q.Seed)
				require.Equal(t, "resp-r-1", ev.Response.ID)
				require.Equal(t, []string{"COMPLETE"}, ev.Response.FinishReasons)
				require.Contains(t, string(ev.Response.OutputMessages), `{"type":"tool_call","name":"weather","arguments":{"city":"Berlin"}}`)
				require.Equal(t, opt[int64](30), ev.Usage.InputTokens)
				require.Equal(t, opt[int64](9), ev.Usage.OutputTokens)
			},
		},
		{
			name: "cohere command r stream", id: "cohere.command-r-v1:0",
			req: "cohere-command-r.request.json", stream: "cohere-command-r.stream.json",
			vendor: "cohere", family: FamilyCommandR, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Cool and cloudy.", ev.Response.Text, "stream-end's whole response must not be counted twice")
				require.Equal(t, "gen-r-2", ev.Response.ID)
				require.Equal(t, []string{"COMPLETE"}, ev.Response.FinishReasons)
			},
		},
		{
			name: "cohere embed", id: "cohere.embed-english-v3",
			req: "cohere-embed.request.json", resp: "cohere-embed.response.json",
			vendor: "cohere", family: FamilyCohereEmbed, op: genai.OperationEmbeddings,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, []string{"float", "int8"}, ev.Request.EncodingFormats)
				require.Equal(t, "first document\nsecond document", ev.Request.Text)
				require.Equal(t, opt[int64](2), ev.Response.Embeddings)
				require.Equal(t, "emb-1", ev.Response.ID)
			},
		},
		{
			name: "jamba", id: "ai21.jamba-1-5-large-v1:0",
			req: "jamba.request.json", resp: "jamba.response.json",
			vendor: "ai21", family: FamilyJamba, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](50), ev.Request.MaxTokens)
				require.Equal(t, []string{"\n\n"}, ev.Request.StopSequences)
				require.Equal(t, opt[int64](1), ev.Request.ChoiceCount)
				require.Equal(t, "chatcmpl-jamba-1", ev.Response.ID)
				require.Equal(t, "jamba-1.5-large", ev.Response.Model)
				require.Equal(t, []string{"stop"}, ev.Response.FinishReasons)
				require.Equal(t, "Lima.", ev.Response.Text)
				require.Equal(t, opt[int64](14), ev.Usage.InputTokens)
				require.Equal(t, opt[int64](16), ev.Usage.TotalTokens)
			},
		},
		{
			name: "jamba stream", id: "ai21.jamba-1-5-mini-v1:0",
			req: "jamba.request.json", stream: "jamba.stream.json",
			vendor: "ai21", family: FamilyJamba, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "chatcmpl-jamba-2", ev.Response.ID)
				require.Equal(t, "Lima.", ev.Response.Text)
				require.Equal(t, []string{"stop"}, ev.Response.FinishReasons)
			},
		},
		{
			name: "jurassic", id: "ai21.j2-ultra-v1",
			req: "jurassic.request.json", resp: "jurassic.response.json",
			vendor: "ai21", family: FamilyJurassic, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](20), ev.Request.MaxTokens)
				require.Equal(t, opt(0.5), ev.Request.TopP)
				require.Equal(t, []string{"."}, ev.Request.StopSequences)
				require.Equal(t, "1234", ev.Response.ID, "Jurassic's numeric id is kept as text")
				require.Equal(t, []string{"endoftext"}, ev.Response.FinishReasons)
				require.Equal(t, " jumps over the lazy dog", ev.Response.Text)
			},
		},
		{
			name: "stability sdxl", id: "stability.stable-diffusion-xl-v1",
			req: "stability-sdxl.request.json", resp: "stability-sdxl.response.json",
			vendor: "stability", family: FamilyStableDiffusionX, op: genai.OperationGenerateContent,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "A red fox in snow", ev.Request.Text, "a negative-weight prompt is not user text")
				require.JSONEq(t, `[{"role":"user","parts":[{"type":"text","content":"A red fox in snow"},{"type":"text","content":"blurry"},
				  {"type":"blob","modality":"image","size":96}]}]`, string(ev.Request.InputMessages))
				require.Equal(t, opt[int64](3), ev.Request.Seed)
				require.Equal(t, opt[int64](1), ev.Response.ImageCount)
				require.Equal(t, []string{"SUCCESS"}, ev.Response.FinishReasons)
			},
		},
		{
			name: "stability sd3 filtered", id: "stability.sd3-5-large-v1:0",
			req: "stability-sd3.request.json", resp: "stability-sd3.response.json",
			vendor: "stability", family: FamilyStableImage, op: genai.OperationGenerateContent,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "A castle on a hill", ev.Request.Text)
				require.Equal(t, opt[int64](0), ev.Request.Seed)
				require.Equal(t, opt[int64](0), ev.Response.ImageCount)
				require.Equal(t, []string{"Filter reason: prompt"}, ev.Response.FinishReasons)
			},
		},
		{
			name: "deepseek r1", id: "us.deepseek.r1-v1:0",
			req: "deepseek-r1.request.json", resp: "deepseek-r1.response.json",
			vendor: "deepseek", family: FamilyDeepSeekR1, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](512), ev.Request.MaxTokens)
				require.Equal(t, []string{"stop"}, ev.Response.FinishReasons)
				require.Equal(t, "Yes, 17 is prime.</think>Yes.", ev.Response.Text)
			},
		},
		{
			name: "deepseek r1 stream", id: "us.deepseek.r1-v1:0",
			req: "deepseek-r1.request.json", stream: "deepseek-r1.stream.json",
			vendor: "deepseek", family: FamilyDeepSeekR1, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Yes, prime.", ev.Response.Text)
				require.Equal(t, []string{"length"}, ev.Response.FinishReasons)
			},
		},
		{
			name: "gpt-oss", id: "openai.gpt-oss-120b-1:0",
			req: "gpt-oss.request.json", resp: "gpt-oss.response.json",
			vendor: "openai", family: FamilyGPTOSS, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				q := &ev.Request
				require.Equal(t, opt[int64](400), q.MaxTokens)
				require.Equal(t, "high", q.ReasoningLevel)
				require.Equal(t, opt[int64](99), q.Seed)
				require.Equal(t, opt(0.1), q.FrequencyPenalty)
				require.Equal(t, opt(0.2), q.PresencePenalty)
				require.Equal(t, "json", q.OutputType)
				require.JSONEq(t, `[{"role":"developer","parts":[{"type":"text","content":"Use tools when useful."}]},
				 {"role":"user","parts":[{"type":"text","content":"Convert 10 USD to EUR."},{"type":"blob","modality":"image","mime_type":"image/png","size":96}]}]`, string(q.InputMessages))
				require.Equal(t, "Convert 10 USD to EUR.", q.Text)
				r := &ev.Response
				require.Equal(t, "chatcmpl-oss-1", r.ID)
				require.Equal(t, []string{"tool_calls"}, r.FinishReasons)
				require.JSONEq(t, `[{"role":"assistant","parts":[{"type":"reasoning","content":"Need the rate."},
				  {"type":"tool_call","id":"call_fx","name":"fx","arguments":{"from":"USD","to":"EUR"}}],"finish_reason":"tool_calls"}]`, string(r.OutputMessages))
				u := &ev.Usage
				require.Equal(t, opt[int64](90), u.InputTokens)
				require.Equal(t, opt[int64](64), u.CacheReadTokens)
				require.True(t, u.InputIncludesCache, "OpenAI prompt_tokens include cached tokens")
				require.Equal(t, opt[int64](90), u.EffectiveInputTokens())
				require.Equal(t, opt[int64](12), u.ReasoningTokens)
			},
		},
		{
			name: "gpt-oss stream", id: "openai.gpt-oss-20b-1:0",
			req: "gpt-oss.request.json", stream: "gpt-oss.stream.json",
			vendor: "openai", family: FamilyGPTOSS, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "chatcmpl-oss-2", ev.Response.ID)
				require.Equal(t, []string{"tool_calls"}, ev.Response.FinishReasons)
				require.JSONEq(t, `[{"role":"assistant","parts":[{"type":"reasoning","content":"Need rate."},
				  {"type":"tool_call","id":"call_fx2","name":"fx","arguments":{"from":"USD"}}],"finish_reason":"tool_calls"}]`, string(ev.Response.OutputMessages))
				require.Equal(t, opt[int64](90), ev.Usage.InputTokens)
				require.Equal(t, genai.UsageSourceStreamMetrics, ev.Usage.Source)
			},
		},
		{
			name: "application inference profile resolved from the body", id: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/s529qz7ddy06",
			req: "anthropic-messages.request.json", resp: "anthropic-messages.response.json",
			vendor: "anthropic", family: FamilyClaude, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "anthropic", ev.Request.Model.Type)
				require.Empty(t, ev.Warnings)
			},
		},
		{
			name: "provisioned model resolved from the response alone", id: "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefgh1234",
			resp:   "llama.response.json",
			vendor: "meta", family: FamilyLlama, op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Go is a programming language.", ev.Response.Text)
			},
		},
		{
			name: "custom model resolved from a titan body", id: "arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefgh1234",
			req: "titan-text.request.json", stream: "titan-text.stream.json",
			vendor: "amazon", family: FamilyTitanText, op: genai.OperationTextCompletion,
		},
		{
			name: "imported model resolved from a nova body", id: "arn:aws:bedrock:us-east-1:123456789012:imported-model/abcdefgh1234",
			req:    "nova.request.json",
			vendor: "amazon", family: FamilyNova, op: genai.OperationChat,
		},
		{
			name: "opaque id with an openai-compatible body", id: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/zz99",
			req: "jamba.request.json", resp: "jamba.response.json",
			vendor: "ai21", family: FamilyJamba, op: genai.OperationChat,
		},
		{
			name: "nova multimodal embeddings", id: "amazon.nova-2-multimodal-embeddings-v1:0",
			req: "nova-embed.request.json", resp: "nova-embed.response.json",
			vendor: "amazon", family: FamilyNovaEmbed, op: genai.OperationEmbeddings,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Embed me", ev.Request.Text)
				require.Equal(t, opt[int64](1024), ev.Request.Dimensions)
				require.JSONEq(t, `[{"role":"user","parts":[{"type":"text","content":"Embed me"},{"type":"blob","modality":"image","mime_type":"image/png","size":96}]}]`, string(ev.Request.InputMessages))
				require.Equal(t, opt[int64](1), ev.Response.Embeddings)
				require.Empty(t, ev.Warnings)
			},
		},
		{
			name: "unknown vendor with a message/finishReason response", id: "us.twelvelabs.pegasus-1-2-v1:0",
			req: "pegasus.request.json", resp: "pegasus.response.json",
			vendor: "twelvelabs", family: "pegasus", op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Describe the video", ev.Request.Text)
				require.Equal(t, opt(0.2), ev.Request.Temperature)
				require.Equal(t, "A cat plays with a ball.", ev.Response.Text)
				require.Equal(t, []string{"stop"}, ev.Response.FinishReasons)
				require.Len(t, ev.Warnings, 1)
				require.Equal(t, genai.WarnUnknownModelFamily, ev.Warnings[0].Code)
			},
		},
		{
			name: "rerank", id: "cohere.rerank-v3-5:0",
			req: "rerank.request.json", resp: "rerank.response.json",
			vendor: "cohere", family: FamilyRerank,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Which city is the capital?", ev.Request.Text)
				require.Equal(t, "rr-1", ev.Response.ID)
				require.Empty(t, ev.Warnings)
			},
		},
		{
			name: "imported model with a generated_text response", id: "arn:aws:bedrock:us-east-1:123456789012:imported-model/zz11",
			req: "unknown.request.json", resp: "imported.response.json",
			op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Hello model", ev.Request.Text)
				require.Equal(t, "Imported hello", ev.Response.Text)
				require.Equal(t, genai.WarnUnknownModelFamily, ev.Warnings[0].Code)
			},
		},
		{
			name: "unknown family", id: "acme.foo-large-v2:0",
			req: "unknown.request.json", resp: "unknown.response.json",
			vendor: "acme", family: "foo", op: genai.OperationTextCompletion,
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, opt[int64](64), ev.Request.MaxTokens)
				require.Equal(t, "Hello model", ev.Request.Text)
				require.Equal(t, "x-1", ev.Response.ID)
				require.Equal(t, "Hello human", ev.Response.Text)
				require.Equal(t, []string{"done"}, ev.Response.FinishReasons)
				require.Equal(t, opt[int64](3), ev.Usage.InputTokens)
				require.Len(t, ev.Warnings, 1, "one warning, not one per body")
				require.Equal(t, genai.WarnUnknownModelFamily, ev.Warnings[0].Code)
			},
		},
		{
			name: "unknown family stream", id: "acme.foo-large-v2:0",
			stream: "unknown.stream.json",
			vendor: "acme", family: "foo",
			check: func(t *testing.T, ev *genai.Event) {
				require.Equal(t, "Hello human", ev.Response.Text)
				require.Equal(t, []string{"done"}, ev.Response.FinishReasons)
				require.Len(t, ev.Warnings, 1)
				require.Equal(t, genai.WarnUnknownModelFamily, ev.Warnings[0].Code)
			},
		},
		{
			name: "odd member types", id: "anthropic.claude-3-haiku-20240307-v1:0",
			req: "odd.request.json", resp: "odd.response.json",
			vendor: "anthropic", family: FamilyClaude, op: genai.OperationChat,
			check: func(t *testing.T, ev *genai.Event) {
				q := &ev.Request
				require.Equal(t, opt[int64](512), q.MaxTokens, "the last duplicate wins")
				require.Equal(t, opt(0.25), q.Temperature, "a quoted number is read")
				require.False(t, q.TopK.Valid)
				require.False(t, q.TopP.Valid, "a non-numeric string is skipped")
				require.Equal(t, []string{"END"}, q.StopSequences)
				require.JSONEq(t, `[{"type":"text","content":"Be odd."}]`, string(q.SystemInstructions))
				require.JSONEq(t, `[{"role":"user","parts":[{"type":"text","content":"plain string content"}]},
				 {"role":"assistant","parts":[{"type":"text","content":"object content"}]},
				 {"role":"user","parts":[{"type":"text","content":"after junk"}]}]`, string(q.InputMessages))
				require.Nil(t, q.ToolDefinitions)
				require.Equal(t, "12345", ev.Response.ID)
				require.Equal(t, opt[int64](7), ev.Usage.InputTokens)
				require.False(t, ev.Usage.OutputTokens.Valid)
				require.Empty(t, ev.Warnings)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := decode(t, tt.id, tt.req, tt.resp, tt.stream)
			require.Equal(t, tt.id, ev.Request.Model.ID, "the model id stays verbatim")
			require.Equal(t, tt.vendor, ev.Request.Model.Vendor)
			require.Equal(t, tt.family, ev.Request.Model.Family)
			require.Equal(t, tt.op, ev.Request.Operation)
			checkJSON(t, ev)
			if tt.check != nil {
				tt.check(t, ev)
			}
		})
	}
}

// TestLogCountsWin checks that body usage never replaces the log record's own counts.
func TestLogCountsWin(t *testing.T) {
	ev := &genai.Event{}
	ev.Request.Model = Parse("anthropic.claude-3-haiku-20240307-v1:0")
	ev.Usage.InputTokens.Set(100)
	ev.Usage.OutputTokens.Set(10)
	ev.Usage.Source = genai.UsageSourceLog
	DecodeResponse(&ev.Request.Model, fixture(t, "anthropic-messages.response.json"), ev)
	require.Equal(t, opt[int64](100), ev.Usage.InputTokens)
	require.Equal(t, opt[int64](10), ev.Usage.OutputTokens)
	require.Equal(t, opt[int64](1500), ev.Usage.CacheReadTokens, "absent counts are still filled")
	require.Equal(t, genai.UsageSourceLog, ev.Usage.Source)
}

// TestBadBodies checks that unreadable bodies become warnings, never panics or failures.
func TestBadBodies(t *testing.T) {
	for _, body := range []string{"", "null", "   ", `"a string"`, `[1,2]`, `{"messages":[`, `{"max_tokens":1}}`, "\xff\xfe", `{"a":` + strings.Repeat("[", 20000)} {
		ev := &genai.Event{}
		m := Parse("anthropic.claude-3-haiku-20240307-v1:0")
		DecodeRequest(&m, []byte(body), ev)
		DecodeResponse(&m, []byte(body), ev)
		DecodeStream(&m, [][]byte{[]byte(body), nil, []byte(`"[DONE]"`)}, ev)
		checkJSON(t, ev)
		trimmed := bytes.TrimSpace([]byte(body))
		if len(trimmed) > 0 && string(trimmed) != "null" && trimmed[0] != '{' {
			require.NotEmpty(t, ev.Warnings, "body %q", body)
			require.Equal(t, genai.WarnBodyUnreadable, ev.Warnings[0].Code)
		}
	}
	ev := &genai.Event{}
	DecodeRequest(nil, []byte(`{"messages":[{"role":"user","content":"hi"}],"max_tokens":`), ev)
	require.Equal(t, genai.WarnBodyUnreadable, ev.Warnings[0].Code)
	require.Contains(t, string(ev.Request.InputMessages), `"hi"`, "what decoded before the error is kept")
}

// TestSamples runs the InvokeModel bodies of the shared Bedrock samples through the decoders.
func TestSamples(t *testing.T) {
	data, err := os.ReadFile("../../../shared/samples/bedrock/invocation.log")
	if err != nil {
		t.Skip("shared samples not present")
	}
	n := 0
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		var rec struct {
			Operation, ModelID string `json:"-"`
			Op                 string `json:"operation"`
			Model              string `json:"modelId"`
			Input              struct {
				InputBodyJSON json.RawMessage `json:"inputBodyJson"`
			} `json:"input"`
			Output struct {
				OutputBodyJSON json.RawMessage `json:"outputBodyJson"`
			} `json:"output"`
		}
		if json.Unmarshal(line, &rec) != nil || !strings.HasPrefix(rec.Op, "InvokeModel") {
			continue
		}
		n++
		ev := &genai.Event{}
		ev.Request.Model = Parse(rec.Model)
		DecodeRequest(&ev.Request.Model, rec.Input.InputBodyJSON, ev)
		if rec.Op == "InvokeModel" {
			DecodeResponse(&ev.Request.Model, rec.Output.OutputBodyJSON, ev)
		} else {
			DecodeStream(&ev.Request.Model, chunks(t, rec.Output.OutputBodyJSON), ev)
		}
		require.Empty(t, ev.Warnings)
		require.Equal(t, "anthropic", ev.Request.Model.Type)
		require.Equal(t, "bedrock-2023-05-31", ev.Request.Model.APIVersion)
		require.Equal(t, genai.OperationChat, ev.Request.Operation)
		require.NotEmpty(t, ev.Response.ID)
		require.Len(t, ev.Response.FinishReasons, 1, "finish reasons also for streams")
		require.NotEmpty(t, ev.Response.Text)
		require.NotEmpty(t, ev.Request.InputMessages)
		checkJSON(t, ev)
	}
	require.Equal(t, 9, n, "InvokeModel records in the sample")
}

// TestConcurrentDecode decodes the fixtures from several goroutines at once: the pooled
// decoders and body structs must not leak state between calls.
func TestConcurrentDecode(t *testing.T) {
	want := decode(t, "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic-messages.request.json", "anthropic-messages.response.json", "")
	wantStream := decode(t, "amazon.nova-lite-v1:0", "nova.request.json", "", "nova.stream.json")
	req, resp := fixture(t, "anthropic-messages.request.json"), fixture(t, "anthropic-messages.response.json")
	novaReq, novaStream := fixture(t, "nova.request.json"), chunks(t, fixture(t, "nova.stream.json"))
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 50; i++ {
				ev := &genai.Event{}
				ev.Request.Model = Parse("anthropic.claude-sonnet-4-20250514-v1:0")
				DecodeRequest(&ev.Request.Model, req, ev)
				DecodeResponse(&ev.Request.Model, resp, ev)
				if string(ev.Request.InputMessages) != string(want.Request.InputMessages) || string(ev.Response.OutputMessages) != string(want.Response.OutputMessages) {
					done <- testErr("anthropic messages differ under concurrency")
					return
				}
				ev = &genai.Event{}
				ev.Request.Model = Parse("amazon.nova-lite-v1:0")
				DecodeRequest(&ev.Request.Model, novaReq, ev)
				DecodeStream(&ev.Request.Model, novaStream, ev)
				if string(ev.Response.OutputMessages) != string(wantStream.Response.OutputMessages) {
					done <- testErr("nova stream differs under concurrency")
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		require.NoError(t, <-done)
	}
}

type testErr string

func (e testErr) Error() string { return string(e) }

// TestLLMjackingProbe checks the probe body attackers send to test a stolen key
// (max_tokens_to_sample -1 makes Bedrock answer with a ValidationException): the negative
// value is kept, as rules key on it.
func TestLLMjackingProbe(t *testing.T) {
	ev := &genai.Event{}
	ev.Request.Model = Parse("anthropic.claude-v2")
	DecodeRequest(&ev.Request.Model, []byte(`{"prompt":"\n\nHuman: hi\n\nAssistant:","max_tokens_to_sample":-1}`), ev)
	require.Equal(t, opt[int64](-1), ev.Request.MaxTokens)
	require.Equal(t, genai.OperationTextCompletion, ev.Request.Operation)
	require.Equal(t, "\n\nHuman: hi\n\nAssistant:", ev.Request.Text)
}

// TestKnownFamily checks that knownFamily holds exactly Families.
func TestKnownFamily(t *testing.T) {
	for _, f := range Families() {
		if !knownFamily(f) {
			t.Errorf("knownFamily(%q) = false", f)
		}
	}
	for _, f := range []string{"", "Claude", "claude ", "gpt", "titan"} {
		if knownFamily(f) {
			t.Errorf("knownFamily(%q) = true", f)
		}
	}
}

// TestConcurrentEventsStayValid decodes bodies on several goroutines and keeps every event:
// what the decoders copy into their shared arenas and slabs (short strings, results, lists)
// must stay as it was when the event was made while later bodies are decoded, on any
// goroutine. Each body differs, so that an overwrite would show.
func TestConcurrentEventsStayValid(t *testing.T) {
	const id = "anthropic.claude-3-haiku-20240307-v1:0"
	resp, stream := fixture(t, "anthropic-messages.response.json"), fixture(t, "anthropic-messages.stream.json")
	one := func(n int) (*genai.Event, []string, string) {
		req := fmt.Sprintf(`{"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"stop_sequences":["\n\nHuman %d:","</a>"],"messages":[{"role":"user","content":[{"type":"text","text":"hi %d"},{"type":"image","source":{"type":"base64","data":"AAAA"}}]}]}`, n, n)
		kind := []string{"text", "image", "tool_use", "thinking", "document"}[n%5]
		req = strings.Replace(req, `"type":"image"`, `"type":"`+kind+`"`, 1)
		ev := &genai.Event{}
		ev.Request.Model = Parse(id)
		kinds, _ := DecodeRequestKinds(&ev.Request.Model, []byte(req), ev, nil)
		DecodeResponse(&ev.Request.Model, bytes.Replace(resp, []byte(`"end_turn"`), []byte(fmt.Sprintf(`"end %d"`, n)), -1), ev)
		DecodeStreamValid(&ev.Request.Model, chunks(t, bytes.Replace(stream, []byte(`"end_turn"`), []byte(fmt.Sprintf(`"stop %d"`, n)), -1)), ev)
		j, err := json.Marshal(ev)
		if err != nil {
			panic(err)
		}
		return ev, kinds, string(j) + fmt.Sprint(kinds)
	}
	type kept struct {
		ev    *genai.Event
		kinds []string
		want  string
	}
	out := make(chan []kept, 8)
	for g := 0; g < 8; g++ {
		go func() {
			var ks []kept
			for i := 0; i < 40; i++ {
				ev, kinds, want := one(g*100 + i)
				ks = append(ks, kept{ev, kinds, want})
			}
			out <- ks
		}()
	}
	for g := 0; g < 8; g++ {
		for _, k := range <-out {
			got, err := json.Marshal(k.ev)
			require.NoError(t, err)
			require.Equal(t, k.want, string(got)+fmt.Sprint(k.kinds))
		}
	}
}
