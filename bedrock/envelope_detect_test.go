package bedrock

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// The envelope detectors as they were before they looked at the first member name: the
// oracles of the differential tests below.

func oldDetectCloudWatch(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	h := head(data, headWindow)
	if !bytes.Contains(h, ivKeyMessageType) && !bytes.Contains(head(data, 64), ivKeyLogEvents) {
		return false
	}
	return bytes.Contains(h, ivKeyDataMessage) || bytes.Contains(data, ivKeyDataMessage)
}

func oldDetectAWSLogs(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	rest := bytes.TrimLeft(data[1:], " \t\r\n")
	return bytes.HasPrefix(rest, ivKeyAWSLogs)
}

func oldDetectCloudTrailRecords(data []byte) bool {
	rest := bytes.TrimLeft(data, " \t\r\n")
	if len(rest) == 0 || rest[0] != '{' {
		return false
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if !bytes.HasPrefix(rest, ctRecordsKey) {
		return false
	}
	if bytes.Contains(data, ctKeyS3Schema) || bytes.Contains(data, ctS3Notification) {
		return false
	}
	if bytes.Contains(data, ctAmazonawsCom) {
		return true
	}
	rest = bytes.TrimLeft(rest[len(ctRecordsKey):], " \t\r\n:")
	rest = bytes.TrimLeft(bytes.TrimPrefix(rest, []byte("[")), " \t\r\n")
	return bytes.HasPrefix(rest, []byte("]"))
}

func oldDetectEventBridgeCloudTrail(data []byte) bool {
	if !bytes.Contains(head(data, ebHeadWindow), ctKeyDetailType) && !bytes.HasPrefix(data, ebSortedStart) {
		return false
	}
	return bytes.Contains(data, ctKeyDetailType) && bytes.Contains(data, ebViaCloudTrail) && bytes.Contains(data, ebDetail)
}

// envelopeDetectors pairs each detector with its oracle and, for the detectors that turn a
// record down on its first member name, the names an envelope of theirs may start with.
var envelopeDetectors = []struct {
	name     string
	detect   func([]byte) bool
	old      func([]byte) bool
	isMember func([]byte) bool // nil: the detector is exactly its oracle
}{
	{"cloudwatch", detectCloudWatch, oldDetectCloudWatch, isCloudWatchMember},
	{"awslogs", detectAWSLogs, oldDetectAWSLogs, nil},
	{"cloudtrail.records", detectCloudTrailRecords, oldDetectCloudTrailRecords, nil},
	{"eventbridge", detectEventBridgeCloudTrail, oldDetectEventBridgeCloudTrail, isEventBridgeMember},
}

// checkEnvelopeDetectors fails unless every detector agrees with its oracle on data, or
// differs only by turning down a record whose first member name no envelope of its kind
// starts with.
func checkEnvelopeDetectors(t *testing.T, data []byte) {
	t.Helper()
	for _, d := range envelopeDetectors {
		got, want := d.detect(data), d.old(data)
		if got == want {
			continue
		}
		name := firstName(data)
		require.True(t, d.isMember != nil && want && !got && name != nil && !d.isMember(name),
			"%s: detect %v, before %v, first name %q: %.200q", d.name, got, want, name, data)
	}
}

// envelopeSamples returns every line of the test data and every test data file as a whole
// (pretty-printed and compacted, as the Reader hands documents to the detectors).
func envelopeSamples(t *testing.T) [][]byte {
	var out [][]byte
	var files []string
	for _, pat := range []string{
		"../testdata/bedrock/*", "../testdata/bedrock/*/*", "../testdata/azureopenai/*",
		"../../shared/samples/*/*",
	} {
		m, err := filepath.Glob(pat)
		require.NoError(t, err)
		files = append(files, m...)
	}
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || st.IsDir() || st.Size() > 8<<20 {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		out = append(out, data)
		var c bytes.Buffer
		if json.Compact(&c, data) == nil {
			out = append(out, c.Bytes())
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			out = append(out, bytes.TrimSpace(bytes.Clone(sc.Bytes())))
		}
	}
	return out
}

// envelopeEdgeCases are records at the edges of the first-name fast path.
var envelopeEdgeCases = []struct {
	data string
	want string // the envelope, "" for none
}{
	// Envelopes with every first member their kind can have.
	{`{"messageType":"DATA_MESSAGE","logEvents":[]}`, "cloudwatch"},
	{`{"logEvents":[],"messageType":"DATA_MESSAGE"}`, "cloudwatch"},
	{`{"owner":"1","messageType":"DATA_MESSAGE","logEvents":[]}`, "cloudwatch"},
	{`{"logGroup":"g","logStream":"s","messageType":"DATA_MESSAGE","logEvents":[]}`, "cloudwatch"},
	{`{"subscriptionFilters":[],"messageType":"DATA_MESSAGE","logEvents":[]}`, "cloudwatch"},
	{`{"policyLevel":"ACCOUNT_LEVEL_POLICY","messageType":"DATA_MESSAGE","logEvents":[]}`, "cloudwatch"},
	{`{"messageType":"CONTROL_MESSAGE","logEvents":[]}`, ""},
	{`{ "awslogs": {"data":""}}`, "awslogs"},
	{`{"Records":[]}`, "cloudtrail.records"},
	{` { "Records" : [ ] }`, "cloudtrail.records"},
	{`{"Records":[{"eventSource":"bedrock.amazonaws.com"}]}`, "cloudtrail.records"},
	{`{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","s3":{"s3SchemaVersion":"1.0"}}]}`, ""},
	{`{"version":"0","id":"1","detail-type":"AWS API Call via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"account":"1","detail":{},"detail-type":"AWS API Call via CloudTrail"}`, "eventbridge"},
	{`{"detail-type":"AWS Service Event via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"detail":{},"detail-type":"AWS API Call via CloudTrail"}`, "eventbridge"},
	{`{"source":"aws.bedrock","detail-type":"AWS API Call via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"time":"2026-03-02T16:00:00Z","detail-type":"AWS API Call via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"region":"us-east-1","detail-type":"AWS API Call via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"resources":[],"detail-type":"AWS API Call via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"replay-name":"r","detail-type":"AWS API Call via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"id":"1","detail-type":"Batch Inference Job State Change","detail":{}}`, ""},
	// A first name the fast path cannot read at a glance: the full search decides.
	{`{"\u0076ersion":"0","detail-type":"AWS API Call via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"mess\u0061geType":"x","messageType":"DATA_MESSAGE","logEvents":[]}`, "cloudwatch"},
	{`["detail-type","via CloudTrail","detail"]`, "eventbridge"},
	// Records that start like invocation records but carry an envelope's keys further on:
	// they are records, not envelopes (the detectors used to take them for envelopes).
	{`{"schemaType":"ModelInvocationLog","messageType":"DATA_MESSAGE","logEvents":[]}`, ""},
	{`{"schemaType":"ModelInvocationLog","input":{"inputBodyJson":{"detail-type":"AWS API Call via CloudTrail","detail":{}}}}`, ""},
	{`{"timestamp":"2026-03-02T16:00:00Z","input":{"inputBodyJson":{"detail-type":"x via CloudTrail","detail":{}}}}`, ""},
	{`{"accountId":"1","messageType":"DATA_MESSAGE"}`, ""},
	// Not objects, empty objects, broken names.
	{``, ""},
	{`{`, ""},
	{`{}`, ""},
	{`{"`, ""},
	{`"messageType"`, ""},
	{`{"` + strings.Repeat("\\u0061", 10) + `":{},"detail-type":"AWS API Call via CloudTrail","detail":{}}`, "eventbridge"},
	{`{"` + strings.Repeat("a", 40) + `":{},"detail-type":"AWS API Call via CloudTrail","detail":{}}`, ""},
}

func TestEnvelopeDetectorsEdgeCases(t *testing.T) {
	for _, c := range envelopeEdgeCases {
		var got []string
		for _, d := range envelopeDetectors {
			if d.detect([]byte(c.data)) {
				got = append(got, d.name)
			}
		}
		if c.want == "" {
			require.Empty(t, got, c.data)
		} else {
			require.Equal(t, []string{c.want}, got, c.data)
		}
		checkEnvelopeDetectors(t, []byte(c.data))
	}
}

func TestEnvelopeDetectorsMatchOracle(t *testing.T) {
	samples := envelopeSamples(t)
	require.NotEmpty(t, samples)
	t.Logf("%d samples", len(samples))
	for _, s := range samples {
		checkEnvelopeDetectors(t, s)
	}
}

func TestFirstName(t *testing.T) {
	for data, want := range map[string]string{
		`{"a":1}`:                                `"a"`,
		" \t\r\n{ \n\"ab\" :":                    `"ab"`,
		`{"":1}`:                                 `""`,
		`{"a\"b":1}`:                             "",
		`{"a\\":1}`:                              "",
		`{"abc`:                                  "",
		`{}`:                                     "",
		`[{"a":1}]`:                              "",
		`"a"`:                                    "",
		``:                                       "",
		`{"` + strings.Repeat("x", 29) + `":1}`:  `"` + strings.Repeat("x", 29) + `"`,
		`{"` + strings.Repeat("x", 40) + `":1}`:  `"` + strings.Repeat("x", 31),
		`{"` + strings.Repeat("x", 40) + `\":1}`: `"` + strings.Repeat("x", 31),
		`{"` + strings.Repeat("x", 20) + `\":1}`: "",
	} {
		got := firstName([]byte(data))
		if want == "" {
			require.Nil(t, got, data)
		} else {
			require.Equal(t, want, string(got), data)
		}
	}
}

// checkRegistryDetection fails unless the registry, which skips detectors by their
// FirstNames, finds the envelope that asking every detector in turn finds.
func checkRegistryDetection(t *testing.T, reg *genai.Registry, data []byte) {
	t.Helper()
	var want string
	for _, e := range envelopes {
		if e.Detect(data) {
			want = e.Name
			break
		}
	}
	got := ""
	if e := reg.DetectEnvelope(data); e != nil {
		got = e.Name
	}
	require.Equal(t, want, got, "%.200q", data)
}

func TestRegistryDetectionMatchesDetectors(t *testing.T) {
	var reg genai.Registry
	Register(&reg)
	for _, c := range envelopeEdgeCases {
		checkRegistryDetection(t, &reg, []byte(c.data))
	}
	for _, s := range envelopeSamples(t) {
		checkRegistryDetection(t, &reg, s)
	}
	// Every envelope's FirstNames agree with what its detector accepts first.
	for _, e := range envelopes {
		require.NotNil(t, e.FirstNames, e.Name)
		for _, n := range e.FirstNames {
			require.True(t, firstName([]byte(`{"`+n+`":1}`)) != nil, n)
		}
	}
}

func FuzzEnvelopeDetectors(f *testing.F) {
	for _, c := range envelopeEdgeCases {
		f.Add([]byte(c.data))
	}
	var reg genai.Registry
	Register(&reg)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkEnvelopeDetectors(t, data)
		checkRegistryDetection(t, &reg, data)
	})
}

func BenchmarkDetectEnvelopeInvocation(b *testing.B) {
	data, err := os.ReadFile("../testdata/bedrock/converse.ndjson")
	require.NoError(b, err)
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			for _, d := range envelopeDetectors {
				if d.detect(l) {
					b.Fatal(d.name)
				}
			}
		}
	}
}
