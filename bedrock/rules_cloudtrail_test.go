package bedrock_test

// This file evaluates, in Go, the conditions of public Elastic detection rules about Bedrock
// CloudTrail events (elastic/detection-rules rules/integrations/aws/, queries quoted in the
// detection contract) over the elastic-profile documents we render, parsed back from JSON:
// the rules must fire on the records that should trigger them and stay quiet on the others.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

// doc is one rendered document, parsed back.
type doc map[string]any

// get returns the value at a dotted path, walking nested objects (and dotted keys, should a
// renderer write them flat).
func (d doc) get(path string) any {
	var cur any = map[string]any(d)
	for path != "" {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		if v, ok := m[path]; ok {
			return v
		}
		found := false
		for i := len(path); i > 0; i-- {
			if i < len(path) && path[i] != '.' {
				continue
			}
			if v, ok := m[path[:i]]; ok && i < len(path) {
				cur, path, found = v, path[i+1:], true
				break
			}
		}
		if !found {
			return nil
		}
	}
	return cur
}

// s returns a keyword field ("" when absent or not a string).
func (d doc) s(path string) string {
	v, _ := d.get(path).(string)
	return v
}

func (d doc) time(t testing.TB) time.Time {
	ts, err := time.Parse(time.RFC3339Nano, d.s("@timestamp"))
	require.NoError(t, err)
	return ts
}

// renderDocs normalizes data and returns the elastic-profile documents, parsed.
func renderDocs(t testing.TB, name string, data []byte) []doc {
	t.Helper()
	rd, err := genai.NewReader(bytes.NewReader(data), ctRegistry(false), genai.ReaderOptions{Name: name})
	require.NoError(t, err)
	r := ecs.Renderer{Profile: genai.ProfileElastic, Ingested: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)}
	var docs []doc
	var ev genai.Event
	var buf []byte
	for {
		err := rd.Next(&ev)
		if err == io.EOF {
			return docs
		}
		require.NoError(t, err)
		require.NoError(t, ev.Err)
		buf = r.AppendDocument(buf[:0], &ev)
		var d doc
		require.NoError(t, json.Unmarshal(buf, &d), "document is not valid JSON: %s", buf)
		docs = append(docs, d)
	}
}

func renderFile(t testing.TB, name string) []doc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ctDir, name))
	require.NoError(t, err)
	return renderDocs(t, name, data)
}

func in(v string, set ...string) bool { return slices.Contains(set, v) }

// bedrockCT is the common prefix of the KQL rules: data_stream.dataset: "aws.cloudtrail" and
// event.provider: "bedrock.amazonaws.com".
func bedrockCT(d doc) bool {
	return d.s("data_stream.dataset") == "aws.cloudtrail" && d.s("event.provider") == "bedrock.amazonaws.com"
}

var invocationActions = []string{"InvokeModel", "InvokeModelWithResponseStream", "Converse", "ConverseStream"}

