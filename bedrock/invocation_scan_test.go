package bedrock

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/genainorm/genainorm/genai"
)

// FuzzReadTextJSON checks readTextJSON against readText and genai.AppendJSONString: the text
// is readText's, and a raw string returned is exactly what quoting the text again writes.
func FuzzReadTextJSON(f *testing.F) {
	for _, s := range []string{`""`, `"abc"`, `"a\"b\\c\nd\re\tf"`, `"a\/b"`, `"\u00e9\u2028"`, "\"h\u00e9llo \u2028 \u2029 x\"", `"\b\f"`,
		`"0123456789abcdef0123456789abcdef\n0123456789abcdef\\"`, `12`, `true`, `null`, `"\ud800"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		if !json.Valid(v) || !utf8.Valid(v) {
			return
		}
		var c ivCursor
		d := newInvocationDecoder(InvocationOptions{})
		c.Reset(v)
		want, err1 := d.readText(&c)
		c.Reset(v)
		got, raw, err2 := d.readTextJSON(&c)
		if got != want || (err1 == nil) != (err2 == nil) {
			t.Fatalf("readTextJSON(%s) = %q, %v; readText = %q, %v", v, got, err2, want, err1)
		}
		if raw != nil {
			if q := genai.AppendJSONString(nil, got); string(q) != string(raw) {
				t.Fatalf("readTextJSON(%s) raw %s, quoting the text gives %s", v, raw, q)
			}
		}
	})
}

// FuzzIvParseTimeUTC checks the fast timestamp parser against the layouts: whatever it accepts,
// the layouts read as the same time.
func FuzzIvParseTimeUTC(f *testing.F) {
	for _, s := range []string{"2024-04-18T22:54:57Z", "2026-03-02T10:15:30.123Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
		"2024-04-18T24:00:00Z", "2024-04-18T22:54:60Z", "2024-13-01T00:00:00Z", "2024-04-18T22:54:57.123456789Z", "2024-04-18T22:54:57.1234567890Z",
		"2024-04-18T22:54:57.Z", "2024-04-18T22:54:57+02:00", "2024-04-18 22:54:57", "0000-01-01T00:00:00Z", "2024-04-31T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ivParseTimeUTC(s)
		if want, wantOK := ivParseTimeUTCLoops(s); got != want || ok != wantOK {
			t.Fatalf("ivParseTimeUTC(%q) = %v, %v; the loops read %v, %v", s, got, ok, want, wantOK)
		}
		if !ok {
			return
		}
		for _, l := range ivTimeLayouts {
			if want, err := time.Parse(l, s); err == nil {
				if got != want.UTC() {
					t.Fatalf("ivParseTimeUTC(%q) = %v, layout %q reads %v", s, got, l, want.UTC())
				}
				return
			}
		}
		t.Fatalf("ivParseTimeUTC(%q) = %v, the layouts reject it", s, got)
	})
}

// ivParseTimeUTCLoops is ivParseTimeUTC as it was, reading each field with a loop: the
// oracle of FuzzIvParseTimeUTC.
func ivParseTimeUTCLoops(s string) (t time.Time, ok bool) {
	if len(s) < 20 || s[len(s)-1] != 'Z' || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return t, false
	}
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			c := s[i] - '0'
			if c > 9 {
				return 0, false
			}
			n = n*10 + int(c)
		}
		return n, true
	}
	year, ok1 := num(s[0:4])
	month, ok2 := num(s[5:7])
	day, ok3 := num(s[8:10])
	hour, ok4 := num(s[11:13])
	minute, ok5 := num(s[14:16])
	sec, ok6 := num(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) {
		return t, false
	}
	nsec := 0
	if frac := s[19 : len(s)-1]; frac != "" {
		if len(frac) < 2 || len(frac) > 10 || frac[0] != '.' {
			return t, false
		}
		n, ok := num(frac[1:])
		if !ok {
			return t, false
		}
		for range 10 - len(frac) {
			n *= 10
		}
		nsec = n
	}
	if month < 1 || month > 12 || day < 1 || day > ivDaysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return t, false
	}
	// What time.Date(year, month, day, hour, minute, sec, nsec, time.UTC) returns, without
	// its normalization of out-of-range fields (they were checked above).
	secs := ivDaysSinceEpoch(year, month, day)*86400 + int64(hour*3600+minute*60+sec)
	return time.Unix(secs, int64(nsec)).UTC(), true
}

func BenchmarkIvParseTimeUTC(b *testing.B) {
	for _, s := range []string{"2024-04-18T22:54:57Z", "2026-03-02T10:15:30.123Z"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				ivParseTimeUTC(s)
			}
		})
	}
}

// ivIsBase64Oracle is ivIsBase64 byte by byte.
func ivIsBase64Oracle(s []byte) bool {
	for i := 0; i < len(s); i++ {
		if ivBase64Chars[s[i]] {
			continue
		}
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == 'n' || s[i+1] == 'r') {
			i++
			continue
		}
		return false
	}
	return true
}

func FuzzIvIsBase64(f *testing.F) {
	for _, s := range []string{"", "QUJD", "QUJDRA==\\nQUJD", "0123456789abcdefghijklmnopqrstuvwxyzABCDEF+/-_=", "0123456789abcdefghij klmnop", "0123456789abcdef0\\/23456789abcdef\\", "0123456789abcdef0123456789abcde\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		if got, want := ivIsBase64(s), ivIsBase64Oracle(s); got != want {
			t.Fatalf("ivIsBase64(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzIvAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "user", "tool_call_response", "a\"b", "\u2028", "x\x7f", "\xff", "0123456789012345678901234567890123456789"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ivAppendJSONString([]byte("x"), s), genai.AppendJSONString([]byte("x"), s); string(got) != string(want) {
			t.Fatalf("ivAppendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

func FuzzIvContainsName(f *testing.F) {
	f.Add([]byte(`{"promptRouter":{}}`), []byte(`"promptRouter"`))
	f.Add([]byte(`promptRouter"x"promptRouter"`), []byte(`"promptRouter"`))
	f.Add([]byte(`"`), []byte(`"a"`))
	f.Add([]byte(`Router"promptRouter"`), []byte(`"promptRouter"`))
	f.Add([]byte(`{"AB":1,"xAB":2}`), []byte(`"AB"`))
	f.Fuzz(func(t *testing.T, s, name []byte) {
		if len(name) < 2 || name[0] != '"' {
			return
		}
		if got, want := ivContainsName(s, name), bytes.Contains(s, name); got != want {
			t.Fatalf("ivContainsName(%q, %q) = %v, want %v", s, name, got, want)
		}
	})
}

func TestHasSchemaType(t *testing.T) {
	for _, s := range []string{
		``, `"`, `ModelInvocationLog"`, `x"ModelInvocationLog"`, `"ModelInvocationLog"`,
		`{"schemaType":"ModelInvocationLog","x":1}`, `{"a":"xModelInvocationLog"}`,
		`{"a":"xModelInvocationLog", "b":"ModelInvocationLog"}`, `"ModelInvocationLo"`,
		`{"a":"ModelInvocationLogs"}`,
	} {
		if got, want := hasSchemaType([]byte(s)), bytes.Contains([]byte(s), ivKeySchemaType); got != want {
			t.Errorf("hasSchemaType(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzHasSchemaType(f *testing.F) {
	f.Add([]byte(`{"schemaType":"ModelInvocationLog"}`))
	f.Add([]byte(`xModelInvocationLog""ModelInvocationLog"`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := hasSchemaType(data), bytes.Contains(data, ivKeySchemaType); got != want {
			t.Fatalf("hasSchemaType(%q) = %v, want %v", data, got, want)
		}
	})
}

// TestIvParseTimeUTCDays checks every day of a few centuries' edges against time.Date.
func TestIvParseTimeUTCDays(t *testing.T) {
	for _, years := range [][2]int{{0, 3}, {1599, 1601}, {1899, 2101}, {2399, 2401}, {9997, 9999}} {
		for d := time.Date(years[0], 1, 1, 23, 59, 58, 999999999, time.UTC); d.Year() <= years[1]; d = d.AddDate(0, 0, 1) {
			s := d.Format("2006-01-02T15:04:05.999999999Z")
			got, ok := ivParseTimeUTC(s)
			if want := time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 58, 999999999, time.UTC); !ok || got != want {
				t.Fatalf("ivParseTimeUTC(%q) = %v, %v, want %v", s, got, ok, want)
			}
		}
	}
}
