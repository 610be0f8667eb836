// The code bases the retrieval evaluation runs on: none written here. Each is pinned to the installed version its
// questions were labelled on; a missing or different version fails loudly (it is never skipped). CI installs the
// Debian ones in scripts/ensureTestHost.js; the npm ones come with `npm ci`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MARKDOWN_IT_QUESTIONS, SFTP_QUESTIONS, URLLIB3_QUESTIONS } from './blindFifth';
import { CLICK_QUESTIONS, HCL_QUESTIONS, MSAL_QUESTIONS } from './blindSixth';
import { MARKDOWN_QUESTIONS, RUSTLS_QUESTIONS, WEBSOCKET_QUESTIONS } from './blindEighth';
import { MARKDOWN_SECOND, RUSTLS_SECOND, WEBPKI_QUESTIONS, WEBSOCKET_SECOND } from './blindEighthSecond';
import { JSDIFF_QUESTIONS, PYYAML_QUESTIONS, TOML_QUESTIONS } from './blindNinth';
import { FSNOTIFY_QUESTIONS } from './blindNinthSecond';
import { PFLAG_QUESTIONS, PYJWT_QUESTIONS, SEMVER_QUESTIONS } from './blindTenth';
import { PROPERTIES_QUESTIONS } from './blindTenthSecond';
import { AFERO_QUESTIONS, JSZIP_QUESTIONS, OAUTHLIB_QUESTIONS } from './blindSeventh';
import { AJV_QUESTIONS, CHI_QUESTIONS, WERKZEUG_QUESTIONS } from './blindFourth';
import { GIN_THIRD, JINJA_THIRD, UNDICI_THIRD } from './blindThird';
import { COBRA_QUESTIONS } from './cobraQuestions';
import { ESLINT_QUESTIONS } from './eslintQuestions';
import { FLASK_QUESTIONS } from './flaskQuestions';
import { GIN_FINAL, GIN_QUESTIONS } from './ginQuestions';
import { JINJA_FINAL, JINJA_QUESTIONS } from './jinjaQuestions';
import { MOCHA_QUESTIONS } from './mochaQuestions';
import { OPENAI_QUESTIONS } from './openaiQuestions';
import { UNDICI_FINAL, UNDICI_QUESTIONS } from './undiciQuestions';
import type { EvalQuestion } from './types';

const NODE_MODULES = path.join(__dirname, '..', '..', '..', '..', 'node_modules');

export interface Codebase {
  name: string;
  language: string;
  root: string;
  version: string;
  /** The installed version, or an error saying how to install the pinned one. */
  installed(): string;
  questions: EvalQuestion[];
  /** Every question of this code base is in the tuning part (none is reported as held-out). */
  tuningOnly?: boolean;
}

