package main

import (
	"io"

	"github.com/genainorm/genainorm/genai"
)

// The reading side of a run decodes on a goroutine of its own, ahead of the side that renders
// and writes (or indexes) the events, so that on a machine with more than one core the two
// overlap. Events pass from one to the other in batches; a fixed number of Events circulate,
// so memory stays bounded whatever the size of the input. Events filled into different Event
// values stay valid together (genai.Reader.Next promises it), which is what lets a batch be
// rendered while the next one is decoded.
const (
	// batchEvents is the most events a batch holds.
	batchEvents = 16
	// batchBytes is the most record bytes (the events' Original) a batch holds: few events
	// when records are large.
	batchBytes = 1 << 20
	// batchesAhead is the most batches decoded and not yet taken by the writing side.
	batchesAhead = 2
	// pipeEvents is the number of Events that circulate: the batches ahead, the one being
	// written, the one being filled and one more, so that the reading side seldom waits.
	pipeEvents = (batchesAhead + 3) * batchEvents
	// maxKeptEvent is the size of record beyond which an Event is not reused once written:
	// the buffers it grew for one huge record are let go rather than kept for every later
	// record that lands on it.
	maxKeptEvent = 64 << 10
)

// pipe carries events from the reading goroutine to the writing one.
type pipe struct {
	full chan []*genai.Event // batches decoded, in input order
	free chan *genai.Event   // Events written and ready to be decoded into again
	stop chan struct{}       // closed by the writing side when it gives up

	// The reading side's own state.
	cur   []*genai.Event // the batch being filled
	bytes int            // its record bytes
}

func newPipe() *pipe {
	p := &pipe{
		full: make(chan []*genai.Event, batchesAhead),
		free: make(chan *genai.Event, pipeEvents),
		stop: make(chan struct{}),
	}
	for range pipeEvents {
		p.free <- new(genai.Event)
	}
	return p
}

// event returns an Event to decode the next record into; nil when the writing side stopped.
// When none is free, the batch being filled is handed over first, so that the wait always ends.
func (p *pipe) event() *genai.Event {
	select {
	case <-p.stop:
		return nil
	default:
	}
	select {
	case ev := <-p.free:
		return ev
	default:
	}
	if !p.flush() {
		return nil
	}
	select {
	case ev := <-p.free:
		return ev
	case <-p.stop:
		return nil
	}
}

// add appends a decoded event to the batch, handing the batch over when it is full. It
// returns false when the writing side stopped.
func (p *pipe) add(ev *genai.Event) bool {
	p.cur = append(p.cur, ev)
	p.bytes += len(ev.Original)
	if len(p.cur) >= batchEvents || p.bytes >= batchBytes {
		return p.flush()
	}
	return true
}

// unused gives back an Event that was not filled (the input ended or failed).
func (p *pipe) unused(ev *genai.Event) { p.free <- ev }

// flush hands the batch being filled over to the writing side, if it holds any event. It
// returns false when the writing side stopped.
func (p *pipe) flush() bool {
	if len(p.cur) == 0 {
		return true
	}
	select {
	case p.full <- p.cur:
		p.cur, p.bytes = make([]*genai.Event, 0, batchEvents), 0
		return true
	case <-p.stop:
		return false
	}
}

// done ends the reading side: the last batch is handed over and the writing side told that
// no more follow.
func (p *pipe) done() {
	p.flush()
	close(p.full)
}

// write calls fn for every event of every batch in order, on the calling goroutine, and gives
// the Events back. After fn's first error it stops the reading side, takes the batches still
// coming without calling fn, and returns that error once the reading side is done (which, on
// an input that waits for data, is when its next read returns).
func (p *pipe) write(fn func(*genai.Event) error) error {
	var err error
	for batch := range p.full {
		for _, ev := range batch {
			if err == nil {
				if err = fn(ev); err != nil {
					close(p.stop)
				}
			}
			if cap(ev.Original) > maxKeptEvent {
				*ev = genai.Event{}
			}
			p.free <- ev
		}
	}
	return err
}

// input makes the batch being filled go over before each read of r, which may wait for data
// (a pipe from a live tail): events never wait in a batch for later input.
func (p *pipe) input(r io.Reader) io.Reader { return flushingReader{r, p} }

// flushingReader hands the pipe's batch over before each read.
type flushingReader struct {
	r io.Reader
	p *pipe
}

func (f flushingReader) Read(b []byte) (int, error) {
	f.p.flush()
	return f.r.Read(b)
}
