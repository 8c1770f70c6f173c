package genai

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"time"
	"unsafe"
)

// FieldSet holds at most one value per field, for the fields of a set of profiles, and lists
// them in name order: what a renderer needs to write one document. Adding a field that already
// has a value keeps the first value, as renderers keep the first of duplicate fields.
//
// The zero FieldSet holds nothing and accepts no field; Reset it with the profiles to keep.
// A FieldSet is reused from document to document without allocating; it is not safe for
// concurrent use.
type FieldSet struct {
	// open has the bit of every field of the profiles that has no value yet: adding a value
	// tests and clears one bit, whatever the reason a field is refused.
	open     [setWords]uint64
	n        uint        // the number of values
	tab      *fieldTable // allocated by the first Reset
	words    int         // the words of a bitset over the registry
	profiles Profile
	mask     [setWords]uint64 // the fields of profiles
	bits     [setWords]uint64 // scratch for Bits: mask &^ open
	strs     []string         // the string arrays derived for the document (related.user, policies)
	buf      []byte           // the JSON built for the document (assessments, match details)
}

// maxFields bounds the registry (sealed panics beyond it), so that a FieldSet's tables are
// arrays its ords index without bounds checks; setWords is the words of a bitset over them.
const (
	maxFields = 512
	setWords  = maxFields / 64
)

// fieldTable holds a FieldSet's values in the order added, so that a document's values sit
// together, and where each field's value is (by Field.Ord).
type fieldTable struct {
	vals [maxFields]Value
	pos  [maxFields]uint16
}

// Reset empties the set and makes it keep the fields of profiles (a set of Profile bits;
// ProfileAll keeps every field).
func (s *FieldSet) Reset(profiles Profile) {
	if s.tab == nil {
		s.tab = new(fieldTable)
		s.words = (len(Fields()) + 63) / 64
		s.setMask(profiles)
	} else {
		clear(s.tab.vals[:s.n%(maxFields+1)]) // drop the references the values hold
		if profiles != s.profiles {
			s.setMask(profiles)
		}
	}
	clear(s.strs)
	s.open, s.n, s.strs, s.buf = s.mask, 0, s.strs[:0], s.buf[:0]
}

// setMask makes the set keep the fields of profiles.
func (s *FieldSet) setMask(profiles Profile) {
	s.profiles, s.mask = profiles, [setWords]uint64{}
	for ord, p := range profileOf {
		if p&profiles != 0 {
			s.mask[ord/64] |= 1 << (ord % 64)
		}
	}
}

// Add stores v as f's value unless v is empty, f is outside the set's profiles or f already
// has a value. It reports whether v was stored.
func (s *FieldSet) Add(f *Field, v Value) bool {
	if v.IsEmpty() {
		return false
	}
	p := s.slot(f)
	if p == nil {
		return false
	}
	*p = v
	return true
}

// AddString is Add(f, StringValue(v)), without building a Value to copy: a Value (56 bytes)
// is passed in registers, spilled member by member on entry and copied whole, and that copy's
// wide loads wait for the narrow stores (half of Add's cycles in the renderer).
func (s *FieldSet) AddString(f *Field, v string) bool {
	if v == "" {
		return false
	}
	p := s.slot(f)
	if p == nil {
		return false
	}
	p.kind, p.str = KindString, v
	return true
}

// AddJSON stores raw, JSON text written as it is, as f's value (a KindJSON Value, as
// JSONValue(raw) makes). A renderer adds text it wrote once for many documents this way, such
// as a time. raw is not copied; empty input, "null", "{}" and "[]" are not stored.
func (s *FieldSet) AddJSON(f *Field, raw []byte) bool {
	switch string(raw) {
	case "", "null", "{}", "[]":
		return false
	}
	p := s.slot(f)
	if p == nil {
		return false
	}
	p.kind, p.str = KindJSON, unsafeString(raw)
	return true
}

// slot marks f as set and returns its (empty) value to fill in, or nil when f is outside the
// set's profiles or already has a value.
func (s *FieldSet) slot(f *Field) *Value {
	ord := uint(f.ord) % maxFields
	w, bit := ord/64, uint64(1)<<(ord%64)
	o := s.open[w]
	if o&bit == 0 {
		return nil
	}
	s.open[w] = o &^ bit
	i := s.n % maxFields
	s.n++
	t := s.tab
	t.pos[ord] = uint16(i)
	return &t.vals[i]
}

// Len returns the number of fields in the set.
func (s *FieldSet) Len() int { return int(s.n) }

