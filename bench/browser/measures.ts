// Every browser benchmark, by the name `npm run bench -- --only <name>` selects it with. Add a
// module here when the thing it measures exists; each runs alone, in the order listed.
import type { Bench } from './harness.js';

export const MEASURES: Record<string, () => Promise<{ run: Bench }>> = {
  'import-contacts': () => import('./import-contacts.bench.js'),
  'pipeline-board': () => import('./pipeline-board.bench.js'),
  'customer-table': () => import('./customer-table.bench.js'),
  'csv-100k': () => import('./csv-100k.bench.js'),
  query: () => import('./query.bench.js'),
  search: () => import('./search.bench.js'),
};
