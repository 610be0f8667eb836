// The tenth round's second batch, written after the round's fixes and committed before any ranker ran on it:
// magiconair/properties 1.8.7 (Debian golang-github-magiconair-properties-dev), a code base no fix was looked at on —
// one Go package for Java .properties files: a large properties.go holding the key/value store with a Get/MustGet
// pair per type, a state-function lexer, a small parser, loaders for files and URLs, a struct decoder, a flag
// bridge, a test helper package and large tests. Labels are every file a good answer needs.
import type { EvalQuestion } from './types';

export const PROPERTIES_QUESTIONS: EvalQuestion[] = [
  { q: 'How do I read a .properties file that is encoded in Latin-1?', relevant: ['load.go'] },
  { q: 'Which characters may separate a key from its value?', relevant: ['lex.go', 'doc.go'] },
  { q: 'How are lines that start with # or ! treated?', relevant: ['lex.go'] },
  { q: 'How is a value continued on the next line with a trailing backslash?', relevant: ['lex.go'] },
  { q: 'How are \\uXXXX unicode escapes in values decoded?', relevant: ['lex.go'] },
  { q: 'How does ${key} in a value get replaced by another property?', relevant: ['properties.go'] },
  { q: 'What stops a property that refers to itself through other properties from looping forever?', relevant: ['properties.go'] },
  { q: 'How do I turn off the expansion of references in values?', relevant: ['properties.go', 'load.go'] },
  { q: 'How can I load several files in order and skip the ones that do not exist?', relevant: ['load.go'] },
  { q: 'Can file names contain environment variables like ${HOME}?', relevant: ['load.go'] },
  { q: 'How is the character set chosen when loading from a URL?', relevant: ['load.go'] },
  { q: 'What happens when a URL returns 404?', relevant: ['load.go'] },
  { q: 'How do I fill a struct from the properties using field tags?', relevant: ['decode.go'] },
  { q: 'How do I give a struct field a default value when the key is missing?', relevant: ['decode.go'] },
  { q: 'How are comma separated values put into a slice field?', relevant: ['decode.go'] },
  { q: 'How is a date field parsed with a layout when decoding?', relevant: ['decode.go'] },
  { q: 'How do I let command line flags be set from a properties file?', relevant: ['integrate.go'] },
  { q: 'Why does reading a large number panic on a 32-bit machine?', relevant: ['rangecheck.go', 'properties.go'] },
  { q: 'What do the Must functions do on an error, and can I change it to panic instead of exiting?', relevant: ['properties.go'] },
  { q: 'How do I get a duration like "5s" from a value?', relevant: ['properties.go'] },
  { q: 'What strings count as true for a boolean property?', relevant: ['properties.go'] },
  { q: 'How do I keep only the keys that start with a prefix, and strip it?', relevant: ['properties.go'] },
  { q: 'How do I keep the comments above each key and write them back out?', relevant: ['properties.go'] },
  { q: 'How are special characters escaped when writing ISO-8859-1 output?', relevant: ['properties.go'] },
  { q: 'How do I merge two sets of properties?', relevant: ['properties.go'] },
  { q: 'Is the order of keys kept, and how do I sort them?', relevant: ['properties.go'] },
  { q: 'How does the parser report which line had a syntax error?', relevant: ['parser.go', 'lex.go'] },
  { q: 'How does the scanner move from one state to the next?', relevant: ['lex.go'] },
  { q: 'Which helper checks that a function panics with a matching message in the tests?', relevant: ['assert/assert.go'] },
  { q: "Comment lire une propriété entière avec une valeur par défaut ?", relevant: ['properties.go'] },
  { q: 'How can I build properties from a Go map?', relevant: ['load.go'] },
  { q: 'Which tests cover loading files with missing entries ignored?', relevant: ['load_test.go'] },
];
