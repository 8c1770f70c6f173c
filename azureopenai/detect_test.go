package azureopenai

import (
	"bytes"
	"testing"
)

// The detectors as they were before keyScan: the reference they must agree with.

func oldDetectGatewayLLM(data []byte) bool {
	if bytes.Contains(data, []byte("GatewayLlmLog")) {
		return true
	}
	return containsAny(data, `"SequenceNumber"`, `"sequenceNumber"`) &&
		containsAny(data, `"CorrelationId"`, `"correlationId"`) &&
		containsAny(data, `"PromptTokens"`, `"promptTokens"`, `"RequestMessages"`, `"requestMessages"`, `"ResponseMessages"`, `"responseMessages"`, `"DeploymentName"`, `"deploymentName"`)
}

func oldDetectGateway(data []byte) bool {
	return bytes.Contains(data, []byte("GatewayLogs")) && !bytes.Contains(data, []byte("GatewayLlmLog")) &&
		containsAny(data, `"category"`, `"Category"`, `"Type"`, `"type"`)
}

func oldDetectResourceLog(data []byte) bool {
	return containsAny(data, `"category"`, `"Category"`) &&
		containsAny(data, `"resourceId"`, `"_ResourceId"`, `"ResourceId"`, `"resourceID"`) &&
		containsAny(data, `"operationName"`, `"OperationName"`)
}

func oldHasMember(data []byte, name, value string) bool {
	key := `"` + name + `":`
	for i := 0; i < len(data); {
		j := bytes.Index(data[i:], []byte(key))
		if j < 0 {
			return false
		}
		rest := data[i+j+len(key):]
		rest = bytes.TrimLeft(rest, " \t")
		if value == "" || bytes.HasPrefix(rest, []byte(value)) {
			return true
		}
		i += j + len(key)
	}
	return false
}

func oldDetectResponse(data []byte) bool {
	d := bytes.TrimSpace(data)
	if len(d) == 0 || d[0] != '{' {
		return false
	}
	if containsAny(d, `"schemaType"`, `"modelInput"`, `"eventSource"`, `"resourceId"`, `"_ResourceId"`, `"records"`) {
		return false
	}
	if containsAny(d, `"prompt_filter_results"`, `"prompt_annotations"`, `"content_filter_results"`, `"content_filter_result"`) {
		return true
	}
	if oldHasMember(d, "object", `"chat.completion"`) || oldHasMember(d, "object", `"text_completion"`) {
		return true
	}
	if oldHasMember(d, "object", `"list"`) && oldHasMember(d, "object", `"embedding"`) {
		return true
	}
	return oldHasMember(d, "code", `"content_filter"`) && bytes.Contains(d, []byte(`"error"`))
}

func oldDetectStream(data []byte) bool {
	d := bytes.TrimSpace(data)
	if isDone(d) {
		return true
	}
	if len(d) == 0 || d[0] != '{' {
		return false
	}
	if oldHasMember(d, "object", `"chat.completion.chunk"`) {
		return true
	}
	return oldHasMember(d, "id", `""`) && containsAny(d, `"prompt_filter_results"`, `"prompt_annotations"`, `"content_filter_offsets"`, `"content_filter_results"`)
}

var detectPairs = []struct {
	name     string
	new, old func([]byte) bool
}{
	{"gateway_llm", detectGatewayLLM, oldDetectGatewayLLM},
	{"gateway", detectGateway, oldDetectGateway},
	{"resource_log", detectResourceLog, oldDetectResourceLog},
	{"response", detectResponse, oldDetectResponse},
	{"stream", detectStream, oldDetectStream},
}

func checkDetect(t *testing.T, data []byte) {
	t.Helper()
	for _, p := range detectPairs {
		if n, o := p.new(data), p.old(data); n != o {
			t.Errorf("detect %s = %v, was %v, for %q", p.name, n, o, data)
		}
	}
}

func detectInputs(t testing.TB) [][]byte {
	out := scanInputs(t)
	out = append(out,
		[]byte(`{"x":"GatewayLogs","Type":1}`),
		[]byte(`{"x":"GatewayLogs","xType":1,"_category":2}`),
		[]byte(`"sequenceNumber" "CorrelationId" "responseMessages"`),
		[]byte(`"sequenceNumber" "xCorrelationId" "responseMessages"`),
		[]byte(`{"category":1,"_ResourceId":2,"OperationName":3}`),
		[]byte(`{"category":1,"resourceIDs":2,"OperationName":3}`),
		[]byte(`{"category":1,"esourceId":2,"OperationName":3}`),
		[]byte(`{"id":"", "content_filter_offsets":{}}`),
		[]byte(`{"id":"", "content_filter_result":{}}`),
		[]byte(`{"id":"x","object": "chat.completion.chunk"}`),
		[]byte(`{"object":"list","data":[{"object":"embedding"}]}`),
		[]byte(`{"error":{"code":"content_filter"}}`),
		[]byte(`{"prompt_annotations":[],"_ResourceId":1}`),
		[]byte(`{"prompt_x":1,"content_filter_results":2}`),
		[]byte(`{""records":1}`),
		[]byte(`{"object": 	"list","x":{"object":"embedding"}}`),
		[]byte(`{"object":"lis","object": "embedding","object":"list"}`),
		[]byte(`{"code":  "content_filter","error"}`),
		[]byte(`{"code":"content_filter"}"error"`),
		[]byte(`{"id":"","id": "x","prompt_annotations":1}`),
		[]byte(`{"id": ""`),
		[]byte(`"`),
		[]byte(`{"object":"chat.completion.chunk`),
		[]byte(`{"SequenceNumber":0,"correlationId":"x","deploymentName":"d"}`),
		[]byte(`{"SequenceNumber":0,"CorrelationID":"x","DeploymentName":"d"}`),
	)
	return out
}

func TestDetectorsUnchanged(t *testing.T) {
	for _, in := range detectInputs(t) {
		checkDetect(t, in)
	}
}

func FuzzDetectorsUnchanged(f *testing.F) {
	for _, in := range detectInputs(f) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkDetect(t, data) })
}
