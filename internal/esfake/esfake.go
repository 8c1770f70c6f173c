// Package esfake is an in-process stand-in for Elasticsearch, for tests. It answers the calls the
// genainorm indexer makes the way Elasticsearch does: the product header on every response,
// GET /, _bulk with per-item statuses, component and index templates, the simulate-index API,
// and authentication failures. Tests script failures per bulk item (429, 5xx, 400 mapping
// errors) and per bulk request, and then look at what was stored.
//
// Like Elasticsearch, the stand-in refuses a second create of the same _id in a data stream
// (409 version_conflict_engine_exception), refuses any other operation than create on a data
// stream, and refuses an index template that names a component template that does not exist yet
// or that has the same priority as an existing template with an overlapping pattern.
package esfake

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Version is the Elasticsearch version the stand-in claims to be.
const Version = "8.19.7"

// Item is one operation of a bulk request, as seen by an item script.
type Item struct {
	// Action is the bulk action: create, index, update or delete.
	Action string
	// Index is the target index or data stream.
	Index string
	// ID is the document _id ("" when Elasticsearch would generate one).
	ID string
	// Pipeline is the request's pipeline parameter (or the item's own).
	Pipeline string
	// Source is the document.
	Source []byte
	// Attempt counts how many earlier bulk items had the same index and _id (0 the first time).
	Attempt int
}

// Result is what an item script answers for one item. The zero Result lets the stand-in
// behave like Elasticsearch (store the document, or 409 when the _id exists).
type Result struct {
	// Status is the HTTP status of the item (429, 400, 503, ...).
	Status int
	// Type and Reason make the item's error object; they default from Status.
	Type   string
	Reason string
}

// Server is a running stand-in. Create it with New; stop it with Close.
type Server struct {
	// URL is the server's base URL (http://127.0.0.1:port).
	URL string

	srv *httptest.Server

	mu         sync.Mutex
	docs       map[string]map[string][]byte // data stream or index -> _id -> source
	attempts   map[string]int               // index + "\x00" + id -> items seen
	components map[string][]byte
	templates  map[string][]byte
	calls      []string
	bulks      int
	items      int
	pipelines  map[string]int
	seq        int

	onItem      func(Item) Result
	onBulk      func(n int) int
	apiKey      string
	user, pass  string
	forbidden   []string
	noProduct   bool
	ackOnly     bool
	bulkLatency time.Duration
}

// Option configures a Server.
type Option func(*Server)

// WithAPIKey makes the server require "Authorization: ApiKey <key>"; anything else is 401.
func WithAPIKey(key string) Option { return func(s *Server) { s.apiKey = key } }

// WithBasicAuth makes the server require HTTP basic authentication; anything else is 401.
func WithBasicAuth(user, pass string) Option {
	return func(s *Server) { s.user, s.pass = user, pass }
}

// WithForbidden answers 403 (authenticated but not authorized) for every path starting with
// one of the prefixes, like a key without the privileges for that API.
func WithForbidden(prefixes ...string) Option {
	return func(s *Server) { s.forbidden = append(s.forbidden, prefixes...) }
}

// WithoutProductHeader leaves out the X-Elastic-Product header, like a server that is not
// Elasticsearch.
func WithoutProductHeader() Option { return func(s *Server) { s.noProduct = true } }

// WithAckOnly makes _bulk acknowledge every item with 201 at once without parsing or storing
// anything: the fastest possible server, for benchmarks.
func WithAckOnly() Option { return func(s *Server) { s.ackOnly = true } }

// WithBulkLatency delays every _bulk answer.
func WithBulkLatency(d time.Duration) Option { return func(s *Server) { s.bulkLatency = d } }

