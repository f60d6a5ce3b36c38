import type { GatewayStage } from './gateway-core.js';

/**
 * Audit: the place where an append-only, hash-chained entry per change is added to the same
 * commit (`WriteRequest.extra`). This release passes writes through unchanged: the audit log is
 * not recorded yet.
 */
export const auditStage: GatewayStage = {
  name: 'audit',
  create: (next) => next,
};
