// Package genai is the schema genainorm normalizes into: the Event model, the field registry,
// the Decoder and Format contracts, the streaming Reader, and the OpenTelemetry rendering.
//
// Provider packages (bedrock, azureopenai) decode records into Events; renderers (package ecs,
// and OTel in this package) turn Events into documents, attributes, log records and metrics.
// Every output field is declared once, as a *Field variable in this package, with its
// Elasticsearch type, OTel key, ECS status, description, example, profiles and sources;
// docs/FIELDS.md and the index templates are generated from those declarations.
//
// The flow of one record:
//
//	bytes -> Reader (gzip, NDJSON or JSON documents, envelopes) -> Record
//	      -> Format.Detect -> Decoder.Decode -> *Event
//	      -> ecs.Renderer / OTel rendering
//
// The path is built to stream: one Event reused for every record, bodies kept as the record's
// own bytes where they need no rework, documents written straight into a reused buffer. An
// Event filled by Reader.Next is therefore valid until the next call with the same Event;
// Events filled into different values stay valid together.
package genai
