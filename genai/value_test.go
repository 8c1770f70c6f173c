package genai_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

func TestValueAppendJSON(t *testing.T) {
	at := time.Date(2024, 11, 20, 16, 47, 52, 123456789, time.FixedZone("x", 3600))
	for _, tc := range []struct {
		v             genai.Value
		single, array string
	}{
		{genai.Value{}, `null`, `[null]`},
		{genai.StringValue(`say "hi"`), `"say \"hi\""`, `["say \"hi\""]`},
		{genai.IntValue(-42), `-42`, `[-42]`},
		{genai.FloatValue(0.5), `0.5`, `[0.5]`},
		{genai.BoolValue(true), `true`, `[true]`},
		{genai.BoolValue(false), `false`, `[false]`},
		{genai.TimeValue(at), `"2024-11-20T15:47:52.123Z"`, `["2024-11-20T15:47:52.123Z"]`},
		{genai.JSONValue([]byte(`{"a":[1]}`)), `{"a":[1]}`, `{"a":[1]}`},
		{genai.StringsValue([]string{"a", `b"`}), `["a","b\""]`, `["a","b\""]`},
	} {
		require.Equal(t, tc.single, string(tc.v.AppendJSON([]byte(nil), false)), "%v", tc.v.Kind())
		require.Equal(t, "x"+tc.array, string(tc.v.AppendJSON([]byte("x"), true)), "%v", tc.v.Kind())
	}
}
