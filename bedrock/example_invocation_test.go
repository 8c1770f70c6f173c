package bedrock_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

// Normalize one Bedrock model invocation log record (as delivered to CloudWatch Logs or S3).
func Example_invocationLog() {
	record := `{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-03-02T11:00:00Z",` +
		`"accountId":"123456789012","identity":{"arn":"arn:aws:iam::123456789012:user/app"},"region":"us-east-1",` +
		`"requestId":"8de2a0c5-94a5-40d7-a123-8e9fa0b1c2d3","operation":"Converse","modelId":"anthropic.claude-3-haiku-20240307-v1:0",` +
		`"input":{"inputContentType":"application/json","inputBodyJson":{"messages":[{"role":"user","content":[{"text":"hello"}]}]},"inputTokenCount":8},` +
		`"output":{"outputContentType":"application/json","outputBodyJson":{"output":{"message":{"role":"assistant","content":[{"text":"Hi!"}]}},` +
		`"stopReason":"end_turn","metrics":{"latencyMs":302},"usage":{"inputTokens":8,"outputTokens":3,"totalTokens":11}},"outputTokenCount":3}}`

	reg := new(genai.Registry)
	bedrock.Register(reg)
	rd, err := genai.NewReader(strings.NewReader(record), reg, genai.ReaderOptions{Name: "example"})
	if err != nil {
		panic(err)
	}
	var ev genai.Event
	for rd.Next(&ev) != io.EOF {
		fmt.Println(ev.Action, ev.Outcome, ev.Request.Model.ID)
		fmt.Println(ev.Identity.UserID, ev.Cloud.AccountID, ev.Cloud.Region)
		fmt.Println(ev.Usage.InputTokens.Value, ev.Usage.OutputTokens.Value, ev.Response.FinishReasons, ev.Performance.ResponseTime.Value)
		fmt.Println(string(ev.Request.InputMessages))
		fmt.Println(ev.Response.Text)
	}
	// Output:
	// Converse success anthropic.claude-3-haiku-20240307-v1:0
	// arn:aws:iam::123456789012:user/app 123456789012 us-east-1
	// 8 3 [end_turn] 302
	// [{"role":"user","parts":[{"type":"text","content":"hello"}]}]
	// Hi!
}
