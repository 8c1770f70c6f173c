package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func init() {
	commands["template"] = command{summary: "print the Elasticsearch component and index templates as JSON", run: runTemplate}
}

const templateHelp = `Usage: genainorm template [--profile elastic|ecs]

Prints the Elasticsearch templates generated from the field registry for one profile, as one JSON
object: {"component_templates": {NAME: BODY}, "index_templates": {NAME: BODY}}. Install the
component templates first (PUT _component_template/NAME), then the index templates
(PUT _index_template/NAME), or let 'genainorm index --setup' do it. Index templates have priority
150, below Fleet's integration templates, so an installed Elastic integration keeps its own.

Examples:
  genainorm template > templates.json
  genainorm template --profile ecs | jq '.index_templates | keys'

Flags:
`

func runTemplate(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	fs.SetOutput(stderr)
	profileName := fs.String("profile", "elastic", "document profile: elastic or ecs")
	fs.Usage = func() { fmt.Fprint(stderr, templateHelp); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	profile, err := genai.ParseProfile(*profileName)
	if err != nil {
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}
	out := map[string]map[string]json.RawMessage{"component_templates": {}, "index_templates": {}}
	for _, t := range ecs.Templates(profile) {
		key := "index_templates"
		if t.Kind == ecs.KindComponent {
			key = "component_templates"
		}
		out[key][t.Name] = t.Body
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}
	return 0
}
