package genai_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// TestDetectEnvelopeFirstNames checks that an envelope's detector is skipped exactly for the
// objects whose first member name, written plainly, is none of its FirstNames.
func TestDetectEnvelopeFirstNames(t *testing.T) {
	var called []string
	reg := new(genai.Registry)
	for _, e := range []struct {
		name  string
		first []string
	}{{"a", []string{"alpha", "beta"}}, {"b", nil}, {"c", []string{}}, {"d", []string{"d-1"}}} {
		reg.RegisterEnvelope(&genai.Envelope{Name: e.name, FirstNames: e.first,
			Detect: func(data []byte) bool {
				called = append(called, e.name)
				return bytes.Contains(data, []byte("take-"+e.name))
			}})
	}
	for data, want := range map[string][]string{
		`{"alpha":1}`:              {"a", "b"},
		` { "beta" :1}`:            {"a", "b"},
		`{"gamma":1}`:              {"b"},
		`{"d-1":{}}`:               {"b", "d"},
		`{"alph":1}`:               {"b"},
		`{"alphaa":1}`:             {"b"},
		`{"":1}`:                   {"b"},
		`{"\u0061lpha":1}`:         {"a", "b", "c", "d"},
		`{"gam\"ma":1}`:            {"a", "b", "c", "d"},
		`{}`:                       {"a", "b", "c", "d"},
		`{"alpha`:                  {"a", "b", "c", "d"},
		`[{"alpha":1}]`:            {"a", "b", "c", "d"},
		`"alpha"`:                  {"a", "b", "c", "d"},
		``:                         {"a", "b", "c", "d"},
		"\t\r\n{\n\"d-1\"\n:1}":    {"b", "d"},
		`{"beta":"take-a take-b"}`: {"a"},
		`{"zeta":"take-a take-b"}`: {"b"},
		`{"zeta":"take-d take-c"}`: {"b"},
		`{"d-1":"take-d take-c"}`:  {"b", "d"},
		`{"\u0064-1":"take-c"}`:    {"a", "b", "c"},
	} {
		called = nil
		reg.DetectEnvelope([]byte(data))
		require.Equal(t, want, called, data)
	}
}

// TestRegistryConcurrent registers while detecting (run with -race).
func TestRegistryConcurrent(t *testing.T) {
	reg := new(genai.Registry)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range 100 {
			reg.Register(&genai.Format{Name: string(rune('a' + i%26)), Detect: func([]byte) bool { return false }})
			reg.RegisterEnvelope(&genai.Envelope{Name: "e", Detect: func([]byte) bool { return false }})
		}
	}()
	go func() {
		defer wg.Done()
		for range 100 {
			reg.Detect([]byte(`{}`))
			reg.DetectEnvelope([]byte(`{"a":1}`))
			reg.Lookup("a")
			reg.Formats()
		}
	}()
	wg.Wait()
	require.Len(t, reg.Formats(), 26)
}
