package bedrock

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// The envelopes that deliver CloudTrail events.
var (
	// CloudTrailRecordsEnvelope opens a CloudTrail log file as written to S3:
	// {"Records":[event, event, ...]} (the Reader already unwraps gzip).
	CloudTrailRecordsEnvelope = &genai.Envelope{
		Name:       "cloudtrail.records",
		Detect:     detectCloudTrailRecords,
		Split:      splitCloudTrailRecords,
		FirstNames: []string{"Records"},
	}
	// EventBridgeCloudTrailEnvelope opens an EventBridge event carrying a CloudTrail event
	// ("detail-type": "AWS API Call via CloudTrail", "AWS Service Event via CloudTrail", ...):
	// the record is its "detail" object.
	EventBridgeCloudTrailEnvelope = &genai.Envelope{
		Name:       "eventbridge.cloudtrail",
		Detect:     detectEventBridgeCloudTrail,
		Split:      splitEventBridge,
		FirstNames: eventBridgeMembers,
	}
)

func init() {
	envelopes = append(envelopes, CloudTrailRecordsEnvelope, EventBridgeCloudTrailEnvelope)
}

var (
	ctRecordsKey     = []byte(`"Records"`)
	ctAmazonawsCom   = []byte(`.amazonaws.com"`)
	ctS3Notification = []byte(`"eventSource":"aws:`)
	ebDetail         = []byte(`"detail"`)
	ebViaCloudTrail  = []byte(`via CloudTrail"`)
)

// detectCloudTrailRecords accepts an object whose first member is "Records" and that holds
// CloudTrail events (an eventSource ending in .amazonaws.com) or none at all; S3 event
// notifications, which also start with "Records", are left alone.
func detectCloudTrailRecords(data []byte) bool {
	i := jsonscan.SkipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	rest := data[jsonscan.SkipSpace(data, i+1):]
	if !bytes.HasPrefix(rest, ctRecordsKey) {
		return false
	}
	if bytes.Contains(data, ctKeyS3Schema) || bytes.Contains(data, ctS3Notification) {
		return false
	}
	if bytes.Contains(data, ctAmazonawsCom) {
		return true
	}
	// An empty log file: {"Records":[]}.
	rest = bytes.TrimLeft(rest[len(ctRecordsKey):], " \t\r\n:")
	rest = bytes.TrimLeft(bytes.TrimPrefix(rest, []byte("[")), " \t\r\n")
	return bytes.HasPrefix(rest, []byte("]"))
}

func splitCloudTrailRecords(data []byte) ([]genai.Record, error) {
	var out []genai.Record
	found := false
	err := eachMember(data, func(dec *jsontext.Decoder, name string) error {
		if name != "Records" || found {
			return dec.SkipValue()
		}
		found = true
		if dec.PeekKind() != '[' {
			return fmt.Errorf("member Records is a JSON %v, not an array", dec.PeekKind())
		}
		if _, err := dec.ReadToken(); err != nil {
			return err
		}
		for i := 0; dec.PeekKind() != ']'; i++ {
			v, err := valueAt(dec, data)
			if err != nil {
				return fmt.Errorf("element Records[%d]: %w", i, err)
			}
			out = append(out, genai.Record{Data: v, Pos: genai.Position{Path: "Records[" + strconv.Itoa(i) + "]"}})
		}
		_, err := dec.ReadToken()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("CloudTrail log file: %w", err)
	}
	if !found {
		return nil, errors.New("CloudTrail log file: no Records member")
	}
	return out, nil
}

func detectEventBridgeCloudTrail(data []byte) bool {
	// An EventBridge event starts with one of its own members, whatever order they were
	// written in: nearly every other record is turned down on its first member name alone.
	if name := firstName(data); name != nil && !isEventBridgeMember(name) {
		return false
	}
	// EventBridge writes "detail-type" among its first members (version, id, detail-type,
	// source, ...), so most records are turned down on their head alone; an event whose keys
	// were sorted on the way starts with "account" and has detail-type after the detail.
	if !bytes.Contains(head(data, ebHeadWindow), ctKeyDetailType) && !bytes.HasPrefix(data, ebSortedStart) {
		return false
	}
	return bytes.Contains(data, ctKeyDetailType) && bytes.Contains(data, ebViaCloudTrail) && bytes.Contains(data, ebDetail)
}

// eventBridgeMembers are the top-level members of an EventBridge event.
var eventBridgeMembers = []string{"version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail", "replay-name"}

// isEventBridgeMember reports whether name (quoted) is a top-level member of an EventBridge
// event.
func isEventBridgeMember(name []byte) bool { return isQuotedIn(name, eventBridgeMembers) }

// ebHeadWindow is how far into a record an EventBridge event's detail-type is looked for.
const ebHeadWindow = 1024

// ebSortedStart starts an EventBridge event serialised with sorted keys.
var ebSortedStart = []byte(`{"account"`)

func splitEventBridge(data []byte) ([]genai.Record, error) {
	var detail []byte
	var when int64
	err := eachMember(data, func(dec *jsontext.Decoder, name string) error {
		switch name {
		case "detail":
			if dec.PeekKind() != '{' {
				return fmt.Errorf("detail is a JSON %v, not an object", dec.PeekKind())
			}
			v, err := valueAt(dec, data)
			detail = v
			return err
		case "time":
			tok, err := dec.ReadToken()
			if err != nil {
				return err
			}
			if t, ok := parseCTTime(tok.String()); ok {
				when = t.UnixMilli()
			}
			return nil
		}
		return dec.SkipValue()
	})
	if err != nil {
		return nil, fmt.Errorf("EventBridge event: %w", err)
	}
	if detail == nil {
		return nil, errors.New("EventBridge event: no detail object")
	}
	return []genai.Record{{Data: detail, Pos: genai.Position{Path: "detail"}, Time: when}}, nil
}

// eachMember calls fn for each member of the top-level object in data, with the decoder
// positioned on the member's value; fn must consume the value.
func eachMember(data []byte, fn func(dec *jsontext.Decoder, name string) error) error {
	dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() != '{' {
		return fmt.Errorf("not a JSON object")
	}
	for dec.PeekKind() != '}' {
		name, err := dec.ReadToken()
		if err != nil {
			return err
		}
		if err := fn(dec, name.String()); err != nil {
			return err
		}
	}
	_, err = dec.ReadToken()
	return err
}

// valueAt reads the next value and returns it as a slice of data (no copy).
func valueAt(dec *jsontext.Decoder, data []byte) ([]byte, error) {
	start := dec.InputOffset()
	if _, err := dec.ReadValue(); err != nil {
		return nil, err
	}
	end := dec.InputOffset()
	if start < 0 || end > int64(len(data)) || start > end {
		return nil, errors.New("value offsets out of range")
	}
	return bytes.TrimLeft(data[start:end], " \t\r\n,:"), nil
}
