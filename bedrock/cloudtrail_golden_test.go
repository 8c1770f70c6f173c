package bedrock_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

// TestCloudTrailGolden renders every CloudTrail fixture in both profiles and compares the
// documents with testdata/bedrock/cloudtrail/golden/<fixture>.<profile>.ndjson (rewrite with
// go test ./bedrock -run TestCloudTrailGolden -update, then review the diff).
func TestCloudTrailGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(ctDir, "*.*json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, path := range files {
		for _, profile := range genai.Profiles {
			name := filepath.Base(path)
			t.Run(name+"/"+profile.String(), func(t *testing.T) {
				got := golden.Documents(t, ctRegistry(false), path, profile)
				require.NotContains(t, string(got), `"pipeline_error"`)
				base := strings.TrimSuffix(name, filepath.Ext(name))
				golden.Check(t, filepath.Join(ctDir, "golden", base+"."+profile.String()+".ndjson"), got)
			})
		}
	}
}
