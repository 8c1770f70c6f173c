package bedrock

import (
	"math"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/require"
)

func TestJavaMapToString(t *testing.T) {
	tests := []struct {
		name, in, want, flat string
	}{
		{"single key", `{"modelId":"anthropic.claude-3-5-sonnet-20240620-v1:0"}`,
			"{modelId=anthropic.claude-3-5-sonnet-20240620-v1:0}", `{"modelId":"anthropic.claude-3-5-sonnet-20240620-v1:0"}`},
		// Elastic's pipeline test for UpdateUser renders {"userName":"Bob","newUserName":"Robert"}
		// in HashMap order: newUserName first.
		{"hash order, not input order", `{"userName":"Bob","newUserName":"Robert"}`,
			"{newUserName=Robert, userName=Bob}", `{"userName":"Bob","newUserName":"Robert"}`},
		{"colliding hashes keep insertion order", `{"BB":1,"Aa":2}`, "{BB=1, Aa=2}", `{"BB":1,"Aa":2}`},
		{"colliding hashes keep insertion order, reversed", `{"Aa":2,"BB":1}`, "{Aa=2, BB=1}", `{"Aa":2,"BB":1}`},
		// "a" hashes to bucket 1 and "p" (112) to bucket 0 of a 16-bucket table.
		{"bucket order", `{"a":1,"p":2}`, "{p=2, a=1}", `{"a":1,"p":2}`},
		// 13 members grow the table to 32 buckets: "p" moves to bucket 16, after "a".."l".
		{"resized table", `{"a":1,"p":2,"b":3,"c":4,"d":5,"e":6,"f":7,"g":8,"h":9,"i":10,"j":11,"k":12,"l":13}`,
			"{a=1, b=3, c=4, d=5, e=6, f=7, g=8, h=9, i=10, j=11, k=12, l=13, p=2}", ""},
		// Members dropped for being null still sized the table when they were parsed.
		{"dropped members size the table", `{"a":1,"p":2,"b":3,"c":4,"d":5,"e":6,"f":7,"g":8,"h":9,"i":10,"j":11,"k":null,"l":""}`,
			"{a=1, b=3, c=4, d=5, e=6, f=7, g=8, h=9, i=10, j=11, p=2}", ""},
		{"nulls and empties dropped recursively", `{"a":null,"b":"","c":{},"d":[],"e":"x","f":{"g":null,"h":[null,""]},"i":[{}]}`,
			"{e=x}", `{"e":"x"}`},
		// "inputStrength" hashes to bucket 8, "type" to bucket 12.
		{"nested maps and lists", `{"contentPolicyConfig":{"filtersConfig":[{"type":"PROMPT_ATTACK","inputStrength":"NONE"},{"type":"HATE","inputStrength":"LOW"}]}}`,
			"{contentPolicyConfig={filtersConfig=[{inputStrength=NONE, type=PROMPT_ATTACK}, {inputStrength=LOW, type=HATE}]}}", ""},
		{"booleans", `{"callWithBearerToken":true}`, "{callWithBearerToken=true}", `{"callWithBearerToken":true}`},
		{"numbers", `{"n":[1000,-0,0.7,1.0,1e21,12345678.9,0.0001,1e2,-2.5e-7,123456789012345678901234567890]}`,
			"{n=[1000, 0, 0.7, 1.0, 1.0E21, 1.23456789E7, 1.0E-4, 100.0, -2.5E-7, 123456789012345678901234567890]}", ""},
		{"duplicate member replaces in place", `{"a":"x","p":"y","a":"z"}`, "{p=y, a=z}", `{"a":"z","p":"y"}`},
		{"duplicate member set to null is dropped", `{"a":"x","p":"y","a":null}`, "{p=y}", `{"p":"y"}`},
		{"strings verbatim", `{"m":"a=b, c}\"q\""}`, `{m=a=b, c}"q"}`, `{"m":"a=b, c}\"q\""}`},
		{"top-level string", `"plain"`, "plain", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := parseCTValue([]byte(tt.in))
			require.NoError(t, err)
			require.NotNil(t, n)
			require.Equal(t, tt.want, string(n.javaString(nil)))
			flat := n.appendPrunedJSON(nil)
			require.True(t, jsontext.Value(flat).IsValid(), "flattened form is not valid JSON: %s", flat)
			if tt.flat != "" {
				require.Equal(t, tt.flat, string(flat))
			}
		})
	}
}

func TestParseCTValueDropsEmpty(t *testing.T) {
	for _, in := range []string{``, `null`, `""`, `{}`, `[]`, `{"a":null}`, `[null,{}]`, " \n "} {
		n, err := parseCTValue([]byte(in))
		require.NoError(t, err, in)
		require.Nil(t, n, in)
	}
}

func TestParseCTValueErrors(t *testing.T) {
	deep := make([]byte, 0, 200)
	for range 100 {
		deep = append(deep, '[')
	}
	deep = append(deep, '1')
	for range 100 {
		deep = append(deep, ']')
	}
	for _, in := range []string{`{"a":`, `{"a":1} x`, `{"a" 1}`, string(deep)} {
		_, err := parseCTValue([]byte(in))
		require.Error(t, err, in)
	}
}

func TestJavaStringHash(t *testing.T) {
	// Values of java.lang.String.hashCode.
	require.Equal(t, uint32(0), javaStringHash(""))
	require.Equal(t, uint32(99162322), javaStringHash("hello"))
	require.Equal(t, javaStringHash("Aa"), javaStringHash("BB"))
	// U+1F600 is the surrogate pair D83D DE00: 0xD83D*31 + 0xDE00.
	require.Equal(t, uint32(0xD83D*31+0xDE00), javaStringHash("\U0001F600"))
	require.Equal(t, 2, javaLength([]byte("\U0001F600")))
	require.Equal(t, 3, javaLength([]byte("aé\x80")))
}

func TestJavaDouble(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1, "1.0"}, {0.001, "0.001"}, {0.0009, "9.0E-4"},
		{9999999, "9999999.0"}, {1e7, "1.0E7"}, {123.456, "123.456"}, {-1.5e300, "-1.5E300"},
		{math.Inf(1), "Infinity"}, {math.NaN(), "NaN"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, string(appendJavaDouble(nil, tt.in)), "%v", tt.in)
	}
}
