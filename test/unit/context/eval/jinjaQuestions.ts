// Jinja 3.1.2 (Debian python3-jinja2 3.1.2-1+deb12u3, /usr/lib/python3/dist-packages/jinja2, Python, 25 files). A
// blind code base: the ranker was never tuned on it. Labelled by reading the sources before any ranker ran on them
// (committed before the first run). JINJA_FINAL is a second batch, written at the same time, first run after the
// fixes chosen on the first batch; it then chose which of them to keep, so it is no longer blind (blindThird.ts is).
import type { EvalQuestion } from './types';

export const JINJA_QUESTIONS: EvalQuestion[] = [
  { q: 'How is template source split into tokens, and how do whitespace control markers strip surrounding whitespace?', relevant: ['lexer.py'] },
  { q: 'How are statements such as for-loops and if-blocks turned into a syntax tree?', relevant: ['parser.py', 'nodes.py'] },
  { q: 'How is the syntax tree turned into Python source code?', relevant: ['compiler.py'] },
  { q: 'How are templates found on disk, and how is a changed file noticed and reloaded?', relevant: ['loaders.py', 'environment.py'] },
  { q: 'How can templates be loaded from inside an installed Python package?', relevant: ['loaders.py'] },
  { q: 'How is compiled bytecode cached between processes, for example in memcached or on the file system?', relevant: ['bccache.py'] },
  { q: 'How are untrusted templates stopped from reaching unsafe attributes or calling dangerous methods?', relevant: ['sandbox.py'] },
  { q: 'What happens when a template uses a variable that was never passed in, and how can that raise an error instead?', relevant: ['runtime.py'] },
  { q: 'How does a child template override blocks of the template it extends?', relevant: ['compiler.py', 'runtime.py'] },
  { q: 'How does the loop variable inside a for-loop know the index, whether it is the first or last item, and cycle values?', relevant: ['runtime.py'] },
  { q: 'How is HTML escaping switched on per template, for example by file extension?', relevant: ['utils.py'] },
  { q: 'What checks can follow the "is" operator, like odd, divisible by or defined?', relevant: ['tests.py'] },
  { q: 'How do templates support translations and plural forms?', relevant: ['ext.py'] },
  { q: 'How are translatable strings extracted from templates for Babel?', relevant: ['ext.py'] },
  { q: 'How do errors raised while rendering point at the template line in the Python traceback?', relevant: ['debug.py'] },
  { q: 'How can a tool list which variables a template expects and which other templates it pulls in?', relevant: ['meta.py'] },
  { q: 'How are constant expressions folded at compile time?', relevant: ['optimizer.py'] },
  { q: 'How can rendering return native Python values such as lists and numbers instead of a string?', relevant: ['nativetypes.py'] },
  { q: 'How are templates rendered asynchronously, with async iterables in loops?', relevant: ['async_utils.py', 'environment.py'] },
  { q: 'How are macros defined and called, including a call block passing caller()?', relevant: ['runtime.py', 'compiler.py'] },
  { q: 'How does the compiler track which names are assigned or read in each scope?', relevant: ['idtracking.py'] },
  { q: 'What is raised when a template cannot be found, and how is a syntax error reported with its line?', relevant: ['exceptions.py'] },
  { q: 'How are the delimiters, block trimming and the template cache size configured?', relevant: ['environment.py'] },
  { q: 'How are URLs in plain text turned into clickable links?', relevant: ['utils.py', 'filters.py'] },
  { q: 'How does a plugin add its own custom tag?', relevant: ['ext.py'] },
  { q: 'How does a rendering context look a name up: local variables, the parent context, then globals?', relevant: ['runtime.py'] },
];

export const JINJA_FINAL: EvalQuestion[] = [
  { q: 'How is a rendered template streamed in chunks instead of built as one string?', relevant: ['environment.py'] },
  { q: 'How do decorators let a filter receive the active context or environment?', relevant: ['utils.py'] },
  { q: 'Where are the default block and variable start and end strings defined?', relevant: ['defaults.py'] },
  { q: 'How are old compiled templates evicted when the in-memory cache is full?', relevant: ['utils.py', 'environment.py'] },
  { q: 'How can a visitor walk the syntax tree and replace nodes?', relevant: ['visitor.py'] },
  { q: 'What does an include statement do when the included template is missing, and does it see the context?', relevant: ['compiler.py', 'parser.py'] },
  { q: 'How are break and continue inside loops enabled?', relevant: ['ext.py'] },
  { q: 'How is random lorem ipsum text generated?', relevant: ['utils.py', 'constants.py'] },
  { q: 'How do templates sort a dictionary or group items by an attribute?', relevant: ['filters.py'] },
  { q: 'Which characters are allowed in a name, and where is that pattern defined?', relevant: ['_identifier.py', 'lexer.py'] },
  { q: 'How can an autoescape block turn escaping on or off for part of a template?', relevant: ['parser.py', 'compiler.py'] },
];
