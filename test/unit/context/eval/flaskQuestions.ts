// Flask 2.2.2 (Debian python3-flask 2.2.2-3, /usr/lib/python3/dist-packages/flask, Python). Labelled by reading the
// sources before any ranker ran: every file a good answer has to look at, paths relative to the package.
import type { EvalQuestion } from './types';

export const FLASK_QUESTIONS: EvalQuestion[] = [
  { q: 'How does an incoming WSGI request get from the server through the request context to the view function and back as a response?', relevant: ['app.py', 'ctx.py'] },
  { q: 'How are session cookies signed and loaded?', relevant: ['sessions.py', 'json/tag.py'] },
  { q: 'How are values such as tuples, bytes and datetimes preserved in the session cookie?', relevant: ['json/tag.py'] },
  { q: 'How does the application load settings from environment variables with a prefix?', relevant: ['config.py'] },
  { q: 'How does the command line find the application object to run?', relevant: ['cli.py'] },
  { q: 'How are .env files loaded before the development server starts?', relevant: ['cli.py'] },
  { q: 'How do blueprints defer route registration until they are registered on an application?', relevant: ['blueprints.py', 'scaffold.py'] },
  { q: 'How are error handlers looked up for an exception class or a status code?', relevant: ['app.py', 'scaffold.py'] },
  { q: 'How are template files located across the application and its blueprints?', relevant: ['templating.py'] },
  { q: 'Where are the context-local proxies for the current app, the request and g defined?', relevant: ['globals.py'] },
  { q: 'How does the test client keep the request context around for assertions after a request?', relevant: ['testing.py', 'ctx.py'] },
  { q: 'How do class-based views dispatch to one method per HTTP verb?', relevant: ['views.py'] },
  { q: 'How are JSON responses serialised, and which provider can a user replace?', relevant: ['json/provider.py', 'json/__init__.py'] },
  { q: 'How is a file sent safely from a directory?', relevant: ['helpers.py'] },
  { q: 'How are flashed messages stored and retrieved across requests?', relevant: ['helpers.py'] },
  { q: 'What happens to teardown functions when the application context is popped?', relevant: ['ctx.py', 'app.py'] },
  { q: 'How is a response object made from the different return values a view may give?', relevant: ['app.py'] },
  { q: 'Where is the logger configured and where do log messages go by default?', relevant: ['logging.py'] },
  { q: 'Which signals are emitted while a request is handled?', relevant: ['signals.py', 'app.py'] },
  { q: 'How does a request reject bodies larger than the configured maximum size?', relevant: ['wrappers.py'] },
  { q: 'How does the debug mode explain why a template could not be found?', relevant: ['debughelpers.py', 'templating.py'] },
  { q: 'How is a URL built for an endpoint, including external URLs and blueprint-relative names?', relevant: ['app.py', 'helpers.py'] },
  { q: 'How does a streamed response keep the request context alive while its generator runs?', relevant: ['helpers.py'] },
  { q: 'How are static files served from the static folder?', relevant: ['scaffold.py', 'app.py'] },
  { q: 'How are before-request and after-request hooks registered and called?', relevant: ['scaffold.py', 'app.py'] },
  { q: 'How is the development server started with the reloader and debugger options?', relevant: ['app.py', 'cli.py'] },
];
