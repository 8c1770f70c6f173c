package ecs

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/go-json-experiment/json"
)

// The environment variables ConnectConfigFromEnv reads.
const (
	EnvURL      = "ELASTICSEARCH_URL"      // one or more URLs, comma separated
	EnvAPIKey   = "ELASTICSEARCH_API_KEY"  // base64 "id:key" API key
	EnvUsername = "ELASTICSEARCH_USERNAME" // basic authentication
	EnvPassword = "ELASTICSEARCH_PASSWORD" //
	EnvCloudID  = "ELASTICSEARCH_CLOUD_ID" // Elastic Cloud deployment id
	EnvCACert   = "ELASTICSEARCH_CA_CERT"  // path of a PEM CA certificate, or the PEM text
)

// ConnectConfig says how to reach Elasticsearch. Credentials set here are sent in headers and
// never appear in errors or in String.
type ConnectConfig struct {
	// URLs are the node URLs (https://localhost:9200). User information in a URL is moved to
	// Username and Password.
	URLs []string
	// CloudID is an Elastic Cloud deployment id, instead of URLs.
	CloudID string
	// APIKey is a base64-encoded API key; it takes precedence over Username and Password.
	APIKey string
	// Username and Password are for basic authentication.
	Username string
	Password string
	// CACert is a PEM CA certificate, or the path of a file holding one, to verify the server.
	CACert string
	// CertificateFingerprint is the hex SHA-256 fingerprint of the server's (or its CA's)
	// certificate, as Elasticsearch prints it at first start; it replaces CA verification.
	CertificateFingerprint string
	// Transport, when set, is the HTTP transport (for tests and proxies).
	Transport http.RoundTripper
	// Timeout bounds each HTTP request; zero means 90 seconds.
	Timeout time.Duration
}

// ConnectConfigFromEnv reads the ELASTICSEARCH_* environment variables with getenv (os.Getenv
// when nil).
func ConnectConfigFromEnv(getenv func(string) string) ConnectConfig {
	if getenv == nil {
		getenv = os.Getenv
	}
	var c ConnectConfig
	for _, u := range strings.Split(getenv(EnvURL), ",") {
		if u = strings.TrimSpace(u); u != "" {
			c.URLs = append(c.URLs, u)
		}
	}
	c.APIKey = getenv(EnvAPIKey)
	c.Username = getenv(EnvUsername)
	c.Password = getenv(EnvPassword)
	c.CloudID = getenv(EnvCloudID)
	c.CACert = getenv(EnvCACert)
	return c
}

// Override returns c with every non-empty setting of o replacing c's (flags over environment).
func (c ConnectConfig) Override(o ConnectConfig) ConnectConfig {
	if len(o.URLs) > 0 {
		c.URLs, c.CloudID = o.URLs, ""
	}
	if o.CloudID != "" {
		c.CloudID, c.URLs = o.CloudID, nil
	}
	if o.APIKey != "" {
		c.APIKey = o.APIKey
	}
	if o.Username != "" {
		c.Username, c.Password = o.Username, o.Password
	}
	if o.Password != "" {
		c.Password = o.Password
	}
	if o.CACert != "" {
		c.CACert = o.CACert
	}
	if o.CertificateFingerprint != "" {
		c.CertificateFingerprint = o.CertificateFingerprint
	}
	if o.Transport != nil {
		c.Transport = o.Transport
	}
	if o.Timeout != 0 {
		c.Timeout = o.Timeout
	}
	return c
}

// String describes the target and the kind of authentication, without any secret.
func (c ConnectConfig) String() string {
	target := "http://localhost:9200 (default)"
	switch {
	case c.CloudID != "":
		name, _, _ := strings.Cut(c.CloudID, ":")
		target = "Elastic Cloud deployment " + name
	case len(c.URLs) > 0:
		urls := make([]string, len(c.URLs))
		for i, u := range c.URLs {
			urls[i], _, _ = splitUserinfo(u)
		}
		target = strings.Join(urls, ", ")
	}
	auth := "no authentication"
	_, user, pass := c.credentials()
	switch {
	case c.APIKey != "":
		auth = "API key"
	case user != "" || pass != "":
		auth = "basic authentication"
	}
	return target + " with " + auth
}

// credentials returns the URLs without user information and the effective basic credentials.
func (c ConnectConfig) credentials() (urls []string, user, pass string) {
	user, pass = c.Username, c.Password
	for _, u := range c.URLs {
		clean, uu, up := splitUserinfo(u)
		urls = append(urls, clean)
		if user == "" && uu != "" {
			user, pass = uu, up
		}
	}
	return urls, user, pass
}

// splitUserinfo removes user:password@ from a URL.
func splitUserinfo(raw string) (clean, user, pass string) {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		if err != nil {
			// Do not echo an unparsable URL: it may hold a password.
			if i := strings.LastIndex(raw, "@"); i >= 0 {
				if j := strings.Index(raw, "://"); j >= 0 && j < i {
					return raw[:j+3] + raw[i+1:], "", ""
				}
				return raw[i+1:], "", ""
			}
		}
		return raw, "", ""
	}
	user = u.User.Username()
	pass, _ = u.User.Password()
	u.User = nil
	return u.String(), user, pass
}

