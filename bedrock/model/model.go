// Package model resolves Bedrock model ids and decodes the request and response bodies of
// every Bedrock model family.
package model

import "github.com/genainorm/genainorm/genai"

// Parse resolves a Bedrock modelId (bare id, cross-region profile id, or ARN) into a Model whose
// ID is the input verbatim.
func Parse(id string) genai.Model { return genai.Model{ID: id} }

// DecodeRequest fills ev's request side from an InvokeModel request body of m's family.
func DecodeRequest(m *genai.Model, body []byte, ev *genai.Event) {}

// DecodeResponse fills ev's response side from a non-streaming InvokeModel response body.
func DecodeResponse(m *genai.Model, body []byte, ev *genai.Event) {}

// DecodeStream fills ev's response side from the decoded chunks of an
// InvokeModelWithResponseStream response, in order.
func DecodeStream(m *genai.Model, chunks [][]byte, ev *genai.Event) {}
