package jsonlibs

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/bytedance/sonic"
	json "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	goccy "github.com/goccy/go-json"
	"github.com/valyala/fastjson"

	"github.com/genainorm/genainorm/internal/benchmark"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// Record is the skeleton of a Bedrock model-invocation log record: the members the bedrock
// decoder reads itself, with the request and response bodies kept as raw JSON of type R
// (json.RawMessage or jsontext.Value, whichever the library keeps raw).
type Record[R ~[]byte] struct {
	SchemaType    string `json:"schemaType"`
	SchemaVersion string `json:"schemaVersion"`
	Timestamp     string `json:"timestamp"`
	AccountID     string `json:"accountId"`
	Identity      struct {
		ARN string `json:"arn"`
	} `json:"identity"`
	Region          string `json:"region"`
	RequestID       string `json:"requestId"`
	Operation       string `json:"operation"`
	ModelID         string `json:"modelId"`
	InferenceRegion string `json:"inferenceRegion"`
	ErrorCode       string `json:"errorCode"`
	ErrorMessage    string `json:"errorMessage"`
	RequestMetadata R      `json:"requestMetadata"`
	Input           struct {
		ContentType     string `json:"inputContentType"`
		BodyJSON        R      `json:"inputBodyJson"`
		BodyS3Path      string `json:"inputBodyS3Path"`
		TokenCount      int64  `json:"inputTokenCount"`
		CacheReadCount  int64  `json:"cacheReadInputTokenCount"`
		CacheWriteCount int64  `json:"cacheWriteInputTokenCount"`
	} `json:"input"`
	Output struct {
		ContentType string `json:"outputContentType"`
		BodyJSON    R      `json:"outputBodyJson"`
		BodyS3Path  string `json:"outputBodyS3Path"`
		TokenCount  int64  `json:"outputTokenCount"`
	} `json:"output"`
}

// StdRecord is the skeleton with encoding/json's raw type (also goccy's and sonic's).
type StdRecord = Record[stdjson.RawMessage]

// V2Record is the skeleton with jsontext's raw type (also jsonscan's).
type V2Record = Record[jsontext.Value]

// convert copies r into the common V2Record form, in which every decoder's result is compared.
func convert[R ~[]byte](r *Record[R]) V2Record {
	return V2Record{
		SchemaType: r.SchemaType, SchemaVersion: r.SchemaVersion, Timestamp: r.Timestamp,
		AccountID: r.AccountID, Identity: r.Identity, Region: r.Region, RequestID: r.RequestID,
		Operation: r.Operation, ModelID: r.ModelID, InferenceRegion: r.InferenceRegion,
		ErrorCode: r.ErrorCode, ErrorMessage: r.ErrorMessage,
		RequestMetadata: jsontext.Value(r.RequestMetadata),
		Input: struct {
			ContentType     string         `json:"inputContentType"`
			BodyJSON        jsontext.Value `json:"inputBodyJson"`
			BodyS3Path      string         `json:"inputBodyS3Path"`
			TokenCount      int64          `json:"inputTokenCount"`
			CacheReadCount  int64          `json:"cacheReadInputTokenCount"`
			CacheWriteCount int64          `json:"cacheWriteInputTokenCount"`
		}{r.Input.ContentType, jsontext.Value(r.Input.BodyJSON), r.Input.BodyS3Path,
			r.Input.TokenCount, r.Input.CacheReadCount, r.Input.CacheWriteCount},
		Output: struct {
			ContentType string         `json:"outputContentType"`
			BodyJSON    jsontext.Value `json:"outputBodyJson"`
			BodyS3Path  string         `json:"outputBodyS3Path"`
			TokenCount  int64          `json:"outputTokenCount"`
		}{r.Output.ContentType, jsontext.Value(r.Output.BodyJSON), r.Output.BodyS3Path,
			r.Output.TokenCount},
	}
}

// A decoder decodes one record (one line, no newline) into the skeleton, and copies it into
// out when out is not nil (the benchmarks pass nil).
type decoder interface {
	decode(line []byte, out *V2Record) error
}

// decodeFunc adapts a function to decoder.
type decodeFunc func(line []byte, out *V2Record) error

