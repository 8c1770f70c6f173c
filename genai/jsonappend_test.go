package genai

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// checkJSONString asserts that AppendJSONString(s) is a valid JSON string that reads back as s
// with each invalid UTF-8 byte replaced by U+FFFD.
func checkJSONString(t *testing.T, s string) {
	t.Helper()
	out := AppendJSONString([]byte("x"), s)[1:]
	require.True(t, json.Valid(out), "%q -> %s", s, out)
	var back string
	require.NoError(t, json.Unmarshal(out, &back))
	require.Equal(t, string([]rune(s)), back)
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{
		"", "plain ascii only", `quote " and back\slash`, "tab\tnew\nline\rcr",
		"ctl \x00\x01\x1f\x7f", "é ü 日本 😀", "bad \xff utf8 \xc3", "sep \u2028 \u2029",
		"<html> & friends", strings.Repeat("abcdefgh", 9) + `"` + strings.Repeat("é", 5),
		`{"messages":[{"role":"user","content":"hi"}]}`,
	} {
		checkJSONString(t, s)
	}
	// Quote-dense strings outgrow the room reserved for them, at every length.
	for n := 0; n < 70; n++ {
		checkJSONString(t, strings.Repeat(`"`, n))
		checkJSONString(t, strings.Repeat(`a"`, n)+"é")
		out := AppendJSONString(make([]byte, 0, 3), strings.Repeat(`\`, n))
		require.Len(t, out, 2*n+2)
	}
	require.Equal(t, `"a\"b\\c\n\u0001<>&"`, string(AppendJSONString(nil, "a\"b\\c\n\x01<>&")))
	require.Equal(t, `"\u2028"`, string(AppendJSONString(nil, "\u2028")))
	require.Equal(t, `"\ufffd"`, string(AppendJSONString(nil, "\xff")))
}

func TestAppendJSONTime(t *testing.T) {
	ts := time.Date(2026, 3, 2, 10, 15, 30, 123456789, time.FixedZone("x", 3600))
	require.Equal(t, `"2026-03-02T09:15:30.123Z"`, string(AppendJSONTime(nil, ts)))
	// Every instant reads the same as the general formatter writes it.
	for _, tt := range []time.Time{
		{}, time.Unix(0, 0), time.Date(1999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(2026, 1, 2, 3, 4, 5, 6e6, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		want := `"` + tt.UTC().Format("2006-01-02T15:04:05.000Z07:00") + `"`
		require.Equal(t, want, string(AppendJSONTime(nil, tt)), tt)
	}
}

// AppendJSONTime's calendar arithmetic agrees with the time package over its whole range of
// years: a day in every few, at a time of day that moves through the day, and the edges.
func TestAppendJSONTimeCalendar(t *testing.T) {
	check := func(tt time.Time) {
		want := `"` + tt.UTC().Format("2006-01-02T15:04:05.000Z07:00") + `"`
		if got := string(AppendJSONTime(nil, tt)); got != want {
			t.Fatalf("%v: got %s, want %s", tt, got, want)
		}
	}
	const day = 86400
	for sec := int64(minJSONTime); sec <= maxJSONTime; sec += 3*day + 3607 {
		check(time.Unix(sec, sec%1e9&^1023))
	}
	for _, sec := range []int64{minJSONTime, minJSONTime + 59*day, minJSONTime + 60*day - 1, minJSONTime + 60*day,
		maxJSONTime, -1, 0, 951782400, 951868800, 4107542400} { // 2000-02-29, 2000-03-01, 2100-03-01
		for _, d := range []int64{-1, 0, 1} {
			check(time.Unix(sec+d, 999999999))
			check(time.Unix(sec+d, 0))
		}
	}
}

// refAppendJSONString is AppendJSONString as it was before the word-at-a-time escaping, kept
// as the oracle the current one must match byte for byte.
func refAppendJSONString(b []byte, s string) []byte {
	raw := unsafe.Slice(unsafe.StringData(s), len(s))
	n := len(raw)
	b = slices.Grow(b, n+10)
	out := b[:cap(b)]
	j := len(b)
	out[j] = '"'
	j++
	i := 0
	for i < n {
		k := refCopyPlain(out[j:], raw[i:])
		i += k
		j += k
		if i == n {
			break
		}
		c := raw[i]
		if (c == '"' || c == '\\') && j+2 <= len(out) {
			out[j] = '\\'
			out[j+1] = c
			i++
			j += 2
			continue
		}
		b = out[:j]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
			i++
		case c == '\n':
			b = append(b, '\\', 'n')
			i++
		case c == '\r':
			b = append(b, '\\', 'r')
			i++
		case c == '\t':
			b = append(b, '\\', 't')
			i++
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			i++
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(b, `\ufffd`...)
			case r == '\u2028' || r == '\u2029':
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			default:
				b = append(b, raw[i:i+size]...)
			}
			i += size
		}
		b = slices.Grow(b, n-i+10)
		out = b[:cap(b)]
		j = len(b)
	}
	return append(out[:j], '"')
}

var refPlainASCII = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func refCopyPlain(dst, src []byte) int {
	n := min(len(src), len(dst))
	src, dst = src[:n], dst[:n]
	for len(src) >= 8 && len(dst) >= 8 {
		w := binary.LittleEndian.Uint64(src)
		binary.LittleEndian.PutUint64(dst, w)
		if m := jsonscan.SpecialMask(w) | w&0x8080808080808080; m != 0 {
			return n - len(src) + bits.TrailingZeros64(m)/8
		}
		src, dst = src[8:], dst[8:]
	}
	i := 0
	for i < len(src) && i < len(dst) && refPlainASCII[src[i]] {
		dst[i] = src[i]
		i++
	}
	return n - len(src) + i
}

// checkSameAsReference asserts that AppendJSONString appends exactly what the oracle does,
// after prefixes of several lengths and capacities, and leaves the prefix alone.
func checkSameAsReference(t *testing.T, s string) {
	t.Helper()
	want := refAppendJSONString(nil, s)
	for _, pre := range [][]byte{nil, []byte("x"), make([]byte, 3, 5), append(make([]byte, 0, 64), "prefix:"...),
		append(make([]byte, 0, 2*len(s)+40), "p"...), append(make([]byte, 0, 7*len(s)+100), "q"...)} {
		saved := slices.Clone(pre)
		got := AppendJSONString(pre, s)
		if !bytes.Equal(got[:len(saved)], saved) || !bytes.Equal(got[len(saved):], want) {
			t.Fatalf("AppendJSONString(%q, %q) = %q, want %q", saved, s, got, append(saved, want...))
		}
	}
}

// Strings that are escapes from one point to their end double in length there, which can use
// up all the room AppendJSONString keeps beyond a string (a fuzzer found a string ending in 96
// newlines that left none for the closing quote). Every length of such a run, after plain
// starts of several lengths, with each kind of escape.
func TestAppendJSONStringEscapesToTheEnd(t *testing.T) {
	for _, esc := range []string{"\n", "\"", "\\", "\t", "\x01", "\u2028"} {
		for start := range 40 {
			for n := range 160 {
				checkSameAsReference(t, strings.Repeat("a", start)+strings.Repeat(esc, n))
				checkSameAsReference(t, strings.Repeat(esc, n)+strings.Repeat("\x18", start%7))
			}
		}
	}
}

// TestAppendJSONStringMatchesReference compares with the oracle on strings of every length up
// to a few words made of the bytes that matter: escapes, control bytes, DEL, valid, invalid and
// truncated UTF-8, U+2028 and U+2029, and plain ASCII.
func TestAppendJSONStringMatchesReference(t *testing.T) {
	pieces := []string{"a", "Z", " ", "~", "\x7f", `"`, `\`, "\n", "\r", "\t", "\x00", "\x08", "\x0c", "\x1f",
		"é", "日", "😀", "\u2028", "\u2029", "\u2027", "\u202a", "\xff", "\x80", "\xc3", "\xe2\x80", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xf0\x9f\x98", "<", "&",
		// Non-ASCII bytes whose low 7 bits are a quote, a backslash, \n, a control byte.
		"Ԣ", "\u070a", "\xdc", "\xa2", "\u071c", "\x8a\x89"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var sb strings.Builder
		for n := rng.IntN(48); sb.Len() < n; {
			if rng.IntN(3) == 0 {
				sb.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				sb.WriteByte(byte('a' + rng.IntN(26)))
			}
		}
		checkSameAsReference(t, sb.String())
	}
	// Every single byte, alone and at each position of a word and its neighbour.
	for c := range 256 {
		for at := range 18 {
			s := []byte(strings.Repeat("x", 18))
			s[at] = byte(c)
			checkSameAsReference(t, string(s[:at+1]))
			checkSameAsReference(t, string(s))
		}
	}
	for n := range 80 {
		for _, p := range pieces {
			checkSameAsReference(t, strings.Repeat(p, n))
			checkSameAsReference(t, strings.Repeat("ab"+p, n))
		}
	}
	// Long strings, escape-dense or not, that outgrow the room reserved for them.
	for range 300 {
		var sb strings.Builder
		dense := rng.IntN(4)
		for n := rng.IntN(3000); sb.Len() < n; {
			if rng.IntN(8) < dense {
				sb.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				sb.WriteString("plain text ")
			}
		}
		checkSameAsReference(t, sb.String())
	}
}

// TestAppendJSONStringCorpusMatchesReference compares with the oracle on the strings of the
// benchmark corpus (bodies and texts of the Bedrock records).
func TestAppendJSONStringCorpusMatchesReference(t *testing.T) {
	bodies, texts := benchStrings(t)
	for _, s := range append(bodies, texts...) {
		checkSameAsReference(t, s)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "abc", `"\`, "\xff\xfe", "é😀\u2028", strings.Repeat("x", 17) + "\n",
		`{"a":"b\"c\\n","d":[1,2]}`, strings.Repeat(`\"`, 9) + "\x01\u2029\xe2\x80"} {
		f.Add(s)
	}
	// Real bodies (compact JSON) and texts with escapes from the benchmark corpus.
	bodies, texts := benchStrings(f)
	for i, s := range bodies {
		if i%8 == 0 {
			f.Add(s)
		}
	}
	for _, s := range texts {
		if strings.ContainsAny(s, "\"\\\n\t\r") {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkJSONString(t, s)
		checkSameAsReference(t, s)
	})
}

func BenchmarkAppendJSONString(b *testing.B) {
	body := `{"anthropic_version":"bedrock-2023-05-31","max_tokens":512,"messages":[{"role":"user","content":[{"type":"text","text":"Summarise the quarterly report in three bullet points, keeping every figure exact."}]}],"system":"You are a careful analyst."}`
	prose := strings.Repeat("The quarterly report shows growth in every region; costs fell by 3% while revenue rose. ", 8)
	completion := strings.Repeat("Here is the summary:\n\n- Revenue rose \"sharply\" in Q3.\n- Costs fell by 3%.\n", 8)
	for name, s := range map[string]string{"json": body, "prose": prose, "completion": completion,
		"ids": "arn:aws:iam::123456789012:user/app-backend"} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			var buf []byte
			for range b.N {
				buf = AppendJSONString(buf[:0], s)
			}
		})
	}
}

func FuzzAppendJSONTime(f *testing.F) {
	f.Add(int64(0), int64(0))
	f.Add(int64(1772446530), int64(123456789))
	f.Fuzz(func(t *testing.T, sec, nsec int64) {
		tt := time.Unix(sec, nsec)
		want := `"` + tt.UTC().Format("2006-01-02T15:04:05.000Z07:00") + `"`
		require.Equal(t, want, string(AppendJSONTime(nil, tt)))
	})
}
