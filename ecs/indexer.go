package ecs

import (
	"bytes"
	"container/heap"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/elastic/go-elasticsearch/v8/esutil"
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/genainorm/genainorm/genai"
)

// The defaults of IndexerConfig.
const (
	DefaultFlushBytes    = 5 << 20
	DefaultFlushInterval = time.Second
	DefaultMaxRetries    = 6
	// DefaultPipeline disables the target's default ingest pipeline: an installed Fleet
	// integration's pipeline expects raw provider records and would fail on (or re-derive) our
	// already normalized documents. Final pipelines still run.
	DefaultPipeline = "_none"
)

// IndexerConfig configures an Indexer. Only Client is required.
type IndexerConfig struct {
	// Client sends the bulk requests: an *elasticsearch.Client (see Connect) or any esapi.Transport.
	Client esapi.Transport
	// Namespace is the data stream namespace; "" means "default".
	Namespace string
	// Profile is the document profile (genai.ProfileElastic when zero).
	Profile genai.Profile
	// KeepOriginal writes event.original on every document.
	KeepOriginal bool
	// Pipeline is the bulk pipeline parameter; "" means DefaultPipeline ("_none"). Set it to
	// "-" to send no pipeline parameter (the data stream's default pipeline then runs).
	Pipeline string

	// FlushBytes, FlushInterval and NumWorkers are passed to esutil.BulkIndexer; zero means
	// DefaultFlushBytes, DefaultFlushInterval and the number of CPUs.
	FlushBytes    int
	FlushInterval time.Duration
	NumWorkers    int

	// MaxRetries bounds the retries of one document after a 429, a 5xx or a failed bulk request;
	// zero means DefaultMaxRetries, a negative value no retries.
	MaxRetries int
	// RetryBackoff returns the wait before retry number attempt (1-based); nil means
	// ExponentialBackoff(100*time.Millisecond, 10*time.Second).
	RetryBackoff func(attempt int) time.Duration

	// DeadLetter receives every document Elasticsearch rejected for good (mapping errors, retries
	// exhausted, shutdown before delivery) as one NDJSON line (see DeadLetter). When it is nil,
	// such documents are still counted as failed, passed to OnFailure, and Close returns an
	// error: a document is never dropped silently.
	DeadLetter io.Writer

	// OnSuccess is called for each document that was indexed, or found already indexed
	// (Result.Duplicate). OnFailure is called for each document that failed for good. Both are
	// called from the indexer's workers and must be safe for concurrent use.
	OnSuccess func(context.Context, Result)
	OnFailure func(context.Context, Result)

	// Meter, when set, receives the counters as OpenTelemetry metrics:
	// genainorm.index.documents{result=indexed|duplicate|failed|dead_lettered} and
	// genainorm.index.retries.
	Meter metric.MeterProvider

	// DocumentID returns the _id of an event's document; nil means DocumentID.
	DocumentID func(*genai.Event) string
	// Now returns the time written as event.ingested; nil means time.Now.
	Now func() time.Time
}

// Result says what became of one document.
type Result struct {
	// Index is the data stream (or index) the document was sent to; ID its _id.
	Index string
	ID    string
	// Status is the last HTTP status for the document (201 created, 409 already indexed,
	// 400 rejected, ...); 0 when the request did not get an answer.
	Status int
	// Duplicate reports that a document with this _id already existed (409 on create).
	Duplicate bool
	// ErrorType and Reason are Elasticsearch's error type and reason, or ours.
	ErrorType string
	Reason    string
	// Attempts is the number of times the document was sent.
	Attempts int
	// Document is the document (valid only during the callback).
	Document []byte
}

// Stats counts documents by outcome. Every added document ends up exactly once in Indexed,
// Duplicate or Failed; DeadLettered counts the failed documents written to the dead-letter sink.
type Stats struct {
	Added        int64 `json:"added"`
	Indexed      int64 `json:"indexed"`
	Duplicate    int64 `json:"duplicate"`
	Retried      int64 `json:"retried"`
	Failed       int64 `json:"failed"`
	DeadLettered int64 `json:"dead_lettered"`
	// Bytes is the size of the documents added.
	Bytes int64 `json:"bytes"`
}

// Pending returns the number of documents not yet settled.
func (s Stats) Pending() int64 { return s.Added - s.Indexed - s.Duplicate - s.Failed }

