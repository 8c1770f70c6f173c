package jsonscan

import (
	"bytes"
	"io"
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