func (f decodeFunc) decode(line []byte, out *V2Record) error { return f(line, out) }

// unmarshalInto makes a decoder from a library's Unmarshal into a Record[R].
func unmarshalInto[R ~[]byte](unmarshal func([]byte, any) error) decoder {
	return decodeFunc(func(line []byte, out *V2Record) error {
		var r Record[R]
		if err := unmarshal(line, &r); err != nil {
			return err
		}
		if out != nil {
			*out = convert(&r)
		}
		return nil
	})
}

// jsontextLenient are the options the project sets on its jsontext decoders (and jsonscan
// behaves as if set): duplicate member names and invalid UTF-8 accepted, as provider logs
// sometimes carry both.
var jsontextLenient = json.JoinOptions(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))

// decoders are the typed decoders with raw bodies, by name, in the order reported.
var decoders = []struct {
	name string
	dec  decoder
	// reencodes is set for a library that keeps no raw bytes: its bodies are the parsed
	// values encoded again (compact), not a piece of the input.
	reencodes bool
	// validates is set for a decoder that rejects every input that is not JSON.
	validates bool
}{
	{"encoding-json", unmarshalInto[stdjson.RawMessage](stdjson.Unmarshal), false, true},
	{"jsonv2", unmarshalInto[jsontext.Value](func(b []byte, v any) error { return json.Unmarshal(b, v) }), false, true},
	{"jsonv2-lenient", unmarshalInto[jsontext.Value](func(b []byte, v any) error { return json.Unmarshal(b, v, jsontextLenient) }), false, true},
	{"jsontext", &jsontextDecoder{}, false, true},
	{"goccy", unmarshalInto[stdjson.RawMessage](goccy.Unmarshal), false, true},
	{"sonic", unmarshalInto[stdjson.RawMessage](sonic.ConfigDefault.Unmarshal), false, false},
	{"sonic-nocopy", unmarshalInto[sonic.NoCopyRawMessage](sonic.ConfigDefault.Unmarshal), false, false},
	// sonic-std accepts a backslash before a run of bytes that are not UTF-8 (FuzzDecoders
	// found it; see "backslash before bytes not UTF-8" in correctnessCases).
	{"sonic-std", unmarshalInto[stdjson.RawMessage](sonic.ConfigStd.Unmarshal), false, false},
	{"fastjson", &fastjsonDecoder{}, true, false},
	{"jsonscan", &jsonscanDecoder{}, false, true},
	{"jsonscan-copy", &jsonscanDecoder{copyBodies: true}, false, true},
}

// fastjsonDecoder parses a record with a reused fastjson.Parser and reads the skeleton with
// Get. fastjson keeps no raw bytes: a body is the parsed value marshalled back (MarshalTo),
// which gives the input's bytes back only when the input is compact.
type fastjsonDecoder struct {
	p   fastjson.Parser
	buf []byte
}

func (f *fastjsonDecoder) decode(line []byte, out *V2Record) error {
	v, err := f.p.ParseBytes(line)
	if err != nil {
		return err
	}
	var r StdRecord
	str := func(v *fastjson.Value, keys ...string) string {
		return string(v.GetStringBytes(keys...))
	}
	// Raw bodies are appended to a buffer reused from record to record (as the parser is),
	// so that they stay good only until the next record, as jsonscan's alias the record.
	f.buf = f.buf[:0]
	raw := func(v *fastjson.Value, keys ...string) stdjson.RawMessage {
		if b := v.Get(keys...); b != nil {
			n := len(f.buf)
			f.buf = b.MarshalTo(f.buf)
			return f.buf[n:len(f.buf):len(f.buf)]
		}
		return nil
	}
	r.SchemaType = str(v, "schemaType")
	r.SchemaVersion = str(v, "schemaVersion")
	r.Timestamp = str(v, "timestamp")
	r.AccountID = str(v, "accountId")
	r.Identity.ARN = str(v, "identity", "arn")
	r.Region = str(v, "region")
	r.RequestID = str(v, "requestId")
	r.Operation = str(v, "operation")
	r.ModelID = str(v, "modelId")
	r.InferenceRegion = str(v, "inferenceRegion")
	r.ErrorCode = str(v, "errorCode")
	r.ErrorMessage = str(v, "errorMessage")
	r.RequestMetadata = raw(v, "requestMetadata")
	if in := v.Get("input"); in != nil {
		r.Input.ContentType = str(in, "inputContentType")
		r.Input.BodyJSON = raw(in, "inputBodyJson")
		r.Input.BodyS3Path = str(in, "inputBodyS3Path")
		r.Input.TokenCount = in.GetInt64("inputTokenCount")
		r.Input.CacheReadCount = in.GetInt64("cacheReadInputTokenCount")
		r.Input.CacheWriteCount = in.GetInt64("cacheWriteInputTokenCount")
	}
	if out := v.Get("output"); out != nil {
		r.Output.ContentType = str(out, "outputContentType")
		r.Output.BodyJSON = raw(out, "outputBodyJson")
		r.Output.BodyS3Path = str(out, "outputBodyS3Path")
		r.Output.TokenCount = out.GetInt64("outputTokenCount")
	}
	if out != nil {
		*out = convert(&r)
	}
	return nil
}

