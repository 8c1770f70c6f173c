package jsonlibs

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bytedance/sonic"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/internal/benchmark"
)

// Every decoder reads every record of the corpus as encoding/json does, and every raw body it
// keeps is byte for byte a piece of the record.
func TestDecodersAgree(t *testing.T) {
	c := corpusOnce(t)
	data := c.Data
	want := map[int]V2Record{}
	n := 0
	err := lines(data, func(line []byte) error {
		var r V2Record
		if err := decoders[0].dec.decode(line, &r); err != nil {
			return err
		}
		want[n] = r
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range decoders[1:] {
		i, reencoded := 0, 0
		err := lines(data, func(line []byte) error {
			var r V2Record
			if err := d.dec.decode(line, &r); err != nil {
				return fmt.Errorf("record %d: %w", i, err)
			}
			w := want[i]
			i++
			if d.reencodes && !rawPieces(&r, line) {
				// The bodies must then be the input's, compacted.
				reencoded++
				compactBodies(t, &r)
				compactBodies(t, &w)
			}
			if got, want := summary(&r), summary(&w); got != want {
				return fmt.Errorf("record %d:\n got %s\nwant %s", i-1, got, want)
			}
			if !d.reencodes && !rawPieces(&r, line) {
				return fmt.Errorf("record %d: a raw body is not a piece of the input", i-1)
			}
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", d.name, err)
		}
		if reencoded > 0 {
			t.Logf("%s: the bodies of %d of %d records are not byte for byte the input's (re-encoded compact)",
				d.name, reencoded, i)
		}
	}
}

// rawPieces reports whether every raw body of r is a piece of line.
func rawPieces(r *V2Record, line []byte) bool {
	for _, raw := range [][]byte{r.RequestMetadata, r.Input.BodyJSON, r.Output.BodyJSON} {
		if len(raw) > 0 && !bytes.Contains(line, raw) {
			return false
		}
	}
	return true
}

// compactBodies compacts r's raw bodies.
func compactBodies(t *testing.T, r *V2Record) {
	for _, raw := range []*jsontext.Value{&r.RequestMetadata, &r.Input.BodyJSON, &r.Output.BodyJSON} {
		if len(*raw) > 0 {
			var b bytes.Buffer
			if err := stdjson.Compact(&b, *raw); err != nil {
				t.Fatal(err)
			}
			*raw = b.Bytes()
		}
	}
}

// summary is a record's decoded fields as one comparable string (bodies as []byte: a nil
// jsontext.Value would print as null).
func summary(r *V2Record) string {
	return fmt.Sprintf("%q %q %q %q %q %q %q %q %q %q %q %q %q | %q %q %q %d %d %d | %q %q %q %d",
		r.SchemaType, r.SchemaVersion, r.Timestamp, r.AccountID, r.Identity.ARN, r.Region,
		r.RequestID, r.Operation, r.ModelID, r.InferenceRegion, r.ErrorCode, r.ErrorMessage,
		[]byte(r.RequestMetadata),
		r.Input.ContentType, []byte(r.Input.BodyJSON), r.Input.BodyS3Path, r.Input.TokenCount,
		r.Input.CacheReadCount, r.Input.CacheWriteCount,
		r.Output.ContentType, []byte(r.Output.BodyJSON), r.Output.BodyS3Path, r.Output.TokenCount)
}

// correctnessCases are the inputs of the correctness table: each a record, whether it is
// JSON at all, and what to show of the decoded skeleton when a decoder accepts it.
var correctnessCases = []struct {
	name, input string
	invalid     bool
	show        func(r, std *V2Record) string
}{
	{"truncated", `{"modelId":"m","input":{"inputBodyJson":{"a":1}`, true, modelID},
	{"bad escape", `{"modelId":"a\qb"}`, true, modelID},
	{"bad escape in a body", `{"modelId":"m","input":{"inputBodyJson":{"a":"\q"}}}`, true, inputBody},
	{"backslash before bytes not UTF-8 in a body", "{\"input\":{\"inputBodyJson\":{\"a\":\"\\\xf7\xf7\xf7\xf7\xf7\xf7\xf7\xf7\xf7\"}}}", true, inputBody},
	{"bad literal in a body", `{"modelId":"m","input":{"inputBodyJson":{"a":tru}}}`, true, inputBody},
	{"bad value in an unknown member", `{"other":[1,2,},"modelId":"m"}`, true, modelID},
	{"raw control byte in a string", "{\"modelId\":\"a\tb\"}", true, modelID},
	{"trailing bytes", `{"modelId":"m"} x`, true, modelID},
	{"leading zero", `{"modelId":"m","input":{"inputTokenCount":012}}`, true, tokens},
	{"invalid UTF-8 in a string", "{\"modelId\":\"a\xffb\"}", false, modelID},
	{"invalid UTF-8 in a body", "{\"modelId\":\"m\",\"input\":{\"inputBodyJson\":{\"a\":\"\xff\"}}}", false, inputBody},
	{"lone surrogate escape", `{"modelId":"a\ud800b"}`, false, modelID},
	{"duplicate member", `{"modelId":"first","modelId":"second"}`, false, modelID},
	{"member name in other case", `{"MODELID":"m"}`, false, modelID},
	{"big integer into int64", `{"input":{"inputTokenCount":123456789012345678901234567890}}`, false, tokens},
	{"fraction into int64", `{"input":{"inputTokenCount":1.5}}`, false, tokens},
	{"big number in a body", `{"input":{"inputBodyJson":{"seed":123456789012345678901234567890.5e-3}}}`, false, inputBody},
	{"spaced body", `{"input":{"inputBodyJson": { "a" : [ 1 , 2 ] } }}`, false, inputBody},
	{"escapes in a body", `{"input":{"inputBodyJson":{"a":"\u00e9\/\n"}}}`, false, inputBody},
}

func modelID(r, _ *V2Record) string { return fmt.Sprintf("%q", r.ModelID) }
func tokens(r, _ *V2Record) string  { return fmt.Sprint(r.Input.TokenCount) }

// inputBody shows the request body: "as written" when it is encoding/json's json.RawMessage
// (the input's bytes), else the body.
func inputBody(r, std *V2Record) string {
	if std != nil && bytes.Equal(r.Input.BodyJSON, std.Input.BodyJSON) {
		return "as written"
	}
	return "`" + showBytes(r.Input.BodyJSON) + "`"
}

// showBytes returns b as text, with bytes that are not UTF-8 written \xNN.
func showBytes(b []byte) string {
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&sb, `\x%02x`, b[0])
		} else {
			sb.Write(b[:n])
		}
		b = b[n:]
	}
	return sb.String()
}

