package ecs

import (
	"context"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/esfake"
)

func TestSetupInstallsTemplatesInOrder(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	es, err := NewClient(ConnectConfig{URLs: []string{srv.URL}})
	require.NoError(t, err)
	require.NoError(t, Setup(context.Background(), es, genai.ProfileElastic))

	var puts []string
	for _, c := range srv.Calls() {
		if strings.HasPrefix(c, "PUT ") {
			puts = append(puts, strings.TrimPrefix(c, "PUT "))
		}
	}
	want := []string{"/_component_template/" + ComponentTemplateName(genai.ProfileElastic)}
	for _, ds := range Datasets {
		want = append(want, "/_index_template/"+IndexTemplateName(ds, genai.ProfileElastic))
	}
	require.Equal(t, want, puts, "component template first, then the index templates composed of it")

	for _, tpl := range Templates(genai.ProfileElastic) {
		var got []byte
		if tpl.Kind == KindComponent {
			got = srv.ComponentTemplate(tpl.Name)
		} else {
			got = srv.IndexTemplate(tpl.Name)
		}
		require.Equal(t, string(tpl.Body), string(got), tpl.Name)
	}
	// Installing again replaces (same bodies, no error).
	require.NoError(t, Setup(context.Background(), es, genai.ProfileElastic))
}

func TestInstallTemplatesOrderMatters(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	es, err := NewClient(ConnectConfig{URLs: []string{srv.URL}})
	require.NoError(t, err)
	tpls := Templates(genai.ProfileElastic)
	// Index templates before the component template they are composed of: Elasticsearch refuses.
	reversed := append(append([]Template(nil), tpls[1:]...), tpls[0])
	err = InstallTemplates(context.Background(), es, reversed)
	require.ErrorContains(t, err, "that do not exist")
	var re *RequestError
	require.ErrorAs(t, err, &re)
	require.Equal(t, 400, re.Status)
}

func TestSetupAuthFailure(t *testing.T) {
	srv := esfake.New(esfake.WithForbidden("/_component_template", "/_index_template"))
	defer srv.Close()
	es, err := NewClient(ConnectConfig{URLs: []string{srv.URL}})
	require.NoError(t, err)
	err = Setup(context.Background(), es, genai.ProfileElastic)
	require.ErrorIs(t, err, ErrUnauthorized)
	require.ErrorContains(t, err, "lack a privilege")
}

func TestCheckTemplatesReportsGoverningTemplate(t *testing.T) {
	srv := esfake.New()
	defer srv.Close()
	es, err := NewClient(ConnectConfig{URLs: []string{srv.URL}})
	require.NoError(t, err)
	ctx := context.Background()

	gov, err := CheckTemplates(ctx, es, "")
	require.NoError(t, err)
	require.Len(t, gov, len(Datasets))
	for _, g := range gov {
		require.Empty(t, g.Template, g.DataStream)
		require.Contains(t, g.String(), "no index template matches")
	}

	require.NoError(t, Setup(ctx, es, genai.ProfileElastic))
	// An installed Fleet integration has its own template for one of our data streams, at 200.
	fleet, err := json.Marshal(map[string]any{
		"index_patterns": []string{"logs-aws_bedrock.invocation-*"},
		"priority":       200,
		"data_stream":    map[string]any{},
		"_meta":          map[string]any{"managed_by": "fleet", "managed": true, "package": map[string]any{"name": "aws_bedrock"}},
	})
	require.NoError(t, err)
	srv.PutIndexTemplate("logs-aws_bedrock.invocation", fleet)

	gov, err = CheckTemplates(ctx, es, "default")
	require.NoError(t, err)
	byDS := map[string]Governance{}
	for _, g := range gov {
		byDS[g.DataStream] = g
	}
	bedrock := byDS["logs-aws_bedrock.invocation-default"]
	require.Equal(t, "logs-aws_bedrock.invocation", bedrock.Template, "Fleet's integration template wins over ours")
	require.Equal(t, 200, bedrock.Priority)
	require.False(t, bedrock.Ours)
	require.Equal(t, "aws_bedrock", bedrock.Package)
	require.Equal(t, []string{IndexTemplateName(genai.DatasetBedrockInvocation, genai.ProfileElastic)}, bedrock.Overlapping)

	ct := byDS["logs-aws.cloudtrail-default"]
	require.Equal(t, IndexTemplateName(genai.DatasetCloudTrail, genai.ProfileElastic), ct.Template)
	require.True(t, ct.Ours)
	require.True(t, ct.DataStreamEnabled)
	require.Equal(t, TemplatePriority, ct.Priority)
	require.Contains(t, ct.String(), "governed by genainorm-elastic-aws.cloudtrail (priority 150, genainorm)")
}
