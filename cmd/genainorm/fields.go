package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/genainorm/genainorm/internal/fieldsdoc"
)

func init() {
	commands["fields"] = command{summary: "print the field reference (every output field, its type, OTel key and sources)", run: runFields}
}

const fieldsHelp = `Usage: genainorm fields [--format markdown|json]

Prints every field genainorm writes: name, Elasticsearch type, OpenTelemetry key, status
(ecs, otel, elastic-security-proposal, extension), profiles, the sources that fill it, an
example and a description. This is the schema reference for detection-rule authors; the same
text is in docs/FIELDS.md.

Examples:
  genainorm fields | less
  genainorm fields --format json | jq -r '.[] | select(.type=="boolean") | .name'

Flags:
`

func runFields(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fields", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "markdown", "output format: markdown or json")
	fs.Usage = func() { fmt.Fprint(stderr, fieldsHelp); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	var err error
	switch *format {
	case "markdown", "md":
		err = fieldsdoc.WriteMarkdown(stdout, fieldsdoc.Sections()...)
	case "json":
		err = fieldsdoc.WriteJSON(stdout)
	default:
		fmt.Fprintf(stderr, "genainorm: unknown --format %q (want markdown or json)\n", *format)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}
	return 0
}
