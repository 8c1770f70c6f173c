package genai_test

import (
	"context"
	"fmt"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/genainorm/genainorm/genai"
)

// exampleEvent is a small normalized Bedrock Converse invocation with prompt caching.
func exampleEvent() *genai.Event {
	ev := &genai.Event{Time: time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)}
	ev.Source.ProviderName = genai.ProviderAWSBedrock
	ev.Request.Operation = genai.OperationChat
	ev.Request.Model.ID = "anthropic.claude-3-haiku-20240307-v1:0"
	ev.Request.Temperature.Set(0.2)
	ev.Request.InputMessages = []byte(`[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]`)
	ev.Usage.InputTokens.Set(12)       // Bedrock's count excludes the cache...
	ev.Usage.CacheReadTokens.Set(1024) // ...so OTel input_tokens is 12 + 1024.
	ev.Usage.OutputTokens.Set(5)
	ev.Performance.ResponseTime.Set(830) // milliseconds; OTel wants seconds
	return ev
}

func ExampleEvent_Attributes() {
	ev := exampleEvent()
	for _, kv := range ev.Attributes() {
		fmt.Printf("%s=%s\n", kv.Key, kv.Value.String())
	}
	// Output:
	// gen_ai.provider.name=aws.bedrock
	// gen_ai.operation.name=chat
	// gen_ai.request.model=anthropic.claude-3-haiku-20240307-v1:0
	// gen_ai.request.temperature=0.2
	// gen_ai.input.messages=[{"parts":[{"content":"Hi","type":"text"}],"role":"user"}]
	// gen_ai.usage.input_tokens=1036
	// gen_ai.usage.output_tokens=5
	// gen_ai.usage.cache_read.input_tokens=1024
	// genainorm.operation.duration=0.83
}

// printExporter prints each log record's event name, severity and token counts.
type printExporter struct{}

func (printExporter) Export(_ context.Context, recs []sdklog.Record) error {
	for _, r := range recs {
		fmt.Println(r.EventName(), r.Severity(), r.Timestamp().Format(time.RFC3339))
		r.WalkAttributes(func(kv attribute.KeyValue) bool {
			if kv.Key == "gen_ai.usage.input_tokens" || kv.Key == "gen_ai.input.messages" {
				fmt.Printf("  %s=%s\n", kv.Key, kv.Value.String())
			}
			return true
		})
	}
	return nil
}
func (printExporter) Shutdown(context.Context) error   { return nil }
func (printExporter) ForceFlush(context.Context) error { return nil }

func ExampleLogEmitter() {
	provider := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewSimpleProcessor(printExporter{})))
	defer provider.Shutdown(context.Background())

	em := &genai.LogEmitter{Logger: provider.Logger("genainorm"), OmitContent: true}
	em.Emit(context.Background(), exampleEvent())
	// Output:
	// gen_ai.client.inference.operation.details INFO 2026-03-04T05:06:07Z
	//   gen_ai.usage.input_tokens=1036
}

func ExampleMetrics() {
	ctx := context.Background()
	reader := sdkmetric.NewManualReader()
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	defer provider.Shutdown(ctx)

	m, err := genai.NewMetrics(provider.Meter("genainorm"))
	if err != nil {
		panic(err)
	}
	m.Record(ctx, exampleEvent())

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		panic(err)
	}
	for _, md := range rm.ScopeMetrics[0].Metrics {
		switch data := md.Data.(type) {
		case metricdata.Histogram[int64]:
			for _, dp := range data.DataPoints {
				tt, _ := dp.Attributes.Value("gen_ai.token.type")
				fmt.Printf("%s %s=%s count=%d sum=%d\n", md.Name, "gen_ai.token.type", tt.AsString(), dp.Count, dp.Sum)
			}
		case metricdata.Histogram[float64]:
			for _, dp := range data.DataPoints {
				fmt.Printf("%s count=%d sum=%g%s\n", md.Name, dp.Count, dp.Sum, md.Unit)
			}
		}
	}
	// Unordered output:
	// gen_ai.client.token.usage gen_ai.token.type=input count=1 sum=1036
	// gen_ai.client.token.usage gen_ai.token.type=output count=1 sum=5
	// gen_ai.client.operation.duration count=1 sum=0.83s
}

func ExampleOTelKey() {
	for _, f := range []*genai.Field{
		genai.GenAIUsageInputTokens,        // semconv key, from the registry (Field.OTel)
		genai.GenAIRequestModelID,          // Elastic proposal name: gen_ai.request.model carries it
		genai.CloudRegion,                  // ECS field with a semconv equivalent
		genai.GenAIPerformanceResponseTime, // milliseconds, written in seconds under our own key
		genai.GenAIPolicyName,              // Elastic proposal: our own key
	} {
		fmt.Printf("%s -> %q\n", f.Name, genai.OTelKey(f))
	}
	// Output:
	// gen_ai.usage.input_tokens -> "gen_ai.usage.input_tokens"
	// gen_ai.request.model.id -> ""
	// cloud.region -> "cloud.region"
	// gen_ai.performance.response_time -> "genainorm.operation.duration"
	// gen_ai.policy.name -> "genainorm.guardrail.policies"
}
