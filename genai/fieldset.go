package genai

import (
	"math"
	"math/bits"
	"time"
)

// FieldSet holds at most one value per field, for the fields of a set of profiles, and lists
// them in name order: what a renderer needs to write one document. Adding a field that already
// has a value keeps the first value, as renderers keep the first of duplicate fields.
//
// The zero FieldSet holds nothing and accepts no field; Reset it with the profiles to keep.
// A FieldSet is reused from document to document without allocating; it is not safe for
// concurrent use.
type FieldSet struct {
	profiles Profile
	vals     []Value  // in the order added, so that a document's values sit together
	pos      []uint16 // by Field.Ord: where in vals the field's value is, when bits has it
	bits     []uint64 // which fields have a value
	strs     []string // the string arrays derived for the document (related.user, policies)
	buf      []byte   // the JSON built for the document (assessments, match details)
}

// Reset empties the set and makes it keep the fields of profiles (a set of Profile bits;
// ProfileAll keeps every field).
func (s *FieldSet) Reset(profiles Profile) {
	if n := len(Fields()); len(s.pos) != n {
		// Room for every field, so that adding never moves the values a writer holds.
		s.vals = make([]Value, 0, n)
		s.pos = make([]uint16, n)
		s.bits = make([]uint64, (n+63)/64)
	} else {
		clear(s.vals) // drop the references the values hold
		clear(s.bits)
	}
	clear(s.strs)
	s.profiles, s.vals, s.strs, s.buf = profiles, s.vals[:0], s.strs[:0], s.buf[:0]
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
	// Member by member, from the registers v came in: copying v whole reloads it from where
	// its members were spilled one by one, and the wide loads stall on those narrow stores
	// (half of Add's cycles).
	p.kind, p.num, p.str, p.strs = v.kind, v.num, v.str, v.strs
	return true
}

// slot marks f as set and returns its (empty) value to fill in, or nil when f is outside the
// set's profiles or already has a value.
func (s *FieldSet) slot(f *Field) *Value {
	ord := f.ord
	if profileOf[ord]&s.profiles == 0 {
		return nil
	}
	word, bit := ord/64, uint64(1)<<(ord%64)
	if s.bits[word]&bit != 0 {
		return nil
	}
	s.bits[word] |= bit
	i := len(s.vals)
	s.pos[ord] = uint16(i)
	s.vals = s.vals[:i+1]
	return &s.vals[i]
}

// Len returns the number of fields in the set.
func (s *FieldSet) Len() int { return len(s.vals) }

// Get returns f's value, or the empty Value.
func (s *FieldSet) Get(f *Field) Value {
	ord := f.ord
	if ord >= len(s.pos) || s.bits[ord/64]&(1<<(ord%64)) == 0 {
		return Value{}
	}
	return s.vals[s.pos[ord]]
}

// At returns the value of the field whose Ord is ord, for an ord whose bit is set in Bits;
// it is Get for renderers walking Bits, without copying the Value. The pointer is valid until the next Reset; callers must not modify the Value.
func (s *FieldSet) At(ord int) *Value { return &s.vals[s.pos[ord]] }

// Bits returns the set as a bitset over field Ords: bit ord%64 of word ord/64 is set when the
// field with that Ord has a value. Walking it word by word visits the fields in name order.
// Callers must not modify it; it is valid until the next Add or Reset.
func (s *FieldSet) Bits() []uint64 { return s.bits }

// All calls yield for each field of the set and its value, in name order, until yield
// returns false.
func (s *FieldSet) All(yield func(*Field, Value) bool) {
	fields := Fields()
	for w, word := range s.bits {
		for word != 0 {
			ord := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if !yield(fields[ord], s.vals[s.pos[ord]]) {
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
}

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

func (w *fieldWriter) put(f *Field, v Value) {
	if w.set != nil {
		w.set.Add(f, v)
		return
	}
	w.list = append(w.list, FieldValue{Field: f, Value: v})
}

// valueAt writes fv's value unless it is empty; it copies the value once, from where it is.
func (w *fieldWriter) valueAt(fv *FieldValue) {
	if fv.Value.IsEmpty() {
		return
	}
	if w.set == nil {
		w.list = append(w.list, *fv)
	} else if v := w.set.slot(fv.Field); v != nil {
		*v = fv.Value
	}
}

// The typed writers fill a FieldSet's slot in place, without building a Value to copy.

func (w *fieldWriter) str(f *Field, s string) {
	if s == "" {
		return
	}
	if w.set == nil {
		w.put(f, Value{kind: KindString, str: s})
	} else if v := w.set.slot(f); v != nil {
		v.kind, v.str = KindString, s
	}
}

func (w *fieldWriter) strs(f *Field, ss []string) {
	if len(ss) == 0 {
		return
	}
	if w.set == nil {
		w.put(f, Value{kind: KindStrings, strs: ss})
	} else if v := w.set.slot(f); v != nil {
		v.kind, v.strs = KindStrings, ss
	}
}

// scalar writes a value held in num alone.
func (w *fieldWriter) scalar(f *Field, kind Kind, num uint64) {
	if w.set == nil {
		w.put(f, Value{kind: kind, num: num})
	} else if v := w.set.slot(f); v != nil {
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
	if w.set == nil {
		w.put(f, JSONValue(raw))
	} else if v := w.set.slot(f); v != nil {
		v.kind, v.str = KindJSON, unsafeString(raw)
	}
}
