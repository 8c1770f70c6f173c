// Command detector is a tiny detector embedded on the normalized events: because every vendor's
// log lands in the same fields with the same values, one rule serves Bedrock guardrails and
// Azure content filters alike.
//
//	go run ./examples/detector testdata/bedrock/guardrails/*.ndjson testdata/azureopenai/*.ndjson
//
// It flags prompt attacks (jailbreaks, prompt injection) that a guardrail or content filter found,
// high-confidence content blocks, Bedrock calls made with a long-term access key or a Bedrock API
// key, and invocation-logging changes (an LLMjacking step).
package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

// alert is one finding.
type alert struct {
	rule, who, what string
}

// rules run over one event and return the alerts it raises.
var rules = []func(ev *genai.Event) []alert{
	func(ev *genai.Event) []alert {
		d := ev.Guardrail.Derive()
		if slices.Contains(d.ViolationCodes, "PROMPT_ATTACK") {
			return []alert{{"prompt-attack", who(ev), fmt.Sprintf("%s on %s (actions %v)", ev.Source.ProviderName, ev.Request.Model.ID, d.PolicyActions)}}
		}
		return nil
	},
	func(ev *genai.Event) []alert {
		for _, a := range ev.Guardrail.Assessments {
			if a.Policy == genai.PolicyContent && a.Action == genai.ActionBlocked && a.Confidence == genai.ConfidenceHigh {
				return []alert{{"high-confidence-content-block", who(ev), a.Type}}
			}
		}
		return nil
	},
	func(ev *genai.Event) []alert {
		var out []alert
		if ev.Identity.LongTermKey.Value {
			out = append(out, alert{"long-term-key", who(ev), ev.Action})
		}
		if ev.Identity.APIKey.Value {
			out = append(out, alert{"bedrock-api-key", who(ev), ev.Action})
		}
		return out
	},
	func(ev *genai.Event) []alert {
		switch ev.Action {
		case "DeleteModelInvocationLoggingConfiguration", "PutModelInvocationLoggingConfiguration":
			return []alert{{"invocation-logging-changed", who(ev), ev.Action + " " + string(ev.Outcome)}}
		}
		return nil
	},
}

func who(ev *genai.Event) string {
	if ev.Identity.UserName != "" {
		return ev.Identity.UserName
	}
	return ev.Identity.UserID
}

func main() {
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	n := 0
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		rd, err := genai.NewReader(f, reg, genai.ReaderOptions{Name: name})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		var ev genai.Event
		for {
			if err := rd.Next(&ev); err == io.EOF {
				break
			} else if err != nil {
				fmt.Fprintln(os.Stderr, err)
				break
			}
			for _, rule := range rules {
				for _, a := range rule(&ev) {
					n++
					fmt.Printf("%s\t%-30s\t%s\t%s\n", ev.Source.Position, a.rule, a.who, a.what)
				}
			}
		}
		f.Close()
	}
	fmt.Fprintf(os.Stderr, "%d alerts\n", n)
}
