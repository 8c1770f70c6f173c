package ecs

import (
	"math/bits"
	"strconv"
	"sync"
	"time"

	"github.com/genainorm/genainorm/genai"
)

// Version is the ECS version written to ecs.version.
const Version = "9.1.0"

// DefaultNamespace is the data stream namespace used when none is given.
const DefaultNamespace = "default"

// Renderer writes Events as ECS documents. The zero Renderer writes elastic-profile documents
// into the default namespace, stamping event.ingested with the current time.
//
// A Renderer keeps scratch space between calls: it is not safe for concurrent use; use one per
// goroutine.
type Renderer struct {
	// Profile selects the document's fields: genai.ProfileElastic (default) or genai.ProfileECS.
	Profile genai.Profile
	// Namespace is the data stream namespace (data_stream.namespace); "" means "default".
	Namespace string
	// Ingested, when set, is written as event.ingested instead of the current time (for
	// reproducible output such as golden files).
	Ingested time.Time
	// KeepOriginal writes the raw record to event.original on every document, not only on error
	// documents.
	KeepOriginal bool

	fields genai.FieldSet // the document's fields
	stack  []int32
}

// fieldKeys is what the renderer precomputes for every field, in registry order.
type fieldKeys struct {
	// path holds the field's whole path as JSON: each enclosing object's key followed by ":{",
	// then the field's own key and a colon (`"gen_ai":{"request":{"model":{"id":`), so that
	// rendering never escapes a name and opens any number of objects with one copy.
	path []byte
	// starts[d] is where the key of the path's segment at depth d starts in path.
	starts []uint16
	// objects identifies each enclosing object by its path prefix ("gen_ai",
	// "gen_ai.request", ...): fields in the same object share the ids, so finding the objects
	// to close and open compares integers, not strings.
	objects []int32
	// array copies the Field's, so that rendering reads this table, not the Fields spread
	// over the heap.
	array bool
}

var keys = sync.OnceValue(func() []fieldKeys {
	fields := genai.Fields()
	out := make([]fieldKeys, len(fields))
	// Every field's keys and ids live in shared arrays, so that rendering a document reads a
	// few contiguous cache lines rather than a small allocation per field.
	var text []byte
	var starts []uint16
	var objs []int32
	type span struct{ text, starts, obj [2]int }
	spans := make([]span, len(fields))
	ids := map[string]int32{}
	for i, f := range fields {
		path := f.Path()
		sp := &spans[i]
		sp.text[0], sp.starts[0], sp.obj[0] = len(text), len(starts), len(objs)
		prefix := ""
		for k, seg := range path {
			starts = append(starts, uint16(len(text)-sp.text[0]))
			text = append(genai.AppendJSONString(text, seg), ':')
			if k == len(path)-1 {
				break
			}
			text = append(text, '{')
			prefix += "." + seg
			id, ok := ids[prefix]
			if !ok {
				id = int32(len(ids))
				ids[prefix] = id
			}
			objs = append(objs, id)
		}
		sp.text[1], sp.starts[1], sp.obj[1] = len(text), len(starts), len(objs)
	}
	// Slice the table out of the arrays once they have stopped growing.
	for i := range out {
		sp := &spans[i]
		out[i].array = fields[i].Array
		out[i].path = text[sp.text[0]:sp.text[1]:sp.text[1]]
		out[i].starts = starts[sp.starts[0]:sp.starts[1]:sp.starts[1]]
		out[i].objects = objs[sp.obj[0]:sp.obj[1]:sp.obj[1]]
	}
	return out
})

// DataStream returns the name of the data stream ev belongs in, such as
// "logs-aws_bedrock.invocation-default".
func DataStream(ev *genai.Event, namespace string) string {
	if namespace == "" {
		namespace = DefaultNamespace
	}
	return "logs-" + dataset(ev) + "-" + namespace
}

func dataset(ev *genai.Event) string {
	if ev.Source.Dataset != "" {
		return ev.Source.Dataset
	}
	return genai.DatasetErrors
}

func module(ev *genai.Event) string {
	if ev.Source.Module != "" {
		return ev.Source.Module
	}
	return "genainorm"
}

