package azureopenai

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// scanCases reads one struct both ways: with its hand-written scan and with unmarshal.
var scanCases = map[string]func(data []byte) (fast, slow any, fastErr, slowErr error){
	"llmFields": func(data []byte) (any, any, error, error) {
		var a, b llmFields
		return &a, &b, a.scan(new(objScan), data), unmarshal(data, &b)
	},
	"resourceRecord": func(data []byte) (any, any, error, error) {
		var a, b resourceRecord
		return &a, &b, a.scan(new(objScan), data), unmarshal(data, &b)
	},
	"resourceProps": func(data []byte) (any, any, error, error) {
		var a, b resourceProps
		return &a, &b, a.scan(new(objScan), data), unmarshal(data, &b)
	},
	"identityClaims": func(data []byte) (any, any, error, error) {
		var a, b identityClaims
		return &a, &b, a.scan(new(objScan), data), unmarshal(data, &b)
	},
	"gatewayRecord": func(data []byte) (any, any, error, error) {
		var a, b gatewayRecord
		return &a, &b, a.scan(new(objScan), data), unmarshal(data, &b)
	},
	"gatewayProps": func(data []byte) (any, any, error, error) {
		var a, b gatewayProps
		return &a, &b, a.scan(new(objScan), new(objScan), data), unmarshal(data, &b)
	},
}

// checkScan fails when a scan accepted data and read it differently from unmarshal.
func checkScan(t *testing.T, data []byte) {
	t.Helper()
	for name, c := range scanCases {
		fast, slow, fastErr, slowErr := c(data)
		if fastErr != nil {
			if fastErr != errSlow {
				t.Errorf("%s: scan error %v is not errSlow", name, fastErr)
			}
			continue
		}
		if slowErr != nil {
			t.Errorf("%s: scan accepted what unmarshal rejects (%v): %q", name, slowErr, data)
			continue
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: scan and unmarshal differ for %q:\nscan:      %+v\nunmarshal: %+v", name, data, fast, slow)
		}
	}
}

// scanInputs are the records of the Azure fixtures and samples, their properties and bodies,
// and some odd shapes.
func scanInputs(t testing.TB) [][]byte {
	var out [][]byte
	pats := []string{
		filepath.Join("..", "testdata", "azureopenai", "*"),
		filepath.Join("..", "..", "shared", "samples", "azure_*", "*.log"),
	}
	for _, pat := range pats {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(nil, 1<<24)
			for sc.Scan() {
				line := bytes.Clone(bytes.TrimSpace(sc.Bytes()))
				out = append(out, line)
				var raw map[string]rawValue
				if unmarshal(line, &raw) == nil {
					for _, v := range raw {
						if b := stringOrValue([]byte(v)); len(b) > 0 {
							out = append(out, bytes.Clone(b))
						}
					}
				}
			}
		}
	}
	out = append(out,
		[]byte(`{"CorrelationId":"a","correlationid":null,"CORRELATION_ID":"b","SequenceNumber":"3","PromptTokens":[1,"2",3.5]}`),
		[]byte(`{"time":"x","time":null,"durationMs":"12","identity":{"claim":{"oid":"1"},"claim":{"upn":"u"}}}`),
		[]byte(`{"identity":"{\"claim\":{\"name\":\"n\"}}","properties":"{\"modelName\":\"m\"}","event_s":"e","Event_S":"f"}`),
		[]byte(`{"lastError":{"reason":"r"},"lastError":null,"requestHeaders":{"user-agent":"ua"},"RequestHeaders":{"USER_AGENT":"ub"}}`),
		[]byte(`{"lastError":"x"}`),
		[]byte(`{"claim":null,"claim":{"http://schemas.microsoft.com/claims/ipaddr":"1.2.3.4","name":7}}`),
		[]byte(`{"ModelName":"\u00e9\ud800","Region":"a\xffb","TotalTokens":"  12 "}`),
		[]byte(`{"ModelName":"a"} x`),
		[]byte(`{"IsStreamCompletion":"TRUE","isStreamCompletion":1,"truncated":true,"isRequestSuccess":"0"}`),
		[]byte(`null`),
		[]byte(`[]`),
		[]byte(`{"a":1,}`),
		[]byte(`{"sku":{"a":[1,2]},"Level":[true],"level":false}`),
	)
	return out
}

type rawValue []byte

func (r *rawValue) UnmarshalJSON(b []byte) error { *r = bytes.Clone(b); return nil }

func TestScanMatchesUnmarshal(t *testing.T) {
	for _, in := range scanInputs(t) {
		checkScan(t, in)
	}
}

func FuzzScanMatchesUnmarshal(f *testing.F) {
	for _, in := range scanInputs(f) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkScan(t, data) })
}
