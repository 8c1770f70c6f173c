package bedrock_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

// A CloudTrail event of Bedrock, as delivered in a CloudTrail log file, normalized: the ECS
// fields public rules read, the aws.cloudtrail tree in Elastic's Map.toString form, and the
// gen_ai view.
func Example_cloudTrail() {
	const logFile = `{"Records":[{"eventVersion":"1.10",
	  "userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLEUSERID001","arn":"arn:aws:iam::123456789012:user/dev-user",
	    "accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"dev-user"},
	  "eventTime":"2026-03-02T10:00:01Z","eventSource":"bedrock.amazonaws.com","eventName":"InvokeModel",
	  "awsRegion":"us-east-1","sourceIPAddress":"203.0.113.10","userAgent":"Python/3.11 aiohttp/3.9.5",
	  "requestParameters":{"modelId":"anthropic.claude-3-5-sonnet-20240620-v1:0"},"responseElements":null,
	  "additionalEventData":{"inferenceRegion":"us-west-2","callWithBearerToken":true},
	  "requestID":"0873fdcf-2c18-413a-9288-7e9bbbb8f29d","eventID":"a8d388e2-3111-44bf-b78f-b0e263dc3d25",
	  "readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"123456789012","eventCategory":"Management"}]}`

	var reg genai.Registry
	bedrock.Register(&reg)
	rd, err := genai.NewReader(strings.NewReader(logFile), &reg, genai.ReaderOptions{Name: "trail.json"})
	if err != nil {
		panic(err)
	}
	var ev genai.Event
	for rd.Next(&ev) != io.EOF {
		show := map[string]bool{
			"event.action": true, "event.provider": true, "event.outcome": true, "source.ip": true, "user.name": true,
			"aws.cloudtrail.user_identity.access_key_id": true, "aws.cloudtrail.request_parameters": true,
			"aws.cloudtrail.additional_eventdata": true, "gen_ai.request.model.id": true, "gen_ai.operation.name": true,
			"genainorm.inference_region": true, "genainorm.credential.bedrock_api_key": true,
			"genainorm.credential.long_term_key": true, "genainorm.llmjacking.stage": true,
		}
		for _, fv := range ev.AppendFields(nil) {
			if !show[fv.Field.Name] {
				continue
			}
			switch fv.Value.Kind() {
			case genai.KindBool:
				fmt.Printf("%s: %v\n", fv.Field.Name, fv.Value.Bool())
			default:
				fmt.Printf("%s: %s\n", fv.Field.Name, fv.Value.Str())
			}
		}
	}
	// Output:
	// event.action: InvokeModel
	// event.outcome: success
	// event.provider: bedrock.amazonaws.com
	// gen_ai.operation.name: chat
	// gen_ai.request.model.id: anthropic.claude-3-5-sonnet-20240620-v1:0
	// user.name: dev-user
	// source.ip: 203.0.113.10
	// genainorm.credential.bedrock_api_key: true
	// genainorm.credential.long_term_key: true
	// genainorm.inference_region: us-west-2
	// aws.cloudtrail.user_identity.access_key_id: AKIAIOSFODNN7EXAMPLE
	// aws.cloudtrail.request_parameters: {modelId=anthropic.claude-3-5-sonnet-20240620-v1:0}
	// aws.cloudtrail.additional_eventdata: {callWithBearerToken=true, inferenceRegion=us-west-2}
	// genainorm.llmjacking.stage: invocation
}
