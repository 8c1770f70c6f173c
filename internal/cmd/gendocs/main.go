// Command gendocs writes the generated documentation (docs/FIELDS.md and docs/templates/) from
// the field registry. Run it through `go generate ./...`.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/genainorm/genainorm/internal/fieldsdoc"
)

func main() {
	out := flag.String("out", "docs", "the docs directory to write")
	flag.Parse()
	files, err := fieldsdoc.Files()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	if err := os.RemoveAll(filepath.Join(*out, "templates")); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	for name, body := range files {
		p := filepath.Join(*out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
}
