// Import, export, backup and restore, dedupe and merge, loaded by crm.ts on the first crm.io,
// findDuplicates or merge call (the CSV reader loads later still, on the first CSV import).
export { createCrmIo } from '../../io/crm-io.js';
// Every module crm.ts loads on demand re-exports the client: a bundler that splits by file
// (esbuild) then sees the core they share used by the same set of chunks and emits it as one
// chunk, not one per combination of domains (which cost the main entry several KB).
export { createCrm as _client } from '../../crm.js';
