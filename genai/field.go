package genai

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"go.opentelemetry.io/otel/attribute"
)

// Type is the Elasticsearch mapping type of a field.
type Type string

// The Elasticsearch field types the registry uses.
const (
	TypeKeyword         Type = "keyword"
	TypeConstantKeyword Type = "constant_keyword"
	TypeWildcard        Type = "wildcard"
	TypeText            Type = "text"
	TypeMatchOnlyText   Type = "match_only_text"
	TypeLong            Type = "long"
	TypeInteger         Type = "integer"
	TypeDouble          Type = "double"
	TypeFloat           Type = "float"
	TypeBoolean         Type = "boolean"
	TypeDate            Type = "date"
	TypeIP              Type = "ip"
	TypeFlattened       Type = "flattened"
	// TypeObject is a group of declared sub-fields. A field of this type is rendered from a
	// KindJSON value (an object, or an array of objects) whose leaves are declared fields.
	TypeObject Type = "object"
)

// Accepts reports whether a value of kind k may be rendered into a field of type t.
func (t Type) Accepts(k Kind) bool {
	switch t {
	case TypeKeyword, TypeConstantKeyword, TypeWildcard, TypeText, TypeMatchOnlyText, TypeIP:
		return k == KindString || k == KindStrings
	case TypeLong, TypeInteger:
		return k == KindInt
	case TypeDouble, TypeFloat:
		return k == KindFloat || k == KindInt
	case TypeBoolean:
		return k == KindBool
	case TypeDate:
		return k == KindTime
	case TypeFlattened, TypeObject:
		return k == KindJSON
	}
	return false
}

// Status says who defines a field.
type Status string

// The statuses of a field.
const (
	// StatusECS: defined by the Elastic Common Schema (core fields and the beta gen_ai field set).
	StatusECS Status = "ecs"
	// StatusOTel: defined by the OpenTelemetry GenAI semantic conventions, not (yet) by ECS.
	StatusOTel Status = "otel"
	// StatusElasticProposal: from Elastic Security's 2024 gen_ai security field proposal, which
	// Elastic's integrations write and its public detection rules query.
	StatusElasticProposal Status = "elastic-security-proposal"
	// StatusExtension: ours, or a vendor tree written by Elastic's integrations.
	StatusExtension Status = "extension"
)

// Profile selects which fields a rendered document holds.
type Profile uint8

// The output profiles. A field declares the set of profiles that emit it.
const (
	// ProfileElastic is the default: every field public Elastic rules read, with their names,
	// types and values, plus every ECS/OTel field that does not collide with them.
	ProfileElastic Profile = 1 << iota
	// ProfileECS holds ECS 9.x / OTel names only.
	ProfileECS
)

// ProfileAll is the set of every profile.
const ProfileAll = ProfileElastic | ProfileECS

// String returns the profile's name ("elastic" or "ecs"), or a list for a set.
func (p Profile) String() string {
	var parts []string
	if p&ProfileElastic != 0 {
		parts = append(parts, "elastic")
	}
	if p&ProfileECS != 0 {
		parts = append(parts, "ecs")
	}
	return strings.Join(parts, ",")
}

// ParseProfile parses a profile name.
func ParseProfile(s string) (Profile, error) {
	switch s {
	case "elastic", "":
		return ProfileElastic, nil
	case "ecs":
		return ProfileECS, nil
	}
	return 0, fmt.Errorf("genai: unknown profile %q (want elastic or ecs)", s)
}

// Profiles lists every single profile, in a stable order.
var Profiles = []Profile{ProfileElastic, ProfileECS}

// Field declares one output field. Fields are declared once, in this package, with Declare;
// nothing else spells a field name.
type Field struct {
	ord int // position in name order, set by the registry (first: renderers read it per value)

	// Name is the dotted field name, such as "gen_ai.request.model.id".
	Name string
	// Type is the Elasticsearch mapping type.
	Type Type
	// Array marks a multi-valued field (always rendered as a JSON array).
	Array bool
	// OTel is the OpenTelemetry attribute key carrying the same information, if any.
	OTel attribute.Key
	// Status says who defines the field.
	Status Status
	// Description says what the field holds, for the rule author.
	Description string
	// Example is an example value, as it appears in a document.
	Example string
	// Profiles is the set of profiles that emit the field.
	Profiles Profile
	// Sources lists the input sources that fill the field (see the Source* constants).
	Sources []string
	// Index false keeps a keyword out of the index (stored only), as ECS does for long text.
	NoIndex bool
	// IgnoreAbove caps indexed keyword length (0: the template default).
	IgnoreAbove int
	// TextSubfield adds a "text" multi-field to a keyword, for full-text search next to exact
	// matches (as Elastic maps aws.cloudtrail.request_parameters).
	TextSubfield bool

	path []string // Name split on dots
}

