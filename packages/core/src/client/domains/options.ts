// The checks of domain options, loaded by createCrm only when those options are given: a bad
// option still fails createCrm, without loading its domain.
export { checkScoringRules } from '../../sales/sales-options.js';
export {
  checkTimeZone,
  DEFAULT_ANALYTICS_TIME_ZONE,
  resolveHealthOptions,
} from '../../analytics/analytics-options.js';
// Every module crm.ts loads on demand re-exports the client: a bundler that splits by file
// (esbuild) then sees the core they share used by the same set of chunks and emits it as one
// chunk, not one per combination of domains (which cost the main entry several KB).
export { createCrm as _client } from '../../crm.js';