// New starts a stand-in server.
func New(opts ...Option) *Server {
	s := &Server{
		docs:       make(map[string]map[string][]byte),
		attempts:   make(map[string]int),
		components: make(map[string][]byte),
		templates:  make(map[string][]byte),
		pipelines:  make(map[string]int),
	}
	for _, o := range opts {
		o(s)
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// OnItem sets the item script, called for every bulk item in order; it may be nil.
func (s *Server) OnItem(f func(Item) Result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onItem = f
}

// OnBulk sets the request script, called with the 1-based number of each _bulk request; a
// non-zero status fails the whole request with that status.
func (s *Server) OnBulk(f func(n int) int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onBulk = f
}

// Count returns the number of documents stored in a data stream or index.
func (s *Server) Count(index string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.docs[index])
}

// Total returns the number of documents stored in all data streams and indices.
func (s *Server) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, m := range s.docs {
		n += len(m)
	}
	return n
}

// Docs returns a copy of the documents of a data stream or index, by _id.
func (s *Server) Docs(index string) map[string][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string][]byte, len(s.docs[index]))
	for id, d := range s.docs[index] {
		out[id] = d
	}
	return out
}

// Indices returns the names of the data streams and indices that hold documents, sorted.
func (s *Server) Indices() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.docs {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Calls returns "METHOD /path" for every request received, in order.
func (s *Server) Calls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

// BulkRequests returns the number of _bulk requests received, and the number of items in them.
func (s *Server) BulkRequests() (requests, items int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bulks, s.items
}

// Pipelines returns how many bulk items were received with each pipeline parameter value
// ("" for none).
func (s *Server) Pipelines() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.pipelines))
	for k, v := range s.pipelines {
		out[k] = v
	}
	return out
}

// ComponentTemplate returns an installed component template's body, or nil.
func (s *Server) ComponentTemplate(name string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.components[name]
}

// IndexTemplate returns an installed index template's body, or nil.
func (s *Server) IndexTemplate(name string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.templates[name]
}

// PutIndexTemplate installs an index template directly, as another tool (Fleet) would.
func (s *Server) PutIndexTemplate(name string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.templates[name] = slices.Clone(body)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if !s.noProduct {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
	}
	w.Header().Set("Content-Type", "application/json")
	s.mu.Lock()
	s.calls = append(s.calls, r.Method+" "+r.URL.Path)
	s.mu.Unlock()

	if status, typ, reason := s.authorize(r); status != 0 {
		writeError(w, status, typ, reason)
		return
	}
	body, err := readBody(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "parse_exception", err.Error())
		return
	}
	p := strings.TrimPrefix(r.URL.Path, "/")
	parts := strings.Split(p, "/")
	switch {
	case p == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		s.root(w)
	case p == "_bulk" || (len(parts) == 2 && parts[1] == "_bulk"):
		if r.Method != http.MethodPost && r.Method != http.MethodPut {
			writeError(w, http.StatusMethodNotAllowed, "illegal_argument_exception", "bulk needs POST or PUT")
			return
		}
		def := ""
		if len(parts) == 2 {
			def = parts[0]
		}
		s.bulk(w, r, def, body)
	case parts[0] == "_component_template":
		s.templateAPI(w, r, s.components, parts[1:], body, false)
	case parts[0] == "_index_template" && len(parts) == 3 && parts[1] == "_simulate_index" && r.Method == http.MethodPost:
		s.simulate(w, parts[2])
	case parts[0] == "_index_template":
		s.templateAPI(w, r, s.templates, parts[1:], body, true)
	case parts[0] == "_refresh" || (len(parts) == 2 && parts[1] == "_refresh"):
		writeJSON(w, http.StatusOK, `{"_shards":{"total":1,"successful":1,"failed":0}}`)
	case len(parts) == 2 && parts[1] == "_count":
		s.count(w, parts[0])
	case len(parts) == 2 && parts[1] == "_search":
		s.search(w, parts[0], body)
	case len(parts) == 4 && parts[1] == "_mapping" && parts[2] == "field" && r.Method == http.MethodGet:
		s.fieldMapping(w, parts[0], parts[3])
	case parts[0] == "_data_stream" && len(parts) == 2 && r.Method == http.MethodDelete:
		s.deleteDataStreams(w, parts[1])
	default:
		writeError(w, http.StatusNotFound, "resource_not_found_exception", "esfake does not implement "+r.Method+" "+r.URL.Path)
	}
}

