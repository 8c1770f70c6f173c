package fieldsdoc

import (
	"bytes"
	"path"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

// Files returns every generated documentation file, keyed by its path under docs/: the field
// reference FIELDS.md and the Elasticsearch templates of each profile.
func Files() (map[string][]byte, error) {
	out := map[string][]byte{}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, Sections()...); err != nil {
		return nil, err
	}
	out["FIELDS.md"] = md.Bytes()
	for _, p := range genai.Profiles {
		for _, t := range ecs.Templates(p) {
			out[path.Join("templates", p.String(), t.Kind+"-"+t.Name+".json")] = append(append([]byte(nil), t.Body...), '\n')
		}
	}
	return out, nil
}

// Sections returns the extra sections of the field reference.
func Sections() []Section { return nil }
