package genai

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// Position locates a record in its input.
type Position struct {
	// Name is the input's name (a file name, "-" for standard input).
	Name string
	// Line is the 1-based line where the record's top-level value starts.
	Line int64
	// Offset is the byte offset of that value in the (decompressed) input.
	Offset int64
	// Path locates the record inside its envelope ("logEvents[2]", "Records[7]"); empty for a
	// record that is a top-level value.
	Path string
}

// String formats the position as name:line[:path], or name@offset[:path] for a record of a
// JSON document (where lines are not counted).
func (p Position) String() string {
	s := fmt.Sprintf("%s:%d", p.Name, p.Line)
	if p.Line == 0 {
		s = fmt.Sprintf("%s@%d", p.Name, p.Offset)
	}
	if p.Path != "" {
		s += ":" + p.Path
	}
	return s
}

// Record is one logical provider record: the bytes of one JSON value and where they came from.
type Record struct {
	// Data is the record's JSON text. It is only valid during the Decode call.
	Data []byte
	// Pos locates the record.
	Pos Position
	// Envelope names the delivery envelope the record came in ("" for a plain record).
	Envelope string
	// Time is a timestamp the envelope gave the record (a CloudWatch log event's timestamp),
	// used when the record has none of its own, in Unix milliseconds.
	Time int64

	depth int // envelope nesting depth
}

// Decoder turns provider records into events: records in, events out. A Decoder may keep state
// across records (to reassemble a request split over several records); a new Decoder is made
// for each input stream by its Format.
type Decoder interface {
	// Decode normalizes rec into ev, which the caller has Reset. It returns nil when ev holds
	// a complete event, ErrHeld when the record was kept to be merged with later records (no
	// event yet), ErrSkip when the record is not an event at all (a notice, not an error), or
	// another error when the record cannot be normalized; ev is then turned into an error
	// document by the caller. Decode must never panic on any input. rec and its Data are
	// the caller's, valid only during the call: a Decoder that keeps a record copies it.
	// What Decode puts on ev must not share memory the Decoder rewrites for later records
	// (its scratch buffers): it uses ev's own memory (such as Original and its spare
	// capacity, which ev keeps across Resets) or new memory, so that events filled into
	// different Event values stay valid together (see Reader.Next).
	Decode(rec *Record, ev *Event) error
}

// Flusher is implemented by Decoders that hold records back: at the end of the input Flush
// passes every event still held to emit.
type Flusher interface {
	Flush(emit func(*Event))
}

// ErrHeld is returned by Decode when a record was kept to be merged with later ones.
var ErrHeld = errors.New("genai: record held for reassembly")

// SkipError is returned (wrapped or as is) by Decode for a record that is not an event, such as
// an S3 permission-check object or a body sidecar object. It is reported as a notice.
type SkipError struct {
	// Reason says what the record was.
	Reason string
}

func (e *SkipError) Error() string { return "skipped: " + e.Reason }

// Skip returns a *SkipError with the given reason.
func Skip(reason string) error { return &SkipError{Reason: reason} }

// RecordError is an error about one record, with its position.
type RecordError struct {
	Pos    Position
	Format string
	Err    error
}

