// Command basic shows the library in a few lines: read provider logs of any supported format,
// normalize them, and print one ECS document per record.
//
//	go run ./examples/basic testdata/bedrock/converse.ndjson
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: basic FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()

	reg := new(genai.Registry) // the formats to detect, per record
	bedrock.Register(reg)
	azureopenai.Register(reg)
	rd, err := genai.NewReader(f, reg, genai.ReaderOptions{Name: f.Name()})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	r := ecs.Renderer{Profile: genai.ProfileElastic}
	var ev genai.Event
	var buf []byte
	for {
		if err := rd.Next(&ev); err == io.EOF {
			break
		} else if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if ev.Err != nil { // the record could not be normalized; it still becomes a document
			fmt.Fprintln(os.Stderr, "error document:", ev.Err)
		}
		buf = append(r.AppendDocument(buf[:0], &ev), '\n')
		out.Write(buf)
	}
}