func (s *Server) authorize(r *http.Request) (int, string, string) {
	auth := r.Header.Get("Authorization")
	switch {
	case s.apiKey != "":
		scheme, key, _ := strings.Cut(auth, " ")
		if !strings.EqualFold(scheme, "ApiKey") || key != s.apiKey {
			return http.StatusUnauthorized, "security_exception", "unable to authenticate with provided credentials and anonymous access is not allowed for this request"
		}
	case s.user != "":
		want := "Basic " + base64.StdEncoding.EncodeToString([]byte(s.user+":"+s.pass))
		if auth != want {
			return http.StatusUnauthorized, "security_exception", "unable to authenticate user for REST request [" + r.URL.Path + "]"
		}
	}
	for _, f := range s.forbidden {
		if strings.HasPrefix(r.URL.Path, f) {
			return http.StatusForbidden, "security_exception", "action is unauthorized for this API key"
		}
	}
	return 0, "", ""
}

func readBody(r *http.Request) ([]byte, error) {
	var rd io.Reader = r.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			return nil, err
		}
		rd = zr
	}
	return io.ReadAll(rd)
}

func (s *Server) root(w http.ResponseWriter) {
	writeJSON(w, http.StatusOK, `{"name":"esfake","cluster_name":"esfake","cluster_uuid":"esfake-cluster-uuid",`+
		`"version":{"number":"`+Version+`","build_flavor":"default","build_type":"docker","lucene_version":"9.12.2",`+
		`"minimum_wire_compatibility_version":"7.17.0","minimum_index_compatibility_version":"7.0.0"},"tagline":"You Know, for Search"}`)
}

// bulkMeta is the action line of a bulk item.
type bulkMeta struct {
	Index    string `json:"_index"`
	ID       string `json:"_id"`
	Pipeline string `json:"pipeline"`
}

func (s *Server) bulk(w http.ResponseWriter, r *http.Request, defIndex string, body []byte) {
	if s.bulkLatency > 0 {
		time.Sleep(s.bulkLatency)
	}
	s.mu.Lock()
	s.bulks++
	n := s.bulks
	onBulk := s.onBulk
	s.mu.Unlock()
	if onBulk != nil {
		if st := onBulk(n); st != 0 {
			writeError(w, st, errorType(st), "scripted failure of bulk request "+strconv.Itoa(n))
			return
		}
	}
	if s.ackOnly {
		s.ack(w, body)
		return
	}
	reqPipeline := r.URL.Query().Get("pipeline")
	out := make([]byte, 0, 64+len(body)/8)
	out = append(out, `{"took":1,"errors":false,"items":[`...)
	hasErrors := false
	first := true
	for len(body) > 0 {
		var line []byte
		line, body = nextLine(body)
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var action string
		var meta bulkMeta
		dec := jsontext.NewDecoder(bytes.NewReader(line))
		if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
			writeError(w, http.StatusBadRequest, "illegal_argument_exception", "Malformed action/metadata line")
			return
		}
		tok, err := dec.ReadToken()
		if err != nil {
			writeError(w, http.StatusBadRequest, "illegal_argument_exception", "Malformed action/metadata line")
			return
		}
		action = tok.String()
		v, err := dec.ReadValue()
		if err != nil || json.Unmarshal(v, &meta) != nil {
			writeError(w, http.StatusBadRequest, "illegal_argument_exception", "Malformed action/metadata line")
			return
		}
		var src []byte
		if action != "delete" {
			src, body = nextLine(body)
		}
		if meta.Index == "" {
			meta.Index = defIndex
		}
		if meta.Pipeline == "" {
			meta.Pipeline = reqPipeline
		}
		res, st := s.bulkItem(action, meta, src)
		if st > 201 {
			hasErrors = true
		}
		if !first {
			out = append(out, ',')
		}
		first = false
		out = append(out, res...)
	}
	out = append(out, "]}"...)
	if hasErrors {
		out = bytes.Replace(out, []byte(`"errors":false`), []byte(`"errors":true`), 1)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

// ack answers 201 to every item without looking into it: an action line is followed by a
// source line (ack mode expects no delete).
func (s *Server) ack(w http.ResponseWriter, body []byte) {
	out := make([]byte, 0, 64+len(body)/16)
	out = append(out, `{"took":0,"errors":false,"items":[`...)
	n := 0
	for len(body) > 0 {
		var line []byte
		line, body = nextLine(body)
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		_, body = nextLine(body)
		if n > 0 {
			out = append(out, ',')
		}
		out = append(out, `{"create":{"status":201,"result":"created"}}`...)
		n++
	}
	out = append(out, "]}"...)
	s.mu.Lock()
	s.items += n
	s.mu.Unlock()
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

func nextLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:]
	}
	return b, nil
}

