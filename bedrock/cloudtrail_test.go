package bedrock_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

const ctDir = "../testdata/bedrock/cloudtrail"

// ctRegistry returns a registry with the Bedrock formats; with allServices the CloudTrail
// format normalizes every service.
func ctRegistry(allServices bool) *genai.Registry {
	reg := new(genai.Registry)
	bedrock.Register(reg)
	if allServices {
		reg.Register(bedrock.NewCloudTrailFormat(bedrock.CloudTrailOptions{AllServices: true}))
	}
	return reg
}

type ctResult struct {
	events  []*genai.Event
	skipped []string
}

func readCT(t testing.TB, reg *genai.Registry, name string, data []byte) ctResult {
	t.Helper()
	var res ctResult
	rd, err := genai.NewReader(bytes.NewReader(data), reg, genai.ReaderOptions{
		Name:   name,
		OnSkip: func(_ genai.Position, reason string) { res.skipped = append(res.skipped, reason) },
	})
	require.NoError(t, err)
	for {
		ev := new(genai.Event)
		err := rd.Next(ev)
		if err == io.EOF {
			return res
		}
		require.NoError(t, err)
		res.events = append(res.events, ev)
	}
}

func readCTFile(t testing.TB, reg *genai.Registry, name string) ctResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ctDir, name))
	require.NoError(t, err)
	return readCT(t, reg, name, data)
}

// fields returns the event's fields by name, in every profile.
func fields(ev *genai.Event) map[string]genai.Value {
	m := make(map[string]genai.Value)
	for _, fv := range ev.AppendFields(nil) {
		m[fv.Field.Name] = fv.Value
	}
	return m
}

func str(t testing.TB, m map[string]genai.Value, name string) string {
	t.Helper()
	v, ok := m[name]
	require.True(t, ok, "field %s missing", name)
	require.Equal(t, genai.KindString, v.Kind(), "field %s", name)
	return v.Str()
}

func TestCloudTrailFixturesDecodeWithoutErrors(t *testing.T) {
	want := map[string]struct{ events, skipped int }{
		"invocation.ndjson":       {13, 0},
		"enumeration.json":        {8, 0},
		"model_access.ndjson":     {8, 0},
		"logging.ndjson":          {4, 0},
		"guardrails.ndjson":       {4, 0},
		"api_keys.ndjson":         {4, 2},
		"eventbridge.json":        {1, 0},
		"eventbridge_native.json": {0, 1},
		"attack_sequence.json":    {9, 0},
		"cloudwatch.json":         {2, 1},
		"agentcore_role.ndjson":   {5, 0},
	}
	files, err := filepath.Glob(filepath.Join(ctDir, "*.*json"))
	require.NoError(t, err)
	require.Len(t, files, len(want), "every fixture has an expectation")
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			res := readCTFile(t, ctRegistry(false), name)
			w, ok := want[name]
			require.True(t, ok)
			require.Len(t, res.events, w.events)
			require.Len(t, res.skipped, w.skipped)
			for _, ev := range res.events {
				require.NoError(t, ev.Err)
				require.Equal(t, bedrock.CloudTrailFormatName, ev.Source.Format)
				require.Equal(t, genai.DatasetCloudTrail, ev.Source.Dataset)
				require.Equal(t, "aws", ev.Source.Module)
				require.NotEmpty(t, ev.Action)
				require.NotEmpty(t, ev.ID)
				require.False(t, ev.Time.IsZero())
				require.Equal(t, "aws", ev.Cloud.Provider)
				require.Empty(t, ev.Warnings)
				for _, fv := range ev.AppendFields(nil) {
					require.True(t, fv.Field.Type.Accepts(fv.Value.Kind()), "%s: %s value in a %s field", fv.Field.Name, fv.Value.Kind(), fv.Field.Type)
					if fv.Value.Kind() == genai.KindJSON {
						require.True(t, jsontext.Value(fv.Value.JSON()).IsValid(), "%s is not valid JSON", fv.Field.Name)
					}
				}
			}
		})
	}
}

