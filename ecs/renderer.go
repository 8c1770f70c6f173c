package ecs

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
	"time"
	"unsafe"

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
	shapes shapeCache

	timeBuf   []byte // the text of the last time timeText formatted
	timeMilli int64  // its millisecond since the epoch
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
}

var keys = sync.OnceValue(func() *keyTable {
	fields := genai.Fields()
	t := &keyTable{fields: make([]fieldKeys, len(fields))}
	ids := map[string]int32{}
	for i, f := range fields {
		path := f.Path()
		k := &t.fields[i]
		k.starts, k.objects = uint32(len(t.starts)), uint32(len(t.objects))
		k.depth = uint8(len(path) - 1)
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
	var ingestedText []byte
	if r.Ingested.IsZero() {
		ingestedText = r.timeTextNano(nowUnixNano())
	} else {
		ingestedText = r.timeTextNano(r.Ingested.UnixNano()) // what TimeValue keeps of it
	}
	s := &r.fields
	s.Reset(profile)
	ds := dataset(ev)
	s.AddString(genai.DataStreamType, "logs")
	s.AddString(genai.DataStreamDataset, ds)
	s.AddString(genai.DataStreamNamespace, ns)
	s.AddString(genai.EventDataset, ds)
	s.AddString(genai.EventModule, module(ev))
	s.AddJSON(genai.EventIngested, ingestedText)
	s.AddString(genai.ECSVersion, Version)
	if ev.Err != nil {
		s.AddString(genai.EventKind, "pipeline_error")
		s.AddJSON(genai.Timestamp, ingestedText)
		s.AddString(genai.ErrorMessage, ev.Err.Error())
		s.AddString(genai.EventOriginal, unsafe.String(unsafe.SliceData(ev.Original), len(ev.Original)))
		ev.CollectSourceFields(s)
	} else {
		s.AddString(genai.EventKind, "event")
		if r.KeepOriginal {
			s.AddString(genai.EventOriginal, unsafe.String(unsafe.SliceData(ev.Original), len(ev.Original)))
		}
		ev.CollectFields(s)
		if ev.Time.IsZero() {
			s.AddJSON(genai.Timestamp, ingestedText)
		}
	}
	// The set holds this profile's fields, first value of each, and lists them in registry
	// (name) order.
	return r.writeNested(dst, keys())
}

// timeText returns t as the renderer writes a time (a TimeValue of t): a JSON string of its
// UTC millisecond. It is timeTextNano of what TimeValue keeps of t.
func (r *Renderer) timeText(t time.Time) []byte { return r.timeTextNano(t.UnixNano()) }

// timeTextNano returns the time ns nanoseconds after the epoch as the renderer writes a time:
// a JSON string of its UTC millisecond. Documents rendered within one millisecond share
// event.ingested, so the text is kept and written again until the millisecond changes. It is
// valid until the next call.
func (r *Renderer) timeTextNano(ns int64) []byte {
	ms := ns / 1e6
	if ns >= 0 && ms == r.timeMilli && len(r.timeBuf) > 0 {
		return r.timeBuf
	}
	r.timeBuf = genai.AppendJSONTime(r.timeBuf[:0], time.Unix(0, ns))
	r.timeMilli = ms
	if ns < 0 { // ms is not the floor: format every time
		r.timeMilli = -1
	}
	return r.timeBuf
}

// writeNested writes the document's fields as nested JSON objects, laid out by the shape of
// its set of fields.
func (r *Renderer) writeNested(dst []byte, t *keyTable) []byte {
	return r.fields.AppendLayout(dst, r.shapes.get(r.fields.Bits(), t).layout)
}

// A shape is the key layout of documents that have one set of fields: for each field, in name
// order, the text that goes before its value (the braces that close the previous field's
// objects, a comma, the keys that open the field's objects and the field's own key), and the
// text that ends the document. Documents of one kind of record share a shape, so rendering
// them copies their keys without working out the nesting again.
type shape struct {
	ords []uint16 // the fields, in name order
	ends []uint32 // where each field's prefix ends in text; the last ends the document
	text []byte   // the document without its values

	set    []uint64      // the set of fields (Bits) the shape lays out
	layout *genai.Layout // what writeNested writes documents of the shape with
}

// maxShapes bounds the shapes a Renderer keeps; a stream of records has a few kinds, each
// with a few shapes.
const maxShapes = 256

// shapeCache holds the shapes seen, by their set of fields.
type shapeCache struct {
	m map[string]*shape
	// recent holds shapes by a hash of their set of fields, so that finding a shape seen
	// before hashes and compares a few words (most documents), without building a key.
	recent [64]*shape
	key    []byte  // scratch for get: the set of fields as bytes
	stack  []int32 // scratch for build: the open objects
}

// get returns the shape of the fields in bits (a FieldSet's Bits), building it on first use.
func (c *shapeCache) get(bits []uint64, t *keyTable) *shape {
	h := uint64(0)
	for _, w := range bits {
		h = (h ^ w) * 0x9e3779b97f4a7c15
	}
	slot := &c.recent[h>>58]
	if sh := *slot; sh != nil && slices.Equal(sh.set, bits) {
		return sh
	}
	c.key = c.key[:0]
	for _, w := range bits {
		c.key = binary.LittleEndian.AppendUint64(c.key, w)
	}
	sh := c.m[string(c.key)]
	if sh == nil {
		if c.m == nil || len(c.m) >= maxShapes {
			c.m = make(map[string]*shape)
			c.recent = [64]*shape{}
		}
		sh = c.build(bits, t)
		c.m[string(c.key)] = sh
	}
	*slot = sh
	return sh
}

// build lays out the fields in bits. Registry order is name order, so the members of every
// object are contiguous.
func (c *shapeCache) build(set []uint64, t *keyTable) *shape {
	const closers = "}}}}}}}}}}}}}}}}"
	sh := new(shape)
	stack := c.stack[:0]
	text := []byte{'{'}
	first := true
	for w, word := range set {
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
					text = append(text, closers...)
					n -= len(closers)
				}
				text = append(text, closers[:n]...)
				stack = stack[:common]
			}
			// Open the objects down to the field's parent and write its key.
			if !first {
				text = append(text, ',')
			}
			text = append(text, t.text[t.starts[k.starts+uint32(common)]:k.end]...)
			if common < len(objects) {
				stack = append(stack, objects[common:]...)
			}
			sh.ords = append(sh.ords, uint16(ord))
			sh.ends = append(sh.ends, uint32(len(text)))
			first = false
		}
	}
	for range stack {
		text = append(text, '}')
	}
	text = append(text, '}')
	sh.text = text
	sh.set = slices.Clone(set)
	sh.layout = genai.NewLayout(text, sh.ords, sh.ends)
	c.stack = stack[:0]
	return sh
}