// jsonscanDecoder walks a record with the project's jsonscan.Decoder as the bedrock decoder
// does: member names matched by hand, strings unquoted, bodies kept raw (aliasing the
// input), every byte validated, the rest of the line checked to be white space.
type jsonscanDecoder struct {
	d jsonscan.Decoder
	// copyBodies copies each raw body out of the input, as the Unmarshal-based decoders do,
	// to show what aliasing the input saves.
	copyBodies bool
}

var errNotObject = errors.New("not an object")

func (j *jsonscanDecoder) decode(line []byte, out *V2Record) error {
	var r V2Record
	d := &j.d
	d.Reset(line)
	// Member names are matched as written, quotes included, as the bedrock decoder matches
	// them: string(name) in a switch does not allocate.
	err := walkObject(d, func(name []byte) error {
		switch string(name) {
		case `"schemaType"`:
			return text(d, &r.SchemaType)
		case `"schemaVersion"`:
			return text(d, &r.SchemaVersion)
		case `"timestamp"`:
			return text(d, &r.Timestamp)
		case `"accountId"`:
			return text(d, &r.AccountID)
		case `"region"`:
			return text(d, &r.Region)
		case `"requestId"`:
			return text(d, &r.RequestID)
		case `"operation"`:
			return text(d, &r.Operation)
		case `"modelId"`:
			return text(d, &r.ModelID)
		case `"inferenceRegion"`:
			return text(d, &r.InferenceRegion)
		case `"errorCode"`:
			return text(d, &r.ErrorCode)
		case `"errorMessage"`:
			return text(d, &r.ErrorMessage)
		case `"requestMetadata"`:
			return j.rawValue(d, &r.RequestMetadata)
		case `"identity"`:
			return walkObject(d, func(name []byte) error {
				if string(name) == `"arn"` {
					return text(d, &r.Identity.ARN)
				}
				return d.SkipValue()
			})
		case `"input"`:
			return walkObject(d, func(name []byte) error {
				switch string(name) {
				case `"inputContentType"`:
					return text(d, &r.Input.ContentType)
				case `"inputBodyJson"`:
					return j.rawValue(d, &r.Input.BodyJSON)
				case `"inputBodyS3Path"`:
					return text(d, &r.Input.BodyS3Path)
				case `"inputTokenCount"`:
					return integer(d, &r.Input.TokenCount)
				case `"cacheReadInputTokenCount"`:
					return integer(d, &r.Input.CacheReadCount)
				case `"cacheWriteInputTokenCount"`:
					return integer(d, &r.Input.CacheWriteCount)
				}
				return d.SkipValue()
			})
		case `"output"`:
			return walkObject(d, func(name []byte) error {
				switch string(name) {
				case `"outputContentType"`:
					return text(d, &r.Output.ContentType)
				case `"outputBodyJson"`:
					return j.rawValue(d, &r.Output.BodyJSON)
				case `"outputBodyS3Path"`:
					return text(d, &r.Output.BodyS3Path)
				case `"outputTokenCount"`:
					return integer(d, &r.Output.TokenCount)
				}
				return d.SkipValue()
			})
		}
		return d.SkipValue()
	})
	if err != nil {
		return err
	}
	if jsonscan.SkipSpace(line, int(d.InputOffset())) != len(line) {
		return fmt.Errorf("jsonscan: bytes after the record at offset %d", d.InputOffset())
	}
	if out != nil {
		*out = convert(&r)
	}
	return nil
}

