import { ConflictError, NotFoundError, PermissionError } from '@rapport/core';
import type { CommonMessageKey } from '../i18n/common-messages.js';

/**
 * What to tell a user about an error from the SDK, as a message key: the typed errors of
 * @rapport/core have their own words; anything else is "Something went wrong".
 */
export function errorMessageKey(error: unknown): CommonMessageKey {
  if (error instanceof NotFoundError) return 'common.notFound';
  if (error instanceof PermissionError) return 'common.permissionDenied';
  if (error instanceof ConflictError) return 'common.conflict';
  return 'common.error';
}
