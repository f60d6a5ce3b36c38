import type { CreateOperation, CreateStream, WriteOperation } from './gateway-core.js';

/** Whether a write request's operations are a stream of creates. */
export function isCreateStream(
  operations: readonly WriteOperation[] | CreateStream,
): operations is CreateStream {
  return !Array.isArray(operations);
}

/**
 * The same stream with `step` applied to each chunk as it is produced — how a stage checks (or
 * rewrites) the creates of a stream without holding them all. `step` may throw to abandon the write.
 */
export function mapCreateStream(
  stream: CreateStream,
  step: (chunk: readonly CreateOperation[]) => readonly CreateOperation[],
): CreateStream {
  const { chunks } = stream;
  return {
    ...stream,
    chunks: {
      *[Symbol.iterator]() {
        for (const chunk of chunks) yield step(chunk);
      },
    },
  };
}

/**
 * Every operation of a stream as one list (validating them all), for a stage that needs the whole
 * batch before anything is written (per-record audit entries, encryption).
 */
export function collectCreates(
  operations: readonly WriteOperation[] | CreateStream,
): readonly WriteOperation[] {
  if (!isCreateStream(operations)) return operations;
  const all: CreateOperation[] = [];
  for (const chunk of operations.chunks) for (const op of chunk) all.push(op);
  return all;
}
