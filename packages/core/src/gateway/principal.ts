import { z } from 'zod';
import { IdSchema } from '../entities/common.js';

/**
 * The user a request acts for. The host supplies it (an OA vendor maps its own users and org
 * tree onto it); Rapport never authenticates anyone itself.
 */
export interface Principal {
  readonly id: string;
  readonly name?: string;
  readonly roles: readonly string[];
  /** Teams the user belongs to. */
  readonly teams?: readonly string[];
  /** Users this user manages (for the `subordinates` scope). */
  readonly manages?: readonly string[];
}

export const PrincipalSchema = z.strictObject({
  id: IdSchema,
  name: z.string().max(100).optional(),
  roles: z.array(z.string().min(1).max(64)).max(50),
  teams: z.array(IdSchema).max(500).optional(),
  manages: z.array(IdSchema).max(10_000).optional(),
});

/** Used when the host gives no principal: a single local user, as on a personal page. */
export const LOCAL_PRINCIPAL: Principal = Object.freeze({
  id: 'local',
  name: 'Local user',
  roles: ['admin'],
});
