package genai

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"time"
	"unsafe"
)

// Kind is the type of a Value.
type Kind uint8

// The kinds a Value can hold.
const (
	KindEmpty   Kind = iota // no value; never rendered
	KindString              // a string
	KindInt                 // a 64-bit signed integer
	KindFloat               // a 64-bit float
	KindBool                // a boolean
	KindStrings             // an array of strings
	KindTime                // an instant, rendered as RFC 3339 with milliseconds
	KindJSON                // a JSON value (object or array) kept as compact, valid JSON text
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case KindString:
		return "string"
	case KindInt:
		return "int"
	case KindFloat:
		return "float"
	case KindBool:
		return "bool"
	case KindStrings:
		return "strings"
	case KindTime:
		return "time"
	case KindJSON:
		return "json"
	}
	return "empty"
}

// Value is a typed value of an output field. The zero Value is empty and never rendered.
// Values are small and passed by value, like attribute.Value in OpenTelemetry.
type Value struct {
	kind Kind
	num  uint64
	str  string // a KindString's string, or a KindJSON's text (the caller's bytes, not copied)
	strs []string
}

// StringValue returns a string Value; an empty string gives an empty Value.
func StringValue(s string) Value {
	if s == "" {
		return Value{}
	}
	return Value{kind: KindString, str: s}
}

// IntValue returns an integer Value.
func IntValue(n int64) Value { return Value{kind: KindInt, num: uint64(n)} }

// FloatValue returns a float Value. NaN and infinities give an empty Value, as JSON cannot hold them.
func FloatValue(f float64) Value {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Value{}
	}
	return Value{kind: KindFloat, num: math.Float64bits(f)}
}

// BoolValue returns a boolean Value.
func BoolValue(b bool) Value {
	v := Value{kind: KindBool}
	if b {
		v.num = 1
	}
	return v
}

// StringsValue returns a string-array Value; a nil or empty slice gives an empty Value.
// The slice is not copied.
func StringsValue(ss []string) Value {
	if len(ss) == 0 {
		return Value{}
	}
	return Value{kind: KindStrings, strs: ss}
}

// TimeValue returns an instant; the zero time gives an empty Value.
func TimeValue(t time.Time) Value {
	if t.IsZero() {
		return Value{}
	}
	return Value{kind: KindTime, num: uint64(t.UnixNano())}
}

// JSONValue returns a Value holding raw JSON text, which must be valid, compact JSON
// (an object or an array). Empty input, "null", "{}" and "[]" give an empty Value.
// The bytes are not copied.
func JSONValue(raw []byte) Value {
	switch string(raw) {
	case "", "null", "{}", "[]":
		return Value{}
	}
	return Value{kind: KindJSON, str: unsafe.String(unsafe.SliceData(raw), len(raw))}
}

// Kind returns the value's kind.
func (v Value) Kind() Kind { return v.kind }