func TestCloudTrailInvocationFields(t *testing.T) {
	res := readCTFile(t, ctRegistry(false), "invocation.ndjson")
	require.Len(t, res.events, 13)
	evs := res.events

	// 1: IAM user with a long-term key.
	f := fields(evs[0])
	require.Equal(t, "InvokeModel", str(t, f, "event.action"))
	require.Equal(t, "bedrock.amazonaws.com", str(t, f, "event.provider"))
	require.Equal(t, "success", str(t, f, "event.outcome"))
	require.Equal(t, []string{"api"}, f["event.category"].Strings())
	require.Equal(t, []string{"access"}, f["event.type"].Strings())
	require.Equal(t, "123456789012", str(t, f, "cloud.account.id"))
	require.Equal(t, "us-east-1", str(t, f, "cloud.region"))
	require.Equal(t, "bedrock", str(t, f, "cloud.service.name"))
	require.Equal(t, "203.0.113.10", str(t, f, "source.ip"))
	require.Equal(t, "dev-user", str(t, f, "user.name"))
	require.Equal(t, "AIDAEXAMPLEUSERID001", str(t, f, "user.id"))
	require.True(t, strings.HasPrefix(str(t, f, "user_agent.original"), "Boto3/"))
	require.Equal(t, "IAMUser", str(t, f, "aws.cloudtrail.user_identity.type"))
	require.Equal(t, "arn:aws:iam::123456789012:user/dev-user", str(t, f, "aws.cloudtrail.user_identity.arn"))
	require.Equal(t, "AKIAIOSFODNN7EXAMPLE", str(t, f, "aws.cloudtrail.user_identity.access_key_id"))
	require.Equal(t, "{modelId=anthropic.claude-3-5-sonnet-20240620-v1:0}", str(t, f, "aws.cloudtrail.request_parameters"))
	require.JSONEq(t, `{"modelId":"anthropic.claude-3-5-sonnet-20240620-v1:0"}`, string(f["aws.cloudtrail.flattened.request_parameters"].JSON()))
	require.NotContains(t, f, "aws.cloudtrail.response_elements", "null responseElements is dropped")
	require.Equal(t, "Management", str(t, f, "aws.cloudtrail.event_category"))
	require.Equal(t, "AwsApiCall", str(t, f, "aws.cloudtrail.event_type"))
	require.True(t, f["aws.cloudtrail.read_only"].Bool())
	require.Equal(t, "bedrock-runtime.us-east-1.amazonaws.com", str(t, f, "tls.client.server_name"))
	require.Equal(t, "1.3", str(t, f, "tls.version"))
	require.Equal(t, "tls", str(t, f, "tls.version_protocol"))
	require.Equal(t, "aws.bedrock", str(t, f, "gen_ai.provider.name"))
	require.Equal(t, "chat", str(t, f, "gen_ai.operation.name"))
	require.Equal(t, "anthropic.claude-3-5-sonnet-20240620-v1:0", str(t, f, "gen_ai.request.model.id"))
	require.Equal(t, str(t, f, "aws.cloudtrail.request_id"), str(t, f, "gen_ai.request.id"))
	require.True(t, f["genainorm.credential.long_term_key"].Bool())
	require.NotContains(t, f, "genainorm.credential.bedrock_api_key")
	require.Equal(t, "invocation", str(t, f, "genainorm.llmjacking.stage"))
	require.Equal(t, time.Date(2026, 3, 2, 10, 0, 1, 0, time.UTC), evs[0].Time)

	// 2: assumed role, cross-region inference.
	f = fields(evs[1])
	require.Equal(t, "app-inference-role", str(t, f, "user.name"), "the session issuer's name wins for assumed roles")
	require.Equal(t, "AROAEXAMPLEROLEID001:i-0abc123def4567890", str(t, f, "user.id"))
	require.Equal(t, "arn:aws:iam::123456789012:role/app-inference-role", str(t, f, "aws.cloudtrail.user_identity.session_context.session_issuer.arn"))
	require.Equal(t, "Role", str(t, f, "aws.cloudtrail.user_identity.session_context.session_issuer.type"))
	require.Equal(t, "false", str(t, f, "aws.cloudtrail.user_identity.session_context.mfa_authenticated"))
	require.Equal(t, genai.KindTime, f["aws.cloudtrail.user_identity.session_context.creation_date"].Kind())
	require.False(t, f["genainorm.credential.long_term_key"].Bool())
	require.Equal(t, "eu-north-1", str(t, f, "genainorm.inference_region"))
	require.Equal(t, "{inferenceRegion=eu-north-1}", str(t, f, "aws.cloudtrail.additional_eventdata"))
	require.Equal(t, "global.anthropic.claude-sonnet-4-5-20250929-v1:0", str(t, f, "gen_ai.request.model.id"))

	// 4: Bedrock API key.
	f = fields(evs[3])
	require.Equal(t, "{callWithBearerToken=true}", str(t, f, "aws.cloudtrail.additional_eventdata"))
	require.JSONEq(t, `{"callWithBearerToken":true}`, string(f["aws.cloudtrail.flattened.additional_eventdata"].JSON()))
	require.True(t, f["genainorm.credential.bedrock_api_key"].Bool())
	require.Equal(t, "BedrockAPIKey-7xq2", str(t, f, "user.name"))

	// 5, 6, 7: probing and denials.
	f = fields(evs[4])
	require.Equal(t, "failure", str(t, f, "event.outcome"))
	require.Equal(t, "ValidationException", str(t, f, "aws.cloudtrail.error_code"))
	require.Contains(t, str(t, f, "aws.cloudtrail.error_message"), "max_tokens_to_sample")
	require.Equal(t, "ap-southeast-2", str(t, f, "cloud.region"))
	f = fields(evs[5])
	require.Equal(t, "AccessDenied", str(t, f, "aws.cloudtrail.error_code"))
	require.Equal(t, "AccessDenied", str(t, f, "gen_ai.response.error_code"))
	require.Equal(t, []string{"access", "denied"}, f["event.type"].Strings())
	require.Equal(t, "AccessDeniedException", str(t, fields(evs[6]), "aws.cloudtrail.error_code"))

	// 8: root, embeddings model.
	f = fields(evs[7])
	require.Equal(t, "Root", str(t, f, "aws.cloudtrail.user_identity.type"))
	require.NotContains(t, f, "user.name", "Elastic writes no user.name for root")
	require.Equal(t, "123456789012", str(t, f, "user.id"))
	require.Equal(t, "embeddings", str(t, f, "gen_ai.operation.name"))

	// 9: ApplyGuardrail data event with duplicated resources.
	f = fields(evs[8])
	require.Equal(t, "apply_guardrail", str(t, f, "gen_ai.operation.name"))
	require.Equal(t, []string{"abc123def456"}, f["aws.bedrock.guardrail.id"].Strings())
	require.Equal(t, "Data", str(t, f, "aws.cloudtrail.event_category"))
	require.JSONEq(t, `[{"arn":"arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123def456","account_id":"123456789012","type":"AWS::Bedrock::Guardrail"}]`,
		string(f["aws.cloudtrail.resources"].JSON()))

	// 10: called by a service: source is a name, not an IP.
	f = fields(evs[9])
	require.NotContains(t, f, "source.ip")
	require.Equal(t, "bedrock.amazonaws.com", str(t, f, "source.address"))
	require.Equal(t, "bedrock.amazonaws.com", str(t, f, "aws.cloudtrail.user_identity.invoked_by"))

	// 11: the runtime event source is kept verbatim.
	f = fields(evs[10])
	require.Equal(t, "bedrock-runtime.amazonaws.com", str(t, f, "event.provider"))
	require.Equal(t, "aws.bedrock", str(t, f, "gen_ai.provider.name"))

	// 12: AgentCore.
	f = fields(evs[11])
	require.Equal(t, "bedrock-agentcore.amazonaws.com", str(t, f, "event.provider"))
	require.Equal(t, "invoke_agent", str(t, f, "gen_ai.operation.name"))
	require.Equal(t, "AgentCore-runtime-role", str(t, f, "user.name"))
}

