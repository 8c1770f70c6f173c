package bedrock

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/genai"
)

// FuzzInvocationDecode feeds arbitrary records to the invocation decoder: it must never panic,
// and an event it accepts must carry valid JSON wherever the schema says JSON.
func FuzzInvocationDecode(f *testing.F) {
	for _, name := range []string{"invoke_model.ndjson", "invoke_model_stream.ndjson", "converse.ndjson", "converse_stream.ndjson", "errors.ndjson", "offloaded.ndjson", "bare_stream.ndjson"} {
		data, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			f.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			f.Add(bytes.Clone(sc.Bytes()))
		}
	}
	f.Add([]byte(`{"type":"message_start","message":{"id":"m"}}`))
	f.Add([]byte(`"[DONE]"`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := newInvocationDecoder(InvocationOptions{MaxBodyBytes: 512, MinInlineDataBytes: 16}.withDefaults())
		for range 2 { // twice: the decoder keeps state between records
			var ev genai.Event
			err := d.Decode(&genai.Record{Data: data}, &ev)
			if err != nil {
				continue
			}
			for _, b := range [][]byte{ev.Request.InputMessages, ev.Response.OutputMessages, ev.Request.SystemInstructions, ev.Request.ToolDefinitions} {
				if b != nil && !json.Valid(b) {
					t.Fatalf("invalid JSON %q from %q", b, data)
				}
			}
			for _, fv := range ev.Vendor {
				if fv.Value.Kind() == genai.KindJSON && !json.Valid(fv.Value.JSON()) {
					t.Fatalf("invalid JSON in %s: %q from %q", fv.Field.Name, fv.Value.JSON(), data)
				}
			}
		}
		d.Flush(func(*genai.Event) {})
	})
}
