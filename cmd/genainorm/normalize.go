package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func init() {
	commands["normalize"] = command{summary: "normalize provider logs into NDJSON documents on stdout", run: runNormalize}
}

const normalizeHelp = `Usage: genainorm normalize [flags] [FILE|-]...

Reads AWS Bedrock model invocation logs, Bedrock CloudTrail events, ApplyGuardrail results, Azure
OpenAI resource logs, API Management gateway logs and Azure OpenAI response bodies — plain or gzip,
NDJSON or JSON documents, CloudWatch Logs / CloudTrail / Event Hub envelopes, formats mixed freely —
and writes one JSON document per logical record to stdout, in input order. A record that cannot be
normalized becomes an error document (event.kind: pipeline_error) and the run goes on.

Exit status: 0 all records normalized, 1 some records became error documents, 2 usage or I/O error.

Examples:
  genainorm normalize testdata/bedrock/converse.ndjson
  genainorm normalize --profile ecs logs/*.json.gz > docs.ndjson
  aws logs tail /aws/bedrock/invocations --format json | genainorm normalize -
  genainorm normalize --format bedrock.cloudtrail --namespace prod trail.json.gz

Flags:
`

func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("normalize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var nf normalizeFlags
	nf.register(fs)
	fs.Usage = func() { fmt.Fprint(stderr, normalizeHelp); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	profile, err := genai.ParseProfile(nf.profile)
	if err != nil {
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}
	if err := ecs.ValidateNamespace(nf.namespace); err != nil {
		// The documents name their data stream; one Elasticsearch would refuse is a usage error.
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}
	r := ecs.Renderer{Profile: profile, Namespace: nf.namespace, KeepOriginal: nf.keepOriginal}
	out := newTimedWriter(stdout, 1<<20, 500*time.Millisecond)
	var buf []byte
	var sum summary
	err = eachEventAhead(fs.Args(), stdin, &nf, stderr, &sum, func(ev *genai.Event) error {
		buf = r.AppendDocument(buf[:0], ev)
		buf = append(buf, '\n')
		_, werr := out.Write(buf)
		return werr
	})
	if ferr := out.Close(); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		if _, ok := err.(errInput); !ok {
			fmt.Fprintln(stderr, "genainorm:", err)
		}
	}
	if !nf.quiet {
		sum.write(stderr, "written")
	}
	return exitCode(err, &sum)
}

// timedWriter buffers output for throughput and flushes it at least every interval, so that
// documents of a live input (a pipe from "aws logs tail") reach the reader promptly.
type timedWriter struct {
	mu   sync.Mutex
	w    *bufio.Writer
	err  error
	stop chan struct{}
	done chan struct{}
}

func newTimedWriter(w io.Writer, size int, interval time.Duration) *timedWriter {
	t := &timedWriter{w: bufio.NewWriterSize(w, size), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(t.done)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-t.stop:
				return
			case <-tick.C:
				t.mu.Lock()
				if t.err == nil && t.w.Buffered() > 0 {
					t.err = t.w.Flush()
				}
				t.mu.Unlock()
			}
		}
	}()
	return t
}

func (t *timedWriter) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err != nil {
		return 0, t.err
	}
	n, err := t.w.Write(p)
	t.err = err
	return n, err
}

// Close stops the timer and flushes what is buffered.
func (t *timedWriter) Close() error {
	close(t.stop)
	<-t.done
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err != nil {
		return t.err
	}
	return t.w.Flush()
}
