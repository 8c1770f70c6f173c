package genai_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

func TestFieldSet(t *testing.T) {
	var s genai.FieldSet
	s.Reset(genai.ProfileECS)
	require.Zero(t, s.Len())

	// Only fields of the set's profiles are kept.
	require.True(t, genai.GenAIOperationName.In(genai.ProfileECS))
	require.True(t, s.Add(genai.GenAIOperationName, genai.StringValue("chat")))
	require.False(t, genai.GenAIPrompt.In(genai.ProfileECS))
	require.False(t, s.Add(genai.GenAIPrompt, genai.StringValue("hello")))
	// The first value of a field wins; empty values are not stored.
	require.False(t, s.Add(genai.GenAIOperationName, genai.StringValue("embeddings")))
	require.False(t, s.Add(genai.CloudRegion, genai.StringValue("")))
	require.True(t, s.Add(genai.CloudRegion, genai.StringValue("us-east-1")))
	require.Equal(t, 2, s.Len())
	require.Equal(t, "chat", s.Get(genai.GenAIOperationName).Str())
	require.True(t, s.Get(genai.GenAIPrompt).IsEmpty())
	require.Equal(t, "chat", s.At(genai.GenAIOperationName.Ord()).Str())

	// All lists the fields in name order.
	var names []string
	for f, v := range s.All {
		names = append(names, f.Name+"="+v.Str())
	}
	require.Equal(t, []string{"cloud.region=us-east-1", "gen_ai.operation.name=chat"}, names)

	// Reset empties the set and may change its profiles.
	s.Reset(genai.ProfileElastic)
	require.Zero(t, s.Len())
	require.True(t, s.Get(genai.CloudRegion).IsEmpty())
	require.True(t, s.Add(genai.GenAIPrompt, genai.StringValue("hello")))
}

// richEvent fills every kind of value the field writers handle, including the values that
// must come out empty (NaN, "{}", zero times) and a vendor field that repeats a core field.
func richEvent() *genai.Event {
	ev := &genai.Event{}
	ev.Time = time.Date(2026, 3, 2, 13, 2, 0, 0, time.UTC)
	ev.Action = "InvokeModel"
	ev.Outcome = genai.OutcomeSuccess
	ev.Category = []string{"api"}
	ev.Source.ProviderName = genai.ProviderAWSBedrock
	ev.Source.Format = "bedrock.invocation"
	ev.Source.Position = genai.Position{Name: "in.ndjson", Line: 3, Offset: 120}
	ev.Request.Operation = "chat"
	ev.Request.Model.ID = "anthropic.claude-3-haiku-20240307-v1:0"
	ev.Request.Temperature.Set(0)
	ev.Request.TopP.Set(math.NaN())
	ev.Request.MaxTokens.Set(10)
	ev.Request.Stream.Set(false)
	ev.Request.StopSequences = []string{"x", "y"}
	ev.Request.InputMessages = []byte(`[{"role":"user"}]`)
	ev.Request.ToolDefinitions = []byte(`{}`)
	ev.Request.Body = []byte(`{"prompt":"hi"}`)
	ev.Response.Body = []byte(`{"completion":"hello"}`)
	ev.Response.FinishReasons = []string{"stop"}
	ev.Usage.InputTokens.Set(0)
	ev.Usage.OutputTokens.Set(7)
	ev.Performance.ResponseTime.Set(1200)
	ev.Performance.StartResponseTime.Set(250)
	ev.Identity.SourceIP = "203.0.113.9"
	ev.Identity.UserID = "arn:aws:iam::123456789012:user/app"
	ev.Guardrail.Intervened = true
	ev.Guardrail.Assessments = []genai.Assessment{{Policy: genai.PolicySensitiveInfo, Type: "EMAIL", Action: genai.ActionAnonymized, Direction: genai.DirectionOutput}}
	ev.SetVendor(genai.AWSBedrockInvocationModelID, genai.StringValue("vendor-id"))
	ev.SetVendor(genai.GenAIOperationName, genai.StringValue("not-first"))
	ev.Warn(genai.WarnUnknownModelFamily, "x")
	return ev
}

