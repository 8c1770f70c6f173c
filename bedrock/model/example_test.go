package model_test

import (
	"fmt"

	"github.com/genainorm/genainorm/bedrock/model"
	"github.com/genainorm/genainorm/genai"
)

func ExampleParse() {
	for _, id := range []string{
		"anthropic.claude-3-haiku-20240307-v1:0",
		"eu.amazon.nova-pro-v1:0",
		"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-2-90b-instruct-v1:0",
		"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/s529qz7ddy06",
	} {
		m := model.Parse(id)
		fmt.Printf("vendor=%q family=%q name=%q version=%q\n", m.Vendor, m.Family, m.Name, m.Version)
	}
	// Output:
	// vendor="anthropic" family="claude" name="anthropic.claude-3-haiku-20240307-v1:0" version="20240307-v1:0"
	// vendor="amazon" family="nova" name="amazon.nova-pro-v1:0" version="v1:0"
	// vendor="meta" family="llama" name="meta.llama3-2-90b-instruct-v1:0" version="v1:0"
	// vendor="" family="" name="" version=""
}

func ExampleDecodeResponse() {
	var ev genai.Event
	// An opaque model id: the family comes from the body.
	ev.Request.Model = model.Parse("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/s529qz7ddy06")
	model.DecodeResponse(&ev.Request.Model, []byte(`{
	  "id": "msg_bdrk_01", "type": "message", "role": "assistant", "model": "claude-3-5-haiku-20241022",
	  "content": [{"type": "text", "text": "Paris."}],
	  "stop_reason": "end_turn",
	  "usage": {"input_tokens": 12, "output_tokens": 3, "cache_read_input_tokens": 100}}`), &ev)
	fmt.Println(ev.Request.Model.Vendor, ev.Request.Model.Family)
	fmt.Println(ev.Response.ID, ev.Response.FinishReasons, ev.Response.Text)
	fmt.Println(string(ev.Response.OutputMessages))
	fmt.Println(ev.Usage.InputTokens.Value, ev.Usage.CacheReadTokens.Value, ev.Usage.EffectiveInputTokens().Value, ev.Usage.Source)
	// Output:
	// anthropic claude
	// msg_bdrk_01 [end_turn] Paris.
	// [{"role":"assistant","parts":[{"type":"text","content":"Paris."}],"finish_reason":"end_turn"}]
	// 12 100 112 body
}

func ExampleDecodeStream() {
	var ev genai.Event
	ev.Request.Model = model.Parse("meta.llama3-70b-instruct-v1:0")
	model.DecodeStream(&ev.Request.Model, [][]byte{
		[]byte(`{"generation":"Hello","prompt_token_count":9,"generation_token_count":1,"stop_reason":null}`),
		[]byte(`{"generation":" world","prompt_token_count":null,"generation_token_count":2,"stop_reason":"stop",` +
			`"amazon-bedrock-invocationMetrics":{"inputTokenCount":9,"outputTokenCount":2,"invocationLatency":310,"firstByteLatency":95}}`),
	}, &ev)
	fmt.Println(ev.Response.Text, ev.Response.FinishReasons, ev.Usage.OutputTokens.Value, ev.Usage.Source)
	// Output:
	// Hello world [stop] 2 stream_metrics
}
