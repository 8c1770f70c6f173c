package bedrock

import (
	"bytes"

	"github.com/genainorm/genainorm/genai"
)

// Bedrock's S3 log delivery writes, next to the record files
// (AWSLogs/<account>/BedrockModelInvocationLogs/<region>/YYYY/MM/DD/HH/<time>_<hex>.json.gz,
// NDJSON, one record a line), objects that are not log records:
//
//   - data/<requestId>_input.json.gz and data/<requestId>_output.json.gz: offloaded request and
//     response bodies, referenced by a record's inputBodyS3Path / outputBodyS3Path; their content
//     is the bare body (a model request or response), with no log metadata;
//   - amazon-bedrock-logs-permission-check: the canary written when logging is configured
//     (empty, or a short text naming itself).
//
// Whoever lists a bucket and feeds every object to the CLI gets these too. They are recognised
// by content and skipped with a notice, not turned into error documents. An empty object yields
// no record at all. An offloaded streaming response (an array of chunks) cannot be told from a
// bare chunk-array record and is decoded as one (see WarnBareStream).

// The reasons given for skipped S3 objects.
const (
	SkipReasonSidecar         = "S3 body sidecar object (data/<requestId>_input.json.gz or _output.json.gz): an offloaded request or response body, not a log record"
	SkipReasonPermissionCheck = "S3 amazon-bedrock-logs-permission-check object"
)

var (
	ivKeyPermissionCheck = []byte("amazon-bedrock-logs-permission-check")
	// Keys that only Bedrock model request and response bodies have.
	sidecarMarkers = [][]byte{
		[]byte(`"anthropic_version"`),
		[]byte(`"inferenceConfig"`),
		[]byte(`"additionalModelRequestFields"`),
		[]byte(`"textGenerationConfig"`),
		[]byte(`"max_gen_len"`),
		[]byte(`"messages-v1"`),
		[]byte(`"stopReason"`),
		[]byte(`"inputTextTokenCount"`),
		[]byte(`"amazon-bedrock-guardrailAction"`),
		[]byte(`"imageGenerationConfig"`),
	}
	// Keys of records of other formats, which a sidecar never has.
	sidecarExclusions = [][]byte{
		ivKeySchemaType,
		ivKeyModelID,
		ivKeyEventSource,
		ivKeyLogEvents,
		[]byte(`"operationName"`),
		[]byte(`"assessments"`),
		[]byte(`"Records"`),
		[]byte(`"recordId"`),
		[]byte(`"schemaType"`),
	}
)

func init() {
	formats = append(formats,
		&genai.Format{
			Name:        "bedrock.s3.sidecar",
			Description: "Bedrock S3 delivery body sidecar objects (data/*_input.json.gz, data/*_output.json.gz), skipped",
			Detect:      detectSidecar,
			NewDecoder:  func() genai.Decoder { return ivSkipDecoder(SkipReasonSidecar) },
		},
		&genai.Format{
			Name:        "bedrock.s3.permission_check",
			Description: "Bedrock S3 delivery permission-check objects, skipped",
			Detect:      detectPermissionCheck,
			NewDecoder:  func() genai.Decoder { return ivSkipDecoder(SkipReasonPermissionCheck) },
		},
	)
}

func detectSidecar(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	for _, k := range sidecarExclusions {
		if bytes.Contains(data, k) {
			return false
		}
	}
	for _, k := range sidecarMarkers {
		if bytes.Contains(data, k) {
			return true
		}
	}
	return false
}

func detectPermissionCheck(data []byte) bool {
	return len(data) < 4096 && bytes.Contains(data, ivKeyPermissionCheck) && !bytes.Contains(data, ivKeySchemaType)
}