// bulkItem handles one item and returns its response object and status.
func (s *Server) bulkItem(action string, meta bulkMeta, src []byte) ([]byte, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items++
	s.pipelines[meta.Pipeline]++
	key := meta.Index + "\x00" + meta.ID
	attempt := s.attempts[key]
	s.attempts[key]++
	if s.onItem != nil {
		res := s.onItem(Item{Action: action, Index: meta.Index, ID: meta.ID, Pipeline: meta.Pipeline, Source: src, Attempt: attempt})
		if res.Status != 0 && res.Status != 200 && res.Status != 201 {
			typ, reason := res.Type, res.Reason
			if typ == "" {
				typ = errorType(res.Status)
			}
			if reason == "" {
				reason = "scripted failure"
			}
			return itemJSON(action, meta.Index, meta.ID, res.Status, "", 0, typ, reason), res.Status
		}
	}
	if meta.Index == "" {
		return itemJSON(action, "", meta.ID, 400, "", 0, "action_request_validation_exception", "Validation Failed: 1: index is missing;"), 400
	}
	isDS := s.dataStreamTemplateLocked(meta.Index) != "" || strings.HasPrefix(meta.Index, "logs-")
	if isDS && action != "create" {
		return itemJSON(action, meta.Index, meta.ID, 400, "", 0, "illegal_argument_exception",
			"only write ops with an op_type of create are allowed in data streams"), 400
	}
	if action == "delete" || action == "update" {
		return itemJSON(action, meta.Index, meta.ID, 400, "", 0, "illegal_argument_exception", "esfake supports create and index only"), 400
	}
	if !jsontext.Value(src).IsValid() || len(bytes.TrimSpace(src)) == 0 || bytes.TrimSpace(src)[0] != '{' {
		return itemJSON(action, meta.Index, meta.ID, 400, "", 0, "document_parsing_exception", "[1:1] failed to parse: not a JSON object"), 400
	}
	m := s.docs[meta.Index]
	if m == nil {
		m = make(map[string][]byte)
		s.docs[meta.Index] = m
	}
	id := meta.ID
	if id == "" {
		s.seq++
		id = "auto-" + strconv.Itoa(s.seq)
	}
	if _, ok := m[id]; ok && action == "create" {
		return itemJSON(action, meta.Index, id, 409, "", 0, "version_conflict_engine_exception",
			"["+id+"]: version conflict, document already exists (current version [1])"), 409
	}
	if msg := s.checkMappingLocked(meta.Index, src); msg != "" {
		return itemJSON(action, meta.Index, id, 400, "", 0, "document_parsing_exception", msg), 400
	}
	m[id] = slices.Clone(src)
	s.seq++
	return itemJSON(action, meta.Index, id, 201, "created", s.seq, "", ""), 201
}

func backingIndex(index string) string {
	if strings.HasPrefix(index, "logs-") || strings.HasPrefix(index, "metrics-") {
		return ".ds-" + index + "-2026.01.01-000001"
	}
	return index
}

