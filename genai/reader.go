package genai

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
)

// ReaderOptions configure a Reader.
type ReaderOptions struct {
	// Name names the input in positions (a file name, "-" for standard input).
	Name string
	// Format is a format name to decode every record with; "" or "auto" detects the format of
	// each record, so one stream may mix formats.
	Format string
	// MaxRecordSize caps one record (one line, or one JSON value) in bytes; a longer record
	// becomes an error document. Zero means 256 MiB.
	MaxRecordSize int
	// OnSkip, when set, is called for each record that is skipped as not being an event.
	OnSkip func(pos Position, reason string)
}

// Stats counts what a Reader has read.
type Stats struct {
	// Bytes is the number of input bytes consumed (compressed bytes for gzip input).
	Bytes int64
	// Records is the number of logical records read (after envelopes were opened).
	Records int64
	// Events is the number of events returned, error events included.
	Events int64
	// Errors is the number of error events (records that could not be normalized).
	Errors int64
	// Skipped is the number of records skipped as not being events.
	Skipped int64
	// Held is the number of records merged into another record's event.
	Held int64
	// Warnings counts warnings by code.
	Warnings map[string]int64
	// Formats counts events by format name.
	Formats map[string]int64
}

// Reader reads records from a byte stream and decodes them into events. It reads plain or
// gzip input (told by content), as NDJSON (one record per line) or as a sequence of JSON
// documents (pretty-printed files, CloudTrail log files); it opens delivery envelopes and
// detects each record's format. Memory use does not grow with the input's size.
type Reader struct {
	reg      *Registry
	opts     ReaderOptions
	counter  *countingReader
	br       *bufio.Reader
	mode     int
	dec      *jsontext.Decoder
	line     int64
	offset   int64
	buf      []byte
	pending  []Record
	cur      Record // the record being decoded (a field, so that it is not allocated per record)
	decoders map[*Format]Decoder
	order    []Decoder
	last     *Format // the format of the previous record, tried first
	lastDec  Decoder // and its Decoder
	forced   *Format
	flushed  []*Event
	atEOF    bool
	stats    Stats
	fmtName  string // the format of the latest events counted,
	fmtCount int64  // and how many of them are not in stats.Formats yet
	err      error
}

const (
	modeUnknown = iota
	modeLines
	modeDocuments
)

const defaultMaxRecord = 256 << 20

// NewReader returns a Reader of r that decodes with the formats and envelopes in reg.
// It returns an error when opts name an unknown format.
func NewReader(r io.Reader, reg *Registry, opts ReaderOptions) (*Reader, error) {
	if opts.MaxRecordSize <= 0 {
		opts.MaxRecordSize = defaultMaxRecord
	}
	if opts.Name == "" {
		opts.Name = "-"
	}
	rd := &Reader{reg: reg, opts: opts, decoders: make(map[*Format]Decoder)}
	rd.stats.Warnings = make(map[string]int64)
	rd.stats.Formats = make(map[string]int64)
	if opts.Format != "" && opts.Format != "auto" {
		rd.forced = reg.Lookup(opts.Format)
		if rd.forced == nil {
			return nil, fmt.Errorf("genai: unknown format %q", opts.Format)
		}
	}
	rd.counter = &countingReader{r: r}
	rd.br = bufio.NewReaderSize(rd.counter, 64<<10)
	return rd, nil
}

// Stats returns the counts so far.
func (r *Reader) Stats() Stats {
	r.flushFormatCount()
	s := r.stats
	s.Bytes = r.counter.n
	return s
}

// flushFormatCount adds the events counted in r.fmtCount to stats.Formats.
func (r *Reader) flushFormatCount() {
	if r.fmtCount > 0 {
		r.stats.Formats[r.fmtName] += r.fmtCount
		r.fmtCount = 0
	}
}

