package bedrock

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
)

// FormatApplyGuardrail is the name of the ApplyGuardrail result format.
const FormatApplyGuardrail = "bedrock.apply_guardrail"

// OperationApplyGuardrail is the Bedrock runtime operation (event.action) of ApplyGuardrail records.
const OperationApplyGuardrail = "ApplyGuardrail"

// ApplyGuardrailFormat reads ApplyGuardrail results. Bedrock does not write them to model
// invocation logs (the call is only a CloudTrail data event, without the verdict), so they come
// from the application that called the API, in one of two shapes:
//
//   - the API response alone, as the SDK returns it: {"action": "GUARDRAIL_INTERVENED",
//     "actionReason", "outputs", "assessments", "usage", "guardrailCoverage"}, optionally with
//     boto3's "ResponseMetadata" (RequestId, HTTPStatusCode, HTTPHeaders.date);
//   - the request and the response as an application logs them: {"request": {"guardrailIdentifier",
//     "guardrailVersion", "source", "content", "outputScope"}, "response": {...}}, optionally with
//     the metadata of an invocation log record: "timestamp", "requestId", "accountId", "region",
//     "identity": {"arn"}, and "guardrailIdentifier" / "guardrailVersion" at the top level.
//
// Each record becomes one event with operation apply_guardrail, provider aws.bedrock and dataset
// aws_bedrock.invocation, so that the guardrail rules written for invocation logs see them. The
// request's source (INPUT / OUTPUT) gives the direction of the assessments.
var ApplyGuardrailFormat = &genai.Format{
	Name:        FormatApplyGuardrail,
	Description: "Bedrock ApplyGuardrail results logged by an application: the API response, or {request, response}",
	Dataset:     genai.DatasetBedrockInvocation,
	Detect:      detectApplyGuardrail,
	NewDecoder:  func() genai.Decoder { return applyGuardrailDecoder{} },
}

func init() { formats = append(formats, ApplyGuardrailFormat) }

var (
	keyAssessments  = []byte(`"assessments"`)
	keyAction       = []byte(`"action"`)
	keySchemaType   = []byte(`"schemaType"`)
	keyEventSource  = []byte(`"eventSource"`)
	keyModelIDApply = []byte(`"modelId"`)
)

// detectApplyGuardrail accepts records with ApplyGuardrail's "assessments" and "action" keys
// that are not invocation logs or CloudTrail events (whose bodies might quote such keys).
func detectApplyGuardrail(data []byte) bool {
	return bytes.Contains(data, keyAssessments) && bytes.Contains(data, keyAction) &&
		!bytes.Contains(data, keySchemaType) && !bytes.Contains(data, keyEventSource) &&
		!bytes.Contains(data, keyModelIDApply)
}

// applyRequest is the ApplyGuardrail request (the SDK call's parameters).
type applyRequest struct {
	GuardrailIdentifier string         `json:"guardrailIdentifier"`
	GuardrailVersion    string         `json:"guardrailVersion"`
	Source              string         `json:"source"`
	OutputScope         string         `json:"outputScope"`
	Content             jsontext.Value `json:"content"`
}

// applyRecord is either shape of an ApplyGuardrail record.
type applyRecord struct {
	Request  jsontext.Value `json:"request"`
	Response jsontext.Value `json:"response"`

	// Bare response members (detection only; the response is decoded from the raw record).
	Assessments jsontext.Value `json:"assessments"`
	// Source is accepted at the top level for bare responses logged with it.
	Source string `json:"source"`

	Timestamp           string `json:"timestamp"`
	GuardrailIdentifier string `json:"guardrailIdentifier"`
	GuardrailVersion    string `json:"guardrailVersion"`
	RequestID           string `json:"requestId"`
	AccountID           string `json:"accountId"`
	Region              string `json:"region"`
	Identity            struct {
		ARN string `json:"arn"`
	} `json:"identity"`
	ResponseMetadata struct {
		RequestID      string `json:"RequestId"`
		HTTPStatusCode int64  `json:"HTTPStatusCode"`
		HTTPHeaders    struct {
			Date string `json:"date"`
		} `json:"HTTPHeaders"`
	} `json:"ResponseMetadata"`
}

type applyGuardrailDecoder struct{}

var errNoResponse = errors.New("ApplyGuardrail record has neither a response nor assessments")

