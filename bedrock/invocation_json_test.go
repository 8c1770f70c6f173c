package bedrock

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// ivBodies returns the input and output bodies (inputBodyJson, outputBodyJson) of the
// invocation records of the fixtures and the shared samples, as written.
func ivBodies(tb testing.TB) [][]byte {
	var out [][]byte
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.ndjson"))
	for _, f := range append(files, sampleLog) {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, l := range splitLinesIv(data) {
			var d jsonscan.Decoder
			d.Reset(l)
			var find func(depth int)
			find = func(depth int) {
				if _, err := d.ReadToken(); err != nil {
					return
				}
				for {
					name, err := d.ReadName()
					if name == nil || err != nil {
						return
					}
					switch n := string(name); {
					case n == `"inputBodyJson"` || n == `"outputBodyJson"`:
						v, err := d.ReadValue()
						if err != nil {
							return
						}
						out = append(out, v)
					case depth == 0 && d.PeekKind() == '{':
						find(depth + 1)
					default:
						if d.SkipValue() != nil {
							return
						}
					}
				}
			}
			find(0)
		}
	}
	return out
}

func splitLinesIv(data []byte) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		i := 0
		for i < len(data) && data[i] != '\n' {
			i++
		}
		if i > 0 && data[0] == '{' {
			out = append(out, data[:i])
		}
		if i < len(data) {
			i++
		}
		data = data[i:]
	}
	return out
}

// ivContainers returns the offsets of the objects and arrays of the clean body b.
func ivContainers(b []byte) []int {
	var out []int
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			i = jsonscan.StringEnd(b, i+1)
		case '{', '[':
			out = append(out, i)
		}
	}
	return out
}

// ivValueEndWalk is ivValueEnd byte by byte: the oracle of its tests.
func ivValueEndWalk(data []byte, i int) int {
	n := len(data)
	switch data[i] {
	case '"':
		return min(jsonscan.StringEnd(data, i+1)+1, n)
	case '{', '[':
		depth := 0
		for j := i; j < n; j++ {
			switch data[j] {
			case '"':
				j = jsonscan.StringEnd(data, j+1)
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return n
	}
	j := i + 1
	for j < n && data[j] != ',' && data[j] != '}' && data[j] != ']' {
		j++
	}
	return j
}

func TestIvValueEndMatchesWalk(t *testing.T) {
	for _, b := range ivBodies(t) {
		clean, _ := ivCleanBody(b, 1024, nil)
		for i := range clean {
			if g, w := ivValueEnd(clean, i), ivValueEndWalk(clean, i); g != w {
				t.Fatalf("ivValueEnd(%q, %d) = %d, want %d", clean, i, g, w)
			}
		}
	}
}

// FuzzIvValueEnd compares ivValueEnd with a byte walk from every offset of any input (the
// cursor only meets clean bodies, but must not fail on others).
func FuzzIvValueEnd(f *testing.F) {
	f.Add([]byte(`{"a":[1,-2.5e3,true,null,{"b":"c\"]}\\"}],"d":{},"e":[]}`))
	f.Add([]byte(`[{"type":"message_start"},"[DONE]",3,[[]],{"x":{"y":[1,2,{"z":"]"}]}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := range data {
			if g, w := ivValueEnd(data, i), ivValueEndWalk(data, i); g != w {
				t.Fatalf("ivValueEnd(%q, %d) = %d, want %d", data, i, g, w)
			}
		}
	})
}

// BenchmarkIvValueEnd finds the end of every object and array of the clean bodies.
func BenchmarkIvValueEnd(b *testing.B) {
	var bodies [][]byte
	var at [][]int
	size := 0
	for _, body := range ivBodies(b) {
		clean, _ := ivCleanBody(body, 1024, nil)
		bodies = append(bodies, clean)
		at = append(at, ivContainers(clean))
		size += len(clean)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for k, body := range bodies {
			for _, i := range at[k] {
				ivValueEnd(body, i)
			}
		}
	}
}

// BenchmarkIvCleanBody cleans the bodies as written.
func BenchmarkIvCleanBody(b *testing.B) {
	bodies := ivBodies(b)
	size := 0
	for _, body := range bodies {
		size += len(body)
	}
	b.SetBytes(int64(size))
	var buf []byte
	var cuts []ivDataCut
	for b.Loop() {
		for _, body := range bodies {
			var out []byte
			out, cuts = ivCleanBodyIn(buf, body, 1024, cuts[:0])
			if cap(out) > cap(buf) {
				buf = out[:0]
			}
		}
	}
}

// sNameOld is sName as it was before it read a first name in place too: the oracle of
// FuzzSName.
func sNameOld(c *ivCursor) ([]byte, error) {
	if i := c.pos; i < len(c.data) && c.data[i] == ',' && i+1 < len(c.data) && c.data[i+1] == '"' {
		end := min(jsonscan.StringEnd(c.data, i+2)+1, len(c.data))
		c.pos = end
		return c.data[i+1 : end], nil
	}
	switch c.PeekKind() {
	case '}':
		c.pos++
		return nil, nil
	case 0:
		return nil, errIvCursorEnd
	}
	return c.ReadValue()
}

// FuzzSName compares sName with sNameOld from every offset of any input, and the cursors'
// positions after.
func FuzzSName(f *testing.F) {
	f.Add([]byte(`{"a":[1,-2.5e3,true,null,{"b":"c\"]}\\"}],"d":{},"e":[]}`))
	f.Add([]byte(`{"type":"message_start","x":{"y":"z"},:"w",,"v"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := 0; i <= len(data); i++ {
			c, o := ivCursor{data: data, pos: i}, ivCursor{data: data, pos: i}
			g, gerr := sName(&c)
			w, werr := sNameOld(&o)
			if string(g) != string(w) || (g == nil) != (w == nil) || gerr != werr || c.pos != o.pos {
				t.Fatalf("sName(%q) from %d = %q, %v at %d; want %q, %v at %d", data, i, g, gerr, c.pos, w, werr, o.pos)
			}
		}
	})
}
