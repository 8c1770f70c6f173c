package benchmark

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
)

// Corpus is a set of NDJSON records used by the benchmarks.
type Corpus struct {
	// Data is the records, one per line.
	Data []byte
	// Records is the number of records.
	Records int
	// Files lists the files the records came from.
	Files []string
}

// BedrockFiles returns the glob patterns of the Bedrock corpus, given the repository's root:
// our invocation-log fixtures and, when the shared samples lie beside the repository, the real
// invocation log.
func BedrockFiles(root string) []string {
	return []string{
		filepath.Join(root, "testdata", "bedrock", "*.ndjson"),
		filepath.Join(root, "..", "shared", "samples", "bedrock", "invocation.log"),
	}
}

// Load builds a corpus from every *.ndjson and *.log file matching the glob patterns, keeping
// the lines that are whole JSON objects (envelopes and broken lines are left out, so that
// every record can also be decoded on its own by the baseline). Missing files are ignored.
func Load(patterns ...string) (*Corpus, error) {
	c := &Corpus{}
	var files []string
	for _, p := range patterns {
		m, err := filepath.Glob(p)
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		n := 0
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 || line[0] != '{' || !json.Valid(line) {
				continue
			}
			c.Data = append(c.Data, line...)
			c.Data = append(c.Data, '\n')
			c.Records++
			n++
		}
		if n > 0 {
			c.Files = append(c.Files, f)
		}
	}
	return c, nil
}

// Repeat returns the corpus repeated until it holds at least minBytes.
func (c *Corpus) Repeat(minBytes int) *Corpus {
	if len(c.Data) == 0 {
		return c
	}
	out := &Corpus{Files: c.Files}
	for len(out.Data) < minBytes {
		out.Data = append(out.Data, c.Data...)
		out.Records += c.Records
	}
	return out
}

// MapDecode is the baseline the normalize path is measured against: encoding/json decoding
// each line of data (whole records, each ending in a newline, as a Corpus holds them) into a
// map[string]any, and nothing else.
func MapDecode(data []byte) error {
	for len(data) > 0 {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			j = len(data)
		}
		var m map[string]any
		if err := json.Unmarshal(data[:j], &m); err != nil {
			return err
		}
		data = data[min(j+1, len(data)):]
	}
	return nil
}