func TestCloudTrailAPIKeyEvents(t *testing.T) {
	res := readCTFile(t, ctRegistry(false), "api_keys.ndjson")
	require.Len(t, res.events, 4)
	require.Len(t, res.skipped, 2)
	for _, reason := range res.skipped {
		require.Contains(t, reason, "not Bedrock")
	}
	var actions []string
	for _, ev := range res.events {
		actions = append(actions, ev.Provider+" "+ev.Action)
		f := fields(ev)
		require.NotContains(t, f, "gen_ai.provider.name", "no gen_ai view outside Bedrock")
		require.Equal(t, "api_key", str(t, f, "genainorm.llmjacking.stage"))
	}
	require.Equal(t, []string{"iam.amazonaws.com CreateUser", "iam.amazonaws.com CreateServiceSpecificCredential",
		"iam.amazonaws.com CreateAccessKey", "s3.amazonaws.com ListBuckets"}, actions)
	f := fields(res.events[0])
	require.Equal(t, "BedrockAPIKey-7xq2", str(t, f, "user.target.name"))
	require.Equal(t, []string{"api", "iam"}, f["event.category"].Strings())
	require.Equal(t, []string{"creation"}, f["event.type"].Strings())
	require.Equal(t, "iam", str(t, f, "cloud.service.name"))
	f = fields(res.events[1])
	require.Contains(t, str(t, f, "aws.cloudtrail.request_parameters"), "serviceName=bedrock.amazonaws.com")
	require.Contains(t, str(t, f, "aws.cloudtrail.response_elements"), "{serviceSpecificCredential={")
	f = fields(res.events[2])
	require.Equal(t, "BedrockAPIKey-7xq2", str(t, f, "user.target.name"))
	require.Equal(t, "svc-ci", str(t, f, "user.name"))

	all := readCTFile(t, ctRegistry(true), "api_keys.ndjson")
	require.Len(t, all.events, 6)
	require.Empty(t, all.skipped)
	f = fields(all.events[5])
	require.Equal(t, "GetCallerIdentity", str(t, f, "event.action"))
	require.Equal(t, "sts.amazonaws.com", str(t, f, "event.provider"))
	require.NotContains(t, f, "gen_ai.provider.name")
	require.NotContains(t, f, "genainorm.llmjacking.stage")
}

