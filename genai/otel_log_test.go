package genai_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/noop"
	sdklog "go.opentelemetry.io/otel/sdk/log"

	"github.com/genainorm/genainorm/genai"
)

// memExporter is an in-memory sdklog.Exporter that keeps a copy of every record.
type memExporter struct {
	mu   sync.Mutex
	recs []sdklog.Record
}

func (e *memExporter) Export(_ context.Context, recs []sdklog.Record) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, r := range recs {
		e.recs = append(e.recs, r.Clone())
	}
	return nil
}

func (e *memExporter) Shutdown(context.Context) error   { return nil }
func (e *memExporter) ForceFlush(context.Context) error { return nil }

// newLogger returns an SDK logger whose records end up in the returned exporter.
func newLogger(t *testing.T) (log.Logger, *memExporter) {
	t.Helper()
	exp := &memExporter{}
	provider := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewSimpleProcessor(exp)))
	t.Cleanup(func() { require.NoError(t, provider.Shutdown(context.Background())) })
	return provider.Logger("genainorm-test"), exp
}

func recordAttrs(t *testing.T, r *sdklog.Record) map[string]any {
	t.Helper()
	var kvs []attribute.KeyValue
	r.WalkAttributes(func(kv attribute.KeyValue) bool { kvs = append(kvs, kv); return true })
	require.Zero(t, r.DroppedAttributes())
	return attrMap(t, kvs)
}

func TestLogEmitter(t *testing.T) {
	withoutContent := func(m map[string]any) map[string]any {
		for _, k := range genai.ContentKeys() {
			delete(m, string(k))
		}
		return m
	}
	okEvent := func() *genai.Event {
		ev := bedrockEvent()
		ev.Guardrail = genai.Guardrail{}
		ev.Outcome = genai.OutcomeSuccess
		return ev
	}
	tests := []struct {
		name        string
		ev          func() *genai.Event
		omitContent bool
		wantName    string
		wantSev     log.Severity
		wantText    string
		wantBody    string
		wantAttrs   func(ev *genai.Event) map[string]any
	}{{
		name:     "success is INFO",
		ev:       okEvent,
		wantName: "gen_ai.client.inference.operation.details", wantSev: log.SeverityInfo, wantText: "INFO",
		wantAttrs: func(ev *genai.Event) map[string]any { return attrMap(t, ev.Attributes()) },
	}, {
		name:     "guardrail intervention is WARN",
		ev:       bedrockEvent,
		wantName: "gen_ai.client.inference.operation.details", wantSev: log.SeverityWarn, wantText: "WARN",
		wantAttrs: func(ev *genai.Event) map[string]any { return attrMap(t, ev.Attributes()) },
	}, {
		name:     "provider error is ERROR",
		ev:       azureErrorEvent,
		wantName: "gen_ai.client.inference.operation.details", wantSev: log.SeverityError, wantText: "ERROR",
		wantAttrs: func(ev *genai.Event) map[string]any { return attrMap(t, ev.Attributes()) },
	}, {
		name: "HTTP failure is ERROR",
		ev: func() *genai.Event {
			ev := okEvent()
			ev.HTTP.StatusCode = 429
			return ev
		},
		wantName: "gen_ai.client.inference.operation.details", wantSev: log.SeverityError, wantText: "ERROR",
		wantAttrs: func(ev *genai.Event) map[string]any {
			m := attrMap(t, ev.Attributes())
			require.Equal(t, "429", m["error.type"])
			return m
		},
	}, {
		name:        "content omitted",
		ev:          bedrockEvent,
		omitContent: true,
		wantName:    "gen_ai.client.inference.operation.details", wantSev: log.SeverityWarn, wantText: "WARN",
		wantAttrs: func(ev *genai.Event) map[string]any { return withoutContent(attrMap(t, ev.Attributes())) },
	}, {
		name: "pipeline error",
		ev: func() *genai.Event {
			ev := &genai.Event{Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
			ev.Source.Format = "bedrock.invocation"
			ev.Source.Position = genai.Position{Name: "in.log", Line: 3}
			ev.Err = errors.New("bedrock: modelId is not a string")
			ev.Original = []byte(`{"modelId":42}`)
			return ev
		},
		wantName: "genainorm.pipeline_error", wantSev: log.SeverityError, wantText: "ERROR",
		wantBody: "bedrock: modelId is not a string",
		wantAttrs: func(*genai.Event) map[string]any {
			return map[string]any{
				"error.type": "genainorm.pipeline_error", "genainorm.format": "bedrock.invocation", "genainorm.record.line": int64(3),
				"log.file.path": "in.log", "log.record.original": `{"modelId":42}`,
				// Added by the SDK from Record.SetErr.
				"exception.message": "bedrock: modelId is not a string", "exception.type": "*errors.errorString",
			}
		},
	}, {
		name: "pipeline error without the original text",
		ev: func() *genai.Event {
			ev := &genai.Event{Err: errors.New("not JSON"), Original: []byte("password=hunter2")}
			ev.Source.Position = genai.Position{Name: "-", Line: 9}
			return ev
		},
		omitContent: true,
		wantName:    "genainorm.pipeline_error", wantSev: log.SeverityError, wantText: "ERROR",
		wantBody: "not JSON",
		wantAttrs: func(*genai.Event) map[string]any {
			return map[string]any{
				"error.type": "genainorm.pipeline_error", "log.file.path": "-", "genainorm.record.line": int64(9),
				"exception.message": "not JSON", "exception.type": "*errors.errorString",
			}
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logger, exp := newLogger(t)
			ev := tt.ev()
			em := &genai.LogEmitter{Logger: logger, OmitContent: tt.omitContent}
			em.Emit(context.Background(), ev)
			require.Len(t, exp.recs, 1)
			r := &exp.recs[0]
			require.Equal(t, tt.wantName, r.EventName())
			require.Equal(t, tt.wantSev, r.Severity())
			require.Equal(t, tt.wantText, r.SeverityText())
			require.True(t, ev.Time.Equal(r.Timestamp()), "timestamp %v, want %v", r.Timestamp(), ev.Time)
			if tt.wantBody == "" {
				require.Equal(t, attribute.EMPTY, r.Body().Type())
			} else {
				require.Equal(t, tt.wantBody, r.Body().AsString())
			}
			got := recordAttrs(t, r)
			require.Equal(t, tt.wantAttrs(ev), got)
			if tt.omitContent {
				require.NotContains(t, got, "gen_ai.input.messages")
			} else if len(ev.Request.InputMessages) > 0 {
				require.Contains(t, got, "gen_ai.input.messages")
			}
		})
	}
}

func TestEmitLogReusesBuffers(t *testing.T) {
	// Records emitted one after the other keep their own attributes although the emitter
	// reuses its attribute buffer.
	logger, exp := newLogger(t)
	a, b := bedrockEvent(), azureErrorEvent()
	genai.EmitLog(context.Background(), logger, a)
	genai.EmitLog(context.Background(), logger, b)
	require.Len(t, exp.recs, 2)
	require.Equal(t, attrMap(t, a.Attributes()), recordAttrs(t, &exp.recs[0]))
	require.Equal(t, attrMap(t, b.Attributes()), recordAttrs(t, &exp.recs[1]))
}

func TestLogEmitterRecordMatchesEmit(t *testing.T) {
	ev := bedrockEvent()
	rec := (&genai.LogEmitter{}).Record(ev)
	require.Equal(t, genai.EventNameInferenceDetails, rec.EventName())
	var kvs []attribute.KeyValue
	rec.WalkAttributes(func(kv attribute.KeyValue) bool { kvs = append(kvs, kv); return true })
	require.Equal(t, ev.Attributes(), kvs)

	// A LogEmitter without a Logger emits nothing and does not panic.
	(&genai.LogEmitter{}).Emit(context.Background(), ev)
}

func BenchmarkLogEmitter(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts []sdklog.LoggerProviderOption
	}{
		{"dedup", nil},
		// AppendAttributes writes each key once (TestOTelKeysAreUnique), so the SDK's
		// deduplication can be skipped.
		{"no-dedup", []sdklog.LoggerProviderOption{sdklog.WithAllowKeyDuplication()}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			exp := &discardExporter{}
			opts := append([]sdklog.LoggerProviderOption{sdklog.WithProcessor(sdklog.NewSimpleProcessor(exp))}, bc.opts...)
			provider := sdklog.NewLoggerProvider(opts...)
			em := &genai.LogEmitter{Logger: provider.Logger("bench")}
			ev := bedrockEvent()
			b.SetBytes(int64(len(ev.Request.Body) + len(ev.Response.Body) + len(ev.Request.InputMessages) + len(ev.Response.OutputMessages)))
			b.ReportAllocs()
			ctx := context.Background()
			for b.Loop() {
				em.Emit(ctx, ev)
			}
			require.Equal(b, b.N, exp.n)
		})
	}
}

