package azureopenai

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// EnvelopeRecords is the name of the Azure Monitor Event Hub (and older storage blob) envelope
// {"records":[...]}.
const EnvelopeRecords = "azure.records"

func init() {
	envelopes = append(envelopes, &genai.Envelope{
		Name:       EnvelopeRecords,
		Detect:     detectRecords,
		Split:      splitRecords,
		FirstNames: []string{"records"},
	})
}

// detectRecords accepts an object whose first member is "records" (lower-case: CloudTrail's
// log files use "Records").
func detectRecords(data []byte) bool {
	i := jsonscan.SkipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	return bytes.HasPrefix(data[jsonscan.SkipSpace(data, i+1):], []byte(`"records"`))
}

// splitRecords returns the elements of the records array.
func splitRecords(data []byte) ([]genai.Record, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return nil, fmt.Errorf("not a JSON object")
	}
	var out []genai.Record
	found := false
	for dec.PeekKind() == '"' {
		name, err := dec.ReadToken()
		if err != nil {
			return nil, err
		}
		if name.String() != "records" || found {
			if err := dec.SkipValue(); err != nil {
				return nil, err
			}
			continue
		}
		found = true
		if dec.PeekKind() != '[' {
			return nil, fmt.Errorf("records is not an array")
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		for i := 0; dec.PeekKind() != ']'; i++ {
			v, err := dec.ReadValue()
			if err != nil {
				return nil, fmt.Errorf("records[%d]: %w", i, err)
			}
			out = append(out, genai.Record{Data: bytes.Clone(v), Pos: genai.Position{Path: "records[" + strconv.Itoa(i) + "]"}})
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, fmt.Errorf("no records array")
	}
	return out, nil
}
