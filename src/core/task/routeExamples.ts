// Labelled example questions shipped with the extension for the semantic router: "high" needs the frontier
// model (diagnosis across components, design, decisions), "low" is local-sized (define, edit, explain a line,
// boilerplate), in several languages. None of them is in a test set.

export interface RouteExample {
  q: string;
  label: 'high' | 'low';
}

const high = (q: string): RouteExample => ({ q, label: 'high' });
const low = (q: string): RouteExample => ({ q, label: 'low' });

export const ROUTE_EXAMPLES: readonly RouteExample[] = [
  high('Orders placed during a deploy are sometimes missing from the warehouse export.'),
  high('The dashboard shows yesterday’s numbers for a few minutes after the nightly import finishes.'),
  high('Two workers occasionally pick up the same job and both send the invoice.'),
  high('Profile edits made on the phone are overwritten by an older copy from the laptop.'),
  high('Checkout is slow only on Fridays between five and seven in the evening.'),
  high('How should we split the reporting database from the transactional one without breaking the finance team?'),
  high('Should we keep one shared Postgres for all tenants or give the biggest customers their own instance?'),
  high('Plan the move of our message consumers to a new cluster without losing or reprocessing events.'),
  high('What happens to in-flight payments if the ledger service restarts mid-transaction?'),
  high('leader lease expiry during a long GC pause?'),
  high('read-your-writes across two regions with async replication?'),
  high('Why do the retries make the outage worse instead of better?'),
  high('Wie verhindern wir, dass Zahlungen doppelt gebucht werden, wenn der Webhook zweimal ankommt?'),
  high('Pourquoi les stocks affichés diffèrent-ils parfois entre le site et l’application mobile ?'),
  high('¿Cómo diseñar la conciliación entre nuestro sistema de pagos y el banco cuando llegan eventos fuera de orden?'),
  high('Perché alcuni ordini restano bloccati in stato "in elaborazione" dopo un riavvio del broker?'),
  high('订单状态在支付回调之后偶尔还是"未支付"，要怎么设计才能保证最终一致？'),
  high('多个服务同时写同一张表时经常出现死锁，应该怎么重新设计写入流程？'),
  high('注文確定後にまれに在庫が二重に引き当てられる。どこで競合が起きていると考えられますか？'),
  high('キャッシュとデータベースの更新順序をどう設計すれば古い値が残らないですか？'),
  high('여러 리전에 걸친 세션 저장소를 어떻게 설계해야 지연과 일관성을 모두 맞출 수 있을까요?'),
  high('가끔 메시지가 순서가 뒤바뀐 채로 처리되는데 원인을 어떻게 찾아야 하나요?'),
  high('Почему после переключения на реплику часть заказов пропадает из отчёта?'),
  high('Как организовать миграцию схемы без простоя, если старые и новые версии сервиса работают одновременно?'),
  low('What does the acronym ACID stand for?'),
  low('Explain the strangler fig pattern in one sentence.'),
  low('Add type annotations to this handler in our event-driven billing platform.'),
  low('Rename the parameter `msg` to `message` in this Kafka producer helper.'),
  low('Write a docstring for this function.'),
  low('How do I parse an ISO date string in JavaScript?'),
  low('Convert this promise chain to async/await.'),
  low('What is the difference between map and forEach?'),
  low('Generate a Python dataclass for this JSON object.'),
  low('Fix the typo in this log message.'),
  low('Write a regex that matches a hex colour.'),
  low('Sort these imports alphabetically.'),
  low('Was bedeutet die Abkürzung SLA?'),
  low('Ajoute un commentaire au-dessus de cette fonction.'),
  low('¿Cómo invierto una cadena en Python?'),
  low('Come si legge un file riga per riga in Java?'),
  low('这个正则表达式是什么意思？'),
  low('把这个函数改成箭头函数。'),
  low('この変数名をスネークケースに変えてください。'),
  low('「サーキットブレーカー」とは何ですか？一言で。'),
  low('이 함수에 주석을 달아 주세요.'),
  low('파이썬에서 리스트를 뒤집는 방법은?'),
  low('Что такое шардирование? Одним предложением.'),
  low('Как в JavaScript проверить, что объект пустой?'),
];
