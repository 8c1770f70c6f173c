package bedrock

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

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
