// A sixth blind batch on three more code bases nobody here wrote and the ranker had never run on, of three shapes:
// Click 8.1.3 (Debian python3-click: a few large files), HCL 1.0.0 (Debian golang-github-hashicorp-hcl-dev: nested Go
// packages among ~170 test fixtures) and msal-common 16.16.1 src/ (npm, in node_modules through @azure/identity: 126
// TypeScript files in 25 folders). Written by reading the code and committed before any ranker ran on them; labels are
// every file a good answer needs.
import type { EvalQuestion } from './types';

export const CLICK_QUESTIONS: EvalQuestion[] = [
  { q: 'How does the tool guess its own version number from the installed package metadata when none is given?', relevant: ['decorators.py'] },
  { q: 'Where is a command line string split into words the way a shell would, respecting quotes?', relevant: ['parser.py'] },
  { q: 'How is a mistyped long option turned into a "did you mean" hint?', relevant: ['parser.py', 'exceptions.py'] },
  { q: 'When an option is missing on the command line, how is it read from an environment variable, and how is that variable name built from a prefix?', relevant: ['core.py'] },
  { q: 'How does the progress bar estimate the remaining time and redraw itself on the terminal?', relevant: ['_termui_impl.py'] },
  { q: 'How does the test helper capture what a command prints and feed it fake keyboard input?', relevant: ['testing.py'] },
  { q: 'Where are the tab completion scripts for bash, zsh and fish produced?', relevant: ['shell_completion.py'] },
  { q: 'How can a value be restricted to a fixed set of allowed words, compared case-insensitively?', relevant: ['types.py'] },
  { q: 'How is a number checked against a minimum and maximum, optionally clamping it into the range?', relevant: ['types.py'] },
  { q: 'Where is the per-user settings folder chosen on Windows, macOS and Linux?', relevant: ['utils.py'] },
  { q: 'How is long help text re-wrapped into paragraphs while keeping blocks that are marked not to be rewrapped?', relevant: ['formatting.py', '_textwrap.py'] },
  { q: 'How is long output shown page by page through less or another pager program?', relevant: ['_termui_impl.py', 'termui.py'] },
  { q: 'How is a text editor opened for the user to write a message, and which editor is picked?', relevant: ['_termui_impl.py', 'termui.py'] },
  { q: 'How is a file written atomically, so that a crash does not leave a half-written file behind?', relevant: ['_compat.py'] },
  { q: 'When the user types a password, how is the input hidden and asked a second time for confirmation?', relevant: ['termui.py'] },
  { q: 'How are colour escape codes removed from output that does not go to a terminal?', relevant: ['utils.py', '_compat.py'] },
  { q: 'How are open files and other resources closed when the command finishes?', relevant: ['core.py'] },
  { q: 'How does a group with chained subcommands run each of them in turn with its own arguments?', relevant: ['core.py'] },
  { q: 'How can a function find the currently running invocation state without it being passed in?', relevant: ['globals.py'] },
  { q: 'On Windows, how is Unicode text written to the console rather than through the code page?', relevant: ['_winconsole.py'] },
  { q: 'How does a path parameter check that the file exists, is readable, or is a directory?', relevant: ['types.py'] },
  { q: 'What happens when the user presses Ctrl-C or input ends: which message and exit code?', relevant: ['core.py'] },
];