// has reports whether the field whose Ord is ord has a value.
func (s *FieldSet) has(ord uint) bool {
	w, bit := ord/64%setWords, uint64(1)<<(ord%64)
	return s.mask[w]&^s.open[w]&bit != 0
}

// Get returns f's value, or the empty Value.
func (s *FieldSet) Get(f *Field) Value {
	ord := uint(f.ord)
	if ord >= maxFields || !s.has(ord) {
		return Value{}
	}
	return s.tab.vals[s.tab.pos[ord]%maxFields]
}

// At returns the value of the field whose Ord is ord, for an ord whose bit is set in Bits;
// it is Get for renderers walking Bits, without copying the Value. The pointer is valid until
// the next Reset; callers must not modify the Value.
func (s *FieldSet) At(ord int) *Value {
	t := s.tab
	return &t.vals[t.pos[uint(ord)%maxFields]%maxFields]
}

// StringAt returns the string of the field whose Ord is ord, for an ord whose bit is set in
// Bits, and whether its value is a string (KindString): a renderer walking Bits itself writes
// most values through it, with AppendJSONString, and the others with At(ord).AppendJSON (the
// ECS renderer writes them all with AppendLayout).
func (s *FieldSet) StringAt(ord int) (string, bool) {
	v := s.At(ord)
	return v.str, v.kind == KindString
}

// Bits returns the set as a bitset over field Ords: bit ord%64 of word ord/64 is set when the
// field with that Ord has a value. Walking it word by word visits the fields in name order.
// Callers must not modify it; it is valid until the next Add or Reset.
func (s *FieldSet) Bits() []uint64 {
	for i := range s.bits {
		s.bits[i] = s.mask[i] &^ s.open[i]
	}
	return s.bits[:s.words%(setWords+1)]
}

// A Layout is how a renderer writes the values of one set of fields as a document: the text
// that goes before each value (keys, braces, commas) and the text after the last. A renderer
// builds one for each set of fields it sees (Bits) with NewLayout, and writes every document
// of that set with AppendLayout.
type Layout struct {
	text  []byte   // with layoutBlock bytes of capacity beyond its end
	steps []uint64 // what AppendLayout reads for each field, in name order (see layoutOrdShift)
	tail  uint32   // where the text after the last value starts
}

// A layout's step for a field packs, in one word (one register to keep across the calls that
// write values): where the text before its value starts in the layout's text (bits 0-31), the
// text's length (32-46), the Field's Array (47) and its ord (48-63).
const (
	layoutLenShift = 32
	layoutLenMask  = 1<<15 - 1
	layoutArray    = 1 << 47
	layoutOrdShift = 48
)

// layoutBlock is the size of the block the text before a value is copied as, when it fits: a
// few to a few tens of bytes (closing braces, a comma, keys) copied as five words in
// registers, not by a call to memmove. A layout's text has this much room after its end.
const layoutBlock = 40

// shortRoom is the room AppendLayout keeps after the text before a value for a string of under
// 16 bytes written in place: its quotes, and a word stored from its start.
const shortRoom = 18

// NewLayout returns the layout of documents that hold the fields whose Ords are ords (in name
// order, as Bits lists them), given text, the JSON of such a document without its values,
// whose value of field ords[i] goes at ends[i]. The text before a value is at most 32 KiB.
func NewLayout(text []byte, ords []uint16, ends []uint32) *Layout {
	fields := Fields()
	l := &Layout{
		text:  append(make([]byte, 0, len(text)+layoutBlock), text...),
		steps: make([]uint64, len(ords)),
	}
	prev := uint32(0)
	for i, ord := range ords {
		step := uint64(prev) | uint64(ends[i]-prev)<<layoutLenShift | uint64(ord)<<layoutOrdShift
		if fields[ord].Array {
			step |= layoutArray
		}
		l.steps[i] = step
		prev = ends[i]
	}
	l.tail = prev
	return l
}

