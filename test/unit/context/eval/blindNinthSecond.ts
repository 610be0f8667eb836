// The ninth round's second batch, written after the round's fixes and committed before any ranker ran on it:
// fsnotify 1.6.0 (Debian golang-github-fsnotify-fsnotify-dev), a code base no fix was looked at on — one Go package
// with a backend per operating system (inotify, kqueue, ReadDirectoryChanges, a Solaris stub, a fallback) that
// repeat the same method names and documentation, per-OS helpers under internal/, an example command and large
// tests. Labels are every file a good answer needs.
import type { EvalQuestion } from './types';

export const FSNOTIFY_QUESTIONS: EvalQuestion[] = [
  { q: 'On Linux, how is the kernel notification handle opened so that closing the watcher does not block forever?', relevant: ['backend_inotify.go'] },
  { q: 'What happens on Linux when the kernel queue of events overflows?', relevant: ['backend_inotify.go', 'fsnotify.go'] },
  { q: 'How are the raw Linux event masks turned into create, write, remove, rename and chmod?', relevant: ['backend_inotify.go'] },
  { q: 'How does the watcher notice that a watched directory itself was deleted on Linux?', relevant: ['backend_inotify.go'] },
  { q: 'Which kinds of operations can an event carry, and how do I test whether an event includes one of them?', relevant: ['fsnotify.go'] },
  { q: 'What error do I get when I stop watching a path that was never added?', relevant: ['fsnotify.go', 'backend_inotify.go'] },
  { q: 'How do I list every path that is currently being watched?', relevant: ['backend_inotify.go', 'backend_kqueue.go', 'backend_windows.go'] },
  { q: 'On macOS and the BSDs, how does watching a directory also report files created inside it?', relevant: ['backend_kqueue.go'] },
  { q: 'How is the BSD event loop woken up when the watcher is closed?', relevant: ['backend_kqueue.go'] },
  { q: 'Which flags are used to open a watched file on macOS compared with the other BSDs?', relevant: ['system_darwin.go', 'system_bsd.go'] },
  { q: 'How does the BSD backend find out which files in a directory are new after a write to that directory?', relevant: ['backend_kqueue.go'] },
  { q: 'Why can the BSD backend run out of file descriptors, and how is the open-file limit raised?', relevant: ['backend_kqueue.go', 'internal/darwin.go', 'internal/freebsd.go', 'internal/unix.go'] },
  { q: 'On Windows, how are directory changes read asynchronously with a completion port?', relevant: ['backend_windows.go'] },
  { q: 'How are Windows change notifications for renames (old name, new name) turned into events?', relevant: ['backend_windows.go'] },
  { q: 'How does the Windows backend identify a directory by volume and file index so the same folder is not watched twice?', relevant: ['backend_windows.go'] },
  { q: 'What happens on Solaris or illumos, where no native backend is implemented?', relevant: ['backend_fen.go'] },
  { q: 'What does creating a watcher return on a platform that is not supported at all?', relevant: ['backend_other.go'] },
  { q: 'How do I print the raw kernel flags of each event while debugging on Linux?', relevant: ['internal/debug_linux.go'] },
  { q: 'How are kqueue flags printed by name for debugging on FreeBSD?', relevant: ['internal/debug_freebsd.go', 'internal/debug_kqueue.go'] },
  { q: 'How can I watch a single file that editors replace by renaming a temporary file over it?', relevant: ['cmd/fsnotify/file.go'] },
  { q: 'How can many write events in quick succession be merged into one, waiting a moment before acting?', relevant: ['cmd/fsnotify/dedup.go'] },
  { q: 'How does the example command choose between its sub-commands and print its usage?', relevant: ['cmd/fsnotify/main.go'] },
  { q: 'What is the simplest loop that prints every event and error from a watcher?', relevant: ['cmd/fsnotify/watch.go'] },
  { q: 'Why is the number of inotify watches limited, and which system setting raises it?', relevant: ['backend_inotify.go'] },
  { q: 'How is an event printed as text, with its operations joined by a separator?', relevant: ['fsnotify.go'] },
  { q: 'How is an event delivered without blocking forever when the watcher is being closed at the same time?', relevant: ['backend_inotify.go', 'backend_kqueue.go', 'backend_windows.go'] },
  { q: 'How are named pipes and device nodes created in the tests, including on Windows where they do not exist?', relevant: ['internal/unix.go', 'internal/windows.go', 'helpers_test.go'] },
  { q: 'How do the tests describe the expected events as text and compare them with what was received?', relevant: ['helpers_test.go'] },
  { q: 'Which tests check that renaming a watched file or directory is reported correctly?', relevant: ['fsnotify_test.go'] },
  { q: 'Is there a test that fills the Linux event queue until it overflows?', relevant: ['backend_inotify_test.go'] },
  { q: 'How do the tests check that removing watches on BSD leaves no stale directory entries behind?', relevant: ['backend_kqueue_test.go'] },
  { q: 'Is there a Windows test that removing a watch clears everything the watcher kept about it?', relevant: ['backend_windows_test.go'] },
];
