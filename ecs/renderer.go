package ecs

import (
	"slices"
	"strconv"
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
	stack   []string
}

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
		add(genai.GenainormFormat, genai.StringValue(ev.Source.Format))
		pos := ev.Source.Position
		add(genai.LogFilePath, genai.StringValue(pos.Name))
		add(genai.LogOffset, genai.IntValue(pos.Offset))
		if pos.Line > 0 {
			add(genai.GenainormRecordLine, genai.IntValue(pos.Line))
		}
		add(genai.GenainormRecordPath, genai.StringValue(pos.Path))
		add(genai.GenainormRecordEnvelope, genai.StringValue(ev.Source.Envelope))
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
	// Keep the fields of this profile, in name order, first value of each field.
	kept := fs[:0]
	for _, fv := range fs {
		if fv.Field.In(profile) {
			kept = append(kept, fv)
		}
	}
	slices.SortStableFunc(kept, func(a, b genai.FieldValue) int { return a.Field.Ord() - b.Field.Ord() })
	dst = r.writeNested(dst, kept)
	r.scratch = fs[:0]
	return dst
}

// writeNested writes name-sorted fields as nested JSON objects.
func (r *Renderer) writeNested(dst []byte, fs []genai.FieldValue) []byte {
	stack := r.stack[:0] // the open object path
	dst = append(dst, '{')
	first := true
	var prev *genai.Field
	for _, fv := range fs {
		if fv.Field == prev {
			continue
		}
		prev = fv.Field
		path := fv.Field.Path()
		// Close the objects that are not on this field's path.
		common := 0
		for common < len(stack) && common < len(path)-1 && stack[common] == path[common] {
			common++
		}
		for len(stack) > common {
			dst = append(dst, '}')
			stack = stack[:len(stack)-1]
			first = false
		}
		// Open the objects down to the field's parent.
		for len(stack) < len(path)-1 {
			if !first {
				dst = append(dst, ',')
			}
			seg := path[len(stack)]
			dst = genai.AppendJSONString(dst, seg)
			dst = append(dst, ':', '{')
			stack = append(stack, seg)
			first = true
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = genai.AppendJSONString(dst, path[len(path)-1])
		dst = append(dst, ':')
		dst = appendValue(dst, fv.Field, fv.Value)
	}
	for range stack {
		dst = append(dst, '}')
	}
	r.stack = stack[:0]
	return append(dst, '}')
}

func appendValue(dst []byte, f *genai.Field, v genai.Value) []byte {
	array := f.Array && v.Kind() != genai.KindStrings && v.Kind() != genai.KindJSON
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
