package bedrock

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
	"github.com/stretchr/testify/require"
)

// TestKeptEventsStayValid decodes every record of the fixtures and the sample log, twice over,
// with one decoder into events that are all kept, and checks that each event still marshals
// as it did when it was made: the strings and lists the decoder copies into its shared arenas
// and slabs (record strings, content kinds) are never written over. The events are rendered
// as ECS documents, which hold the vendor fields too.
func TestKeptEventsStayValid(t *testing.T) {
	var recs [][]byte
	for _, name := range []string{"invoke_model.ndjson", "invoke_model_stream.ndjson", "converse.ndjson", "converse_stream.ndjson", "errors.ndjson", "offloaded.ndjson"} {
		recs = append(recs, decoderRecords(t, filepath.Join(fixtures, name))...)
	}
	recs = append(recs, decoderRecords(t, sampleLog)...)
	require.NotEmpty(t, recs)
	d := newInvocationDecoder(InvocationOptions{}.withDefaults())
	r := ecs.Renderer{Profile: genai.ProfileElastic, Ingested: time.Unix(0, 0)}
	type kept struct {
		ev   *genai.Event
		want []byte
	}
	var all []kept
	for range 2 {
		for _, rec := range recs {
			ev := new(genai.Event)
			if d.Decode(&genai.Record{Data: rec}, ev) != nil {
				continue
			}
			all = append(all, kept{ev, r.AppendDocument(nil, ev)})
		}
	}
	for i, k := range all {
		require.Equal(t, string(k.want), string(r.AppendDocument(nil, k.ev)), "event %d", i)
	}
}