// CollectFields holds, for each profile, exactly what AppendFields lists for it, first value
// of each field.
func TestCollectFieldsMatchesAppendFields(t *testing.T) {
	for _, ev := range []*genai.Event{richEvent(), {}} {
		for _, p := range append([]genai.Profile{genai.ProfileAll}, genai.Profiles...) {
			want := map[*genai.Field]genai.Value{}
			for _, fv := range ev.AppendFields(nil) {
				if _, dup := want[fv.Field]; !dup && fv.Field.In(p) {
					want[fv.Field] = fv.Value
				}
			}
			var s genai.FieldSet
			s.Reset(p)
			ev.CollectFields(&s)
			got := map[*genai.Field]genai.Value{}
			prev := -1
			for f, v := range s.All {
				require.Greater(t, f.Ord(), prev, "name order")
				prev = f.Ord()
				got[f] = v
			}
			require.Equal(t, want, got, "profile %s", p)
			require.Equal(t, len(want), s.Len())
		}
	}
	// The vendor field that repeats a core field loses to it.
	var s genai.FieldSet
	s.Reset(genai.ProfileAll)
	richEvent().CollectFields(&s)
	require.Equal(t, "chat", s.Get(genai.GenAIOperationName).Str())
	require.True(t, s.Get(genai.GenAIRequestTopP).IsEmpty(), "NaN is not a JSON value")
	require.True(t, s.Get(genai.GenAIToolDefinitions).IsEmpty(), "{} is empty")
	require.Equal(t, int64(0), s.Get(genai.GenAIUsagePromptTokens).Int())
	require.Equal(t, genai.KindInt, s.Get(genai.GenAIUsagePromptTokens).Kind(), "a present zero is kept")
}

func ExampleFieldSet() {
	ev := &genai.Event{}
	ev.Request.Operation = "chat"
	ev.Request.Model.ID = "amazon.nova-pro-v1:0"
	ev.Usage.OutputTokens.Set(42)

	var s genai.FieldSet
	s.Reset(genai.ProfileECS)
	ev.CollectFields(&s)
	for f, v := range s.All {
		switch v.Kind() {
		case genai.KindInt:
			fmt.Println(f.Name, v.Int())
		default:
			fmt.Println(f.Name, v.Str())
		}
	}
	// Output:
	// gen_ai.operation.name chat
	// gen_ai.request.model amazon.nova-pro-v1:0
	// gen_ai.usage.output_tokens 42
}

// layoutOf lays out the fields of s the simple way: keys "f<ord>" in a flat object, with
// a NewLayout of that text and the same text with each value (AppendJSON) after its key.
func layoutOf(s *genai.FieldSet, prefix string) (*genai.Layout, []byte) {
	var text, want []byte
	var ords []uint16
	var ends []uint32
	text = append(text, prefix...)
	want = append(want, prefix...)
	fields := genai.Fields()
	s.All(func(f *genai.Field, v genai.Value) bool {
		key := fmt.Sprintf("%s\"f%d\":", map[bool]string{true: ",", false: "{"}[len(ords) > 0], f.Ord())
		text = append(text, key...)
		want = append(want, key...)
		ords = append(ords, uint16(f.Ord()))
		ends = append(ends, uint32(len(text)))
		want = v.AppendJSON(want, fields[f.Ord()].Array)
		return true
	})
	text = append(text, '}')
	want = append(want, '}')
	return genai.NewLayout(text, ords, ends), want
}