// Single-event rules, as Go predicates over one document.
var ctRules = map[string]func(d doc) bool{
	// C2. AWS Bedrock Guardrail Deleted or Weakened.
	"C2": func(d doc) bool {
		return bedrockCT(d) && in(d.s("event.action"), "DeleteGuardrail", "UpdateGuardrail",
			"DeleteEnforcedGuardrailConfiguration", "PutEnforcedGuardrailConfiguration") && d.s("event.outcome") == "success"
	},
	// C3. AWS Bedrock Model Invocation Logging Disabled or Modified.
	"C3": func(d doc) bool {
		return bedrockCT(d) && in(d.s("event.action"), "DeleteModelInvocationLoggingConfiguration", "PutModelInvocationLoggingConfiguration") &&
			d.s("event.outcome") == "success"
	},
	// C7. AWS Bedrock API Key Used for Destructive or Anti-Recovery Action (ES|QL; no dataset filter).
	"C7": func(d doc) bool {
		return d.s("event.provider") == "bedrock.amazonaws.com" &&
			regexp.MustCompile(`^.*callWithBearerToken=true.*$`).MatchString(d.s("aws.cloudtrail.additional_eventdata")) &&
			in(d.s("event.action"), "DeleteGuardrail", "DeleteModelInvocationLoggingConfiguration", "PutModelInvocationLoggingConfiguration",
				"DeleteImportedModel", "DeleteCustomModel", "DeleteModelCustomizationJob", "DeleteProvisionedModelThroughput", "DeleteMarketplaceModelEndpoint")
	},
	// C12. AWS Bedrock Unauthorized Foundation Model Access Attempt.
	"C12": func(d doc) bool {
		return bedrockCT(d) && in(d.s("event.action"), "PutFoundationModelEntitlement", "PutUseCaseForModelAccess", "CreateFoundationModelAgreement") &&
			d.s("event.outcome") == "failure" && in(d.s("aws.cloudtrail.error_code"), "AccessDenied", "AccessDeniedException")
	},
	// C13. AWS Bedrock Foundation Model Access Enabled or Entitlement Granted.
	"C13": func(d doc) bool {
		return bedrockCT(d) && in(d.s("event.action"), "PutFoundationModelEntitlement", "PutUseCaseForModelAccess", "CreateFoundationModelAgreement") &&
			d.s("event.outcome") == "success"
	},
	// C18. AWS Bedrock AgentCore Execution Role Used Outside Its Runtime.
	"C18": func(d doc) bool {
		issuer := d.s("aws.cloudtrail.user_identity.session_context.session_issuer.arn")
		return d.s("data_stream.dataset") == "aws.cloudtrail" && d.s("aws.cloudtrail.user_identity.type") == "AssumedRole" &&
			(regexp.MustCompile(`^.*role/AgentCore-.*$`).MatchString(issuer) || regexp.MustCompile(`^.*role/.*BedrockAgentCore.*$`).MatchString(issuer)) &&
			d.s("event.outcome") == "success" &&
			!in(d.s("event.provider"), "bedrock.amazonaws.com", "bedrock-runtime.amazonaws.com", "bedrock-agentcore.amazonaws.com",
				"bedrock-agentcore-control.amazonaws.com", "logs.amazonaws.com", "xray.amazonaws.com", "monitoring.amazonaws.com",
				"ecr.amazonaws.com", "ecr-public.amazonaws.com")
	},
	// C19. AWS Bedrock API Key Phantom User Activity Outside Bedrock.
	"C19": func(d doc) bool {
		return d.s("data_stream.dataset") == "aws.cloudtrail" && d.s("aws.cloudtrail.user_identity.type") == "IAMUser" &&
			strings.HasPrefix(d.s("user.name"), "BedrockAPIKey-") &&
			!in(d.s("event.provider"), "bedrock.amazonaws.com", "signin.amazonaws.com", "agreement-marketplace.amazonaws.com", "discovery-marketplace.amazonaws.com") &&
			!in(d.s("event.action"), "GetCallerIdentity", "GetSessionToken", "GetAccessKeyInfo")
	},
	// C20. AWS IAM Credentials Added to a Bedrock API Key Phantom User.
	"C20": func(d doc) bool {
		return d.s("event.provider") == "iam.amazonaws.com" && in(d.s("event.action"), "CreateAccessKey", "CreateLoginProfile", "UpdateLoginProfile") &&
			d.s("event.outcome") == "success" && strings.HasPrefix(d.s("user.target.name"), "BedrockAPIKey-")
	},
}

// c4 evaluates C4 (AWS Bedrock Foundation Model Enumeration Followed by Invocation via
// Long-Term Key), an EQL sequence by aws.cloudtrail.user_identity.access_key_id with
// maxspan=15m, and returns the access keys it fires for.
func c4(t testing.TB, docs []doc) []string {
	first := func(d doc) bool {
		return d.s("data_stream.dataset") == "aws.cloudtrail" && d.s("event.provider") == "bedrock.amazonaws.com" &&
			d.s("event.action") == "ListFoundationModels" && d.s("event.outcome") == "success" &&
			strings.HasPrefix(d.s("aws.cloudtrail.user_identity.access_key_id"), "AKIA")
	}
	second := func(d doc) bool {
		return d.s("data_stream.dataset") == "aws.cloudtrail" && d.s("event.provider") == "bedrock.amazonaws.com" &&
			in(d.s("event.action"), invocationActions...) && d.s("event.outcome") == "success"
	}
	sorted := slices.Clone(docs)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].time(t).Before(sorted[j].time(t)) })
	var fired []string
	for i, a := range sorted {
		key := a.s("aws.cloudtrail.user_identity.access_key_id")
		if !first(a) || slices.Contains(fired, key) {
			continue
		}
		for _, b := range sorted[i+1:] {
			if b.s("aws.cloudtrail.user_identity.access_key_id") == key && second(b) && b.time(t).Sub(a.time(t)) <= 15*time.Minute {
				fired = append(fired, key)
				break
			}
		}
	}
	return fired
}