// AppendJSON appends the value as JSON to dst and returns the extended buffer: a string, a
// number, true or false, an RFC 3339 time with milliseconds, the raw JSON, or an array of
// strings; "null" for the empty Value. With asArray (a field declared as an array), a single
// value is written as an array of one. It takes a pointer so that renderers write each value
// of a document where it lies, without copying it.
func (v *Value) AppendJSON(dst []byte, asArray bool) []byte {
	kind := v.kind
	if kind == KindString && !asArray { // most values: 1% of the normalize path's instructions
		return AppendJSONString(dst, v.str)
	}
	array := asArray && kind != KindStrings && kind != KindJSON
	if array {
		dst = append(dst, '[')
	}
	switch kind {
	case KindString:
		dst = AppendJSONString(dst, v.str)
	case KindInt:
		dst = appendInt(dst, int64(v.num))
	case KindFloat:
		dst = appendFloat(dst, math.Float64frombits(v.num))
	case KindBool:
		dst = strconv.AppendBool(dst, v.num != 0)
	case KindTime:
		dst = AppendJSONTime(dst, time.Unix(0, int64(v.num)))
	case KindJSON:
		dst = append(dst, v.str...)
	case KindStrings:
		dst = append(dst, '[')
		for i, s := range v.strs {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = AppendJSONString(dst, s)
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

// appendFloat is AppendJSONFloat, writing the floats documents mostly hold (temperature 0.7,
// top_p 0.9, seconds to first chunk 0.412) from an integer: when f is m/10^k for an integer m
// under 2^50 and k at most 6, the fewest decimals k for which that holds give the shortest
// text that reads back as f (the one strconv writes), m's digits with a point k from the end.
// The interval of the numbers that read back as f is narrower than 10^-k then, so no other
// text with k decimals reads back as f, and m/10^k rounds to f: IEEE division rounds the
// exact quotient of the exact m and 10^k.
func appendFloat(dst []byte, f float64) []byte {
	if f != 0 {
		for k, p := range pow10 {
			m := math.Round(f * p)
			if m/p != f {
				continue
			}
			if m >= 1<<50 || m <= -(1<<50) {
				break
			}
			n := int64(m)
			if n < 0 {
				dst = append(dst, '-')
				n = -n
			}
			div := int64(p)
			dst = strconv.AppendInt(dst, n/div, 10)
			if k == 0 {
				return dst
			}
			// The decimals, with their leading zeros: the digits of 10^k + n%10^k after its 1.
			var frac [20]byte
			digits := strconv.AppendInt(frac[:0], div+n%div, 10)
			digits[0] = '.'
			return append(dst, digits...)
		}
	}
	return AppendJSONFloat(dst, f)
}

// appendInt is strconv.AppendInt(dst, n, 10), writing the digits in place, two at a time,
// rather than into a buffer to copy. The number of digits comes from n's bit length (times
// log10(2), 1233/4096) and one comparison with a power of ten, not a loop of divisions.
func appendInt(dst []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		dst = append(dst, '-')
		u = -u
	}
	if u < 10 {
		return append(dst, byte('0'+u))
	}
	t := uint(bits.Len64(u)) * 1233 >> 12 // floor(log10(u)) or one more; at most 19
	nd := int(t) + 1
	if u < pow10u[t%20] {
		nd--
	}
	if cap(dst)-len(dst) < nd {
		dst = slices.Grow(dst, nd)
	}
	j := len(dst) + nd
	out := dst[:j]
	for u >= 100 {
		q := u / 100
		r := (u - q*100) * 2
		j -= 2
		out[j], out[j+1] = digitPairs[r], digitPairs[r+1]
		u = q
	}
	if u >= 10 {
		out[j-2], out[j-1] = digitPairs[u*2], digitPairs[u*2+1]
	} else {
		out[j-1] = byte('0' + u)
	}
	return out
}

// pow10u holds 10^0 to 10^19, the powers of ten a uint64 holds.
var pow10u = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// digitPairs holds the two digits of 0 to 99.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// pow10 holds 10^k for the decimals appendFloat writes from an integer.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6}

// IsEmpty reports whether the value is absent.
func (v Value) IsEmpty() bool { return v.kind == KindEmpty }

// Str returns the string of a KindString value.
func (v Value) Str() string {
	if v.kind != KindString {
		return ""
	}
	return v.str
}

// Int returns the integer of a KindInt value.
func (v Value) Int() int64 { return int64(v.num) }

// Float returns the float of a KindFloat value (or the integer of a KindInt value as a float).
func (v Value) Float() float64 {
	if v.kind == KindInt {
		return float64(int64(v.num))
	}
	return math.Float64frombits(v.num)
}

// Bool returns the boolean of a KindBool value.
func (v Value) Bool() bool { return v.num != 0 }

// Strings returns the slice of a KindStrings value. Callers must not modify it.
func (v Value) Strings() []string { return v.strs }

// Time returns the instant of a KindTime value, in UTC.
func (v Value) Time() time.Time { return time.Unix(0, int64(v.num)).UTC() }

// JSON returns the raw JSON of a KindJSON value. Callers must not modify it.
func (v Value) JSON() []byte {
	if v.kind != KindJSON {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(v.str), len(v.str))
}

// Opt is an optional scalar: Valid reports whether Value was present in the input.
// It distinguishes a meaningful zero (temperature 0, zero tokens) from an absent value.
type Opt[T int64 | float64 | bool] struct {
	Value T
	Valid bool
}

// Some returns a present Opt holding v.
func Some[T int64 | float64 | bool](v T) Opt[T] { return Opt[T]{Value: v, Valid: true} }

// Set stores v and marks the Opt present.
func (o *Opt[T]) Set(v T) { o.Value, o.Valid = v, true }

// IntOpt returns the Value of an optional integer (empty when absent).
func IntOpt(o Opt[int64]) Value {
	if !o.Valid {
		return Value{}
	}
	return IntValue(o.Value)
}

// FloatOpt returns the Value of an optional float (empty when absent).
func FloatOpt(o Opt[float64]) Value {
	if !o.Valid {
		return Value{}
	}
	return FloatValue(o.Value)
}

// BoolOpt returns the Value of an optional boolean (empty when absent).
func BoolOpt(o Opt[bool]) Value {
	if !o.Valid {
		return Value{}
	}
	return BoolValue(o.Value)
}
