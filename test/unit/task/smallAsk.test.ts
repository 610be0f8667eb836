// A scene of system words, then a small ask (src/core/task/smallAsk.ts): the ask decides, unless it names a hard
// problem itself. Wording here is new (not from any labelled set), in both directions.
import { assertRoutes } from './routeTally';

suite('task: a scene, then a small ask', () => {
  test('a how-to about a language or tool after a scene of system words stays local', () => {
    assertRoutes('low', [
      'we run 30 services on kubernetes with istio, kafka and a sharded postgres cluster — how do I reverse a list in python',
      'Unsere Plattform ist ein verteiltes System mit Event Sourcing und CQRS, wie formatiere ich ein Datum in Java?',
      'notre archi est full microservices avec du sharding partout, comment on fait un switch en go',
      'うちは高可用性のマイクロサービス構成です。Pythonでリストを逆順にするにはどうやって書きますか',
      '저희는 대규모 분산 시스템을 운영하는데요, bash에서 파일 이름 바꾸는 방법이 뭐예요?',
    ]);
  });

  test('the asker dismissing the scene or calling the ask basic keeps it local', () => {
    assertRoutes('low', [
      'long story: three teams, a legacy monolith, a half-done migration to event streaming, on-call is a mess. none of that matters here, I need the keyboard shortcut to comment out a block in vscode',
      'Kontext: Wir migrieren gerade alles auf Kubernetes und haben Probleme mit der Skalierung, das spielt aber hier keine Rolle – wie kommentiere ich in YAML mehrere Zeilen aus?',
      'sorry this will sound dumb after all that about our distributed ledger: what is the difference between let and const',
    ]);
  });

  test('a small-sounding ask that names a hard problem itself still goes to the cloud', () => {
    assertRoutes('high', [
      'we run 30 services on kafka; none of that matters except this: how do we stop orders being charged twice when the consumer retries after a timeout?',
      'our payments platform is huge, but I only want to know how to make this webhook handler idempotent in go when the provider delivers events twice and out of order',
      'Das spielt keine Rolle, aber wie migrieren wir 50M Zeilen ohne Downtime auf das neue Schema?',
      'in our microservice setup, how do I keep the cache and the database consistent in java when two instances write at once',
      // "como" is also "as": a design question that names a language is not a how-to.
      'Tenemos 20 microservicios y 3 equipos, ¿qué patrón usarías como base para versionar las APIs en java?',
      'Temos 20 microsserviços e três times; o que vocês usariam como base para versionar as APIs em java?',
    ]);
  });

  test('an edit of the file in view after a scene stays local', () => {
    assertRoutes('low', [
      'in our event-sourced multi-region platform, rename `ordCnt` to `orderCount` in this file',
      'we are a 200-engineer org with a service mesh and a data lake: add a null check to this function pls',
    ]);
  });
});
