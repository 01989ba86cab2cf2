// The layering of ../shared/ARCHITECTURE.md, checked in `npm test` (npm run check:layers).
// Each part of src/ may import only the parts listed under it; everything may import
// src/shared (the vocabulary several parts share), and src/shared imports no part.
// Dependencies point one way: ui → api client → (sw) → api → store, documents, export,
// chat, layout; the engine host (src/host) wires api, store, documents and engines.

/** part → the parts it may import (besides itself and shared) */
const ALLOWED = {
  shared: [],
  store: [],
  documents: [],
  models: [],
  layout: [],
  fields: [],
  languages: [],
  // A tool's model that reads a paragraph at a time asks the layout for the page's paragraphs.
  engines: ['models', 'languages', 'layout/detected-lines'],
  tools: ['fields'],
  export: [],
  chat: ['fields', 'models'],
  // The API knows which engines exist (their metas: tiers, costs, languages), not which runs.
  // (Exports and chat answers are work it hands to whoever runs it, through ApiDeps.)
  api: ['store', 'documents', 'tools', 'engines/registry', 'engines/(cpu|vlm|pdf-text)/meta'],
  host: ['api', 'store', 'documents', 'engines', 'layout', 'export', 'chat', 'tools', 'models', 'languages', 'fields'],
  // A thin router: it relays /api/v1/ to a window and judges who sent a request.
  sw: ['api/same-site'],
  // The UI talks to the API (src/ui/api.ts), never to the database, the engines or the host;
  // it lists what the registries offer and manages the downloads of models and languages.
  // (Chat models are downloaded through web-llm's engine, src/chat/llm.)
  ui: ['tools', 'engines/registry', 'engines/(cpu|vlm|pdf-text)/meta', 'models', 'languages', 'chat/llm'],
};

const PARTS = Object.keys(ALLOWED);
const alt = (xs) => `(${xs.join('|')})`;

const layerRules = PARTS.map((part) => ({
  name: `layers-${part}`,
  comment: `src/${part} may import only ${['shared', ...ALLOWED[part]].join(', ')} (ARCHITECTURE.md)`,
  severity: 'error',
  from: { path: `^src/${part}/` },
  to: { path: '^src/', pathNot: `^src/${alt([part, 'shared', ...ALLOWED[part]])}(/|\\.|$)` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular-parts',
      comment: 'no part is in a circle with another',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^src/$1/' },
    },
    {
      name: 'workers-are-thin',
      comment: 'a worker entry imports its code from src/, not from another worker entry',
      severity: 'error',
      from: { path: '^workers/' },
      to: { path: '^workers/' },
    },
    {
      name: 'nothing-imports-entries',
      comment: 'the entry points (main, embed, workers) are imported by nothing in src/',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main|embed|embed-private)\\.ts$' },
      to: { path: '^src/(main|embed|embed-private)\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.svelte', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
