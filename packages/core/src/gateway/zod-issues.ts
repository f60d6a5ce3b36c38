import type { z } from 'zod';
import type { ValidationIssue } from '../errors.js';

type Path = (string | number)[];

/** Zod issues as ours; an unknown key is reported at its own path. */
export function zodIssues(error: z.ZodError, prefix: Path): ValidationIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...prefix, ...(issue.path as Path), key],
          message: `Unknown field "${key}"`,
        }))
      : [{ path: [...prefix, ...(issue.path as Path)], message: issue.message }],
  );
}