// ErrClosed is returned by Add after Close.
var ErrClosed = errors.New("ecs: indexer is closed")

// Indexer writes events to Elasticsearch data streams through esutil.BulkIndexer, with create
// operations, a deterministic _id per source record (a replay never duplicates: a 409 counts as
// already indexed), bounded retries with exponential backoff and jitter on 429 and 5xx (per
// item and per request), and a dead-letter sink for documents Elasticsearch rejects.
//
// Add and AddDocument are safe for concurrent use. Close must be called once, after the last Add.
type Indexer struct {
	cfg       IndexerConfig
	bi        esutil.BulkIndexer
	renderers sync.Pool
	docs      sync.Pool

	mu     sync.RWMutex // held for reading by Add, for writing by Close
	closed atomic.Bool

	onSuccess func(context.Context, esutil.BulkIndexerItem, esutil.BulkIndexerResponseItem)
	onFailure func(context.Context, esutil.BulkIndexerItem, esutil.BulkIndexerResponseItem, error)

	retryMu   sync.Mutex
	retryQ    retryQueue
	retryWake chan struct{}
	stop      chan struct{}
	stopped   chan struct{}

	dlMu  sync.Mutex
	dlBuf []byte
	dlErr error

	added, bytes, indexed, duplicate, retried, failed, deadLettered atomic.Int64
	undelivered                                                     atomic.Int64

	counters *counters
}

// NewIndexer returns a running Indexer.
func NewIndexer(cfg IndexerConfig) (*Indexer, error) {
	if cfg.Client == nil {
		return nil, errors.New("ecs: IndexerConfig.Client is nil")
	}
	if cfg.Profile == 0 {
		cfg.Profile = genai.ProfileElastic
	}
	if cfg.Namespace == "" {
		cfg.Namespace = DefaultNamespace
	}
	if err := ValidateNamespace(cfg.Namespace); err != nil {
		return nil, err
	}
	switch cfg.Pipeline {
	case "":
		cfg.Pipeline = DefaultPipeline
	case "-":
		cfg.Pipeline = ""
	}
	if cfg.FlushBytes <= 0 {
		cfg.FlushBytes = DefaultFlushBytes
	}
	if cfg.FlushInterval <= 0 {
		cfg.FlushInterval = DefaultFlushInterval
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = DefaultMaxRetries
	} else if cfg.MaxRetries < 0 {
		cfg.MaxRetries = 0
	}
	if cfg.RetryBackoff == nil {
		cfg.RetryBackoff = ExponentialBackoff(100*time.Millisecond, 10*time.Second)
	}
	if cfg.DocumentID == nil {
		cfg.DocumentID = DocumentID
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	ix := &Indexer{
		cfg:       cfg,
		retryWake: make(chan struct{}, 1),
		stop:      make(chan struct{}),
		stopped:   make(chan struct{}),
	}
	ix.renderers.New = func() any {
		return &Renderer{Profile: cfg.Profile, Namespace: cfg.Namespace, KeepOriginal: cfg.KeepOriginal}
	}
	ix.docs.New = func() any { return &doc{} }
	ix.onSuccess = ix.itemSuccess
	ix.onFailure = ix.itemFailure
	c, err := newCounters(cfg.Meter)
	if err != nil {
		return nil, err
	}
	ix.counters = c
	bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{
		Client:        statusTransport{cfg.Client},
		NumWorkers:    cfg.NumWorkers,
		FlushBytes:    cfg.FlushBytes,
		FlushInterval: cfg.FlushInterval,
		Pipeline:      cfg.Pipeline,
	})
	if err != nil {
		return nil, fmt.Errorf("ecs: bulk indexer: %w", err)
	}
	ix.bi = bi
	go ix.retryLoop()
	return ix, nil
}

// ValidateNamespace checks a data stream namespace: Elasticsearch requires lower case, no
// hyphen (it separates the name's parts), none of \ / * ? " < > | , # : or space, at most 100 bytes.
func ValidateNamespace(ns string) error {
	if ns == "" || len(ns) > 100 {
		return fmt.Errorf("ecs: invalid data stream namespace %q: must be 1 to 100 bytes", ns)
	}
	for _, c := range ns {
		if c >= 'A' && c <= 'Z' || c == '-' || bytes.ContainsRune([]byte(`\/*?"<>|,#: `), c) {
			return fmt.Errorf("ecs: invalid data stream namespace %q: lower case, without - \\ / * ? \" < > | , # : or space", ns)
		}
	}
	return nil
}

