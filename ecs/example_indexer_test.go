package ecs_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/esfake"
)

// indexFile normalizes one file and indexes its events; it returns the indexer's counters.
func indexFile(ctx context.Context, es ecs.ConnectConfig, path string) ecs.Stats {
	client, _, err := ecs.Connect(ctx, es)
	if err != nil {
		log.Fatal(err)
	}
	ix, err := ecs.NewIndexer(ecs.IndexerConfig{
		Client:     client,
		Namespace:  "default",
		DeadLetter: os.Stderr, // rejected documents, one NDJSON line each, with the reason
	})
	if err != nil {
		log.Fatal(err)
	}
	reg := new(genai.Registry)
	bedrock.Register(reg)
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	rd, err := genai.NewReader(f, reg, genai.ReaderOptions{Name: path})
	if err != nil {
		log.Fatal(err)
	}
	var ev genai.Event
	for {
		if err := rd.Next(&ev); err == io.EOF {
			break
		} else if err != nil {
			log.Fatal(err)
		}
		if err := ix.Add(ctx, &ev); err != nil {
			log.Fatal(err)
		}
	}
	if err := ix.Close(ctx); err != nil { // flushes, retries, reports undelivered documents
		log.Fatal(err)
	}
	return ix.Stats()
}

// Indexing Bedrock invocation logs into their data stream. Every record has a deterministic
// _id, so indexing the same file again adds nothing: the documents count as duplicates.
// (The example runs against the in-process stand-in; point ConnectConfig at a real cluster, or
// use ecs.ConnectConfigFromEnv.)
func ExampleIndexer() {
	srv := esfake.New()
	defer srv.Close()
	ctx := context.Background()
	cc := ecs.ConnectConfig{URLs: []string{srv.URL}}
	client, err := ecs.NewClient(cc)
	if err != nil {
		log.Fatal(err)
	}
	if err := ecs.Setup(ctx, client, genai.ProfileElastic); err != nil { // templates, once
		log.Fatal(err)
	}

	input := filepath.Join("..", "testdata", "bedrock", "converse.ndjson")
	first := indexFile(ctx, cc, input)
	fmt.Printf("first run: %d indexed, %d duplicates\n", first.Indexed, first.Duplicate)
	second := indexFile(ctx, cc, input)
	fmt.Printf("replay:    %d indexed, %d duplicates\n", second.Indexed, second.Duplicate)
	fmt.Println("documents in logs-aws_bedrock.invocation-default:", srv.Count("logs-aws_bedrock.invocation-default"))
	// Output:
	// first run: 4 indexed, 0 duplicates
	// replay:    0 indexed, 4 duplicates
	// documents in logs-aws_bedrock.invocation-default: 4
}
