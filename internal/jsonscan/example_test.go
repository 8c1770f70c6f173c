package jsonscan_test

import (
	"fmt"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// Pull two members out of a record and keep its body as raw bytes, without copying or
// reflection.
func ExampleDecoder() {
	record := []byte(`{"modelId":"anthropic.claude-3-haiku-20240307-v1:0","input":{"inputTokenCount":"12"},"body":{"messages":[]}}`)
	var d jsonscan.Decoder
	d.Reset(record)
	if _, err := d.ReadToken(); err != nil { // {
		panic(err)
	}
	for d.PeekKind() == '"' {
		name, _ := d.ReadValue()
		switch jsonscan.Unquote(name) {
		case "modelId":
			v, _ := d.ReadValue()
			fmt.Println("model:", jsonscan.Text(v))
		case "body":
			v, st, _ := d.ReadValueStats()
			fmt.Printf("body: %s (compact: %v)\n", v, !st.Spaced)
		default:
			_ = d.SkipValue()
		}
	}
	// Output:
	// model: anthropic.claude-3-haiku-20240307-v1:0
	// body: {"messages":[]} (compact: true)
}

// Numbers often come quoted in provider logs; Int and Float read both forms.
func ExampleInt() {
	for _, v := range []string{`12`, `"12"`, `12.9`, `"n/a"`} {
		n, ok := jsonscan.Int([]byte(v))
		fmt.Println(v, n, ok)
	}
	// Output:
	// 12 12 true
	// "12" 12 true
	// 12.9 12 true
	// "n/a" 0 false
}
