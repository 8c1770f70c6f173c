package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func init() {
	commands["normalize"] = command{summary: "normalize provider logs into NDJSON documents on stdout", run: runNormalize}
}

const normalizeHelp = `Usage: genainorm normalize [flags] [FILE|-]...

Reads AWS Bedrock model invocation logs, Bedrock CloudTrail events, ApplyGuardrail results, Azure
OpenAI resource logs, API Management gateway logs and Azure OpenAI response bodies — plain or gzip,
NDJSON or JSON documents, CloudWatch Logs / CloudTrail / Event Hub envelopes, formats mixed freely —
and writes one JSON document per logical record to stdout, in input order. A record that cannot be
normalized becomes an error document (event.kind: pipeline_error) and the run goes on.

Exit status: 0 all records normalized, 1 some records became error documents, 2 usage or I/O error.

Examples:
  genainorm normalize testdata/bedrock/converse.ndjson
  genainorm normalize --profile ecs logs/*.json.gz > docs.ndjson
  aws logs tail /aws/bedrock/invocations --format json | genainorm normalize -
  genainorm normalize --format bedrock.cloudtrail --namespace prod trail.json.gz

Flags:
`

func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("normalize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var nf normalizeFlags
	nf.register(fs)
	fs.Usage = func() { fmt.Fprint(stderr, normalizeHelp); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	profile, err := genai.ParseProfile(nf.profile)
	if err != nil {
		fmt.Fprintln(stderr, "genainorm:", err)
		return 2
	}
	r := ecs.Renderer{Profile: profile, Namespace: nf.namespace, KeepOriginal: nf.keepOriginal}
	out := bufio.NewWriterSize(stdout, 1<<20)
	var buf []byte
	var sum summary
	err = eachEvent(fs.Args(), stdin, &nf, stderr, &sum, func(ev *genai.Event) error {
		buf = r.AppendDocument(buf[:0], ev)
		buf = append(buf, '\n')
		_, werr := out.Write(buf)
		return werr
	})
	if ferr := out.Flush(); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		if _, ok := err.(errInput); !ok {
			fmt.Fprintln(stderr, "genainorm:", err)
		}
	}
	if !nf.quiet {
		sum.write(stderr, "written")
	}
	return exitCode(err, &sum)
}
