// Command index is a minimal program that normalizes provider log files and indexes them into
// Elasticsearch with the ecs.Indexer: connection from the ELASTICSEARCH_* environment
// variables, optional template setup, a dead-letter file, a flush on Ctrl-C, and a summary.
//
//	ELASTICSEARCH_URL=http://localhost:9200 go run ./examples/index -setup testdata/bedrock/converse.ndjson
//
// The genainorm CLI ('genainorm index') does the same with more options.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func main() {
	setup := flag.Bool("setup", false, "install the index templates first")
	deadLetter := flag.String("dead-letter", "dead-letter.ndjson", "file for documents Elasticsearch rejects")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := run(ctx, ecs.ConnectConfigFromEnv(nil), *setup, *deadLetter, flag.Args())
	fmt.Fprintf(os.Stderr, "indexed %d, already indexed %d, retries %d, failed %d, dead-lettered %d\n",
		st.Indexed, st.Duplicate, st.Retried, st.Failed, st.DeadLettered)
	if err != nil {
		fmt.Fprintln(os.Stderr, "index:", err)
		os.Exit(2)
	}
	if st.Failed > 0 {
		os.Exit(1)
	}
}

// run indexes the files and returns the indexer's counters.
func run(ctx context.Context, cc ecs.ConnectConfig, setup bool, deadLetter string, files []string) (ecs.Stats, error) {
	es, info, err := ecs.Connect(ctx, cc)
	if err != nil {
		return ecs.Stats{}, err
	}
	fmt.Fprintf(os.Stderr, "connected to %s (Elasticsearch %s)\n", info.Name, info.Version.Number)
	if setup {
		if err := ecs.Setup(ctx, es, genai.ProfileElastic); err != nil {
			return ecs.Stats{}, err
		}
	}
	dl, err := os.OpenFile(deadLetter, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return ecs.Stats{}, err
	}
	defer dl.Close()
	ix, err := ecs.NewIndexer(ecs.IndexerConfig{Client: es, DeadLetter: dl})
	if err != nil {
		return ecs.Stats{}, err
	}

	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	var readErr error
	var ev genai.Event
files:
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			readErr = err
			break
		}
		rd, err := genai.NewReader(f, reg, genai.ReaderOptions{Name: name})
		if err != nil {
			f.Close()
			readErr = err
			break
		}
		for ctx.Err() == nil {
			if err := rd.Next(&ev); err == io.EOF {
				break
			} else if err != nil {
				readErr = err
				f.Close()
				break files
			}
			if err := ix.Add(ctx, &ev); err != nil {
				readErr = err
				f.Close()
				break files
			}
		}
		f.Close()
	}
	// Close flushes and retries even after Ctrl-C, for at most a minute.
	closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	if err := ix.Close(closeCtx); err != nil && readErr == nil {
		readErr = err
	}
	return ix.Stats(), readErr
}
