package genai

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.41.0"
)

// Attributes returns the event as OpenTelemetry attributes. See AppendAttributes.
func (e *Event) Attributes() []attribute.KeyValue { return e.AppendAttributes(nil) }

// AppendAttributes appends the event's OpenTelemetry attributes to dst and returns the extended
// slice. Error events (Err set) append nothing.
//
// Keys come from go.opentelemetry.io/otel/semconv/v1.41.0 wherever semconv defines the value
// (gen_ai.provider.name, gen_ai.operation.name, gen_ai.request.*, gen_ai.response.*,
// gen_ai.usage.*, gen_ai.conversation.id, aws.bedrock.guardrail.id, error.type,
// server.address, cloud.*, user.*, client.address, http.*, url.full, aws.request_id,
// azure.service.request.id) and from the Genainorm*Key constants otherwise; OTelKey tells the
// key of each field. error.type is the normalized error type, else the provider's error code,
// else the status code of a failed HTTP response. Values follow OTel conventions: gen_ai.usage.input_tokens includes cache
// reads and writes (Usage.EffectiveInputTokens), durations are in seconds, and
// aws.bedrock.guardrail.id is a single string (the first id; genainorm.guardrail.ids lists
// all).
//
// The content attributes (ContentKeys: system instructions, input and output messages, tool
// definitions) are written in structured form, as attribute.Slice and attribute.Map values
// following the OTel GenAI JSON schemas; a value that is not valid JSON is written as a string.
// Content is opt-in in the OTel conventions: filter it out with
// attribute.NewDenyKeysFilter(genai.ContentKeys()...) when it must not leave the process.
func (e *Event) AppendAttributes(dst []attribute.KeyValue) []attribute.KeyValue {
	return e.appendAttributes(dst, false)
}

func (e *Event) appendAttributes(dst []attribute.KeyValue, omitContent bool) []attribute.KeyValue {
	if e.Err != nil {
		return dst
	}
	var buf [128]FieldValue
	fields := e.AppendFields(buf[:0])
	errType := otelErrorType(e)
	for _, fv := range fields {
		m := otelMappingOf(fv.Field)
		key := m.key
		v := fv.Value
		switch m.conv {
		case convMillisToSecond:
			if v.Kind() != KindInt {
				continue
			}
			dst = append(dst, key.Float64(float64(v.Int())/1000))
			continue
		case convFirst:
			if v.Kind() == KindStrings {
				v = StringValue(v.Strings()[0])
			}
		case convRequestID:
			switch e.Source.ProviderName {
			case ProviderAWSBedrock:
				key = semconv.AWSRequestIDKey
			case ProviderAzureOpenAI:
				key = semconv.AzureServiceRequestIDKey
			default:
				key = GenainormRequestIDKey
			}
		case convUserFallback:
			if e.Identity.UserID != "" {
				continue
			}
		case convErrorCode:
			if v.Kind() == KindString && v.Str() == errType {
				continue
			}
		}
		if key == "" {
			continue
		}
		if omitContent && isContentKey(key) {
			continue
		}
		dst = appendAttrValue(dst, key, v)
	}
	if errType != "" && e.Response.ErrorType == "" && e.Response.ErrorCode == "" {
		// A failed HTTP response without a provider error code: error.type is the status
		// code, as in the OTel HTTP conventions.
		dst = append(dst, semconv.ErrorTypeKey.String(errType))
	}
	return dst
}

// appendAttrValue appends v under key, converted by kind.
func appendAttrValue(dst []attribute.KeyValue, key attribute.Key, v Value) []attribute.KeyValue {
	switch v.Kind() {
	case KindString:
		return append(dst, key.String(v.Str()))
	case KindInt:
		return append(dst, key.Int64(v.Int()))
	case KindFloat:
		return append(dst, key.Float64(v.Float()))
	case KindBool:
		return append(dst, key.Bool(v.Bool()))
	case KindStrings:
		return append(dst, key.StringSlice(v.Strings()))
	case KindTime:
		return append(dst, key.String(v.Time().Format(time.RFC3339Nano)))
	case KindJSON:
		if av, err := JSONAttributeValue(v.JSON()); err == nil {
			return append(dst, attribute.KeyValue{Key: key, Value: av})
		}
		return append(dst, key.String(string(v.JSON())))
	}
	return dst
}

