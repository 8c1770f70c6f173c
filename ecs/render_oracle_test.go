package ecs

// The renderer as it was before its rendering was reworked for speed (round 4), kept as the
// oracle the differential test compares AppendDocument with.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"time"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

// oracleRenderer renders like the original Renderer r, from its own scratch space.
type oracleRenderer struct {
	r      *Renderer
	fields oracleSet
	shapes oracleShapeCache
}

// oracleSet is a FieldSet built from the Event's field list (AppendFields) rather than
// CollectFields, so that the oracle shares no rendering code with the renderer it checks.
type oracleSet struct {
	profile genai.Profile
	bits    []uint64
	vals    map[int]genai.Value
}

func (s *oracleSet) Reset(p genai.Profile) {
	s.profile, s.bits, s.vals = p, make([]uint64, (len(genai.Fields())+63)/64), map[int]genai.Value{}
}

func (s *oracleSet) Add(f *genai.Field, v genai.Value) {
	if v.IsEmpty() || !f.In(s.profile) || s.bits[f.Ord()/64]&(1<<(f.Ord()%64)) != 0 {
		return
	}
	s.bits[f.Ord()/64] |= 1 << (f.Ord() % 64)
	s.vals[f.Ord()] = v
}

func (s *oracleSet) addAll(fvs []genai.FieldValue) {
	for _, fv := range fvs {
		s.Add(fv.Field, fv.Value)
	}
}

func (s *oracleSet) Bits() []uint64 { return s.bits }

func (s *oracleSet) At(ord int) *genai.Value {
	v := s.vals[ord]
	return &v
}

