package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func init() {
	commands["index"] = command{summary: "normalize provider logs and index them into Elasticsearch data streams", run: runIndex}
}

const indexHelp = `Usage: genainorm index [flags] [FILE|-]...

Normalizes the inputs exactly like 'genainorm normalize' and writes the documents to Elasticsearch,
each into its data stream (logs-aws_bedrock.invocation-<namespace>, logs-aws.cloudtrail-<namespace>,
logs-azure_openai.logs-<namespace>; error documents into logs-genainorm.errors-<namespace>), with
create operations and pipeline=_none.

Every source record gets a deterministic _id: indexing the same input again adds nothing (the
documents are counted as duplicates). Items Elasticsearch throttles (429) or fails (5xx) are retried
with exponential backoff and jitter; documents it rejects (mapping errors and the like) are written
with the reason to the dead-letter file. Ctrl-C (SIGINT) or SIGTERM stops reading, sends what was
read, and prints the summary; a second Ctrl-C exits at once.

Connection settings come from the flags or the environment: ELASTICSEARCH_URL (comma-separated),
ELASTICSEARCH_API_KEY, ELASTICSEARCH_USERNAME / ELASTICSEARCH_PASSWORD, ELASTICSEARCH_CLOUD_ID,
ELASTICSEARCH_CA_CERT. Prefer the environment for secrets: command lines are visible to other users.

--setup installs our component and index templates first (priority 150, below the 200 of Fleet's
integration templates, so an installed Elastic integration keeps its own), then reports which
template governs each data stream. --check only reports that, and exits.

Exit status: 0 all records indexed (or already there), 1 some records became error documents, a
document was dead-lettered or failed, or the run was interrupted, 2 usage, I/O or connection error.

Examples:
  ELASTICSEARCH_URL=https://localhost:9200 ELASTICSEARCH_API_KEY=... genainorm index --setup logs/*.json.gz
  genainorm index --url http://localhost:9200 --namespace prod --dead-letter rejected.ndjson trail.json.gz
  aws logs tail /aws/bedrock/invocations --format json | genainorm index -

Flags:
`

// indexFlags are index's own flags.
type indexFlags struct {
	urls, apiKey, username, password, cloudID, caCert, fingerprint string

	setup, check bool
	deadLetter   string
	workers      int
	flushBytes   int
	maxRetries   int
	drain        time.Duration
}

func (f *indexFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.urls, "url", "", "Elasticsearch URL(s), comma separated (default $ELASTICSEARCH_URL, else http://localhost:9200)")
	fs.StringVar(&f.apiKey, "api-key", "", "base64 API key (default $ELASTICSEARCH_API_KEY)")
	fs.StringVar(&f.username, "username", "", "basic authentication user (default $ELASTICSEARCH_USERNAME)")
	fs.StringVar(&f.password, "password", "", "basic authentication password (default $ELASTICSEARCH_PASSWORD)")
	fs.StringVar(&f.cloudID, "cloud-id", "", "Elastic Cloud ID (default $ELASTICSEARCH_CLOUD_ID)")
	fs.StringVar(&f.caCert, "ca-cert", "", "PEM file of the CA that signed the server certificate (default $ELASTICSEARCH_CA_CERT)")
	fs.StringVar(&f.fingerprint, "ca-fingerprint", "", "hex SHA-256 fingerprint of the server's CA certificate, instead of --ca-cert")
	fs.BoolVar(&f.setup, "setup", false, "install the component and index templates before indexing")
	fs.BoolVar(&f.check, "check", false, "only report which index template governs each data stream, then exit")
	fs.StringVar(&f.deadLetter, "dead-letter", "genainorm-dead-letter.ndjson", "NDJSON file that receives rejected documents with the reason (appended to, created only when needed)")
	fs.IntVar(&f.workers, "workers", 0, "concurrent bulk requests (default: number of CPUs)")
	fs.IntVar(&f.flushBytes, "flush-bytes", ecs.DefaultFlushBytes, "bulk request size in bytes")
	fs.IntVar(&f.maxRetries, "max-retries", ecs.DefaultMaxRetries, "retries of one document after 429 or 5xx")
	fs.DurationVar(&f.drain, "drain-timeout", 2*time.Minute, "how long to keep sending and retrying after the input ends or Ctrl-C")
}

func (f *indexFlags) connectConfig(getenv func(string) string) ecs.ConnectConfig {
	var o ecs.ConnectConfig
	for _, u := range strings.Split(f.urls, ",") {
		if u = strings.TrimSpace(u); u != "" {
			o.URLs = append(o.URLs, u)
		}
	}
	o.APIKey, o.Username, o.Password, o.CloudID = f.apiKey, f.username, f.password, f.cloudID
	o.CACert, o.CertificateFingerprint = f.caCert, f.fingerprint
	return ecs.ConnectConfigFromEnv(getenv).Override(o)
}

// lazyFile creates its file at the first write, so that a clean run leaves no dead-letter file.
type lazyFile struct {
	path string
	mu   sync.Mutex
	f    *os.File
	err  error
}