func itemJSON(action, index, id string, status int, result string, seq int, typ, reason string) []byte {
	b := make([]byte, 0, 256)
	b = append(b, `{"`...)
	b = append(b, action...)
	b = append(b, `":{"_index":`...)
	b = appendQuote(b, backingIndex(index))
	b = append(b, `,"_id":`...)
	b = appendQuote(b, id)
	if typ == "" {
		b = append(b, `,"_version":1,"result":"`...)
		b = append(b, result...)
		b = append(b, `","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":`...)
		b = strconv.AppendInt(b, int64(seq), 10)
		b = append(b, `,"_primary_term":1`...)
	}
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(status), 10)
	if typ != "" {
		b = append(b, `,"error":{"type":`...)
		b = appendQuote(b, typ)
		b = append(b, `,"reason":`...)
		b = appendQuote(b, reason)
		b = append(b, '}')
	}
	b = append(b, "}}"...)
	return b
}

func errorType(status int) string {
	switch {
	case status == 429:
		return "es_rejected_execution_exception"
	case status == 409:
		return "version_conflict_engine_exception"
	case status == 401 || status == 403:
		return "security_exception"
	case status == 503:
		return "unavailable_shards_exception"
	case status >= 500:
		return "internal_server_error"
	case status == 400:
		return "document_parsing_exception"
	}
	return "exception"
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func writeError(w http.ResponseWriter, status int, typ, reason string) {
	var b []byte
	b = append(b, `{"error":{"root_cause":[{"type":`...)
	b = appendQuote(b, typ)
	b = append(b, `,"reason":`...)
	b = appendQuote(b, reason)
	b = append(b, `}],"type":`...)
	b = appendQuote(b, typ)
	b = append(b, `,"reason":`...)
	b = appendQuote(b, reason)
	b = append(b, `},"status":`...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, '}')
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Basic realm="security" charset="UTF-8"`)
	}
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// indexTemplate is the part of an index template the stand-in understands.
type indexTemplate struct {
	IndexPatterns []string       `json:"index_patterns"`
	ComposedOf    []string       `json:"composed_of"`
	Priority      int            `json:"priority"`
	DataStream    map[string]any `json:"data_stream"`
	Template      struct {
		Settings map[string]any `json:"settings"`
		Mappings map[string]any `json:"mappings"`
	} `json:"template"`
	Meta map[string]any `json:"_meta"`
}

func (s *Server) templateAPI(w http.ResponseWriter, r *http.Request, store map[string][]byte, rest []string, body []byte, isIndex bool) {
	kind := "component_template"
	key := "component_templates"
	if isIndex {
		kind, key = "index_template", "index_templates"
	}
	name := ""
	if len(rest) > 0 {
		name = rest[0]
	}
	switch r.Method {
	case http.MethodPut, http.MethodPost:
		if name == "" {
			writeError(w, http.StatusBadRequest, "illegal_argument_exception", kind+" name is missing")
			return
		}
		if !jsontext.Value(body).IsValid() {
			writeError(w, http.StatusBadRequest, "x_content_parse_exception", "malformed "+kind+" body")
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if isIndex {
			var t indexTemplate
			if err := json.Unmarshal(body, &t); err != nil {
				writeError(w, http.StatusBadRequest, "x_content_parse_exception", err.Error())
				return
			}
			if len(t.IndexPatterns) == 0 {
				writeError(w, http.StatusBadRequest, "action_request_validation_exception", "index patterns are missing")
				return
			}
			var missing []string
			for _, c := range t.ComposedOf {
				if _, ok := s.components[c]; !ok {
					missing = append(missing, c)
				}
			}
			if len(missing) > 0 {
				writeError(w, http.StatusBadRequest, "invalid_index_template_exception",
					fmt.Sprintf("index_template [%s] invalid, cause [index template [%s] specifies component templates %v that do not exist]", name, name, missing))
				return
			}
			for other, ob := range s.templates {
				if other == name {
					continue
				}
				var o indexTemplate
				if json.Unmarshal(ob, &o) != nil || o.Priority != t.Priority {
					continue
				}
				if patternsOverlap(o.IndexPatterns, t.IndexPatterns) {
					writeError(w, http.StatusBadRequest, "illegal_argument_exception",
						fmt.Sprintf("index template [%s] has index patterns %v matching patterns from existing templates [%s] with patterns (%s => %v) that have the same priority [%d], multiple index templates may not match during index creation, please use a different priority",
							name, t.IndexPatterns, other, other, o.IndexPatterns, t.Priority))
					return
				}
			}
		}
		store[name] = slices.Clone(body)
		writeJSON(w, http.StatusOK, `{"acknowledged":true}`)
	case http.MethodGet, http.MethodHead:
		s.mu.Lock()
		defer s.mu.Unlock()
		var names []string
		for n := range store {
			if name == "" || name == "*" || matchPattern(name, n) {
				names = append(names, n)
			}
		}
		if len(names) == 0 && name != "" && name != "*" {
			writeError(w, http.StatusNotFound, "resource_not_found_exception", kind+" matching ["+name+"] not found")
			return
		}
		sort.Strings(names)
		b := []byte(`{"` + key + `":[`)
		for i, n := range names {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"name":`...)
			b = appendQuote(b, n)
			b = append(b, `,"`+kind+`":`...)
			b = append(b, store[n]...)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
		writeJSON(w, http.StatusOK, string(b))
	case http.MethodDelete:
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, ok := store[name]; !ok {
			writeError(w, http.StatusNotFound, "resource_not_found_exception", kind+" ["+name+"] missing")
			return
		}
		delete(store, name)
		writeJSON(w, http.StatusOK, `{"acknowledged":true}`)
	default:
		writeError(w, http.StatusMethodNotAllowed, "illegal_argument_exception", "method not allowed")
	}
}

// dataStreamTemplateLocked returns the name of the index template that governs index, if it
// creates data streams.
func (s *Server) dataStreamTemplateLocked(index string) string {
	name, t := s.matchLocked(index)
	if name == "" || t.DataStream == nil {
		return ""
	}
	return name
}

// matchLocked returns the highest-priority index template matching index.
func (s *Server) matchLocked(index string) (string, indexTemplate) {
	best, bestName := indexTemplate{Priority: -1}, ""
	for n, b := range s.templates {
		var t indexTemplate
		if json.Unmarshal(b, &t) != nil {
			continue
		}
		for _, p := range t.IndexPatterns {
			if matchPattern(p, index) && (t.Priority > best.Priority || (t.Priority == best.Priority && n < bestName)) {
				best, bestName = t, n
			}
		}
	}
	return bestName, best
}

func (s *Server) simulate(w http.ResponseWriter, index string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name, t := s.matchLocked(index)
	var overlapping []map[string]any
	var names []string
	for n := range s.templates {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if n == name {
			continue
		}
		var o indexTemplate
		if json.Unmarshal(s.templates[n], &o) != nil {
			continue
		}
		for _, p := range o.IndexPatterns {
			if matchPattern(p, index) {
				overlapping = append(overlapping, map[string]any{"name": n, "index_patterns": o.IndexPatterns})
				break
			}
		}
	}
	if overlapping == nil {
		overlapping = []map[string]any{}
	}
	resp := map[string]any{"overlapping": overlapping}
	if name != "" {
		mappings := map[string]any{}
		settings := map[string]any{}
		for _, c := range t.ComposedOf {
			var ct struct {
				Template struct {
					Settings map[string]any `json:"settings"`
					Mappings map[string]any `json:"mappings"`
				} `json:"template"`
			}
			if json.Unmarshal(s.components[c], &ct) == nil {
				merge(mappings, ct.Template.Mappings)
				merge(settings, ct.Template.Settings)
			}
		}
		merge(mappings, t.Template.Mappings)
		merge(settings, t.Template.Settings)
		resp["template"] = map[string]any{"settings": settings, "mappings": mappings, "aliases": map[string]any{}}
	}
	b, err := json.Marshal(resp, json.Deterministic(true))
	if err != nil {
		writeError(w, http.StatusInternalServerError, "exception", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, string(b))
}

// merge merges src into dst recursively (objects merge, other values replace).
func merge(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
			cp := map[string]any{}
			merge(cp, sm)
			dst[k] = cp
			continue
		}
		dst[k] = v
	}
}

