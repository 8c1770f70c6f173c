package azureopenai_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/genai"
)

// Register the Azure OpenAI formats and read an API Management GatewayLogs record whose
// response body is a 400 content_filter error: the block lands in the shared policy and
// compliance vocabulary.
func ExampleRegister() {
	reg := new(genai.Registry)
	azureopenai.Register(reg)

	const record = `{"category":"GatewayLogs","operationName":"Microsoft.ApiManagement/GatewayLogs",` +
		`"time":"2025-05-01T10:05:00.0000000Z","callerIpAddress":"203.0.113.11",` +
		`"resourceId":"/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.APIMANAGEMENT/SERVICE/APIM",` +
		`"properties":{"operationId":"ChatCompletions_Create","responseCode":400,` +
		`"backendUrl":"https://contoso.openai.azure.com/openai/deployments/chat-prod/chat/completions?api-version=2024-10-21",` +
		`"backendResponseBody":"{\"error\":{\"code\":\"content_filter\",\"status\":400,\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\",` +
		`\"content_filter_result\":{\"violence\":{\"filtered\":true,\"severity\":\"high\"},\"hate\":{\"filtered\":false,\"severity\":\"safe\"}}}}}"}}`

	rd, err := genai.NewReader(strings.NewReader(record), reg, genai.ReaderOptions{Name: "gateway.log"})
	if err != nil {
		panic(err)
	}
	var ev genai.Event
	for rd.Next(&ev) != io.EOF {
		d := ev.Guardrail.Derive()
		fmt.Println(ev.Source.Format, ev.Request.Operation, ev.Request.Model.ID, ev.Outcome)
		fmt.Println(d.PolicyNames, d.PolicyActions, d.PolicyConfidences, d.ViolationCodes, d.RequestTriggered)
	}
	// Output:
	// azureopenai.gateway chat chat-prod failure
	// [content_policy] [BLOCKED] [HIGH] [VIOLENCE] [content_policy]
}
