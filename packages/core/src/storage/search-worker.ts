// The search worker: builds and keeps the full-text indexes of one IndexedDB database off the main
// thread, with its own connection, and answers the adapter's searches. Started by
// search-client.ts as a module worker (`new Worker(new URL(…, import.meta.url), { type:
// 'module' })`); the build emits it as dist/search-worker.js, one file with no imports, so it needs
// neither a bundler nor an import map (module workers do not see the page's import map).
import {
  createSearchHost,
  type SearchAnswer,
  type SearchHost,
  type SearchRequest,
} from './search-host.js';
import type { ChangeEvent, CollectionDescriptor } from './storage-adapter.js';

/** Main thread → worker. Messages are handled in order, so an answer reflects every change sent before. */
export type SearchWorkerMessage =
  | {
      readonly type: 'open';
      readonly name: string;
      readonly collections: readonly CollectionDescriptor[];
    }
  | { readonly type: 'prepare'; readonly collection: string }
  | { readonly type: 'changes'; readonly events: readonly ChangeEvent[] }
  | { readonly type: 'query'; readonly id: number; readonly request: SearchRequest };

/** Worker → main thread. */
export type SearchWorkerReply =
  | { readonly type: 'answer'; readonly id: number; readonly answer: SearchAnswer }
  | { readonly type: 'state'; readonly collection: string; readonly ready: boolean };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchWorkerMessage>) => void) | null;
  postMessage(reply: SearchWorkerReply): void;
};
const post = (reply: SearchWorkerReply): void => scope.postMessage(reply);
let host: SearchHost | null = null;

scope.onmessage = ({ data: message }) => {
  switch (message.type) {
    case 'open':
      host = createSearchHost({
        name: message.name,
        collections: message.collections,
        onState: (collection, ready) => post({ type: 'state', collection, ready }),
      });
      break;
    case 'prepare':
      host?.prepare(message.collection);
      break;
    case 'changes':
      host?.changes(message.events);
      break;
    case 'query': {
      const unavailable: SearchAnswer = { kind: 'unavailable' };
      const id = message.id;
      (host ? host.query(message.request) : Promise.resolve(unavailable)).then(
        (answer) => post({ type: 'answer', id, answer }),
        () => post({ type: 'answer', id, answer: unavailable }),
      );
      break;
    }
  }
};
