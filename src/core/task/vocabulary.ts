// The router's words in Chinese, Japanese, Korean and Russian (and a few more Western phrasings), by the signal
// they feed. CJK terms match anywhere (those scripts have no spaces to bound a word); Russian terms are stems.
// The text is NFKC-normalised first, so full-width forms need no entry of their own.

export const MORE_HIGH: Record<string, RegExp[]> = {
  'architecture question': [/架构|架構|アーキテクチャ|아키텍처|아키텍쳐|архитектур/],
  'design question': [/设计|設計|설계|спроектир|проектир/],
  'asks for trade-offs': [
    /权衡|取舍|利弊|优缺点|优劣|トレードオフ|メリットとデメリット|長所と短所|트레이드오프|장단점|компромисс|плюсы и минусы/,
    // Torn between named options, in the Western languages: "on hésite entre", "wir schwanken zwischen".
    /\bhesit\w* entre\b|\bchoisir entre\b|\b(?:elegir|escoger|decidir|dudando|escolher|em duvida) entre\b|\b(?:entscheiden|schwanken|wahlen) zwischen\b|\b(?:scegliere|decidere|indecisi) (?:tra|fra)\b|выб(?:рать|ираем|ирать|ор) между/,
  ],
  'migration': [/迁移|移行|마이그레이션|전환할|전환하|миграц|переход(?:ить|а)? (?:с|на)|перейти (?:с|на)|переезд/],
  'scalability or distributed systems': [
    /分布式|高并发|高可用|扩展性|可扩展|一致性|横向扩展|分散システム|スケール|整合性|可用性|冗長|분산|확장성|가용성|일관성|정합성/,
    /распредел|масштабир|отказоустойчив|консистентн|согласованност|負荷分散|부하 분산/,
    /\bescal(?:ar|amos|ando|abilidad|abilidade)\b|\bscal(?:are|iamo|ano|ando)\b|\bskalier\w*|\b(?:passer|passage|mise) a l'echelle\b|\bmont(?:er|ee) en charge\b/,
    // Two stores kept coherent: "garder le cache et la base cohérents", "caché y base de datos consistentes".
    /\b(?:cache|cach|(?:la|les|a|as) bases?|base de (?:datos|donnees|dados)|donnees|datos|dados|banco|daten|datenbank|dati|replica\w*|repliques|serveurs|servidores|server|serveur)\b[^.?!]{0,40}\b(?:coheren|consistent|konsistent|koharent|coerent)\w*/,
    /\brepartir la charge\b|\bdistribu(?:te|ting) (?:the )?(?:write |read )?load\b|\bdistribuir la carga\b|\bverteil\S* (?:die )?last\b|\bripartire il carico\b/,
  ],
  'concurrency': [
    /\ba la vez\b|\ba la fois\b|\ballo stesso tempo\b|\bcontemporaneamente\b|\bsimultane\w*|\bsimultanea\w*/,
    /并发|竞态|死锁|线程安全|同时|同時実行|同時に|競合|デッドロック|排他制御|동시성|동시에|경쟁 상태|데드락|교착/,
    /конкурентн|состояние гонки|гонк[аиу] (?:данных|условий)|взаимн(?:ая|ой|ую) блокировк|одновременно/,
    /\bat the same time\b|\bgleichzeitig\b|\ben meme temps\b|\bal mismo tiempo\b|\bao mesmo tempo\b|\binsieme\b|\btegelijk/,
  ],
  'security design': [/安全隐患|安全设计|漏洞|脆弱性|セキュリティ設計|보안 설계|취약점|уязвим/,
    // Tampering, and what a design protects against (English in complexityRules.ts).
    /篡改|改ざん|改竄|위변조|변조|подделыва|подмен[аиы]|фальсифи|\bmanipulationssicher|\bfalsch\w* verhinder|\bschutz?t\w* (?:\w+ ){0,2}vor\b|\bprotege\w* (?:\w+ ){0,2}(?:contra|de) (?:que|ataques?|atacantes?|manipula)|\bprotege\w* contre\b|\bfalsifica|\balteraci[oó]n maliciosa|\badulter/,
    /防范|防御|能防(?:止|住)?什么|防止.{0,6}(?:攻击|篡改)|(?:何|なに)を防(?:げ|ぐ|止)|から守(?:れ|る)|무엇을 막|(?:공격|변조)을? 막|защищает от|защитить от/],
  'asks for an approach': [/方案|策略|计划|方針|戦略|計画|전략|계획|방안|стратеги|(?<![а-яё])план(?![шк])/],
  'data or system design': [
    /\bdatenmodell|\bmodelo de datos\b|\bmodele de donnees\b|\bmodello (?:di )?dati\b|\bmodelo de dados\b/,
    /\bfile de messages\b|\bcolas? de mensajes\b|\bfilas? de mensagens\b|\bcod[ae] di messaggi\b|\bmessage-?queue\b|\bnachrichtenwarteschlange/,
    /数据模型|缓存策略|缓存失效|消息队列|数据隔离|データモデル|キャッシュ戦略|メッセージキュー|데이터 모델|캐시 무효화|메시지 큐|модел[ьи] данных|инвалидац|очеред[ьи] сообщений|брокер/],
  'multi-step task': [/分阶段|一步一步|逐步|段階的|단계적|단계별|пошагов|поэтапн/],
  'system performance': [
    /\b(?:under|below|within|less than|in under)\s?\d+\s?ms\b/,
    /性能瓶颈|瓶颈|延迟|ボトルネック|レイテンシ|遅延|병목|지연 시간|узк(?:ое|им|ие) мест|задержк/],
  'asks for judgement': [
    /\b(?:ton|votre|vos) avis\b|\bavis ?\?|\bque (?:opinas|opinan|opinais)\b|\bwas (?:meint|haltet|denkt) ihr\b|\bcosa ne (?:pensate|pensi)\b|\bo que (?:voces |voce )?(?:acham|acha)\b|ваше мнение|что думаете/,
    /值得|该不该|要不要|是否应该|应不应该|べきか|価値はあります|すべき|좋을까요|해야 할까요|바꿔야 할까요|가치가|стоит ли|имеет ли смысл|целесообразн/],
  // Service decomposition, named in every language the classifier reads.
  'spans several modules': [/\bmicro-?servi(?:c|z|ç)\w*|\bmikroservice\w*|\bmonolit[hoe]\w*|微服务|單體|单体应用|单体架构|モノリス|マイクロサービス|모놀리|마이크로서비스|микросервис|монолит/],
  // Splitting a string, an array or a file is not a structural change: the object comes before or right after.
  'structural change': [/(?<!(?:字符串|数组|列表|对象|文件|代码|这行|正则|组件|函数|文字列|配列|リスト|ファイル|関数|コンポーネント|문자열|리스트|배열|파일|코드|함수|컴포넌트)[^.?!。？！]{0,8})(?:拆分|怎么拆|如何拆|拆成|拆开|どう分け|分けるべき|어떻게 나누|나누는 게|分割す|分割|切り出|분리|분할|쪼개)(?![^.?!。？！]{0,8}(?:字符串|数组|列表|对象|文件|文字列|配列|ファイル|문자열|리스트|배열|파일|两半))|解耦|раздел(?:ить|ение)|разбить на|выдел(?:ить|ение) в/],
  'API evolution': [/向后兼容|兼容旧|破坏性变更|後方互換|破壊的変更|하위 호환|호환성|обратн(?:ая|ой|ую) совместимост|версионир/],
  'hard systems problem': [
    /\bmandant\w*|\binquilinos?\b|\blocataires?\b|\bmulti-?(?:cliente|client|inquilino|locataire|mandant)\w*|租户|テナント|테넌트|тенант/,
    // Overselling the last item, in every language: a flash sale is a concurrency problem however it is worded.
    /\boversell\w*|\bsobreventa|\bsurvente|\bsobrevenda|\boverbook\w*|\bsovravend\w*|\buberverkauf|超卖|秒杀|抢购|売り越し|過剰販売|초과 판매|перепрода/,
    // Offline clients that must reconcile with a server, and one database per customer.
    /(?:오프라인|离线|オフライン|офлайн)[^.?!]{0,40}(?:동기화|충돌|同步|冲突|同期|競合|синхрон|конфликт)|\boffline\b[^.?!]{0,60}\b(?:conflict|conflit|conflicto|conflito|conflitto|konflikt|synchroni|sincroni)/,
    /\b(?:database|db|schema|banco|base(?: de datos| de donnees)?|datenbank)s? (?:per|por|par|pro|para cada) (?:tenant|customer|client|cliente|kunde|mandant)\b/,
    /\brounding (?:errors?|issues?)\b|\berreurs? d'arrondi|\berror(?:es)? de redondeo|\berros? de arredondamento|\berrori di arrotondamento|\brundungsfehler|ошибк\S* округлени|舍入误差|丸め誤差|반올림 오차/,
    // Active-active across sites: 多活 / 异地多活 / 双活, アクティブ・アクティブ, 액티브-액티브, актив-актив.
    /多活|双活|アクティブ[・ -]?アクティブ|액티브[- ]?액티브|актив[- ]актив/,
    /幂等|冪等|멱등|идемпотент|恰好一次|脑裂|选主|领导者选举|最终一致|分布式锁|丢锁|主从切换|故障转移|雪崩|惊群|背压|积压|法定人数|仲裁/,
    /二重処理|スプリットブレイン|リーダー選出|フェイルオーバー|結果整合|分散ロック|クォーラム|중복 처리|장애 조치|리더 선출|페일오버|스플릿 브레인|리밸런싱|쿼럼/,
    /ровно один раз|кворум|выбор(?:ы)? лидера|переключени[ея] (?:мастера|на резерв)|падени[ие] брокера|split-brain/,
  ],
  'intermittent behaviour': [
    /\bevery (?:afternoon|lunchtime)\b|\bbusy (?:days|hours|periods|times|season)\b|\bde vez em quando\b|\bdi tanto in tanto\b|\bab und an\b|每天凌晨|每晚|凌晨/,
    /偶尔|有时|时不时|间歇|偶发|不定期|每天晚上|每到|月末|たまに|ときどき|時々|時折|まれに|だけ終わらな|ピーク時|가끔|간헐|때때로|이따금|종종/,
    /иногда|время от времени|периодически|изредка|раз в (?:несколько|неделю|день|месяц)|порой|в час пик/,
    /\bblack friday\b|\bcyber monday\b|\bsoldes\b|\brebajas\b|\bsaldi\b|\bnatal\b|\bnavidad\b|\bweihnacht\w*|\bnoel\b|双十一|双11|大促|セール時|블랙프라이데이|распродаж/,
    /\bjeden (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|tag|morgen|abend|monat)\b|\bchaque (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|jour|matin|nuit|soir|mois)\b/,
    /\bcada (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|dia|manana|noche|mes)\b|\bogni (?:lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|giorno|mattina|notte|sera|mese)\b|\btod[oa] (?:segunda|terca|dia|manha|noite|mes)\b/,
    /каждый (?:понедельник|день|вечер|месяц)|каждое утро|каждую (?:ночь|неделю)|每周[一二三四五六日]|每天早上|每月|毎週|毎朝|毎晩|毎月|매주|매일 아침|매달/,
    /\bde temps en temps\b|\bde vez en cuando\b|\bgelegentlich\b|\bab und zu\b|\bas vezes\b|\bogni tanto\b|\ba volte\b|\btalvolta\b|\bsoms\b|\baf en toe\b/,
  ],
  'figures of scale': [
    /\b(?:millions|billions|thousands|tens of thousands|hundreds of thousands) of (?:\w+ )?(?:users|requests|rows|records|events|messages|devices|customers|e-?mails|orders|products|items|files)\b|\b(?:millones|millions|milioni|milhoes|millionen) (?:de |di )?\w+/,
    /\d+\s?(?:млн|млрд|тыс)/,
    /百万|千万|亿|日活|万并发|億|万人|열 배|만 명|백만|천만|миллион|миллиард|\d+\s?(?:倍|万)|每秒|毎秒|초당/,
    /\d[\d .,\u00a0\u202f]{0,12}\s?(?:\w{1,20} )?(?:par seconde|por segundo|pro sekunde|al secondo|per seconde|в секунду)/,
  ],
  'asks how to approach it': [
    /应该怎么|该怎么|怎么保证|如何保证|如何设计|怎么设计|怎么选|如何选|どのように|どう設計|どう準備|どう設計し直す/,
    /어떻게 (?:설계|준비|바꿔야|해야|세워야|추적)|как (?:лучше |правильно )?(?:спроектировать|организовать|обеспечить|разделить|сделать так|выбрать|распределить)/,
  ],
  'weighs consequences': [/有什么坑|风险|会不会丢|会出现什么问题|影響|リスク|何が起き|위험|문제가 생길|риски|что сломается|чем грозит|последстви/],
  'weighs alternatives': [/还是|哪个更好|どちら|それとも|아니면|어느 쪽|(?<![а-яё])или(?![а-яё])/],
};