// otelErrorType returns the OTel error.type of the event: the normalized error type, else the
// provider's error code, else the HTTP status code of a failed response, else "".
func otelErrorType(e *Event) string {
	switch {
	case e.Response.ErrorType != "":
		return e.Response.ErrorType
	case e.Response.ErrorCode != "":
		return e.Response.ErrorCode
	case e.HTTP.StatusCode >= 400:
		return strconv.FormatInt(e.HTTP.StatusCode, 10)
	}
	return ""
}

// maxJSONAttrDepth bounds the nesting JSONAttributeValue follows.
const maxJSONAttrDepth = 64

// errJSONAttrDepth reports JSON nested deeper than maxJSONAttrDepth.
var errJSONAttrDepth = errors.New("genai: JSON nested too deeply for an attribute value")

// JSONAttributeValue converts one JSON value into an OpenTelemetry attribute value: objects
// become attribute.MapValue (a repeated member keeps its last value), arrays
// attribute.SliceValue, strings, booleans and numbers the matching scalar (integers that fit
// in int64 as Int64, other numbers as Float64), and null the empty Value. It returns an error
// when raw is not exactly one valid JSON value or is nested more than 64 levels deep.
func JSONAttributeValue(raw []byte) (attribute.Value, error) {
	jd := jsonAttrDecoders.Get().(*jsonAttrDecoder)
	defer jsonAttrDecoders.Put(jd)
	jd.r.Reset(raw)
	jd.dec.Reset(&jd.r, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	defer jd.r.Reset(nil) // do not keep raw alive
	dec := jd.dec
	v, err := decodeJSONAttr(dec, 0)
	if err != nil {
		return attribute.Value{}, err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		if err == nil {
			err = errors.New("genai: more than one JSON value")
		}
		return attribute.Value{}, err
	}
	return v, nil
}

// jsonAttrDecoder is a reusable JSON decoder with its reader.
type jsonAttrDecoder struct {
	r   bytes.Reader
	dec *jsontext.Decoder
}

var jsonAttrDecoders = sync.Pool{New: func() any {
	jd := &jsonAttrDecoder{}
	jd.dec = jsontext.NewDecoder(&jd.r)
	return jd
}}

func decodeJSONAttr(dec *jsontext.Decoder, depth int) (attribute.Value, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return attribute.Value{}, err
	}
	switch tok.Kind() {
	case 'n':
		return attribute.Value{}, nil
	case 't', 'f':
		return attribute.BoolValue(tok.Bool()), nil
	case '"':
		return attribute.StringValue(tok.String()), nil
	case '0':
		s := tok.String()
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return attribute.Int64Value(n), nil
		}
		if f, err := tok.Float(); err == nil {
			return attribute.Float64Value(f), nil
		}
		// Out of float64 range: keep the number's text.
		return attribute.StringValue(s), nil
	case '{':
		if depth >= maxJSONAttrDepth {
			return attribute.Value{}, errJSONAttrDepth
		}
		var kvs []attribute.KeyValue
		for dec.PeekKind() != '}' {
			name, err := dec.ReadToken()
			if err != nil {
				return attribute.Value{}, err
			}
			key := attribute.Key(name.String())
			val, err := decodeJSONAttr(dec, depth+1)
			if err != nil {
				return attribute.Value{}, err
			}
			kvs = setKV(kvs, key, val)
		}
		if _, err := dec.ReadToken(); err != nil {
			return attribute.Value{}, err
		}
		return attribute.MapValue(kvs...), nil
	case '[':
		if depth >= maxJSONAttrDepth {
			return attribute.Value{}, errJSONAttrDepth
		}
		var vals []attribute.Value
		for dec.PeekKind() != ']' {
			val, err := decodeJSONAttr(dec, depth+1)
			if err != nil {
				return attribute.Value{}, err
			}
			vals = append(vals, val)
		}
		if _, err := dec.ReadToken(); err != nil {
			return attribute.Value{}, err
		}
		return attribute.SliceValue(vals...), nil
	}
	return attribute.Value{}, errors.New("genai: unexpected JSON token " + tok.Kind().String())
}

// setKV sets key to val in kvs, replacing an earlier member of the same name.
func setKV(kvs []attribute.KeyValue, key attribute.Key, val attribute.Value) []attribute.KeyValue {
	for i := range kvs {
		if kvs[i].Key == key {
			kvs[i].Value = val
			return kvs
		}
	}
	return append(kvs, attribute.KeyValue{Key: key, Value: val})
}
