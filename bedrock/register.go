package bedrock

import "github.com/genainorm/genainorm/genai"

// formats and envelopes are filled by the init functions of this package's files, in file
// name order, which is also detection order.
var (
	formats   []*genai.Format
	envelopes []*genai.Envelope
)

// Register adds the Bedrock formats (model invocation logs, ApplyGuardrail results, CloudTrail
// events) and delivery envelopes (CloudWatch Logs subscription payloads, CloudTrail log files,
// EventBridge events) to reg.
func Register(reg *genai.Registry) {
	reg.Register(formats...)
	reg.RegisterEnvelope(envelopes...)
}