export const MORE_LOW: Record<string, RegExp[]> = {
  'explains a snippet': [/(?:是)?(?:做|干)什么的|这段代码.{0,6}(?:做|干)什么|何をしています|何をする|무엇을 하는|뭘 하는|что делает (?:эта|этот|это)/],
  'how-to': [/怎么把|怎样把|怎么读取|怎么写|的方法|どう書き|方法は|にはどうすれば|する方法|하는 방법|방법은|방법 알려|как (?:в|на) [a-z]|как (?:отсортировать|прочитать|преобразовать|написать|получить|удалить|проверить)/],
  'small edit': [
    /改名|重命名|改成|改为|加上注释|添加注释|类型注解|类型提示|名前を|名前に|コメントを追加|書き換え|型ヒント|型注釈|이름을 바꿔|이름 바꿔|타입 힌트|주석|정리해 줘/,
    /переименуй|добавь (?:комментари|аннотаци|тип)/,
  ],
  'asks for a definition': [
    // "qué es un deadlock?", "c'est quoi un index composite ?", "was ist ein Mutex?": a term and a question mark.
    /^\s*(?:que es|qu'est-ce qu'(?:un|une)|c'est quoi|was (?:ist|sind)|cos'e|che cos'e|o que (?:e|sao)) (?:(?:un|una|el|la|los|las|une|le|les|ein|eine|der|die|das|um|uma|o|a|il|lo|l')\s?)?[\w-]+(?: [\w-]+)?\s*\?/,
    /什么是|是什么意思|是什么[?？]|とは何|とは[?？]|って何|뭐예요|무엇인가요|이란 무엇|란 무엇|뭔가요|무슨 뜻|что такое|что означает|что значит|аббревиатур/],
  'says it is quick': [/一句话|简单说|简单地|简短|一文で|簡単に|手短に|짧게|간단히|한 문장|кратко|коротко|в двух словах|одним предложением/],
};
