// The mechanisms that decide what a request actually asks for (docs/routing.md, "Blind sets"): each with a
// request it changes and a near miss it must leave alone, so a later edit cannot quietly undo or overreach it.
import * as assert from 'node:assert/strict';
import type { Request } from '../../../src/core/request';
import { scoreComplexity } from '../../../src/core/task/complexity';
import { asksSomethingElse, isDirectEdit, isLocalScope, proseOf } from '../../../src/core/task/questionShape';

function ask(question: string, code?: string): Request {
  return { id: 't', kind: 'ask', origin: 'askAuto', question, context: code ? [{ source: 'selection', text: code, startLine: 1 }] : [] };
}
const score = (q: string, code?: string): number => scoreComplexity(ask(q, code)).complexity;
const signals = (q: string, code?: string): string[] => scoreComplexity(ask(q, code)).signals;
const snippet = 'const res = await fetch(url);\nreturn res.json();';

suite('task: what the request asks for', () => {
  test('a negated ask is masked; a constraint is not', () => {
    assert.match(proseOf("I'm not asking for a redesign, just wrap this"), /negated/);
    assert.doesNotMatch(proseOf('I am not asking for a redesign'), /redesign/);
    assert.match(proseOf('we need to do it without downtime'), /downtime/);
    assert.match(proseOf("we don't need downtime for this"), /downtime/);
    assert.ok(score("I'm not asking for a redesign, just wrap this fetch in a retry loop", snippet) < 0.5);
    assert.ok(score('we want a redesign of how the services talk to each other') >= 0.5);
  });

  test('"just" / "nur" before an edit verb still makes a direct edit', () => {
    assert.ok(isDirectEdit('just rename svc to orderService'));
    assert.ok(isDirectEdit('bitte nur die Variable umbenennen'));
    assert.ok(!isDirectEdit('just wondering how we should split the monolith'));
  });

  test('setting a value is an edit; asking how to raise a figure is not', () => {
    assert.ok(isDirectEdit('bump the memory limit to 1Gi and replicas to 5'));
    assert.ok(isDirectEdit('set the timeout to 30s in this config'));
    assert.ok(!isDirectEdit('how do we increase throughput to 5k rps'));
  });

  test('German: a modal request with the verb last is an edit, a wh-question about the team is not', () => {
    assert.ok(isDirectEdit('kannst du die Funktion umbenennen?'));
    assert.ok(!isDirectEdit('was sollten wir grundsätzlich ändern?'));
  });

  test('"…, but I only need X" narrows the ask, unless X names a problem', () => {
    assert.ok(signals('Unsere Microservice-Landschaft ist groß, aber ich brauche nur eine .editorconfig mit 2 Leerzeichen Einrückung').includes('asks only for one small thing'));
    assert.ok(score('虽然我们是微服务架构，但我只想问：怎么在 VS Code 里格式化 JSON？') < 0.5);
    assert.ok(score('We run 40 microservices, but I only need to know how to stop duplicate charges when the provider times out') >= 0.5);
  });

  test('a polite later edit is the ask itself, and a mechanical one ignores the parts the scene names', () => {
    const q = 'our architecture doc says the Gateway service owns auth. can you fix the markdown table formatting in it?';
    assert.ok(score(q, '| a | b |\n|--|--|') < 0.5);
    assert.ok(!asksSomethingElse(q));
    assert.ok(asksSomethingElse('Rename tmp, and also: will our token cache break when we run several pods?'));
  });

  test('pointing at a system part is not pointing at one piece of code', () => {
    assert.ok(isLocalScope('make this function shorter'));
    assert.ok(!isLocalScope('should the recommendation service call the catalog service on every request'));
  });

  test('French impersonal "comment on" is a how-to; first-person plural elsewhere asks for an approach', () => {
    assert.ok(score('comment on ajoute une colonne avec une valeur par défaut en SQL ?') < 0.5);
    assert.ok(signals('cuando hay muchos usuarios a la vez el stock se descuenta mal, cómo lo solucionamos?').includes('asks how to approach it'));
  });

  test('a term with a question mark is a definition in other languages too', () => {
    assert.ok(score('qué es un deadlock? explicación corta') < 0.5);
    assert.ok(score('what is a partition in kafka') < 0.5);
    assert.ok(score('what is causing the partition lag in our kafka consumers after deploys?') >= 0.5);
  });
});