// Next fills ev (after resetting it) with the next event. It returns nil when ev holds an event,
// including an error event (ev.Err set) for a record that could not be normalized, so that
// every record yields one document; io.EOF at the end of the input; and any other error when
// the input itself cannot be read (the Reader is then done).
//
// Passing the same ev to every call allocates least: its slices are reused, and the bodies
// and raw JSON it holds point into its own copy of the record, so they are valid until ev is
// passed to Next again. Render or copy an event before asking for the next one into the same
// ev. An event shares no memory with the Reader or its decoders: events filled into different
// Event values stay valid together, so that one goroutine may render a batch of events while
// another decodes the next batch into other Events.
func (r *Reader) Next(ev *Event) error {
	for {
		if r.err != nil {
			return r.err
		}
		if len(r.pending) > 0 {
			r.cur = r.pending[0]
			rec := &r.cur
			if len(r.pending) == 1 {
				// The queue is empty again: reuse its array from the start (slicing the
				// front off would make the next append allocate a new one).
				r.pending = r.pending[:0]
			} else {
				r.pending = r.pending[1:]
			}
			if r.decodeRecord(rec, ev) {
				return nil
			}
			continue
		}
		if r.atEOF {
			if len(r.flushed) > 0 {
				held := r.flushed[0]
				r.flushed = r.flushed[1:]
				ev.Reset()
				*ev = *held
				r.count(ev)
				return nil
			}
			r.err = io.EOF
			continue
		}
		if err := r.readTop(ev); err != nil {
			if err == errEventReady {
				return nil
			}
			if err == io.EOF {
				r.atEOF = true
				r.flush()
				continue
			}
			r.err = err
		}
	}
}

var errEventReady = errors.New("event ready")

// readTop reads the next top-level value into r.pending. A value that cannot be read as JSON
// becomes an error event in ev and errEventReady is returned.
func (r *Reader) readTop(ev *Event) error {
	if r.mode == modeUnknown {
		if err := r.sniff(); err != nil {
			return err
		}
	}
	if r.mode == modeDocuments {
		return r.readDocument(ev)
	}
	return r.readLine(ev)
}

