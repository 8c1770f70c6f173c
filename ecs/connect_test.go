package ecs

import (
	"context"
	"net"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/internal/esfake"
)

func TestConnectConfigFromEnv(t *testing.T) {
	env := map[string]string{
		EnvURL:      "https://es1.example.com:9200, https://es2.example.com:9200",
		EnvAPIKey:   "a2V5LWlkOmtleS1zZWNyZXQ=",
		EnvUsername: "ingest",
		EnvPassword: "pw-from-env",
		EnvCACert:   "/etc/ssl/es-ca.pem",
	}
	c := ConnectConfigFromEnv(func(k string) string { return env[k] })
	require.Equal(t, []string{"https://es1.example.com:9200", "https://es2.example.com:9200"}, c.URLs)
	require.Equal(t, "a2V5LWlkOmtleS1zZWNyZXQ=", c.APIKey)
	require.Equal(t, "ingest", c.Username)
	require.Equal(t, "/etc/ssl/es-ca.pem", c.CACert)

	// Flags override the environment; a Cloud ID replaces URLs.
	o := c.Override(ConnectConfig{CloudID: "my-deployment:ZXhhbXBsZS5jb20kYWJjJGRlZg==", Username: "other", Password: "pw-from-flag"})
	require.Empty(t, o.URLs)
	require.Equal(t, "other", o.Username)
	require.Equal(t, "pw-from-flag", o.Password)

	s := c.String() + " " + o.String()
	for _, secret := range []string{"a2V5LWlkOmtleS1zZWNyZXQ=", "pw-from-env", "pw-from-flag"} {
		require.NotContains(t, s, secret)
	}
	require.Contains(t, o.String(), "Elastic Cloud deployment my-deployment")
}

func TestConnectURLUserinfoIsNeverShown(t *testing.T) {
	c := ConnectConfig{URLs: []string{"https://elastic:hunter2-secret@es.example.com:9200"}}
	require.Equal(t, "https://es.example.com:9200 with basic authentication", c.String())
	urls, user, pass := c.credentials()
	require.Equal(t, []string{"https://es.example.com:9200"}, urls)
	require.Equal(t, "elastic", user)
	require.Equal(t, "hunter2-secret", pass)
}

func TestConnect(t *testing.T) {
	srv := esfake.New(esfake.WithAPIKey("right-key-value"))
	defer srv.Close()
	ctx := context.Background()

	_, info, err := Connect(ctx, ConnectConfig{URLs: []string{srv.URL}, APIKey: "right-key-value"})
	require.NoError(t, err)
	require.Equal(t, esfake.Version, info.Version.Number)

	_, _, err = Connect(ctx, ConnectConfig{URLs: []string{srv.URL}, APIKey: "wrong-key-value"})
	require.ErrorIs(t, err, ErrUnauthorized)
	require.ErrorContains(t, err, "rejected the credentials")
	require.NotContains(t, err.Error(), "wrong-key-value")

	basic := esfake.New(esfake.WithBasicAuth("ingest", "right-password"))
	defer basic.Close()
	_, _, err = Connect(ctx, ConnectConfig{URLs: []string{basic.URL}, Username: "ingest", Password: "right-password"})
	require.NoError(t, err)
	_, _, err = Connect(ctx, ConnectConfig{URLs: []string{basic.URL}, Username: "ingest", Password: "bad-password"})
	require.ErrorIs(t, err, ErrUnauthorized)
	require.NotContains(t, err.Error(), "bad-password")
	// Credentials in the URL work the same and are not echoed either.
	u := "http://ingest:bad-password@" + basic.URL[len("http://"):]
	_, _, err = Connect(ctx, ConnectConfig{URLs: []string{u}})
	require.ErrorIs(t, err, ErrUnauthorized)
	require.NotContains(t, err.Error(), "bad-password")
	_, _, err = Connect(ctx, ConnectConfig{URLs: []string{"http://ingest:right-password@" + basic.URL[len("http://"):]}})
	require.NoError(t, err)
}

func TestConnectUnreachableAndNotElasticsearch(t *testing.T) {
	ctx := context.Background()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	_, _, err = Connect(ctx, ConnectConfig{URLs: []string{"http://" + addr}, APIKey: "some-key-value"})
	require.ErrorContains(t, err, "cannot reach Elasticsearch")
	require.ErrorContains(t, err, addr)
	require.NotContains(t, err.Error(), "some-key-value")

	other := esfake.New(esfake.WithoutProductHeader())
	defer other.Close()
	_, _, err = Connect(ctx, ConnectConfig{URLs: []string{other.URL}})
	require.ErrorContains(t, err, "not Elasticsearch")

	_, err = NewClient(ConnectConfig{URLs: []string{"es.example.com:9200"}})
	require.ErrorContains(t, err, "invalid Elasticsearch URL")
	_, err = NewClient(ConnectConfig{URLs: []string{"https://es.example.com"}, CloudID: "x:eA=="})
	require.ErrorContains(t, err, "not both")
	_, err = NewClient(ConnectConfig{URLs: []string{"https://es.example.com"}, CACert: "-----BEGIN CERTIFICATE-----\nnot a cert\n-----END CERTIFICATE-----\n"})
	require.ErrorContains(t, err, "no PEM certificate")
}