// walkObject reads an object, calling member with each name as written (quotes included),
// the decoder positioned at its value, which member must read. A null reads as an empty
// object.
func walkObject(d *jsonscan.Decoder, member func(name []byte) error) error {
	tok, err := d.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 'n':
		return nil
	case '{':
	default:
		return fmt.Errorf("offset %d: %w", d.InputOffset(), errNotObject)
	}
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return err
		}
		if tok.Kind() == '}' {
			return nil
		}
		if err := member(tok.Raw()); err != nil {
			return err
		}
	}
}

func text(d *jsonscan.Decoder, dst *string) error {
	v, err := d.ReadValue()
	if err == nil {
		*dst = jsonscan.Text(v)
	}
	return err
}

func integer(d *jsonscan.Decoder, dst *int64) error {
	v, err := d.ReadValue()
	if err == nil {
		*dst, _ = jsonscan.Int(v)
	}
	return err
}

func (j *jsonscanDecoder) rawValue(d *jsonscan.Decoder, dst *jsontext.Value) error {
	v, err := d.ReadValue()
	if err == nil {
		if j.copyBodies {
			v = bytes.Clone(v)
		}
		*dst = v
	}
	return err
}

// jsontextDecoder is jsonscanDecoder's walk with a jsontext.Decoder (reused, with the options
// the project's jsontext uses take: duplicate names and invalid UTF-8 accepted) in place of
// jsonscan's: the same API, so the same code. Bodies are copied, as a jsontext.Decoder's
// values are only good until its next read.
type jsontextDecoder struct {
	d  *jsontext.Decoder
	br bytes.Reader
}

func (j *jsontextDecoder) decode(line []byte, out *V2Record) error {
	var r V2Record
	j.br.Reset(line)
	if j.d == nil {
		j.d = jsontext.NewDecoder(&j.br, jsontextLenient)
	} else {
		j.d.Reset(&j.br, jsontextLenient)
	}
	d := j.d
	// Member names are matched as written, quotes included, as the bedrock decoder matches
	// them: string(name) in a switch does not allocate.
	err := walkObjectText(d, func(name []byte) error {
		switch string(name) {
		case `"schemaType"`:
			return textOf(d, &r.SchemaType)
		case `"schemaVersion"`:
			return textOf(d, &r.SchemaVersion)
		case `"timestamp"`:
			return textOf(d, &r.Timestamp)
		case `"accountId"`:
			return textOf(d, &r.AccountID)
		case `"region"`:
			return textOf(d, &r.Region)
		case `"requestId"`:
			return textOf(d, &r.RequestID)
		case `"operation"`:
			return textOf(d, &r.Operation)
		case `"modelId"`:
			return textOf(d, &r.ModelID)
		case `"inferenceRegion"`:
			return textOf(d, &r.InferenceRegion)
		case `"errorCode"`:
			return textOf(d, &r.ErrorCode)
		case `"errorMessage"`:
			return textOf(d, &r.ErrorMessage)
		case `"requestMetadata"`:
			return rawCopy(d, &r.RequestMetadata)
		case `"identity"`:
			return walkObjectText(d, func(name []byte) error {
				if string(name) == `"arn"` {
					return textOf(d, &r.Identity.ARN)
				}
				return d.SkipValue()
			})
		case `"input"`:
			return walkObjectText(d, func(name []byte) error {
				switch string(name) {
				case `"inputContentType"`:
					return textOf(d, &r.Input.ContentType)
				case `"inputBodyJson"`:
					return rawCopy(d, &r.Input.BodyJSON)
				case `"inputBodyS3Path"`:
					return textOf(d, &r.Input.BodyS3Path)
				case `"inputTokenCount"`:
					return integerOf(d, &r.Input.TokenCount)
				case `"cacheReadInputTokenCount"`:
					return integerOf(d, &r.Input.CacheReadCount)
				case `"cacheWriteInputTokenCount"`:
					return integerOf(d, &r.Input.CacheWriteCount)
				}
				return d.SkipValue()
			})
		case `"output"`:
			return walkObjectText(d, func(name []byte) error {
				switch string(name) {
				case `"outputContentType"`:
					return textOf(d, &r.Output.ContentType)
				case `"outputBodyJson"`:
					return rawCopy(d, &r.Output.BodyJSON)
				case `"outputBodyS3Path"`:
					return textOf(d, &r.Output.BodyS3Path)
				case `"outputTokenCount"`:
					return integerOf(d, &r.Output.TokenCount)
				}
				return d.SkipValue()
			})
		}
		return d.SkipValue()
	})
	if err != nil {
		return err
	}
	if _, err := d.ReadToken(); err != io.EOF {
		return fmt.Errorf("jsontext: bytes after the record at offset %d: %v", d.InputOffset(), err)
	}
	if out != nil {
		*out = convert(&r)
	}
	return nil
}