func (l *lazyFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil && l.err == nil {
		l.f, l.err = os.OpenFile(l.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	}
	if l.err != nil {
		return 0, l.err
	}
	return l.f.Write(p)
}

func (l *lazyFile) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	return l.f.Close()
}

// indexSignals are the signals that stop reading and flush; tests replace them.
var indexSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// errInterrupted stops reading after a signal.
var errInterrupted = errors.New("interrupted")

func runIndex(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var nf normalizeFlags
	var xf indexFlags
	nf.register(fs)
	xf.register(fs)
	fs.Usage = func() { fmt.Fprint(stderr, indexHelp); fs.PrintDefaults() }
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
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}
	logf := func(format string, a ...any) {
		if !nf.quiet {
			fmt.Fprintf(stderr, "genainorm: "+format+"\n", a...)
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), indexSignals...)
	defer stop()

	cc := xf.connectConfig(os.Getenv)
	pingCtx, cancel := context.WithTimeout(ctx, time.Minute)
	es, info, err := ecs.Connect(pingCtx, cc)
	cancel()
	if err != nil {
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}
	logf("connected to cluster %q (Elasticsearch %s): %s", info.Name, info.Version.Number, cc)

	if xf.setup {
		tpls := ecs.Templates(profile)
		if err := ecs.InstallTemplates(ctx, es, tpls); err != nil {
			fmt.Fprintln(stderr, "genainorm:", err)
			return 2
		}
		logf("installed %d templates for the %s profile (index templates at priority %d)", len(tpls), profile, ecs.TemplatePriority)
	}
	if xf.setup || xf.check {
		gov, err := ecs.CheckTemplates(ctx, es, nf.namespace)
		if err != nil {
			fmt.Fprintln(stderr, "genainorm:", err)
			return 2
		}
		w := stderr
		if xf.check {
			w = stdout
		}
		for _, g := range gov {
			fmt.Fprintln(w, g.String())
		}
		if xf.check {
			return 0
		}
	}

	maxRetries := xf.maxRetries
	if maxRetries <= 0 {
		maxRetries = -1 // IndexerConfig: negative means no retries, zero the default
	}
	dl := &lazyFile{path: xf.deadLetter}
	defer dl.Close()
	ix, err := ecs.NewIndexer(ecs.IndexerConfig{
		Client:       es,
		Namespace:    nf.namespace,
		Profile:      profile,
		KeepOriginal: nf.keepOriginal,
		NumWorkers:   xf.workers,
		FlushBytes:   xf.flushBytes,
		MaxRetries:   maxRetries,
		DeadLetter:   dl,
	})
	if err != nil {
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}

	// Read in a goroutine so that a signal is noticed even while a read blocks (a pipe).
	var sum summary
	readDone := make(chan error, 1)
	go func() {
		readDone <- eachEvent(fs.Args(), stdin, &nf, stderr, &sum, func(ev *genai.Event) error {
			if ctx.Err() != nil {
				return errInterrupted
			}
			return ix.Add(ctx, ev)
		})
	}()
	var readErr error
	interrupted := false
	select {
	case readErr = <-readDone:
		if errors.Is(readErr, errInterrupted) || errors.Is(readErr, ecs.ErrClosed) || (readErr != nil && ctx.Err() != nil) {
			interrupted, readErr = true, nil
		}
	case <-ctx.Done():
		interrupted = true
	}
	stop() // a second signal now ends the process
	if interrupted {
		fmt.Fprintln(stderr, "genainorm: interrupted: stopped reading; sending what was read")
	}

	drainCtx, cancel := context.WithTimeout(context.Background(), xf.drain)
	closeErr := ix.Close(drainCtx)
	cancel()
	if !interrupted {
		if readErr != nil {
			if _, ok := readErr.(errInput); !ok {
				fmt.Fprintln(stderr, "genainorm:", readErr)
			}
		}
		if !nf.quiet {
			sum.write(stderr, "read")
		}
	}
	st := ix.Stats()
	if !nf.quiet || st.Failed > 0 || closeErr != nil {
		fmt.Fprintf(stderr, "genainorm: Elasticsearch: %d indexed, %d already indexed (duplicates), %d retries, %d failed, %d dead-lettered",
			st.Indexed, st.Duplicate, st.Retried, st.Failed, st.DeadLettered)
		if st.DeadLettered > 0 {
			fmt.Fprintf(stderr, " (to %s)", xf.deadLetter)
		}
		fmt.Fprintln(stderr)
	}
	if closeErr != nil {
		fmt.Fprintln(stderr, "genainorm:", closeErr)
	}
	if err := dl.Close(); err != nil {
		fmt.Fprintln(stderr, "genainorm: dead-letter file:", err)
		return 2
	}
	code := 0
	if !interrupted {
		code = exitCode(readErr, &sum)
	}
	if code == 2 {
		return 2
	}
	if interrupted || st.Failed > 0 || closeErr != nil {
		return 1
	}
	return code
}