// c6 evaluates C6 (AWS Bedrock High-Frequency Single-Model Inference API Probing): successful
// inference calls grouped by caller ARN, account and the model id GROKed out of
// aws.cloudtrail.request_parameters, firing at 500 calls. It returns "arn|account|model" keys.
func c6(docs []doc) []string {
	grok := regexp.MustCompile(`modelId=([^,}\]]+)`)
	counts := map[string]int{}
	for _, d := range docs {
		if d.s("event.provider") != "bedrock.amazonaws.com" || !in(d.s("event.action"), invocationActions...) ||
			d.s("event.outcome") != "success" || d.get("aws.cloudtrail.user_identity.arn") == nil || d.get("aws.cloudtrail.request_parameters") == nil {
			continue
		}
		m := grok.FindStringSubmatch(d.s("aws.cloudtrail.request_parameters"))
		if m == nil {
			continue
		}
		counts[d.s("aws.cloudtrail.user_identity.arn")+"|"+d.s("cloud.account.id")+"|"+m[1]]++
	}
	var fired []string
	for k, n := range counts {
		if n >= 500 {
			fired = append(fired, k)
		}
	}
	sort.Strings(fired)
	return fired
}

func TestCloudTrailRulesFireOnFixtures(t *testing.T) {
	// For every fixture, the indexes of the documents each rule must fire on; every other
	// document must not trigger it.
	want := map[string]map[string][]int{
		"logging.ndjson":       {"C3": {1, 2}, "C7": {2}},
		"guardrails.ndjson":    {"C2": {0, 1}, "C7": {1}},
		"model_access.ndjson":  {"C12": {3, 4, 5}, "C13": {0, 1, 2}},
		"eventbridge.json":     {"C13": {0}},
		"api_keys.ndjson":      {"C19": {3}, "C20": {2}},
		"attack_sequence.json": {"C3": {6}, "C13": {3, 4, 5}},
		"invocation.ndjson":    {},
		"enumeration.json":     {},
		"cloudwatch.json":      {"C3": {1}},
		// The AgentCore runtime role reading S3 and listing IAM users: outside its runtime.
		"agentcore_role.ndjson": {"C18": {0, 1}},
	}
	for file, rules := range want {
		t.Run(file, func(t *testing.T) {
			docs := renderFile(t, file)
			require.NotEmpty(t, docs)
			for name, rule := range ctRules {
				var got []int
				for i, d := range docs {
					if rule(d) {
						got = append(got, i)
					}
				}
				require.Equal(t, rules[name], got, "rule %s on %s", name, file)
			}
		})
	}
}

// TestCloudTrailAttackSequence is the typical LLMjacking sequence (enumerate -> enable model ->
// delete logging -> invoke from a new IP with an AKIA key): the rules fire on our documents.
func TestCloudTrailAttackSequence(t *testing.T) {
	docs := renderFile(t, "attack_sequence.json")
	require.Len(t, docs, 9)
	require.Equal(t, []string{"AKIAI44QH8DHBEXAMPLE"}, c4(t, docs), "C4 fires for the stolen key")

	var fired []string
	for _, name := range []string{"C3", "C13"} {
		for _, d := range docs {
			if ctRules[name](d) {
				fired = append(fired, name+" "+d.s("event.action"))
			}
		}
	}
	require.Equal(t, []string{
		"C3 DeleteModelInvocationLoggingConfiguration",
		"C13 PutUseCaseForModelAccess", "C13 CreateFoundationModelAgreement", "C13 PutFoundationModelEntitlement",
	}, fired)

	// The invocation comes from a new IP with the same long-term key, and its document says so.
	invoke := docs[7]
	require.Equal(t, "InvokeModel", invoke.s("event.action"))
	require.Equal(t, "203.0.113.77", invoke.s("source.ip"))
	require.Equal(t, "198.51.100.23", docs[0].s("source.ip"))
	require.Equal(t, true, invoke.get("genainorm.credential.long_term_key"))
	require.Equal(t, "invocation", invoke.s("genainorm.llmjacking.stage"))
	require.Equal(t, "logging_tampering", docs[6].s("genainorm.llmjacking.stage"))
}

