// A fourth blind batch on three more code bases nobody here wrote and the ranker had never run on: Werkzeug 2.2.2
// (Debian python3-werkzeug), chi 5.0.7 (Debian golang-github-go-chi-chi-dev) and Ajv 8.20.0 lib/ (npm, TypeScript).
// Written by reading the code and committed before any ranker ran on them; labels are every file a good answer needs.
import type { EvalQuestion } from './types';

export const WERKZEUG_QUESTIONS: EvalQuestion[] = [
  { q: 'How does the development server restart itself when a source file changes?', relevant: ['_reloader.py'] },
  { q: 'How are passwords hashed with a salt and checked later?', relevant: ['security.py'] },
  { q: 'How is a file name from an upload cleaned so it cannot climb out of a folder or contain odd characters?', relevant: ['utils.py'] },
  { q: 'How does the in-browser debugger protect its interactive console with a PIN?', relevant: ['debug/__init__.py'] },
  { q: 'When several URL rules could match a path, what decides which one wins?', relevant: ['routing/matcher.py', 'routing/rules.py'] },
  { q: 'How are parts of a URL such as an integer, a UUID or a whole sub-path turned into Python values?', relevant: ['routing/converters.py'] },
  { q: 'How is a multipart form upload split into fields and files?', relevant: ['formparser.py', 'sansio/multipart.py'] },
  { q: 'How does the application see the real client address and scheme when it runs behind a reverse proxy?', relevant: ['middleware/proxy_fix.py'] },
  { q: 'How does the middleware that serves static files from a folder or a package work?', relevant: ['middleware/shared_data.py'] },
  { q: 'How does the test client simulate requests, keep cookies between them and follow redirects?', relevant: ['test.py'] },
  { q: 'How is a request for only part of a file, a byte range, answered?', relevant: ['wrappers/response.py', 'wsgi.py'] },
  { q: 'Where are the HTTP errors such as 404 Not Found defined and how do they become a response?', relevant: ['exceptions.py'] },
  { q: 'How does each thread or coroutine see its own current request through a global-looking object?', relevant: ['local.py'] },
  { q: 'How is a throwaway self-signed certificate made so the development server can run over HTTPS?', relevant: ['serving.py'] },
  { q: 'How is a cookie turned into a Set-Cookie header with its expiry, domain and SameSite flag?', relevant: ['http.py', 'sansio/response.py'] },
  { q: 'How are several WSGI applications mounted under different path prefixes?', relevant: ['middleware/dispatcher.py'] },
];

export const CHI_QUESTIONS: EvalQuestion[] = [
  { q: 'How does the router find the handler for a path, including named parameters and regular-expression segments?', relevant: ['tree.go'] },
  { q: 'How does a handler read a value captured from the URL, like the id in /users/{id}?', relevant: ['context.go'] },
  { q: 'How is a sub-router mounted under a prefix, and how is the rest of the path routed inside it?', relevant: ['mux.go'] },
  { q: 'When a path exists but not for the request method, where is the 405 answer decided and sent?', relevant: ['mux.go', 'tree.go'] },
  { q: 'How can I add support for a non-standard HTTP method such as PROPFIND?', relevant: ['tree.go'] },
  { q: 'How is the client IP address taken from the headers set by a proxy?', relevant: ['middleware/realip.go'] },
  { q: 'How does the server survive a panic in a handler and print a readable stack trace?', relevant: ['middleware/recoverer.go'] },
  { q: 'How are responses gzip-compressed, and which content types get compressed?', relevant: ['middleware/compress.go'] },
  { q: 'How is every incoming request given a unique identifier?', relevant: ['middleware/request_id.go'] },
  { q: 'How are requests logged with status, size and duration, in colour when the output is a terminal?', relevant: ['middleware/logger.go', 'middleware/terminal.go'] },
  { q: 'How can I limit how many requests are processed at once and let the others wait in a queue?', relevant: ['middleware/throttle.go'] },
  { q: 'How is a request cut off with a gateway timeout when the handler takes too long?', relevant: ['middleware/timeout.go'] },
  { q: 'How can I list every registered route together with its middlewares?', relevant: ['tree.go'] },
  { q: 'How can requests go through a different middleware stack depending on a header such as Host?', relevant: ['middleware/route_headers.go'] },
  { q: 'How is a trailing slash at the end of the path removed or redirected?', relevant: ['middleware/strip.go'] },
  { q: 'How are middlewares combined into one handler without using a router?', relevant: ['chain.go'] },
];

export const AJV_QUESTIONS: EvalQuestion[] = [
  { q: 'How does the validator remember compiled schemas so compiling the same schema again is cheap?', relevant: ['core.ts'] },
  { q: 'How are schemas that are referenced by URL fetched asynchronously before compiling?', relevant: ['core.ts'] },
  { q: 'How are default values from the schema filled into the data while validating?', relevant: ['compile/validate/defaults.ts'] },
  { q: 'How is a value converted to the expected type, for example the string "5" to a number, when coercion is turned on?', relevant: ['compile/validate/dataType.ts'] },
  { q: 'How are properties that the schema does not list removed from the data?', relevant: ['vocabularies/applicator/additionalProperties.ts'] },
  { q: 'How is the validation function generated as JavaScript source, and how are variable names kept unique?', relevant: ['compile/codegen/index.ts', 'compile/codegen/scope.ts'] },
  { q: 'How can a schema be compiled into a standalone module that runs without the library?', relevant: ['standalone/index.ts'] },
  { q: 'How are references between schemas resolved, with ids and JSON pointers?', relevant: ['compile/resolve.ts', 'compile/index.ts'] },
  { q: 'How is the length of a string counted so that an emoji counts as one character?', relevant: ['runtime/ucs2length.ts'] },
  { q: 'Where are validation errors built with the path to the bad data and to the schema rule?', relevant: ['compile/errors.ts'] },
  { q: 'How does strict mode complain about unknown keywords or types it has to ignore?', relevant: ['compile/validate/index.ts', 'compile/util.ts'] },
  { q: 'How can I define my own keyword with its own validation code?', relevant: ['core.ts', 'compile/validate/keyword.ts'] },
  { q: 'How does a discriminator property choose which of the alternative schemas applies?', relevant: ['vocabularies/discriminator/index.ts'] },
  { q: 'How are properties that no other part of the schema checked tracked, so that they can be rejected?', relevant: ['vocabularies/unevaluated/unevaluatedProperties.ts', 'compile/util.ts'] },
  { q: 'How does the type-definition mode compile a parser that validates while it parses a JSON string?', relevant: ['compile/jtd/parse.ts', 'runtime/parseJson.ts'] },
  { q: 'How can a safer regular expression engine be plugged in for patterns, to avoid catastrophic backtracking?', relevant: ['vocabularies/code.ts', 'runtime/re2.ts'] },
];