// TestCorrectnessTable prints, as Markdown tables, what each decoder and validator makes of
// each case (run with -v; README.md holds its output), and checks that the decoders that
// validate reject every case that is not JSON, and that every decoder accepts the rest.
func TestCorrectnessTable(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("| case |")
	for _, d := range decoders {
		fmt.Fprintf(&sb, " %s |", d.name)
	}
	sb.WriteString("\n|---|")
	sb.WriteString(strings.Repeat("---|", len(decoders)))
	sb.WriteString("\n")
	for _, c := range correctnessCases {
		fmt.Fprintf(&sb, "| %s |", c.name)
		var std *V2Record
		for i, d := range decoders {
			var r V2Record
			err := d.dec.decode([]byte(c.input), &r)
			if i == 0 && err == nil {
				std = &r
			}
			cell := "error"
			if err == nil {
				cell = c.show(&r, std)
			}
			fmt.Fprintf(&sb, " %s |", strings.ReplaceAll(cell, "|", `\|`))
			if c.invalid && d.validates && err == nil {
				t.Errorf("%s: %s accepts %q", c.name, d.name, c.input)
			}
			if !c.invalid && err != nil && d.name != "jsonv2" && !strings.Contains(c.name, "int64") {
				t.Errorf("%s: %s rejects %q: %v", c.name, d.name, c.input, err)
			}
		}
		sb.WriteString("\n")
	}
	sb.WriteString("\nValidators, on the cases that are not JSON (all accept the others):\n\n| case |")
	for _, v := range validators {
		fmt.Fprintf(&sb, " %s |", v.name)
	}
	sb.WriteString("\n|---|")
	sb.WriteString(strings.Repeat("---|", len(validators)))
	sb.WriteString("\n")
	for _, c := range correctnessCases {
		if c.invalid {
			fmt.Fprintf(&sb, "| %s |", c.name)
		}
		for _, v := range validators {
			ok := v.valid([]byte(c.input))
			if c.invalid {
				cell := "invalid"
				if ok {
					cell = "**valid**"
				}
				fmt.Fprintf(&sb, " %s |", cell)
			} else if !ok {
				t.Errorf("%s: %s finds %q invalid", c.name, v.name, c.input)
			}
		}
		if c.invalid {
			sb.WriteString("\n")
		}
	}
	t.Log("\n" + sb.String())
}