// matchPattern matches an index pattern with * wildcards.
func matchPattern(pattern, name string) bool {
	ok, err := path.Match(strings.ReplaceAll(pattern, "?", `\?`), name)
	return err == nil && ok
}

// patternsOverlap reports whether two pattern lists may match the same name: like
// Elasticsearch, it checks whether either pattern matches the other taken literally.
func patternsOverlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if matchPattern(x, y) || matchPattern(y, x) {
				return true
			}
		}
	}
	return false
}

func appendQuote(b []byte, s string) []byte {
	out, err := jsontext.AppendQuote(b, s)
	if err != nil {
		return append(b, `""`...)
	}
	return out
}

// indicesLocked returns the stored data streams and indices matching a comma-separated list of
// names and wildcard patterns.
func (s *Server) indicesLocked(expr string) []string {
	var out []string
	for name := range s.docs {
		for _, p := range strings.Split(expr, ",") {
			if matchPattern(p, name) {
				out = append(out, name)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

func (s *Server) count(w http.ResponseWriter, expr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, name := range s.indicesLocked(expr) {
		n += len(s.docs[name])
	}
	writeJSON(w, http.StatusOK, `{"count":`+strconv.Itoa(n)+`,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}`)
}

func (s *Server) deleteDataStreams(w http.ResponseWriter, expr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, name := range s.indicesLocked(expr) {
		delete(s.docs, name)
	}
	writeJSON(w, http.StatusOK, `{"acknowledged":true}`)
}

// search answers size:0 searches with terms aggregations over keyword values: each bucket
// counts the documents holding the value.
func (s *Server) search(w http.ResponseWriter, expr string, body []byte) {
	var req struct {
		Aggs map[string]struct {
			Terms struct {
				Field string `json:"field"`
				Size  int    `json:"size"`
			} `json:"terms"`
		} `json:"aggs"`
	}
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &req); err != nil {
			writeError(w, http.StatusBadRequest, "parsing_exception", err.Error())
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	total := 0
	aggs := map[string]any{}
	counts := map[string]map[string]int{}
	for _, name := range s.indicesLocked(expr) {
		for _, src := range s.docs[name] {
			total++
			var doc map[string]any
			if json.Unmarshal(src, &doc) != nil {
				continue
			}
			for aggName, a := range req.Aggs {
				if counts[aggName] == nil {
					counts[aggName] = map[string]int{}
				}
				seen := map[string]bool{}
				for _, v := range lookup(doc, a.Terms.Field) {
					if k, ok := v.(string); ok && !seen[k] {
						seen[k] = true
						counts[aggName][k]++
					}
				}
			}
		}
	}
	for aggName := range req.Aggs {
		var buckets []map[string]any
		for k, n := range counts[aggName] {
			buckets = append(buckets, map[string]any{"key": k, "doc_count": n})
		}
		sort.Slice(buckets, func(i, j int) bool {
			if buckets[i]["doc_count"].(int) != buckets[j]["doc_count"].(int) {
				return buckets[i]["doc_count"].(int) > buckets[j]["doc_count"].(int)
			}
			return buckets[i]["key"].(string) < buckets[j]["key"].(string)
		})
		if buckets == nil {
			buckets = []map[string]any{}
		}
		aggs[aggName] = map[string]any{"buckets": buckets}
	}
	resp := map[string]any{"took": 0, "timed_out": false, "hits": map[string]any{"total": map[string]any{"value": total, "relation": "eq"}, "hits": []any{}}}
	if len(aggs) > 0 {
		resp["aggregations"] = aggs
	}
	b, _ := json.Marshal(resp, json.Deterministic(true))
	writeJSON(w, http.StatusOK, string(b))
}

// lookup returns the values at a dotted path of a document (objects or dotted keys; arrays
// flattened).
func lookup(v any, path string) []any {
	if path == "" {
		if arr, ok := v.([]any); ok {
			return arr
		}
		return []any{v}
	}
	switch t := v.(type) {
	case map[string]any:
		var out []any
		for k, child := range t {
			if k == path {
				out = append(out, lookup(child, "")...)
			} else if strings.HasPrefix(path, k+".") {
				out = append(out, lookup(child, path[len(k)+1:])...)
			}
		}
		return out
	case []any:
		var out []any
		for _, e := range t {
			out = append(out, lookup(e, path)...)
		}
		return out
	}
	return nil
}

// mappingTypeLocked returns the mapping type of a field in the mappings the governing template
// gives index ("" when unknown).
func (s *Server) mappingTypeLocked(index, field string) string {
	props := s.composedPropertiesLocked(index)
	if props == nil {
		return ""
	}
	parts := strings.Split(field, ".")
	cur := props
	for i, p := range parts {
		def, ok := cur[p].(map[string]any)
		if !ok {
			return ""
		}
		if i == len(parts)-1 {
			t, _ := def["type"].(string)
			if t == "" && def["properties"] != nil {
				return "object"
			}
			return t
		}
		cur, _ = def["properties"].(map[string]any)
		if cur == nil {
			return ""
		}
	}
	return ""
}

// composedPropertiesLocked returns the mapping properties of the template governing index.
func (s *Server) composedPropertiesLocked(index string) map[string]any {
	name, t := s.matchLocked(index)
	if name == "" {
		return nil
	}
	mappings := map[string]any{}
	for _, c := range t.ComposedOf {
		var ct struct {
			Template struct {
				Mappings map[string]any `json:"mappings"`
			} `json:"template"`
		}
		if json.Unmarshal(s.components[c], &ct) == nil {
			merge(mappings, ct.Template.Mappings)
		}
	}
	merge(mappings, t.Template.Mappings)
	props, _ := mappings["properties"].(map[string]any)
	return props
}

func (s *Server) fieldMapping(w http.ResponseWriter, expr, field string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]any{}
	for _, name := range s.indicesLocked(expr) {
		m := map[string]any{}
		if typ := s.mappingTypeLocked(name, field); typ != "" {
			leaf := field[strings.LastIndex(field, ".")+1:]
			m[field] = map[string]any{"full_name": field, "mapping": map[string]any{leaf: map[string]any{"type": typ}}}
		}
		out[backingIndex(name)] = map[string]any{"mappings": m}
	}
	b, _ := json.Marshal(out, json.Deterministic(true))
	writeJSON(w, http.StatusOK, string(b))
}

// checkMappingLocked refuses a document whose values do not fit the boolean and numeric fields
// of the governing template's mappings, like Elasticsearch's document parser; it returns the
// reason, or "".
func (s *Server) checkMappingLocked(index string, src []byte) string {
	props := s.composedPropertiesLocked(index)
	if props == nil {
		return ""
	}
	var doc map[string]any
	if json.Unmarshal(src, &doc) != nil {
		return ""
	}
	return checkObject(props, doc, "")
}

func checkObject(props, doc map[string]any, prefix string) string {
	for k, v := range doc {
		def, ok := props[k].(map[string]any)
		if !ok {
			// A dotted key ("a.b": v) is the object path a.b.
			if i := strings.IndexByte(k, '.'); i > 0 {
				if msg := checkObject(props, map[string]any{k[:i]: map[string]any{k[i+1:]: v}}, prefix); msg != "" {
					return msg
				}
			}
			continue
		}
		name := prefix + k
		if sub, ok := def["properties"].(map[string]any); ok {
			if obj, ok := v.(map[string]any); ok {
				if msg := checkObject(sub, obj, name+"."); msg != "" {
					return msg
				}
			}
			continue
		}
		typ, _ := def["type"].(string)
		vals := []any{v}
		if arr, ok := v.([]any); ok {
			vals = arr
		}
		for _, x := range vals {
			if !fits(typ, x) {
				return fmt.Sprintf("[1:1] failed to parse field [%s] of type [%s] in document", name, typ)
			}
		}
	}
	return ""
}

func fits(typ string, v any) bool {
	switch typ {
	case "boolean":
		switch x := v.(type) {
		case bool, nil:
			return true
		case string:
			return x == "true" || x == "false" || x == ""
		}
		return false
	case "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long":
		switch x := v.(type) {
		case float64, nil:
			return true
		case string:
			_, err := strconv.ParseFloat(x, 64)
			return err == nil
		}
		return false
	}
	return true
}
