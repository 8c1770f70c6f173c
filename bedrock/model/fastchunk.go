package model

import (
	"bytes"
	"encoding/binary"
	"unsafe"
)

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
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

// textOf returns the text of the raw JSON string v, or ok false when v is not exactly one
// valid JSON string (the scanner's rules: escapes checked, control bytes refused, any other
// byte kept). The text aliases v when v has no escapes, else d's scratch buffer: it is only
// valid until the next chunk.
func (d *decoder) textOf(v []byte) (text string, ok bool) {
	n := len(v) - 1 // the closing quote
	plain := true
	for i := 1; i < n; i++ {
		// Eight bytes at a time while none is a quote, a backslash or a control byte.
		for i+8 <= n {
			w := binary.LittleEndian.Uint64(v[i:])
			q, b := w^(lsb*'"'), w^(lsb*'\\')
			if ((q-lsb)&^q|(b-lsb)&^b|(w-lsb*0x20)&^w)&msb != 0 {
				break
			}
			i += 8
		}
		if i >= n {
			break
		}
		switch c := v[i]; {
		case c == '"' || c < 0x20:
			return "", false
		case c == '\\':
			plain = false
			i++
			if i >= n {
				return "", false
			}
			switch v[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= n || !isHex(v[i+1]) || !isHex(v[i+2]) || !isHex(v[i+3]) || !isHex(v[i+4]) {
					return "", false
				}
				i += 4
			default:
				return "", false
			}
		}
	}
	if plain {
		return unsafe.String(unsafe.SliceData(v[1:n]), n-1), true
	}
	d.scratch = appendUnquoted(d.scratch[:0], v)
	return unsafe.String(unsafe.SliceData(d.scratch), len(d.scratch)), true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
