package ecs_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

var ingested = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func sampleEvent() *genai.Event {
	ev := &genai.Event{}
	ev.Source = genai.Source{ProviderName: genai.ProviderAWSBedrock, System: "aws", Format: "bedrock.invocation",
		Dataset: genai.DatasetBedrockInvocation, Module: "aws_bedrock", Position: genai.Position{Name: "in.log", Line: 3, Offset: 120}}
	ev.Time = time.Date(2024, 9, 5, 7, 37, 51, 0, time.UTC)
	ev.Action = "Converse"
	ev.Outcome = genai.OutcomeFailure
	ev.Request.ID = "req-1"
	ev.Request.Operation = genai.OperationChat
	ev.Request.Model = genai.Model{ID: "ai21.jamba-instruct-v1:0", Vendor: "ai21", Type: "ai21"}
	ev.Request.Temperature.Set(0)
	ev.Request.Body = []byte(`{"messages":[]}`)
	ev.Usage.InputTokens.Set(10)
	ev.Usage.OutputTokens.Set(2)
	ev.Usage.CacheReadTokens.Set(5)
	ev.Identity.UserID = "arn:aws:iam::123456789012:user/alice"
	ev.Identity.GenAIUser = ev.Identity.UserID
	ev.Cloud = genai.Cloud{Provider: "aws", AccountID: "123456789012", Region: "us-east-1", ServiceName: "bedrock"}
	ev.Guardrail.IDs = []string{"l7n9e426howe"}
	ev.Guardrail.Intervened = true
	ev.Guardrail.Assessments = []genai.Assessment{
		{GuardrailID: "l7n9e426howe", Direction: genai.DirectionInput, Policy: genai.PolicyTopic, Type: "DENY", Action: genai.ActionBlocked, Name: "Robbing A Bank"},
		{GuardrailID: "l7n9e426howe", Direction: genai.DirectionInput, Policy: genai.PolicyContent, Type: "MISCONDUCT", Action: genai.ActionBlocked, Confidence: genai.ConfidenceHigh},
	}
	return ev
}

func render(t *testing.T, p genai.Profile, ev *genai.Event) map[string]any {
	t.Helper()
	r := ecs.Renderer{Profile: p, Ingested: ingested}
	doc := r.AppendDocument(nil, ev)
	var m map[string]any
	require.NoError(t, json.Unmarshal(doc, &m), "document is not valid JSON: %s", doc)
	return m
}

func get(m map[string]any, path ...string) any {
	var cur any = m
	for _, p := range path {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[p]
	}
	return cur
}

func TestRendererProfiles(t *testing.T) {
	ev := sampleEvent()
	el := render(t, genai.ProfileElastic, ev)
	require.Equal(t, "ai21.jamba-instruct-v1:0", get(el, "gen_ai", "request", "model", "id"))
	require.Equal(t, "aws", get(el, "gen_ai", "system"))
	require.Equal(t, float64(10), get(el, "gen_ai", "usage", "prompt_tokens"))
	require.Equal(t, float64(15), get(el, "gen_ai", "usage", "input_tokens"), "OTel input tokens include cache reads")
	require.Equal(t, float64(0), get(el, "gen_ai", "request", "temperature"), "a real zero is kept")
	require.Equal(t, true, get(el, "gen_ai", "compliance", "violation_detected"))
	require.Equal(t, []any{"content_policy", "topic_policy"}, get(el, "gen_ai", "policy", "name"))
	require.Equal(t, []any{"DENY", "MISCONDUCT"}, get(el, "gen_ai", "compliance", "violation_code"))
	require.Equal(t, []any{"HIGH"}, get(el, "gen_ai", "policy", "confidence"))
	require.Equal(t, []any{"l7n9e426howe"}, get(el, "gen_ai", "guardrail_id"))
	require.Equal(t, "logs", get(el, "data_stream", "type"))
	require.Equal(t, "aws_bedrock.invocation", get(el, "data_stream", "dataset"))
	require.Equal(t, "aws_bedrock.invocation", get(el, "event", "dataset"))
	require.Equal(t, "event", get(el, "event", "kind"))
	require.Equal(t, "2026-01-02T03:04:05.000Z", get(el, "event", "ingested"))
	require.Equal(t, "2024-09-05T07:37:51.000Z", get(el, "@timestamp"))
	require.Equal(t, `{"messages":[]}`, get(el, "gen_ai", "prompt"))
	require.Nil(t, get(el, "event", "original"), "event.original only when asked for")

	ecsDoc := render(t, genai.ProfileECS, ev)
	require.Equal(t, "ai21.jamba-instruct-v1:0", get(ecsDoc, "gen_ai", "request", "model"))
	require.Nil(t, get(ecsDoc, "gen_ai", "system"))
	require.Nil(t, get(ecsDoc, "gen_ai", "usage", "prompt_tokens"))
	require.Nil(t, get(ecsDoc, "gen_ai", "policy"))
	require.Equal(t, float64(15), get(ecsDoc, "gen_ai", "usage", "input_tokens"))
	require.Equal(t, "aws.bedrock", get(ecsDoc, "gen_ai", "provider", "name"))
	require.Equal(t, []any{"l7n9e426howe"}, get(ecsDoc, "aws", "bedrock", "guardrail", "id"))
}

func TestRendererErrorDocument(t *testing.T) {
	ev := &genai.Event{Err: &genai.RecordError{Pos: genai.Position{Name: "x.log", Line: 7, Offset: 99}, Err: errors.New("invalid JSON")},
		Original: []byte(`{"broken`)}
	ev.Source.Position = genai.Position{Name: "x.log", Line: 7, Offset: 99}
	m := render(t, genai.ProfileElastic, ev)
	require.Equal(t, "pipeline_error", get(m, "event", "kind"))
	require.Equal(t, `{"broken`, get(m, "event", "original"))
	require.Equal(t, "x.log:7: invalid JSON", get(m, "error", "message"))
	require.Equal(t, float64(7), get(m, "genainorm", "record", "line"))
	require.Equal(t, float64(99), get(m, "log", "offset"))
	require.Equal(t, "genainorm.errors", get(m, "data_stream", "dataset"))
}

func TestDataStream(t *testing.T) {
	ev := sampleEvent()
	require.Equal(t, "logs-aws_bedrock.invocation-default", ecs.DataStream(ev, ""))
	ev.Source.Dataset = genai.DatasetCloudTrail
	require.Equal(t, "logs-aws.cloudtrail-prod", ecs.DataStream(ev, "prod"))
}

// A Renderer reused across documents of different shapes writes what a fresh one writes.
func TestRendererReuse(t *testing.T) {
	errEv := sampleEvent()
	errEv.Err = errors.New("bad record")
	errEv.Original = []byte(`{"x":`)
	small := &genai.Event{Source: sampleEvent().Source, Action: "InvokeModel"}
	events := []*genai.Event{sampleEvent(), errEv, small, sampleEvent(), small, errEv}
	for _, p := range genai.Profiles {
		shared := ecs.Renderer{Profile: p, Ingested: ingested}
		for i, ev := range events {
			fresh := ecs.Renderer{Profile: p, Ingested: ingested}
			require.Equal(t, string(fresh.AppendDocument(nil, ev)), string(shared.AppendDocument(nil, ev)), "event %d, %v", i, p)
		}
	}
}
