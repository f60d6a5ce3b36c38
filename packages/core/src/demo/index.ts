// @rapport/core/demo — deterministic demo data for stories, examples, tests and benchmarks.
// Explicit named re-exports only.

export { generateDemoData } from './generate-demo-data.js';
export type { DemoData } from './generate-demo-data.js';
export { iterateDemoCustomers, PUBLIC_POOL_ID } from './iterate-demo-customers.js';
export { iterateDemoContacts, generateDemoContacts } from './iterate-demo-contacts.js';
export { seedDemoData, DEMO_SEED_ORDER } from './seed-demo-data.js';
export type { SeedDemoOptions, DemoSeedTarget, DemoSeedCollection } from './seed-demo-data.js';
export type { DemoOptions, DemoLocale, DemoOwner, DemoTeam, DemoRecord } from './demo-context.js';
export { STANDARD_PIPELINE_ID, RENEWAL_PIPELINE_ID } from './demo-setup.js';
export { HOSTILE_STRINGS, SHOWCASE_CONTACTS } from './demo-words.js';
export { createRandom, weightedTable } from './random.js';
export type { Random, WeightedTable } from './random.js';
