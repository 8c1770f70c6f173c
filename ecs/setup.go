package ecs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/go-json-experiment/json"

	"github.com/genainorm/genainorm/genai"
)

// Setup installs the templates of a profile (see Templates): the component template first,
// then one index template per data stream pattern, at TemplatePriority. Installing again
// replaces them with the current version.
func Setup(ctx context.Context, t esapi.Transport, profile genai.Profile) error {
	return InstallTemplates(ctx, t, Templates(profile))
}

// InstallTemplates installs templates in the given order (component templates must come before
// the index templates composed of them). It stops at the first error.
func InstallTemplates(ctx context.Context, t esapi.Transport, templates []Template) error {
	st := statusTransport{t}
	for _, tpl := range templates {
		var req esapi.Request
		switch tpl.Kind {
		case KindComponent:
			req = esapi.ClusterPutComponentTemplateRequest{Name: tpl.Name, Body: bytes.NewReader(tpl.Body)}
		case KindIndex:
			req = esapi.IndicesPutIndexTemplateRequest{Name: tpl.Name, Body: bytes.NewReader(tpl.Body)}
		default:
			return fmt.Errorf("ecs: template %q has unknown kind %q", tpl.Name, tpl.Kind)
		}
		res, err := req.Do(ctx, st)
		if err != nil {
			return fmt.Errorf("ecs: installing %s template %s: %w", tpl.Kind, tpl.Name, authErr(err))
		}
		res.Body.Close()
	}
	return nil
}

// authErr marks 401 and 403 errors with ErrUnauthorized.
func authErr(err error) error {
	var re *RequestError
	if errors.As(err, &re) && (re.Status == http.StatusUnauthorized || re.Status == http.StatusForbidden) {
		return fmt.Errorf("%w: %w", ErrUnauthorized, err)
	}
	return err
}

// Governance says which index template governs a data stream.
type Governance struct {
	// DataStream is the data stream name, such as "logs-aws_bedrock.invocation-default".
	DataStream string `json:"data_stream"`
	// Template is the index template Elasticsearch applies to it ("" when none matches).
	Template string `json:"template"`
	// Priority is that template's priority.
	Priority int `json:"priority"`
	// ManagedBy is the template's _meta.managed_by ("genainorm", "fleet", ...), and Package its
	// _meta.package.name (the Fleet integration).
	ManagedBy string `json:"managed_by,omitempty"`
	Package   string `json:"package,omitempty"`
	// Ours reports that the template is one of ours.
	Ours bool `json:"ours"`
	// DataStreamEnabled reports that the template creates data streams.
	DataStreamEnabled bool `json:"data_stream_enabled"`
	// Overlapping lists the other matching templates, which Elasticsearch does not apply.
	Overlapping []string `json:"overlapping,omitempty"`
}

// String describes g in one line.
func (g Governance) String() string {
	if g.Template == "" {
		return g.DataStream + ": no index template matches (documents would create a plain index, not a data stream)"
	}
	who := g.ManagedBy
	if g.Package != "" {
		who += " package " + g.Package
	}
	if who == "" {
		who = "unknown owner"
	}
	s := fmt.Sprintf("%s: governed by %s (priority %d, %s)", g.DataStream, g.Template, g.Priority, who)
	if !g.DataStreamEnabled {
		s += ", WITHOUT data_stream"
	}
	if len(g.Overlapping) > 0 {
		s += "; also matching: " + strings.Join(g.Overlapping, ", ")
	}
	return s
}

type storedTemplate struct {
	Name          string `json:"name"`
	IndexTemplate struct {
		IndexPatterns []string        `json:"index_patterns"`
		Priority      int             `json:"priority"`
		DataStream    *struct{}       `json:"data_stream"`
		Meta          templateMetaDoc `json:"_meta"`
	} `json:"index_template"`
}

type templateMetaDoc struct {
	ManagedBy string `json:"managed_by"`
	Package   struct {
		Name string `json:"name"`
	} `json:"package"`
}

// CheckTemplates reports which index template governs each of our data streams in namespace
// (the data streams of Datasets), from the installed templates and the simulate-index API.
func CheckTemplates(ctx context.Context, t esapi.Transport, namespace string) ([]Governance, error) {
	if namespace == "" {
		namespace = DefaultNamespace
	}
	st := statusTransport{t}
	res, err := esapi.IndicesGetIndexTemplateRequest{}.Do(ctx, st)
	if err != nil {
		return nil, fmt.Errorf("ecs: listing index templates: %w", authErr(err))
	}
	var all struct {
		IndexTemplates []storedTemplate `json:"index_templates"`
	}
	err = json.UnmarshalRead(res.Body, &all)
	res.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("ecs: reading index templates: %w", err)
	}
	var out []Governance
	for _, ds := range Datasets {
		name := "logs-" + ds + "-" + namespace
		g := Governance{DataStream: name}
		res, err := esapi.IndicesSimulateIndexTemplateRequest{Name: name}.Do(ctx, st)
		if err != nil {
			return nil, fmt.Errorf("ecs: simulating index %s: %w", name, authErr(err))
		}
		var sim struct {
			Overlapping []struct {
				Name string `json:"name"`
			} `json:"overlapping"`
		}
		err = json.UnmarshalRead(res.Body, &sim)
		res.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("ecs: reading the simulation of %s: %w", name, err)
		}
		superseded := map[string]bool{}
		for _, o := range sim.Overlapping {
			superseded[o.Name] = true
			g.Overlapping = append(g.Overlapping, o.Name)
		}
		var best *storedTemplate
		for i := range all.IndexTemplates {
			tpl := &all.IndexTemplates[i]
			if superseded[tpl.Name] || !matchesAny(tpl.IndexTemplate.IndexPatterns, name) {
				continue
			}
			if best == nil || tpl.IndexTemplate.Priority > best.IndexTemplate.Priority {
				best = tpl
			}
		}
		if best != nil {
			g.Template = best.Name
			g.Priority = best.IndexTemplate.Priority
			g.ManagedBy = best.IndexTemplate.Meta.ManagedBy
			g.Package = best.IndexTemplate.Meta.Package.Name
			g.Ours = g.ManagedBy == "genainorm"
			g.DataStreamEnabled = best.IndexTemplate.DataStream != nil
		}
		slices.Sort(g.Overlapping)
		out = append(out, g)
	}
	return out, nil
}

// matchesAny reports whether an index name matches one of the wildcard patterns.
func matchesAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, err := path.Match(strings.ReplaceAll(p, "?", `\?`), name); err == nil && ok {
			return true
		}
	}
	return false
}