type discardExporter struct{ n int }

func (e *discardExporter) Export(_ context.Context, recs []sdklog.Record) error {
	e.n += len(recs)
	return nil
}
func (e *discardExporter) Shutdown(context.Context) error   { return nil }
func (e *discardExporter) ForceFlush(context.Context) error { return nil }

func TestLogEmitterConcurrent(t *testing.T) {
	// Goroutines share one emitter (and its buffer pool); every record keeps its own event's
	// attributes.
	logger, exp := newLogger(t)
	em := &genai.LogEmitter{Logger: logger}
	evs := []*genai.Event{bedrockEvent(), azureErrorEvent()}
	want := map[any]map[string]any{}
	for _, ev := range evs {
		want[ev.Request.ID] = attrMap(t, ev.Attributes())
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for range 50 {
				em.Emit(context.Background(), evs[g%len(evs)])
			}
		})
	}
	wg.Wait()
	require.Len(t, exp.recs, 200)
	for i := range exp.recs {
		got := recordAttrs(t, &exp.recs[i])
		id := got["aws.request_id"]
		if id == nil {
			id = got["azure.service.request.id"]
		}
		require.Equal(t, want[id], got, "record %d", i)
	}
}

// disabledLogger reports that it emits nothing, and fails the test if asked to.
type disabledLogger struct {
	noop.Logger
	t *testing.T
}

func (disabledLogger) Enabled(context.Context, log.EnabledParameters) bool { return false }
func (l disabledLogger) Emit(context.Context, log.Record) {
	l.t.Error("Emit called on a disabled logger")
}

func TestLogEmitterSkipsDisabledLogger(t *testing.T) {
	genai.EmitLog(context.Background(), disabledLogger{t: t}, bedrockEvent())
}
