package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/genainorm/genainorm/genai"
)

// benchCase is one family's bodies, decoded as the record decoder would.
type benchCase struct {
	name, id        string
	req, resp       []byte
	stream          [][]byte
	size            int64
	streamRawChunks []byte
}

func benchCases(b *testing.B) []benchCase {
	names, _ := filepath.Glob(filepath.Join(fixtures, "*.request.json"))
	var cs []benchCase
	ids := map[string]string{
		"anthropic-messages": "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic-text": "anthropic.claude-v2:1",
		"nova": "amazon.nova-pro-v1:0", "titan-text": "amazon.titan-text-express-v1", "titan-embed": "amazon.titan-embed-text-v2:0",
		"titan-image": "amazon.titan-image-generator-v2:0", "nova-canvas": "amazon.nova-canvas-v1:0", "llama": "meta.llama3-70b-instruct-v1:0",
		"mistral-text": "mistral.mistral-7b-instruct-v0:2", "mistral-chat": "mistral.mistral-large-2407-v1:0",
		"cohere-command": "cohere.command-text-v14", "cohere-command-r": "cohere.command-r-plus-v1:0", "cohere-embed": "cohere.embed-english-v3",
		"jamba": "ai21.jamba-1-5-large-v1:0", "jurassic": "ai21.j2-ultra-v1", "stability-sdxl": "stability.stable-diffusion-xl-v1",
		"stability-sd3": "stability.sd3-5-large-v1:0", "deepseek-r1": "us.deepseek.r1-v1:0", "gpt-oss": "openai.gpt-oss-120b-1:0",
		"unknown": "acme.foo-v1", "odd": "anthropic.claude-3-haiku-20240307-v1:0",
	}
	for _, n := range names {
		base := strings.TrimSuffix(filepath.Base(n), ".request.json")
		c := benchCase{name: base, id: ids[base], req: fixture(b, filepath.Base(n))}
		c.size = int64(len(c.req))
		if r, err := readOptional(base + ".response.json"); err == nil {
			c.resp = r
			c.size += int64(len(r))
		}
		if s, err := readOptional(base + ".stream.json"); err == nil {
			c.stream = chunks(b, s)
			c.streamRawChunks = s
			c.size += int64(len(s))
		}
		cs = append(cs, c)
	}
	return cs
}

func readOptional(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(fixtures, name))
}

// BenchmarkDecode decodes every family's request, response and stream bodies into an Event.
func BenchmarkDecode(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(c.size)
			b.ReportAllocs()
			var ev genai.Event
			for b.Loop() {
				ev.Reset()
				ev.Request.Model = Parse(c.id)
				DecodeRequest(&ev.Request.Model, c.req, &ev)
				if c.resp != nil {
					DecodeResponse(&ev.Request.Model, c.resp, &ev)
				}
				if c.stream != nil {
					DecodeStream(&ev.Request.Model, c.stream, &ev)
				}
			}
		})
	}
}

// BenchmarkCorpus compares, on the same bodies of every family in one run, our typed decode
// ("typed") with a plain encoding/json decode into map[string]any ("map"), which extracts
// nothing yet.
func BenchmarkCorpus(b *testing.B) {
	cs := benchCases(b)
	var total int64
	for _, c := range cs {
		total += c.size
	}
	b.Run("typed", func(b *testing.B) {
		b.SetBytes(total)
		b.ReportAllocs()
		var ev genai.Event
		for b.Loop() {
			for i := range cs {
				c := &cs[i]
				ev.Reset()
				ev.Request.Model = Parse(c.id)
				DecodeRequest(&ev.Request.Model, c.req, &ev)
				if c.resp != nil {
					DecodeResponse(&ev.Request.Model, c.resp, &ev)
				}
				if c.stream != nil {
					DecodeStream(&ev.Request.Model, c.stream, &ev)
				}
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			for i := range cs {
				c := &cs[i]
				var m map[string]any
				_ = json.Unmarshal(c.req, &m)
				if c.resp != nil {
					var r map[string]any
					_ = json.Unmarshal(c.resp, &r)
				}
				if c.stream != nil {
					var s []any
					_ = json.Unmarshal(c.streamRawChunks, &s)
				}
			}
		}
	})
}

// BenchmarkTextDeltas decodes a stream of short Anthropic text deltas, the bulk of the chunks
// of a streamed Claude response (most carry a word or two).
func BenchmarkTextDeltas(b *testing.B) {
	var chunks [][]byte
	var size int64
	for i, w := range strings.Fields(strings.Repeat("The quick brown fox jumps over the lazy dog. ", 25)) {
		text := " " + w
		if i%10 == 9 {
			text = `\n` + w
		}
		c := []byte(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"` + text + `"}}`)
		chunks = append(chunks, c)
		size += int64(len(c))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var ev genai.Event
	for b.Loop() {
		ev.Reset()
		ev.Request.Model = Parse("anthropic.claude-3-haiku-20240307-v1:0")
		DecodeStream(&ev.Request.Model, chunks, &ev)
	}
}

// BenchmarkSmallRequest and BenchmarkOneChunkStream measure what a call costs beyond its body:
// pools, resets, parameter lookups, the writers.
func BenchmarkSmallRequest(b *testing.B) {
	body := []byte(`{"anthropic_version":"bedrock-2023-05-31","max_tokens":1,"messages":[{"role":"user","content":"hi"}]}`)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	var ev genai.Event
	m := Parse("anthropic.claude-3-haiku-20240307-v1:0")
	for b.Loop() {
		ev.Request = genai.Request{Model: m}
		DecodeRequest(&ev.Request.Model, body, &ev)
	}
}

func BenchmarkOneChunkStream(b *testing.B) {
	chunks := [][]byte{[]byte(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}`)}
	b.SetBytes(int64(len(chunks[0])))
	b.ReportAllocs()
	var ev genai.Event
	m := Parse("anthropic.claude-3-haiku-20240307-v1:0")
	for b.Loop() {
		ev.Response = genai.Response{}
		ev.Request.Model = m
		DecodeStream(&ev.Request.Model, chunks, &ev)
	}
}

// BenchmarkStreamFrame decodes the chunks around the text of a streamed Claude response, as
// Bedrock writes them: message_start, content_block_start and _stop, message_delta and
// message_stop with the invocation metrics (their fixed layouts), with one text delta.
func BenchmarkStreamFrame(b *testing.B) {
	chunks := [][]byte{
		[]byte(`{"type":"message_start","message":{"id":"msg_bdrk_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","content":[],"model":"claude-3-5-sonnet-20240620","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}`),
		[]byte(`{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}`),
		[]byte(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}`),
		[]byte(`{"type":"content_block_stop","index":0}`),
		[]byte(`{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":12}}`),
		[]byte(`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":25,"outputTokenCount":12,"invocationLatency":812,"firstByteLatency":230}}`),
	}
	var size int64
	for _, c := range chunks {
		size += int64(len(c))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var ev genai.Event
	m := Parse("anthropic.claude-3-5-sonnet-20240620-v1:0")
	for b.Loop() {
		ev.Response = genai.Response{}
		ev.Usage = genai.Usage{}
		ev.Request.Model = m
		DecodeStreamValid(&ev.Request.Model, chunks, &ev)
	}
}
