package fieldsdoc_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/fieldsdoc"
)

// The committed docs must be what `go generate ./...` produces from the current registry.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	files, err := fieldsdoc.Files()
	require.NoError(t, err)
	docs := filepath.Join("..", "..", "docs")
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(docs, filepath.FromSlash(name)))
		require.NoError(t, err, "docs/%s is missing: run go generate ./...", name)
		require.True(t, bytes.Equal(want, got), "docs/%s is stale: run go generate ./... and commit the result", name)
	}
	// No template file is left over from fields or datasets that no longer exist.
	entries, err := filepath.Glob(filepath.Join(docs, "templates", "*", "*.json"))
	require.NoError(t, err)
	for _, e := range entries {
		rel, _ := filepath.Rel(docs, e)
		_, ok := files[filepath.ToSlash(rel)]
		require.True(t, ok, "docs/%s is not generated any more: run go generate ./...", rel)
	}
}

func TestMarkdownListsEveryField(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, fieldsdoc.WriteMarkdown(&b))
	for _, f := range genai.Fields() {
		require.Contains(t, b.String(), "| `"+f.Name+"` |")
	}
	require.False(t, strings.Contains(b.String(), "## Other fields"), "every field belongs to a documented group")
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, fieldsdoc.WriteJSON(&b))
	var infos []fieldsdoc.FieldInfo
	require.NoError(t, json.Unmarshal(b.Bytes(), &infos))
	require.Len(t, infos, len(genai.Fields()))
	for _, fi := range infos {
		require.NotEmpty(t, fi.Type, fi.Name)
		require.NotEmpty(t, fi.Profiles, fi.Name)
	}
}
