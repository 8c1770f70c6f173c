package jsonscan

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

func splitLines(data []byte) [][]byte {
	var out [][]byte
	for _, l := range bytes.Split(data, []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func TestSkipSpace(t *testing.T) {
	for _, c := range []struct {
		in    string
		from  int
		wants int
	}{
		{"", 0, 0},
		{"{}", 0, 0},
		{" \t\r\n{", 0, 4},
		{"{ \n\"a\"", 1, 3},
		{"   ", 1, 3},
		{"\v{", 0, 0}, // only JSON's four white-space bytes count
	} {
		if got := SkipSpace([]byte(c.in), c.from); got != c.wants {
			t.Errorf("SkipSpace(%q, %d) = %d, want %d", c.in, c.from, got, c.wants)
		}
	}
}

func TestAppendUnquoteSimple(t *testing.T) {
	for _, s := range []string{
		`""`, `"plain"`, `"a\"b"`, `"back\\slash"`, `"line\nnext\r\tend"`, `"\/"`, `"\"\"\\"`,
		`"ünïcode \n"`,
	} {
		want := Unquote([]byte(s))
		got := AppendUnquoteSimple([]byte("prefix:"), []byte(s[1:len(s)-1]))
		if string(got) != "prefix:"+want {
			t.Errorf("AppendUnquoteSimple(%s) = %q, want %q", s, got, "prefix:"+want)
		}
	}
}

func TestAppendEscape(t *testing.T) {
	for _, c := range []struct {
		esc  string
		text string
		n    int
		ok   bool
	}{
		{`\"x`, `"`, 2, true}, {`\\`, `\`, 2, true}, {`\/`, `/`, 2, true},
		{`\b`, "\b", 2, true}, {`\f`, "\f", 2, true}, {`\n`, "\n", 2, true},
		{`\r`, "\r", 2, true}, {`\t`, "\t", 2, true},
		{`\u00e9!`, "é", 6, true}, {`\u20AC`, "€", 6, true},
		{`\ud83d\ude00`, "", 0, false}, // a surrogate half needs its pair
		{`\u12`, "", 0, false}, {`\u12g4`, "", 0, false}, {`\x`, "", 0, false},
		{`\`, "", 0, false}, {`n`, "", 0, false}, {``, "", 0, false},
	} {
		got, n, ok := AppendEscape([]byte("pre:"), []byte(c.esc))
		if ok != c.ok || n != c.n || (ok && string(got) != "pre:"+c.text) || (!ok && string(got) != "pre:") {
			t.Errorf("AppendEscape(%q) = %q, %d, %v; want %q, %d, %v", c.esc, got, n, ok, "pre:"+c.text, c.n, c.ok)
		}
	}
}

// skipSpaceRef is skipSpace byte by byte.
func skipSpaceRef(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

func TestSkipSpaceRuns(t *testing.T) {
	for n := 0; n < 40; n++ {
		for _, ws := range []string{" ", "\t", "\n", "\r", "\n  ", " \t"} {
			for _, end := range []string{"", "x", "\"", "\v", "\x00", "\xa0"} {
				data := []byte(strings.Repeat(ws, n) + end)
				for i := 0; i <= len(data); i++ {
					if g, w := SkipSpace(data, i), skipSpaceRef(data, i); g != w {
						t.Fatalf("SkipSpace(%q, %d) = %d, want %d", data, i, g, w)
					}
				}
			}
		}
	}
}

func FuzzSkipSpace(f *testing.F) {
	f.Add([]byte("{\n              \"a\": 1,\r\n\t\"b\"  :  [ 1 ,  2 ]   }"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := 0; i <= len(data); i++ {
			if g, w := SkipSpace(data, i), skipSpaceRef(data, i); g != w {
				t.Fatalf("SkipSpace(%q, %d) = %d, want %d", data, i, g, w)
			}
		}
	})
}
