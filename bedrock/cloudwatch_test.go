package bedrock

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

func TestCloudWatchPayload(t *testing.T) {
	evs, skips, st := readEvents(t, "cloudwatch_payload.json")
	require.Empty(t, skips)
	require.Zero(t, st.Errors)
	require.Len(t, evs, 2)
	require.Equal(t, "Converse", evs[0].Action)
	require.Equal(t, "InvokeModelWithResponseStream", evs[1].Action)
	for i, ev := range evs {
		require.Equal(t, EnvelopeCloudWatch, ev.Source.Envelope)
		require.Equal(t, []string{"logEvents[0]", "logEvents[1]"}[i], ev.Source.Position.Path)
		require.Equal(t, genai.DatasetBedrockInvocation, ev.Source.Dataset)
	}
	// The record's own timestamp wins over the log event's.
	require.Equal(t, time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC), evs[0].Time)
}

func TestCloudWatchAWSLogs(t *testing.T) {
	evs, skips, st := readEvents(t, "cloudwatch_awslogs.json")
	require.Empty(t, skips)
	require.Zero(t, st.Errors)
	require.Len(t, evs, 2)
	require.Equal(t, "amazon.titan-text-express-v1", evs[0].Request.Model.ID)
	require.Equal(t, "awslogs.data.logEvents[0]", evs[0].Source.Position.Path)
	require.Equal(t, EnvelopeCloudWatch, evs[0].Source.Envelope)
	// The second record has no timestamp of its own: the log event's is used.
	require.Equal(t, time.UnixMilli(1772450001000).UTC(), evs[1].Time)
	require.Equal(t, "ThrottlingException", evs[1].Response.ErrorCode)
}

func TestCloudWatchControlAndS3Objects(t *testing.T) {
	for _, tc := range []struct {
		file   string
		reason string
	}{
		{"cloudwatch_control.json", "CloudWatch Logs CONTROL_MESSAGE (destination health check)"},
		{"s3_sidecar_input.json", SkipReasonSidecar},
		{"s3_sidecar_output.json", SkipReasonSidecar},
		{"s3_permission_check.txt", SkipReasonPermissionCheck},
	} {
		t.Run(tc.file, func(t *testing.T) {
			evs, skips, st := readEvents(t, tc.file)
			require.Empty(t, evs)
			require.Equal(t, []string{tc.reason}, skips)
			require.Equal(t, int64(1), st.Skipped)
		})
	}
}

func TestGzipNDJSON(t *testing.T) {
	evs, _, st := readEvents(t, "s3_records.ndjson.gz")
	require.Zero(t, st.Errors)
	require.Len(t, evs, 3)
	require.Equal(t, []string{"InvokeModel", "Converse", "ConverseStream"}, []string{evs[0].Action, evs[1].Action, evs[2].Action})
}

func TestSplitAWSLogsErrors(t *testing.T) {
	for _, data := range []string{
		`{"awslogs":{"data":"!!!"}}`,
		`{"awslogs":{"data":42}}`,
		`{"awslogs":{}}`,
		`{"awslogs":{"data":"H4sIAAAAAAAA"}}`,
	} {
		_, err := splitAWSLogs([]byte(data))
		require.Error(t, err, data)
	}
	_, err := splitCloudWatch([]byte(`{"messageType":"DATA_MESSAGE","logEvents":[{"message":"{}"}, 3]}`))
	require.Error(t, err)
}

func TestDetectSkips(t *testing.T) {
	require.True(t, detectSidecar([]byte(`{"messages":[],"inferenceConfig":{}}`)))
	require.False(t, detectSidecar([]byte(`{"schemaType":"ModelInvocationLog","inferenceConfig":{}}`)))
	require.False(t, detectSidecar([]byte(`{"action":"NONE","assessments":[],"stopReason":"x"}`)))
	require.False(t, detectSidecar([]byte(`{"id":"chatcmpl-1","choices":[]}`)))
	require.True(t, detectPermissionCheck([]byte("amazon-bedrock-logs-permission-check")))
	require.True(t, detectControlMessage([]byte(`{"messageType":"CONTROL_MESSAGE","logEvents":[]}`)))
	require.False(t, detectCloudWatch([]byte(`{"messageType":"CONTROL_MESSAGE","logEvents":[]}`)))
	require.True(t, detectAWSLogs([]byte(`{ "awslogs": {"data":""}}`)))
	require.False(t, detectAWSLogs([]byte(`{"x":"awslogs"}`)))
}
