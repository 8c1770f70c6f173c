package bedrock_test

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

// This file checks the public Elastic detection rules that read guardrail fields (E1-E4, E7,
// E8, E10 in reference/detection_contract.md) against our documents: records that should
// trigger a rule and records that should not go through the real path (genai.Reader with the
// Bedrock formats, ecs.Renderer with the elastic profile), and the rule's ES|QL logic is
// evaluated in Go over the parsed documents: filters, mv_expand, mv_count, stats by user.id,
// thresholds.

// ---- Record builders: our own invocation log records, from the documented shapes. ----

const (
	ruleAccount = "123456789012"
	ruleModel   = "anthropic.claude-3-5-sonnet-20240620-v1:0"
	ruleModel2  = "anthropic.claude-3-haiku-20240307-v1:0"
)

type obj = map[string]any

var ruleSeq int

func ruleUser(name string) string { return "arn:aws:iam::" + ruleAccount + ":user/" + name }

// invocationRecord builds a model invocation log record.
func invocationRecord(user, operation, model string, in, out any) []byte {
	ruleSeq++
	r := obj{
		"schemaType":    "ModelInvocationLog",
		"schemaVersion": "1.0",
		"timestamp":     time.Date(2026, 5, 1, 10, 0, ruleSeq%60, 0, time.UTC).Format(time.RFC3339),
		"accountId":     ruleAccount,
		"identity":      obj{"arn": user},
		"region":        "us-east-1",
		"requestId":     fmt.Sprintf("00000000-0000-4000-8000-%012d", ruleSeq),
		"operation":     operation,
		"modelId":       model,
		"input":         obj{"inputContentType": "application/json", "inputBodyJson": in, "inputTokenCount": 12},
		"output":        obj{"outputContentType": "application/json", "outputBodyJson": out, "outputTokenCount": 7},
	}
	b, err := json.Marshal(r, json.Deterministic(true))
	if err != nil {
		panic(err)
	}
	return b
}

func userMessage(text string) obj {
	return obj{"role": "user", "content": []any{obj{"text": text}}}
}

// guard describes the guardrail side of a Converse call.
type guard struct {
	id        string // guardrailConfig.guardrailIdentifier; "" for no guardrailConfig
	traceMode string // guardrailConfig.trace
	input     obj    // inputAssessment for id (nil: none)
	output    obj    // one output assessment for id (nil: none)
	mapShape  bool   // outputAssessments as a map of lists instead of a list of maps
	stop      string // stopReason
}

// converse builds a Converse invocation record.
func converse(user, model string, g guard) []byte {
	in := obj{"messages": []any{userMessage("Tell me something.")}}
	if g.id != "" {
		in["guardrailConfig"] = obj{"guardrailIdentifier": g.id, "guardrailVersion": "1", "trace": g.traceMode}
	}
	stop := g.stop
	if stop == "" {
		stop = "end_turn"
	}
	out := obj{
		"output":     obj{"message": obj{"role": "assistant", "content": []any{obj{"text": "Here is an answer."}}}},
		"stopReason": stop,
		"metrics":    obj{"latencyMs": 800},
		"usage":      obj{"inputTokens": 12, "outputTokens": 7, "totalTokens": 19},
	}
	if g.input != nil || g.output != nil {
		tg := obj{}
		if g.input != nil {
			tg["inputAssessment"] = obj{g.id: g.input}
		}
		if g.output != nil {
			if g.mapShape {
				tg["outputAssessments"] = obj{g.id: []any{g.output}}
			} else {
				tg["outputAssessments"] = []any{obj{g.id: g.output}}
			}
		}
		out["trace"] = obj{"guardrail": tg}
	}
	return invocationRecord(user, "Converse", model, in, out)
}

