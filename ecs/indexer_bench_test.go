package ecs

import (
	"bytes"
	"context"
	"testing"

	"github.com/elastic/go-elasticsearch/v8/esutil"

	"github.com/genainorm/genainorm/internal/esfake"
)

// BenchmarkIndexer measures indexing throughput against a stand-in that acknowledges every item
// at once, so that the client side dominates. "bare" sends the pre-encoded documents through a
// bare esutil.BulkIndexer; "documents" sends the same documents through Indexer.AddDocument
// (ids, retry bookkeeping, callbacks, counters); "events" renders the events too (Indexer.Add).
// The overhead of the Indexer is documents/bare (ns/op).
func BenchmarkIndexer(b *testing.B) {
	evs := testEvents(3000)
	type pre struct {
		index, id string
		body      []byte
	}
	docs := make([]pre, len(evs))
	r := &Renderer{Ingested: testIngested}
	var total int
	for i, ev := range evs {
		docs[i] = pre{DataStream(ev, ""), DocumentID(ev), r.AppendDocument(nil, ev)}
		total += len(docs[i].body)
	}
	avg := int64(total / len(docs))
	const workers, flush = 2, 1 << 20

	b.Run("bare", func(b *testing.B) {
		srv := esfake.New(esfake.WithAckOnly())
		defer srv.Close()
		es, err := NewClient(ConnectConfig{URLs: []string{srv.URL}})
		if err != nil {
			b.Fatal(err)
		}
		bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{Client: es, NumWorkers: workers, FlushBytes: flush, Pipeline: DefaultPipeline})
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		b.SetBytes(avg)
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			d := &docs[i%len(docs)]
			if err := bi.Add(ctx, esutil.BulkIndexerItem{Index: d.index, Action: "create", DocumentID: d.id, Body: bytes.NewReader(d.body)}); err != nil {
				b.Fatal(err)
			}
		}
		if err := bi.Close(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if st := bi.Stats(); st.NumFlushed != uint64(b.N) {
			b.Fatalf("flushed %d of %d", st.NumFlushed, b.N)
		}
	})

	run := func(b *testing.B, add func(ix *Indexer, i int) error) {
		srv := esfake.New(esfake.WithAckOnly())
		defer srv.Close()
		es, err := NewClient(ConnectConfig{URLs: []string{srv.URL}})
		if err != nil {
			b.Fatal(err)
		}
		ix, err := NewIndexer(IndexerConfig{Client: es, NumWorkers: workers, FlushBytes: flush})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(avg)
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			if err := add(ix, i); err != nil {
				b.Fatal(err)
			}
		}
		if err := ix.Close(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if st := ix.Stats(); st.Indexed != int64(b.N) {
			b.Fatalf("indexed %d of %d", st.Indexed, b.N)
		}
	}
	b.Run("documents", func(b *testing.B) {
		ctx := context.Background()
		run(b, func(ix *Indexer, i int) error {
			d := &docs[i%len(docs)]
			return ix.AddDocument(ctx, d.index, d.id, d.body)
		})
	})
	b.Run("events", func(b *testing.B) {
		ctx := context.Background()
		run(b, func(ix *Indexer, i int) error { return ix.Add(ctx, evs[i%len(evs)]) })
	})
}
