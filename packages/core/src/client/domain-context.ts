import type { Clock, CrmRepositories } from '../crm.js';
import type { Gateway } from '../gateway/gateway.js';
import type { RequestContext } from '../gateway/gateway-core.js';

/**
 * What a domain module (sales/, service/, marketing/, analytics/) gets to build its operations:
 * the gateway for reads and all-or-nothing multi-entity writes, the request context of the
 * acting principal, the injected clock and id factory, and the plain repositories.
 * Domain modules never see a storage adapter.
 */
export interface DomainContext {
  readonly gateway: Gateway;
  /** The acting principal and the clock's reading, fresh per call. */
  readonly context: () => RequestContext;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly repositories: CrmRepositories;
}
