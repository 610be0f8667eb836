// A third blind batch on the three blind code bases (undici 7.30.2 lib/, Jinja 3.1.2, Gin 1.8.1), written by reading
// the code and committed before any ranker ran on it, after the second batch had been used to choose which of the
// first batch's fixes to keep (so the second batch was no longer blind). Run once, on the configuration then fixed.
import type { EvalQuestion } from './types';

export const UNDICI_THIRD: EvalQuestion[] = [
  { q: 'How is an in-flight call cancelled when the caller aborts it?', relevant: ['api/abort-signal.js'] },
  { q: 'How is a protocol upgrade requested and the raw socket handed to the caller?', relevant: ['api/api-upgrade.js'] },
  { q: 'How is the process-wide default dispatcher installed and shared between copies of the library?', relevant: ['global.js'] },
  { q: 'Which error types exist for connect, header and body timeouts?', relevant: ['core/errors.js'] },
  { q: 'How are calls spread in turn across a fixed set of clients?', relevant: ['dispatcher/round-robin-pool.js'] },
  { q: 'How are well-known header names matched quickly without lower-casing strings?', relevant: ['core/tree.js'] },
  { q: 'How are cookies read from and written to a headers object?', relevant: ['web/cookies/index.js'] },
  { q: 'How is a fetch body extracted from a string, a Blob, form data or a stream?', relevant: ['web/fetch/body.js'] },
  { q: 'How are the service-worker style cache storage and its match and put operations implemented?', relevant: ['web/cache/cache.js', 'web/cache/cachestorage.js'] },
  { q: 'How is an HTTP/2 client over cleartext, without TLS, created?', relevant: ['dispatcher/h2c-client.js'] },
  { q: 'How can a test inspect the history of calls that went through mocks?', relevant: ['mock/mock-call-history.js'] },
  { q: 'How are unused mock interceptors listed when a test ends?', relevant: ['mock/pending-interceptors-formatter.js', 'mock/mock-agent.js'] },
];

export const JINJA_THIRD: EvalQuestion[] = [
  { q: 'How are raw blocks, whose content is not interpreted, handled when tokenising?', relevant: ['lexer.py'] },
  { q: 'How does the sandbox limit the size of ranges?', relevant: ['sandbox.py'] },
  { q: 'How are macros imported from another template with import and from-import?', relevant: ['compiler.py'] },
  { q: 'How is a template name prevented from escaping the search path with two dots?', relevant: ['loaders.py'] },
  { q: 'How are templates precompiled into Python modules and loaded back from them?', relevant: ['environment.py', 'loaders.py'] },
  { q: 'How can undefined values be logged instead of failing silently?', relevant: ['runtime.py'] },
  { q: 'How does the with statement open a new scope for its variables?', relevant: ['parser.py', 'compiler.py'] },
  { q: 'How is a checksum of the template source used to invalidate stale cached bytecode?', relevant: ['bccache.py'] },
  { q: 'How are tokens described in error messages such as "expected end of statement block"?', relevant: ['lexer.py', 'parser.py'] },
  { q: 'How is a derived environment created that shares most settings with its parent?', relevant: ['environment.py'] },
  { q: 'How does the debug tag print the available context, filters and tests?', relevant: ['ext.py'] },
];

export const GIN_THIRD: EvalQuestion[] = [
  { q: 'How is a file sent to the client as a download attachment?', relevant: ['context.go'] },
  { q: 'How can request logging skip certain paths?', relevant: ['logger.go'] },
  { q: 'How is the stack trace of a panic printed with its source lines?', relevant: ['recovery.go'] },
  { q: 'How are query parameters in array or map form read?', relevant: ['context.go'] },
  { q: 'How are responses encoded as MessagePack?', relevant: ['render/msgpack.go'] },
  { q: 'How can JSON decoding keep numbers exact or reject unknown fields?', relevant: ['binding/json.go', 'mode.go'] },
  { q: 'How is an uploaded file saved to disk?', relevant: ['context.go'] },
  { q: 'How does the router keep a separate tree for each HTTP method?', relevant: ['tree.go', 'gin.go'] },
  { q: 'How are default values and time formats in struct tags applied while binding forms?', relevant: ['binding/form_mapping.go'] },
  { q: 'How can the server accept HTTP/2 without TLS?', relevant: ['gin.go'] },
  { q: 'How is data from a reader streamed as a response with its content length?', relevant: ['render/reader.go'] },
];
