package bedrock

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// ivCleanBody must give what ivCleanJSON appends, and keep src itself when it is clean.
func TestCleanBodyMatchesCleanJSON(t *testing.T) {
	long := strings.Repeat("QUJD", 300)
	for _, in := range []string{
		`{}`,
		`{"a":[1,2],"b":"x y"}`,
		"{ \"a\" : [ 1, 2 ] ,\n\t\"b\":\"x y\" }",
		`{"a":1, "b":2}`,
		`{"s":"quote \" and \\ backslash ","t":[true,false,null,-1.5e3]}`,
		`{"img":"` + long + `"}`,
		`{"a":"b","img":"` + long + `","c":"` + long + `"}`,
		`{"a":"b","img":"` + long + `", "c" : "d"}`,
		`{"text":"` + strings.Repeat("word ", 300) + `"}`,
		"{\"bad\":\"\xff\xfe\",\"ok\":1}",
		"{\"bad\":\"\xff\", \"img\":\"" + long + "\",\"x\":\"\xc3\"}",
		"[{\"a\":\"\xe2\x82\"},\"[DONE]\"]",
	} {
		want, wantCuts := ivCleanJSON(nil, []byte(in), 1024, nil)
		got, gotCuts := ivCleanBody([]byte(in), 1024, nil)
		require.Equal(t, string(want), string(got), in)
		require.Equal(t, wantCuts, gotCuts, in)
	}
	src := []byte(`{"a":[1,2],"b":"x y"}, and more`)
	got, _ := ivCleanBody(src[:21], 1024, nil)
	require.Same(t, &src[0], &got[0], "a clean body is not copied")
	require.Equal(t, len(got), cap(got), "a body kept in place cannot be appended to")
}

func FuzzCleanBody(f *testing.F) {
	f.Add([]byte(`{"a":[1,2],"b":"x y"}`), 4)
	f.Add([]byte("{ \"a\" : \"QUJDQUJD\" ,\n\t\"b\":\"x\xff y\" }"), 4)
	f.Fuzz(func(t *testing.T, src []byte, minData int) {
		if !jsonscan.Valid(src) {
			return
		}
		want, wantCuts := ivCleanJSON(nil, src, minData, nil)
		got, gotCuts := ivCleanBody(src, minData, nil)
		if string(want) != string(got) {
			t.Fatalf("ivCleanBody(%q) = %q, want %q", src, got, want)
		}
		require.Equal(t, wantCuts, gotCuts)
	})
}