// secrets returns the values that must never be printed.
func (c ConnectConfig) secrets() []string {
	_, _, pass := c.credentials()
	var out []string
	for _, s := range []string{c.APIKey, pass, c.Password} {
		if len(s) >= 3 {
			out = append(out, s)
		}
	}
	return out
}

// redact replaces secrets in an error's text.
func (c ConnectConfig) redact(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	changed := false
	for _, s := range c.secrets() {
		if strings.Contains(msg, s) {
			msg, changed = strings.ReplaceAll(msg, s, "[redacted]"), true
		}
	}
	if !changed {
		return err
	}
	return errors.New(msg)
}

// NewClient returns a client for c. It does not contact the server (see Connect). Status-based
// retries are left to the Indexer, which counts them; the client itself does not retry.
func NewClient(c ConnectConfig) (*elasticsearch.Client, error) {
	urls, user, pass := c.credentials()
	if len(urls) > 0 && c.CloudID != "" {
		return nil, errors.New("ecs: give either Elasticsearch URLs or a Cloud ID, not both")
	}
	for _, u := range urls {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return nil, fmt.Errorf("ecs: invalid Elasticsearch URL %q: want http(s)://host:port", u)
		}
	}
	if len(urls) == 0 && c.CloudID == "" {
		urls = []string{"http://localhost:9200"}
	}
	cfg := elasticsearch.Config{
		Addresses:              urls,
		CloudID:                c.CloudID,
		APIKey:                 c.APIKey,
		Username:               user,
		Password:               pass,
		CertificateFingerprint: strings.ReplaceAll(c.CertificateFingerprint, ":", ""),
		DisableRetry:           true,
		Transport:              c.Transport,
	}
	if c.APIKey != "" {
		cfg.Username, cfg.Password = "", ""
	}
	if c.CACert != "" {
		pem := []byte(c.CACert)
		if !strings.Contains(c.CACert, "-----BEGIN") {
			b, err := os.ReadFile(c.CACert)
			if err != nil {
				return nil, fmt.Errorf("ecs: reading the CA certificate: %w", err)
			}
			pem = b
		}
		if !x509.NewCertPool().AppendCertsFromPEM(pem) {
			return nil, errors.New("ecs: the CA certificate holds no PEM certificate")
		}
		cfg.CACert = pem
	}
	if cfg.Transport == nil && c.Timeout >= 0 {
		timeout := c.Timeout
		if timeout == 0 {
			timeout = 90 * time.Second
		}
		cfg.Transport = &http.Transport{ResponseHeaderTimeout: timeout, Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 16}
	}
	es, err := elasticsearch.NewClient(cfg)
	if err != nil {
		return nil, c.redact(fmt.Errorf("ecs: %w", err))
	}
	return es, nil
}

// ClusterInfo is what GET / says about the cluster.
type ClusterInfo struct {
	Name    string `json:"cluster_name"`
	UUID    string `json:"cluster_uuid"`
	Version struct {
		Number string `json:"number"`
		Flavor string `json:"build_flavor"`
	} `json:"version"`
}

// Connect returns a client for c after checking that the cluster answers, is Elasticsearch and
// accepts the credentials. Its errors say which of these failed, without any secret.
func Connect(ctx context.Context, c ConnectConfig) (*elasticsearch.Client, ClusterInfo, error) {
	es, err := NewClient(c)
	if err != nil {
		return nil, ClusterInfo{}, err
	}
	info, err := Ping(ctx, es)
	if err != nil {
		return nil, info, c.redact(fmt.Errorf("ecs: %s: %w", c.String(), err))
	}
	return es, info, nil
}

// ErrUnauthorized is wrapped by errors for requests whose credentials were refused (401) or
// lacked a privilege (403).
var ErrUnauthorized = errors.New("credentials rejected")

// Ping calls GET / and returns the cluster's description, or an error saying whether the
// cluster is unreachable, not Elasticsearch, or refused the credentials.
func Ping(ctx context.Context, t esapi.Transport) (ClusterInfo, error) {
	var info ClusterInfo
	res, err := esapi.InfoRequest{}.Do(ctx, t)
	if err != nil {
		var ue *url.Error
		switch {
		case strings.Contains(err.Error(), "not Elasticsearch"):
			return info, fmt.Errorf("the server is not Elasticsearch (no X-Elastic-Product header): %w", err)
		case errors.As(err, &ue):
			return info, fmt.Errorf("cannot reach Elasticsearch: %w", ue.Err)
		}
		return info, fmt.Errorf("cannot reach Elasticsearch: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		re := readRequestError(&http.Response{StatusCode: res.StatusCode, Body: res.Body})
		if re.Status == http.StatusUnauthorized || re.Status == http.StatusForbidden {
			return info, fmt.Errorf("%w: %w", ErrUnauthorized, re)
		}
		return info, re
	}
	if err := json.UnmarshalRead(res.Body, &info); err != nil {
		return info, fmt.Errorf("reading GET / answer: %w", err)
	}
	return info, nil
}