// invokeIntervened builds an InvokeModel record whose Anthropic response body carries the
// guardrail action and an input trace for guardrail id.
func invokeIntervened(user, model, id string, input obj) []byte {
	in := obj{"anthropic_version": "bedrock-2023-05-31", "max_tokens": 200, "messages": []any{obj{"role": "user", "content": "Tell me something."}}}
	out := obj{
		"id": "msg_bdrk_01RuleTest", "type": "message", "role": "assistant", "model": "claude-3-5-sonnet-20240620",
		"content":     []any{obj{"type": "text", "text": "Sorry, the model cannot answer this question."}},
		"stop_reason": "end_turn", "usage": obj{"input_tokens": 12, "output_tokens": 7},
		"amazon-bedrock-guardrailAction": "INTERVENED",
		"amazon-bedrock-trace":           obj{"guardrail": obj{"input": obj{id: input}}},
	}
	return invocationRecord(user, "InvokeModel", model, in, out)
}

// streamIntervened builds an InvokeModelWithResponseStream record whose chunks carry the
// guardrail action, the trace repeated in two chunks.
func streamIntervened(user, model, id string, input obj) []byte {
	in := obj{"anthropic_version": "bedrock-2023-05-31", "max_tokens": 200, "messages": []any{obj{"role": "user", "content": "Tell me something."}}}
	trace := obj{"guardrail": obj{"input": obj{id: input}}}
	out := []any{
		obj{"type": "message_start", "message": obj{"id": "msg_bdrk_01RuleStream", "type": "message", "role": "assistant", "model": "claude-3-sonnet-20240229", "content": []any{}, "usage": obj{"input_tokens": 12, "output_tokens": 1}}},
		obj{"type": "content_block_delta", "index": 0, "delta": obj{"type": "text_delta", "text": "Sorry, the model cannot answer this question."}, "amazon-bedrock-guardrailAction": "INTERVENED"},
		obj{"type": "content_block_stop", "index": 0, "amazon-bedrock-guardrailAction": "INTERVENED", "amazon-bedrock-trace": trace},
		obj{"type": "message_stop", "amazon-bedrock-guardrailAction": "INTERVENED", "amazon-bedrock-trace": trace,
			"amazon-bedrock-invocationMetrics": obj{"inputTokenCount": 12, "outputTokenCount": 9, "invocationLatency": 700, "firstByteLatency": 300}},
	}
	return invocationRecord(user, "InvokeModelWithResponseStream", model, in, out)
}

// applyRecord builds an ApplyGuardrail record as an application logs it.
func applyRecord(user, id, source string, intervened bool, assessment obj) []byte {
	action := "NONE"
	if intervened {
		action = "GUARDRAIL_INTERVENED"
	}
	ruleSeq++
	r := obj{
		"timestamp": "2026-05-01T11:00:00Z", "accountId": ruleAccount, "region": "us-east-1", "identity": obj{"arn": user},
		"request":  obj{"guardrailIdentifier": id, "guardrailVersion": "1", "source": source, "content": []any{obj{"text": obj{"text": "Tell me something."}}}},
		"response": obj{"action": action, "outputs": []any{}, "assessments": []any{assessment}, "usage": obj{"contentPolicyUnits": 1}},
	}
	b, err := json.Marshal(r, json.Deterministic(true))
	if err != nil {
		panic(err)
	}
	return b
}

// Assessment builders.

func assessment(policies ...obj) obj {
	a := obj{"invocationMetrics": obj{"guardrailProcessingLatency": 100, "usage": obj{"contentPolicyUnits": 1, "topicPolicyUnits": 1}}}
	for _, p := range policies {
		for k, v := range p {
			a[k] = v
		}
	}
	return a
}

func contentFilters(filters ...obj) obj {
	l := make([]any, len(filters))
	for i, f := range filters {
		l[i] = f
	}
	return obj{"contentPolicy": obj{"filters": l}}
}

func filter(typ, confidence, action string) obj {
	return obj{"type": typ, "confidence": confidence, "filterStrength": "HIGH", "action": action, "detected": action != "NONE" || confidence != "NONE"}
}

func topic(name, action string) obj {
	return obj{"topicPolicy": obj{"topics": []any{obj{"name": name, "type": "DENY", "action": action}}}}
}

func pii(typ, match, action string) obj {
	return obj{"sensitiveInformationPolicy": obj{"piiEntities": []any{obj{"type": typ, "match": match, "action": action, "detected": true}}}}
}

func customWord(match, action string) obj {
	return obj{"wordPolicy": obj{"customWords": []any{obj{"match": match, "action": action, "detected": true}}}}
}

