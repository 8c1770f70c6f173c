package genai

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	semconv "go.opentelemetry.io/otel/semconv/v1.41.0"
)

// The event names of the log records LogEmitter writes.
const (
	// EventNameInferenceDetails is the OTel GenAI event that carries the details of one
	// inference operation: the inference span's attributes plus the structured messages.
	EventNameInferenceDetails = "gen_ai.client.inference.operation.details"
	// EventNamePipelineError is ours: a record that could not be normalized. Its body is the
	// error message; its attributes locate the record (format, line, path).
	EventNamePipelineError = "genainorm.pipeline_error"
)

// LogEmitter emits events as OpenTelemetry log records through the Logs API.
//
// A normalized event becomes one record with event name EventNameInferenceDetails, the event's
// own time as timestamp, the attributes of Event.AppendAttributes, and a severity that says how
// the operation went: SeverityError when it failed (error.type is set), SeverityWarn when a
// guardrail or content filter intervened, SeverityInfo otherwise. An error event (Err set)
// becomes a record named EventNamePipelineError with severity SeverityError, the error message
// as body, and the record's position (genainorm.format, log.file.path, genainorm.record.line,
// genainorm.record.path) and original text (log.record.original, unless OmitContent) as
// attributes.
//
// The zero LogEmitter emits nothing; set Logger. A LogEmitter is safe for concurrent use when its
// Logger is (as the SDK's loggers are).
type LogEmitter struct {
	// Logger receives the records.
	Logger log.Logger
	// OmitContent leaves out the opt-in content attributes (ContentKeys): system instructions,
	// input and output messages, tool definitions; and the original text of records that
	// could not be normalized.
	OmitContent bool
}

// EmitLog emits ev through logger as one log record; see LogEmitter.
func EmitLog(ctx context.Context, logger log.Logger, ev *Event) {
	(&LogEmitter{Logger: logger}).Emit(ctx, ev)
}

// Emit emits ev as one log record, unless the Logger reports it would drop it.
func (l *LogEmitter) Emit(ctx context.Context, ev *Event) {
	if l.Logger == nil {
		return
	}
	name, sev, _ := logSeverity(ev)
	if !l.Logger.Enabled(ctx, log.EnabledParameters{Severity: sev, EventName: name}) {
		return
	}
	bufp := attrPool.Get().(*[]attribute.KeyValue)
	rec := l.record(ev, bufp)
	l.Logger.Emit(ctx, rec)
	clear(*bufp)
	attrPool.Put(bufp)
}

// Record returns the log record Emit would emit for ev.
func (l *LogEmitter) Record(ev *Event) log.Record {
	var buf []attribute.KeyValue
	return l.record(ev, &buf)
}

// attrPool holds attribute buffers; Record.AddAttributes copies what it is given.
var attrPool = sync.Pool{New: func() any { s := make([]attribute.KeyValue, 0, 64); return &s }}

func (l *LogEmitter) record(ev *Event, bufp *[]attribute.KeyValue) log.Record {
	var rec log.Record
	name, sev, text := logSeverity(ev)
	rec.SetEventName(name)
	rec.SetSeverity(sev)
	rec.SetSeverityText(text)
	if !ev.Time.IsZero() {
		rec.SetTimestamp(ev.Time)
	}
	attrs := (*bufp)[:0]
	if ev.Err != nil {
		rec.SetBody(attribute.StringValue(ev.Err.Error()))
		rec.SetErr(ev.Err)
		attrs = append(attrs, semconv.ErrorTypeKey.String(EventNamePipelineError))
		if ev.Source.Format != "" {
			attrs = append(attrs, GenainormFormatKey.String(ev.Source.Format))
		}
		if ev.Source.Position.Name != "" {
			attrs = append(attrs, semconv.LogFilePathKey.String(ev.Source.Position.Name))
		}
		if ev.Source.Position.Line > 0 {
			attrs = append(attrs, GenainormRecordLineKey.Int64(ev.Source.Position.Line))
		}
		if ev.Source.Position.Path != "" {
			attrs = append(attrs, GenainormRecordPathKey.String(ev.Source.Position.Path))
		}
		if len(ev.Original) > 0 && !l.OmitContent {
			attrs = append(attrs, semconv.LogRecordOriginalKey.String(string(ev.Original)))
		}
	} else {
		attrs = ev.appendAttributes(attrs, l.OmitContent)
	}
	rec.AddAttributes(attrs...)
	*bufp = attrs
	return rec
}

// logSeverity returns the event name, severity and severity text of ev's record.
func logSeverity(ev *Event) (string, log.Severity, string) {
	switch {
	case ev.Err != nil:
		return EventNamePipelineError, log.SeverityError, "ERROR"
	case otelErrorType(ev) != "":
		return EventNameInferenceDetails, log.SeverityError, "ERROR"
	case ev.Guardrail.Intervened:
		return EventNameInferenceDetails, log.SeverityWarn, "WARN"
	}
	return EventNameInferenceDetails, log.SeverityInfo, "INFO"
}