func TestCloudTrailC4NegativeCases(t *testing.T) {
	// Enumeration at 11:00 by AKIAIOSFODNN7EXAMPLE, invocations by the same key at 10:00:
	// the invocation precedes the enumeration, so no sequence.
	var data []byte
	for _, name := range []string{"enumeration.json", "invocation.ndjson"} {
		b, err := os.ReadFile(filepath.Join(ctDir, name))
		require.NoError(t, err)
		data = append(append(data, b...), '\n')
	}
	docs := renderDocs(t, "mixed", data)
	require.Empty(t, c4(t, docs))

	// Enumeration then invocation by the same key, but 16 minutes apart.
	tmpl, err := os.ReadFile(filepath.Join(ctDir, "attack_sequence.json"))
	require.NoError(t, err)
	late := bytes.Replace(tmpl, []byte(`"2026-03-03T02:05:00Z"`), []byte(`"2026-03-03T02:16:00Z"`), 1)
	late = bytes.Replace(late, []byte(`"2026-03-03T02:05:02Z"`), []byte(`"2026-03-03T02:16:02Z"`), 1)
	require.Empty(t, c4(t, renderDocs(t, "late", late)))

	// A temporary (ASIA) key does not start the sequence.
	temp := bytes.ReplaceAll(tmpl, []byte("AKIAI44QH8DHBEXAMPLE"), []byte("ASIAI44QH8DHBEXAMPLE"))
	require.Empty(t, c4(t, renderDocs(t, "temp", temp)))
}

func TestCloudTrailC6HighFrequencyProbing(t *testing.T) {
	lines, err := os.ReadFile(filepath.Join(ctDir, "invocation.ndjson"))
	require.NoError(t, err)
	first, _, _ := bytes.Cut(lines, []byte("\n"))
	burst := func(n int) []byte {
		var b []byte
		for i := range n {
			line := bytes.Replace(first, []byte(`"eventID":"`), fmt.Appendf(nil, `"eventID":"burst-%d-`, i), 1)
			b = append(append(b, line...), '\n')
		}
		return b
	}
	key := "arn:aws:iam::123456789012:user/dev-user|123456789012|anthropic.claude-3-5-sonnet-20240620-v1:0"
	require.Equal(t, []string{key}, c6(renderDocs(t, "burst500", burst(500))))
	require.Empty(t, c6(renderDocs(t, "burst499", burst(499))))

	// The GROK extracts exactly requestParameters.modelId on every fixture invocation.
	grok := regexp.MustCompile(`modelId=([^,}\]]+)`)
	for _, d := range renderFile(t, "invocation.ndjson") {
		if !in(d.s("event.action"), invocationActions...) {
			continue
		}
		m := grok.FindStringSubmatch(d.s("aws.cloudtrail.request_parameters"))
		require.NotNil(t, m, d.s("aws.cloudtrail.request_parameters"))
		require.Equal(t, d.s("gen_ai.request.model.id"), m[1])
	}
}

// TestCloudTrailRuleFieldTypes checks the literal form of the fields the rules read.
func TestCloudTrailRuleFieldTypes(t *testing.T) {
	for _, d := range renderFile(t, "invocation.ndjson") {
		require.Equal(t, "aws.cloudtrail", d.s("data_stream.dataset"))
		require.Equal(t, "aws.cloudtrail", d.s("event.dataset"))
		require.NotEmpty(t, d.s("event.ingested"))
		require.NotEmpty(t, d.s("data_stream.namespace"))
		for _, path := range []string{"event.provider", "event.action", "event.outcome", "aws.cloudtrail.user_identity.arn",
			"aws.cloudtrail.user_identity.type", "aws.cloudtrail.request_parameters", "cloud.account.id", "cloud.region", "user_agent.original"} {
			_, ok := d.get(path).(string)
			require.True(t, ok, "%s is not a string in %v", path, d.get(path))
		}
		require.IsType(t, map[string]any{}, d.get("aws.cloudtrail.flattened.request_parameters"))
		require.True(t, strings.HasPrefix(d.s("aws.cloudtrail.request_parameters"), "{modelId=") ||
			strings.HasPrefix(d.s("aws.cloudtrail.request_parameters"), "{agentRuntimeArn=") ||
			strings.HasPrefix(d.s("aws.cloudtrail.request_parameters"), "{"), d.s("aws.cloudtrail.request_parameters"))
	}
}
