package azureopenai

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// oldDetectRecords is detectRecords as it was before it skipped white space by hand: the
// oracle of the tests below.
func oldDetectRecords(data []byte) bool {
	d := bytes.TrimLeft(data, " \t\r\n")
	if len(d) == 0 || d[0] != '{' {
		return false
	}
	d = bytes.TrimLeft(d[1:], " \t\r\n")
	return bytes.HasPrefix(d, []byte(`"records"`))
}

var detectRecordsCases = []string{
	`{"records":[]}`, " \t\r\n{ \n\"records\" : []}", `{"Records":[]}`, `{"record":[]}`, `{"recordsX":[]}`,
	`{ "time":"x","records":[]}`, `["records"]`, `{`, ``, ` `, `{"records"`, "{\f\"records\":[]}",
}

func TestDetectRecordsMatchesOracle(t *testing.T) {
	for _, c := range detectRecordsCases {
		require.Equal(t, oldDetectRecords([]byte(c)), detectRecords([]byte(c)), c)
	}
	require.True(t, detectRecords([]byte(" {\n  \"records\": [")))
	var reg genai.Registry
	Register(&reg)
	for _, c := range detectRecordsCases {
		require.Equal(t, oldDetectRecords([]byte(c)), reg.DetectEnvelope([]byte(c)) != nil, c)
	}
}

func FuzzDetectRecords(f *testing.F) {
	for _, c := range detectRecordsCases {
		f.Add([]byte(c))
	}
	var reg genai.Registry
	Register(&reg)
	f.Fuzz(func(t *testing.T, data []byte) {
		want := oldDetectRecords(data)
		require.Equal(t, want, detectRecords(data))
		// The registry skips the detector by its FirstNames: the same answer.
		require.Equal(t, want, reg.DetectEnvelope(data) != nil)
	})
}
