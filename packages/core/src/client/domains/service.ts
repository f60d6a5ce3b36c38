// The service domain, loaded by crm.ts on the first ticket, article, survey or crm.service call.
export { createServiceOperations } from '../../service/service-operations.js';
export { createTicketLookup } from '../../service/ticket-lookup.js';
export { createTicketQueue } from '../../service/ticket-queue.js';
// Every module crm.ts loads on demand re-exports the client: a bundler that splits by file
// (esbuild) then sees the core they share used by the same set of chunks and emits it as one
// chunk, not one per combination of domains (which cost the main entry several KB).
export { createCrm as _client } from '../../crm.js';
