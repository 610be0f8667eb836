// A tenth blind batch (pflag: a Go file per flag type repeating one method family; PyJWT: mid-size Python modules;
// semver: one tiny CommonJS file per function), 108 questions committed before any ranker ran on them: first run
// 0.861 / 0.918 / 0.743 (BM25 0.776 / 0.884 / 0.649), semver the weakest (0.681 / 0.824 / 0.610). Round 10's fixes
// were checked on it, so it is no longer blind; its second batch (magiconair/properties, 32 questions written after
// the fixes) is: first run 1.000 / 1.000 / 0.893 (BM25 0.953 / 1.000 / 0.782).
import { BLIND_TENTH_CODEBASES, BLIND_TENTH_SECOND_CODEBASES } from './eval/codebases';
import { blindBatchSuite } from './eval/batchSuite';

blindBatchSuite('context: retrieval on the tenth blind batch (pflag, PyJWT, semver) and its second batch (properties)',
  BLIND_TENTH_CODEBASES, BLIND_TENTH_SECOND_CODEBASES[0]!, { first: [0.86, 0.92, 0.75], second: [0.95, 0.95, 0.85] });
