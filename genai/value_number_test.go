package genai

import (
	"math"
	"math/rand/v2"
	"net/netip"
	"strconv"
	"testing"
)

// appendFloat writes what AppendJSONFloat writes: the common short decimals, their
// neighbours one ulp away, integers, huge and tiny numbers, negative zero and random bits.
func TestAppendFloatMatchesAppendJSONFloat(t *testing.T) {
	check := func(f float64) {
		t.Helper()
		if got, want := string(appendFloat(nil, f)), string(AppendJSONFloat(nil, f)); got != want {
			t.Fatalf("%v (%#x): got %s, want %s", f, math.Float64bits(f), got, want)
		}
	}
	var fs []float64
	for n := -20000; n <= 20000; n++ {
		for _, p := range []float64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8} {
			fs = append(fs, float64(n)/p, float64(n)*p)
		}
	}
	fs = append(fs, 0, math.Copysign(0, -1), 1e-6, 1e-7, 9.999999e-7, 1e21, 1e20, 1<<50, 1<<50-1, 1<<53,
		(1<<50-1)/1e6, 0.1+0.2, 1.1, 2.675, 1e15+0.3, 4503599627370495.5, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.NaN(), math.Inf(1), math.Inf(-1))
	for range 200000 {
		fs = append(fs, math.Float64frombits(rand.Uint64()), rand.NormFloat64()*math.Pow(10, float64(rand.IntN(30)-15)))
	}
	for _, f := range fs {
		check(f)
		check(math.Nextafter(f, math.Inf(1)))
		check(math.Nextafter(f, math.Inf(-1)))
	}
}

func FuzzAppendFloat(f *testing.F) {
	for _, x := range []float64{0.7, 0.412, 1.1, 123456.789, -0.000001, 1e21} {
		f.Add(math.Float64bits(x), uint8(3))
	}
	f.Fuzz(func(t *testing.T, bits uint64, k uint8) {
		// The bits as they are, and a decimal with k%8 decimals near them.
		x := math.Float64frombits(bits)
		p := math.Pow(10, float64(k%8))
		for _, v := range []float64{x, math.Round(float64(int64(bits>>14))) / p} {
			if got, want := string(appendFloat(nil, v)), string(AppendJSONFloat(nil, v)); got != want {
				t.Fatalf("%v (%#x): got %s, want %s", v, math.Float64bits(v), got, want)
			}
		}
	})
}

// appendInt writes what strconv.AppendInt writes, after any prefix.
func TestAppendIntMatchesStrconv(t *testing.T) {
	ns := []int64{0, 1, -1, 9, 10, 99, 100, 101, 999, 1000, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	for p := int64(1); p < math.MaxInt64/10; p *= 10 {
		ns = append(ns, p, p-1, p+1, -p, -p+1, -p-1)
	}
	for range 100000 {
		ns = append(ns, int64(rand.Uint64()), rand.Int64N(100000), int64(rand.Uint64())>>rand.IntN(64))
	}
	for _, n := range ns {
		for _, prefix := range []string{"", "x"} {
			got := string(appendInt([]byte(prefix), n))
			want := string(strconv.AppendInt([]byte(prefix), n, 10))
			if got != want {
				t.Fatalf("%d: got %s, want %s", n, got, want)
			}
		}
	}
}

func FuzzAppendInt(f *testing.F) {
	f.Add(int64(0))
	f.Add(int64(-12345))
	f.Fuzz(func(t *testing.T, n int64) {
		if got, want := string(appendInt(nil, n)), strconv.FormatInt(n, 10); got != want {
			t.Fatalf("%d: got %s, want %s", n, got, want)
		}
	})
}

// parseIP writes what netip writes for the unmapped address, and keeps a canonical input.
func TestParseIP(t *testing.T) {
	for _, s := range []string{"", "x", "10.0.0.1", "::ffff:10.0.0.1", "2001:db8::1", "2001:0db8:0000::1", "fe80::1%eth0", "010.0.0.1", "1.2.3.4.5", "::", "::ffff:1.2.3.4%x"} {
		got, ok := parseIP(s)
		a, err := netip.ParseAddr(s)
		if ok != (err == nil) || ok && got != a.Unmap().String() {
			t.Fatalf("%q: got %q %v, want %v %v", s, got, ok, a.Unmap(), err)
		}
	}
}