// doc is one document on its way; it is also the body reader of its bulk item, so that the
// item callbacks find it again without a map.
type doc struct {
	bytes.Reader
	body     []byte
	index    string
	id       string
	ctx      context.Context
	attempts int
	due      time.Time
	status   int
	errType  string
	reason   string
}

func (ix *Indexer) getDoc() *doc {
	d := ix.docs.Get().(*doc)
	d.attempts, d.status, d.errType, d.reason = 0, 0, "", ""
	return d
}

func (ix *Indexer) putDoc(d *doc) {
	if cap(d.body) > 1<<20 {
		d.body = nil
	}
	d.ctx = nil
	d.Reader.Reset(nil)
	ix.docs.Put(d)
}

// Add renders ev as a document (event.ingested is now) and queues it for its data stream.
// It returns an error only when the indexer is closed or ctx is done; what became of the
// document is reported by the counters, the callbacks and the dead-letter sink.
func (ix *Indexer) Add(ctx context.Context, ev *genai.Event) error {
	if ix.closed.Load() {
		return ErrClosed
	}
	d := ix.getDoc()
	r := ix.renderers.Get().(*Renderer)
	r.Ingested = ix.cfg.Now()
	d.body = r.AppendDocument(d.body[:0], ev)
	ix.renderers.Put(r)
	d.index = DataStream(ev, ix.cfg.Namespace)
	d.id = ix.cfg.DocumentID(ev)
	return ix.enqueue(ctx, d)
}

// AddDocument queues an already encoded document (one JSON object) for index with the given
// _id ("" lets Elasticsearch choose one, which gives up replay safety). doc is copied.
func (ix *Indexer) AddDocument(ctx context.Context, index, id string, document []byte) error {
	if ix.closed.Load() {
		return ErrClosed
	}
	d := ix.getDoc()
	d.body = append(d.body[:0], document...)
	d.index, d.id = index, id
	return ix.enqueue(ctx, d)
}

func (ix *Indexer) enqueue(ctx context.Context, d *doc) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed.Load() {
		ix.putDoc(d)
		return ErrClosed
	}
	ix.added.Add(1)
	ix.bytes.Add(int64(len(d.body)))
	d.ctx = ctx
	if err := ix.send(ctx, d); err != nil {
		ix.fail(d, 0, "", "not queued: "+err.Error())
		return err
	}
	return nil
}

// send hands d to the bulk indexer; the caller holds ix.mu (for reading or writing).
func (ix *Indexer) send(ctx context.Context, d *doc) error {
	d.attempts++
	d.Reader.Reset(d.body)
	return ix.bi.Add(ctx, esutil.BulkIndexerItem{
		Index:      d.index,
		Action:     "create",
		DocumentID: d.id,
		Body:       d,
		OnSuccess:  ix.onSuccess,
		OnFailure:  ix.onFailure,
	})
}

func (ix *Indexer) itemSuccess(ctx context.Context, item esutil.BulkIndexerItem, res esutil.BulkIndexerResponseItem) {
	d := item.Body.(*doc)
	if res.FailureStore == "used" {
		ix.fail(d, res.Status, "failure_store", "Elasticsearch stored the document in the failure store of "+d.index+" instead of the data stream")
		return
	}
	ix.indexed.Add(1)
	ix.counters.add(ctx, resultIndexed)
	ix.settleOK(d, res.Status, false)
}

