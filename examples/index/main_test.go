package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/esfake"
)

func TestRun(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	dl := filepath.Join(t.TempDir(), "dl.ndjson")
	input := filepath.Join("..", "..", "testdata", "bedrock", "converse.ndjson")
	cc := ecs.ConnectConfig{URLs: []string{srv.URL}}

	st, err := run(context.Background(), cc, true, dl, []string{input})
	require.NoError(t, err)
	require.Positive(t, st.Indexed)
	require.Equal(t, int(st.Indexed), srv.Count("logs-aws_bedrock.invocation-default"))
	require.NotNil(t, srv.IndexTemplate(ecs.IndexTemplateName(genai.DatasetBedrockInvocation, genai.ProfileElastic)))

	again, err := run(context.Background(), cc, false, dl, []string{input})
	require.NoError(t, err)
	require.Equal(t, int64(0), again.Indexed)
	require.Equal(t, st.Indexed, again.Duplicate)
	data, err := os.ReadFile(dl)
	require.NoError(t, err)
	require.Empty(t, data)
}
