package genai

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.41.0"
	"go.opentelemetry.io/otel/semconv/v1.41.0/genaiconv"
)

// The explicit bucket boundaries the OTel GenAI semantic conventions recommend.
var (
	// tokenUsageBoundaries are those of gen_ai.client.token.usage: powers of 4 from 1 to 4^13.
	tokenUsageBoundaries = []float64{1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864}
	// durationBoundaries are those of gen_ai.client.operation.duration and
	// gen_ai.client.operation.time_to_first_chunk: 10 ms doubling up to 81.92 s.
	durationBoundaries = []float64{0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92}
)

// Metrics records the OTel GenAI client metrics of events through the Metrics API:
//
//   - gen_ai.client.token.usage (Int64Histogram, {token}): one measurement per token type,
//     gen_ai.token.type "input" (Usage.EffectiveInputTokens, cache included) and "output"
//     (a failed operation's zero counts are not usage and are left out);
//   - gen_ai.client.operation.duration (Float64Histogram, s): Performance.ResponseTime, with
//     error.type when the operation failed;
//   - gen_ai.client.operation.time_to_first_chunk (Float64Histogram, s):
//     Performance.StartResponseTime, for streamed responses.
//
// The histograms use the bucket boundaries the conventions recommend. Every measurement
// carries gen_ai.operation.name and gen_ai.provider.name, plus gen_ai.request.model,
// gen_ai.response.model and server.address when the event has them. An event without an
// operation or a provider name, and an error event, records nothing: the conventions require
// both attributes. A Metrics is safe for concurrent use.
type Metrics struct {
	tokens   genaiconv.ClientTokenUsage
	duration genaiconv.ClientOperationDuration
	ttfc     genaiconv.ClientOperationTimeToFirstChunk
}

// NewMetrics creates the instruments of Metrics with meter.
func NewMetrics(meter metric.Meter) (*Metrics, error) {
	var m Metrics
	var err error
	if m.tokens, err = genaiconv.NewClientTokenUsage(meter,
		metric.WithExplicitBucketBoundaries(tokenUsageBoundaries...)); err != nil {
		return nil, fmt.Errorf("genai: creating gen_ai.client.token.usage: %w", err)
	}
	if m.duration, err = genaiconv.NewClientOperationDuration(meter,
		metric.WithExplicitBucketBoundaries(durationBoundaries...)); err != nil {
		return nil, fmt.Errorf("genai: creating gen_ai.client.operation.duration: %w", err)
	}
	if m.ttfc, err = genaiconv.NewClientOperationTimeToFirstChunk(meter,
		metric.WithExplicitBucketBoundaries(durationBoundaries...)); err != nil {
		return nil, fmt.Errorf("genai: creating gen_ai.client.operation.time_to_first_chunk: %w", err)
	}
	return &m, nil
}

// Record records the measurements of ev.
func (m *Metrics) Record(ctx context.Context, ev *Event) {
	if ev.Err != nil || ev.Request.Operation == "" || ev.Source.ProviderName == "" {
		return
	}
	op := genaiconv.OperationNameAttr(ev.Request.Operation)
	provider := genaiconv.ProviderNameAttr(ev.Source.ProviderName)

	var buf [4]attribute.KeyValue
	attrs := buf[:0]
	if ev.Request.Model.ID != "" {
		attrs = append(attrs, semconv.GenAIRequestModel(ev.Request.Model.ID))
	}
	if ev.Response.Model != "" {
		attrs = append(attrs, semconv.GenAIResponseModel(ev.Response.Model))
	}
	if ev.HTTP.ServerAddress != "" {
		attrs = append(attrs, semconv.ServerAddress(ev.HTTP.ServerAddress))
	}

	errType := otelErrorType(ev)
	// A failed request logs zero tokens (Bedrock inputTokenCount 0): that is no usage, and
	// recording it would skew the distribution.
	if in := ev.Usage.EffectiveInputTokens(); in.Valid && (in.Value != 0 || errType == "") {
		m.tokens.Record(ctx, in.Value, op, provider, genaiconv.TokenTypeInput, attrs...)
	}
	if out := ev.Usage.OutputTokens; out.Valid && (out.Value != 0 || errType == "") {
		m.tokens.Record(ctx, out.Value, op, provider, genaiconv.TokenTypeOutput, attrs...)
	}
	if p := ev.Performance.StartResponseTime; p.Valid {
		m.ttfc.Record(ctx, float64(p.Value)/1000, op, provider, attrs...)
	}
	if p := ev.Performance.ResponseTime; p.Valid {
		if errType != "" {
			attrs = append(attrs, semconv.ErrorTypeKey.String(errType))
		}
		m.duration.Record(ctx, float64(p.Value)/1000, op, provider, attrs...)
	}
}