export const HCL_QUESTIONS: EvalQuestion[] = [
  { q: 'How does the library tell whether the input is JSON or the native syntax before parsing it?', relevant: ['lex.go', 'parse.go'] },
  { q: 'How are the fields of a Go struct filled from a configuration block, following struct tags?', relevant: ['decoder.go'] },
  { q: 'How is a heredoc read, including the variant that strips the common leading indentation?', relevant: ['hcl/scanner/scanner.go', 'hcl/token/token.go'] },
  { q: 'How are escape sequences such as \\n and \\u inside quoted strings turned into characters?', relevant: ['hcl/strconv/quote.go'] },
  { q: 'How does the formatter line up the equals signs of consecutive assignments?', relevant: ['hcl/printer/nodes.go'] },
  { q: 'How are comments kept and placed next to the right items when a file is reformatted?', relevant: ['hcl/printer/nodes.go'] },
  { q: 'How does the command-line formatter walk a folder, pick files by extension, and print a diff or rewrite them in place?', relevant: ['hcl/fmtcmd/fmtcmd.go'] },
  { q: 'How are nested JSON objects turned into the same tree shape as nested native blocks?', relevant: ['json/parser/flatten.go'] },
  { q: 'When parsing fails, how are the line and column attached to the error message?', relevant: ['hcl/parser/error.go', 'hcl/token/position.go'] },
  { q: 'How can a caller visit and rewrite every node of the syntax tree?', relevant: ['hcl/ast/walk.go'] },
  { q: 'How can you keep only the entries of a block whose key starts with a given name, such as all resource entries?', relevant: ['hcl/ast/ast.go'] },
  { q: 'How are numbers recognised in the native syntax, including hexadecimal, octal and exponents?', relevant: ['hcl/scanner/scanner.go'] },
  { q: 'How is the literal text of a token, a number, a boolean or a quoted string, converted to a Go value?', relevant: ['hcl/token/token.go'] },
  { q: 'When several blocks share a name, how are they gathered into a list or a map while decoding?', relevant: ['decoder.go'] },
  { q: 'How is a block header with several labels, like service "web" {, parsed into its keys?', relevant: ['hcl/parser/parser.go'] },
  { q: 'How are lists that span several lines, with trailing commas and comments, parsed?', relevant: ['hcl/parser/parser.go'] },
  { q: 'When the target is untyped, how does decoding decide between a map, a list of maps and a plain value?', relevant: ['decoder.go'] },
  { q: 'How does the JSON reader scan a quoted string with escapes and report one that is never closed?', relevant: ['json/scanner/scanner.go'] },
  { q: 'How do the tests make expected output use Windows line endings when they run on Windows?', relevant: ['testhelper/unix2dos.go'] },
];

export const MSAL_QUESTIONS: EvalQuestion[] = [
  { q: 'How does a silent request decide that a cached access token has expired or is due to be refreshed early?', relevant: ['client/SilentFlowClient.ts', 'utils/TimeUtils.ts'] },
  { q: 'When the server answers 429 or asks to retry later, how are identical requests blocked for a while?', relevant: ['network/ThrottlingUtils.ts', 'cache/entities/ThrottlingEntity.ts'] },
  { q: 'How are requested permissions compared without regard to case, and how are the default OpenID ones added?', relevant: ['request/ScopeSet.ts'] },
  { q: 'How are the tenant endpoints for signing in and getting tokens discovered from the OpenID configuration and cached?', relevant: ['authority/Authority.ts'] },
  { q: 'How does the library find out which Azure region the app runs in, from the instance metadata service?', relevant: ['authority/RegionDiscovery.ts'] },
  { q: 'How is the code returned to the redirect page exchanged for tokens at the token endpoint?', relevant: ['client/AuthorizationCodeClient.ts'] },
  { q: 'How are the query parameters of the sign-in page address assembled, such as prompt, login hint and code challenge?', relevant: ['protocol/Authorize.ts', 'request/RequestParameterBuilder.ts'] },
  { q: 'How is a proof-of-possession token bound to a key, with the key thumbprint in a signed request?', relevant: ['crypto/PopTokenGenerator.ts'] },
  { q: 'How is the payload of an ID token decoded from base64 and its claims read?', relevant: ['account/AuthToken.ts'] },
  { q: 'How does the cache find the refresh token for an account, including one shared by a family of apps?', relevant: ['cache/CacheManager.ts'] },
  { q: 'How is a nonce for signed requests read from the authentication challenge header of a response?', relevant: ['request/AuthenticationHeaderParser.ts'] },
  { q: 'How are log messages filtered by level and kept free of personal data unless that is switched on?', relevant: ['logger/Logger.ts'] },
  { q: 'How does the state sent through the redirect carry the library data along with the app own state?', relevant: ['utils/ProtocolUtils.ts'] },
  { q: 'How does the telemetry header sent to the server record earlier failed requests and cache hits?', relevant: ['telemetry/server/ServerTelemetryManager.ts'] },
  { q: 'Which token endpoint errors mean the user has to sign in again interactively, and where are they raised?', relevant: ['error/InteractionRequiredAuthError.ts', 'response/ResponseHandler.ts'] },
  { q: 'How are timings of the sub-steps of an operation started, ended and aggregated into one event?', relevant: ['telemetry/performance/PerformanceClient.ts'] },
  { q: 'How is a token response checked, for instance its nonce, and then written to the cache?', relevant: ['response/ResponseHandler.ts'] },
  { q: 'Which cloud instances are known without a network call, and how are host aliases resolved?', relevant: ['authority/AuthorityMetadata.ts'] },
  { q: 'How is a refresh token used to obtain new tokens?', relevant: ['client/RefreshTokenClient.ts'] },
  { q: 'How is the hash or query part of a redirect address parsed into the server response fields?', relevant: ['utils/UrlUtils.ts'] },
];
