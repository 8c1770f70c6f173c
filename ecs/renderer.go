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

	scratch []genai.FieldValue
	stack   []int32
	slots   []genai.Value // the document's values, indexed by Field.Ord
	set     []uint64      // which slots are filled
}

// fieldKeys is what the renderer precomputes for every field, in registry order.
type fieldKeys struct {
	// enc holds each path segment encoded as a JSON object key followed by a colon, so that
	// rendering never escapes a field name.
	enc [][]byte
	// objects identifies each enclosing object by its path prefix ("gen_ai",
	// "gen_ai.request", ...): fields in the same object share the ids, so finding the objects
	// to close and open compares integers, not strings.
	objects []int32
	// profiles and array copy the Field's, so that rendering reads this table, not the
	// Fields spread over the heap.
	profiles genai.Profile
	array    bool
}

var keys = sync.OnceValue(func() []fieldKeys {
	fields := genai.Fields()
	out := make([]fieldKeys, len(fields))
	// Every field's keys and ids live in three shared arrays, so that rendering a document
	// reads a few contiguous cache lines rather than a small allocation per field.
	var text []byte
	var ends []int // where each encoded key ends in text
	var objs []int32
	type span struct{ enc, obj [2]int }
	spans := make([]span, len(fields))
	ids := map[string]int32{}
	for i, f := range fields {
		path := f.Path()
		spans[i].enc[0], spans[i].obj[0] = len(ends), len(objs)
		prefix := ""
		for k, seg := range path {
			text = append(genai.AppendJSONString(text, seg), ':')
			ends = append(ends, len(text))
			if k == len(path)-1 {
				break
			}
			prefix += "." + seg
			id, ok := ids[prefix]
			if !ok {
				id = int32(len(ids))
				ids[prefix] = id
			}
			objs = append(objs, id)
		}
		spans[i].enc[1], spans[i].obj[1] = len(ends), len(objs)
	}
	// Slice the keys out of text once it has stopped growing.
	encs := make([][]byte, len(ends))
	start := 0
	for i, end := range ends {
		encs[i] = text[start:end:end]
		start = end
	}
	for i := range out {
		out[i].profiles, out[i].array = fields[i].Profiles, fields[i].Array
		out[i].enc = encs[spans[i].enc[0]:spans[i].enc[1]:spans[i].enc[1]]
		out[i].objects = objs[spans[i].obj[0]:spans[i].obj[1]:spans[i].obj[1]]
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
	fs := r.scratch[:0]
	add := func(f *genai.Field, v genai.Value) {
		if !v.IsEmpty() {
			fs = append(fs, genai.FieldValue{Field: f, Value: v})
		}
	}
	ds := dataset(ev)
	add(genai.DataStreamType, genai.StringValue("logs"))
	add(genai.DataStreamDataset, genai.StringValue(ds))
	add(genai.DataStreamNamespace, genai.StringValue(ns))
	add(genai.EventDataset, genai.StringValue(ds))
	add(genai.EventModule, genai.StringValue(module(ev)))
	add(genai.EventIngested, genai.TimeValue(ingested))
	add(genai.ECSVersion, genai.StringValue(Version))
	if ev.Err != nil {
		add(genai.EventKind, genai.StringValue("pipeline_error"))
		add(genai.Timestamp, genai.TimeValue(ingested))
		add(genai.ErrorMessage, genai.StringValue(ev.Err.Error()))
		add(genai.EventOriginal, genai.StringValue(string(ev.Original)))
		fs = ev.AppendSourceFields(fs)
	} else {
		add(genai.EventKind, genai.StringValue("event"))
		if r.KeepOriginal {
			add(genai.EventOriginal, genai.StringValue(string(ev.Original)))
		}
		fs = ev.AppendFields(fs)
		if ev.Time.IsZero() {
			add(genai.Timestamp, genai.TimeValue(ingested))
		}
	}
	// Keep the fields of this profile, first value of each field, in registry (name) order: a
	// bitset over the registry replaces a sort.
	if n := len(genai.Fields()); len(r.slots) != n {
		r.slots = make([]genai.Value, n)
		r.set = make([]uint64, (n+63)/64)
	}
	all := keys()
	for _, fv := range fs {
		ord := fv.Field.Ord()
		if all[ord].profiles&profile == 0 {
			continue
		}
		if r.set[ord/64]&(1<<(ord%64)) != 0 {
			continue
		}
		r.set[ord/64] |= 1 << (ord % 64)
		r.slots[ord] = fv.Value
	}
	dst = r.writeNested(dst, all)
	clear(fs)
	r.scratch = fs[:0]
	return dst
}

// writeNested writes the filled slots as nested JSON objects and clears them. Registry order
// is name order, so the members of every object are contiguous.
func (r *Renderer) writeNested(dst []byte, all []fieldKeys) []byte {
	stack := r.stack[:0] // the open objects
	dst = append(dst, '{')
	first := true
	for w, word := range r.set {
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
			for len(stack) > common {
				dst = append(dst, '}')
				stack = stack[:len(stack)-1]
				first = false
			}
			// Open the objects down to the field's parent.
			for len(stack) < len(objects) {
				if !first {
					dst = append(dst, ',')
				}
				dst = append(dst, k.enc[len(stack)]...)
				dst = append(dst, '{')
				stack = append(stack, objects[len(stack)])
				first = true
			}
			if !first {
				dst = append(dst, ',')
			}
			first = false
			dst = append(dst, k.enc[len(objects)]...)
			dst = appendValue(dst, k.array, r.slots[ord])
			r.slots[ord] = genai.Value{}
		}
		r.set[w] = 0
	}
	for range stack {
		dst = append(dst, '}')
	}
	r.stack = stack[:0]
	return append(dst, '}')
}

func appendValue(dst []byte, arrayField bool, v genai.Value) []byte {
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
