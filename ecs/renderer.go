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

// keyTable is what the renderer precomputes for every field, in registry order. It is a few
// small contiguous arrays, so that rendering a document touches few cache lines.
type keyTable struct {
	fields []fieldKeys
	// text holds each field's whole path as JSON: each enclosing object's key followed by
	// ":{", then the field's own key and a colon (`"gen_ai":{"request":{"model":{"id":`), so
	// that rendering never escapes a name and opens any number of objects with one copy.
	text []byte
	// starts holds, for each field, where the key of its path's segment at each depth starts
	// in text.
	starts []uint32
	// objects identifies each field's enclosing objects by their path prefix ("gen_ai",
	// "gen_ai.request", ...): fields in the same object share the ids, so finding the objects
	// to close and open compares integers, not strings.
	objects []int32
}

// fieldKeys locates one field's parts of the keyTable.
type fieldKeys struct {
	end     uint32 // where the field's path ends in text
	starts  uint32 // index of its first segment's start in starts (depth+1 entries)
	objects uint32 // index of its outermost enclosing object in objects (depth entries)
	depth   uint8  // the number of enclosing objects
	array   bool   // the Field's Array
}

var keys = sync.OnceValue(func() *keyTable {
	fields := genai.Fields()
	t := &keyTable{fields: make([]fieldKeys, len(fields))}
	ids := map[string]int32{}
	for i, f := range fields {
		path := f.Path()
		k := &t.fields[i]
		k.starts, k.objects = uint32(len(t.starts)), uint32(len(t.objects))
		k.depth, k.array = uint8(len(path)-1), f.Array
		prefix := ""
		for d, seg := range path {
			t.starts = append(t.starts, uint32(len(t.text)))
			t.text = append(genai.AppendJSONString(t.text, seg), ':')
			if d == len(path)-1 {
				break
			}
			t.text = append(t.text, '{')
			prefix += "." + seg
			id, ok := ids[prefix]
			if !ok {
				id = int32(len(ids))
				ids[prefix] = id
			}
			t.objects = append(t.objects, id)
		}
		k.end = uint32(len(t.text))
	}
	return t
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
func (r *Renderer) writeNested(dst []byte, t *keyTable) []byte {
	const closers = "}}}}}}}}}}}}}}}}"
	stack := r.stack[:0] // the open objects
	dst = append(dst, '{')
	first := true
	set := &r.fields
	for w, word := range set.Bits() {
		for word != 0 {
			ord := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			k := &t.fields[ord]
			objects := t.objects[k.objects : k.objects+uint32(k.depth)]
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
			dst = append(dst, t.text[t.starts[k.starts+uint32(common)]:k.end]...)
			if common < len(objects) {
				stack = append(stack, objects[common:]...)
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
