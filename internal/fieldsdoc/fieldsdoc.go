// Package fieldsdoc renders the field registry as the rule author's reference (Markdown) and as
// JSON, for docs/FIELDS.md and the fields command.
package fieldsdoc

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"go.opentelemetry.io/otel/attribute"

	"github.com/genainorm/genainorm/genai"
)

// FieldInfo is one field as listed by the JSON form.
type FieldInfo struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Array       bool     `json:"array,omitempty"`
	OTel        string   `json:"otel,omitempty"`
	Status      string   `json:"status"`
	Profiles    []string `json:"profiles"`
	Sources     []string `json:"sources,omitempty"`
	Example     string   `json:"example,omitempty"`
	Description string   `json:"description"`
}

// Infos returns every declared field as a FieldInfo, sorted by name.
func Infos() []FieldInfo {
	var out []FieldInfo
	for _, f := range genai.Fields() {
		fi := FieldInfo{Name: f.Name, Type: string(f.Type), Array: f.Array, OTel: string(otelKey(f)),
			Status: string(f.Status), Sources: f.Sources, Example: f.Example, Description: f.Description}
		for _, p := range genai.Profiles {
			if f.In(p) {
				fi.Profiles = append(fi.Profiles, p.String())
			}
		}
		out = append(out, fi)
	}
	return out
}

// WriteJSON writes every declared field as a JSON array.
func WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Infos())
}

// group is a section of the Markdown reference.
type group struct {
	title, intro string
	prefixes     []string
}

var groups = []group{
	{"Event, data stream and provenance", "What every document carries: when, what, where it is stored, and where it was read from.",
		[]string{"@timestamp", "event.", "data_stream.", "ecs.", "error.", "log.", "tags", "genainorm.format", "genainorm.record.", "genainorm.warnings", "genainorm.truncated"}},
	{"Identity, cloud and network", "Who called, from where, in which account and region. Invocation logs put the caller ARN in `user.id` (as Elastic's rules expect); CloudTrail puts the principal id there and the ARN in `aws.cloudtrail.user_identity.arn`.",
		[]string{"cloud.", "user.", "user_agent.", "source.", "related.", "http.", "url.", "server.", "tls.", "genainorm.credential.", "genainorm.inference_region", "genainorm.api_version", "genainorm.llmjacking."}},
	{"Model, request and response", "The GenAI exchange itself, with OTel/ECS names and, in the elastic profile, the names of Elastic's proposal that public rules query.",
		[]string{"gen_ai.provider.", "gen_ai.system", "gen_ai.operation.", "gen_ai.request.", "gen_ai.response.", "gen_ai.prompt", "gen_ai.completion", "gen_ai.input.", "gen_ai.output.", "gen_ai.tool.", "gen_ai.conversation.", "gen_ai.embeddings.", "gen_ai.user.", "genainorm.model.", "genainorm.request."}},
	{"Usage and performance", "Token counts with their provenance, latency and sizes. `gen_ai.usage.prompt_tokens` is the provider's own input count; OTel's `gen_ai.usage.input_tokens` adds cache reads and writes when the provider's count excludes them.",
		[]string{"gen_ai.usage.", "gen_ai.performance.", "genainorm.usage."}},
	{"Guardrails, policy, compliance and OWASP", "One vocabulary for Bedrock guardrails and Azure content filters. Each assessed item is kept in `gen_ai.guardrail.assessments`; the policy, compliance and OWASP fields are derived from the items that found something. Observe-mode detections (action `NONE`) appear in `gen_ai.policy.action` but never set `gen_ai.compliance.violation_detected`, which is true only when the provider intervened.",
		[]string{"gen_ai.guardrail", "gen_ai.policy.", "gen_ai.compliance.", "gen_ai.owasp.", "aws.bedrock."}},
	{"Declared for compatibility, not filled", "Fields of Elastic's 2024 security proposal that no provider log carries (they come from content scanners). They are in the template so that documents from other tools can share the index.",
		[]string{"gen_ai.text.", "gen_ai.security.", "gen_ai.threat.", "gen_ai.analysis.", "gen_ai.sentiment."}},
	{"AWS Bedrock vendor tree", "The invocation record's own fields, snake_cased as Elastic's integration keeps them.", []string{"aws_bedrock."}},
	{"AWS CloudTrail vendor tree", "CloudTrail fields as Elastic's aws integration writes them; `request_parameters` and `additional_eventdata` are in Java `Map.toString()` form (`{modelId=..., callWithBearerToken=true}`), which public rules match.", []string{"aws.cloudtrail."}},
	{"Azure vendor tree", "Azure resource-log fields as Elastic's azure_openai integration writes them; public Azure OpenAI rules read them.", []string{"azure."}},
}

func groupOf(name string) int {
	for i, g := range groups {
		for _, p := range g.prefixes {
			if name == strings.TrimSuffix(p, ".") || strings.HasPrefix(name, p) {
				return i
			}
		}
	}
	return len(groups)
}

