// The eighth round's second batch, written after the round's fixes and committed before any ranker ran on it: more
// questions on rustls, gorilla/websocket and Python-Markdown, and webpki 0.22.0 (Debian librust-webpki-dev, which
// rustls depends on: a small Rust crate of certificate-path and name checks) as a code base no fix was looked at on.
// Labels are every file a good answer needs.
import type { EvalQuestion } from './types';

export const WEBPKI_QUESTIONS: EvalQuestion[] = [
  { q: 'How is the chain from the server certificate up to a trusted root built, and how long may it be?', relevant: ['src/verify_cert.rs'] },
  { q: 'How are wildcard names like *.example.com matched against the hostname?', relevant: ['src/name/dns_name.rs'] },
  { q: 'Can a certificate be checked against an IP address instead of a DNS name?', relevant: ['src/name/ip_address.rs', 'src/name/verify.rs'] },
  { q: 'Where are name constraints of an intermediate authority enforced?', relevant: ['src/name/verify.rs'] },
  { q: 'Which signature algorithms are supported, and how is a signature over the certificate checked?', relevant: ['src/signed_data.rs'] },
  { q: 'How is the not-before / not-after validity window compared with the current time?', relevant: ['src/verify_cert.rs', 'src/time.rs'] },
  { q: 'How are the dates in a certificate converted to seconds, including leap years?', relevant: ['src/calendar.rs', 'src/der.rs'] },
  { q: 'How are the DER tags and lengths of the certificate structure read?', relevant: ['src/der.rs'] },
  { q: 'Where is the extended key usage checked so a client certificate is not accepted as a server one?', relevant: ['src/verify_cert.rs', 'src/end_entity.rs'] },
  { q: 'How do I turn a root certificate into a trust anchor, and what about old version 1 certificates?', relevant: ['src/trust_anchor.rs'] },
  { q: 'What are the ways certificate validation can fail?', relevant: ['src/error.rs'] },
];

export const RUSTLS_SECOND: EvalQuestion[] = [
  { q: 'What does the server do when the client offers no key share it can use in TLS 1.3?', relevant: ['src/server/tls13.rs', 'src/server/hs.rs'] },
  { q: 'How is the server Finished message verified by the client in TLS 1.2?', relevant: ['src/client/tls12.rs'] },
  { q: 'Where does the client check that the server chose a cipher suite and version it actually offered?', relevant: ['src/client/hs.rs'] },
  { q: 'How are alerts encoded and which alert is sent for a bad certificate?', relevant: ['src/msgs/alert.rs', 'src/conn.rs', 'src/msgs/enums.rs'] },
  { q: 'How does the server pick a signature scheme that both its key and the client support?', relevant: ['src/sign.rs', 'src/server/tls13.rs', 'src/server/tls12.rs'] },
  { q: 'How do I generate random bytes for nonces and session ids?', relevant: ['src/rand.rs'] },
  { q: 'How are the ChaCha20-Poly1305 and AES-GCM record keys set up for TLS 1.3?', relevant: ['src/tls13/mod.rs', 'src/tls13/key_schedule.rs'] },
  { q: 'Where are the client certificate and its signature sent when the server asks for one in TLS 1.3?', relevant: ['src/client/tls13.rs', 'src/client/common.rs'] },
];

export const WEBSOCKET_SECOND: EvalQuestion[] = [
  { q: 'How are the random client mask keys generated for each frame?', relevant: ['conn.go'] },
  { q: 'How is a fragmented message with continuation frames reassembled when reading?', relevant: ['conn.go'] },
  { q: 'What happens if the server gets a frame that is not masked?', relevant: ['conn.go'] },
  { q: 'Which HTTP version and method does the upgrade handler require?', relevant: ['server.go'] },
  { q: 'How is the challenge key for the opening handshake created?', relevant: ['util.go', 'client.go'] },
  { q: 'How does the client set the Host header and the path when the URL has a port?', relevant: ['client.go'] },
  { q: 'How are deadlines on the underlying network connection set for reads and writes?', relevant: ['conn.go'] },
];

export const MARKDOWN_SECOND: EvalQuestion[] = [
  { q: 'How are blockquotes starting with > parsed, including nested ones?', relevant: ['blockprocessors.py'] },
  { q: 'How are horizontal rules like *** or --- recognised?', relevant: ['blockprocessors.py'] },
  { q: 'How are automatic links in angle brackets and email addresses turned into anchors?', relevant: ['inlinepatterns.py'] },
  { q: 'How are email addresses obfuscated in the output?', relevant: ['inlinepatterns.py'] },
  { q: 'How do I make lists that do not mix ordered and unordered items?', relevant: ['extensions/sane_lists.py'] },
  { q: 'How are definition lists with a term and a colon-prefixed definition parsed?', relevant: ['extensions/def_list.py'] },
  { q: 'How do I keep the old attribute syntax {@id=foo} working?', relevant: ['extensions/legacy_attrs.py'] },
  { q: 'How is HTML entity text like &amp; kept intact?', relevant: ['inlinepatterns.py', 'postprocessors.py'] },
];
