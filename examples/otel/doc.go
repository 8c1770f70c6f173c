// Command otel normalizes provider log files and emits every event as an OpenTelemetry log
// record (event gen_ai.client.inference.operation.details) and as GenAI client metrics
// (gen_ai.client.token.usage, gen_ai.client.operation.duration), through the OpenTelemetry SDK
// with the stdout exporters. Replace the exporters with OTLP ones to send the same data to a
// collector.
//
//	go run ./examples/otel examples/otel/testdata/invocations.ndjson examples/otel/testdata/azure_responses.ndjson
//	go run ./examples/otel -content -metrics=false examples/otel/testdata/invocations.ndjson
//
// Log records go to standard output as JSON, one per event, then the metrics once at the end;
// a summary goes to standard error. The exit code is 0 when every record was normalized, 1 when
// some were not (invocations.ndjson ends with a truncated line on purpose: it becomes a
// genainorm.pipeline_error record), 2 on usage or I/O errors.
package main