func (ix *Indexer) itemFailure(ctx context.Context, item esutil.BulkIndexerItem, res esutil.BulkIndexerResponseItem, err error) {
	d := item.Body.(*doc)
	status, typ, reason := res.Status, res.Error.Type, res.Error.Reason
	if res.Error.Cause.Reason != "" {
		reason += " (caused by " + res.Error.Cause.Type + ": " + res.Error.Cause.Reason + ")"
	}
	retryable := false
	switch {
	case err != nil:
		var re *RequestError
		if errors.As(err, &re) {
			status, typ, reason = re.Status, re.Type, re.Error()
			retryable = re.Retryable()
		} else {
			// No answer (connection refused or reset, timeout, unreadable response): retry.
			typ, reason, retryable = "request_failed", err.Error(), true
		}
	case status == http.StatusConflict:
		ix.duplicate.Add(1)
		ix.counters.add(ctx, resultDuplicate)
		ix.settleOK(d, status, true)
		return
	case status == http.StatusTooManyRequests || status >= 500:
		retryable = true
	}
	d.status, d.errType, d.reason = status, typ, reason
	if retryable && d.attempts <= ix.cfg.MaxRetries {
		ix.scheduleRetry(d)
		return
	}
	if retryable {
		reason = fmt.Sprintf("gave up after %d attempts: %s", d.attempts, reason)
	}
	ix.fail(d, status, typ, reason)
}

func (ix *Indexer) settleOK(d *doc, status int, dup bool) {
	if ix.cfg.OnSuccess != nil {
		ix.cfg.OnSuccess(d.ctx, Result{Index: d.index, ID: d.id, Status: status, Duplicate: dup, Attempts: d.attempts, Document: d.body})
	}
	ix.putDoc(d)
}

// fail settles d as failed: it goes to the dead-letter sink and OnFailure.
func (ix *Indexer) fail(d *doc, status int, typ, reason string) {
	ix.failed.Add(1)
	ctx := d.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	ix.counters.add(ctx, resultFailed)
	res := Result{Index: d.index, ID: d.id, Status: status, ErrorType: typ, Reason: reason, Attempts: d.attempts, Document: d.body}
	if ix.cfg.DeadLetter != nil {
		if err := ix.writeDeadLetter(&res); err == nil {
			ix.deadLettered.Add(1)
			ix.counters.add(ctx, resultDeadLettered)
		} else {
			ix.undelivered.Add(1)
		}
	} else {
		ix.undelivered.Add(1)
	}
	if ix.cfg.OnFailure != nil {
		ix.cfg.OnFailure(ctx, res)
	}
	ix.putDoc(d)
}

// DeadLetter is one line of the dead-letter sink.
type DeadLetter struct {
	// Time is when the document was given up.
	Time time.Time `json:"@timestamp"`
	// Reason says why, ErrorType is Elasticsearch's error type, Status the last HTTP status.
	Reason    string `json:"reason"`
	ErrorType string `json:"error_type,omitempty"`
	Status    int    `json:"status"`
	// Index and ID are where the document was to go.
	Index    string `json:"index"`
	ID       string `json:"id,omitempty"`
	Attempts int    `json:"attempts"`
	// Document is the document as sent.
	Document jsontext.Value `json:"document"`
}

func (ix *Indexer) writeDeadLetter(res *Result) error {
	ix.dlMu.Lock()
	defer ix.dlMu.Unlock()
	if ix.dlErr != nil {
		return ix.dlErr
	}
	docv := jsontext.Value(res.Document)
	if !docv.IsValid() {
		docv = jsontext.Value(appendQuoted(nil, string(res.Document)))
	}
	b, err := json.Marshal(DeadLetter{
		Time: ix.cfg.Now().UTC(), Reason: res.Reason, ErrorType: res.ErrorType, Status: res.Status,
		Index: res.Index, ID: res.ID, Attempts: res.Attempts, Document: docv,
	})
	if err != nil {
		ix.dlErr = fmt.Errorf("ecs: dead letter: %w", err)
		return ix.dlErr
	}
	ix.dlBuf = append(append(ix.dlBuf[:0], b...), '\n')
	if _, err := ix.cfg.DeadLetter.Write(ix.dlBuf); err != nil {
		ix.dlErr = fmt.Errorf("ecs: writing the dead-letter sink: %w", err)
		return ix.dlErr
	}
	return nil
}

func appendQuoted(dst []byte, s string) []byte {
	out, err := jsontext.AppendQuote(dst, s)
	if err != nil {
		return strconv.AppendQuote(dst, s)
	}
	return out
}

// Stats returns the counters so far.
func (ix *Indexer) Stats() Stats {
	return Stats{
		Added: ix.added.Load(), Indexed: ix.indexed.Load(), Duplicate: ix.duplicate.Load(),
		Retried: ix.retried.Load(), Failed: ix.failed.Load(), DeadLettered: ix.deadLettered.Load(),
		Bytes: ix.bytes.Load(),
	}
}

