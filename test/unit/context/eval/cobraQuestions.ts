// Cobra 1.6.1 (Debian golang-github-spf13-cobra-dev 1.6.1-1, /usr/share/gocode/src/github.com/spf13/cobra, Go).
// Labelled by reading the sources before any ranker ran: every file a good answer has to look at.
import type { EvalQuestion } from './types';

export const COBRA_QUESTIONS: EvalQuestion[] = [
  { q: 'How does a command find which subcommand to run from the arguments?', relevant: ['command.go'] },
  { q: 'How are positional arguments validated (exact count, a range, only valid values)?', relevant: ['args.go'] },
  { q: 'How are flags that must be used together, or are mutually exclusive, enforced?', relevant: ['flag_groups.go'] },
  { q: 'How is the bash completion script generated?', relevant: ['bash_completions.go', 'bash_completionsV2.go'] },
  { q: 'How does dynamic shell completion call back into the program to get suggestions?', relevant: ['completions.go'] },
  { q: 'How is a zsh completion script produced?', relevant: ['zsh_completions.go'] },
  { q: 'How are completion scripts for fish and PowerShell generated?', relevant: ['fish_completions.go', 'powershell_completions.go'] },
  { q: 'How are usage and help text rendered from templates?', relevant: ['command.go', 'cobra.go'] },
  { q: 'How are man pages generated for a command tree?', relevant: ['doc/man_docs.go'] },
  { q: 'How is markdown documentation generated for each command?', relevant: ['doc/md_docs.go'] },
  { q: 'How are suggestions for a mistyped command computed?', relevant: ['command.go', 'cobra.go'] },
  { q: 'How do persistent pre-run and post-run hooks run for parents and children?', relevant: ['command.go'] },
  { q: 'What happens when the program is started from Windows Explorer by a double click?', relevant: ['command_win.go', 'cobra.go'] },
  { q: 'How are active help messages added to completion results?', relevant: ['active_help.go'] },
  { q: 'How are initialisation functions registered to run before every command executes?', relevant: ['cobra.go'] },
  { q: 'How are flags marked for filename or directory completion in the shell?', relevant: ['shell_completions.go'] },
  { q: 'How is the help command added automatically and how does it find the target command?', relevant: ['command.go'] },
  { q: 'How are the version flag and its template handled?', relevant: ['command.go'] },
  { q: 'How is reStructuredText documentation generated?', relevant: ['doc/rest_docs.go'] },
  { q: 'How are YAML docs produced for commands?', relevant: ['doc/yaml_docs.go'] },
  { q: "How are flags from parent commands merged into a child's flag set?", relevant: ['command.go'] },
  { q: 'How is a context passed to a command when it is executed?', relevant: ['command.go'] },
];