function npmVersion(pkg: string): () => string {
  return () => (JSON.parse(fs.readFileSync(path.join(NODE_MODULES, pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

function debVersion(pkg: string): () => string {
  return () => {
    try {
      return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' }).trim();
    } catch {
      throw new Error(`Debian package ${pkg} is not installed: apt-get install -y ${pkg} (scripts/ensureTestHost.js does this in CI)`);
    }
  };
}

export const CODEBASES: Codebase[] = [
  { name: 'eslint/lib', language: 'JavaScript', root: path.join(NODE_MODULES, 'eslint', 'lib'), version: '9.39.5', installed: npmVersion('eslint'), questions: ESLINT_QUESTIONS },
  { name: 'openai/src', language: 'TypeScript', root: path.join(NODE_MODULES, 'openai', 'src'), version: '6.49.0', installed: npmVersion('openai'), questions: OPENAI_QUESTIONS },
  { name: 'flask', language: 'Python', root: '/usr/lib/python3/dist-packages/flask', version: '2.2.2-3', installed: debVersion('python3-flask'), questions: FLASK_QUESTIONS },
  { name: 'cobra', language: 'Go', root: '/usr/share/gocode/src/github.com/spf13/cobra', version: '1.6.1-1', installed: debVersion('golang-github-spf13-cobra-dev'), questions: COBRA_QUESTIONS },
];

/** Used only to fix parameters, never reported: more tuning questions without touching the held-out part. */
export const TUNING_CODEBASES: Codebase[] = [
  { name: 'mocha/lib', language: 'JavaScript', root: path.join(NODE_MODULES, 'mocha', 'lib'), version: '12.0.3', installed: npmVersion('mocha'), questions: MOCHA_QUESTIONS, tuningOnly: true },
];

/**
 * Blind code bases: added after the ranker was built, never used to fix a parameter before their questions were
 * committed. The first batch guided general fixes; the second, run once after them, did not confirm most of them and
 * chose which to keep (so it is no longer blind); the third, written before that choice was run, is the honest figure.
 */
function blind(questions: [EvalQuestion[], EvalQuestion[], EvalQuestion[]]): Codebase[] {
  return [
    { name: 'undici/lib', language: 'JavaScript', root: path.join(NODE_MODULES, 'undici', 'lib'), version: '7.30.2', installed: npmVersion('undici'), questions: questions[0] },
    { name: 'jinja2', language: 'Python', root: '/usr/lib/python3/dist-packages/jinja2', version: '3.1.2-1+deb12u3', installed: debVersion('python3-jinja2'), questions: questions[1] },
    { name: 'gin', language: 'Go', root: '/usr/share/gocode/src/github.com/gin-gonic/gin', version: '1.8.1-1', installed: debVersion('golang-github-gin-gonic-gin-dev'), questions: questions[2] },
  ];
}
export const BLIND_CODEBASES = blind([UNDICI_QUESTIONS, JINJA_QUESTIONS, GIN_QUESTIONS]);
export const BLIND_FINAL_CODEBASES = blind([UNDICI_FINAL, JINJA_FINAL, GIN_FINAL]);
export const BLIND_THIRD_CODEBASES = blind([UNDICI_THIRD, JINJA_THIRD, GIN_THIRD]);
/** All three batches of each blind code base together: what the unit tier's floors are asserted on. */
export const BLIND_ALL_CODEBASES = blind([[...UNDICI_QUESTIONS, ...UNDICI_FINAL, ...UNDICI_THIRD],
  [...JINJA_QUESTIONS, ...JINJA_FINAL, ...JINJA_THIRD], [...GIN_QUESTIONS, ...GIN_FINAL, ...GIN_THIRD]]);

/** A fourth blind batch, on three more code bases the ranker had never run on (questions committed first). */
export const BLIND_FOURTH_CODEBASES: Codebase[] = [
  { name: 'werkzeug', language: 'Python', root: '/usr/lib/python3/dist-packages/werkzeug', version: '2.2.2-3+deb12u1', installed: debVersion('python3-werkzeug'), questions: WERKZEUG_QUESTIONS },
  { name: 'chi', language: 'Go', root: '/usr/share/gocode/src/github.com/go-chi/chi', version: '5.0.7-1', installed: debVersion('golang-github-go-chi-chi-dev'), questions: CHI_QUESTIONS },
  { name: 'ajv/lib', language: 'TypeScript', root: path.join(NODE_MODULES, 'ajv', 'lib'), version: '8.20.0', installed: npmVersion('ajv'), questions: AJV_QUESTIONS },
];

/** A fifth blind batch, again on three code bases the ranker had never run on (questions committed first). */
export const BLIND_FIFTH_CODEBASES: Codebase[] = [
  { name: 'urllib3', language: 'Python', root: '/usr/lib/python3/dist-packages/urllib3', version: '1.26.12-1+deb12u4', installed: debVersion('python3-urllib3'), questions: URLLIB3_QUESTIONS },
  { name: 'sftp', language: 'Go', root: '/usr/share/gocode/src/github.com/pkg/sftp', version: '1.13.5-2', installed: debVersion('golang-github-pkg-sftp-dev'), questions: SFTP_QUESTIONS },
  { name: 'markdown-it/lib', language: 'JavaScript', root: path.join(NODE_MODULES, 'markdown-it', 'lib'), version: '14.3.3', installed: npmVersion('markdown-it'), questions: MARKDOWN_IT_QUESTIONS },
];

/** A sixth blind batch, of three shapes: few large Python files, nested Go packages among fixtures, a large TS tree. */
export const BLIND_SIXTH_CODEBASES: Codebase[] = [
  { name: 'click', language: 'Python', root: '/usr/lib/python3/dist-packages/click', version: '8.1.3-2', installed: debVersion('python3-click'), questions: CLICK_QUESTIONS },
  { name: 'hcl', language: 'Go', root: '/usr/share/gocode/src/github.com/hashicorp/hcl', version: '1.0.0-1.1', installed: debVersion('golang-github-hashicorp-hcl-dev'), questions: HCL_QUESTIONS },
  { name: 'msal-common/src', language: 'TypeScript', root: path.join(NODE_MODULES, '@azure', 'msal-common', 'src'), version: '16.16.1', installed: npmVersion('@azure/msal-common'), questions: MSAL_QUESTIONS },
];

/** A seventh blind batch: a Go package of wrappers with a test beside each, nested Python packages whose file names repeat, CommonJS workers. */
export const BLIND_SEVENTH_CODEBASES: Codebase[] = [
  { name: 'afero', language: 'Go', root: '/usr/share/gocode/src/github.com/spf13/afero', version: '1.9.3-1', installed: debVersion('golang-github-spf13-afero-dev'), questions: AFERO_QUESTIONS },
  { name: 'oauthlib', language: 'Python', root: '/usr/lib/python3/dist-packages/oauthlib', version: '3.2.2-1', installed: debVersion('python3-oauthlib'), questions: OAUTHLIB_QUESTIONS },
  { name: 'jszip/lib', language: 'JavaScript', root: path.join(NODE_MODULES, 'jszip', 'lib'), version: '3.10.2', installed: npmVersion('jszip'), questions: JSZIP_QUESTIONS },
];

/** An eighth blind batch: the first Rust code base (client and server halves with the same file names), a flat Go package, a Python processor pipeline. */
export const BLIND_EIGHTH_CODEBASES: Codebase[] = [
  { name: 'rustls', language: 'Rust', root: '/usr/share/cargo/registry/rustls-0.20.8', version: '0.20.8-4', installed: debVersion('librust-rustls-dev'), questions: RUSTLS_QUESTIONS },
  { name: 'websocket', language: 'Go', root: '/usr/share/gocode/src/github.com/gorilla/websocket', version: '1.5.0-2', installed: debVersion('golang-github-gorilla-websocket-dev'), questions: WEBSOCKET_QUESTIONS },
  { name: 'markdown', language: 'Python', root: '/usr/lib/python3/dist-packages/markdown', version: '3.4.1-2+deb12u1', installed: debVersion('python3-markdown'), questions: MARKDOWN_QUESTIONS },
];

/** The eighth round's second batch, written after its fixes: the same three and webpki (Rust), no fix looked at. */
export const BLIND_EIGHTH_SECOND_CODEBASES: Codebase[] = [
  { name: 'webpki', language: 'Rust', root: '/usr/share/cargo/registry/webpki-0.22.0', version: '0.22.0-1', installed: debVersion('librust-webpki-dev'), questions: WEBPKI_QUESTIONS },
  { ...BLIND_EIGHTH_CODEBASES[0], questions: RUSTLS_SECOND },
  { ...BLIND_EIGHTH_CODEBASES[1], questions: WEBSOCKET_SECOND },
  { ...BLIND_EIGHTH_CODEBASES[2], questions: MARKDOWN_SECOND },
];

/** A ninth blind batch: a Python pipeline of mixin classes, a Go codec with a state-function lexer, compiled ES modules. */
export const BLIND_NINTH_CODEBASES: Codebase[] = [
  { name: 'pyyaml', language: 'Python', root: '/usr/lib/python3/dist-packages/yaml', version: '6.0-3+b2', installed: debVersion('python3-yaml'), questions: PYYAML_QUESTIONS },
  { name: 'toml', language: 'Go', root: '/usr/share/gocode/src/github.com/BurntSushi/toml', version: '1.2.0-2', installed: debVersion('golang-github-burntsushi-toml-dev'), questions: TOML_QUESTIONS },
  { name: 'jsdiff/libesm', language: 'JavaScript', root: path.join(NODE_MODULES, 'diff', 'libesm'), version: '9.0.0', installed: npmVersion('diff'), questions: JSDIFF_QUESTIONS },
];

/** The ninth round's second batch, written after its fixes: fsnotify (Go, one backend per operating system), no fix looked at. */
export const BLIND_NINTH_SECOND_CODEBASES: Codebase[] = [
  { name: 'fsnotify', language: 'Go', root: '/usr/share/gocode/src/github.com/fsnotify/fsnotify', version: '1.6.0-2', installed: debVersion('golang-github-fsnotify-fsnotify-dev'), questions: FSNOTIFY_QUESTIONS },
];

/** A tenth blind batch: a Go package of one file per flag type repeating one method family, mid-size Python modules, one tiny CommonJS file per function. */
export const BLIND_TENTH_CODEBASES: Codebase[] = [
  { name: 'pflag', language: 'Go', root: '/usr/share/gocode/src/github.com/spf13/pflag', version: '1.0.6~git20210604-d5e0c0615ace-1', installed: debVersion('golang-github-spf13-pflag-dev'), questions: PFLAG_QUESTIONS },
  { name: 'pyjwt', language: 'Python', root: '/usr/lib/python3/dist-packages/jwt', version: '2.6.0-1', installed: debVersion('python3-jwt'), questions: PYJWT_QUESTIONS },
  { name: 'semver', language: 'JavaScript', root: path.join(NODE_MODULES, 'semver'), version: '7.8.6', installed: npmVersion('semver'), questions: SEMVER_QUESTIONS },
];

/** The tenth round's second batch, written after its fixes: magiconair/properties (Go, one large store file, a state-function lexer), no fix looked at. */
export const BLIND_TENTH_SECOND_CODEBASES: Codebase[] = [
  { name: 'properties', language: 'Go', root: '/usr/share/gocode/src/github.com/magiconair/properties', version: '1.8.7-1', installed: debVersion('golang-github-magiconair-properties-dev'), questions: PROPERTIES_QUESTIONS },
];

/** Debian packages the evaluation needs (installed by scripts/ensureTestHost.js). */
export const EVAL_DEBIAN_PACKAGES = ['python3-flask', 'golang-github-spf13-cobra-dev', 'python3-jinja2', 'golang-github-gin-gonic-gin-dev',
  'python3-werkzeug', 'golang-github-go-chi-chi-dev', 'python3-urllib3', 'golang-github-pkg-sftp-dev',
  'python3-click', 'golang-github-hashicorp-hcl-dev', 'golang-github-spf13-afero-dev', 'python3-oauthlib',
  'librust-rustls-dev', 'librust-webpki-dev', 'golang-github-gorilla-websocket-dev', 'python3-markdown',
  'python3-yaml', 'golang-github-burntsushi-toml-dev', 'golang-github-fsnotify-fsnotify-dev',
  'golang-github-spf13-pflag-dev', 'python3-jwt', 'golang-github-magiconair-properties-dev'];

/** Tuning part: questions 0, 2, 5, 7, 10, … of each code base (40 %). Parameters are fixed on these only. */
export function isTuning(i: number): boolean {
  return i % 5 === 0 || i % 5 === 2;
}

/**
 * True when the question names no file and no symbol: no code-shaped word (camelCase, snake_case, dotted), no
 * file-name stem of the code base (`client`, `max-len`), no capitalised word that is a class or type defined there.
 */
export function namesNothing(q: string, fileStems: Set<string>, typeNames: Set<string>): boolean {
  if (/`|[a-z][A-Z]|\w_\w|\w\.\w/.test(q)) return false;
  const lower = q.toLowerCase();
  if (lower.split(/[^a-z0-9-]+/).some((w) => fileStems.has(w)) || lower.split(/[^a-z0-9]+/).some((w) => fileStems.has(w))) return false;
  return !(q.match(/\b[A-Z][A-Za-z]+\b/g) ?? []).some((w) => typeNames.has(w));
}