// walkObjectText is walkObject for a jsontext.Decoder.
func walkObjectText(d *jsontext.Decoder, member func(name []byte) error) error {
	tok, err := d.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 'n':
		return nil
	case '{':
	default:
		return fmt.Errorf("offset %d: %w", d.InputOffset(), errNotObject)
	}
	for {
		if d.PeekKind() == '}' {
			_, err := d.ReadToken()
			return err
		}
		// ReadValue reads a member name as written, without allocating.
		name, err := d.ReadValue()
		if err != nil {
			return err
		}
		if err := member(name); err != nil {
			return err
		}
	}
}

func textOf(d *jsontext.Decoder, dst *string) error {
	v, err := d.ReadValue()
	if err == nil {
		*dst = jsonscan.Text(v)
	}
	return err
}

func integerOf(d *jsontext.Decoder, dst *int64) error {
	v, err := d.ReadValue()
	if err == nil {
		*dst, _ = jsonscan.Int(v)
	}
	return err
}

func rawCopy(d *jsontext.Decoder, dst *jsontext.Value) error {
	v, err := d.ReadValue()
	if err == nil {
		*dst = bytes.Clone(v)
	}
	return err
}

// validators check a record is valid JSON without decoding it, where the library offers that.
var validators = []struct {
	name  string
	valid func([]byte) bool
}{
	{"encoding-json", stdjson.Valid},
	{"jsontext", jsontextValid},
	{"goccy", goccy.Valid},
	{"sonic", sonic.Valid},
	{"fastjson", func(b []byte) bool { return fastjson.ValidateBytes(b) == nil }},
	{"jsonscan", jsonscan.Valid},
}

// jsontextValid validates with jsontext.Value.IsValid, with the project's lenient options
// (duplicate names and invalid UTF-8 accepted) as a jsontext.Decoder would need to be told.
func jsontextValid(b []byte) bool {
	return jsontext.Value(b).IsValid(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
}

// corpus loads the benchmark package's Bedrock corpus (the same files), repeated to ~4 MB.
func corpus(tb testing.TB) *benchmark.Corpus { return corpusOnce(tb).Repeat(4 << 20) }

// corpusOnce loads the benchmark package's Bedrock corpus, each record once.
func corpusOnce(tb testing.TB) *benchmark.Corpus {
	tb.Helper()
	root := filepath.Join("..", "..", "..")
	c, err := benchmark.Load(
		filepath.Join(root, "testdata", "bedrock", "*.ndjson"),
		filepath.Join(root, "..", "shared", "samples", "bedrock", "invocation.log"),
	)
	if err != nil {
		tb.Fatal(err)
	}
	if c.Records == 0 {
		tb.Skip("no Bedrock records found")
	}
	return c
}

// lines calls f with each line of data (no newline).
func lines(data []byte, f func([]byte) error) error {
	for len(data) > 0 {
		j := bytes.IndexByte(data, '\n')
		if err := f(data[:j]); err != nil {
			return err
		}
		data = data[j+1:]
	}
	return nil
}
