package bedrock

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// checkCleanLong compares ivCleanLongIn, given the long strings a validating read lists, with
// ivCleanBody on the compact valid JSON value src.
func checkCleanLong(t *testing.T, src []byte, minData int) {
	t.Helper()
	d := jsonscan.NewDecoder(src)
	v, st, long, err := d.ReadValueLong(minData, nil)
	if err != nil || st.Spaced || len(v) != len(src) {
		return
	}
	want, wantCuts := ivCleanBody(src, minData, nil)
	for _, buf := range [][]byte{nil, make([]byte, 0, 64), make([]byte, 0, 2*len(src)+256)} {
		got, gotCuts := ivCleanLongIn(buf, src, long, nil)
		require.Equal(t, string(want), string(got), "%q", src)
		require.Equal(t, wantCuts, gotCuts, "%q", src)
		require.Equal(t, len(want) > 0 && &want[0] == &src[0], len(got) > 0 && &got[0] == &src[0], "in place %q", src)
	}
}

func TestCleanLongMatchesCleanBody(t *testing.T) {
	long := strings.Repeat("QUJD", 300)
	for _, in := range []string{
		`{}`, `[]`, `{"a":[1,2],"b":"x y"}`,
		`{"img":"` + long + `"}`,
		`{"a":"b","img":"` + long + `","c":"` + long + `"}`,
		`{"a":"b","` + long + `":"` + long + `","c":"d"}`,
		`{"text":"` + strings.Repeat("word ", 300) + `","img":"` + long + `"}`,
		`{"esc":"` + strings.Repeat(`ab\/\n`, 300) + `","img":"` + long + `\"x"}`,
		"{\"bad\":\"\xff\xfe\",\"ok\":1}",
		"{\"bad\":\"\xff\",\"img\":\"" + long + "\",\"x\":\"\xc3\"}",
		"[{\"a\":\"\xe2\x82\"},\"[DONE]\",\"" + long + "\"]",
		`"` + long + `"`,
	} {
		for _, minData := range []int{1, 4, 1024, 1200, 5000} {
			checkCleanLong(t, []byte(in), minData)
		}
	}
}

func FuzzCleanLong(f *testing.F) {
	long := strings.Repeat("QUJD", 300)
	f.Add([]byte(`{"a":[1,2],"b":"x y"}`), 4)
	f.Add([]byte(`{"a":"QUJDQUJD","b":"x\xff y","c":"QUJD"}`), 4)
	f.Add([]byte("{\"bad\":\"\xff\",\"img\":\""+long+"\",\"x\":\"\xc3\"}"), 1024)
	f.Fuzz(func(t *testing.T, src []byte, minData int) {
		checkCleanLong(t, src, max(minData%2000, 1))
	})
}

// A record whose bodies are compact (cleaned by visiting the long strings its validating read
// listed, chunk arrays split as read) gives the same documents as the same record spaced out
// (cleaned by copying), with thresholds that cut many strings, few, or none.
func TestCleanLongMatchesCleaningOptions(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtures, "*.ndjson"))
	require.NoError(t, err)
	files = append(files, sampleLog)
	for _, minData := range []int{-1, 1, 8, 40, 300} {
		reg := new(genai.Registry)
		Register(reg)
		reg.Register(NewInvocationFormat(InvocationOptions{MinInlineDataBytes: minData, KeepRawBodies: minData == 8}))
		render := func(line []byte) string { return renderLine(t, reg, line) }
		n := 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, line := range bytes.Split(data, []byte("\n")) {
				if len(line) == 0 || line[0] != '{' || !bytes.Contains(line, []byte(`"ModelInvocationLog"`)) || !jsonscan.Valid(line) {
					continue
				}
				spaced := jsontext.Value(bytes.Clone(line))
				if spaced.Indent() != nil {
					continue
				}
				spaced = bytes.ReplaceAll(spaced, []byte("\n"), []byte(" "))
				compact := jsontext.Value(bytes.Clone(line))
				require.NoError(t, compact.Compact())
				require.Equal(t, render(compact), render(spaced), "min %d %s: %s", minData, f, line[:min(len(line), 120)])
				n++
			}
		}
		// The fixtures alone hold 19 such records; the shared sample log, when present, more.
		require.GreaterOrEqual(t, n, 19)
	}
}
