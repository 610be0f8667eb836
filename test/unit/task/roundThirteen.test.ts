// Round 13 (plainSymptoms.ts): each new family with the asks it is for and the near misses it must leave alone.
import * as assert from 'node:assert/strict';
import { HIGH } from '../../../src/core/task/rules';
import { SYMPTOM_TERMS } from '../../../src/core/task/plainSymptoms';
import { fixTypos } from '../../../src/core/task/typos';
import { askAuto, assertRoutes, routeOf } from './routeTally';

suite('task: round-13 families', () => {
  test('every word list joins a signal that exists', () => {
    for (const signal of Object.keys(SYMPTOM_TERMS)) assert.ok(HIGH.some((r) => r.signal === signal), signal);
  });

  test('one-line symptoms of a running system go to the cloud', () => {
    assertRoutes('high', [
      'some users get emails meant for other users',
      'search still shows products we deleted yesterday',
      'customers get charged but the order never shows up',
      'and if the network drops halfway through the transfer?',
      'what happens when the worker crashes midway through the import',
      'the app is fast for most people but a few big customers say every page takes 10 seconds',
      'a user logged in on phone and laptop gets different cart contents',
      'alcuni clienti vedono i dati di altri clienti',
      'después del deploy algunos usuarios siguen viendo la versión vieja',
      'после деплоя часть пользователей видит старую версию страницы',
      'po migracji liczby w raportach się nie zgadzają',
    ]);
  });

  test('near misses of the symptoms stay local', () => {
    assertRoutes('low', [
      'how do I show other users\' avatars in the chat list',
      'my for loop crashes halfway through the array',
      'the payment went through but the receipt email has a typo in the footer, where do i fix it',
      'and if the file is empty?',
      'and in rust?',
    ]);
    assert.equal(routeOf(askAuto('write a test that checks a user cannot see another user\'s orders', 'it("x", () => {})')), 'low');
  });

  test('textbook asks stay local however big the term', () => {
    assertRoutes('low', [
      'what is blue green deployment',
      'whats a circuit breaker pattern',
      'what is the difference between horizontal and vertical scaling',
      'what is a race condition, with a tiny example',
      'list the consistency levels in cassandra',
      'qué es una arquitectura hexagonal',
      'was ist eventual consistency',
      'что такое шардирование',
    ]);
  });

  test('textbook shapes that ask for a decision or bring in our system still go to the cloud', () => {
    assertRoutes('high', [
      'what is the best way to shard our orders table',
      'whats the difference between kafka and rabbitmq for our payment events at 5k/s',
      'what are the trade-offs of event sourcing for a bank ledger',
      'list the steps to migrate our monolith to microservices without downtime',
    ]);
  });

  test('a how-to in one named tool stays local; a how-to that keeps a property of the system does not', () => {
    assertRoutes('low', [
      'how do I create an index concurrently in postgres',
      'how to set up a kafka consumer group in spring boot',
      'come si configura un consumer group in kafka con python',
      'write a docker-compose file with postgres, redis and my node app',
    ]);
    assertRoutes('high', [
      'how do I avoid processing the same kafka message twice',
      'how to keep redis and postgres in sync',
      'how to version events in kafka so old consumers don\'t break',
      'how do i make sure only one pod runs the cron in kubernetes',
    ]);
  });

  test('terse platform choices and whole-product changes go to the cloud; terse edits do not', () => {
    assertRoutes('high', ['go serverless?', 'should we move to microservices?', 'make it multi tenant']);
    assertRoutes('low', ['make it bold', 'go to the next line?', 'make it async']);
  });

  test('complaints, abuse, cost, residency, metering and linked accounts go to the cloud', () => {
    assertRoutes('high', [
      "we're getting a ton of fake signups",
      'users complain search is bad',
      'management wants the aws bill cut in half',
      'a big customer wants their data to stay in germany',
      'two companies using our app merged and want one account now',
      'we send sms reminders and some people get them at 3am',
      'como a gente faz pra cobrar por uso em vez de mensalidade fixa',
      'как сделать, чтобы при падении одного дата-центра всё продолжало работать',
      '사용자가 계정을 삭제하면 모든 시스템에서 데이터를 지워야 해요',
    ]);
  });

  test('their near misses stay local', () => {
    assertRoutes('low', [
      'how do I add a fake user to the seed script',
      'what is the aws cli command to see this month\'s bill',
      'how do I store a price in cents in postgres',
      'set my alarm script to run at 3am with cron',
      'how do I merge two dicts in python',
    ]);
  });

  test('small artifacts, small projects and styling stay local; the same words about our product do not', () => {
    assertRoutes('low', [
      'design a REST endpoint for creating a user, just the route and the json body',
      'write a short design doc template in markdown',
      'how should i structure my react folders for a small todo app',
      'how do I scale an image in css without stretching it',
      'set up eslint and prettier in a pnpm monorepo',
      'whats the http status code for rate limiting',
    ]);
    assertRoutes('high', [
      'design the REST API for our marketplace, 3 client apps and partners will use it',
      'how should we structure our backend so 4 teams can ship independently',
    ]);
  });

  test('misspelt system terms are read as the terms; English words near a term and foreign words are not', () => {
    assert.equal(fixTypos('our concurency model is broken, orders get dupliated'), 'our concurrency model is broken, orders get duplicated');
    assert.equal(fixTypos('the architecure of the microservises'), 'the architecture of the microservices');
    assert.equal(fixTypos('sharing the migrations, catching errors en produccion'), 'sharing the migrations, catching errors en produccion');
    assert.equal(fixTypos('protection and petition'), 'protection and petition');
    assertRoutes('high', ['real talk: our concurency model is broken, orders get dupliated', 'how do we make the payment webhook idempotant across retries']);
  });

  test('a step that works and the next that fails, asked as "what if", goes to the cloud', () => {
    assertRoutes('high', ['¿qué pasa si el cargo en stripe funciona pero falla el insert del pago?', 'what happens if the charge goes through but the insert fails']);
    assertRoutes('low', ['what if the build works but the lint step fails in this workflow file']);
  });

  test('a logout that waits for the token, orders gone after a switch to a replica, one quoted error in view', () => {
    assertRoutes('high', [
      'our jwt logout doesnt actually log people out until the token expires, how do real apps do this',
      'честно, не понимаю, почему после переключения на реплику часть заказов пропала',
    ]);
    assertRoutes('low', ['how do i read the expiry of this jwt until the token expires in node', 'what does logout do in passport']);
    assert.equal(routeOf(askAuto("this migration fails with 'column already exists', how do i make it skip", 'add_column :users, :email, :string')), 'low');
  });

  test('tool lookups in system words stay local: commands, syntax, defaults, conventions, a library swap in one file', () => {
    assertRoutes('low', [
      'command to see replication status in mysql',
      'syntax for a partitioned table in postgres',
      'how do I do a distributed trace in opentelemetry js',
      'how do I turn on read replicas in rds',
      'what isolation level does mysql use by default',
      'how to set the kafka partition count for a topic',
      'can you explain eventual consistency like im 5',
      'how do i shard a mongodb collection',
      'best practice for naming kafka topics',
      'migrate this file from moment to dayjs',
    ]);
    assertRoutes('high', [
      'how do i shard the events table by tenant in postgres',
      'what isolation level should we use for the ledger, we see lost updates under load',
      'migrate our services from moment to dayjs across 12 repos without breaking the shared date contracts',
    ]);
  });

  test('plain reports of money, time boundaries, deploys, old targets and the last seat go to the cloud', () => {
    assertRoutes('high', [
      "what should happen to a team's data when the owner leaves the company",
      'people keep getting logged out when we deploy',
      'a customer says they were charged in the wrong currency',
      "orders placed at 23:59 on the last day of the month show up in the wrong month's report",
      'the mobile app shows a cached price that is no longer valid at checkout',
      'we need an audit trail of who changed what in the admin panel',
      'after we moved to the new payment provider some refunds go to the old one',
      'can two people book the last seat',
    ]);
    assertRoutes('low', [
      'what should happen to the button when the form is invalid',
      'the page flickers when i deploy the css to heroku, which setting is it',
      'format this date as the last day of the month in python',
      'how do I point the import to the old module path in this file',
      'what is an audit log',
    ]);
  });

  test('the same symptoms in other languages: missing after a move, paid but pending, permissions across organisations', () => {
    assertRoutes('high', [
      'nach dem Umzug auf die neue Datenbank fehlen ein paar Bestellungen',
      'les paiements passent mais la commande reste en attente',
      "comment on gère les droits d'accès entre plusieurs organisations",
      "i pagamenti vanno a buon fine ma l'ordine resta in sospeso",
      'ユーザーが増えると検索がどんどん遅くなる',
      'po wdrożeniu część użytkowników widzi stare dane',
    ]);
    assertRoutes('low', [
      'wie schreibe ich nach dem Umzug den Pfad in der config um',
      'les tests passent mais le linter râle sur les imports, quelle règle',
      "qu'est-ce qu'une permission en android",
    ]);
  });

  test('"what is the difference between" and one-tool how-tos in other languages stay local; about our team they do not', () => {
    assertRoutes('low', [
      'qué diferencia hay entre sharding y particionado',
      'qual a diferença entre escalabilidade vertical e horizontal',
      '微服务和单体架构有什么区别',
      'в чем разница между репликацией и шардированием',
      'jaka jest różnica między replikacją a shardingiem',
      'comment configurer un cluster redis en local avec docker',
      'kafka 怎么查看消费者组的延迟',
      'как посмотреть лаг консьюмера в kafka',
    ]);
    assertRoutes('high', [
      'qué diferencia hay entre un monolito y microservicios para nuestro equipo de 40 personas',
      'kafka 消费者组的延迟越来越大，怎么排查',
    ]);
  });

  test('a how-to whose object is a feature of the whole product goes to the cloud; the same verbs on one piece stay local', () => {
    assertRoutes('high', [
      'how do i build a notification system',
      'how do I add payments to the app',
      'how do I make the api faster',
      'how do i version the api',
      'how do I make uploads resumable',
      'how can i make sure events are processed in order',
      'how do i rebuild the read model when the event schema changes',
      'how do i add a chat feature',
      'how do I add search to our product catalog',
    ]);
    assertRoutes('low', [
      'how do i add search to the dropdown',
      'how do i build a chat demo for my homework',
      'how do i add a search input to this form',
      'how do I make this function faster',
      'how do I add a search bar',
      'how do i add push notifications in flutter',
      'how do I add roles to my discord bot',
      'how do i build a recommendation engine for fun with pandas',
    ]);
    assert.equal(routeOf(askAuto('how do I add payments to this component', 'export function Cart() { return null; }')), 'low');
  });

  test('a yes/no fact about one named tool stays local unless it names several writers, instances or our system', () => {
    assertRoutes('low', ['is dynamodb eventually consistent by default', 'is it possible to shard sqlite', 'is kafka a database?', 'does redis lose data if it crashes']);
    assertRoutes('high', [
      'is it fine if both apps write to the same redis keys',
      'is it safe to run two instances of this cron in kubernetes',
      'is postgres enough for our 50k writes/s',
    ]);
  });

  test('"explain to me what X is" in other languages, and poems or quiz questions about big topics, stay local', () => {
    assertRoutes('low', [
      'explícame qué es la consistencia eventual',
      "spiegami cos'è lo sharding",
      'write a haiku about microservices',
      'give me 5 interview questions about distributed systems',
    ]);
    assertRoutes('high', ['explain what our sharding plan should be for the orders table', 'explain why our replicas lag behind the primary under load']);
  });
});