// oracleKeys is keys() as it was.
var oracleKeys = sync.OnceValue(func() *oracleKeyTable {
	fields := genai.Fields()
	t := &oracleKeyTable{fields: make([]oracleFieldKeys, len(fields))}
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

// AppendDocument appends ev as one JSON document (no trailing newline) to dst and returns the
// extended buffer. An event with Err set becomes an error document (event.kind:
// pipeline_error, error.message, event.original and the record's position).
func (r *oracleRenderer) AppendDocument(dst []byte, ev *genai.Event) []byte {
	profile := r.r.Profile
	if profile == 0 {
		profile = genai.ProfileElastic
	}
	ns := r.r.Namespace
	if ns == "" {
		ns = DefaultNamespace
	}
	ingested := r.r.Ingested
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
		s.addAll(ev.AppendSourceFields(nil))
	} else {
		s.Add(genai.EventKind, genai.StringValue("event"))
		if r.r.KeepOriginal {
			s.Add(genai.EventOriginal, genai.StringValue(string(ev.Original)))
		}
		s.addAll(ev.AppendFields(nil))
		if ev.Time.IsZero() {
			s.Add(genai.Timestamp, genai.TimeValue(ingested))
		}
	}
	// The set holds this profile's fields, first value of each, and lists them in registry
	// (name) order.
	return r.writeNested(dst, oracleKeys())
}

// writeNested writes the document's fields as nested JSON objects, laid out by the shape of
// its set of fields.
func (r *oracleRenderer) writeNested(dst []byte, t *oracleKeyTable) []byte {
	set := &r.fields
	sh := r.shapes.get(set.Bits(), t)
	text := sh.text
	prev := uint32(0)
	for i, ord := range sh.ords {
		end := sh.ends[i]
		dst = append(dst, text[prev:end]...)
		prev = end
		dst = set.At(int(ord)).AppendJSON(dst, t.fields[ord].array)
	}
	return append(dst, text[prev:]...)
}

// A shape is the key layout of documents that have one set of fields: for each field, in name
// order, the text that goes before its value (the braces that close the previous field's
// objects, a comma, the keys that open the field's objects and the field's own key), and the
// text that ends the document. Documents of one kind of record share a shape, so rendering
// them copies their keys without working out the nesting again.
type oracleShape struct {
	ords []uint16 // the fields, in name order
	ends []uint32 // where each field's prefix ends in text; the last ends the document
	text []byte
}

// oracleMaxShapes bounds the shapes a Renderer keeps; a stream of records has a few kinds, each
// with a few shapes.
const oracleMaxShapes = 256

// oracleShapeCache holds the shapes seen, by their set of fields.
type oracleShapeCache struct {
	m     map[string]*oracleShape
	key   []byte  // scratch for get: the set of fields as bytes
	stack []int32 // scratch for build: the open objects
}

// get returns the shape of the fields in bits (a FieldSet's Bits), building it on first use.
func (c *oracleShapeCache) get(bits []uint64, t *oracleKeyTable) *oracleShape {
	c.key = c.key[:0]
	for _, w := range bits {
		c.key = binary.LittleEndian.AppendUint64(c.key, w)
	}
	if sh := c.m[string(c.key)]; sh != nil {
		return sh
	}
	if c.m == nil || len(c.m) >= oracleMaxShapes {
		c.m = make(map[string]*oracleShape)
	}
	sh := c.build(bits, t)
	c.m[string(c.key)] = sh
	return sh
}

// build lays out the fields in bits. Registry order is name order, so the members of every
// object are contiguous.
func (c *oracleShapeCache) build(set []uint64, t *oracleKeyTable) *oracleShape {
	const closers = "}}}}}}}}}}}}}}}}"
	sh := new(oracleShape)
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
	sh.text = append(text, '}')
	c.stack = stack[:0]
	return sh
}

type oracleKeyTable struct {
	fields  []oracleFieldKeys
	text    []byte
	starts  []uint32
	objects []int32
}

type oracleFieldKeys struct {
	end     uint32
	starts  uint32
	objects uint32
	depth   uint8
	array   bool
}

// The renderer writes every event of the corpora byte for byte as the oracle does, in both
// profiles, with and without KeepOriginal and a namespace, rendering each event twice in a
// row and the corpus twice (reused scratch space, cached shapes).
func TestRendererMatchesOracle(t *testing.T) {
	var evs []*genai.Event
	for _, c := range renderCorpora {
		e, _ := loadEvents(t, c.patterns...)
		evs = append(evs, e...)
	}
	if len(evs) == 0 {
		t.Skip("no corpus")
	}
	errEv := sampleErrorEvent()
	evs = append(evs, errEv)
	for _, p := range []genai.Profile{0, genai.ProfileElastic, genai.ProfileECS} {
		for _, opts := range []Renderer{{}, {KeepOriginal: true, Namespace: "prod"}} {
			r := opts
			r.Profile, r.Ingested = p, time.Date(2026, 1, 2, 3, 4, 5, 678900000, time.UTC)
			o := oracleRenderer{r: &r}
			var got, want []byte
			for pass := range 2 {
				for i, ev := range evs {
					for range 2 {
						got = r.AppendDocument(got[:0], ev)
						want = o.AppendDocument(want[:0], ev)
						if string(got) != string(want) {
							t.Fatalf("profile %v pass %d event %d:\n got %s\nwant %s", p, pass, i, got, want)
						}
					}
				}
			}
		}
	}
}

func sampleErrorEvent() *genai.Event {
	ev := &genai.Event{Err: errors.New("bad \"record\"\n"), Original: []byte(`{"a":"\u00e9"}`)}
	ev.Source.Position = genai.Position{Name: "x.log", Line: 7, Offset: 99}
	return ev
}

// A renderer whose namespace changes between documents writes each document with its own.
func TestRendererNamespaceChange(t *testing.T) {
	evs, _ := loadEvents(t, renderCorpora[0].patterns...)
	evs = append(evs, sampleErrorEvent())
	r := Renderer{Ingested: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	for i, ns := range []string{"", "a", "", "b\"c", "default", "a"} {
		r.Namespace = ns
		o := oracleRenderer{r: &r}
		for _, ev := range evs {
			got, want := r.AppendDocument(nil, ev), o.AppendDocument(nil, ev)
			require.Equal(t, string(want), string(got), "namespace %d %q", i, ns)
		}
	}
}

// FuzzRendererMatchesOracle: whatever the Reader makes of the input (events, error events),
// the renderer writes what the oracle writes, in both profiles.
func FuzzRendererMatchesOracle(f *testing.F) {
	for _, c := range renderCorpora[:1] {
		for _, p := range c.patterns {
			files, _ := filepath.Glob(p)
			for _, name := range files {
				data, err := os.ReadFile(name)
				require.NoError(f, err)
				for _, line := range bytes.Split(data, []byte("\n")) {
					f.Add(line, false, "")
				}
			}
		}
	}
	f.Add([]byte(`{"schemaType":"ModelInvocationLog","timestamp":"x"}`), true, "a\"b")
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	f.Fuzz(func(t *testing.T, data []byte, keep bool, ns string) {
		rd, err := genai.NewReader(bytes.NewReader(data), reg, genai.ReaderOptions{Name: "fuzz"})
		if err != nil {
			return
		}
		rs := []Renderer{{Profile: genai.ProfileElastic}, {Profile: genai.ProfileECS}}
		var ev genai.Event
		for range 16 {
			if rd.Next(&ev) != nil {
				return
			}
			for i := range rs {
				r := &rs[i]
				r.KeepOriginal, r.Namespace, r.Ingested = keep, ns, time.Date(2026, 1, 2, 3, 4, 5, 678900000, time.UTC)
				o := oracleRenderer{r: r}
				if got, want := r.AppendDocument(nil, &ev), o.AppendDocument(nil, &ev); !bytes.Equal(got, want) {
					t.Fatalf("got  %s\nwant %s", got, want)
				}
			}
		}
	})
}
