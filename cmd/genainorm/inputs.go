package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

// normalizeFlags are the flags normalize and index share.
type normalizeFlags struct {
	format       string
	profile      string
	namespace    string
	keepOriginal bool
	allServices  bool
	rawBodies    bool
	quiet        bool
}

func (nf *normalizeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&nf.format, "format", "auto", "input format: auto (detect per record) or one of: "+strings.Join(formatNames(), ", "))
	fs.StringVar(&nf.profile, "profile", "elastic", "document profile: elastic (fields public Elastic rules read) or ecs (ECS/OTel names only)")
	fs.StringVar(&nf.namespace, "namespace", "default", "data stream namespace")
	fs.BoolVar(&nf.keepOriginal, "keep-original", false, "keep the raw record in event.original on every document (always kept on error documents)")
	fs.BoolVar(&nf.rawBodies, "raw-bodies", false, "Bedrock: also write request and response bodies as flattened objects (aws_bedrock.invocation.*.*_body_json), which duplicate gen_ai.prompt / gen_ai.completion")
	fs.BoolVar(&nf.allServices, "all-services", false, "CloudTrail: normalize events of every AWS service (ECS core fields only), not just Bedrock's")
	fs.BoolVar(&nf.quiet, "quiet", false, "no summary or progress on stderr")
}

// registry returns the formats and envelopes of every provider, configured from the flags.
func (nf *normalizeFlags) registry() *genai.Registry {
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	if nf.rawBodies {
		reg.Register(bedrock.NewInvocationFormat(bedrock.InvocationOptions{KeepRawBodies: true}))
	}
	if nf.allServices {
		reg.Register(bedrock.NewCloudTrailFormat(bedrock.CloudTrailOptions{AllServices: true}))
	}
	return reg
}

func formatNames() []string {
	var nf normalizeFlags
	var names []string
	for _, f := range nf.registry().Formats() {
		names = append(names, f.Name)
	}
	return names
}

// summary counts what a run read and wrote, over every input.
type summary struct {
	inputs   int
	stats    genai.Stats
	warnings map[string]int64
	formats  map[string]int64
}

func (s *summary) add(st genai.Stats) {
	s.inputs++
	s.stats.Bytes += st.Bytes
	s.stats.Records += st.Records
	s.stats.Events += st.Events
	s.stats.Errors += st.Errors
	s.stats.Skipped += st.Skipped
	s.stats.Held += st.Held
	if s.warnings == nil {
		s.warnings, s.formats = map[string]int64{}, map[string]int64{}
	}
	for k, v := range st.Warnings {
		s.warnings[k] += v
	}
	for k, v := range st.Formats {
		s.formats[k] += v
	}
}

func (s *summary) write(w io.Writer, verb string) {
	fmt.Fprintf(w, "genainorm: %d input(s), %d records, %d documents %s, %d error documents, %d skipped, %d merged\n",
		s.inputs, s.stats.Records, s.stats.Events, verb, s.stats.Errors, s.stats.Skipped, s.stats.Held)
	writeCounts(w, "by format", s.formats)
	writeCounts(w, "warnings", s.warnings)
}

func writeCounts(w io.Writer, title string, m map[string]int64) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%d", k, m[k])
	}
	fmt.Fprintf(w, "genainorm: %s: %s\n", title, strings.Join(parts, " "))
}

// errInput is an input that could not be opened or read; the run goes on with the next input
// and exits 2.
type errInput struct{ err error }

func (e errInput) Error() string { return e.err.Error() }

// eachEvent reads every input in order ("-" or none: standard input) and calls fn for each
// event, error events included, in input order on the calling goroutine. It returns the first
// input error after reading the rest, or the first error fn returns (which stops the run).
func eachEvent(inputs []string, stdin io.Reader, nf *normalizeFlags, stderr io.Writer, sum *summary, fn func(*genai.Event) error) error {
	s := &directSink{fn: fn}
	readErr := readEvents(inputs, stdin, nf, stderr, sum, s)
	if s.err != nil {
		return s.err
	}
	return readErr
}

// eachEventAhead is eachEvent with the inputs read and decoded on a goroutine of its own,
// ahead of fn (see pipe), so that decoding the next events overlaps fn's work on the last
// ones.
func eachEventAhead(inputs []string, stdin io.Reader, nf *normalizeFlags, stderr io.Writer, sum *summary, fn func(*genai.Event) error) error {
	p := newPipe()
	var readErr error
	go func() {
		defer p.done()
		readErr = readEvents(inputs, stdin, nf, stderr, sum, p)
	}()
	fnErr := p.write(fn) // returns once readEvents has returned
	if fnErr != nil {
		return fnErr
	}
	return readErr
}