func TestCloudTrailEnvelopes(t *testing.T) {
	// A CloudTrail log file: records with their path.
	res := readCTFile(t, ctRegistry(false), "enumeration.json")
	require.Len(t, res.events, 8)
	for i, ev := range res.events {
		require.Equal(t, "Records["+string(rune('0'+i))+"]", ev.Source.Position.Path)
	}
	require.Equal(t, "enumeration", str(t, fields(res.events[0]), "genainorm.llmjacking.stage"))
	require.Equal(t, "anthropic.claude-3-5-sonnet-20240620-v1:0", res.events[1].Request.Model.ID, "GetFoundationModel names its model with modelIdentifier")
	require.Empty(t, res.events[1].Request.Operation, "no operation for control-plane calls")

	// The same file gzipped, and every record on its own line.
	data, err := os.ReadFile(filepath.Join(ctDir, "enumeration.json"))
	require.NoError(t, err)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err = zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	zres := readCT(t, ctRegistry(false), "enumeration.json.gz", gz.Bytes())
	require.Len(t, zres.events, 8)
	for i := range zres.events {
		require.Equal(t, res.events[i].ID, zres.events[i].ID)
	}
	compact := jsontext.Value(bytes.Clone(data))
	require.NoError(t, compact.Compact())
	cres := readCT(t, ctRegistry(false), "compact.json", append(compact, '\n'))
	require.Len(t, cres.events, 8)

	// An empty log file yields nothing, and no error.
	empty := readCT(t, ctRegistry(false), "empty.json", []byte(`{"Records":[]}`))
	require.Empty(t, empty.events)

	// EventBridge.
	eb := readCTFile(t, ctRegistry(false), "eventbridge.json")
	require.Len(t, eb.events, 1)
	require.Equal(t, "PutUseCaseForModelAccess", eb.events[0].Action)
	require.Equal(t, "detail", eb.events[0].Source.Position.Path)
	// The same event with its keys sorted (detail before detail-type).
	raw, err := os.ReadFile(filepath.Join(ctDir, "eventbridge.json"))
	require.NoError(t, err)
	var generic map[string]any
	require.NoError(t, json.Unmarshal(raw, &generic))
	// A long detail puts detail-type far from the start.
	generic["detail"].(map[string]any)["userAgent"] = strings.Repeat("agent/1.0 ", 200)
	sorted, err := json.Marshal(generic) // encoding/json sorts map keys
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(sorted, []byte(`{"account"`)))
	require.Greater(t, bytes.Index(sorted, []byte(`"detail-type"`)), 2000)
	sb := readCT(t, ctRegistry(false), "sorted.json", append(sorted, '\n'))
	require.Len(t, sb.events, 1)
	require.Equal(t, "PutUseCaseForModelAccess", sb.events[0].Action)
	require.Equal(t, "detail", sb.events[0].Source.Position.Path, "opened by the EventBridge envelope")
	native := readCTFile(t, ctRegistry(false), "eventbridge_native.json")
	require.Empty(t, native.events)
	require.Contains(t, native.skipped[0], "Batch Inference Job State Change")

	// S3 event notifications are neither CloudTrail files nor CloudTrail events.
	s3 := []byte(`{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0"}}]}`)
	require.False(t, bedrock.CloudTrailRecordsEnvelope.Detect(s3))
	reg := ctRegistry(false)
	require.Nil(t, reg.Detect(s3))

	// A model invocation log whose prompt quotes a CloudTrail event is not a CloudTrail event.
	quoted := []byte(`{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-03-02T10:00:00Z","operation":"Converse",` +
		`"modelId":"anthropic.claude-3-haiku-20240307-v1:0","requestId":"r1","input":{"inputBodyJson":{"messages":[{"role":"user","content":[{"text":"explain"}]}],` +
		`"quoted":{"eventVersion":"1.10","eventSource":"bedrock.amazonaws.com","eventName":"InvokeModel"}}}}`)
	if f := reg.Detect(quoted); f != nil {
		require.NotEqual(t, bedrock.CloudTrailFormatName, f.Name)
	}

	// A digest file is skipped.
	digest := readCT(t, ctRegistry(false), "digest.json", []byte(`{"awsAccountId":"123456789012","digestStartTime":"2026-03-02T10:00:00Z","digestS3Object":"AWSLogs/x.json.gz","eventVersion":"x","eventSource":"y","eventName":"z"}`))
	require.Empty(t, digest.events)
	require.Equal(t, []string{"CloudTrail digest file"}, digest.skipped)
}

