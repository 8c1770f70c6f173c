package bedrock

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// CloudWatch Logs delivers Bedrock invocation logs to subscribers (Lambda, Firehose, Kinesis)
// as a subscription payload:
//
//	{"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"...","logStream":"aws/bedrock/modelinvocations",
//	 "subscriptionFilters":["..."],"logEvents":[{"id":"...","timestamp":1713480897000,"message":"<one record as a JSON string>"}]}
//
// gzip-compressed as a whole (genai.Reader unwraps gzip by its magic bytes), and, for Lambda,
// base64-encoded inside {"awslogs":{"data":"..."}}. CONTROL_MESSAGE payloads (health checks
// of the destination) carry no records and are skipped.

// Envelope names.
const (
	EnvelopeCloudWatch = "cloudwatch.logs"
	EnvelopeAWSLogs    = "cloudwatch.awslogs"
)

// maxAWSLogsPayload caps the decompressed size of one {"awslogs":{"data":...}} payload
// (CloudWatch caps the compressed payload at 1 MB; this guards against gzip bombs).
const maxAWSLogsPayload = 64 << 20

var (
	ivKeyLogEvents   = []byte(`"logEvents"`)
	ivKeyDataMessage = []byte(`"DATA_MESSAGE"`)
	ivKeyControlMsg  = []byte(`"CONTROL_MESSAGE"`)
	ivKeyMessageType = []byte(`"messageType"`)
	ivKeyAWSLogs     = []byte(`"awslogs"`)
)

func init() {
	envelopes = append(envelopes,
		&genai.Envelope{Name: EnvelopeCloudWatch, Detect: detectCloudWatch, Split: splitCloudWatch,
			FirstNames: cloudWatchMembers},
		&genai.Envelope{Name: EnvelopeAWSLogs, Detect: detectAWSLogs, Split: splitAWSLogs,
			FirstNames: []string{"awslogs"}},
	)
	formats = append(formats, &genai.Format{
		Name:        "cloudwatch.control",
		Description: "CloudWatch Logs subscription CONTROL_MESSAGE payloads (destination health checks), skipped",
		Detect:      detectControlMessage,
		NewDecoder: func() genai.Decoder {
			return ivSkipDecoder("CloudWatch Logs CONTROL_MESSAGE (destination health check)")
		},
	})
}

// headWindow is how far into a record the cheap envelope detectors look: AWS writes
// messageType first, and a key-sorting re-serializer writes logEvents first.
const headWindow = 512

func head(data []byte, n int) []byte {
	if len(data) > n {
		return data[:n]
	}
	return data
}

func detectCloudWatch(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	// Nearly every record is turned down on its first member name alone: a subscription
	// payload starts with one of its own members, whatever order they were written in.
	if name := firstName(data); name != nil && !isCloudWatchMember(name) {
		return false
	}
	h := head(data, headWindow)
	if !bytes.Contains(h, ivKeyMessageType) && !bytes.Contains(head(data, 64), ivKeyLogEvents) {
		return false
	}
	return bytes.Contains(h, ivKeyDataMessage) || bytes.Contains(data, ivKeyDataMessage)
}

func detectControlMessage(data []byte) bool {
	if len(data) == 0 || data[0] != '{' || len(data) > 64<<10 {
		return false
	}
	return bytes.Contains(data, ivKeyMessageType) && bytes.Contains(data, ivKeyControlMsg)
}

func detectAWSLogs(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	// Cheap: the key must be the first member.
	rest := data[jsonscan.SkipSpace(data, 1):]
	return bytes.HasPrefix(rest, ivKeyAWSLogs)
}

// cloudWatchMembers are the members of a CloudWatch Logs subscription payload.
var cloudWatchMembers = []string{"messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents", "policyLevel"}

// isCloudWatchMember reports whether name (quoted) is a member of a CloudWatch Logs
// subscription payload.
func isCloudWatchMember(name []byte) bool { return isQuotedIn(name, cloudWatchMembers) }

// isQuotedIn reports whether name, quoted, is one of names.
func isQuotedIn(name []byte, names []string) bool {
	if len(name) < 2 || name[len(name)-1] != '"' {
		return false
	}
	return slices.Contains(names, string(name[1:len(name)-1]))
}

// firstName returns the name of the first member of the object data starts with (after
// optional white space), as written, quotes included (`"Records"`). It returns nil when data
// does not start with an object, the object is empty or broken, or the name holds an escape:
// the envelope detectors then fall back to their full search, so that a name they cannot
// read at a glance never turns an envelope down. A name longer than any envelope's member
// names is returned cut short, without its closing quote: it matches none of them either.
func firstName(data []byte) []byte {
	i := jsonscan.SkipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil
	}
	i = jsonscan.SkipSpace(data, i+1)
	if i >= len(data) || data[i] != '"' {
		return nil
	}
	end := min(len(data), i+maxMemberName)
	for j := i + 1; j < end; j++ {
		switch data[j] {
		case '"':
			return data[i : j+1]
		case '\\':
			return nil
		}
	}
	if end == len(data) {
		return nil // the name does not end
	}
	return data[i:end]
}

