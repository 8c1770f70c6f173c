package genai

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
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

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "abc", `"\`, "\xff\xfe", "é😀\u2028", strings.Repeat("x", 17) + "\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkJSONString(t, s) })
}

func BenchmarkAppendJSONString(b *testing.B) {
	body := `{"anthropic_version":"bedrock-2023-05-31","max_tokens":512,"messages":[{"role":"user","content":[{"type":"text","text":"Summarise the quarterly report in three bullet points, keeping every figure exact."}]}],"system":"You are a careful analyst."}`
	prose := strings.Repeat("The quarterly report shows growth in every region; costs fell by 3% while revenue rose. ", 8)
	for name, s := range map[string]string{"json": body, "prose": prose, "ids": "arn:aws:iam::123456789012:user/app-backend"} {
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
