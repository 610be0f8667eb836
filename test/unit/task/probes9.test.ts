// Adversarial probes against the rules added after the ninth blind set (probes-2026-12i.json): twenty wordings per
// rule, written before they were run; a route may miss for a reason older than the rule (two system nouns in a
// how-to: "share one database connection between two modules in python"), at most two in twenty.
import { ruleProbeSuite } from './ruleProbes';

ruleProbeSuite('task: probes against the rules of the ninth blind round', 'probes-2026-12i.json', 20);
