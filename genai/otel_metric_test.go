package genai_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/genainorm/genainorm/genai"
)

// The bucket boundaries of the OTel GenAI semantic conventions (core v1.41.0 metrics.yaml).
var (
	wantTokenBounds    = []float64{1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864}
	wantDurationBounds = []float64{0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92}
)

// buckets returns bucket counts for n bounds with one count at each given index.
func buckets(n int, idx ...int) []uint64 {
	c := make([]uint64, n+1)
	for _, i := range idx {
		c[i]++
	}
	return c
}

// collect records evs through a fresh Metrics and returns what a ManualReader collects, by
// instrument name.
func collect(t *testing.T, evs ...*genai.Event) map[string]metricdata.Metrics {
	t.Helper()
	reader := sdkmetric.NewManualReader()
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	t.Cleanup(func() { require.NoError(t, provider.Shutdown(context.Background())) })
	m, err := genai.NewMetrics(provider.Meter("genainorm-test"))
	require.NoError(t, err)
	ctx := context.Background()
	for _, ev := range evs {
		m.Record(ctx, ev)
	}
	var rm metricdata.ResourceMetrics
	require.NoError(t, reader.Collect(ctx, &rm))
	out := map[string]metricdata.Metrics{}
	for _, sm := range rm.ScopeMetrics {
		for _, md := range sm.Metrics {
			out[md.Name] = md
		}
	}
	return out
}

