package ecs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"
	"sort"
	"strings"
	"time"

	"github.com/genainorm/genainorm/genai"
)

// ValidateDocument checks one rendered document against the mappings of a profile's template:
// every leaf value must sit under a mapped field of a compatible type (a string under a
// keyword, text, ip or date field, an integer under long or integer, a boolean under boolean,
// anything under flattened). It returns an error listing every mismatch; nil means
// Elasticsearch would accept the document without a mapping conflict or dynamic field.
func ValidateDocument(doc []byte, p genai.Profile) error {
	if p == 0 {
		p = genai.ProfileElastic
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v map[string]any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("ecs: document is not a JSON object: %w", err)
	}
	var problems []string
	walkDocument(Mappings(p), "", v, &problems)
	if len(problems) == 0 {
		return nil
	}
	sort.Strings(problems)
	return fmt.Errorf("ecs: document does not fit the %s template: %s", p, strings.Join(problems, "; "))
}

func walkDocument(props map[string]any, prefix string, obj map[string]any, problems *[]string) {
	for k, val := range obj {
		name := prefix + k
		m, ok := props[k].(map[string]any)
		if !ok {
			*problems = append(*problems, name+": not declared")
			continue
		}
		checkValue(m, name, val, problems)
	}
}

func checkValue(m map[string]any, name string, val any, problems *[]string) {
	typ, _ := m["type"].(string)
	if typ == string(genai.TypeFlattened) {
		return
	}
	switch x := val.(type) {
	case []any:
		for _, e := range x {
			checkValue(m, name, e, problems)
		}
		return
	case map[string]any:
		sub, ok := m["properties"].(map[string]any)
		if !ok || (typ != "" && typ != string(genai.TypeObject)) {
			*problems = append(*problems, fmt.Sprintf("%s: object under a %s field", name, typ))
			return
		}
		walkDocument(sub, name+".", x, problems)
		return
	case nil:
		return
	}
	if err := leafFits(genai.Type(typ), val); err != nil {
		*problems = append(*problems, fmt.Sprintf("%s: %v", name, err))
	}
}

func leafFits(t genai.Type, val any) error {
	switch x := val.(type) {
	case string:
		switch t {
		case genai.TypeKeyword, genai.TypeConstantKeyword, genai.TypeWildcard, genai.TypeText, genai.TypeMatchOnlyText:
			return nil
		case genai.TypeIP:
			if _, err := netip.ParseAddr(x); err != nil {
				return fmt.Errorf("%q is not an IP address", x)
			}
			return nil
		case genai.TypeDate:
			if _, err := time.Parse(time.RFC3339Nano, x); err != nil {
				return fmt.Errorf("%q is not a date", x)
			}
			return nil
		}
	case json.Number:
		switch t {
		case genai.TypeLong, genai.TypeInteger:
			if _, err := x.Int64(); err != nil {
				return fmt.Errorf("%s is not an integer", x)
			}
			return nil
		case genai.TypeDouble, genai.TypeFloat:
			return nil
		}
	case bool:
		if t == genai.TypeBoolean {
			return nil
		}
	}
	return fmt.Errorf("%T value under a %s field", val, t)
}