// Path returns the name split into its dotted segments.
func (f *Field) Path() []string { return f.path }

// Ord returns the field's position in the registry's name order. Sorting fields by Ord
// sorts them by name, which groups every object's members together.
func (f *Field) Ord() int { return f.ord }

// In reports whether profile p emits the field.
func (f *Field) In(p Profile) bool { return f.Profiles&p != 0 }

// The input sources named in Field.Sources.
const (
	SourceBedrockInvocation = "bedrock.invocation"
	SourceBedrockGuardrail  = "bedrock.guardrail"
	SourceBedrockApply      = "bedrock.apply_guardrail"
	SourceBedrockCloudTrail = "bedrock.cloudtrail"
	SourceAzureResourceLog  = "azureopenai.resource_log"
	SourceAzureGateway      = "azureopenai.gateway"
	SourceAzureResponse     = "azureopenai.response"
	SourceGenainorm         = "genainorm"
	SourceAll               = "all"
)

var registry struct {
	sync.Mutex
	fields []*Field
	byName map[string]*Field
	sealed bool
	once   sync.Once // seals the registry; reads after it need no lock
}

// Declare adds a field to the registry and returns it. It is called from package-level
// variable declarations of this package only; it panics on a duplicate or malformed
// declaration, which is a programming error caught by every test run.
func Declare(f Field) *Field {
	registry.Lock()
	defer registry.Unlock()
	if registry.sealed {
		panic("genai: Declare after the registry was read: " + f.Name)
	}
	if registry.byName == nil {
		registry.byName = make(map[string]*Field)
	}
	if f.Name == "" || f.Type == "" || f.Status == "" || f.Profiles == 0 || f.Description == "" {
		panic("genai: incomplete field declaration: " + f.Name)
	}
	if _, dup := registry.byName[f.Name]; dup {
		panic("genai: field declared twice: " + f.Name)
	}
	p := new(Field)
	*p = f
	p.path = strings.Split(f.Name, ".")
	registry.fields = append(registry.fields, p)
	registry.byName[f.Name] = p
	return p
}

// sealed sorts the registry once, on first read; from then on it never changes (Declare
// panics), so renderers read it on every document without taking a lock.
func sealed() []*Field {
	registry.once.Do(func() {
		registry.Lock()
		defer registry.Unlock()
		registry.sealed = true
		slices.SortFunc(registry.fields, func(a, b *Field) int { return strings.Compare(a.Name, b.Name) })
		if len(registry.fields) > maxFields {
			panic("genai: more fields declared than a FieldSet holds: raise maxFields")
		}
		profileOf = make([]Profile, len(registry.fields))
		for i, f := range registry.fields {
			f.ord = i
			profileOf[i] = f.Profiles
		}
	})
	return registry.fields
}

// profileOf holds each field's Profiles by Ord, in one small array, so that a FieldSet
// filtering a document's fields reads it rather than each Field.
var profileOf []Profile

// Fields returns every declared field, sorted by name. Callers must not modify the result.
func Fields() []*Field { return sealed() }

// Lookup returns the declared field with the given name, or nil.
func Lookup(name string) *Field {
	sealed()
	return registry.byName[name]
}

// FieldValue is one field of a rendered event with its value.
type FieldValue struct {
	Field *Field
	Value Value
}

// Attr returns a FieldValue; it reads well in a vendor tree: ev.Vendor = append(ev.Vendor, genai.Attr(f, v)).
func Attr(f *Field, v Value) FieldValue { return FieldValue{Field: f, Value: v} }

// Every field is declared by package-level variables; init runs after all of them, so the
// registry is complete and ordered before any other package can read it.
func init() { sealed() }
