// undici 7.30.2 `lib/` (npm, a dependency of this project's dev tree; JavaScript, 116 files). A blind code base: the
// ranker was never tuned on it. Labelled by reading the sources before any ranker ran on them (committed before the
// first run): every file a good answer has to look at. UNDICI_FINAL is a second batch, written at the same time,
// first run after the fixes chosen on the first batch; it then chose which of them to keep, so it is no longer blind
// (blindThird.ts is).
import type { EvalQuestion } from './types';

export const UNDICI_QUESTIONS: EvalQuestion[] = [
  { q: 'Where are redirects followed, and when does following them stop?', relevant: ['handler/redirect-handler.js', 'interceptor/redirect.js'] },
  { q: 'How does fetch handle a redirect response: which method and body does the next request use?', relevant: ['web/fetch/index.js', 'web/fetch/util.js'] },
  { q: 'How are failed calls tried again with backoff, honouring the server\'s advice on how long to wait?', relevant: ['handler/retry-handler.js'] },
  { q: 'Which proxy is used when it is configured through environment variables, and how are hosts excluded from proxying?', relevant: ['dispatcher/env-http-proxy-agent.js'] },
  { q: 'How is traffic tunnelled through an HTTP proxy?', relevant: ['dispatcher/proxy-agent.js'] },
  { q: 'How do the SOCKS5 handshake and username/password authentication work?', relevant: ['core/socks5-client.js'] },
  { q: 'How are HTTP/1.1 replies parsed from the socket bytes?', relevant: ['dispatcher/client-h1.js'] },
  { q: 'How are HTTP/2 sessions opened and streams created for each call?', relevant: ['dispatcher/client-h2.js'] },
  { q: 'How long is an idle socket kept open, and how is the server\'s keep-alive hint honoured?', relevant: ['dispatcher/client-h1.js', 'core/util.js'] },
  { q: 'How does the load balancer pick an upstream server by weight and lower the weight of failing ones?', relevant: ['dispatcher/balanced-pool.js'] },
  { q: 'How is a connection pool chosen or created for each origin?', relevant: ['dispatcher/agent.js'] },
  { q: 'How are several connections to one origin shared, and which free one is given the next call?', relevant: ['dispatcher/pool-base.js', 'dispatcher/pool.js'] },
  { q: 'How are TLS sessions reused across new connections?', relevant: ['core/connect.js'] },
  { q: 'How are DNS lookups cached and rotated between resolved addresses?', relevant: ['interceptor/dns.js'] },
  { q: 'How is gzip or brotli compressed content decoded, and what limits the decoded size?', relevant: ['interceptor/decompress.js'] },
  { q: 'How is it decided whether a stored response is still fresh or must be revalidated with the origin?', relevant: ['interceptor/cache.js', 'handler/cache-handler.js'] },
  { q: 'Which responses may be stored in a shared HTTP cache?', relevant: ['handler/cache-handler.js'] },
  { q: 'How are cached responses kept in memory and evicted when the store is full?', relevant: ['cache/memory-cache-store.js'] },
  { q: 'How is a Set-Cookie value parsed into a cookie and its attributes?', relevant: ['web/cookies/parse.js'] },
  { q: 'How are outgoing WebSocket frames masked and encoded?', relevant: ['web/websocket/frame.js', 'web/websocket/sender.js'] },
  { q: 'How are incoming WebSocket frames read, including fragmented messages and ping/close control frames?', relevant: ['web/websocket/receiver.js'] },
  { q: 'How is the WebSocket opening handshake sent and the server\'s answer validated?', relevant: ['web/websocket/connection.js'] },
  { q: 'How is a server-sent event stream split into events, and how does the client reconnect?', relevant: ['web/eventsource/eventsource-stream.js', 'web/eventsource/eventsource.js'] },
  { q: 'How is a multipart/form-data payload parsed into entries and files?', relevant: ['web/fetch/formdata-parser.js'] },
  { q: 'How are data: URLs decoded into a MIME type and bytes?', relevant: ['web/fetch/data-url.js'] },
  { q: 'How can tests intercept outgoing requests and reply with canned responses without the network?', relevant: ['mock/mock-agent.js', 'mock/mock-interceptor.js', 'mock/mock-utils.js'] },
  { q: 'How are real responses recorded to a file and replayed later in tests?', relevant: ['mock/snapshot-agent.js', 'mock/snapshot-recorder.js'] },
  { q: 'How are many timeouts scheduled cheaply instead of one native timer each?', relevant: ['util/timers.js'] },
  { q: 'How are lifecycle events published so tracing tools can observe requests and connections?', relevant: ['core/diagnostics.js'] },
  { q: 'How are identical concurrent requests coalesced so only one reaches the server?', relevant: ['interceptor/deduplicate.js', 'handler/deduplication-handler.js'] },
];

export const UNDICI_FINAL: EvalQuestion[] = [
  { q: 'How are the options of an outgoing call validated before it is dispatched?', relevant: ['core/request.js'] },
  { q: 'How are interceptors layered on top of one another?', relevant: ['dispatcher/dispatcher.js'] },
  { q: 'How does the response body stream offer text() and json() helpers, and how can a body be discarded without reading it?', relevant: ['api/readable.js'] },
  { q: 'How does the duplex pipeline API connect the request body and the response body?', relevant: ['api/api-pipeline.js'] },
  { q: 'How are HTTP timestamps such as Last-Modified parsed?', relevant: ['util/date.js'] },
  { q: 'How are handlers written against the older callback interface adapted to the newer one?', relevant: ['handler/wrap-handler.js', 'handler/unwrap-handler.js'] },
  { q: 'How does a 4xx or 5xx status turn into a thrown error?', relevant: ['interceptor/response-error.js'] },
  { q: 'How is per-message compression negotiated and applied to WebSocket messages?', relevant: ['web/websocket/permessage-deflate.js'] },
  { q: 'How is a subresource integrity hash checked against fetched bytes?', relevant: ['web/subresource-integrity/subresource-integrity.js'] },
  { q: 'How are cached entries persisted in an SQLite database?', relevant: ['cache/sqlite-cache-store.js'] },
  { q: 'How does the fetch headers object normalise values, guard immutable headers and combine duplicates when iterating?', relevant: ['web/fetch/headers.js'] },
  { q: 'How are JavaScript values converted and checked against Web IDL argument types?', relevant: ['web/webidl/index.js'] },
];