func (e *RecordError) Error() string {
	if e.Format != "" {
		return fmt.Sprintf("%s: %s: %v", e.Pos, e.Format, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Pos, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Format is one input format: a name, a cheap detector, and a way to make a Decoder.
type Format struct {
	// Name is the format's name as used on the command line ("bedrock.invocation").
	Name string
	// Description says what the format is, for --help and docs.
	Description string
	// Dataset is the dataset of the format's events, used for the error documents of records
	// the format recognised but could not decode.
	Dataset string
	// Detect reports whether a record looks like this format. It sees the record's JSON text
	// and must be cheap: look for distinctive keys, do not parse the whole record.
	Detect func(data []byte) bool
	// NewDecoder returns a Decoder for one input stream.
	NewDecoder func() Decoder
}

// Envelope is a delivery wrapper that carries several records (a CloudWatch Logs subscription
// payload, a CloudTrail log file, an Azure Event Hub message).
type Envelope struct {
	// Name names the envelope ("cloudwatch.logs", "cloudtrail.records", "azure.records").
	Name string
	// Detect reports whether a top-level JSON value is this envelope. It must be cheap.
	Detect func(data []byte) bool
	// FirstNames, when not nil, lists every member name (unquoted) an envelope of this kind
	// can start with. The Registry then does not call Detect for a value that is an object
	// whose first member name, written without escapes, is none of them: every record is read
	// up to its first member name once for all envelopes, and most are turned down by it.
	// Detect is still called for a value whose first member name cannot be read that way
	// (not an object, an escape in the name), so it must not rely on the list. The Registry
	// keeps the list as it was when the envelope was registered.
	FirstNames []string
	// Split returns the records inside the envelope, in order, with Data, Pos.Path, Envelope
	// and Time set (the caller fills the rest of the position). A record may itself be an
	// envelope. Record data may point into data. Split returns an error when the envelope is
	// malformed.
	Split func(data []byte) ([]Record, error)
}

// Registry holds the known formats and envelopes. The zero Registry is empty and ready to use;
// it is safe for concurrent use.
//
// Registration copies the lists and publishes the copy, so that detection, which runs for every
// record, reads them without a lock.
type Registry struct {
	mu        sync.Mutex // serialises registration
	formats   atomic.Pointer[[]*Format]
	envelopes atomic.Pointer[[]envelopeEntry]
}

// envelopeEntry is a registered envelope with its FirstNames as they were at registration.
type envelopeEntry struct {
	env   *Envelope
	names []string // nil: any first member name
	lens  uint64   // bit min(len(name), 63) is set for each of names
}

// Register adds formats. A later format with the same name replaces the earlier one.
func (r *Registry) Register(fs ...*Format) {
	r.mu.Lock()
	defer r.mu.Unlock()
	formats := slices.Clone(r.loadFormats())
	for _, f := range fs {
		replaced := false
		for i, g := range formats {
			if g.Name == f.Name {
				formats[i], replaced = f, true
			}
		}
		if !replaced {
			formats = append(formats, f)
		}
	}
	r.formats.Store(&formats)
}

// RegisterEnvelope adds envelopes.
func (r *Registry) RegisterEnvelope(es ...*Envelope) {
	r.mu.Lock()
	defer r.mu.Unlock()
	envelopes := slices.Clone(r.loadEnvelopes())
	for _, e := range es {
		en := envelopeEntry{env: e, names: slices.Clone(e.FirstNames)}
		if e.FirstNames != nil && en.names == nil {
			en.names = []string{}
		}
		for _, n := range en.names {
			en.lens |= 1 << min(len(n), 63)
		}
		envelopes = append(envelopes, en)
	}
	r.envelopes.Store(&envelopes)
}

// loadFormats returns the registered formats (not to be modified).
func (r *Registry) loadFormats() []*Format {
	if p := r.formats.Load(); p != nil {
		return *p
	}
	return nil
}

// loadEnvelopes returns the registered envelopes (not to be modified).
func (r *Registry) loadEnvelopes() []envelopeEntry {
	if p := r.envelopes.Load(); p != nil {
		return *p
	}
	return nil
}

// Formats returns the registered formats in registration order.
func (r *Registry) Formats() []*Format {
	return append([]*Format(nil), r.loadFormats()...)
}

// Lookup returns the format with the given name, or nil.
func (r *Registry) Lookup(name string) *Format {
	for _, f := range r.loadFormats() {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Detect returns the first registered format whose detector accepts data, or nil.
func (r *Registry) Detect(data []byte) *Format {
	for _, f := range r.loadFormats() {
		if f.Detect(data) {
			return f
		}
	}
	return nil
}

// DetectEnvelope returns the first registered envelope whose detector accepts data, or nil.
func (r *Registry) DetectEnvelope(data []byte) *Envelope {
	name, plain := firstMemberName(data)
	lenBit := uint64(1) << min(len(name), 63)
	envelopes := r.loadEnvelopes()
	for i := range envelopes {
		en := &envelopes[i]
		if plain && en.names != nil && (en.lens&lenBit == 0 || !hasName(en.names, name)) {
			continue
		}
		if en.env.Detect(data) {
			return en.env
		}
	}
	return nil
}

// hasName reports whether names holds name.
func hasName(names []string, name []byte) bool {
	for _, n := range names {
		if len(n) == len(name) && n == string(name) {
			return true
		}
	}
	return false
}

// firstMemberName returns the name of the first member of the object data holds, skipping
// white space before and after '{', without its quotes; plain is false when data does not
// start with an object with a complete first member name free of escapes.
func firstMemberName(data []byte) (name []byte, plain bool) {
	i := jsonscan.SkipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, false
	}
	i = jsonscan.SkipSpace(data, i+1)
	if i >= len(data) || data[i] != '"' {
		return nil, false
	}
	// Names are short: a byte loop beats two IndexByte calls.
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '"':
			return data[i+1 : j], true
		case '\\':
			return nil, false
		}
	}
	return nil, false
}

// ErrUnknownFormat is the error (wrapped in a *RecordError) for a record no format recognises.
var ErrUnknownFormat = errors.New("no known format matches the record")