// maxMemberName bounds the length of the names firstName reads to the end: longer than any
// member name of an envelope, quotes included.
const maxMemberName = 32

// splitCloudWatch returns one record per log event; the record is the event's message (a
// JSON string holding one invocation log record) and its Time is the event's timestamp.
func splitCloudWatch(data []byte) ([]genai.Record, error) {
	dec := jsonscan.NewDecoder(data)
	var recs []genai.Record
	messageType := ""
	err := jEachMember(dec, func(name []byte) error {
		switch string(name) {
		case `"messageType"`:
			v, err := dec.ReadValue()
			messageType = jsonscan.Text(v)
			return err
		case `"logEvents"`:
			return jEachElement(dec, func(i int) error {
				var rec genai.Record
				err := jEachMember(dec, func(name []byte) error {
					switch string(name) {
					case `"timestamp"`:
						v, err := dec.ReadValue()
						if n, ok := jsonscan.Int(v); ok {
							rec.Time = n
						}
						return err
					case `"message"`:
						v, err := dec.ReadValue()
						if err != nil {
							return err
						}
						rec.Data = messageBytes(v)
						return nil
					}
					return dec.SkipValue()
				})
				if err != nil {
					return fmt.Errorf("logEvents[%d]: %w", i, err)
				}
				rec.Pos.Path = "logEvents[" + strconv.Itoa(i) + "]"
				rec.Envelope = EnvelopeCloudWatch
				recs = append(recs, rec)
				return nil
			})
		}
		return dec.SkipValue()
	})
	if err != nil {
		return nil, err
	}
	if messageType != "DATA_MESSAGE" {
		return nil, fmt.Errorf("messageType %q is not DATA_MESSAGE", messageType)
	}
	return recs, nil
}

// messageBytes returns the text of a log event's message: the unquoted string, or the raw
// value when the message is already a JSON object (as some re-shippers write it).
func messageBytes(v jsontext.Value) []byte {
	if len(v) > 0 && v[0] == '"' {
		b, err := jsontext.AppendUnquote(nil, v)
		if err != nil {
			return bytes.Clone(v[1 : len(v)-1])
		}
		return bytes.TrimSpace(b)
	}
	return bytes.Clone(v)
}

// splitAWSLogs decodes the Lambda form {"awslogs":{"data":"<base64 of gzip of payload>"}}
// into one record holding the payload (itself a CloudWatch envelope).
func splitAWSLogs(data []byte) ([]genai.Record, error) {
	dec := jsonscan.NewDecoder(data)
	var encoded []byte
	err := jEachMember(dec, func(name []byte) error {
		if string(name) != `"awslogs"` {
			return dec.SkipValue()
		}
		return jEachMember(dec, func(name []byte) error {
			if string(name) != `"data"` {
				return dec.SkipValue()
			}
			v, err := dec.ReadValue()
			if err == nil {
				if len(v) == 0 || v[0] != '"' {
					return errors.New("awslogs.data is not a string")
				}
				encoded, err = jsontext.AppendUnquote(nil, v)
			}
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	if encoded == nil {
		return nil, errors.New("awslogs.data is missing")
	}
	raw := make([]byte, base64.StdEncoding.DecodedLen(len(encoded)))
	n, err := base64.StdEncoding.Decode(raw, encoded)
	if err != nil {
		return nil, fmt.Errorf("awslogs.data: base64: %w", err)
	}
	raw = raw[:n]
	payload := raw
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("awslogs.data: gzip: %w", err)
		}
		payload, err = io.ReadAll(io.LimitReader(zr, maxAWSLogsPayload+1))
		if err != nil {
			return nil, fmt.Errorf("awslogs.data: gzip: %w", err)
		}
		if len(payload) > maxAWSLogsPayload {
			return nil, fmt.Errorf("awslogs.data: decompressed payload exceeds %d bytes", maxAWSLogsPayload)
		}
	}
	payload = bytes.TrimSpace(payload)
	return []genai.Record{{Data: payload, Pos: genai.Position{Path: "awslogs.data"}, Envelope: EnvelopeAWSLogs}}, nil
}

// ivSkipDecoder skips every record with one reason.
type ivSkipDecoder string

func (s ivSkipDecoder) Decode(*genai.Record, *genai.Event) error { return genai.Skip(string(s)) }
