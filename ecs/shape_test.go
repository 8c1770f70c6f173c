package ecs

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// A shape lists the fields of its set in name order, its text is the document's JSON without
// values, and the cache stays within maxShapes.
func TestShapeCache(t *testing.T) {
	kt := keys()
	n := len(genai.Fields())
	var c shapeCache
	bitsOf := func(ords ...int) []uint64 {
		b := make([]uint64, (n+63)/64)
		for _, o := range ords {
			b[o/64] |= 1 << (o % 64)
		}
		return b
	}
	for ord := range n {
		sh := c.get(bitsOf(ord), kt)
		require.Equal(t, []uint16{uint16(ord)}, sh.ords)
		require.LessOrEqual(t, len(c.m), maxShapes)
		// The text with a value after the field's key is one valid document.
		doc := append(append(append([]byte(nil), sh.text[:sh.ends[0]]...), "1"...), sh.text[sh.ends[0]:]...)
		require.True(t, json.Valid(doc), "%s", doc)
	}
	last := bitsOf(n - 1)
	require.Same(t, c.get(last, kt), c.get(last, kt), "a shape is built once")

	ords := []int{0, 1, n / 2, n - 1}
	sh := c.get(bitsOf(ords...), kt)
	require.Equal(t, []uint16{0, 1, uint16(n / 2), uint16(n - 1)}, sh.ords)
	doc := []byte(nil)
	prev := uint32(0)
	for _, end := range sh.ends {
		doc = append(append(doc, sh.text[prev:end]...), "true"...)
		prev = end
	}
	doc = append(doc, sh.text[prev:]...)
	var m map[string]any
	require.NoError(t, json.Unmarshal(doc, &m), "%s", doc)
}