var sourceNames = map[string]string{
	genai.SourceBedrockInvocation: "Bedrock invocation log",
	genai.SourceBedrockGuardrail:  "Bedrock guardrail trace",
	genai.SourceBedrockApply:      "Bedrock ApplyGuardrail",
	genai.SourceBedrockCloudTrail: "Bedrock CloudTrail",
	genai.SourceAzureResourceLog:  "Azure resource log",
	genai.SourceAzureGateway:      "Azure API Management",
	genai.SourceAzureResponse:     "Azure OpenAI response body",
	genai.SourceGenainorm:         "genainorm",
	genai.SourceAll:               "all",
}

// Section is an extra section appended to the Markdown reference.
type Section struct {
	Title string
	Body  string
}

// WriteMarkdown writes the field reference in Markdown, followed by the extra sections.
func WriteMarkdown(w io.Writer, extra ...Section) error {
	var b strings.Builder
	b.WriteString("# genainorm field reference\n\n")
	b.WriteString("<!-- Generated by `go generate ./...` from the field registry in package genai. Do not edit. -->\n\n")
	b.WriteString("Every field genainorm writes, declared once in package `genai`. This is the schema reference for rule authors: ")
	b.WriteString("the name, the Elasticsearch type, the OpenTelemetry attribute that carries the same information, who defines the field, ")
	b.WriteString("which profile writes it, which sources fill it, and an example value.\n\n")
	b.WriteString("**Profiles.** `elastic` (the default) writes every field public Elastic detection rules read, with their exact names, types and values ")
	b.WriteString("(`gen_ai.request.model.id`, `gen_ai.usage.prompt_tokens`, `gen_ai.policy.*`, `gen_ai.compliance.*`, ...), plus every ECS/OTel field that does not collide with them. ")
	b.WriteString("`ecs` writes ECS 9.x / OpenTelemetry names only (`gen_ai.request.model` as a keyword, no legacy aliases, none of the security proposal's fields). ")
	b.WriteString("One index holds one profile: `gen_ai.request.model` cannot be a keyword and an object at once.\n\n")
	b.WriteString("**Status.** `ecs`: defined by ECS (core or the beta `gen_ai` field set). `otel`: defined by the OpenTelemetry GenAI conventions, not by ECS. ")
	b.WriteString("`elastic-security-proposal`: from Elastic Security's 2024 `gen_ai` field proposal, which Elastic's integrations write and its rules query. ")
	b.WriteString("`extension`: a vendor tree Elastic's integrations write, or genainorm's own (`genainorm.*`, `gen_ai.guardrail.*`).\n\n")
	b.WriteString("**Types.** Arrays are marked `[]`; Elasticsearch maps an array like its element. `object` fields are groups whose members are listed below them. ")
	b.WriteString("`flattened` fields hold JSON objects whose keys are not declared one by one.\n\n")
	fields := genai.Fields()
	byGroup := make([][]*genai.Field, len(groups)+1)
	for _, f := range fields {
		i := groupOf(f.Name)
		byGroup[i] = append(byGroup[i], f)
	}
	b.WriteString("## Contents\n\n")
	for i, g := range groups {
		if len(byGroup[i]) > 0 {
			fmt.Fprintf(&b, "- [%s](#%s) (%d)\n", g.title, anchor(g.title), len(byGroup[i]))
		}
	}
	if len(byGroup[len(groups)]) > 0 {
		fmt.Fprintf(&b, "- [Other fields](#other-fields) (%d)\n", len(byGroup[len(groups)]))
	}
	for _, s := range extra {
		fmt.Fprintf(&b, "- [%s](#%s)\n", s.Title, anchor(s.Title))
	}
	fmt.Fprintf(&b, "\n%d fields in all.\n\n", len(fields))
	for i := range byGroup {
		if len(byGroup[i]) == 0 {
			continue
		}
		title, intro := "Other fields", ""
		if i < len(groups) {
			title, intro = groups[i].title, groups[i].intro
		}
		fmt.Fprintf(&b, "## %s\n\n", title)
		if intro != "" {
			b.WriteString(intro + "\n\n")
		}
		b.WriteString("| Field | Type | OTel | Status | Profiles | Filled by | Example | Description |\n")
		b.WriteString("|---|---|---|---|---|---|---|---|\n")
		for _, f := range byGroup[i] {
			typ := string(f.Type)
			if f.Array {
				typ += "[]"
			}
			otel := ""
			if k := otelKey(f); k != "" {
				otel = "`" + string(k) + "`"
			}
			var srcs []string
			for _, s := range f.Sources {
				if n, ok := sourceNames[s]; ok {
					srcs = append(srcs, n)
				} else {
					srcs = append(srcs, s)
				}
			}
			filled := strings.Join(srcs, ", ")
			if filled == "" {
				filled = "—"
			}
			example := ""
			if f.Example != "" {
				example = "`" + cell(f.Example) + "`"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s | %s |\n", f.Name, typ, otel, f.Status, f.Profiles, filled, example, cell(f.Description))
		}
		b.WriteString("\n")
	}
	for _, s := range extra {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", s.Title, strings.TrimSpace(s.Body))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// otelKey is the OpenTelemetry attribute that carries the field: the key the OTel renderer
// writes it under, or the semconv equivalent of a field the renderer leaves to another key.
func otelKey(f *genai.Field) attribute.Key {
	if k := genai.OTelKey(f); k != "" {
		return k
	}
	return f.OTel
}

func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

func anchor(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
