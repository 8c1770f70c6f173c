package model

import (
	"bytes"
	"unsafe"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// Most chunks of an Anthropic Messages stream are text deltas, written by Bedrock in one
// fixed layout:
//
//	{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"..."}}
//
// A chunk of exactly that layout is read by matching its bytes instead of walking its tokens;
// anything else (other members, other order, whitespace, an odd index) takes the general path.
var (
	textDeltaHead = []byte(`{"type":"content_block_delta","index":`)
	textDeltaMid  = []byte(`,"delta":{"type":"text_delta","text":`)
	textDeltaTail = []byte(`}}`)
)

// textDelta reads a text-delta chunk of the fixed layout: the block index and the raw JSON
// string of the text (quotes and escapes included). ok is false when c has another layout,
// and then nothing is read.
func textDelta(c []byte) (index int64, text []byte, ok bool) {
	if !bytes.HasPrefix(c, textDeltaHead) || !bytes.HasSuffix(c, textDeltaTail) {
		return 0, nil, false
	}
	i := len(textDeltaHead)
	// A non-negative integer without leading zeros, short enough to be exact.
	start := i
	for i < len(c) && c[i] >= '0' && c[i] <= '9' && i-start < 9 {
		index = index*10 + int64(c[i]-'0')
		i++
	}
	if i == start || (c[start] == '0' && i-start > 1) {
		return 0, nil, false
	}
	if !bytes.HasPrefix(c[i:], textDeltaMid) {
		return 0, nil, false
	}
	text = c[i+len(textDeltaMid) : len(c)-len(textDeltaTail)]
	if len(text) < 2 || text[0] != '"' || text[len(text)-1] != '"' {
		return 0, nil, false
	}
	return index, text, true
}

// textOf returns the text of the raw JSON string v, which was validated. It aliases v when v
// has no escapes, else d's scratch buffer: the result is only valid until the next chunk.
func (d *decoder) textOf(v []byte) string {
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return unsafe.String(unsafe.SliceData(inner), len(inner))
	}
	d.scratch = jsonscan.AppendUnquote(d.scratch[:0], v)
	return unsafe.String(unsafe.SliceData(d.scratch), len(d.scratch))
}

// validString reports whether v is exactly one valid JSON string.
func (d *decoder) validString(v []byte) bool {
	d.Reset(v)
	s, err := d.ReadValue()
	d.Reset(nil)
	return err == nil && len(s) == len(v)
}
