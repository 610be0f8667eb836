// Hard problems told in plain words, and the small asks that share their words (the eighth blind set's lessons,
// src/core/task/taskSignals.ts and askRules.ts). Wording here is new, in both directions.
import * as assert from 'node:assert/strict';
import { askAuto, assertRoutes, routeOf } from './routeTally';

suite('task: hard problems in plain words', () => {
  test('devices that fail after an event, work that does not stick, things given out twice, where data lives: cloud', () => {
    assertRoutes('high', [
      'Some of our parking meters stop reporting after the nightly firmware push and never reconnect.',
      'Is it a bad idea to keep uploaded invoices in the database as blobs?',
      'Should each school get its own database?',
      'Os alunos dizem que as respostas não foram salvas quando todo mundo envia ao mesmo tempo. Por onde eu começo?',
      '이벤트를 열면 한 사람이 같은 쿠폰을 여러 번 받아 가요. 어떻게 막아야 할까요?',
      '¿Cómo lo organizarías para que los precios no se queden viejos cuando entra mucha gente a la vez?',
      'Где хранить ключи шифрования, если серверов станет пятьдесят?',
      'after a teacher removes a pupil from the class, the pupil can still see the grades for a day',
    ]);
  });

  test('small asks with the same words stay local', () => {
    assertRoutes('low', [
      'why does my useEffect run multiple times in dev?',
      'why is this field not saved when I submit this form?',
      'Is it ok to keep this helper in utils.ts?',
      'where do I put the .env file in a vite project?',
      'what does "more than once" mean in this regex comment',
      'add a log line when the thermostat reconnects',
    ]);
    assert.equal(routeOf(askAuto('anything wrong with this loop?', 'for (let i = 0; i <= xs.length; i++) total += xs[i];')), 'low');
  });
});
