// Hand-labelled retrieval questions: for each, the files a good answer has to look at. Written by reading the
// code, not derived from the ranker's output. Paths are relative to the code base's root.

export interface LabelledQuestion { question: string; relevant: string[]; openPath?: string }

/** test/fixtures/codebase-service: a multi-language service written for these tests. */
export const SERVICE_QUESTIONS: LabelledQuestion[] = [
  { question: 'How should we split the billing module out of this service?', relevant: ['billing/invoice.go', 'billing/charge.go'] },
  { question: 'What is the design of invoice charging and refunds?', relevant: ['billing/charge.go', 'billing/invoice.go'] },
  { question: 'How does placing an order reserve stock and issue an invoice? #codebase', relevant: ['orders/service.py', 'inventory/StockService.java'] },
  { question: 'Should we migrate the order repository from raw SQL to an ORM?', relevant: ['orders/repository.py'] },
  { question: 'How is authentication designed in the gateway?', relevant: ['gateway/auth.ts', 'gateway/router.ts'] },
  { question: 'What architecture would let the rate limiter scale across several gateway instances?', relevant: ['gateway/rateLimit.ts', 'gateway/router.ts'] },
  { question: 'How should we restructure the warehouse stock counts into a database?', relevant: ['inventory/Warehouse.java', 'inventory/StockService.java'] },
  { question: 'Design question: how do notifications render e-mail templates?', relevant: ['notifications/Templates.cs', 'notifications/Mailer.cs'] },
  { question: 'How should the mailer send payment receipts when an invoice is paid?', relevant: ['notifications/Mailer.cs', 'billing/charge.go'] },
  { question: 'How does the search inverted index tokenize product titles?', relevant: ['search/index.rs'] },
  { question: 'Architecture of search_products ranking: how would we add BM25?', relevant: ['search/query.rs', 'search/index.rs'] },
  { question: 'Which upstream routes does the gateway router know, and how would we add the inventory service?', relevant: ['gateway/router.ts'] },
  { question: 'How should order cancellation release stock across services?', relevant: ['orders/service.py', 'inventory/StockService.java'] },
  { question: 'Where do we keep the session store and how would we move sessions to Redis?', relevant: ['gateway/auth.ts'] },
  { question: 'What breaks if PaymentGateway.Charge becomes asynchronous?', relevant: ['billing/charge.go'] },
  { question: 'How is the low stock report computed?', relevant: ['inventory/StockService.java', 'inventory/Warehouse.java'] },
];

/** This project's own src/. */
export const OWN_SOURCE_QUESTIONS: LabelledQuestion[] = [
  { question: 'How does the egress gate seal a chat body before it goes to the cloud?', relevant: ['core/egress/gate.ts', 'core/egress/seal.ts'] },
  { question: 'What is the architecture of the ask pipeline from classify to ledger?', relevant: ['core/pipeline/ask.ts'] },
  { question: 'How are private paths decided from .aiignore and privateGlobs?', relevant: ['core/privacy/paths.ts'] },
  { question: 'How does the router decide between local and cloud?', relevant: ['core/route/decide.ts'] },
  { question: 'Design of the spend ledger and how records are written to disk', relevant: ['core/spend/ledger.ts', 'core/spend/ledgerFs.ts'] },
  { question: 'How is cost computed from provider usage and the price table?', relevant: ['core/spend/cost.ts', 'core/spend/priceTable.ts'] },
  { question: 'How does the token counter load tiktoken in a worker?', relevant: ['core/tokens/workerCounter.ts', 'core/tokens/worker.ts'] },
  { question: 'How should we restructure the inline completion engine and its cache?', relevant: ['core/completion/engine.ts', 'core/completion/cache.ts'] },
  { question: 'How does the Anthropic provider stream and report usage?', relevant: ['core/providers/anthropic.ts'] },
  { question: 'How is the Ollama provider health checked?', relevant: ['core/providers/ollama.ts', 'vscode/health.ts'] },
  { question: 'How does the chat view provider talk to the webview protocol?', relevant: ['vscode/chat/ChatViewProvider.ts'] },
  { question: 'How are phone numbers detected as personal data?', relevant: ['core/privacy/detectors/phones.ts'] },
  { question: 'How do secret rules and the generic secret detector work together in the scan?', relevant: ['core/privacy/scan.ts', 'core/privacy/detectors/genericSecret.ts'] },
  { question: 'Architecture of the budget: how are budget state and limits computed?', relevant: ['core/spend/budget.ts'] },
  { question: 'How does trimContext fit context into the model window?', relevant: ['core/pipeline/trimContext.ts'] },
  { question: 'How are the repo map definitions ranked over the reference graph? #codebase', relevant: ['core/context/rank.ts'] },
];
