import { StorageError } from '../errors.js';
import { createTimeSlicer } from '../yield-to-event-loop.js';
import type { Mutation, MutationStream } from './storage-adapter.js';

/** Whether `commit` was handed a stream rather than a list. */
export function isMutationStream(
  mutations: readonly Mutation[] | MutationStream,
): mutations is MutationStream {
  return !Array.isArray(mutations);
}

/**
 * All of a stream's mutations as one list, for adapters that apply a commit in one step (memory)
 * and wrappers that look at every mutation. Yields to the event loop between chunks when a time
 * slice is used up. Rejects with the producer's error as is, or a `StorageError` when the chunks
 * do not hold `size` mutations.
 */
export async function collectMutations(
  mutations: readonly Mutation[] | MutationStream,
): Promise<readonly Mutation[]> {
  if (!isMutationStream(mutations)) return mutations;
  const all: Mutation[] = [];
  const slice = createTimeSlicer();
  for (const chunk of mutations.chunks) {
    for (const mutation of chunk) all.push(mutation);
    const sliced = slice();
    if (sliced) await sliced;
  }
  checkStreamSize(mutations, all.length);
  return all;
}

/** Throws when a stream produced another number of mutations than it declared. */
export function checkStreamSize(stream: MutationStream, produced: number): void {
  if (produced !== stream.size)
    throw new StorageError(
      'STORAGE_FAILED',
      `A commit declared ${stream.size} mutations and produced ${produced}`,
    );
}
