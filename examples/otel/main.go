package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"

	"go.opentelemetry.io/otel/exporters/stdout/stdoutlog"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr, newRegistry()))
}

// newRegistry returns a registry with every provider format.
func newRegistry() *genai.Registry {
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	return reg
}

// run normalizes the files named in args with the formats of reg and writes their log records
// and metrics to stdout. It returns the exit code: 0 when every record was normalized, 1 when
// some could not be, 2 on usage or I/O errors.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, reg *genai.Registry) int {
	fs := flag.NewFlagSet("otel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	content := fs.Bool("content", false, "include message content (gen_ai.input.messages, ...), opt-in in the OTel conventions")
	logs := fs.Bool("logs", true, "emit log records")
	metrics := fs.Bool("metrics", true, "record metrics")
	timestamps := fs.Bool("timestamps", true, "print observed and collection timestamps (off for reproducible output)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: otel [flags] FILE...\n\nNormalizes provider log files and emits OpenTelemetry log records and metrics to standard output.\n\nFlags:")
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\nExample:\n  go run ./examples/otel examples/otel/testdata/invocations.ndjson")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}

	p, err := newPipeline(stdout, *logs, *metrics, *content, *timestamps)
	if err != nil {
		fmt.Fprintln(stderr, "otel:", err)
		return 2
	}
	var total genai.Stats
	var ioErr error
	for _, name := range fs.Args() {
		st, err := p.file(ctx, name, reg)
		total.Records += st.Records
		total.Events += st.Events
		total.Errors += st.Errors
		if err != nil {
			fmt.Fprintln(stderr, "otel:", err)
			ioErr = err
		}
	}
	if err := p.shutdown(ctx); err != nil {
		fmt.Fprintln(stderr, "otel:", err)
		ioErr = err
	}
	fmt.Fprintf(stderr, "otel: %d records, %d events, %d errors\n", total.Records, total.Events, total.Errors)
	switch {
	case ioErr != nil:
		return 2
	case total.Errors > 0:
		return 1
	}
	return 0
}

// pipeline holds the SDK providers and what feeds them.
type pipeline struct {
	logs    *sdklog.LoggerProvider
	meters  *sdkmetric.MeterProvider
	emitter *genai.LogEmitter
	metrics *genai.Metrics
}

func newPipeline(w io.Writer, logs, metrics, content, timestamps bool) (*pipeline, error) {
	p := &pipeline{}
	if logs {
		opts := []stdoutlog.Option{stdoutlog.WithWriter(w)}
		if !timestamps {
			opts = append(opts, stdoutlog.WithoutTimestamps())
		}
		exp, err := stdoutlog.New(opts...)
		if err != nil {
			return nil, fmt.Errorf("creating the log exporter: %w", err)
		}
		// A simple processor exports each record as it is emitted, keeping the input order.
		// Use sdklog.NewBatchProcessor with a network exporter.
		// genai writes every attribute key once, so the SDK's deduplication (half of the cost
		// of emitting a record) can be skipped.
		p.logs = sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewSimpleProcessor(exp)),
			sdklog.WithAllowKeyDuplication())
		p.emitter = &genai.LogEmitter{Logger: p.logs.Logger("github.com/genainorm/genainorm/examples/otel"), OmitContent: !content}
	}
	if metrics {
		opts := []stdoutmetric.Option{stdoutmetric.WithWriter(w)}
		if !timestamps {
			opts = append(opts, stdoutmetric.WithoutTimestamps())
		}
		exp, err := stdoutmetric.New(opts...)
		if err != nil {
			return nil, fmt.Errorf("creating the metric exporter: %w", err)
		}
		// The reader exports when the provider shuts down; the long interval keeps it from
		// exporting partial sums in between.
		reader := sdkmetric.NewPeriodicReader(exp, sdkmetric.WithInterval(24*time.Hour))
		p.meters = sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
		m, err := genai.NewMetrics(p.meters.Meter("github.com/genainorm/genainorm/examples/otel"))
		if err != nil {
			return nil, err
		}
		p.metrics = m
	}
	return p, nil
}

// file normalizes one file and feeds its events to the providers.
func (p *pipeline) file(ctx context.Context, name string, reg *genai.Registry) (genai.Stats, error) {
	f, err := os.Open(name)
	if err != nil {
		return genai.Stats{}, err
	}
	defer f.Close()
	r, err := genai.NewReader(f, reg, genai.ReaderOptions{Name: name})
	if err != nil {
		return genai.Stats{}, err
	}
	var ev genai.Event
	for {
		err := r.Next(&ev)
		if err == io.EOF {
			return r.Stats(), nil
		}
		if err != nil {
			return r.Stats(), fmt.Errorf("reading %s: %w", name, err)
		}
		if p.emitter != nil {
			p.emitter.Emit(ctx, &ev)
		}
		if p.metrics != nil {
			p.metrics.Record(ctx, &ev)
		}
	}
}

// shutdown flushes and stops the providers: the metrics are exported here.
func (p *pipeline) shutdown(ctx context.Context) error {
	var errs []error
	if p.logs != nil {
		errs = append(errs, p.logs.Shutdown(ctx))
	}
	if p.meters != nil {
		errs = append(errs, p.meters.Shutdown(ctx))
	}
	return errors.Join(errs...)
}