func TestMetricsRecord(t *testing.T) {
	first := bedrockEvent() // input 100 + 2300 cached, output 7, 1250 ms, first chunk 340 ms
	second := bedrockEvent()
	second.Usage = genai.Usage{}
	second.Usage.InputTokens.Set(10)
	second.Usage.OutputTokens.Set(3000)
	second.Performance = genai.Performance{}
	second.Performance.ResponseTime.Set(5)
	azure := azureErrorEvent() // no tokens, 40 ms, content_filter, server address

	noOperation := bedrockEvent()
	noOperation.Request.Operation = ""
	noProvider := bedrockEvent()
	noProvider.Source.ProviderName = ""
	failed := bedrockEvent()
	failed.Err = errors.New("bad record")
	throttled := bedrockEvent() // zero tokens of a failed request are not usage
	throttled.Request.Model.ID = "throttled-model"
	throttled.Response.ErrorCode = "ThrottlingException"
	throttled.Usage = genai.Usage{}
	throttled.Usage.InputTokens.Set(0)
	throttled.Usage.OutputTokens.Set(0)
	throttled.Performance = genai.Performance{}

	got := collect(t, first, second, azure, noOperation, noProvider, failed, throttled)
	require.Len(t, got, 3)

	bedrockAttrs := []attribute.KeyValue{
		attribute.String("gen_ai.operation.name", "chat"),
		attribute.String("gen_ai.provider.name", "aws.bedrock"),
		attribute.String("gen_ai.request.model", "us.anthropic.claude-3-5-haiku-20241022-v1:0"),
		attribute.String("gen_ai.response.model", "anthropic.claude-3-5-haiku-20241022-v1:0"),
	}
	with := func(base []attribute.KeyValue, kv ...attribute.KeyValue) attribute.Set {
		return attribute.NewSet(append(append([]attribute.KeyValue(nil), base...), kv...)...)
	}
	nt, nd := len(wantTokenBounds), len(wantDurationBounds)

	metricdatatest.AssertEqual(t, metricdata.Metrics{
		Name:        "gen_ai.client.token.usage",
		Description: "Number of input and output tokens used.",
		Unit:        "{token}",
		Data: metricdata.Histogram[int64]{
			Temporality: metricdata.CumulativeTemporality,
			DataPoints: []metricdata.HistogramDataPoint[int64]{{
				Attributes:   with(bedrockAttrs, attribute.String("gen_ai.token.type", "input")),
				Count:        2,
				Sum:          2410,
				Bounds:       wantTokenBounds,
				BucketCounts: buckets(nt, 6, 2), // 2400 in (1024, 4096], 10 in (4, 16]
				Min:          metricdata.NewExtrema[int64](10),
				Max:          metricdata.NewExtrema[int64](2400),
			}, {
				Attributes:   with(bedrockAttrs, attribute.String("gen_ai.token.type", "output")),
				Count:        2,
				Sum:          3007,
				Bounds:       wantTokenBounds,
				BucketCounts: buckets(nt, 2, 6), // 7 in (4, 16], 3000 in (1024, 4096]
				Min:          metricdata.NewExtrema[int64](7),
				Max:          metricdata.NewExtrema[int64](3000),
			}},
		},
	}, got["gen_ai.client.token.usage"], metricdatatest.IgnoreTimestamp(), metricdatatest.IgnoreExemplars())

	d1, d2 := 1.25, 0.005
	metricdatatest.AssertEqual(t, metricdata.Metrics{
		Name:        "gen_ai.client.operation.duration",
		Description: "GenAI operation duration.",
		Unit:        "s",
		Data: metricdata.Histogram[float64]{
			Temporality: metricdata.CumulativeTemporality,
			DataPoints: []metricdata.HistogramDataPoint[float64]{{
				Attributes:   with(bedrockAttrs),
				Count:        2,
				Sum:          d1 + d2,
				Bounds:       wantDurationBounds,
				BucketCounts: buckets(nd, 7, 0), // 1.25 in (0.64, 1.28], 0.005 in (-inf, 0.01]
				Min:          metricdata.NewExtrema(d2),
				Max:          metricdata.NewExtrema(d1),
			}, {
				Attributes: attribute.NewSet(
					attribute.String("gen_ai.operation.name", "chat"),
					attribute.String("gen_ai.provider.name", "azure.ai.openai"),
					attribute.String("gen_ai.request.model", "gpt-4o"),
					attribute.String("server.address", "my-resource.openai.azure.com"),
					attribute.String("error.type", "content_filter"),
				),
				Count:        1,
				Sum:          0.04,
				Bounds:       wantDurationBounds,
				BucketCounts: buckets(nd, 2), // 0.04 in (0.02, 0.04]
				Min:          metricdata.NewExtrema(0.04),
				Max:          metricdata.NewExtrema(0.04),
			}},
		},
	}, got["gen_ai.client.operation.duration"], metricdatatest.IgnoreTimestamp(), metricdatatest.IgnoreExemplars())

	metricdatatest.AssertEqual(t, metricdata.Metrics{
		Name:        "gen_ai.client.operation.time_to_first_chunk",
		Description: "Time to receive the first chunk, measured from when the client issues the generation request to when the first chunk is received in the response stream.",
		Unit:        "s",
		Data: metricdata.Histogram[float64]{
			Temporality: metricdata.CumulativeTemporality,
			DataPoints: []metricdata.HistogramDataPoint[float64]{{
				Attributes:   with(bedrockAttrs),
				Count:        1,
				Sum:          0.34,
				Bounds:       wantDurationBounds,
				BucketCounts: buckets(nd, 6), // 0.34 in (0.32, 0.64]
				Min:          metricdata.NewExtrema(0.34),
				Max:          metricdata.NewExtrema(0.34),
			}},
		},
	}, got["gen_ai.client.operation.time_to_first_chunk"], metricdatatest.IgnoreTimestamp(), metricdatatest.IgnoreExemplars())
}

func TestMetricsRecordNothing(t *testing.T) {
	ev := &genai.Event{}
	ev.Source.ProviderName = genai.ProviderAWSBedrock
	ev.Request.Operation = genai.OperationChat // no usage, no timings
	got := collect(t, ev)
	for name, md := range got {
		switch data := md.Data.(type) {
		case metricdata.Histogram[int64]:
			require.Empty(t, data.DataPoints, name)
		case metricdata.Histogram[float64]:
			require.Empty(t, data.DataPoints, name)
		}
	}
}

func TestNewMetricsNilMeter(t *testing.T) {
	m, err := genai.NewMetrics(nil)
	require.NoError(t, err)
	m.Record(context.Background(), bedrockEvent()) // no-op instruments
}

func BenchmarkMetricsRecord(b *testing.B) {
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
	m, err := genai.NewMetrics(provider.Meter("bench"))
	require.NoError(b, err)
	ev := bedrockEvent()
	b.SetBytes(int64(len(ev.Request.Body) + len(ev.Response.Body)))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		m.Record(ctx, ev)
	}
}
