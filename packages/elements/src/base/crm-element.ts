import { LitElement, type PropertyDeclarations, type ReactiveController } from 'lit';
import type { Crm } from '@rapport/core';
import { LocalizeController } from '../i18n/localize-controller.js';
import { baseStyles, tokens } from '../styles/tokens.js';
import { consumeContext } from './consume-context.js';
import { crmContext } from './crm-context.js';

/** The states every element shows through `:state()`. */
export type CrmElementState = 'loading' | 'empty' | 'error';

/**
 * The thin base of every `<crm-*>` element: the `Crm` client (from the nearest `<crm-provider>`,
 * or set directly as `.crm`, which wins), custom states and event dispatch. Data loading and
 * localisation are controllers the subclass has (`QueryController`; `LocalizeController` over the
 * element's own message catalogue, so each element bundles only its own strings).
 */
export class CrmElement extends LitElement {
  static override styles = [tokens, baseStyles];

  static override properties: PropertyDeclarations = { crm: { attribute: false } };

  #explicitCrm: Crm | undefined;
  #contextCrm: Crm | undefined;

  /**
   * The client. Set `.crm` directly, or put the element inside a `<crm-provider>`; a client set
   * directly wins over the provider's. (The two sources are kept apart, so removing the direct
   * one falls back to the provider's.)
   */
  get crm(): Crm | undefined {
    return this.#explicitCrm ?? this.#contextCrm;
  }
  set crm(value: Crm | undefined) {
    this.#explicitCrm = value;
  }

  /** The element's `LocalizeController`s: each update waits for their strings (below). */
  readonly #localizers: LocalizeController[] = [];

  readonly #internals: ElementInternals;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    consumeContext(this, crmContext, (value) => {
      const old = this.crm;
      this.#contextCrm = value;
      if (old !== this.crm) this.requestUpdate('crm', old);
    });
  }

  /**
   * Holds each update until the strings of the current locale are in (zh-CN's ship with the
   * element; another locale's load on first use), so nothing renders in the wrong language first
   * and `updateComplete` resolves with the final DOM. Property changes meanwhile join the update.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const waiting = this.#localizers.find((localizer) => !localizer.ready);
    if (waiting) return waiting.load().then(() => this.scheduleUpdate());
    return super.scheduleUpdate();
  }

  override addController(controller: ReactiveController): void {
    super.addController(controller);
    if (controller instanceof LocalizeController) this.#localizers.push(controller);
  }

  /** Turns a custom state (`:state(loading)`, `:state(empty)`, `:state(error)`) on or off. */
  protected setState(state: CrmElementState, on: boolean): void {
    const states = this.#internals.states;
    if (on) states.add(state);
    else states.delete(state);
  }

  /** Whether a custom state is on (for tests and subclasses). */
  protected hasState(state: CrmElementState): boolean {
    return this.#internals.states.has(state);
  }

  /**
   * Dispatches a `bubbles` + `composed` CustomEvent. Returns `false` when a listener called
   * `preventDefault()` on a cancelable (intent) event, so the caller skips the action.
   */
  protected emit<T>(name: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, {
        detail,
        bubbles: true,
        composed: true,
        cancelable: options.cancelable ?? false,
      }),
    );
  }
}
