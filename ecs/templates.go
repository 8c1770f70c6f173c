package ecs

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/genainorm/genainorm/genai"
)

// TemplatePriority is the priority of our index templates: below the 200 of Fleet's integration
// templates, so that an installed Elastic integration (aws_bedrock, aws, azure_openai) keeps its
// own template for the same data streams; our documents fit either mapping.
const TemplatePriority = 150

// Datasets lists the datasets of the data streams genainorm writes.
var Datasets = []string{genai.DatasetBedrockInvocation, genai.DatasetCloudTrail, genai.DatasetAzureOpenAI, genai.DatasetErrors}

// Template is one Elasticsearch template to install.
type Template struct {
	// Kind is "component" (PUT _component_template/Name) or "index" (PUT _index_template/Name).
	Kind string
	// Name is the template's name.
	Name string
	// Body is the request body (JSON).
	Body []byte
}

// The kinds of Template.
const (
	KindComponent = "component"
	KindIndex     = "index"
)

// ComponentTemplateName returns the name of the mappings component template of a profile.
func ComponentTemplateName(p genai.Profile) string { return "genainorm-" + p.String() + "@mappings" }

// IndexTemplateName returns the name of the index template of a dataset and profile.
func IndexTemplateName(dataset string, p genai.Profile) string {
	return "genainorm-" + p.String() + "-" + dataset
}

// Templates returns the templates for a profile, component template first: the mappings of
// every field the profile emits, generated from the field registry, and one index template per
// data stream pattern. Install them in order.
func Templates(p genai.Profile) []Template {
	if p == 0 {
		p = genai.ProfileElastic
	}
	out := []Template{{Kind: KindComponent, Name: ComponentTemplateName(p), Body: componentBody(p)}}
	for _, ds := range Datasets {
		body, _ := json.MarshalIndent(map[string]any{
			"index_patterns": []string{"logs-" + ds + "-*"},
			"data_stream":    map[string]any{},
			"composed_of":    []string{ComponentTemplateName(p)},
			"priority":       TemplatePriority,
			"_meta":          map[string]any{"managed_by": "genainorm", "profile": p.String(), "description": "genainorm " + p.String() + "-profile documents for " + ds},
		}, "", "  ")
		out = append(out, Template{Kind: KindIndex, Name: IndexTemplateName(ds, p), Body: body})
	}
	return out
}

// Mappings returns the "properties" mapping of every field the profile emits, as nested
// objects, generated from the registry.
func Mappings(p genai.Profile) map[string]any {
	root := map[string]any{}
	for _, f := range genai.Fields() {
		if !f.In(p) {
			continue
		}
		props := root
		path := f.Path()
		for _, seg := range path[:len(path)-1] {
			obj, ok := props[seg].(map[string]any)
			if !ok {
				obj = map[string]any{"properties": map[string]any{}}
				props[seg] = obj
			}
			sub, ok := obj["properties"].(map[string]any)
			if !ok {
				sub = map[string]any{}
				obj["properties"] = sub
			}
			props = sub
		}
		leaf := path[len(path)-1]
		m := fieldMapping(f)
		if existing, ok := props[leaf].(map[string]any); ok {
			// An object declared after its sub-fields: keep the collected properties.
			for k, v := range m {
				if k != "properties" {
					existing[k] = v
				}
			}
			continue
		}
		props[leaf] = m
	}
	return root
}

func fieldMapping(f *genai.Field) map[string]any {
	m := map[string]any{"type": string(f.Type)}
	switch f.Type {
	case genai.TypeKeyword:
		if f.NoIndex {
			m["index"] = false
			m["doc_values"] = false
		} else {
			ia := f.IgnoreAbove
			if ia == 0 {
				ia = 1024
			}
			m["ignore_above"] = ia
		}
		if f.TextSubfield {
			m["fields"] = map[string]any{"text": map[string]any{"type": "match_only_text"}}
		}
	case genai.TypeFlattened:
		m["ignore_above"] = 1024
	case genai.TypeObject:
		m = map[string]any{"type": "object", "properties": map[string]any{}}
	}
	return m
}

func componentBody(p genai.Profile) []byte {
	body := map[string]any{
		"template": map[string]any{
			"settings": map[string]any{"index": map[string]any{"mapping": map[string]any{"total_fields": map[string]any{"limit": 2000}}}},
			"mappings": map[string]any{
				"properties": Mappings(p),
			},
		},
		"_meta": map[string]any{"managed_by": "genainorm", "profile": p.String(), "ecs_version": Version},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		panic(fmt.Sprintf("ecs: encoding the component template: %v", err)) // maps of strings always encode
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}
