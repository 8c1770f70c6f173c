// Package model resolves Bedrock model ids and decodes the InvokeModel request, response and
// stream bodies of every Bedrock model family into a genai.Event.
//
// Parse reads a modelId in any form (bare id, cross-region inference profile id, foundation
// model, inference profile, application inference profile, provisioned, custom and imported
// model ARNs) into a genai.Model whose ID stays verbatim. DecodeRequest, DecodeResponse and
// DecodeStream read the bodies of Anthropic Claude (Messages API and legacy text
// completions), Amazon Nova, Titan Text, Titan Embeddings, Titan Image / Nova Canvas, Meta
// Llama, Mistral (text and chat), Cohere Command, Command R and Embed, AI21 Jamba and
// Jurassic, Stability, DeepSeek and OpenAI-compatible models (gpt-oss, Qwen, Writer). When the
// model id is opaque, the family is told from the body's shape; a body of an unknown family
// is read for the common member names and the event gets a genai.WarnUnknownModelFamily
// warning. Nothing here fails: a body that cannot be read is reported as a warning on the
// event.
//
// Messages, system instructions and tool definitions are written as JSON arrays following
// the OpenTelemetry GenAI schemas; media payloads (base64 images and documents) are never
// copied into them: a blob part carries the modality, media type and payload size instead.
//
// Bodies are decoded once into typed structs with lenient member types: a member of an
// unexpected JSON type is skipped rather than failing the body.
package model