// Flush sends every queued document and waits for the answers (retries still pending are not
// waited for).
func (ix *Indexer) Flush(ctx context.Context) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed.Load() {
		return ErrClosed
	}
	return ix.bi.Flush(ctx)
}

// Close sends every queued document, retries what has to be retried (waiting for the backoff),
// and stops the indexer. Documents that could not be delivered before ctx is done are
// dead-lettered with the reason. Close returns an error when documents failed without being
// written to a dead-letter sink, or the sink failed.
func (ix *Indexer) Close(ctx context.Context) error {
	if ix.closed.Swap(true) {
		return ErrClosed
	}
	close(ix.stop)
	<-ix.stopped
	ix.mu.Lock()
	defer ix.mu.Unlock()

	var ctxErr error
	for {
		if err := ix.bi.Flush(ctx); err != nil {
			ctxErr = err
			break
		}
		batch, wait := ix.takeDue(time.Now())
		if batch == nil && wait < 0 {
			break // nothing left to retry
		}
		if batch == nil {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				ctxErr = ctx.Err()
			}
			if ctxErr != nil {
				break
			}
			continue
		}
		for _, d := range batch {
			ix.retried.Add(1)
			ix.counters.retry(d.ctx)
			if err := ix.send(ctx, d); err != nil {
				ix.fail(d, d.status, d.errType, "not delivered before shutdown: "+err.Error())
			}
		}
	}
	closeErr := ix.bi.Close(context.WithoutCancel(ctx))
	// Whatever still waits for a retry is given up, with its last error.
	for {
		ix.retryMu.Lock()
		if len(ix.retryQ) == 0 {
			ix.retryMu.Unlock()
			break
		}
		d := heap.Pop(&ix.retryQ).(*doc)
		ix.retryMu.Unlock()
		reason := "not delivered before shutdown"
		if ctxErr != nil {
			reason += " (" + ctxErr.Error() + ")"
		}
		ix.fail(d, d.status, d.errType, reason+"; last error: "+d.reason)
	}
	var errs []error
	if ctxErr != nil {
		errs = append(errs, fmt.Errorf("ecs: indexer closed before every document was delivered: %w", ctxErr))
	} else if closeErr != nil {
		errs = append(errs, fmt.Errorf("ecs: closing the bulk indexer: %w", closeErr))
	}
	if n := ix.Stats().Pending(); n > 0 {
		errs = append(errs, fmt.Errorf("ecs: %d documents got no answer from Elasticsearch", n))
	}
	if n := ix.undelivered.Load(); n > 0 {
		errs = append(errs, fmt.Errorf("ecs: %d documents failed and were not written to a dead-letter sink", n))
	}
	ix.dlMu.Lock()
	if ix.dlErr != nil {
		errs = append(errs, ix.dlErr)
	}
	ix.dlMu.Unlock()
	return errors.Join(errs...)
}

// scheduleRetry queues d for another attempt after the backoff.
func (ix *Indexer) scheduleRetry(d *doc) {
	d.due = time.Now().Add(ix.cfg.RetryBackoff(d.attempts))
	ix.retryMu.Lock()
	heap.Push(&ix.retryQ, d)
	ix.retryMu.Unlock()
	select {
	case ix.retryWake <- struct{}{}:
	default:
	}
}

// takeDue removes the documents due at now from the retry queue. When none is due it returns
// the wait until the next one, or -1 when the queue is empty.
func (ix *Indexer) takeDue(now time.Time) ([]*doc, time.Duration) {
	ix.retryMu.Lock()
	defer ix.retryMu.Unlock()
	var out []*doc
	for len(ix.retryQ) > 0 && !ix.retryQ[0].due.After(now) {
		out = append(out, heap.Pop(&ix.retryQ).(*doc))
	}
	if out != nil {
		return out, 0
	}
	if len(ix.retryQ) == 0 {
		return nil, -1
	}
	return nil, ix.retryQ[0].due.Sub(now)
}

