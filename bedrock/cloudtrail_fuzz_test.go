package bedrock_test

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

// FuzzCloudTrail feeds arbitrary input through the Reader with the Bedrock formats: it must
// never panic, every event must be an error document or carry its action, and every JSON
// value it renders must be valid. Seeds: every fixture file and every fixture line.
func FuzzCloudTrail(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(ctDir, "*.*json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 && line[0] == '{' {
				f.Add(bytes.Clone(line))
			}
		}
	}
	reg := ctRegistry(true)
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := genai.NewReader(bytes.NewReader(data), reg, genai.ReaderOptions{Name: "fuzz"})
		if err != nil {
			t.Fatal(err)
		}
		ev := new(genai.Event)
		for range 10000 {
			err := rd.Next(ev)
			if err == io.EOF {
				return
			}
			if err != nil {
				return // the input itself could not be read (bad gzip)
			}
			if ev.Err != nil {
				continue
			}
			if ev.Source.Format == "bedrock.cloudtrail" && ev.Action == "" {
				t.Fatalf("event without action from %q", data)
			}
			for _, fv := range ev.AppendFields(nil) {
				if !fv.Field.Type.Accepts(fv.Value.Kind()) {
					t.Fatalf("%s: %s value in a %s field", fv.Field.Name, fv.Value.Kind(), fv.Field.Type)
				}
				if fv.Value.Kind() == genai.KindJSON && !jsontext.Value(fv.Value.JSON()).IsValid() {
					t.Fatalf("%s: invalid JSON %q", fv.Field.Name, fv.Value.JSON())
				}
			}
		}
	})
}
