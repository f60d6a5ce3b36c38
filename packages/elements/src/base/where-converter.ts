import type { Where } from '@rapport/core';

/**
 * The `where` attribute of list elements: a JSON filter tree (`where='{"ownerId":{"eq":"u-li"}}'`).
 * Anything that is not a JSON object (missing, malformed, a bare value) means no filter.
 */
export const whereConverter = {
  fromAttribute: (value: string | null): Where | undefined => {
    if (!value) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' ? (parsed as Where) : undefined;
    } catch {
      return undefined;
    }
  },
};