// AppendLayout appends the set's values laid out by l, a layout of the set's fields (Bits),
// to dst and returns the extended buffer: each value as Value.AppendJSON writes it, after its
// text.
//
// Most values are strings, and most of those are short (ids, names, enums): a string of
// under 16 bytes that a JSON string holds as it is goes in place, one or two words, with no
// call (AppendJSONString's own path for it); the rest through AppendJSONString and
// Value.AppendJSON.
func (s *FieldSet) AppendLayout(dst []byte, l *Layout) []byte {
	text := unsafe.Pointer(unsafe.SliceData(l.text))
	t := s.tab
	for _, step := range l.steps {
		start, n := uint32(step), int(step>>layoutLenShift&layoutLenMask)
		if cap(dst)-len(dst) < layoutBlock+shortRoom {
			dst = slices.Grow(dst, layoutBlock+shortRoom+n)
		}
		j := len(dst)
		if n <= layoutBlock {
			copyBlock(unsafe.Add(unsafe.Pointer(unsafe.SliceData(dst)), j), unsafe.Add(text, start))
			dst = dst[:j+n]
		} else {
			dst = append(dst, l.text[start:start+uint32(n)]...)
		}
		v := &t.vals[t.pos[uint(step>>layoutOrdShift)%maxFields]%maxFields]
		if v.kind != KindString || step&layoutArray != 0 {
			if step&layoutArray == 0 {
				// What AppendJSON writes for the kinds of most other values, one call fewer.
				switch v.kind {
				case KindInt:
					dst = appendInt(dst, int64(v.num))
					continue
				case KindJSON:
					dst = append(dst, v.str...)
					continue
				}
			}
			dst = v.AppendJSON(dst, step&layoutArray != 0)
			continue
		}
		str := v.str
		j = len(dst)
		if len(str) >= 16 || cap(dst)-j < shortRoom {
			dst = AppendJSONString(dst, str)
			continue
		}
		out := dst[j : j+shortRoom]
		raw := unsafe.Slice(unsafe.StringData(str), len(str))
		if len(str) >= 8 {
			// Two words, the second overlapping the first.
			w, x := binary.LittleEndian.Uint64(raw[:8]), binary.LittleEndian.Uint64(raw[len(raw)-8:])
			if specialBytes(w)|specialBytes(x) != 0 {
				dst = AppendJSONString(dst, str)
				continue
			}
			out[0] = '"'
			binary.LittleEndian.PutUint64(out[1:9], w)
			binary.LittleEndian.PutUint64(out[len(raw)-7:len(raw)+1], x)
		} else if len(raw) > 0 {
			// One word, padded with spaces (never escaped).
			w := tailWord(raw) | lsb*' '<<(len(raw)*8&63)
			if specialBytes(w) != 0 {
				dst = AppendJSONString(dst, str)
				continue
			}
			out[0] = '"'
			binary.LittleEndian.PutUint64(out[1:9], w)
		} else {
			out[0] = '"'
		}
		out[len(raw)+1] = '"'
		dst = dst[:j+len(raw)+2]
	}
	if n := len(l.text) - int(l.tail); n <= layoutBlock && cap(dst)-len(dst) >= layoutBlock {
		j := len(dst)
		copyBlock(unsafe.Add(unsafe.Pointer(unsafe.SliceData(dst)), j), unsafe.Add(text, l.tail))
		return dst[:j+n]
	}
	return append(dst, l.text[l.tail:]...)
}

// copyBlock copies layoutBlock bytes from s to d, which do not overlap, as five words in
// registers (an array copy would go through the stack or memmove).
func copyBlock(d, s unsafe.Pointer) {
	a, b, c := *(*uint64)(s), *(*uint64)(unsafe.Add(s, 8)), *(*uint64)(unsafe.Add(s, 16))
	e, f := *(*uint64)(unsafe.Add(s, 24)), *(*uint64)(unsafe.Add(s, 32))
	*(*uint64)(d), *(*uint64)(unsafe.Add(d, 8)), *(*uint64)(unsafe.Add(d, 16)) = a, b, c
	*(*uint64)(unsafe.Add(d, 24)), *(*uint64)(unsafe.Add(d, 32)) = e, f
}

// All calls yield for each field of the set and its value, in name order, until yield
// returns false.
func (s *FieldSet) All(yield func(*Field, Value) bool) {
	fields := Fields()
	for w, word := range s.Bits() {
		for word != 0 {
			ord := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if !yield(fields[ord], *s.At(ord)) {
				return
			}
		}
	}
}

// fieldWriter receives the fields of an event: into a FieldSet (renderers) or appended to a
// list (AppendFields). Its typed methods test for an absent value before building a Value, so
// that the many fields an event leaves empty cost a comparison each.
type fieldWriter struct {
	set  *FieldSet
	list []FieldValue
	// drop is the profiles whose own fields (those of no other profile) the writer leaves
	// out without offering them: the profiles a FieldSet does not keep, none for a list. The
	// event's writers test it once for a run of such fields (FieldSet.slot would refuse each).
	drop Profile
}