func profanity(match string) obj {
	return obj{"wordPolicy": obj{"managedWordLists": []any{obj{"match": match, "type": "PROFANITY", "action": "BLOCKED", "detected": true}}}}
}

func repeat(n int, f func(i int) []byte) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func concat(groups ...[][]byte) [][]byte {
	var out [][]byte
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// ---- The real path: records -> Reader -> elastic-profile documents. ----

type document = map[string]any

func normalize(t *testing.T, records [][]byte) []document {
	t.Helper()
	var reg genai.Registry
	bedrock.Register(&reg)
	in := bytes.Join(records, []byte("\n"))
	rd, err := genai.NewReader(bytes.NewReader(in), &reg, genai.ReaderOptions{Name: "rules.ndjson"})
	require.NoError(t, err)
	r := ecs.Renderer{Profile: genai.ProfileElastic, Ingested: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}
	var docs []document
	var ev genai.Event
	var buf []byte
	for {
		err := rd.Next(&ev)
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		buf = r.AppendDocument(buf[:0], &ev)
		var d document
		require.NoError(t, json.Unmarshal(buf, &d), "document %s", buf)
		require.Nil(t, lookup(d, "error.message"), "error document: %s", buf)
		require.Equal(t, "logs-aws_bedrock.invocation-default", ecs.DataStream(&ev, ""), "the rules read this data stream")
		docs = append(docs, d)
	}
	require.Len(t, docs, len(records), "one document per record")
	return docs
}

// lookup returns the value at a dotted path in a document, whether objects are nested or keys
// are dotted; nil when absent.
func lookup(d document, path string) any {
	if v, ok := d[path]; ok {
		return v
	}
	for i := 0; i < len(path); i++ {
		if path[i] != '.' {
			continue
		}
		if sub, ok := d[path[:i]].(map[string]any); ok {
			if v := lookup(sub, path[i+1:]); v != nil {
				return v
			}
		}
	}
	return nil
}

// values returns the values of a field as ES|QL sees them: an array's elements, a scalar as
// one value, nothing for a missing field, null or an empty array.
func values(d document, path string) []any {
	switch v := lookup(d, path).(type) {
	case nil:
		return nil
	case []any:
		var out []any
		for _, x := range v {
			if x != nil {
				out = append(out, x)
			}
		}
		return out
	default:
		return []any{v}
	}
}

// ---- A small ES|QL evaluator over documents: rows with single-valued expanded fields. ----

// row is one ES|QL row: the document plus the fields mv_expand has made single-valued.
type row struct {
	doc      document
	expanded map[string]any
}

func rowsOf(docs []document) []row {
	out := make([]row, len(docs))
	for i, d := range docs {
		out[i] = row{doc: d, expanded: map[string]any{}}
	}
	return out
}

// get returns a field's value in a row: the expanded value, or the document's single value;
// a multi-valued field that was not expanded reads as null in comparisons (ES|QL returns null,
// with a warning, for a comparison on a multi-valued field).
func (r row) get(field string) any {
	if v, ok := r.expanded[field]; ok {
		return v
	}
	vs := values(r.doc, field)
	if len(vs) == 1 {
		return vs[0]
	}
	return nil
}

// mvExpand is `| mv_expand field`: one row per value; a row with no value stays, with null.
func mvExpand(rows []row, field string) []row {
	var out []row
	for _, r := range rows {
		vs := values(r.doc, field)
		if len(vs) == 0 {
			out = append(out, r.with(field, nil))
			continue
		}
		for _, v := range vs {
			out = append(out, r.with(field, v))
		}
	}
	return out
}

func (r row) with(field string, v any) row {
	e := make(map[string]any, len(r.expanded)+1)
	for k, x := range r.expanded {
		e[k] = x
	}
	e[field] = v
	return row{doc: r.doc, expanded: e}
}

func where(rows []row, pred func(row) bool) []row {
	var out []row
	for _, r := range rows {
		if pred(r) {
			out = append(out, r)
		}
	}
	return out
}

// eq is `field == "literal"` (null never matches). A boolean field compared with the string
// "true" / "false" is cast, as ES|QL does.
func eq(r row, field, lit string) bool {
	switch v := r.get(field).(type) {
	case string:
		return v == lit
	case bool:
		return (lit == "true" && v) || (lit == "false" && !v)
	}
	return false
}

// truthy is a bare boolean predicate `| where field`: the field must be a real boolean.
func truthy(t *testing.T, r row, field string) bool {
	v := r.get(field)
	if v == nil {
		return false
	}
	b, ok := v.(bool)
	require.True(t, ok, "%s must be a boolean for `where %s` to run, got %T %v", field, field, v, v)
	return b
}

// countBy is `| stats count = count() by keys...`; rows with a null key form their own group,
// as in ES|QL.
func countBy(rows []row, keys ...string) map[string]int {
	out := map[string]int{}
	for _, r := range rows {
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprint(r.get(k))
		}
		out[strings.Join(parts, "|")]++
	}
	return out
}