// eventSink is where readEvents puts the events it decodes.
type eventSink interface {
	// event returns the Event to decode the next record into; nil stops the reading.
	event() *genai.Event
	// add takes the decoded event; false stops the reading.
	add(ev *genai.Event) bool
	// unused gives back an Event from event that was not filled.
	unused(ev *genai.Event)
	// input wraps an input before the Reader reads it.
	input(r io.Reader) io.Reader
}

// directSink calls fn for each event as it is decoded, into one reused Event.
type directSink struct {
	fn  func(*genai.Event) error
	ev  genai.Event
	err error // fn's error, which stopped the reading
}

func (s *directSink) event() *genai.Event { return &s.ev }

func (s *directSink) add(ev *genai.Event) bool {
	s.err = s.fn(ev)
	return s.err == nil
}

func (s *directSink) unused(*genai.Event) {}

func (s *directSink) input(r io.Reader) io.Reader { return r }

// readEvents decodes every input into the events of p. It returns the first input error after
// reading the rest, or nil when p stopped the reading.
func readEvents(inputs []string, stdin io.Reader, nf *normalizeFlags, stderr io.Writer, sum *summary, p eventSink) error {
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	reg := nf.registry()
	var firstErr error
	prog := newProgress(stderr, nf.quiet)
	defer prog.done()
	for _, name := range inputs {
		var r io.Reader = stdin
		var size int64
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintf(stderr, "genainorm: %v\n", err)
				firstErr = cmpErr(firstErr, errInput{err})
				continue
			}
			if fi, err := f.Stat(); err == nil {
				size = fi.Size()
			}
			defer f.Close()
			r = f
		}
		rd, err := genai.NewReader(p.input(r), reg, genai.ReaderOptions{Name: name, Format: nf.format,
			OnSkip: func(pos genai.Position, reason string) {
				if !nf.quiet {
					prog.clear()
					fmt.Fprintf(stderr, "genainorm: %s: skipped: %s\n", pos, reason)
				}
			}})
		if err != nil {
			return errUsage{err}
		}
		prog.start(name, size)
		for {
			ev := p.event()
			if ev == nil {
				sum.add(rd.Stats())
				return nil
			}
			err := rd.Next(ev)
			if err != nil {
				p.unused(ev)
				if err != io.EOF {
					prog.clear()
					fmt.Fprintf(stderr, "genainorm: %v\n", err)
					firstErr = cmpErr(firstErr, errInput{err})
				}
				break
			}
			if !p.add(ev) {
				sum.add(rd.Stats())
				return nil
			}
			prog.tick(rd.Stats())
		}
		sum.add(rd.Stats())
	}
	return firstErr
}

func cmpErr(first, next error) error {
	if first != nil {
		return first
	}
	return next
}

// errUsage is a usage error (exit 2).
type errUsage struct{ err error }

func (e errUsage) Error() string { return e.err.Error() }

// exitCode maps a run's outcome to the documented exit codes.
func exitCode(err error, sum *summary) int {
	var u errUsage
	var in errInput
	switch {
	case errors.As(err, &u), errors.As(err, &in):
		return 2
	case err != nil:
		return 2
	case sum.stats.Errors > 0:
		return 1
	}
	return 0
}

// progress prints a progress line on a terminal for large inputs.
type progress struct {
	w       io.Writer
	on      bool
	name    string
	size    int64
	last    time.Time
	started time.Time
	shown   bool
}

const progressMinSize = 32 << 20

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok && !quiet {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) start(name string, size int64) {
	p.name, p.size, p.started, p.last = name, size, time.Now(), time.Now()
}

func (p *progress) tick(st genai.Stats) {
	if !p.on || st.Events%1024 != 0 || (p.size > 0 && p.size < progressMinSize) {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < time.Second {
		return
	}
	p.last = now
	pct := ""
	if p.size > 0 {
		pct = fmt.Sprintf(" (%.0f%%)", 100*float64(st.Bytes)/float64(p.size))
	}
	mb := float64(st.Bytes) / (1 << 20)
	fmt.Fprintf(p.w, "\r%s: %.0f MiB%s, %d records, %.1f MiB/s   ", p.name, mb, pct, st.Records, mb/now.Sub(p.started).Seconds())
	p.shown = true
}

func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

func (p *progress) done() { p.clear() }
