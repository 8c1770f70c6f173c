package guardrail

import (
	"bytes"
	"testing"
)

// oldHasGuardrailKey is hasGuardrailKey as it was before it searched for "-bedrock-": the
// oracle.
func oldHasGuardrailKey(obj []byte) bool {
	for {
		i := bytes.Index(obj, keyPrefix)
		if i < 0 {
			return false
		}
		obj = obj[i+len(keyPrefix):]
		if bytes.HasPrefix(obj, []byte(`guardrailAction"`)) || bytes.HasPrefix(obj, []byte(`trace"`)) {
			return true
		}
	}
}

var hasKeySeeds = []string{
	``, `{}`, `"amazon-bedrock-trace"`, `{"amazon-bedrock-trace":{}}`, `{"a":"-bedrock-","amazon-bedrock-guardrailAction":"NONE"}`,
	`{"amazon-bedrock-invocationMetrics":{}}`, `-bedrock-trace"`, `"amazon-bedrock-`, `x"amazon-bedrock-amazon-bedrock-trace"`,
	`"amazon"amazon-bedrock-trace"`, `-bedrock-"amazon-bedrock-guardrailAction"`, `"amazon-bedrock-guardrailActio`,
}

func TestHasGuardrailKey(t *testing.T) {
	for _, s := range hasKeySeeds {
		if got, want := hasGuardrailKey([]byte(s)), oldHasGuardrailKey([]byte(s)); got != want {
			t.Errorf("hasGuardrailKey(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzHasGuardrailKey(f *testing.F) {
	for _, s := range hasKeySeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, obj []byte) {
		if got, want := hasGuardrailKey(obj), oldHasGuardrailKey(obj); got != want {
			t.Errorf("hasGuardrailKey(%q) = %v, want %v", obj, got, want)
		}
	})
}
