package bedrock

import (
	"bytes"
	"fmt"
	"math"
	"time"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/bedrock/model"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// InvocationFormatName is the name of the model invocation log format.
const InvocationFormatName = "bedrock.invocation"

// The Bedrock runtime operations an invocation log record names.
const (
	OpInvokeModel       = "InvokeModel"
	OpInvokeModelStream = "InvokeModelWithResponseStream"
	OpConverse          = "Converse"
	OpConverseStream    = "ConverseStream"
)

// Defaults of InvocationOptions.
const (
	// DefaultMaxBodyBytes caps each body kept on an event (1 MiB).
	DefaultMaxBodyBytes = 1 << 20
	// DefaultMinInlineDataBytes is the length from which a base64 string inside a body is
	// replaced by its length and hash.
	DefaultMinInlineDataBytes = 1024
)

// Warning codes of this package (in addition to genai's).
const (
	// WarnBareStream marks an event made from a bare array of stream chunks, which carries
	// no log metadata (no timestamp, account, identity or request id).
	WarnBareStream = "bare_stream_record"
)

// InvocationOptions configure the model invocation log format. The zero value gives the
// defaults.
type InvocationOptions struct {
	// MaxBodyBytes caps each body kept on the event (gen_ai.prompt, gen_ai.completion) and
	// each text derived from it, in bytes. A longer body is cut at a UTF-8 boundary, its raw
	// flattened copy is left out, and the cut is recorded on the event (genainorm.truncated,
	// with the original length and SHA-256). Zero means DefaultMaxBodyBytes; negative means
	// no cap.
	MaxBodyBytes int
	// MinInlineDataBytes is the length from which a base64 string inside a body (an image,
	// a document, an audio clip) is replaced by a placeholder holding its length and SHA-256,
	// so that documents stay indexable. Zero means DefaultMinInlineDataBytes; negative keeps
	// base64 data.
	MinInlineDataBytes int
	// KeepRawBodies also writes the bodies as flattened objects
	// (aws_bedrock.invocation.input.input_body_json / output.output_body_json). They duplicate
	// gen_ai.prompt / gen_ai.completion, so they are left out by default, as Elastic's
	// integration removes them unless told to preserve duplicate fields.
	KeepRawBodies bool
}

func (o InvocationOptions) withDefaults() InvocationOptions {
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MinInlineDataBytes == 0 {
		o.MinInlineDataBytes = DefaultMinInlineDataBytes
	}
	return o
}

// NewInvocationFormat returns the model invocation log format with the given options. The
// package registers one with the default options; register another with the same name to
// change them:
//
//	reg.Register(bedrock.NewInvocationFormat(bedrock.InvocationOptions{MaxBodyBytes: 64 << 10}))
func NewInvocationFormat(opts InvocationOptions) *genai.Format {
	opts = opts.withDefaults()
	return &genai.Format{
		Name:        InvocationFormatName,
		Description: "AWS Bedrock model invocation logs (schema ModelInvocationLog 1.0): InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream, from CloudWatch Logs or S3",
		Dataset:     genai.DatasetBedrockInvocation,
		Detect:      detectInvocation,
		NewDecoder:  func() genai.Decoder { return newInvocationDecoder(opts) },
	}
}

func init() { formats = append(formats, NewInvocationFormat(InvocationOptions{})) }

var (
	ivKeySchemaType  = []byte(`"ModelInvocationLog"`)
	ivKeyModelID     = []byte(`"modelId"`)
	ivKeyOperation   = []byte(`"operation"`)
	ivKeyRequestID   = []byte(`"requestId"`)
	ivKeyEventSource = []byte(`"eventSource"`)
	ivKeyMetrics     = []byte(`"amazon-bedrock-invocationMetrics"`)
)

// detectInvocation accepts invocation log records (by their schemaType, or by the
// modelId/operation/requestId trio for records that lost it), bare stream chunk arrays and the
// chunk objects such an array is split into.
func detectInvocation(data []byte) bool {
	if hasSchemaType(data) {
		return true
	}
	// Each search is over the whole record when it fails: do each one once.
	hasModelID := bytes.Contains(data, ivKeyModelID)
	if hasModelID && bytes.Contains(data, ivKeyOperation) && bytes.Contains(data, ivKeyRequestID) && !bytes.Contains(data, ivKeyEventSource) {
		return true
	}
	return isDone(data) || !hasModelID && isStreamChunkWithoutModelID(data)
}

// ivHeadLen is how far into a record ivHasSchemaTypeNearStart looks.
const ivHeadLen = 256

// ivHasSchemaTypeNearStart reports whether the record names its schemaType near its start, as
// records written by Bedrock do (it is their first member): such a record is a log record,
// neither a stream chunk nor a terminator.
func ivHasSchemaTypeNearStart(data []byte) bool {
	return hasSchemaType(data[:min(len(data), ivHeadLen)])
}

// ivSchemaTypeFirst is how records written by Bedrock start.
var ivSchemaTypeFirst = []byte(`{"schemaType":"ModelInvocationLog"`)

// hasSchemaType reports whether data contains ivKeySchemaType. It searches for the name
// without its opening quote, which starts with a rare letter, and checks the quote after:
// a search that starts on a quote stops at every string of the record.
func hasSchemaType(data []byte) bool {
	if bytes.HasPrefix(data, ivSchemaTypeFirst) {
		return true // how Bedrock writes a record: one comparison instead of a search
	}
	name := ivKeySchemaType[1:]
	for i := 1; i < len(data); {
		k := bytes.Index(data[i:], name)
		if k < 0 {
			return false
		}
		if data[i+k-1] == '"' {
			return true
		}
		i += k + 1
	}
	return false
}

// invocationDecoder decodes the records of one input stream.
type invocationDecoder struct {
	opts    InvocationOptions
	rec     jsonscan.Decoder // the record
	recData []byte           // and its bytes
	body    ivCursor         // a clean body
	sub     ivCursor         // a part of a clean body
	bare    jsonscan.Decoder // a bare chunk array
	strBuf  []byte           // scratch for the record's strings
	scratch []byte           // scratch for unquoted body strings (see readText)
	content msgWriter        // scratch for a Converse message's parts
	text    []byte           // scratch for a Converse request's text
	msgBuf  []byte           // scratch for a Converse request's messages,
	sysBuf  []byte           // system instructions
	toolBuf []byte           // and tool definitions
	// The spare capacity of the event's Original that evBytes hands out, what it handed
	// out for the current record, and how much the next record's Original is given.
	tail     []byte
	tailUsed int
	tailWant int
	held     heldStream
	strs     ivStrings       // where the records' strings are kept
	kinds    []string        // scratch for a record's content kinds (see setVendor)
	chunks   [][]byte        // scratch for stream chunks
	long     []jsonscan.Span // scratch for the spans of a record's long body strings
	done     []*genai.Event  // finished bare streams waiting for Flush
}

func newInvocationDecoder(opts InvocationOptions) *invocationDecoder {
	return &invocationDecoder{opts: opts}
}

// invocationRecord is a ModelInvocationLog record; bodies stay raw (they alias the record).
type invocationRecord struct {
	schemaType, schemaVersion   string
	timestamp                   string
	accountID, identityARN      string
	region, inferenceRegion     string
	requestID, operation        string
	modelID                     string
	errorCode, errorMessage     string
	status                      string
	requestMetadata             jsontext.Value
	latencyProfile              string
	inputContentType            string
	inputBody                   jsontext.Value
	inputStats, outputStats     jsonscan.ValueStats // what the validating read saw in the bodies
	inputLong, outputLong       []jsonscan.Span     // and their strings of MinInlineDataBytes or more
	outputChunks                [][]byte            // a chunk array's object elements (aliasing d.chunks)
	outputNonObjects            int                 // and the number of its other elements
	inputS3Path                 string
	inputTokens                 genai.Opt[int64]
	cacheReadTokens             genai.Opt[int64]
	cacheWriteTokens            genai.Opt[int64]
	outputContentType           string
	outputBody                  jsontext.Value
	outputS3Path                string
	outputTokens                genai.Opt[int64]
	outputVideoS3Path           string
	inputPresent, outputPresent bool
}

// Decode implements genai.Decoder.
func (d *invocationDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	d.tail, d.tailUsed = nil, 0 // no spare room but that of this event's Original (below)
	data := bytes.TrimSpace(rec.Data)
	if len(data) == 0 {
		return fmt.Errorf("empty record")
	}
	switch {
	case data[0] == '{' && ivHasSchemaTypeNearStart(data):
		// A log record (the cases below would all be false).
	case data[0] == '[':
		// A whole bare chunk array (inside an envelope, or read as one value).
		return d.decodeBareArray(data, ev)
	case isDone(data):
		return d.finishHeld(ev, "stream terminator without chunks")
	case isStreamChunk(data) && !bytes.Contains(data, ivKeySchemaType):
		return d.holdChunk(rec, data, ev)
	}
	// The record is read from the event's copy of it, so that the bodies kept on the event
	// can alias it rather than be copied again.
	// Original is made with room after the record for the JSON the event derives from it
	// (evBytes), as much as the last records needed: an event reused for every record then
	// holds it without allocating.
	if want := len(rec.Data) + d.tailWant; cap(ev.Original) < want {
		ev.Original = make([]byte, 0, want)
	}
	ev.Original = append(ev.Original[:0], rec.Data...)
	d.tail = ev.Original[len(ev.Original):cap(ev.Original)]
	// The trimmed record in the copy, where TrimSpace found it in rec.Data (it returns a
	// subslice, which keeps the capacity from its start).
	start := cap(rec.Data) - cap(data)
	data = ev.Original[start : start+len(data)]
	var r invocationRecord
	if err := d.parseRecord(data, &r); err != nil {
		return fmt.Errorf("invocation log record: %w", err)
	}
	if r.operation == "" && r.modelID == "" && r.requestID == "" && r.schemaType == "" {
		return fmt.Errorf("invocation log record: no operation, modelId, requestId or schemaType")
	}
	d.fill(&r, ev)
	// What the next records may need: this one's, or a slowly shrinking earlier need.
	d.tailWant = max(d.tailUsed, d.tailWant-d.tailWant/16)
	d.tail = nil
	return nil
}

// evBytes returns an empty slice with room for n bytes for JSON derived from the record
// (messages, instructions, tool definitions), which the event may hold as long as it holds
// the record's own bytes: from the spare capacity of the event's Original when there is
// enough (it is rewritten when the event is reused for a later record, as Original is), or
// else a new array.
func (d *invocationDecoder) evBytes(n int) []byte {
	d.tailUsed += n
	if n <= len(d.tail) {
		b := d.tail[:0:n]
		d.tail = d.tail[n:]
		return b
	}
	return make([]byte, 0, n)
}

// ivStrings keeps the strings of records: short ones are copied into an arena shared by the
// strings of many records rather than allocated one by one (an allocation per record was 1%
// of the elastic profile's cycles). An arena is only ever appended to and never reused: a
// string stays valid for as long as it is referenced, whichever record comes next. Short
// lists of strings are kept in a slab the same way.
type ivStrings struct {
	arena []byte
	slab  []string
}

// list returns a copy of ss (nil when empty), with no spare capacity: an append to it makes a
// new array.
func (a *ivStrings) list(ss []string) []string {
	n := len(ss)
	if n == 0 {
		return nil
	}
	if n > 16 {
		return append([]string(nil), ss...)
	}
	if cap(a.slab)-len(a.slab) < n {
		a.slab = make([]string, 0, 256)
	}
	start := len(a.slab)
	a.slab = append(a.slab, ss...)
	return a.slab[start : start+n : start+n]
}

const (
	ivArenaSize   = 8 << 10
	ivMaxArenaStr = 512
)

// of returns b as a string of its own.
func (a *ivStrings) of(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > ivMaxArenaStr {
		return string(b)
	}
	if cap(a.arena)-len(a.arena) < len(b) {
		a.arena = make([]byte, 0, ivArenaSize)
	}
	start := len(a.arena)
	a.arena = append(a.arena, b...)
	return unsafe.String(&a.arena[start], len(b))
}

// The string members of a record, read raw and turned into strings at once (one copy for
// all of them).
const (
	rsSchemaType = iota
	rsSchemaVersion
	rsTimestamp
	rsAccountID
	rsIdentityARN
	rsRegion
	rsInferenceRegion
	rsRequestID
	rsOperation
	rsModelID
	rsErrorCode
	rsErrorMessage
	rsStatus
	rsLatencyProfile
	rsInputContentType
	rsInputS3Path
	rsOutputContentType
	rsOutputS3Path
	rsOutputVideoS3Path
	rsCount
)

// parseRecord reads the record's members; unknown members are skipped, members of an
// unexpected type are ignored.
func (d *invocationDecoder) parseRecord(data []byte, r *invocationRecord) error {
	dec := &d.rec
	dec.Reset(data)
	d.recData = data
	d.long = d.long[:0]
	var raw [rsCount][]byte
	if err := jOpen(dec); err != nil {
		if err == errIvNotObject {
			return fmt.Errorf("not a JSON object")
		}
		return err
	}
	for {
		name, err := jName(dec)
		if name == nil || err != nil {
			if err != nil {
				return err
			}
			break
		}
		switch string(name) {
		case `"schemaType"`:
			raw[rsSchemaType], err = dec.ReadValue()
		case `"schemaVersion"`:
			raw[rsSchemaVersion], err = dec.ReadValue()
		case `"timestamp"`:
			raw[rsTimestamp], err = dec.ReadValue()
		case `"accountId"`:
			raw[rsAccountID], err = dec.ReadValue()
		case `"identity"`:
			err = ivTolerate(ivReadMember(dec, `"arn"`, &raw[rsIdentityARN]))
		case `"region"`:
			raw[rsRegion], err = dec.ReadValue()
		case `"requestId"`:
			raw[rsRequestID], err = dec.ReadValue()
		case `"operation"`:
			raw[rsOperation], err = dec.ReadValue()
		case `"modelId"`:
			raw[rsModelID], err = dec.ReadValue()
		case `"errorCode"`:
			raw[rsErrorCode], err = dec.ReadValue()
		case `"errorMessage"`:
			raw[rsErrorMessage], err = dec.ReadValue()
		case `"status"`:
			raw[rsStatus], err = dec.ReadValue()
		case `"input"`:
			r.inputPresent = dec.PeekKind() == '{'
			err = ivTolerate(d.parseInput(r, &raw))
		case `"output"`:
			r.outputPresent = dec.PeekKind() == '{'
			err = ivTolerate(d.parseOutput(r, &raw))
		default:
			// The names of more than 16 bytes, compared as parseInput compares them.
			switch n := len(name); {
			case n == 17 && string(name[:16]) == `"inferenceRegion` && name[16] == '"':
				raw[rsInferenceRegion], err = dec.ReadValue()
			case n == 17 && string(name[:16]) == `"requestMetadata` && name[16] == '"':
				var v jsontext.Value
				v, err = dec.ReadValue()
				if len(v) > 0 && v[0] == '{' {
					r.requestMetadata = v
				}
			case n == 19 && string(name[:16]) == `"performanceConf` && string(name[16:]) == `ig"`:
				err = ivTolerate(ivReadMember(dec, `"latency"`, &raw[rsLatencyProfile]))
			default:
				err = dec.SkipValue()
			}
		}
		if err != nil {
			return err
		}
	}
	// One string holds the text of every string member; the fields are its substrings.
	// The strings' contents are copied as they are, and one search of the copy tells whether
	// any had an escape (few do): only then are they copied again, each unquoted.
	buf := d.strBuf[:0]
	var ends [rsCount]int
	for i := range raw { // by index: ranging over the array's values would copy it
		if v := raw[i]; len(v) >= 2 && v[0] == '"' {
			buf = append(buf, v[1:len(v)-1]...)
		} else if len(v) > 0 {
			buf = ivAppendText(buf, v) // a number or literal: no backslash
		}
		ends[i] = len(buf)
	}
	if bytes.IndexByte(buf, '\\') >= 0 {
		buf = buf[:0]
		for i := range raw {
			if v := raw[i]; len(v) >= 2 && v[0] == '"' && !ivHasBackslash(v[1:len(v)-1]) {
				buf = append(buf, v[1:len(v)-1]...) // what ivAppendText does, without the call
			} else if len(v) > 0 {
				buf = ivAppendText(buf, v)
			}
			ends[i] = len(buf)
		}
	}
	d.strBuf = buf
	all := d.strs.of(buf)
	at := func(i int) string {
		if i == 0 {
			return all[:ends[0]]
		}
		return all[ends[i-1]:ends[i]]
	}
	r.schemaType = at(rsSchemaType)
	r.schemaVersion = at(rsSchemaVersion)
	r.timestamp = at(rsTimestamp)
	r.accountID = at(rsAccountID)
	r.identityARN = at(rsIdentityARN)
	r.region = at(rsRegion)
	r.inferenceRegion = at(rsInferenceRegion)
	r.requestID = at(rsRequestID)
	r.operation = at(rsOperation)
	r.modelID = at(rsModelID)
	r.errorCode = at(rsErrorCode)
	r.errorMessage = at(rsErrorMessage)
	r.status = at(rsStatus)
	r.latencyProfile = at(rsLatencyProfile)
	r.inputContentType = at(rsInputContentType)
	r.inputS3Path = at(rsInputS3Path)
	r.outputContentType = at(rsOutputContentType)
	r.outputS3Path = at(rsOutputS3Path)
	r.outputVideoS3Path = at(rsOutputVideoS3Path)
	return nil
}

// ivReadMember reads the object dec is positioned at, keeping the raw value of the member
// named name (quoted) in v.
func ivReadMember(dec *jsonscan.Decoder, name string, v *[]byte) error {
	return jEachMember(dec, func(n []byte) (err error) {
		if string(n) == name {
			*v, err = dec.ReadValue()
			return err
		}
		return dec.SkipValue()
	})
}

// parseInput reads the record's input object.
func (d *invocationDecoder) parseInput(r *invocationRecord, raw *[rsCount][]byte) error {
	dec := &d.rec
	if err := jOpen(dec); err != nil {
		return err
	}
	for {
		// The members are read in a loop rather than through jEachMember's callback: a
		// record has a handful, read once per record.
		name, err := jName(dec)
		if name == nil || err != nil {
			return err
		}
		// Names of more than 16 bytes are compared in parts of 16 bytes or fewer, which the
		// compiler compares with loads (it calls memequal for a longer constant: 0.3% of the
		// elastic profile for these and parseOutput's).
		switch n := len(name); {
		case n == 18 && string(name[:16]) == `"inputContentTyp` && string(name[16:]) == `e"`:
			raw[rsInputContentType], err = dec.ReadValue()
		case string(name) == `"inputBodyJson"`:
			r.inputBody, r.inputStats, r.inputLong, err = d.readBody()
		case n == 17 && string(name[:16]) == `"inputBodyS3Path` && name[16] == '"':
			raw[rsInputS3Path], err = dec.ReadValue()
		case n == 17 && string(name[:16]) == `"inputTokenCount` && name[16] == '"':
			r.inputTokens, err = jReadInt(dec)
		case n == 26 && string(name[:16]) == `"cacheReadInputT` && string(name[16:]) == `okenCount"`:
			r.cacheReadTokens, err = jReadInt(dec)
		case n == 27 && string(name[:16]) == `"cacheWriteInput` && string(name[16:]) == `TokenCount"`:
			r.cacheWriteTokens, err = jReadInt(dec)
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// parseOutput reads the record's output object.
func (d *invocationDecoder) parseOutput(r *invocationRecord, raw *[rsCount][]byte) error {
	dec := &d.rec
	if err := jOpen(dec); err != nil {
		return err
	}
	for {
		name, err := jName(dec)
		if name == nil || err != nil {
			return err
		}
		// As in parseInput.
		switch n := len(name); {
		case n == 19 && string(name[:16]) == `"outputContentTy` && string(name[16:]) == `pe"`:
			raw[rsOutputContentType], err = dec.ReadValue()
		case string(name) == `"outputBodyJson"`:
			err = d.readOutputBody(r)
		case n == 18 && string(name[:16]) == `"outputBodyS3Pat` && string(name[16:]) == `h"`:
			raw[rsOutputS3Path], err = dec.ReadValue()
		case n == 18 && string(name[:16]) == `"outputTokenCoun` && string(name[16:]) == `t"`:
			r.outputTokens, err = jReadInt(dec)
		case n == 19 && string(name[:16]) == `"outputVideoS3Pa` && string(name[16:]) == `th"`:
			raw[rsOutputVideoS3Path], err = dec.ReadValue()
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// readOutputBody reads the output body with what the validating read saw in it; a stream's
// chunk array is read element by element, which splits it into chunks in the same pass.
func (d *invocationDecoder) readOutputBody(r *invocationRecord) error {
	dec := &d.rec
	if dec.PeekKind() != '[' {
		var err error
		r.outputBody, r.outputStats, r.outputLong, err = d.readBody()
		return err
	}
	if body, st, long, elems, ok := dec.ReadArrayLong(d.longMin(), d.long, d.chunks[:0]); ok {
		// The object elements are the chunks; they alias the body up to its end, as the
		// stream decoder expects of them (it finds their offsets from their capacities).
		past := cap(body) - len(body) // capacity beyond the body's end
		chunks, nonObjects := elems[:0], 0
		for _, e := range elems {
			if e[0] == '{' {
				chunks = append(chunks, e[:len(e):cap(e)-past])
			} else {
				nonObjects++
			}
		}
		r.outputBody, r.outputStats = body[:len(body):len(body)], st
		r.outputChunks, r.outputNonObjects = chunks, nonObjects
		d.chunks = chunks[:0]
		if d.opts.MinInlineDataBytes > 0 {
			r.outputLong = long[len(d.long):]
		}
		d.long = long
		return nil
	}
	start := dec.InputOffset()
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	chunks, nonObjects := d.chunks[:0], 0
	var st jsonscan.ValueStats
	compact := 2 // the body's length if compact: brackets, elements, commas
	long, from := d.long, len(d.long)
	for dec.PeekKind() != ']' {
		at := len(long)
		v, est, err := d.readElement(&long)
		if err != nil {
			return err
		}
		if len(long) > at { // the spans from the element's start to the body's
			off := cap(d.recData) - cap(v) - int(start)
			for k := at; k < len(long); k++ {
				long[k].Start += off
				long[k].End += off
			}
		}
		if v[0] == '{' {
			chunks = append(chunks, v)
		} else {
			nonObjects++
		}
		st.Spaced = st.Spaced || est.Spaced
		st.LongestString = max(st.LongestString, est.LongestString)
		compact += len(v) + 1
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	if len(chunks)+nonObjects > 0 {
		compact-- // no comma after the last element
	}
	end := dec.InputOffset()
	body := d.recData[start:end:end]
	// Whitespace between the elements themselves is whitespace in the body too.
	st.Spaced = st.Spaced || len(body) != compact
	// The chunks alias the body up to its end, as the stream decoder expects of them (it
	// finds their offsets from their capacities).
	past := cap(d.recData) - int(end) // capacity beyond the body's end
	for i, c := range chunks {
		chunks[i] = c[: len(c) : cap(c)-past]
	}
	r.outputBody, r.outputStats = body, st
	r.outputChunks, r.outputNonObjects = chunks, nonObjects
	d.chunks = chunks[:0]
	if d.opts.MinInlineDataBytes > 0 {
		r.outputLong, d.long = long[from:], long
	}
	return nil
}

// longMin is the length from which the strings of bodies are listed as they are read: the
// MinInlineDataBytes, or none when base64 data is kept.
func (d *invocationDecoder) longMin() int {
	if d.opts.MinInlineDataBytes <= 0 {
		return math.MaxInt
	}
	return d.opts.MinInlineDataBytes
}

// readBody reads a body with what the validating read saw in it: with a MinInlineDataBytes,
// the spans of the strings that long too, appended to d.long.
func (d *invocationDecoder) readBody() (jsontext.Value, jsonscan.ValueStats, []jsonscan.Span, error) {
	if d.opts.MinInlineDataBytes <= 0 {
		v, st, err := d.rec.ReadValueStats()
		return v, st, nil, err
	}
	from := len(d.long)
	v, st, long, err := d.rec.ReadValueLong(d.opts.MinInlineDataBytes, d.long)
	d.long = long
	return v, st, long[from:], err
}

// readElement reads an element of a stream's chunk array as readBody reads a body, appending
// the spans of its long strings to *long.
func (d *invocationDecoder) readElement(long *[]jsonscan.Span) (v jsontext.Value, st jsonscan.ValueStats, err error) {
	if d.opts.MinInlineDataBytes <= 0 {
		return d.rec.ReadValueStats()
	}
	v, st, *long, err = d.rec.ReadValueLong(d.opts.MinInlineDataBytes, *long)
	return v, st, err
}

// ivTimeLayouts are the timestamp forms seen in invocation logs and their exports.
var ivTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999",
}

func ivParseTime(s string) (time.Time, bool) {
	if t, ok := ivParseTimeUTC(s); ok {
		return t, true
	}
	for _, l := range ivTimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// ivParseTimeUTC parses the form Bedrock writes, 2006-01-02T15:04:05Z with an optional
// fraction of up to 9 digits, as time.Parse(time.RFC3339Nano) does; ok is false for any other
// text, or a date or time out of range, which the layouts are left to read or reject.
func ivParseTimeUTC(s string) (t time.Time, ok bool) {
	if len(s) < 20 || s[len(s)-1] != 'Z' || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return t, false
	}
	// The fixed fields two digits at a time, without loops (a loop per field was 0.5% of
	// the Bedrock elastic profile).
	century, ok1 := ivTwoDigits(s[0], s[1])
	year, ok2 := ivTwoDigits(s[2], s[3])
	month, ok3 := ivTwoDigits(s[5], s[6])
	day, ok4 := ivTwoDigits(s[8], s[9])
	hour, ok5 := ivTwoDigits(s[11], s[12])
	minute, ok6 := ivTwoDigits(s[14], s[15])
	sec, ok7 := ivTwoDigits(s[17], s[18])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) {
		return t, false
	}
	year += century * 100
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			c := s[i] - '0'
			if c > 9 {
				return 0, false
			}
			n = n*10 + int(c)
		}
		return n, true
	}
	nsec := 0
	if frac := s[19 : len(s)-1]; frac != "" {
		if len(frac) < 2 || len(frac) > 10 || frac[0] != '.' {
			return t, false
		}
		n, ok := num(frac[1:])
		if !ok {
			return t, false
		}
		for range 10 - len(frac) {
			n *= 10
		}
		nsec = n
	}
	if month < 1 || month > 12 || day < 1 || day > ivDaysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return t, false
	}
	// What time.Date(year, month, day, hour, minute, sec, nsec, time.UTC) returns, without
	// its normalization of out-of-range fields (they were checked above).
	secs := ivDaysSinceEpoch(year, month, day)*86400 + int64(hour*3600+minute*60+sec)
	return time.Unix(secs, int64(nsec)).UTC(), true
}

// ivTwoDigits returns the number the ASCII digits a and b write, and false if either is
// not a digit.
func ivTwoDigits(a, b byte) (int, bool) {
	a, b = a-'0', b-'0'
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

// ivDaysSinceEpoch returns the number of days from 1970-01-01 to the given date of the
// proleptic Gregorian calendar (year 0 to 9999, month 1-12, day valid for the month).
func ivDaysSinceEpoch(year, month, day int) int64 {
	// Years start in March, so that the leap day is the last of its year.
	if month <= 2 {
		year--
	}
	era := year / 400
	if year < 0 {
		era = (year - 399) / 400
	}
	yoe := year - era*400                     // [0, 399]
	doy := (153*((month+9)%12)+2)/5 + day - 1 // [0, 365]
	doe := yoe*365 + yoe/4 - yoe/100 + doy    // [0, 146096]
	return int64(era)*146097 + int64(doe) - 719468
}

// ivDaysIn returns the number of days of a month (1-12) of a year.
func ivDaysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// fill turns a parsed record into the event.
func (d *invocationDecoder) fill(r *invocationRecord, ev *genai.Event) {
	setSource(ev, r.operation, r.schemaVersion)
	if r.timestamp != "" {
		if t, ok := ivParseTime(r.timestamp); ok {
			ev.Time = t
		} else {
			ev.Warn(genai.WarnFieldTypeUnexpected, fmt.Sprintf("timestamp %q is not a known time format", r.timestamp))
		}
	}
	if r.schemaVersion != "" && r.schemaVersion != "1.0" {
		ev.Warn(genai.WarnSchemaVersion, fmt.Sprintf("invocation log schemaVersion %q is newer than 1.0; fields may be missing", r.schemaVersion))
	}
	ev.Action = r.operation
	ev.Request.ID = r.requestID
	ev.Request.Model = model.Parse(r.modelID)
	ev.Identity.UserID = r.identityARN
	ev.Identity.GenAIUser = r.identityARN
	ev.Cloud = genai.Cloud{Provider: "aws", AccountID: r.accountID, Region: r.region, ServiceName: "bedrock", InferenceRegion: r.inferenceRegion}
	ev.Response.ErrorCode = r.errorCode
	ev.Response.ErrorMessage = r.errorMessage
	ev.Response.Time = ev.Time
	ev.Request.ContentType = r.inputContentType
	ev.Response.ContentType = r.outputContentType
	switch r.operation {
	case OpInvokeModelStream, OpConverseStream:
		ev.Request.Stream.Set(true)
	case OpInvokeModel, OpConverse:
		ev.Request.Stream.Set(false)
	}

	converse := r.operation == OpConverse || r.operation == OpConverseStream
	var b bodies
	b.kinds = d.kinds[:0] // the kinds are gathered in d's scratch, and copied once in setVendor
	d.cleanBodies(r, ev, &b)

	// Request side.
	if b.in != nil {
		if converse {
			d.decodeConverseRequest(b.in, ev, &b)
		} else {
			// The model decoders read the messages' content kinds as they decode them;
			// contentKinds walks the body again when they could not.
			kinds, ok := model.DecodeRequestKinds(&ev.Request.Model, b.in, ev, b.kinds)
			if !ok {
				kinds = d.contentKinds(b.in)
			}
			b.kinds = kinds
			sortKinds(b.kinds)
		}
	} else if r.inputPresent || r.inputS3Path != "" {
		offloaded(ev, "request", r.inputS3Path)
	}

	// Response side.
	switch {
	case b.out != nil && b.out[0] == '[':
		d.decodeStream(b.out, ev, &b)
	case b.out != nil && converse:
		d.decodeConverseResponse(b.out, ev, &b)
	case b.out != nil:
		model.DecodeResponse(&ev.Request.Model, b.out, ev)
		guardrail.DecodeInvokeValid(b.out, ev) // validated when the record was read
	case r.outputS3Path != "" || (r.outputPresent && r.errorCode == ""):
		offloaded(ev, "response", r.outputS3Path)
	}

	// The log's own counts are what Elastic's rules read; they win over body counts.
	if r.inputTokens.Valid || r.outputTokens.Valid {
		if r.inputTokens.Valid {
			ev.Usage.InputTokens = r.inputTokens
		}
		if r.outputTokens.Valid {
			ev.Usage.OutputTokens = r.outputTokens
		}
		ev.Usage.InputIncludesCache = false
		ev.Usage.Source = genai.UsageSourceLog
	}
	if r.cacheReadTokens.Valid {
		ev.Usage.CacheReadTokens = r.cacheReadTokens
	}
	if r.cacheWriteTokens.Valid {
		ev.Usage.CacheWriteTokens = r.cacheWriteTokens
	}

	if ev.Request.Operation == "" {
		ev.Request.Operation = genai.OperationChat
	}
	d.finish(ev, &b)
	d.setVendor(r, ev, &b)
}

// setSource sets the fields every invocation event shares.
func setSource(ev *genai.Event, operation, schemaVersion string) {
	ev.Source.ProviderName = genai.ProviderAWSBedrock
	ev.Source.System = "aws"
	ev.Source.Format = InvocationFormatName
	ev.Source.Dataset = genai.DatasetBedrockInvocation
	ev.Source.Module = "aws_bedrock"
	ev.Source.Operation = operation
	ev.Source.SchemaVersion = schemaVersion
	ev.Category = append(ev.Category, "api")
	ev.Type = append(ev.Type, "access")
}

// finish computes what depends on the whole event: outcome, caps on derived text.
func (d *invocationDecoder) finish(ev *genai.Event, b *bodies) {
	if ev.Response.ErrorCode != "" || ev.Guardrail.Intervened {
		ev.Outcome = genai.OutcomeFailure
	} else {
		ev.Outcome = genai.OutcomeSuccess
	}
	if ev.Response.ErrorCode == "AccessDeniedException" || ev.Guardrail.Intervened {
		ev.Type = append(ev.Type, "denied")
	}
	maxBytes := d.opts.MaxBodyBytes
	if maxBytes < 0 {
		return
	}
	capText(ev, &ev.Request.Text, "gen_ai.request.text", maxBytes)
	capText(ev, &ev.Response.Text, "gen_ai.response.text", maxBytes)
	capJSON(ev, &ev.Request.InputMessages, "gen_ai.input.messages", maxBytes)
	capJSON(ev, &ev.Request.SystemInstructions, "gen_ai.system_instructions", maxBytes)
	capJSON(ev, &ev.Request.ToolDefinitions, "gen_ai.tool.definitions", maxBytes)
	capJSON(ev, &ev.Response.OutputMessages, "gen_ai.output.messages", maxBytes)
}

func capText(ev *genai.Event, s *string, what string, n int) {
	if len(*s) <= n {
		return
	}
	kept := ivUtf8Prefix([]byte(*s), n)
	ev.Truncations = append(ev.Truncations, genai.Truncation{What: what, Original: int64(len(*s)), Kept: int64(len(kept)), SHA256: ivSha256Hex([]byte(*s))})
	*s = string(kept)
}

// capJSON drops a JSON value longer than n: a cut JSON value would not be valid.
func capJSON(ev *genai.Event, b *[]byte, what string, n int) {
	if len(*b) <= n {
		return
	}
	ev.Truncations = append(ev.Truncations, genai.Truncation{What: what, Original: int64(len(*b)), Kept: 0, SHA256: ivSha256Hex(*b)})
	*b = nil
}

func offloaded(ev *genai.Event, side, path string) {
	if path != "" {
		ev.Warn(genai.WarnBodyOffloaded, "the "+side+" body was offloaded to "+path+" and is not in the record")
		return
	}
	ev.Warn(genai.WarnBodyOffloaded, "the "+side+" body is not in the record (too large for CloudWatch Logs delivery, or body delivery disabled)")
}

// bodies holds the cleaned bodies of one record and what was learnt while reading them.
type bodies struct {
	in, out         []byte // cleaned (compact, base64 cut) bodies; nil when absent
	inCapped        bool
	outCapped       bool
	kinds           []string // messages content kinds
	streamFlattened []byte   // the output chunk array with non-objects wrapped, for streams
	split           bool     // out is a chunk array already split into chunks
	chunks          [][]byte // its object elements (aliasing d.chunks)
	nonObjects      int      // and the number of its other elements
}

// cleanBodies compacts both bodies, cuts base64 media out, and sets Request.Body /
// Response.Body and the sizes, applying the body cap.
func (d *invocationDecoder) cleanBodies(r *invocationRecord, ev *genai.Event, b *bodies) {
	minData := d.opts.MinInlineDataBytes
	if isBody(r.inputBody) {
		switch {
		case minData > 0 && !r.inputStats.Spaced:
			// Compact, with its long strings listed: those alone are read.
			b.in = d.cleanLong(r.inputBody, r.inputLong, ev, "gen_ai.prompt")
		case d.isClean(r.inputBody, r.inputStats):
			b.in = r.inputBody[:len(r.inputBody):len(r.inputBody)]
		default:
			b.in = d.clean(r.inputBody, ev, "gen_ai.prompt", true)
		}
		ev.Performance.RequestSize.Set(int64(len(b.in)))
		ev.Request.Body, b.inCapped = d.capBody(ev, b.in, "gen_ai.prompt")
	}
	if isBody(r.outputBody) {
		switch {
		case minData > 0 && !r.outputStats.Spaced:
			b.out = d.cleanLong(r.outputBody, r.outputLong, ev, "gen_ai.completion")
			if &b.out[0] == &r.outputBody[0] && r.outputBody[0] == '[' {
				// Already clean, and split as it was read.
				b.split, b.chunks, b.nonObjects = true, r.outputChunks, r.outputNonObjects
			}
		case d.isClean(r.outputBody, r.outputStats):
			// Already clean (and, for a chunk array, split as it was read).
			b.out = r.outputBody[:len(r.outputBody):len(r.outputBody)]
			if r.outputBody[0] == '[' {
				b.split, b.chunks, b.nonObjects = true, r.outputChunks, r.outputNonObjects
			}
		case r.outputBody[0] == '[':
			// A stream's chunk array: split while checking that it is clean.
			if out, chunks, nonObjects, ok := ivSplitIfClean(r.outputBody, d.opts.MinInlineDataBytes, d.chunks[:0]); ok {
				b.out, b.split, b.chunks, b.nonObjects = out, true, chunks, nonObjects
				d.chunks = chunks[:0]
			}
		}
		if b.out == nil {
			b.out = d.clean(r.outputBody, ev, "gen_ai.completion", true)
		}
		ev.Performance.ResponseSize.Set(int64(len(b.out)))
		ev.Response.Body, b.outCapped = d.capBody(ev, b.out, "gen_ai.completion")
	}
}

// isClean reports whether a body, as the validating read saw it (st), is already what cleaning
// would make of it: compact, with no string long enough to be cut out as base64, and valid
// UTF-8. Such a body is used in place, with no cleaning pass.
func (d *invocationDecoder) isClean(body []byte, st jsonscan.ValueStats) bool {
	if st.Spaced || (d.opts.MinInlineDataBytes > 0 && st.LongestString >= d.opts.MinInlineDataBytes) {
		return false
	}
	return jsonscan.ValidUTF8(body)
}

// isBody reports whether a raw body value is an object or an array (a string or null body is
// not decodable and treated as absent).
func isBody(v jsontext.Value) bool {
	return len(v) > 0 && (v[0] == '{' || v[0] == '[')
}

// clean returns the cleaned form of the valid JSON value raw (see ivCleanJSON) and records
// the base64 cuts on ev. With alias, raw outlives the event's use of the result and is
// returned itself when it is already clean.
func (d *invocationDecoder) clean(raw []byte, ev *genai.Event, what string, alias bool) []byte {
	var cuts []ivDataCut
	var out []byte
	if alias {
		out, cuts = d.cleanBody(raw, cuts)
	} else {
		out, cuts = ivCleanJSON(make([]byte, 0, len(raw)), raw, d.opts.MinInlineDataBytes, cuts)
	}
	for _, c := range cuts {
		ev.Truncations = append(ev.Truncations, genai.Truncation{What: what + ".base64", Original: int64(c.original), Kept: 0, SHA256: c.sha256})
	}
	return out
}

// cleanLong is clean (with alias) for a compact body whose strings of MinInlineDataBytes or
// more are listed in long: only those are read (see ivCleanLongIn).
func (d *invocationDecoder) cleanLong(raw []byte, long []jsonscan.Span, ev *genai.Event, what string) []byte {
	out, cuts := ivCleanLongIn(d.tail, raw, long, nil)
	if len(out) > 0 && &out[0] != &raw[0] {
		// A copy: booked as cleanBody does.
		n := len(out)
		d.tailUsed += n
		if len(d.tail) > 0 && &out[0] == &d.tail[0] {
			out = out[:n:n]
			d.tail = d.tail[n:]
		}
	}
	for _, c := range cuts {
		ev.Truncations = append(ev.Truncations, genai.Truncation{What: what + ".base64", Original: int64(c.original), Kept: 0, SHA256: c.sha256})
	}
	return out
}

// cleanBody is ivCleanBody writing a copy, when it makes one, in the spare capacity of the
// event's Original (see evBytes) when there is room.
func (d *invocationDecoder) cleanBody(raw []byte, cuts []ivDataCut) ([]byte, []ivDataCut) {
	out, cuts := ivCleanBodyIn(d.tail, raw, d.opts.MinInlineDataBytes, cuts)
	if len(out) == 0 || len(raw) > 0 && &out[0] == &raw[0] {
		return out, cuts // raw itself: already clean
	}
	n := len(out)
	d.tailUsed += n // room the next records' Originals are given
	if len(d.tail) > 0 && &out[0] == &d.tail[0] {
		// Written in the tail: it is handed out as evBytes does.
		out = out[:n:n]
		d.tail = d.tail[n:]
	}
	return out, cuts
}

func (d *invocationDecoder) capBody(ev *genai.Event, body []byte, what string) ([]byte, bool) {
	if d.opts.MaxBodyBytes < 0 || len(body) <= d.opts.MaxBodyBytes {
		return body, false
	}
	kept := ivUtf8Prefix(body, d.opts.MaxBodyBytes)
	ev.Truncations = append(ev.Truncations, genai.Truncation{What: what, Original: int64(len(body)), Kept: int64(len(kept)), SHA256: ivSha256Hex(body)})
	ev.Warn(genai.WarnBodyTruncated, fmt.Sprintf("%s is %d bytes; the first %d are kept", what, len(body), len(kept)))
	return kept, true
}

// setVendor writes the aws_bedrock.invocation.* tree.
func (d *invocationDecoder) setVendor(r *invocationRecord, ev *genai.Event, b *bodies) {
	// What ev.SetVendor does, on a local slice and without building the Values of absent
	// fields: most of a record's twenty-odd fields are strings and counts.
	vs := ev.Vendor
	vs = vendorStr(vs, genai.AWSBedrockInvocationModelID, r.modelID)
	vs = vendorStr(vs, genai.AWSBedrockInvocationRequestID, r.requestID)
	vs = vendorStr(vs, genai.AWSBedrockInvocationSchemaType, r.schemaType)
	vs = vendorStr(vs, genai.AWSBedrockInvocationSchemaVersion, r.schemaVersion)
	vs = vendorStr(vs, genai.AWSBedrockInvocationErrorCode, r.errorCode)
	vs = vendorStr(vs, genai.AWSBedrockInvocationStatus, r.status)
	if len(r.requestMetadata) > 0 {
		md, _ := ivCleanBody(r.requestMetadata, 0, nil)
		vs = vendorJSON(vs, genai.AWSBedrockInvocationRequestMetadata, md)
	}
	vs = vendorStr(vs, genai.AWSBedrockInvocationPerformanceLatency, r.latencyProfile)
	vs = vendorStr(vs, genai.AWSBedrockInvocationInputContentType, r.inputContentType)
	vs = vendorInt(vs, genai.AWSBedrockInvocationInputTokenCount, r.inputTokens)
	vs = vendorInt(vs, genai.AWSBedrockInvocationInputCacheReadTokenCount, r.cacheReadTokens)
	vs = vendorInt(vs, genai.AWSBedrockInvocationInputCacheWriteTokenCount, r.cacheWriteTokens)
	vs = vendorStr(vs, genai.AWSBedrockInvocationInputBodyS3Path, r.inputS3Path)
	if d.opts.KeepRawBodies && b.in != nil && !b.inCapped && b.in[0] == '{' {
		vs = vendorJSON(vs, genai.AWSBedrockInvocationInputBodyJSON, b.in)
	}
	if len(b.kinds) > 0 {
		var p *genai.FieldValue
		vs, p = vendorAdd(vs, genai.AWSBedrockInvocationInputMessagesContentKinds)
		p.Value = genai.StringsValue(d.strs.list(b.kinds)) // a copy: b.kinds may be d.kinds
	}
	if cap(b.kinds) <= 64 {
		clear(b.kinds)
		d.kinds = b.kinds[:0] // grown, perhaps; kept for the next record
	}
	vs = vendorStr(vs, genai.AWSBedrockInvocationOutputContentType, r.outputContentType)
	vs = vendorInt(vs, genai.AWSBedrockInvocationOutputTokenCount, r.outputTokens)
	vs = vendorStr(vs, genai.AWSBedrockInvocationOutputBodyS3Path, r.outputS3Path)
	vs = vendorStr(vs, genai.AWSBedrockInvocationOutputVideoS3Path, r.outputVideoS3Path)
	if d.opts.KeepRawBodies && b.out != nil && !b.outCapped {
		if b.out[0] == '{' {
			vs = vendorJSON(vs, genai.AWSBedrockInvocationOutputBodyJSON, b.out)
		} else if b.streamFlattened != nil {
			vs = vendorJSON(vs, genai.AWSBedrockInvocationOutputBodyJSON, b.streamFlattened)
		}
	}
	vs = vendorStr(vs, genai.AWSBedrockInvocationOutputCompletionText, ev.Response.Text)
	ev.Vendor = vs
}

// vendorStr appends the field f with the string s to vs unless s is empty, as
// genai.Event.SetVendor does with genai.StringValue(s).
func vendorStr(vs []genai.FieldValue, f *genai.Field, s string) []genai.FieldValue {
	if s == "" {
		return vs
	}
	vs, p := vendorAdd(vs, f)
	p.Value = genai.StringValue(s)
	return vs
}

// vendorAdd appends the field f with an empty value to vs and returns vs and the new field,
// whose value the caller sets in place: a FieldValue built whole and appended is made on the
// stack and copied, and its copy stalls on store forwarding (setVendor 17K -> 12K cycles per
// corpus pass).
func vendorAdd(vs []genai.FieldValue, f *genai.Field) ([]genai.FieldValue, *genai.FieldValue) {
	n := len(vs)
	if n == cap(vs) {
		vs = append(vs, genai.FieldValue{})
	} else {
		vs = vs[:n+1]
	}
	p := &vs[n]
	p.Field = f
	return vs, p
}

// vendorInt is vendorStr for an optional integer (genai.IntOpt).
func vendorInt(vs []genai.FieldValue, f *genai.Field, n genai.Opt[int64]) []genai.FieldValue {
	if !n.Valid {
		return vs
	}
	vs, p := vendorAdd(vs, f)
	p.Value = genai.IntValue(n.Value)
	return vs
}

// vendorJSON is vendorStr for JSON text (genai.JSONValue, which leaves out null and empty
// objects and arrays).
func vendorJSON(vs []genai.FieldValue, f *genai.Field, raw []byte) []genai.FieldValue {
	v := genai.JSONValue(raw)
	if v.IsEmpty() {
		return vs
	}
	vs, p := vendorAdd(vs, f)
	p.Value = v
	return vs
}

// contentKinds lists the kinds of the content blocks of an InvokeModel body's messages
// (Anthropic Messages API, Nova messages-v1, OpenAI-style chat bodies).
func (d *invocationDecoder) contentKinds(body []byte) []string {
	// The body is clean: its top-level members are stepped over without a search for
	// "messages" first. The walks are straight loops over the cursor (see
	// converseRequestMembers).
	var kinds []string
	dec := &d.sub
	dec.Reset(body)
	if sOpen(dec, '{') != nil {
		return nil
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return kinds
		}
		if string(name) == `"messages"` {
			kinds, err = contentKindsMessages(dec, kinds)
			err = ivTolerate(err)
		} else {
			err = dec.SkipValue()
		}
		if err != nil {
			return kinds
		}
	}
}

// contentKindsMessages adds the content kinds of a messages array to kinds.
func contentKindsMessages(dec *ivCursor, kinds []string) ([]string, error) {
	if err := sOpen(dec, '['); err != nil {
		return kinds, err
	}
	for {
		more, err := sMore(dec)
		if !more || err != nil {
			return kinds, err
		}
		kinds, err = contentKindsMessage(dec, kinds)
		if err = ivTolerate(err); err != nil {
			return kinds, err
		}
	}
}

// contentKindsMessage adds the content kinds of one message to kinds.
func contentKindsMessage(dec *ivCursor, kinds []string) ([]string, error) {
	if err := sOpen(dec, '{'); err != nil {
		return kinds, err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return kinds, err
		}
		switch {
		case string(name) != `"content"`:
			err = dec.SkipValue()
		case dec.PeekKind() == '"':
			kinds = addKind(kinds, "text")
			err = dec.SkipValue()
		default:
			kinds, err = contentKindsBlocks(dec, kinds)
			err = ivTolerate(err)
		}
		if err != nil {
			return kinds, err
		}
	}
}

// contentKindsBlocks adds the kinds of the blocks of a content array to kinds.
func contentKindsBlocks(dec *ivCursor, kinds []string) ([]string, error) {
	if err := sOpen(dec, '['); err != nil {
		return kinds, err
	}
	for {
		more, err := sMore(dec)
		if !more || err != nil {
			return kinds, err
		}
		kind, err := blockKind(dec)
		kinds = addKind(kinds, kind)
		if err = ivTolerate(err); err != nil {
			return kinds, err
		}
	}
}

// blockKind returns the kind of a content block: its type, or the name of its text or media
// member.
func blockKind(dec *ivCursor) (kind string, err error) {
	if err := sOpen(dec, '{'); err != nil {
		return "", err
	}
	for {
		name, err := sName(dec)
		if name == nil || err != nil {
			return kind, err
		}
		switch string(name) {
		case `"type"`:
			var v []byte
			v, err = dec.ReadValue()
			if kind == "" || kind == "text" {
				kind = model.KindOf(v)
			}
			if err != nil {
				return kind, err
			}
			continue
		case `"text"`:
			if kind == "" {
				kind = "text"
			}
		case `"image"`, `"document"`, `"video"`, `"audio"`:
			if kind == "" || kind == "text" {
				kind = ivModality(name)
			}
		}
		if err := dec.SkipValue(); err != nil {
			return kind, err
		}
	}
}

func addKind(kinds []string, k string) []string {
	if k == "" {
		return kinds
	}
	for _, s := range kinds {
		if s == k {
			return kinds
		}
	}
	if kinds == nil {
		kinds = make([]string, 0, 4) // room for a record's few kinds at once
	}
	return append(kinds, k)
}