// BenchmarkDecode decodes every record of the corpus: "map" is the baseline (encoding/json
// into map[string]any); the others decode the typed skeleton with raw bodies.
func BenchmarkDecode(b *testing.B) {
	c := corpus(b)
	b.Run("map", func(b *testing.B) {
		b.SetBytes(int64(len(c.Data)))
		b.ReportAllocs()
		for b.Loop() {
			if err := benchmark.MapDecode(c.Data); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, d := range decoders {
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.Data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := decodeAll(d.dec, c.Data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValid validates every record of the corpus.
func BenchmarkValid(b *testing.B) {
	c := corpus(b)
	for _, v := range validators {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.Data)))
			b.ReportAllocs()
			for b.Loop() {
				err := lines(c.Data, func(line []byte) error {
					if !v.valid(line) {
						return fmt.Errorf("%s: invalid record", v.name)
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSpeedup runs the map decode and one library in turn, each iteration, and reports
// how many times faster the library is: "x-map" from the process's CPU time (user and
// system), which other programs on a busy machine inflate less than wall time, "x-map-wall"
// from wall time; and both sides' throughput in CPU time ("cpu-MB/s", "map-cpu-MB/s"). As in
// internal/benchmark's BenchmarkSpeedup, each side starts from a collected heap and the
// collections between the sides are not timed. Run it with GOMAXPROCS=1 so that the CPU time
// holds no idle spinning of a second P.
func BenchmarkSpeedup(b *testing.B) {
	c := corpus(b)
	mb := float64(len(c.Data)) / 1e6
	for _, d := range decoders {
		b.Run(d.name, func(b *testing.B) {
			var libCPU, baseCPU, libWall, baseWall time.Duration
			for b.Loop() {
				runtime.GC()
				cpu, wall := cpuTime(), time.Now()
				if err := benchmark.MapDecode(c.Data); err != nil {
					b.Fatal(err)
				}
				baseCPU += cpuTime() - cpu
				baseWall += time.Since(wall)
				runtime.GC()
				cpu, wall = cpuTime(), time.Now()
				if err := decodeAll(d.dec, c.Data); err != nil {
					b.Fatal(err)
				}
				libCPU += cpuTime() - cpu
				libWall += time.Since(wall)
			}
			b.ReportMetric(baseCPU.Seconds()/libCPU.Seconds(), "x-map")
			b.ReportMetric(baseWall.Seconds()/libWall.Seconds(), "x-map-wall")
			b.ReportMetric(mb*float64(b.N)/libCPU.Seconds(), "cpu-MB/s")
			b.ReportMetric(mb*float64(b.N)/baseCPU.Seconds(), "map-cpu-MB/s")
		})
	}
}

// cpuTime returns the CPU time (user and system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// decodeAll decodes every record of data with d.
func decodeAll(d decoder, data []byte) error {
	return lines(data, func(line []byte) error { return d.decode(line, nil) })
}

// TestSonicNative logs whether sonic runs its own JIT and SIMD code on this platform and Go
// version, or falls back to encoding/json (its compat build).
func TestSonicNative(t *testing.T) {
	t.Logf("sonic.APIKind = %d (%d: encoding/json fallback, %d: native), %s/%s %s",
		sonic.APIKind, sonic.UseStdJSON, sonic.UseSonicJSON, runtime.GOOS, runtime.GOARCH, runtime.Version())
}