// retryLoop re-sends documents when their backoff is over, until Close.
func (ix *Indexer) retryLoop() {
	defer close(ix.stopped)
	t := time.NewTimer(time.Hour)
	defer t.Stop()
	for {
		batch, wait := ix.takeDue(time.Now())
		if batch != nil {
			ix.mu.RLock()
			for i, d := range batch {
				if ix.closed.Load() {
					// Close takes over: put the rest back and stop.
					ix.retryMu.Lock()
					for _, r := range batch[i:] {
						heap.Push(&ix.retryQ, r)
					}
					ix.retryMu.Unlock()
					ix.mu.RUnlock()
					return
				}
				ix.retried.Add(1)
				ix.counters.retry(d.ctx)
				if err := ix.send(context.Background(), d); err != nil {
					ix.fail(d, d.status, d.errType, "not re-queued: "+err.Error())
				}
			}
			ix.mu.RUnlock()
			continue
		}
		if wait < 0 {
			wait = time.Hour
		}
		t.Reset(wait)
		select {
		case <-t.C:
		case <-ix.retryWake:
			if !t.Stop() {
				select {
				case <-t.C:
				default:
				}
			}
		case <-ix.stop:
			return
		}
	}
}

type retryQueue []*doc

func (q retryQueue) Len() int           { return len(q) }
func (q retryQueue) Less(i, j int) bool { return q[i].due.Before(q[j].due) }
func (q retryQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *retryQueue) Push(x any)        { *q = append(*q, x.(*doc)) }
func (q *retryQueue) Pop() any {
	old := *q
	d := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return d
}

// ExponentialBackoff returns a backoff with "full jitter": retry n waits a random duration in
// [0, min(max, base*2^(n-1))], so that clients that failed together do not retry together.
func ExponentialBackoff(base, max time.Duration) func(attempt int) time.Duration {
	return func(attempt int) time.Duration {
		if attempt < 1 {
			attempt = 1
		}
		ceil := float64(base) * math.Pow(2, float64(attempt-1))
		if ceil > float64(max) || math.IsInf(ceil, 0) {
			ceil = float64(max)
		}
		return time.Duration(rand.Int64N(int64(ceil) + 1))
	}
}

// DocumentID returns the deterministic _id of an event's document, so that indexing the same
// input again never duplicates a document (the create is refused with 409). It is the first
// 20 bytes of a SHA-256, base64url-encoded (27 characters), over the format name and the
// record's original bytes (ev.Original), which are the same however often and through whichever
// envelope the record is delivered. An event without its original bytes is identified by all of
// its normalized fields instead (which include the provider's unique ids, the timestamp and the
// record's position).
func DocumentID(ev *genai.Event) string {
	h := sha256.New()
	var scratch [64]byte
	b := append(scratch[:0], ev.Source.Format...)
	b = append(b, 0)
	h.Write(b)
	if len(ev.Original) > 0 {
		h.Write([]byte("original\x00"))
		h.Write(ev.Original)
	} else {
		h.Write([]byte("fields\x00"))
		var fs []genai.FieldValue
		fs = ev.AppendFields(fs)
		var buf []byte
		for _, fv := range fs {
			buf = appendFieldHash(buf[:0], fv)
			h.Write(buf)
		}
		if ev.Err != nil {
			h.Write([]byte(ev.Err.Error()))
		}
	}
	var sum [sha256.Size]byte
	return base64.RawURLEncoding.EncodeToString(h.Sum(sum[:0])[:20])
}

func appendFieldHash(b []byte, fv genai.FieldValue) []byte {
	v := fv.Value
	b = append(b, fv.Field.Name...)
	b = append(b, 0, byte(v.Kind()))
	switch v.Kind() {
	case genai.KindString:
		b = strconv.AppendInt(b, int64(len(v.Str())), 10)
		b = append(b, ':')
		b = append(b, v.Str()...)
	case genai.KindInt:
		b = strconv.AppendInt(b, v.Int(), 10)
	case genai.KindFloat:
		b = strconv.AppendFloat(b, v.Float(), 'g', -1, 64)
	case genai.KindBool:
		b = strconv.AppendBool(b, v.Bool())
	case genai.KindStrings:
		for _, s := range v.Strings() {
			b = strconv.AppendInt(b, int64(len(s)), 10)
			b = append(b, ':')
			b = append(b, s...)
		}
	case genai.KindTime:
		b = strconv.AppendInt(b, v.Time().UnixNano(), 10)
	case genai.KindJSON:
		b = strconv.AppendInt(b, int64(len(v.JSON())), 10)
		b = append(b, ':')
		b = append(b, v.JSON()...)
	}
	return append(b, 0)
}