// AppendDocument appends ev as one JSON document (no trailing newline) to dst and returns the
// extended buffer. An event with Err set becomes an error document (event.kind:
// pipeline_error, error.message, event.original and the record's position).
func (r *Renderer) AppendDocument(dst []byte, ev *genai.Event) []byte {
	profile := r.Profile
	if profile == 0 {
		profile = genai.ProfileElastic
	}
	ns := r.Namespace
	if ns == "" {
		ns = DefaultNamespace
	}
	ingested := r.Ingested
	if ingested.IsZero() {
		ingested = time.Now()
	}
	s := &r.fields
	s.Reset(profile)
	ds := dataset(ev)
	s.Add(genai.DataStreamType, genai.StringValue("logs"))
	s.Add(genai.DataStreamDataset, genai.StringValue(ds))
	s.Add(genai.DataStreamNamespace, genai.StringValue(ns))
	s.Add(genai.EventDataset, genai.StringValue(ds))
	s.Add(genai.EventModule, genai.StringValue(module(ev)))
	s.Add(genai.EventIngested, genai.TimeValue(ingested))
	s.Add(genai.ECSVersion, genai.StringValue(Version))
	if ev.Err != nil {
		s.Add(genai.EventKind, genai.StringValue("pipeline_error"))
		s.Add(genai.Timestamp, genai.TimeValue(ingested))
		s.Add(genai.ErrorMessage, genai.StringValue(ev.Err.Error()))
		s.Add(genai.EventOriginal, genai.StringValue(string(ev.Original)))
		ev.CollectSourceFields(s)
	} else {
		s.Add(genai.EventKind, genai.StringValue("event"))
		if r.KeepOriginal {
			s.Add(genai.EventOriginal, genai.StringValue(string(ev.Original)))
		}
		ev.CollectFields(s)
		if ev.Time.IsZero() {
			s.Add(genai.Timestamp, genai.TimeValue(ingested))
		}
	}
	// The set holds this profile's fields, first value of each, and lists them in registry
	// (name) order.
	return r.writeNested(dst, keys())
}

// writeNested writes the document's fields as nested JSON objects. Registry order is name
// order, so the members of every object are contiguous.
func (r *Renderer) writeNested(dst []byte, all []fieldKeys) []byte {
	const closers = "}}}}}}}}}}}}}}}}"
	stack := r.stack[:0] // the open objects
	dst = append(dst, '{')
	first := true
	set := &r.fields
	for w, word := range set.Bits() {
		for word != 0 {
			ord := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			k := &all[ord]
			objects := k.objects
			// Close the objects that are not on this field's path.
			common := 0
			for common < len(stack) && common < len(objects) && stack[common] == objects[common] {
				common++
			}
			if n := len(stack) - common; n > 0 {
				for n > len(closers) {
					dst = append(dst, closers...)
					n -= len(closers)
				}
				dst = append(dst, closers[:n]...)
				stack = stack[:common]
				first = false
			}
			// Open the objects down to the field's parent and write its key, in one copy.
			if !first {
				dst = append(dst, ',')
			}
			dst = append(dst, k.path[k.starts[common]:]...)
			for _, id := range objects[common:] {
				stack = append(stack, id)
			}
			dst = appendValue(dst, k.array, set.At(ord))
			first = false
		}
	}
	for range stack {
		dst = append(dst, '}')
	}
	r.stack = stack[:0]
	return append(dst, '}')
}

func appendValue(dst []byte, arrayField bool, v *genai.Value) []byte {
	array := arrayField && v.Kind() != genai.KindStrings && v.Kind() != genai.KindJSON
	if array {
		dst = append(dst, '[')
	}
	switch v.Kind() {
	case genai.KindString:
		dst = genai.AppendJSONString(dst, v.Str())
	case genai.KindInt:
		dst = strconv.AppendInt(dst, v.Int(), 10)
	case genai.KindFloat:
		dst = genai.AppendJSONFloat(dst, v.Float())
	case genai.KindBool:
		dst = strconv.AppendBool(dst, v.Bool())
	case genai.KindTime:
		dst = genai.AppendJSONTime(dst, v.Time())
	case genai.KindJSON:
		dst = append(dst, v.JSON()...)
	case genai.KindStrings:
		dst = append(dst, '[')
		for i, s := range v.Strings() {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = genai.AppendJSONString(dst, s)
		}
		dst = append(dst, ']')
	default:
		dst = append(dst, "null"...)
	}
	if array {
		dst = append(dst, ']')
	}
	return dst
}
