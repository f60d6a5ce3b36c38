import type { Context } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { contextRequest, type ContextCallback } from '../base/consume-context.js';

/** What a `context-request` or `context-provider` event carries (the community protocol). */
interface ContextEvent extends Event {
  readonly context: unknown;
  readonly contextTarget?: EventTarget;
  readonly callback: ContextCallback<unknown>;
  readonly subscribe?: boolean;
}

/** The element that sent a protocol event (its own target, even when retargeted by shadow DOM). */
const origin = (event: ContextEvent) => event.contextTarget ?? event.composedPath()[0]!;

/**
 * Provides `context` to everything inside `host`, through the community context protocol, as
 * @lit/context's `ContextProvider` does (so its consumers, a host app's own included, are answered
 * too): a `context-request` for `context` from inside is answered — and stopped — with the current
 * value and, when the request subscribes, every later one, with a function that ends the
 * subscription. On connect the host announces itself with a `context-provider` event, so requests
 * made before it existed are replayed (see `attachContextRoot`) and an outer provider hands over the
 * subscribers that are now inside this one. Returns the setter of the value.
 */
export function provideContext<T>(
  host: ReactiveControllerHost & HTMLElement,
  context: Context<unknown, T>,
): (value: T) => void {
  let value: T | undefined;
  const subscribers = new Map<ContextCallback<T>, { target: EventTarget; dispose: () => void }>();
  host.addEventListener('context-request', (event: Event) => {
    const { context: asked, callback, subscribe } = event as ContextEvent;
    const target = origin(event as ContextEvent);
    if (asked !== context || target === host) return;
    event.stopPropagation();
    if (!subscribe) return callback(value);
    let subscriber = subscribers.get(callback);
    if (!subscriber)
      subscribers.set(
        callback,
        (subscriber = { target, dispose: () => subscribers.delete(callback) }),
      );
    callback(value, subscriber.dispose);
  });
  // A provider of the same context appeared inside: its subscribers ask again, and the nearest
  // provider answers them.
  host.addEventListener('context-provider', (event: Event) => {
    if ((event as ContextEvent).context !== context || origin(event as ContextEvent) === host)
      return;
    event.stopPropagation();
    for (const [callback, { target }] of subscribers)
      target.dispatchEvent(contextRequest(context, target, callback));
  });
  host.addController({
    hostConnected: () =>
      host.dispatchEvent(
        Object.assign(new Event('context-provider', { bubbles: true, composed: true }), {
          context,
          contextTarget: host,
        }),
      ),
  });
  return (next) => {
    if (Object.is(next, value)) return;
    value = next;
    for (const [callback, { dispose }] of subscribers) callback(value, dispose);
  };
}

/**
 * Replays, for any context, the subscribing `context-request` events that reach `root` unanswered
 * (an element that upgraded before its provider existed) when a provider of that context
 * announces itself (`context-provider`), as @lit/context's `ContextRoot` does. Holds requesters
 * weakly: an element removed meanwhile is not kept alive.
 */
export function attachContextRoot(root: EventTarget): void {
  const pending = new Map<unknown, { target: WeakRef<EventTarget>; callback: WeakRef<object> }[]>();
  root.addEventListener('context-request', (event: Event) => {
    const { context, callback, subscribe } = event as ContextEvent;
    if (!subscribe) return;
    const target = origin(event as ContextEvent);
    const list = pending.get(context) ?? [];
    if (list.some((p) => p.target.deref() === target && p.callback.deref() === callback)) return;
    list.push({ target: new WeakRef(target), callback: new WeakRef(callback) });
    pending.set(context, list);
  });
  root.addEventListener('context-provider', (event: Event) => {
    const { context } = event as ContextEvent;
    const list = pending.get(context);
    if (!list) return;
    // Requests still unanswered come back here and are pending again.
    pending.delete(context);
    for (const p of list) {
      const target = p.target.deref();
      const callback = p.callback.deref() as ContextCallback<unknown> | undefined;
      if (target && callback)
        target.dispatchEvent(
          contextRequest(context as Context<unknown, unknown>, target, callback),
        );
    }
  });
}