// RequestError is a bulk (or other) request that Elasticsearch answered with an error status
// as a whole.
type RequestError struct {
	// Status is the HTTP status.
	Status int
	// Type and Reason are Elasticsearch's error type and reason, when the body had them.
	Type   string
	Reason string
}

func (e *RequestError) Error() string {
	s := "HTTP " + strconv.Itoa(e.Status)
	if t := http.StatusText(e.Status); t != "" {
		s += " " + t
	}
	switch {
	case e.Status == http.StatusUnauthorized:
		return s + ": Elasticsearch rejected the credentials (check the API key or user name and password)"
	case e.Status == http.StatusForbidden:
		return s + ": the credentials lack a privilege for this request (" + e.Type + ")"
	case e.Type != "":
		return s + ": " + e.Type + ": " + e.Reason
	}
	return s
}

// Retryable reports whether the request may succeed when sent again (429 and 5xx).
func (e *RequestError) Retryable() bool {
	return e.Status == http.StatusTooManyRequests || e.Status >= 500
}

// readRequestError turns an error response into a *RequestError, consuming and closing its body.
// Authentication errors keep only the error type: their reason can name the user.
func readRequestError(res *http.Response) *RequestError {
	e := &RequestError{Status: res.StatusCode}
	if res.Body != nil {
		body, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 1<<20))
		_ = res.Body.Close()
		var er struct {
			Error struct {
				Type   string `json:"type"`
				Reason string `json:"reason"`
			} `json:"error"`
		}
		if json.Unmarshal(body, &er) == nil {
			e.Type, e.Reason = er.Error.Type, er.Error.Reason
		} else if len(body) > 0 {
			e.Reason = string(bytes.TrimSpace(body[:min(len(body), 512)]))
		}
	}
	if e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden {
		e.Reason = ""
	}
	return e
}

// statusTransport turns error statuses of whole requests into a *RequestError, so that the
// bulk indexer's item callbacks learn the status (esutil only passes on a formatted string).
type statusTransport struct{ next esapi.Transport }

func (t statusTransport) Perform(req *http.Request) (*http.Response, error) {
	res, err := t.next.Perform(req)
	if err != nil {
		return nil, err
	}
	if res.StatusCode >= 300 {
		return nil, readRequestError(res)
	}
	return res, nil
}

type resultKind int

const (
	resultIndexed resultKind = iota
	resultDuplicate
	resultFailed
	resultDeadLettered
	numResults
)

// counters are the OpenTelemetry instruments; the zero counters record nothing.
type counters struct {
	docs    metric.Int64Counter
	retries metric.Int64Counter
	opts    [numResults]metric.AddOption
}

func newCounters(mp metric.MeterProvider) (*counters, error) {
	if mp == nil {
		return &counters{}, nil
	}
	m := mp.Meter("github.com/genainorm/genainorm/ecs")
	c := &counters{}
	var err error
	c.docs, err = m.Int64Counter("genainorm.index.documents",
		metric.WithDescription("Documents settled by the Elasticsearch indexer, by result (indexed, duplicate, failed, dead_lettered)."),
		metric.WithUnit("{document}"))
	if err != nil {
		return nil, fmt.Errorf("ecs: metric: %w", err)
	}
	c.retries, err = m.Int64Counter("genainorm.index.retries",
		metric.WithDescription("Documents sent again after a 429, a 5xx or a failed bulk request."),
		metric.WithUnit("{retry}"))
	if err != nil {
		return nil, fmt.Errorf("ecs: metric: %w", err)
	}
	for k, name := range [numResults]string{"indexed", "duplicate", "failed", "dead_lettered"} {
		c.opts[k] = metric.WithAttributeSet(attribute.NewSet(attribute.String("result", name)))
	}
	return c, nil
}

func (c *counters) add(ctx context.Context, k resultKind) {
	if c.docs != nil {
		c.docs.Add(ctx, 1, c.opts[k])
	}
}

func (c *counters) retry(ctx context.Context) {
	if c.retries != nil {
		if ctx == nil {
			ctx = context.Background()
		}
		c.retries.Add(ctx, 1)
	}
}
