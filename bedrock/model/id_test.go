package model

import (
	"fmt"
	"hash/maphash"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

func TestParse(t *testing.T) {
	tests := []struct {
		id   string
		want genai.Model
	}{
		{"anthropic.claude-3-haiku-20240307-v1:0", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-3-haiku-20240307-v1:0", Version: "20240307-v1:0", Type: "anthropic"}},
		{"anthropic.claude-3-sonnet-20240229-v1:0:28k", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-3-sonnet-20240229-v1:0:28k", Version: "20240229-v1:0:28k", Type: "anthropic"}},
		{"anthropic.claude-v2:1", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-v2:1", Version: "v2:1", Type: "anthropic"}},
		{"anthropic.claude-sonnet-4-6", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-sonnet-4-6", Type: "anthropic"}},
		{"global.anthropic.claude-opus-4-6-v1", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-opus-4-6-v1", Version: "v1", Type: "anthropic"}},
		{"us.anthropic.claude-3-5-sonnet-20240620-v1:0", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-3-5-sonnet-20240620-v1:0", Version: "20240620-v1:0", Type: "anthropic"}},
		{"eu.amazon.nova-pro-v1:0", genai.Model{Vendor: "amazon", Family: FamilyNova, Name: "amazon.nova-pro-v1:0", Version: "v1:0", Type: "amazon"}},
		{"apac.amazon.nova-lite-v1:0", genai.Model{Vendor: "amazon", Family: FamilyNova, Name: "amazon.nova-lite-v1:0", Version: "v1:0", Type: "amazon"}},
		{"us-gov.meta.llama3-2-90b-instruct-v1:0", genai.Model{Vendor: "meta", Family: FamilyLlama, Name: "meta.llama3-2-90b-instruct-v1:0", Version: "v1:0", Type: "meta"}},
		{"jp.anthropic.claude-sonnet-4-5-20250929-v1:0", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-sonnet-4-5-20250929-v1:0", Version: "20250929-v1:0", Type: "anthropic"}},
		{"au.anthropic.claude-haiku-4-5-20251001-v1:0", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-haiku-4-5-20251001-v1:0", Version: "20251001-v1:0", Type: "anthropic"}},
		{"us.deepseek.r1-v1:0", genai.Model{Vendor: "deepseek", Family: FamilyDeepSeekR1, Name: "deepseek.r1-v1:0", Version: "v1:0", Type: "deepseek"}},
		{"amazon.titan-text-express-v1", genai.Model{Vendor: "amazon", Family: FamilyTitanText, Name: "amazon.titan-text-express-v1", Version: "v1", Type: "amazon"}},
		{"amazon.titan-embed-text-v2:0", genai.Model{Vendor: "amazon", Family: FamilyTitanEmbed, Name: "amazon.titan-embed-text-v2:0", Version: "v2:0", Type: "amazon"}},
		{"amazon.titan-embed-image-v1", genai.Model{Vendor: "amazon", Family: FamilyTitanEmbed, Name: "amazon.titan-embed-image-v1", Version: "v1", Type: "amazon"}},
		{"amazon.titan-image-generator-v2:0", genai.Model{Vendor: "amazon", Family: FamilyTitanImage, Name: "amazon.titan-image-generator-v2:0", Version: "v2:0", Type: "amazon"}},
		{"amazon.nova-canvas-v1:0", genai.Model{Vendor: "amazon", Family: FamilyNovaCanvas, Name: "amazon.nova-canvas-v1:0", Version: "v1:0", Type: "amazon"}},
		{"amazon.nova-reel-v1:1", genai.Model{Vendor: "amazon", Family: FamilyNovaReel, Name: "amazon.nova-reel-v1:1", Version: "v1:1", Type: "amazon"}},
		{"amazon.nova-sonic-v1:0", genai.Model{Vendor: "amazon", Family: FamilyNovaSonic, Name: "amazon.nova-sonic-v1:0", Version: "v1:0", Type: "amazon"}},
		{"amazon.rerank-v1:0", genai.Model{Vendor: "amazon", Family: FamilyRerank, Name: "amazon.rerank-v1:0", Version: "v1:0", Type: "amazon"}},
		{"meta.llama3-70b-instruct-v1:0", genai.Model{Vendor: "meta", Family: FamilyLlama, Name: "meta.llama3-70b-instruct-v1:0", Version: "v1:0", Type: "meta"}},
		{"us.meta.llama4-maverick-17b-instruct-v1:0", genai.Model{Vendor: "meta", Family: FamilyLlama, Name: "meta.llama4-maverick-17b-instruct-v1:0", Version: "v1:0", Type: "meta"}},
		{"mistral.mistral-large-2407-v1:0", genai.Model{Vendor: "mistral", Family: FamilyMistral, Name: "mistral.mistral-large-2407-v1:0", Version: "2407-v1:0", Type: "mistral"}},
		{"mistral.mixtral-8x7b-instruct-v0:1", genai.Model{Vendor: "mistral", Family: FamilyMistral, Name: "mistral.mixtral-8x7b-instruct-v0:1", Version: "v0:1", Type: "mistral"}},
		{"cohere.command-text-v14", genai.Model{Vendor: "cohere", Family: FamilyCommand, Name: "cohere.command-text-v14", Version: "v14", Type: "cohere"}},
		{"cohere.command-r-plus-v1:0", genai.Model{Vendor: "cohere", Family: FamilyCommandR, Name: "cohere.command-r-plus-v1:0", Version: "v1:0", Type: "cohere"}},
		{"cohere.embed-english-v3", genai.Model{Vendor: "cohere", Family: FamilyCohereEmbed, Name: "cohere.embed-english-v3", Version: "v3", Type: "cohere"}},
		{"cohere.rerank-v3-5:0", genai.Model{Vendor: "cohere", Family: FamilyRerank, Name: "cohere.rerank-v3-5:0", Version: "v3-5:0", Type: "cohere"}},
		{"ai21.jamba-1-5-large-v1:0", genai.Model{Vendor: "ai21", Family: FamilyJamba, Name: "ai21.jamba-1-5-large-v1:0", Version: "v1:0", Type: "ai21"}},
		{"ai21.j2-ultra-v1", genai.Model{Vendor: "ai21", Family: FamilyJurassic, Name: "ai21.j2-ultra-v1", Version: "v1", Type: "ai21"}},
		{"stability.stable-diffusion-xl-v1", genai.Model{Vendor: "stability", Family: FamilyStableDiffusionX, Name: "stability.stable-diffusion-xl-v1", Version: "v1", Type: "stability"}},
		{"stability.stable-image-ultra-v1:0", genai.Model{Vendor: "stability", Family: FamilyStableImage, Name: "stability.stable-image-ultra-v1:0", Version: "v1:0", Type: "stability"}},
		{"stability.sd3-5-large-v1:0", genai.Model{Vendor: "stability", Family: FamilyStableImage, Name: "stability.sd3-5-large-v1:0", Version: "v1:0", Type: "stability"}},
		{"openai.gpt-oss-120b-1:0", genai.Model{Vendor: "openai", Family: FamilyGPTOSS, Name: "openai.gpt-oss-120b-1:0", Version: "1:0", Type: "openai"}},
		{"qwen.qwen3-32b-v1:0", genai.Model{Vendor: "qwen", Family: FamilyQwen, Name: "qwen.qwen3-32b-v1:0", Version: "v1:0", Type: "qwen"}},
		{"writer.palmyra-x5-v1:0", genai.Model{Vendor: "writer", Family: FamilyPalmyra, Name: "writer.palmyra-x5-v1:0", Version: "v1:0", Type: "writer"}},
		{"deepseek.v3-v1:0", genai.Model{Vendor: "deepseek", Family: FamilyDeepSeek, Name: "deepseek.v3-v1:0", Version: "v1:0", Type: "deepseek"}},
		// Unknown vendors keep the prefix as vendor and type, as Elastic writes the type.
		{"acme.foo-large-v2:0", genai.Model{Vendor: "acme", Family: "foo", Name: "acme.foo-large-v2:0", Version: "v2:0", Type: "acme"}},
		// An unknown geo prefix in front of a known vendor is stripped.
		{"xx.anthropic.claude-3-haiku-20240307-v1:0", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-3-haiku-20240307-v1:0", Version: "20240307-v1:0", Type: "anthropic"}},
		// No vendor prefix at all: Elastic writes no type.
		{"dummy-model-v1", genai.Model{Name: "dummy-model-v1"}},
		{"", genai.Model{}},
		// ARNs.
		{"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-v2:1", Version: "v2:1", Type: "anthropic"}},
		{"arn:aws:bedrock:us-west-2:123456789012:inference-profile/global.anthropic.claude-opus-4-7", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-opus-4-7", Type: "anthropic"}},
		{"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude-haiku-4-5-20251001-v1:0", Version: "20251001-v1:0", Type: "anthropic"}},
		{"arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/meta.llama3-8b-instruct-v1:0", genai.Model{Vendor: "meta", Family: FamilyLlama, Name: "meta.llama3-8b-instruct-v1:0", Version: "v1:0", Type: "meta"}},
		{"arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abcdefghijkl", genai.Model{Vendor: "amazon", Family: FamilyTitanText, Name: "amazon.titan-text-express-v1:0:8k", Version: "v1:0:8k", Type: "amazon"}},
		{"arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1", genai.Model{Vendor: "anthropic", Family: FamilyClaude, Name: "anthropic.claude:1", Type: "anthropic"}},
		// Opaque ARNs: only the id; the body tells the rest.
		{"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/s529qz7ddy06", genai.Model{}},
		{"arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefgh1234", genai.Model{}},
		{"arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefgh1234", genai.Model{}},
		{"arn:aws:bedrock:us-east-1:123456789012:imported-model/abcdefgh1234", genai.Model{}},
		{"arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdefgh1234", genai.Model{}},
		{"arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345:1", genai.Model{}},
		{"arn:aws:sagemaker:us-east-1:123456789012:endpoint/my-endpoint", genai.Model{}},
		{"arn:aws:bedrock", genai.Model{}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			tt.want.ID = tt.id
			require.Equal(t, tt.want, Parse(tt.id))
		})
	}
}

func TestFamiliesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Families() {
		require.NotEmpty(t, f)
		require.False(t, seen[f], "family %q listed twice", f)
		seen[f] = true
	}
}

func BenchmarkParse(b *testing.B) {
	ids := []string{
		"anthropic.claude-3-haiku-20240307-v1:0",
		"us.anthropic.claude-3-5-sonnet-20240620-v1:0",
		"arn:aws:bedrock:us-west-2:123456789012:inference-profile/global.anthropic.claude-opus-4-7",
		"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/s529qz7ddy06",
	}
	n := 0
	for _, id := range ids {
		n += len(id)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, id := range ids {
			_ = Parse(id)
		}
	}
}

// TestParseCachePair: two ids whose hashes pick the same pair of slots are both kept (the
// second goes to the empty slot of the pair), whatever the hash bit that picks the slot.
func TestParseCachePair(t *testing.T) {
	for k := range parseCache {
		parseCache[k].Store(nil)
	}
	defer func() {
		for k := range parseCache {
			parseCache[k].Store(nil)
		}
	}()
	slotOf := func(id string) uint64 { return maphash.String(parseSeed, id) % uint64(len(parseCache)) }
	first := "anthropic.claude-pair-0"
	var second string
	for n := 1; second == ""; n++ {
		if id := fmt.Sprintf("anthropic.claude-pair-%d", n); slotOf(id)>>1 == slotOf(first)>>1 {
			second = id
		}
	}
	Parse(first)
	Parse(second)
	pair := slotOf(first) &^ 1
	var got []string
	for _, j := range []uint64{pair, pair | 1} {
		if p := parseCache[j].Load(); p != nil {
			got = append(got, p.id)
		}
	}
	if len(got) != 2 {
		t.Fatalf("pair holds %v, want %s and %s", got, first, second)
	}
}
