// A fifth blind batch on three more code bases nobody here wrote and the ranker had never run on: urllib3 1.26.12
// (Debian python3-urllib3), pkg/sftp 1.13.5 (Debian golang-github-pkg-sftp-dev) and markdown-it 14.3.3 lib/ (npm, in
// node_modules through @vscode/vsce). Written by reading the code and committed before any ranker ran on them; labels
// are every file a good answer needs.
import type { EvalQuestion } from './types';

export const URLLIB3_QUESTIONS: EvalQuestion[] = [
  { q: 'Where is the delay before the next retry computed, and how does it grow after each failure?', relevant: ['util/retry.py'] },
  { q: 'How does the client honour a Retry-After header that the server sends with a 503?', relevant: ['util/retry.py'] },
  { q: 'Where are idle connections kept between requests and handed back when a request finishes?', relevant: ['connectionpool.py'] },
  { q: 'How does the manager pick an existing pool or create a new one for a given scheme, host and port?', relevant: ['poolmanager.py'] },
  { q: 'When going through a proxy, how is it decided whether to tunnel with CONNECT or send the full URL to the proxy?', relevant: ['util/proxy.py', 'poolmanager.py'] },
  { q: 'How is the name in the server certificate checked against the host we meant to reach, including wildcards?', relevant: ['util/ssl_match_hostname.py', 'connection.py'] },
  { q: 'How are the connect and read timeouts kept apart, and how much of the total time is left for reading?', relevant: ['util/timeout.py'] },
  { q: 'How is a URL split into scheme, host, port, path and query, and how are odd characters percent-encoded?', relevant: ['util/url.py'] },
  { q: 'How is a compressed response body, gzip, deflate or brotli, decoded while it is read?', relevant: ['response.py'] },
  { q: 'How is a form with file uploads encoded as a multipart body with a boundary?', relevant: ['filepost.py', 'fields.py'] },
  { q: 'How are headers stored so that lookups ignore case and repeated headers keep all their values?', relevant: ['_collections.py'] },
  { q: 'How can requests be sent through a SOCKS proxy?', relevant: ['contrib/socks.py'] },
  { q: 'How does it find out whether a pooled socket was closed by the other side before reusing it, with select or poll?', relevant: ['util/wait.py', 'util/connection.py'] },
  { q: 'How can a connection be pinned to one certificate by comparing its fingerprint?', relevant: ['util/ssl_.py'] },
  { q: 'When a redirect goes to another host, which headers such as Authorization are dropped before following it?', relevant: ['poolmanager.py', 'util/retry.py'] },
  { q: 'How is TLS run inside another TLS connection when the proxy itself is reached over HTTPS?', relevant: ['util/ssltransport.py'] },
  { q: 'How are the default TLS settings chosen, such as the minimum protocol version and the cipher list?', relevant: ['util/ssl_.py'] },
  { q: 'How does opening a socket try every address a host name resolves to, IPv4 and IPv6?', relevant: ['util/connection.py'] },
];

export const SFTP_QUESTIONS: EvalQuestion[] = [
  { q: 'How does the client read a large remote file fast by keeping several read requests in flight at once?', relevant: ['client.go'] },
  { q: 'How does a session start: how is the protocol version agreed and the server extensions learned?', relevant: ['client.go'] },
  { q: 'How are packets framed on the wire with a length prefix and read back from the stream?', relevant: ['packet.go'] },
  { q: 'On the client side, how is each reply matched to the request that is waiting for it?', relevant: ['conn.go'] },
  { q: 'How does the server send replies in the order the requests arrived even though workers handle them in parallel?', relevant: ['packet-manager.go'] },
  { q: 'How can I plug my own storage backend into the server instead of the local disk?', relevant: ['request-server.go', 'request-interfaces.go'] },
  { q: 'Is there an in-memory file system I can serve in tests?', relevant: ['request-example.go'] },
  { q: 'How does the server turn an operating-system error such as file not found into a protocol status code?', relevant: ['server.go', 'stat_posix.go'] },
  { q: 'How does wildcard matching of remote paths, like *.txt, work?', relevant: ['match.go'] },
  { q: 'How is a directory entry formatted like a line of ls -l, with owner and group names?', relevant: ['ls_formatting.go'] },
  { q: 'How is the server made read-only so that every write operation is refused?', relevant: ['server.go', 'packet-typing.go'] },
  { q: 'How are permission bits and file types converted between the protocol numbers and Go file modes?', relevant: ['stat_posix.go'] },
  { q: 'How are file attributes such as size, owner, permissions and times written into a packet and parsed back?', relevant: ['packet.go', 'attrs.go'] },
  { q: 'How does the server reuse memory pages for data packets instead of allocating a new buffer every time?', relevant: ['allocator.go'] },
  { q: 'How are paths sent by the client cleaned and resolved against a start directory?', relevant: ['request-server.go'] },
  { q: 'What limits the size of one read or write request, and how can it be raised safely?', relevant: ['client.go'] },
  { q: 'How does uploading from a local reader send several writes concurrently?', relevant: ['client.go'] },
];

export const MARKDOWN_IT_QUESTIONS: EvalQuestion[] = [
  { q: 'How are dangerous link targets such as javascript: URLs refused?', relevant: ['index.mjs'] },
  { q: 'How does a fenced code block get passed to a syntax highlighter when it is rendered?', relevant: ['renderer.mjs'] },
  { q: 'How are straight quotes replaced by curly typographic quotes?', relevant: ['rules_core/smartquotes.mjs'] },
  { q: 'How are (c), (tm) and double dashes turned into typographic symbols?', relevant: ['rules_core/replacements.mjs'] },
  { q: 'How does the parser decide where emphasis with * or _ opens and closes?', relevant: ['rules_inline/emphasis.mjs', 'rules_inline/balance_pairs.mjs'] },
  { q: 'How are tables with pipes and an alignment row recognised?', relevant: ['rules_block/table.mjs'] },
  { q: 'How can a plugin add its own rule before or after an existing one, or switch rules on and off?', relevant: ['ruler.mjs'] },
  { q: 'How are bare web addresses in the text turned into links automatically?', relevant: ['rules_core/linkify.mjs', 'rules_inline/linkify.mjs'] },
  { q: 'How are reference definitions like [foo]: /url collected so that links elsewhere can use them?', relevant: ['rules_block/reference.mjs'] },
  { q: 'How is the indentation of a list item measured to decide whether the next line still belongs to it?', relevant: ['rules_block/list.mjs'] },
  { q: 'How are HTML special characters escaped in the output?', relevant: ['common/utils.mjs'] },
  { q: 'How are line endings and null characters normalised before parsing starts?', relevant: ['rules_core/normalize.mjs'] },
  { q: 'Which options and rules does the strict CommonMark mode turn on?', relevant: ['presets/commonmark.mjs'] },
  { q: 'How are the HTML attributes of a token read and changed?', relevant: ['token.mjs'] },
  { q: 'How does the block parser keep track of where each line starts and ends and how far it is indented?', relevant: ['rules_block/state_block.mjs'] },
  { q: 'How are the destination and the optional title of an inline link parsed?', relevant: ['rules_inline/link.mjs', 'helpers/parse_link_destination.mjs', 'helpers/parse_link_title.mjs'] },
  { q: 'How are named and numeric character entities such as &amp; or &#x41; decoded?', relevant: ['rules_inline/entity.mjs'] },
  { q: 'How does a line of === or --- under some text turn that text into a heading?', relevant: ['rules_block/lheading.mjs'] },
];
