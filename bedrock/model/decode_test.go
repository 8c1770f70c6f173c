package model

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// sampleFor returns a JSON value that a member of Go type t reads into a non-zero value.
func sampleFor(t reflect.Type) string {
	name := t.String()
	switch {
	case strings.HasPrefix(name, "*"):
		return sampleFor(t.Elem())
	case strings.HasSuffix(name, ".str"), strings.HasSuffix(name, ".blob"), strings.HasSuffix(name, ".content"),
		strings.HasSuffix(name, ".url"), strings.HasSuffix(name, ".startOrText"):
		return `"x"`
	case strings.HasSuffix(name, ".num"), strings.HasSuffix(name, ".present"):
		return `1`
	case strings.HasSuffix(name, ".flag"):
		return `true`
	case strings.HasSuffix(name, ".strs"), strings.HasSuffix(name, ".count"), strings.HasSuffix(name, ".blobs"):
		return `["x"]`
	case strings.HasSuffix(name, ".vectors"):
		return `[[1]]`
	case strings.HasSuffix(name, ".raw"):
		return `{"a":1}`
	case strings.Contains(name, ".obj["):
		return `{}`
	case strings.Contains(name, ".arr["):
		return `[{}]`
	}
	return ""
}

// TestMemberDecoders checks that every tagged member of every body type is read by its
// member switch (the struct tags and decode.go are kept in step by hand).
func TestMemberDecoders(t *testing.T) {
	for _, v := range []any{
		&block{}, &blockImageURL{}, &blockGuardContentText{}, &blockGuardContent{}, &mediaSource{}, &mediaSourceS3Location{},
		&mediaBlock{}, &converseTool{}, &reasoningNova{}, &reasoningNovaReasoningText{}, &message{}, &oaTool{},
		&oaToolFunction{}, &toolDef{}, &toolDefFunction{}, &toolDefToolSpecInputSchema{}, &toolDefToolSpec{}, &usage{},
		&usagePromptTokensDetails{}, &usageCompletionTokensDetails{}, &invocationMetrics{}, &request{},
		&requestToolConfig{}, &requestAdditionalFields{}, &requestEmbeddingConfig{}, &requestTextPrompts{},
		&thinkingConfig{}, &effortConfig{}, &responseFormat{}, &reasoningConfig{}, &inferenceConfig{},
		&titanTextConfig{}, &imageParams{}, &imageGenerationCfg{}, &novaEmbedParams{}, &novaEmbedText{}, &response{},
		&responseOutput{}, &responseOutputs{}, &responseGenerations{}, &responseMetaBilledUnits{}, &responseMeta{},
		&responseCompletionsData{}, &responseCompletionsFinishReason{}, &responseCompletions{}, &responseArtifacts{},
		&responseMessageStart{}, &responseContentBlockStartStart{}, &responseContentBlockStart{},
		&responseContentBlockDeltaDeltaToolUse{}, &responseContentBlockDeltaDeltaReasoningContent{},
		&responseContentBlockDeltaDelta{}, &responseContentBlockDelta{}, &responseMessageStop{}, &responseMetadata{},
		&titanResult{}, &choice{}, &streamDelta{}, &anthropicStart{},
	} {
		rt := reflect.TypeOf(v).Elem()
		for i := 0; i < rt.NumField(); i++ {
			f := rt.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if tag == "" {
				continue
			}
			sample := sampleFor(f.Type)
			require.NotEmpty(t, sample, "%s.%s: no sample for %s", rt.Name(), f.Name, f.Type)
			fresh := reflect.New(rt)
			require.NoError(t, unmarshal([]byte(`{"`+tag+`":`+sample+`}`), fresh.Interface().(jsonFrom)))
			require.False(t, fresh.Elem().Field(i).IsZero(), "%s.%s (%q) is not read by the member decoder", rt.Name(), f.Name, tag)
		}
	}
}
