package genai

// Fields the Bedrock model-family body decoders (package bedrock/model) fill beyond the
// Event model.
var (
	// GenainormRequestThinkingBudgetTokens is genainorm.request.thinking.budget_tokens: the
	// token budget requested for extended thinking.
	GenainormRequestThinkingBudgetTokens = Declare(Field{Name: "genainorm.request.thinking.budget_tokens", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation}, Example: "2048", Description: "Token budget requested for extended thinking / reasoning (Anthropic `thinking.budget_tokens`, also when passed through Converse `additionalModelRequestFields`). Large budgets drive cost."})
	// GenainormRequestThinkingType is genainorm.request.thinking.type: whether extended
	// thinking was requested.
	GenainormRequestThinkingType = Declare(Field{Name: "genainorm.request.thinking.type", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation}, Example: "enabled", Description: "Extended thinking mode requested, as the provider names it (Anthropic `thinking.type`: `enabled`, `disabled`, `adaptive`; Nova `reasoningConfig.type`)."})
)