// over returns the groups whose count is above threshold, sorted.
func over(counts map[string]int, threshold int) []string {
	var out []string
	for k, n := range counts {
		if n > threshold {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// ---- The rules. Each returns the groups it alerts on. ----

// ruleE1 is "AWS Bedrock Invocations without Guardrails Detected by a Single User Over a Session".
func ruleE1(docs []document) []string {
	rows := where(rowsOf(docs), func(r row) bool {
		return len(values(r.doc, "gen_ai.guardrail_id")) == 0 && r.get("user.id") != nil
	})
	return over(countBy(rows, "user.id"), 5)
}

// ruleE2 is "AWS Bedrock Guardrails Detected Multiple Violations by a Single User Over a Session".
func ruleE2(t *testing.T, docs []document) []string {
	rows := where(rowsOf(docs), func(r row) bool { return truthy(t, r, "gen_ai.compliance.violation_detected") })
	return over(countBy(rows, "user.id", "gen_ai.request.model.id", "cloud.account.id"), 1)
}

// ruleE3 is "AWS Bedrock Guardrails Detected Multiple Policy Violations Within a Single Blocked
// Request": it has no threshold, every remaining group alerts; the group key includes
// mv_count(gen_ai.policy.name).
func ruleE3(docs []document) []string {
	rows := mvExpand(rowsOf(docs), "gen_ai.policy.action")
	rows = where(rows, func(r row) bool { return eq(r, "gen_ai.policy.action", "BLOCKED") })
	rows = where(rows, func(r row) bool { return len(values(r.doc, "gen_ai.policy.name")) > 1 })
	for i := range rows {
		rows[i] = rows[i].with("Esql.ml_policy_violations_mv_count", float64(len(values(rows[i].doc, "gen_ai.policy.name"))))
	}
	return over(countBy(rows, "Esql.ml_policy_violations_mv_count", "user.id", "gen_ai.request.model.id", "cloud.account.id"), 0)
}

// ruleE4 is "Unusual High Confidence Content Filter Blocks Detected".
func ruleE4(docs []document) []string {
	rows := rowsOf(docs)
	for _, f := range []string{"gen_ai.compliance.violation_code", "gen_ai.policy.confidence", "gen_ai.policy.name", "gen_ai.policy.action"} {
		rows = mvExpand(rows, f)
	}
	codes := []string{"HATE", "MISCONDUCT", "SEXUAL", "INSULTS", "PROMPT_ATTACK", "VIOLENCE"}
	rows = where(rows, func(r row) bool {
		code, _ := r.get("gen_ai.compliance.violation_code").(string)
		return eq(r, "gen_ai.policy.action", "BLOCKED") && eq(r, "gen_ai.policy.name", "content_policy") &&
			eq(r, "gen_ai.policy.confidence", "HIGH") && slices.Contains(codes, code)
	})
	perCode := countBy(rows, "user.id", "gen_ai.compliance.violation_code")
	perUser := map[string]int{}
	for k, n := range perCode {
		perUser[k[:strings.LastIndex(k, "|")]] += n
	}
	return over(perUser, 5)
}

// rulePolicyBlocks is E7 (sensitive_information_policy), E8 (topic_policy) and E10
// (word_policy): "Unusual High Denied ... Blocks Detected".
func rulePolicyBlocks(docs []document, policy string) []string {
	rows := mvExpand(mvExpand(rowsOf(docs), "gen_ai.policy.name"), "gen_ai.policy.action")
	rows = where(rows, func(r row) bool {
		return eq(r, "gen_ai.policy.action", "BLOCKED") && eq(r, "gen_ai.compliance.violation_detected", "true") &&
			eq(r, "gen_ai.policy.name", policy)
	})
	return over(countBy(rows, "user.id"), 5)
}

// ---- The tests. ----

func TestRuleE1InvocationsWithoutGuardrails(t *testing.T) {
	unguarded, guardedOff, guardedTrace, invoke, few, apply := ruleUser("e1-unguarded"), ruleUser("e1-config-trace-off"), ruleUser("e1-converse-trace"), ruleUser("e1-invoke-trace"), ruleUser("e1-five-only"), ruleUser("e1-apply")
	docs := normalize(t, concat(
		repeat(6, func(int) []byte { return converse(unguarded, ruleModel, guard{}) }),
		// A guardrail with its trace disabled: the id comes from guardrailConfig.
		repeat(6, func(int) []byte { return converse(guardedOff, ruleModel, guard{id: "e1cfg0000001", traceMode: "disabled"}) }),
		// A guardrail that found nothing: the trace still names it.
		repeat(6, func(int) []byte {
			return converse(guardedTrace, ruleModel, guard{id: "e1trc0000001", traceMode: "enabled", input: assessment(), output: assessment()})
		}),
		repeat(6, func(int) []byte {
			return invokeIntervened(invoke, ruleModel, "e1inv0000001", assessment(topic("Gambling", "BLOCKED")))
		}),
		repeat(5, func(int) []byte { return converse(few, ruleModel, guard{}) }),
		repeat(6, func(int) []byte { return applyRecord(apply, "e1app0000001", "INPUT", false, assessment()) }),
	))
	require.Equal(t, []string{unguarded}, ruleE1(docs))
	// The guardrail id is an array, as the rule's `is null` expects of a multi-valued keyword.
	require.Equal(t, []any{"e1cfg0000001"}, lookup(docs[6], "gen_ai.guardrail_id"))
	require.Equal(t, []any{"e1trc0000001"}, lookup(docs[12], "aws.bedrock.guardrail.id"))
}

func TestRuleE2MultipleViolationsByUser(t *testing.T) {
	conv, inv, stream, apply := ruleUser("e2-converse"), ruleUser("e2-invoke"), ruleUser("e2-stream"), ruleUser("e2-apply")
	observe, once, twoModels := ruleUser("e2-observe"), ruleUser("e2-once"), ruleUser("e2-two-models")
	blocked := assessment(contentFilters(filter("INSULTS", "HIGH", "BLOCKED")))
	docs := normalize(t, concat(
		repeat(2, func(int) []byte {
			return converse(conv, ruleModel, guard{id: "e2cnv0000001", traceMode: "enabled", input: blocked, stop: "guardrail_intervened"})
		}),
		repeat(2, func(int) []byte { return invokeIntervened(inv, ruleModel, "e2inv0000001", blocked) }),
		repeat(2, func(int) []byte { return streamIntervened(stream, ruleModel2, "e2str0000001", blocked) }),
		repeat(2, func(int) []byte { return applyRecord(apply, "e2app0000001", "OUTPUT", true, blocked) }),
		// Observe mode: detections, no intervention.
		repeat(3, func(int) []byte {
			return converse(observe, ruleModel, guard{id: "e2obs0000001", traceMode: "enabled", input: assessment(pii("EMAIL", "someone@example.com", "NONE"), topic("Finance", "NONE"))})
		}),
		repeat(1, func(int) []byte {
			return converse(once, ruleModel, guard{id: "e2one0000001", traceMode: "enabled", input: blocked, stop: "guardrail_intervened"})
		}),
		[][]byte{
			converse(twoModels, ruleModel, guard{id: "e2two0000001", traceMode: "enabled", input: blocked, stop: "guardrail_intervened"}),
			converse(twoModels, ruleModel2, guard{id: "e2two0000001", traceMode: "enabled", input: blocked, stop: "guardrail_intervened"}),
		},
	))
	want := []string{
		apply + "|<nil>|" + ruleAccount, // ApplyGuardrail has no model
		conv + "|" + ruleModel + "|" + ruleAccount,
		inv + "|" + ruleModel + "|" + ruleAccount,
		stream + "|" + ruleModel2 + "|" + ruleAccount,
	}
	slices.Sort(want)
	require.Equal(t, want, ruleE2(t, docs))
	// Observe mode: the detections are visible, violation_detected is absent, outcome success.
	obs := docs[8]
	require.Nil(t, lookup(obs, "gen_ai.compliance.violation_detected"))
	require.Equal(t, "success", lookup(obs, "event.outcome"))
	require.Equal(t, []any{"sensitive_information_policy", "topic_policy"}, lookup(obs, "gen_ai.policy.name"))
	require.Equal(t, []any{"NONE"}, lookup(obs, "gen_ai.policy.action"))
	// Intervention: a real boolean and a failure outcome.
	require.Equal(t, true, lookup(docs[0], "gen_ai.compliance.violation_detected"))
	require.Equal(t, "failure", lookup(docs[0], "event.outcome"))
	require.Equal(t, "failure", lookup(docs[4], "event.outcome"))
}

func TestRuleE3MultiplePoliciesInOneBlockedRequest(t *testing.T) {
	multi, multiStream, single, observe, masked := ruleUser("e3-multi"), ruleUser("e3-multi-stream"), ruleUser("e3-single-policy"), ruleUser("e3-observe"), ruleUser("e3-masked")
	docs := normalize(t, [][]byte{
		invokeIntervened(multi, ruleModel, "e3inv0000001", assessment(topic("Weapons", "BLOCKED"), contentFilters(filter("VIOLENCE", "HIGH", "BLOCKED")))),
		// Blocked on input by a topic, then a PII entity masked on output: two policies, one BLOCKED.
		converse(multi, ruleModel, guard{id: "e3cnv0000001", traceMode: "enabled", input: assessment(topic("Weapons", "BLOCKED")),
			output: assessment(pii("PHONE", "+1-555-0100", "ANONYMIZED")), mapShape: true, stop: "guardrail_intervened"}),
		streamIntervened(multiStream, ruleModel2, "e3str0000001", assessment(customWord("thermite", "BLOCKED"), contentFilters(filter("MISCONDUCT", "HIGH", "BLOCKED")))),
		// One policy, two filters: mv_count(policy.name) is 1.
		invokeIntervened(single, ruleModel, "e3one0000001", assessment(contentFilters(filter("VIOLENCE", "HIGH", "BLOCKED"), filter("HATE", "HIGH", "BLOCKED")))),
		// Two policies in observe mode: nothing BLOCKED.
		converse(observe, ruleModel, guard{id: "e3obs0000001", traceMode: "enabled", input: assessment(topic("Finance", "NONE"), pii("EMAIL", "someone@example.com", "NONE"))}),
		// Two policies that only masked.
		converse(masked, ruleModel, guard{id: "e3msk0000001", traceMode: "enabled", output: assessment(pii("EMAIL", "someone@example.com", "ANONYMIZED"), obj{"sensitiveInformationPolicy": obj{"regexes": []any{obj{"name": "ticket", "match": "TCK-1", "regex": "TCK-\\d", "action": "ANONYMIZED", "detected": true}}}}), stop: "guardrail_intervened"}),
	})
	require.ElementsMatch(t, []string{
		"2|" + multi + "|" + ruleModel + "|" + ruleAccount,
		"2|" + multiStream + "|" + ruleModel2 + "|" + ruleAccount,
	}, ruleE3(docs))
	require.Equal(t, []any{"ANONYMIZED", "BLOCKED"}, lookup(docs[1], "gen_ai.policy.action"))
	require.Equal(t, []any{"sensitive_information_policy", "topic_policy"}, lookup(docs[1], "gen_ai.policy.name"))
}

func TestRuleE4HighConfidenceContentBlocks(t *testing.T) {
	fires, mixed, observe, medium, five, topicOnly := ruleUser("e4-fires"), ruleUser("e4-mixed-paths"), ruleUser("e4-observe"), ruleUser("e4-medium"), ruleUser("e4-five"), ruleUser("e4-topic-only")
	codes := []string{"HATE", "MISCONDUCT", "SEXUAL", "INSULTS", "PROMPT_ATTACK", "VIOLENCE"}
	docs := normalize(t, concat(
		repeat(6, func(i int) []byte {
			return converse(fires, ruleModel, guard{id: "e4cnv0000001", traceMode: "enabled", input: assessment(contentFilters(filter(codes[i], "HIGH", "BLOCKED"))), stop: "guardrail_intervened"})
		}),
		// Two per path: InvokeModel, stream, ApplyGuardrail.
		repeat(2, func(int) []byte {
			return invokeIntervened(mixed, ruleModel, "e4inv0000001", assessment(contentFilters(filter("PROMPT_ATTACK", "HIGH", "BLOCKED"))))
		}),
		repeat(2, func(int) []byte {
			return streamIntervened(mixed, ruleModel2, "e4str0000001", assessment(contentFilters(filter("VIOLENCE", "HIGH", "BLOCKED"))))
		}),
		repeat(2, func(int) []byte {
			return applyRecord(mixed, "e4app0000001", "INPUT", true, assessment(contentFilters(filter("HATE", "HIGH", "BLOCKED"))))
		}),
		repeat(6, func(int) []byte {
			return converse(observe, ruleModel, guard{id: "e4obs0000001", traceMode: "enabled", input: assessment(contentFilters(filter("INSULTS", "HIGH", "NONE")))})
		}),
		repeat(6, func(int) []byte {
			return converse(medium, ruleModel, guard{id: "e4med0000001", traceMode: "enabled", input: assessment(contentFilters(filter("INSULTS", "MEDIUM", "BLOCKED"))), stop: "guardrail_intervened"})
		}),
		repeat(5, func(int) []byte {
			return converse(five, ruleModel, guard{id: "e4fiv0000001", traceMode: "enabled", input: assessment(contentFilters(filter("VIOLENCE", "HIGH", "BLOCKED"))), stop: "guardrail_intervened"})
		}),
		repeat(6, func(int) []byte {
			return converse(topicOnly, ruleModel, guard{id: "e4top0000001", traceMode: "enabled", input: assessment(topic("Weapons", "BLOCKED")), stop: "guardrail_intervened"})
		}),
	))
	require.Equal(t, []string{fires, mixed}, ruleE4(docs))
	require.Equal(t, []any{"HIGH"}, lookup(docs[0], "gen_ai.policy.confidence"))
	require.Equal(t, []any{"HATE"}, lookup(docs[0], "gen_ai.compliance.violation_code"))
}

func TestRuleE7SensitiveInformationBlocks(t *testing.T) {
	fires, masked, observe, five := ruleUser("e7-fires"), ruleUser("e7-masked"), ruleUser("e7-observe"), ruleUser("e7-five")
	regex := obj{"sensitiveInformationPolicy": obj{"regexes": []any{obj{"name": "employee-id", "match": "EMP-12345", "regex": "EMP-\\d{5}", "action": "BLOCKED", "detected": true}}}}
	docs := normalize(t, concat(
		repeat(3, func(int) []byte {
			return converse(fires, ruleModel, guard{id: "e7cnv0000001", traceMode: "enabled", input: assessment(pii("US_SOCIAL_SECURITY_NUMBER", "123-45-6789", "BLOCKED")), stop: "guardrail_intervened"})
		}),
		repeat(2, func(int) []byte { return invokeIntervened(fires, ruleModel, "e7inv0000001", assessment(regex)) }),
		repeat(1, func(int) []byte {
			return applyRecord(fires, "e7app0000001", "OUTPUT", true, assessment(pii("CREDIT_DEBIT_CARD_NUMBER", "4111111111111111", "BLOCKED")))
		}),
		repeat(6, func(int) []byte {
			return converse(masked, ruleModel, guard{id: "e7msk0000001", traceMode: "enabled", output: assessment(pii("EMAIL", "someone@example.com", "ANONYMIZED")), stop: "guardrail_intervened"})
		}),
		repeat(6, func(int) []byte {
			return converse(observe, ruleModel, guard{id: "e7obs0000001", traceMode: "enabled", input: assessment(pii("EMAIL", "someone@example.com", "NONE"))})
		}),
		repeat(5, func(int) []byte {
			return converse(five, ruleModel, guard{id: "e7fiv0000001", traceMode: "enabled", input: assessment(pii("PHONE", "+1-555-0100", "BLOCKED")), stop: "guardrail_intervened"})
		}),
	))
	require.Equal(t, []string{fires}, rulePolicyBlocks(docs, "sensitive_information_policy"))
	require.Equal(t, []any{"LLM02"}, lookup(docs[0], "gen_ai.owasp.id"))
	require.Equal(t, []any{map[string]any{"action": "BLOCKED", "match": "EMP-12345", "name": "employee-id", "regex": "EMP-\\d{5}"}}, lookup(docs[3], "gen_ai.policy.match_detail"))
}

func TestRuleE8TopicBlocks(t *testing.T) {
	fires, observe, five := ruleUser("e8-fires"), ruleUser("e8-observe"), ruleUser("e8-five")
	docs := normalize(t, concat(
		repeat(4, func(int) []byte {
			return converse(fires, ruleModel, guard{id: "e8cnv0000001", traceMode: "enabled", input: assessment(topic("Investment advice", "BLOCKED")), stop: "guardrail_intervened"})
		}),
		repeat(2, func(int) []byte {
			return streamIntervened(fires, ruleModel2, "e8str0000001", assessment(topic("Investment advice", "BLOCKED")))
		}),
		repeat(6, func(int) []byte {
			return converse(observe, ruleModel, guard{id: "e8obs0000001", traceMode: "enabled", input: assessment(topic("Investment advice", "NONE"))})
		}),
		repeat(5, func(int) []byte {
			return converse(five, ruleModel, guard{id: "e8fiv0000001", traceMode: "enabled", input: assessment(topic("Investment advice", "BLOCKED")), stop: "guardrail_intervened"})
		}),
	))
	require.Equal(t, []string{fires}, rulePolicyBlocks(docs, "topic_policy"))
	require.Equal(t, []any{"DENY"}, lookup(docs[0], "gen_ai.compliance.violation_code"))
	require.Equal(t, []any{"topic_policy"}, lookup(docs[0], "gen_ai.compliance.request_triggered"))
}

func TestRuleE10WordPolicyBlocks(t *testing.T) {
	fires, output, five, otherPolicy := ruleUser("e10-fires"), ruleUser("e10-output"), ruleUser("e10-five"), ruleUser("e10-other-policy")
	docs := normalize(t, concat(
		repeat(3, func(int) []byte {
			return converse(fires, ruleModel, guard{id: "e10cnv000001", traceMode: "enabled", input: assessment(customWord("thermite", "BLOCKED")), stop: "guardrail_intervened"})
		}),
		repeat(3, func(int) []byte { return invokeIntervened(fires, ruleModel, "e10inv000001", assessment(profanity("darn"))) }),
		// Word blocks on the output side (outputAssessments as a list of maps).
		repeat(6, func(int) []byte {
			return converse(output, ruleModel, guard{id: "e10out000001", traceMode: "enabled", output: assessment(profanity("heck")), stop: "guardrail_intervened"})
		}),
		repeat(5, func(int) []byte {
			return converse(five, ruleModel, guard{id: "e10fiv000001", traceMode: "enabled", input: assessment(customWord("thermite", "BLOCKED")), stop: "guardrail_intervened"})
		}),
		repeat(6, func(int) []byte {
			return converse(otherPolicy, ruleModel, guard{id: "e10oth000001", traceMode: "enabled", input: assessment(contentFilters(filter("HATE", "HIGH", "BLOCKED"))), stop: "guardrail_intervened"})
		}),
	))
	require.Equal(t, []string{fires, output}, rulePolicyBlocks(docs, "word_policy"))
	require.Equal(t, []any{"word_policy"}, lookup(docs[6], "gen_ai.compliance.response_triggered"))
}