// AppendLayout writes every value as AppendJSON does after its text: strings of every length
// around its in-place path for short ones, with and without bytes to escape, into buffers
// with little and much room.
func TestAppendLayoutMatchesAppendJSON(t *testing.T) {
	strs := []string{"", "a", "abcdefg", "abcdefgh", "abcdefghijklmno", "abcdefghijklmnop", "x\"y", "tab\there",
		"ünï", "1234567\\", "\x00", "\u2028", "abcdefghijklmn\n", string([]byte{0xff}), "0123456789abcdef0123456789"}
	fieldsOf := []*genai.Field{genai.GenAIOperationName, genai.CloudRegion, genai.UserName, genai.GenAIResponseID,
		genai.EventAction, genai.GenAIRequestModelID}
	for _, prefix := range []string{"", string(make([]byte, 100))} {
		for _, a := range strs {
			for _, b := range strs {
				var s genai.FieldSet
				s.Reset(genai.ProfileAll)
				s.Add(fieldsOf[0], genai.StringValue(a))
				s.Add(fieldsOf[1], genai.StringValue(b))
				s.Add(fieldsOf[2], genai.StringValue(a+b))
				s.Add(genai.GenAIUsageInputTokens, genai.IntValue(int64(len(a))*-12345))
				s.Add(genai.EventCategory, genai.StringsValue([]string{a, b}))
				s.Add(genai.RelatedUser, genai.StringValue(b)) // an array of one
				s.Add(genai.GenAIRequestTemperature, genai.FloatValue(0.5))
				l, want := layoutOf(&s, prefix)
				for _, room := range []int{0, 1, 17, 18, 19, 40, 58, 59, 1000} {
					got := s.AppendLayout(make([]byte, 0, room), l)
					require.Equal(t, string(want), string(got), "%q %q room %d", a, b, room)
				}
			}
		}
	}
}

// FuzzAppendLayout compares AppendLayout with AppendJSON on any strings.
func FuzzAppendLayout(f *testing.F) {
	f.Add("chat", "us-east-1", 7)
	f.Add("a\"b", "\x01ü", 0)
	f.Fuzz(func(t *testing.T, a, b string, room int) {
		var s genai.FieldSet
		s.Reset(genai.ProfileAll)
		s.Add(genai.GenAIOperationName, genai.StringValue(a))
		s.Add(genai.CloudRegion, genai.StringValue(b))
		s.Add(genai.RelatedUser, genai.StringValue(a))
		s.Add(genai.GenAIUsageInputTokens, genai.IntValue(int64(len(b))))
		l, want := layoutOf(&s, a)
		got := s.AppendLayout(make([]byte, 0, room&1023), l)
		require.Equal(t, string(want), string(got))
	})
}

// The event's writers leave out the fields of the profiles a FieldSet does not keep without
// offering them: what they leave out is only ever outside the set's profiles, for an event
// that fills every field they guard so.
func TestCollectFieldsProfileGuards(t *testing.T) {
	ev := richEvent()
	ev.Source.System = "aws.bedrock"
	ev.Request.ID = "req-1"
	ev.Request.Model.Type = "text"
	ev.Request.Model.Role = "chat"
	ev.Request.Model.Version = "v1"
	ev.Request.Time = time.Unix(1700000000, 0)
	ev.Response.Time = time.Unix(1700000001, 0)
	ev.Response.ErrorCode = "ThrottlingException"
	ev.Performance.RequestSize.Set(10)
	ev.Performance.ResponseSize.Set(20)
	ev.Identity.GenAIUser = "u"
	ev.Guardrail.IDs = []string{"gr-1"}
	noAssessments := richEvent()
	noAssessments.Guardrail.Assessments = nil
	for _, ev := range []*genai.Event{ev, noAssessments} {
		for _, p := range append([]genai.Profile{genai.ProfileAll}, genai.Profiles...) {
			want := map[*genai.Field]genai.Value{}
			for _, fv := range ev.AppendFields(nil) {
				if _, dup := want[fv.Field]; !dup && fv.Field.In(p) {
					want[fv.Field] = fv.Value
				}
			}
			var s genai.FieldSet
			s.Reset(p)
			ev.CollectFields(&s)
			got := map[*genai.Field]genai.Value{}
			for f, v := range s.All {
				got[f] = v
			}
			require.Equal(t, want, got, "profile %s", p)
		}
	}
}