func TestCloudTrailBadRecords(t *testing.T) {
	tests := []struct{ name, in, errPart string }{
		{"no event name", `{"eventVersion":"1.10","eventSource":"bedrock.amazonaws.com","eventName":""}`, "without eventSource or eventName"},
		{"requestParameters too deep", `{"eventVersion":"1.10","eventSource":"bedrock.amazonaws.com","eventName":"X","requestParameters":` + strings.Repeat("[", 80) + strings.Repeat("]", 80) + `}`, "requestParameters"},
		{"userIdentity not an object", `{"eventVersion":"1.10","eventSource":"bedrock.amazonaws.com","eventName":"X","userIdentity":"root"}`, "CloudTrail event"},
		{"Records not an array", `{"Records":{"eventSource":"bedrock.amazonaws.com"}}`, "Records is a JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readCT(t, ctRegistry(false), "bad.json", []byte(tt.in))
			require.Len(t, res.events, 1)
			require.Error(t, res.events[0].Err)
			require.Contains(t, res.events[0].Err.Error(), tt.errPart)
		})
	}
}

func TestCloudTrailLenientScalars(t *testing.T) {
	in := `{"eventVersion":1.1,"eventSource":"bedrock.amazonaws.com","eventName":"InvokeModel","eventTime":"2024-07-08T17:06:49.0000000Z",` +
		`"readOnly":"true","managementEvent":1,"recipientAccountId":123456789012,"userIdentity":{"type":"IAMUser","accountId":123456789012,"userName":null},` +
		`"sourceIPAddress":"2001:db8::1","requestParameters":{"modelId":"anthropic.claude-instant-v1","extra":null}}`
	res := readCT(t, ctRegistry(false), "odd.json", []byte(in))
	require.Len(t, res.events, 1)
	ev := res.events[0]
	require.NoError(t, ev.Err)
	f := fields(ev)
	require.Equal(t, "1.1", str(t, f, "aws.cloudtrail.event_version"))
	require.True(t, f["aws.cloudtrail.read_only"].Bool())
	require.NotContains(t, f, "aws.cloudtrail.management_event")
	require.Equal(t, "123456789012", str(t, f, "cloud.account.id"))
	require.NotContains(t, f, "user.name")
	require.Equal(t, "2001:db8::1", str(t, f, "source.ip"))
	require.Equal(t, "{modelId=anthropic.claude-instant-v1}", str(t, f, "aws.cloudtrail.request_parameters"))
	require.Equal(t, time.Date(2024, 7, 8, 17, 6, 49, 0, time.UTC), ev.Time)
}