// keeps reports whether the writer wants the fields that only profile p has.
func (w *fieldWriter) keeps(p Profile) bool { return w.drop&p == 0 }

// arena is where derived string arrays are cut from: the FieldSet's, reused from document
// to document, or nil (allocate) for a list that outlives the call.
func (w *fieldWriter) arena() *[]string {
	if w.set == nil {
		return nil
	}
	return &w.set.strs
}

// bytes is where JSON built for a document is appended: the FieldSet's buffer, reused from
// document to document, or a new one for a list that outlives the call.
func (w *fieldWriter) bytes() *[]byte {
	if w.set == nil {
		return new([]byte)
	}
	return &w.set.buf
}

// The typed writers fill f's value in place, without building a Value to copy: its slot in
// the FieldSet (none when the set refuses f) or a new entry of the list (listSlot). Their test
// for an absent value is inlined into the event's writers, so that the many fields an event
// leaves empty cost a comparison and no call; the setters behind it are calls, with the set's
// slot inlined into them.

// listSlot appends an entry for f to the list and returns its value to fill in.
//
//go:noinline
func (w *fieldWriter) listSlot(f *Field) *Value {
	w.list = append(w.list, FieldValue{Field: f})
	return &w.list[len(w.list)-1].Value
}

// valueAt writes fv's value unless it is empty; it copies the value once, from where it is.
func (w *fieldWriter) valueAt(fv *FieldValue) {
	if fv.Value.kind == KindEmpty {
		return
	}
	var v *Value
	if w.set != nil {
		v = w.set.slot(fv.Field)
	} else {
		v = w.listSlot(fv.Field)
	}
	if v != nil {
		*v = fv.Value
	}
}

func (w *fieldWriter) str(f *Field, s string) {
	if s != "" {
		w.setStr(f, KindString, s)
	}
}

// setStr writes a value held in str alone. It and the other setters are called, not
// inlined, so that the tests in front of them are small enough to be.
//
//go:noinline
func (w *fieldWriter) setStr(f *Field, kind Kind, s string) {
	var v *Value
	if w.set != nil {
		v = w.set.slot(f)
	} else {
		v = w.listSlot(f)
	}
	if v != nil {
		v.kind, v.str = kind, s
	}
}

func (w *fieldWriter) strs(f *Field, ss []string) {
	if len(ss) != 0 {
		w.setStrs(f, ss)
	}
}

// setStrs writes a value held in strs alone.
//
//go:noinline
func (w *fieldWriter) setStrs(f *Field, ss []string) {
	var v *Value
	if w.set != nil {
		v = w.set.slot(f)
	} else {
		v = w.listSlot(f)
	}
	if v != nil {
		v.kind, v.strs = KindStrings, ss
	}
}

// scalar writes a value held in num alone.
//
//go:noinline
func (w *fieldWriter) scalar(f *Field, kind Kind, num uint64) {
	var v *Value
	if w.set != nil {
		v = w.set.slot(f)
	} else {
		v = w.listSlot(f)
	}
	if v != nil {
		v.kind, v.num = kind, num
	}
}

func (w *fieldWriter) int(f *Field, n int64) { w.scalar(f, KindInt, uint64(n)) }

func (w *fieldWriter) intOpt(f *Field, o Opt[int64]) {
	if o.Valid {
		w.scalar(f, KindInt, uint64(o.Value))
	}
}

func (w *fieldWriter) float(f *Field, x float64) {
	if !math.IsNaN(x) && !math.IsInf(x, 0) {
		w.scalar(f, KindFloat, math.Float64bits(x))
	}
}

func (w *fieldWriter) floatOpt(f *Field, o Opt[float64]) {
	if o.Valid {
		w.float(f, o.Value)
	}
}

func (w *fieldWriter) bool(f *Field, b bool) {
	var n uint64
	if b {
		n = 1
	}
	w.scalar(f, KindBool, n)
}

func (w *fieldWriter) boolOpt(f *Field, o Opt[bool]) {
	if o.Valid {
		w.bool(f, o.Value)
	}
}

func (w *fieldWriter) time(f *Field, t time.Time) {
	if !t.IsZero() {
		w.scalar(f, KindTime, uint64(t.UnixNano()))
	}
}

func (w *fieldWriter) json(f *Field, raw []byte) {
	switch string(raw) {
	case "", "null", "{}", "[]":
		return
	}
	w.setStr(f, KindJSON, unsafeString(raw))
}
