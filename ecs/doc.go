// Package ecs renders genai Events as Elasticsearch documents in one of two profiles, builds the
// index templates for them from the field registry, and indexes documents into Elasticsearch
// data streams.
//
// The elastic profile (the default) writes every field public Elastic detection rules read,
// with their names, types and values, plus every ECS/OTel field that does not collide with them.
// The ecs profile writes ECS 9.x / OpenTelemetry names only (gen_ai.request.model as a keyword,
// no legacy aliases such as gen_ai.usage.prompt_tokens or the security proposal's fields).
package ecs

//go:generate go run ../internal/cmd/gendocs -out ../docs
