import type { Context, ContextType } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';

/** A context callback: the value, and how to stop hearing from the provider that sent it. */
export type ContextCallback<T> = (value: T, unsubscribe?: () => void) => void;

/** The protocol's `context-request` event (`bubbles`, `composed`), asking for updates. */
export function contextRequest<C extends Context<unknown, unknown>>(
  context: C,
  target: EventTarget,
  callback: ContextCallback<ContextType<C>>,
): Event {
  return Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
    context,
    contextTarget: target,
    callback,
    subscribe: true,
  });
}

/**
 * Subscribes `host` to `context` through the community context protocol: on every connect it
 * dispatches a `context-request` event (`bubbles`, `composed`; `context`, `contextTarget`,
 * `callback`, `subscribe: true`), so any provider that speaks the protocol answers —
 * `<crm-provider>`, @lit/context's `ContextProvider` in a host app, or `ContextRoot` replaying the
 * request once a provider appears later. `onValue` gets every value the provider sends. When the
 * answer comes from another provider (the element moved), the old subscription is dropped; on
 * disconnect the subscription ends. The last value is kept until a provider sends another one.
 *
 * What `@lit/context`'s `ContextConsumer` does for elements, without its bytes in every element.
 */
export function consumeContext<C extends Context<unknown, unknown>>(
  host: ReactiveControllerHost & HTMLElement,
  context: C,
  onValue: (value: ContextType<C>) => void,
): void {
  let unsubscribe: (() => void) | undefined;
  // One callback per consumer, kept for its life: providers and ContextRoot dedupe by identity.
  const callback: ContextCallback<ContextType<C>> = (value, dispose) => {
    if (unsubscribe !== dispose) unsubscribe?.();
    unsubscribe = dispose;
    onValue(value);
  };
  host.addController({
    hostConnected: () => host.dispatchEvent(contextRequest(context, host, callback)),
    hostDisconnected: () => {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  });
}
