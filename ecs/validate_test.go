package ecs_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func TestValidateDocument(t *testing.T) {
	for _, p := range genai.Profiles {
		r := ecs.Renderer{Profile: p, Ingested: ingested}
		doc := r.AppendDocument(nil, sampleEvent())
		require.NoError(t, ecs.ValidateDocument(doc, p), "%s", doc)
	}
	tests := []struct {
		name, doc, want string
	}{
		{"undeclared", `{"nope":1}`, "nope: not declared"},
		{"wrong type", `{"gen_ai":{"compliance":{"violation_detected":"true"}}}`, "gen_ai.compliance.violation_detected: string value under a boolean field"},
		{"bad ip", `{"source":{"ip":"bedrock.amazonaws.com"}}`, `source.ip: "bedrock.amazonaws.com" is not an IP address`},
		{"float in long", `{"gen_ai":{"usage":{"prompt_tokens":1.5}}}`, "gen_ai.usage.prompt_tokens: 1.5 is not an integer"},
		{"object under keyword", `{"event":{"action":{"x":1}}}`, "event.action: object under a keyword field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ecs.ValidateDocument([]byte(tt.doc), genai.ProfileElastic)
			require.ErrorContains(t, err, tt.want)
		})
	}
	// A field of the elastic profile is not in the ecs template.
	require.ErrorContains(t, ecs.ValidateDocument([]byte(`{"gen_ai":{"system":"aws"}}`), genai.ProfileECS), "gen_ai.system: not declared")
}
