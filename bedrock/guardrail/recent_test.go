package guardrail

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// What a filter matched (personal data, often) is never kept in the process-wide cache of
// recent words, while the filter's entity type may be.
func TestMatchNotCached(t *testing.T) {
	const email = "jane.doe@example.com"
	trace := []byte(`{"guardrail":{"inputAssessment":{"g1":{"sensitiveInformationPolicy":{"piiEntities":[` +
		`{"type":"EMAIL","match":"` + email + `","action":"ANONYMIZED","detected":true}],` +
		`"regexes":[{"name":"employee-id","match":"EMP-12345","regex":"EMP-\\d{5}","action":"BLOCKED"}]}}}}}`)
	var ev genai.Event
	DecodeConverseTrace(trace, &ev)
	var matches []string
	for _, a := range ev.Guardrail.Assessments {
		matches = append(matches, a.Match)
	}
	require.ElementsMatch(t, []string{email, "EMP-12345"}, matches)
	for i := range recentTexts {
		if p := recentTexts[i].Load(); p != nil {
			require.NotContains(t, []string{email, "EMP-12345"}, *p)
		}
	}
	require.Equal(t, "employee-id", recentText([]byte("employee-id")))
}