// sniff decides between NDJSON and JSON documents and unwraps gzip.
func (r *Reader) sniff() error {
	head, err := r.br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, zerr := gzip.NewReader(r.br)
		if zerr != nil {
			return fmt.Errorf("%s: gzip: %w", r.opts.Name, zerr)
		}
		r.br = bufio.NewReaderSize(zr, 64<<10)
	} else if err != nil && err != io.EOF {
		return fmt.Errorf("%s: %w", r.opts.Name, err)
	}
	// The input is NDJSON unless its first line is the start of a JSON value that goes on over
	// later lines (a pretty-printed document). A first line that is simply broken does not make
	// it a document: every other line must still be read.
	r.mode = modeLines
	peek := r.firstLine()
	trimmed := bytes.TrimLeft(peek, " \t\r\n\ufeff")
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
		return nil
	}
	first := trimmed
	if i := bytes.IndexByte(trimmed, '\n'); i >= 0 {
		first = trimmed[:i]
	}
	if jsontext.Value(bytes.TrimSpace(first)).IsValid() {
		return nil
	}
	dec := jsontext.NewDecoder(bytes.NewReader(trimmed), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	if _, err := dec.ReadValue(); err == nil || errors.Is(err, io.ErrUnexpectedEOF) {
		r.mode = modeDocuments
	}
	if r.mode == modeDocuments {
		r.dec = jsontext.NewDecoder(r.br, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	}
	return nil
}

// firstLine returns the buffered input once it holds the first non-blank line (or the buffer
// is full, or the input ended), without waiting for more: on a live pipe the first record is
// decoded as soon as its line is complete.
func (r *Reader) firstLine() []byte {
	for {
		n := r.br.Buffered()
		peek, err := r.br.Peek(n)
		trimmed := bytes.TrimLeft(peek, " \t\r\n\ufeff")
		if len(trimmed) > 0 && bytes.IndexByte(trimmed, '\n') >= 0 || err != nil || n >= r.br.Size() {
			return peek
		}
		if _, err := r.br.Peek(n + 1); err != nil { // wait for more input
			peek, _ = r.br.Peek(r.br.Buffered())
			return peek
		}
	}
}

func (r *Reader) readLine(ev *Event) error {
	start := r.offset
	tooLong := false
	// A line that fits in the read buffer is used where it lies, valid until the next read
	// (which comes after its record and everything split from it are decoded); a longer one
	// is gathered in r.buf.
	chunk, err := r.br.ReadSlice('\n')
	r.offset += int64(len(chunk))
	data := chunk
	switch {
	case err == nil || err == io.EOF && len(chunk) > 0:
		if len(chunk) > r.opts.MaxRecordSize {
			tooLong = true
			r.buf = append(r.buf[:0], chunk[:min(len(chunk), 4096)]...)
			data = r.buf
		}
	case err == io.EOF:
		return io.EOF
	case err != bufio.ErrBufferFull:
		return fmt.Errorf("%s: line %d: %w", r.opts.Name, r.line+1, err)
	default:
		r.buf = r.buf[:0]
		for {
			if !tooLong {
				if len(r.buf)+len(chunk) > r.opts.MaxRecordSize {
					tooLong = true
					r.buf = append(r.buf, chunk[:min(len(chunk), 4096)]...)
				} else {
					r.buf = append(r.buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
			chunk, err = r.br.ReadSlice('\n')
			r.offset += int64(len(chunk))
			if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
				return fmt.Errorf("%s: line %d: %w", r.opts.Name, r.line+1, err)
			}
		}
		data = r.buf
	}
	r.line++
	pos := Position{Name: r.opts.Name, Line: r.line, Offset: start}
	line := bytes.TrimSpace(data)
	if len(line) >= 3 && line[0] == 0xef {
		line = bytes.TrimPrefix(line, []byte("\ufeff"))
	}
	if len(line) == 0 {
		return nil
	}
	if tooLong {
		r.errorEvent(ev, Record{Data: line, Pos: pos}, "", fmt.Errorf("record exceeds %d bytes", r.opts.MaxRecordSize))
		return errEventReady
	}
	if line[0] != '{' && line[0] != '[' {
		// A prefix before the JSON value (a timestamp from a log export): keep the value.
		if i := bytes.IndexAny(line, "{["); i > 0 && jsontext.Value(line[i:]).IsValid() {
			line = line[i:]
		}
	}
	r.queueTop(line, pos)
	return nil
}

func (r *Reader) readDocument(ev *Event) error {
	start := r.dec.InputOffset()
	v, err := r.dec.ReadValue()
	if err == io.EOF {
		return io.EOF
	}
	pos := Position{Name: r.opts.Name, Offset: start}
	if err != nil {
		// The rest of the input cannot be resynchronised: one error document for it.
		rest, _ := io.ReadAll(io.LimitReader(r.br, 4096))
		r.errorEvent(ev, Record{Data: rest, Pos: pos}, "", fmt.Errorf("invalid JSON: %w", err))
		r.atEOF = true
		r.flush()
		return errEventReady
	}
	// Compact the value so envelope and format detectors see the same bytes as for NDJSON.
	r.buf = append(r.buf[:0], v...)
	if err := (*jsontext.Value)(&r.buf).Compact(); err != nil {
		r.buf = append(r.buf[:0], v...)
	}
	r.queueTop(r.buf, pos)
	return nil
}

// queueTop queues a top-level value; a top-level array is a list of records.
func (r *Reader) queueTop(data []byte, pos Position) {
	if len(data) > 0 && data[0] == '[' {
		if elems, err := splitArray(data); err == nil {
			for i, e := range elems {
				p := pos
				p.Path = "[" + strconv.Itoa(i) + "]"
				r.pending = append(r.pending, Record{Data: e, Pos: p})
			}
			return
		}
	}
	r.pending = append(r.pending, Record{Data: data, Pos: pos})
}

// splitArray returns the elements of a JSON array.
func splitArray(data []byte) ([]jsontext.Value, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	var out []jsontext.Value
	for dec.PeekKind() != ']' {
		v, err := dec.ReadValue()
		if err != nil {
			return nil, err
		}
		out = append(out, v.Clone())
	}
	return out, nil
}

const maxEnvelopeDepth = 4

// decodeRecord opens an envelope or decodes a record; it reports whether ev holds an event.
func (r *Reader) decodeRecord(rec *Record, ev *Event) bool {
	f := r.forced
	if f == nil && rec.depth < maxEnvelopeDepth {
		if env := r.reg.DetectEnvelope(rec.Data); env != nil {
			children, err := env.Split(rec.Data)
			if err != nil {
				r.stats.Records++
				r.errorEvent(ev, *rec, env.Name, fmt.Errorf("envelope %s: %w", env.Name, err))
				return true
			}
			for i := range children {
				c := &children[i]
				p := rec.Pos
				if rec.Pos.Path != "" && c.Pos.Path != "" {
					p.Path = rec.Pos.Path + "." + c.Pos.Path
				} else if c.Pos.Path != "" {
					p.Path = c.Pos.Path
				}
				c.Pos = p
				c.depth = rec.depth + 1
				if c.Envelope == "" {
					c.Envelope = env.Name
				}
				if c.Time == 0 {
					c.Time = rec.Time
				}
			}
			r.pending = append(children, r.pending...)
			return false
		}
	}
	r.stats.Records++
	// Records of one stream are nearly always of one format: try the previous record's format
	// before asking every format in turn.
	if f == nil && r.last != nil && r.last.Detect(rec.Data) {
		f = r.last
	}
	if f == nil {
		f = r.reg.Detect(rec.Data)
	}
	if f == nil {
		r.errorEvent(ev, *rec, "", ErrUnknownFormat)
		return true
	}
	d := r.lastDec
	if f != r.last || d == nil {
		d = r.decoder(f)
		r.last, r.lastDec = f, d
	}
	ev.Reset()
	err := safeDecode(d, rec, ev)
	if err == nil {
		if ev.Source.Format == "" {
			ev.Source.Format = f.Name
		}
		if ev.Source.Position == (Position{}) {
			ev.Source.Position = rec.Pos
		}
		if ev.Source.Envelope == "" {
			ev.Source.Envelope = rec.Envelope
		}
		if ev.Time.IsZero() && rec.Time != 0 {
			ev.Time = unixMilli(rec.Time)
		}
		r.count(ev)
		return true
	}
	return r.decodeFailed(rec, ev, f, err)
}

// decoder returns the stream's Decoder of f, made on first use.
func (r *Reader) decoder(f *Format) Decoder {
	d := r.decoders[f]
	if d == nil {
		d = f.NewDecoder()
		r.decoders[f] = d
		r.order = append(r.order, d)
	}
	return d
}

// decodeFailed handles a Decode error: a held or skipped record, or an error event in ev (it
// reports whether ev holds an event).
func (r *Reader) decodeFailed(rec *Record, ev *Event, f *Format, err error) bool {
	var skip *SkipError
	switch {
	case errors.Is(err, ErrHeld):
		r.stats.Held++
		return false
	case errors.As(err, &skip):
		r.stats.Skipped++
		if r.opts.OnSkip != nil {
			r.opts.OnSkip(rec.Pos, skip.Reason)
		}
		return false
	default:
		r.errorEvent(ev, *rec, f.Name, err)
		if f.Dataset != "" {
			ev.Source.Dataset = f.Dataset
		}
		return true
	}
}

func safeDecode(d Decoder, rec *Record, ev *Event) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("decoder failed on this record (please report): %v", p)
		}
	}()
	return d.Decode(rec, ev)
}

func (r *Reader) errorEvent(ev *Event, rec Record, format string, err error) {
	ev.Reset()
	ev.Err = &RecordError{Pos: rec.Pos, Format: format, Err: err}
	ev.Original = append(ev.Original[:0], rec.Data...)
	ev.Source.Position = rec.Pos
	ev.Source.Envelope = rec.Envelope
	ev.Source.Format = format
	ev.Source.Dataset = DatasetErrors
	r.count(ev)
}

func (r *Reader) count(ev *Event) {
	r.stats.Events++
	if ev.Err != nil {
		r.stats.Errors++
	} else {
		// Runs of events of one format are counted before they go into the map.
		if r.fmtCount > 0 && ev.Source.Format == r.fmtName {
			r.fmtCount++
		} else {
			r.flushFormatCount()
			r.fmtName, r.fmtCount = ev.Source.Format, 1
		}
	}
	for _, w := range ev.Warnings {
		r.stats.Warnings[w.Code]++
	}
}

func (r *Reader) flush() {
	for _, d := range r.order {
		if f, ok := d.(Flusher); ok {
			f.Flush(func(ev *Event) { r.flushed = append(r.flushed, ev) })
		}
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
