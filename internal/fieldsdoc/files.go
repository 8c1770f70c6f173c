package fieldsdoc

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/genainorm/genainorm/bedrock"

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

// Sections returns the extra sections of the field reference: the Bedrock CloudTrail actions
// that matter for LLMjacking.
func Sections() []Section {
	var b strings.Builder
	b.WriteString("The CloudTrail actions a defender watching Bedrock should know, grouped by the attack step they belong to ")
	b.WriteString("(LLMjacking: stolen credentials enumerate models, enable them, check and delete invocation logging, weaken guardrails, ")
	b.WriteString("then invoke expensive models). Match them on `event.provider` and `event.action`; `event.outcome` tells whether they worked.\n\n")
	b.WriteString("| Action (`event.action`) | Event source (`event.provider`) | Stage | What it means | Public rules |\n|---|---|---|---|---|\n")
	for _, a := range bedrock.CloudTrailActions {
		fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s | %s |\n", a.Name, a.EventSource, a.Stage, cell(a.Meaning), cell(strings.Join(a.Rules, "; ")))
	}
	return []Section{{Title: "Bedrock CloudTrail actions that matter for LLMjacking", Body: b.String()}}
}
