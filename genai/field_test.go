package genai_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// The 15 gen_ai fields public Elastic rules read (detection_contract section 7.5), with the
// types the rules need.
var ruleFields = map[string]genai.Type{
	"gen_ai.guardrail_id":                    genai.TypeKeyword,
	"gen_ai.compliance.violation_detected":   genai.TypeBoolean,
	"gen_ai.compliance.violation_code":       genai.TypeKeyword,
	"gen_ai.policy.action":                   genai.TypeKeyword,
	"gen_ai.policy.name":                     genai.TypeKeyword,
	"gen_ai.policy.confidence":               genai.TypeKeyword,
	"gen_ai.request.model.id":                genai.TypeKeyword,
	"gen_ai.response.error_code":             genai.TypeKeyword,
	"gen_ai.usage.prompt_tokens":             genai.TypeInteger,
	"gen_ai.usage.completion_tokens":         genai.TypeInteger,
	"gen_ai.prompt":                          genai.TypeText,
	"gen_ai.completion":                      genai.TypeText,
	"gen_ai.performance.request_size":        genai.TypeLong,
	"gen_ai.performance.start_response_time": genai.TypeLong,
	"gen_ai.user.id":                         genai.TypeKeyword,
}

func TestRuleFieldsDeclared(t *testing.T) {
	for name, typ := range ruleFields {
		f := genai.Lookup(name)
		require.NotNil(t, f, "%s is not declared", name)
		require.Equal(t, typ, f.Type, name)
		require.True(t, f.In(genai.ProfileElastic), "%s must be in the elastic profile", name)
	}
}

// Elastic's security proposal has 64 fields; all are declared.
func TestProposalFieldsDeclared(t *testing.T) {
	n := 0
	for _, f := range genai.Fields() {
		if f.Status == genai.StatusElasticProposal && !strings.HasPrefix(f.Name, "gen_ai.policy.match_detail.") && f.Name != "gen_ai.guardrail_id" {
			n++
		}
	}
	shared := []string{"gen_ai.response.id", "gen_ai.response.finish_reasons", "gen_ai.response.model",
		"gen_ai.request.max_tokens", "gen_ai.request.temperature", "gen_ai.request.top_k", "gen_ai.request.top_p"}
	for _, s := range shared {
		require.NotNil(t, genai.Lookup(s), s)
	}
	require.Equal(t, 64, n+len(shared))
}

func TestRegistryConsistent(t *testing.T) {
	fields := genai.Fields()
	require.NotEmpty(t, fields)
	for i, f := range fields {
		require.Equal(t, i, f.Ord())
		if i > 0 {
			require.Less(t, fields[i-1].Name, f.Name, "sorted and unique")
		}
		require.NotEmpty(t, f.Description, f.Name)
		require.NotZero(t, f.Profiles, f.Name)
	}
	// In one profile, a field may be a prefix of another only when it is an object group:
	// Elasticsearch cannot map a name as both a value and an object.
	for _, p := range genai.Profiles {
		var in []*genai.Field
		for _, f := range fields {
			if f.In(p) {
				in = append(in, f)
			}
		}
		for _, a := range in {
			for _, b := range in {
				if strings.HasPrefix(b.Name, a.Name+".") {
					require.Equal(t, genai.TypeObject, a.Type, "%s profile: %s is a prefix of %s but not an object", p, a.Name, b.Name)
				}
			}
		}
	}
}

func TestTypeAccepts(t *testing.T) {
	require.True(t, genai.TypeKeyword.Accepts(genai.KindStrings))
	require.True(t, genai.TypeDouble.Accepts(genai.KindInt))
	require.False(t, genai.TypeLong.Accepts(genai.KindFloat))
	require.False(t, genai.TypeBoolean.Accepts(genai.KindString))
	require.True(t, genai.TypeFlattened.Accepts(genai.KindJSON))
}

// Every value AppendFields produces fits its field's declared type.
func TestAppendFieldsTypes(t *testing.T) {
	ev := &genai.Event{}
	ev.Request.Temperature.Set(0.5)
	ev.Request.MaxTokens.Set(10)
	ev.Request.Stream.Set(true)
	ev.Request.StopSequences = []string{"x"}
	ev.Request.InputMessages = []byte(`[{"role":"user"}]`)
	ev.Usage.InputTokens.Set(1)
	ev.Performance.StartResponseTime.Set(250)
	ev.Identity.SourceIP = "::ffff:203.0.113.9"
	ev.Guardrail.Intervened = true
	ev.Guardrail.Assessments = []genai.Assessment{{Policy: genai.PolicySensitiveInfo, Type: "EMAIL", Action: genai.ActionAnonymized, Match: "a@example.com", Direction: genai.DirectionOutput}}
	ev.Warn(genai.WarnUnknownModelFamily, "x")
	fs := ev.AppendFields(nil)
	require.NotEmpty(t, fs)
	seen := map[string]genai.Value{}
	for _, fv := range fs {
		require.True(t, fv.Field.Type.Accepts(fv.Value.Kind()), "%s (%s) got a %s value", fv.Field.Name, fv.Field.Type, fv.Value.Kind())
		seen[fv.Field.Name] = fv.Value
	}
	require.Equal(t, "203.0.113.9", seen["source.ip"].Str(), "IPv4-mapped addresses are unmapped")
	require.InDelta(t, 0.25, seen["gen_ai.response.time_to_first_chunk"].Float(), 1e-9)
	require.Equal(t, []string{"LLM02"}, seen["gen_ai.owasp.id"].Strings())
	require.Equal(t, []string{"sensitive_information_policy"}, seen["gen_ai.compliance.response_triggered"].Strings())
}
