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
	"gatewayRecord+props": func(data []byte) (any, any, error, error) {
		type pair struct {
			R gatewayRecord
			P gatewayProps
		}
		var a, b pair
		read, err := a.R.scanAll(new(objScan), new(objScan), new(objScan), &a.P, data)
		if err == nil && !read {
			a.P = gatewayProps{}
			err = errSlow // compared by the gatewayProps case
		}
		slowErr := unmarshal(data, &b.R)
		if slowErr == nil {
			slowErr = unmarshal(stringOrValue(b.R.Properties), &b.P)
		}
		return &a, &b, err, slowErr
	},
	"resourceRecord+props": func(data []byte) (any, any, error, error) {
		type pair struct {
			R resourceRecord
			P resourceProps
		}
		var a, b pair
		read, err := a.R.scanAll(new(objScan), new(objScan), &a.P, data)
		if err == nil && !read {
			a.P = resourceProps{}
			err = errSlow
		}
		slowErr := unmarshal(data, &b.R)
		if slowErr == nil {
			slowErr = unmarshal(stringOrValue(b.R.Properties), &b.P)
		}
		return &a, &b, err, slowErr
	},
	"requestBody": func(data []byte) (any, any, error, error) {
		var a, b requestBody
		return &a, &b, readObject(&a, data), unmarshal(data, &b)
	},
	"responseBody": func(data []byte) (any, any, error, error) {
		var a, b responseBody
		return &a, &b, readObject(&a, data), unmarshal(data, &b)
	},
	"[]chatMessage": func(data []byte) (any, any, error, error) {
		var b []chatMessage
		a, err := readSlice[chatMessage](data)
		if bytes.HasPrefix(data, []byte("null")) {
			err = errSlow // readSlice is only called for arrays
		}
		return a, b, err, unmarshal(data, &b)
	},
	"[]contentPart": func(data []byte) (any, any, error, error) {
		var b []contentPart
		a, err := readSlice[contentPart](data)
		if bytes.HasPrefix(data, []byte("null")) {
			err = errSlow
		}
		return a, b, err, unmarshal(data, &b)
	},
	"filterItem": func(data []byte) (any, any, error, error) {
		var a, b filterItem
		return &a, &b, readObject(&a, data), unmarshal(data, &b)
	},
	"[]filterItem": func(data []byte) (any, any, error, error) {
		var b []filterItem
		a, err := readSlice[filterItem](data)
		if bytes.HasPrefix(data, []byte("null")) {
			err = errSlow
		}
		return a, b, err, unmarshal(data, &b)
	},
	"responseFormat": func(data []byte) (any, any, error, error) {
		var a, b responseFormat
		return &a, &b, readObject(&a, data), unmarshal(data, &b)
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
				line := bytes.TrimSpace(sc.Bytes())
				line = bytes.TrimSpace(bytes.TrimPrefix(line, []byte("data:")))
				out = collectValues(out, bytes.Clone(line), 0)
			}
		}
	}
	out = append(out,
		[]byte(`{"CorrelationId":"a","correlationid":null,"CORRELATION_ID":"b","SequenceNumber":"3","PromptTokens":[1,"2",3.5]}`),
		[]byte(`{"time":"x","time":null,"durationMs":"12","identity":{"claim":{"oid":"1"},"claim":{"upn":"u"}}}`),
		[]byte(`{"identity":"{\"claim\":{\"name\":\"n\"}}","properties":"{\"modelName\":\"m\"}","event_s":"e","Event_S":"f"}`),
		[]byte(`{"lastError":{"reason":"r"},"lastError":null,"requestHeaders":{"user-agent":"ua"},"RequestHeaders":{"USER_AGENT":"ub"}}`),
		[]byte(`{"lastError":"x"}`),
		[]byte(`{"category":"c","properties":{"modelName":"m","apiId":"a","lastError":{"reason":"r"}},"time":"t"}`),
		[]byte(`{"properties":{"modelName":"m"},"Properties":{"apiId":"a"}}`),
		[]byte(`{"properties":"{\"modelName\":\"m\"}","properties":{"apiId":"a","requestBody":"{}"}}`),
		[]byte(`{"properties":{"apiId":"a","lastError":"x"}}`),
		[]byte(`{"properties":{"apiId":"a"} , "durationMs":"5" }`),
		[]byte(`{"properties":{"apiId":"a",},"durationMs":5}`),
		[]byte(`{"claim":null,"claim":{"http://schemas.microsoft.com/claims/ipaddr":"1.2.3.4","name":7}}`),
		[]byte(`{"ModelName":"\u00e9\ud800","Region":"a\xffb","TotalTokens":"  12 "}`),
		[]byte(`{"ModelName":"a"} x`),
		[]byte(`{"IsStreamCompletion":"TRUE","isStreamCompletion":1,"truncated":true,"isRequestSuccess":"0"}`),
		[]byte(`null`),
		[]byte(`[]`),
		[]byte(`{"a":1,}`),
		[]byte(`{"sku":{"a":[1,2]},"Level":[true],"level":false}`),
		[]byte(`{"messages":[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"data:image/png;base64,xx"}},null]},null],"stop":null,"prompt":null,"reasoning":{"effort":"low"},"temperature":"0.5","top_p":1e400,"n":"2","stream":"true"}`),
		[]byte(`{"choices":[{"index":0,"text":null},{"index":1,"text":"a","message":{"role":"assistant","tool_calls":[{"id":"c","function":{"name":"f","arguments":"{}"},"function":null}]}}],"usage":{"prompt_tokens":"3","prompt_tokens_details":{"cached_tokens":1},"prompt_tokens_details":null},"data":[{"object":"embedding"}],"error":{"innererror":{"code":"x","content_filter_result":{"a":1}}}}`),
		[]byte(`{"choices":[],"choices":[{"index":2}]}`),
		[]byte(`{"usage":{},"usage":{"total_tokens":1}}`),
		[]byte(`{"messages":[{"role":"user","function_call":{"name":"f"}}],"model":["x"]}`),
		[]byte(`[{"role":"user"}] x`),
		[]byte(`[{"role":"user"},]`),
		[]byte(`[null,{"type":"text","text":"a\u00e9"},{"type":1}]`),
		[]byte(`{"filtered":"true","detected":1,"severity":"high","citation":{"URL":"u","License":"l","url":null},"details":[{"filtered":true,"id":"x"},null],"error":{"code":"e"}}`),
		[]byte(`[{"filtered":true,"id":"a","citation":null},{"details":[],"details":[1]}]`),
	)
	return out
}

// collectValues appends v and every object or array in it, and in strings that hold JSON.
func collectValues(out [][]byte, v []byte, depth int) [][]byte {
	if len(v) == 0 || depth > 6 {
		return out
	}
	switch v[0] {
	case '{', '[':
		out = append(out, v)
	case '"':
		if b := bytes.TrimSpace(stringOrValue(v)); len(b) > 0 && (b[0] == '{' || b[0] == '[') {
			return collectValues(out, b, depth+1)
		}
		return out
	default:
		return out
	}
	var m map[string]rawValue
	var a []rawValue
	var elems []rawValue
	if unmarshal(v, &m) == nil {
		for _, e := range m {
			elems = append(elems, e)
		}
	} else if unmarshal(v, &a) == nil {
		elems = a
	}
	for _, e := range elems {
		out = collectValues(out, []byte(e), depth+1)
	}
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