func unmarshalLenient(data []byte, v any) error {
	return json.Unmarshal(data, v, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
}

// Decode implements genai.Decoder.
func (applyGuardrailDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	var r applyRecord
	if err := unmarshalLenient(rec.Data, &r); err != nil {
		// A metadata member of an unexpected type: keep what matters, the request and response.
		var core struct {
			Request     jsontext.Value `json:"request"`
			Response    jsontext.Value `json:"response"`
			Assessments jsontext.Value `json:"assessments"`
		}
		if err2 := unmarshalLenient(rec.Data, &core); err2 != nil {
			return fmt.Errorf("bedrock: ApplyGuardrail record: %w", err)
		}
		r = applyRecord{Request: core.Request, Response: core.Response, Assessments: core.Assessments}
		ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock: ApplyGuardrail record metadata: "+err.Error())
	}
	resp := []byte(r.Response)
	switch {
	case len(resp) > 0 && resp[0] == '{':
	case len(resp) > 0 && string(resp) != "null":
		return fmt.Errorf("bedrock: ApplyGuardrail record: response is not an object: %.40s", resp)
	case len(r.Assessments) == 0:
		return errNoResponse
	default:
		resp = rec.Data // the record is the response
	}
	var req applyRequest
	if len(r.Request) > 0 && r.Request[0] == '{' {
		if err := unmarshalLenient(r.Request, &req); err != nil {
			ev.Warn(genai.WarnFieldTypeUnexpected, "bedrock: ApplyGuardrail request: "+err.Error())
		}
	}

	ev.Source.ProviderName = genai.ProviderAWSBedrock
	ev.Source.System = "aws"
	ev.Source.Format = FormatApplyGuardrail
	ev.Source.Dataset = genai.DatasetBedrockInvocation
	ev.Source.Module = "aws_bedrock"
	ev.Source.Operation = OperationApplyGuardrail
	ev.Action = OperationApplyGuardrail
	ev.Request.Operation = genai.OperationApplyGuardrail
	ev.Category = append(ev.Category, "api")
	ev.Type = append(ev.Type, "access")
	ev.Cloud.Provider = "aws"
	ev.Cloud.ServiceName = "bedrock"
	ev.Cloud.AccountID = r.AccountID
	ev.Cloud.Region = r.Region
	ev.Identity.UserID = r.Identity.ARN
	ev.Identity.GenAIUser = r.Identity.ARN
	ev.Request.ID = firstOf(r.RequestID, r.ResponseMetadata.RequestID)
	ev.HTTP.StatusCode = r.ResponseMetadata.HTTPStatusCode
	if ts := firstOf(r.Timestamp, r.ResponseMetadata.HTTPHeaders.Date); ts != "" {
		if t, ok := applyTime(ts); ok {
			ev.Time = t
		} else {
			ev.Warn(genai.WarnFieldTypeUnexpected, fmt.Sprintf("ApplyGuardrail timestamp %q is not a known time format", ts))
		}
	}

	source := firstOf(req.Source, r.Source)
	dir := guardrail.DirectionOf(source)
	if source != "" && dir == "" {
		ev.Warn(genai.WarnFieldTypeUnexpected, fmt.Sprintf("ApplyGuardrail source %q is neither INPUT nor OUTPUT", source))
	}
	if err := guardrail.DecodeApplyResponse(resp, dir, firstOf(req.GuardrailIdentifier, r.GuardrailIdentifier),
		firstOf(req.GuardrailVersion, r.GuardrailVersion), ev); err != nil {
		return fmt.Errorf("bedrock: ApplyGuardrail response: %w", err)
	}
	ev.SetVendor(genai.AWSBedrockGuardrailSource, genai.StringValue(strings.ToUpper(source)))
	ev.SetVendor(genai.AWSBedrockGuardrailOutputScope, genai.StringValue(req.OutputScope))
	if len(req.Content) > 0 {
		ev.Request.Text, _ = guardrail.ContentText(req.Content)
	}
	if len(r.Request) > 0 {
		ev.Request.Body = compactJSON(r.Request)
		ev.Performance.RequestSize = genai.Some(int64(len(ev.Request.Body)))
	}
	ev.Response.Body = compactJSON(resp)
	ev.Performance.ResponseSize = genai.Some(int64(len(ev.Response.Body)))
	fillCloudFromARN(ev)

	if ev.Guardrail.Intervened {
		ev.Outcome = genai.OutcomeFailure
		ev.Type = append(ev.Type, "denied")
	} else {
		ev.Outcome = genai.OutcomeSuccess
	}
	return nil
}

// fillCloudFromARN takes the account and region from a guardrail ARN when the record has none.
func fillCloudFromARN(ev *genai.Event) {
	if ev.Cloud.AccountID != "" && ev.Cloud.Region != "" {
		return
	}
	for _, fv := range ev.Vendor {
		if fv.Field != genai.AWSBedrockGuardrailARN {
			continue
		}
		for _, arn := range fv.Value.Strings() {
			// arn:aws:bedrock:<region>:<account>:guardrail/<id>
			parts := strings.SplitN(arn, ":", 6)
			if len(parts) == 6 {
				if ev.Cloud.Region == "" {
					ev.Cloud.Region = parts[3]
				}
				if ev.Cloud.AccountID == "" {
					ev.Cloud.AccountID = parts[4]
				}
				return
			}
		}
	}
}

// compactJSON returns a compact copy of a JSON value (the value itself when it cannot be compacted).
func compactJSON(v []byte) []byte {
	c := jsontext.Value(bytes.Clone(v))
	if err := c.Compact(); err != nil {
		return bytes.Clone(v)
	}
	return c
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

var applyTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	time.RFC1123,
	time.RFC1123Z,
}

func applyTime(s string) (time.Time, bool) {
	for _, l := range applyTimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
