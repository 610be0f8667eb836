// Gin 1.8.1 (Debian golang-github-gin-gonic-gin-dev 1.8.1-1, /usr/share/gocode/src/github.com/gin-gonic/gin, Go, 95
// files with tests). A blind code base: the ranker was never tuned on it. Labelled by reading the sources before any
// ranker ran on them (committed before the first run). GIN_FINAL is a second batch, written at the same time, first
// run after the fixes chosen on the first batch; it then chose which of them to keep, so it is no longer blind
// (blindThird.ts is).
import type { EvalQuestion } from './types';

export const GIN_QUESTIONS: EvalQuestion[] = [
  { q: 'How does the router match a URL path with named parameters and catch-all wildcards?', relevant: ['tree.go'] },
  { q: 'How are groups of routes with a shared prefix and shared middleware built?', relevant: ['routergroup.go'] },
  { q: 'How does a request pass through the middleware chain, and how can a handler stop the remaining ones?', relevant: ['context.go'] },
  { q: 'How is the request body decoded into a struct according to its content type?', relevant: ['binding/binding.go', 'context.go'] },
  { q: 'How are query-string and form values copied into struct fields by their tags?', relevant: ['binding/form_mapping.go'] },
  { q: 'How are uploaded files in a multipart form assigned to struct fields?', relevant: ['binding/multipart_form_mapping.go'] },
  { q: 'How are struct fields validated after decoding, and where can the validator be replaced?', relevant: ['binding/default_validator.go'] },
  { q: 'How does the server survive a panic in a handler and answer 500?', relevant: ['recovery.go'] },
  { q: 'How is each request logged with its latency, status code and colours?', relevant: ['logger.go'] },
  { q: 'How is basic authentication checked against a list of accounts?', relevant: ['auth.go'] },
  { q: 'How are responses written as JSON, including the JSONP and secure-prefix variants?', relevant: ['render/json.go'] },
  { q: 'How are HTML templates loaded and rendered, and reloaded on every request in debug mode?', relevant: ['render/html.go', 'gin.go'] },
  { q: 'How are trailing slashes and unclean paths redirected to the registered route?', relevant: ['gin.go', 'path.go'] },
  { q: 'How is the client IP address determined, and which proxies are trusted to report it?', relevant: ['context.go', 'gin.go'] },
  { q: 'What happens when no route matches, or the path exists but not for this method?', relevant: ['gin.go'] },
  { q: 'How are errors attached during a request collected and filtered by their type?', relevant: ['errors.go'] },
  { q: 'How is the running mode (debug, release, test) chosen, for example from an environment variable?', relevant: ['mode.go'] },
  { q: 'How are static files and folders served without listing folder contents?', relevant: ['routergroup.go', 'fs.go'] },
  { q: 'How does the response writer know whether the header was already sent and how many bytes were written?', relevant: ['response_writer.go'] },
  { q: 'How are per-request objects reused between requests to avoid allocations?', relevant: ['gin.go', 'context.go'] },
  { q: 'How does content negotiation pick JSON, XML or HTML from the Accept header?', relevant: ['context.go', 'utils.go'] },
  { q: 'Which JSON library is used, and how can a faster one be chosen at build time?', relevant: ['internal/json/json.go', 'internal/json/jsoniter.go', 'internal/json/go_json.go'] },
  { q: 'How are the registered routes printed at start-up while debugging?', relevant: ['debug.go'] },
  { q: 'How can a plain net/http handler function be used as a route handler?', relevant: ['utils.go'] },
  { q: 'How does the server start listening with TLS or on a Unix socket?', relevant: ['gin.go'] },
  { q: 'How are the path parameters of the URL bound into a struct?', relevant: ['binding/uri.go', 'binding/form_mapping.go'] },
];

export const GIN_FINAL: EvalQuestion[] = [
  { q: 'How does a handler stream a response to the client, for example as server-sent events?', relevant: ['context.go'] },
  { q: 'How is a redirect response written?', relevant: ['render/redirect.go'] },
  { q: 'How can routes be registered on a global default engine without creating one?', relevant: ['ginS/gins.go'] },
  { q: 'How are strings turned into byte slices without copying?', relevant: ['internal/bytesconv/bytesconv.go'] },
  { q: 'How are request headers bound into a struct?', relevant: ['binding/header.go'] },
  { q: 'How can the request context be used safely from another goroutine after the handler returns?', relevant: ['context.go'] },
  { q: 'How are YAML, TOML and protobuf bodies decoded into a value?', relevant: ['binding/yaml.go', 'binding/toml.go', 'binding/protobuf.go'] },
  { q: 'How do middlewares pass values to later handlers by key?', relevant: ['context.go'] },
  { q: 'How can a unit test create an engine and request context for a handler?', relevant: ['test_helpers.go'] },
  { q: 'How are cookies read from the request and set on the response?', relevant: ['context.go'] },
];