func TestCloudTrailAccountFallsBackToRecipient(t *testing.T) {
	in := `{"eventVersion":"1.10","eventSource":"bedrock.amazonaws.com","eventName":"InvokeModel","eventTime":"2026-03-02T10:00:00Z",` +
		`"userIdentity":{"type":"AWSService","invokedBy":"bedrock.amazonaws.com"},"recipientAccountId":"123456789012"}`
	res := readCT(t, ctRegistry(false), "svc.json", []byte(in))
	require.Len(t, res.events, 1)
	require.Equal(t, "123456789012", res.events[0].Cloud.AccountID)
}

func TestCloudTrailActionsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range bedrock.CloudTrailActions {
		key := a.EventSource + " " + a.Name
		require.False(t, seen[key], "duplicate %s", key)
		seen[key] = true
		require.NotEmpty(t, a.Meaning, a.Name)
		require.NotEmpty(t, a.Stage, a.Name)
		got, ok := bedrock.LookupCloudTrailAction(a.EventSource, a.Name)
		require.True(t, ok)
		require.Equal(t, a.Name, got.Name)
	}
	_, ok := bedrock.LookupCloudTrailAction(bedrock.EventSourceBedrock, "NoSuchAction")
	require.False(t, ok)

	// Every action of the brief's core list has a fixture that decodes to it, success and error.
	outcomes := map[string]map[genai.Outcome]bool{}
	files, err := filepath.Glob(filepath.Join(ctDir, "*.*json"))
	require.NoError(t, err)
	for _, path := range files {
		for _, ev := range readCTFile(t, ctRegistry(false), filepath.Base(path)).events {
			if outcomes[ev.Action] == nil {
				outcomes[ev.Action] = map[genai.Outcome]bool{}
			}
			outcomes[ev.Action][ev.Outcome] = true
		}
	}
	for _, name := range []string{"ListFoundationModels", "GetFoundationModelAvailability", "ListInferenceProfiles",
		"ListFoundationModelAgreementOffers", "ListProvisionedModelThroughputs", "GetUseCaseForModelAccess",
		"PutUseCaseForModelAccess", "PutFoundationModelEntitlement", "CreateFoundationModelAgreement",
		"GetModelInvocationLoggingConfiguration", "PutModelInvocationLoggingConfiguration", "DeleteModelInvocationLoggingConfiguration",
		"UpdateGuardrail", "DeleteGuardrail", "InvokeModel", "InvokeModelWithResponseStream", "Converse", "ConverseStream",
		"CreateServiceSpecificCredential", "CreateUser", "CreateAccessKey"} {
		require.True(t, outcomes[name][genai.OutcomeSuccess], "no successful %s fixture", name)
	}
	for _, name := range []string{"ListFoundationModels", "PutUseCaseForModelAccess", "PutFoundationModelEntitlement",
		"CreateFoundationModelAgreement", "DeleteModelInvocationLoggingConfiguration", "DeleteGuardrail", "InvokeModel"} {
		require.True(t, outcomes[name][genai.OutcomeFailure], "no failed %s fixture", name)
	}
}
