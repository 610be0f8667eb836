// Adversarial probes against the rules added after the twelfth blind set (test/fixtures/routing-adversarial/
// probes-2026-12m.json): for each new rule, twelve wordings it must not catch, written and committed before they
// ran. The rule's own signal (when given) must not fire on any probe, and each group routes at least 10 of 12 right.
import { ruleProbeSuite } from './ruleProbes';

ruleProbeSuite('task: probes against the rules of the twelfth blind round', 'probes-2026-12m.json', 12);
