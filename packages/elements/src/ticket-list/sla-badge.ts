import { css, html, nothing, type TemplateResult } from 'lit';
import type { SlaClockEvaluation, SlaClockState } from '@rapport/core';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { SlaMessageKey } from '../i18n/ticket-messages.js';

/**
 * SLA countdowns in words — "1 h 20 min left", "剩余 1 小时 20 分", "已超时 15 分钟", "已暂停" — so
 * the state never rests on colour alone. The states and minutes come from core's SLA engine;
 * this file only says them. Shared by `<crm-ticket-list>` and `<crm-ticket-detail>`.
 */

/** A span of working minutes: "15 min", "2 h", "1 h 20 min" (rounded to the minute). */
export function formatDuration(i18n: LocalizeController<SlaMessageKey>, minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  if (total < 60) return i18n.t('tickets.duration.minutes', { m: i18n.number(total) });
  const h = i18n.number(Math.floor(total / 60));
  const m = total % 60;
  return m === 0
    ? i18n.t('tickets.duration.hours', { h })
    : i18n.t('tickets.duration.hoursMinutes', { h, m: i18n.number(m) });
}

/** What a clock's badge says. */
export function slaText(
  i18n: LocalizeController<SlaMessageKey>,
  evaluation: SlaClockEvaluation,
): string {
  const duration = formatDuration(i18n, evaluation.remainingMinutes);
  switch (evaluation.state) {
    case 'running':
      return i18n.t('tickets.sla.remaining', { duration });
    case 'at_risk':
      return i18n.t('tickets.sla.atRisk', { duration });
    case 'breached':
      return i18n.t('tickets.sla.overdue', { duration });
    case 'paused':
      return i18n.t('tickets.sla.paused');
    case 'achieved':
      return i18n.t('tickets.sla.achieved');
  }
}

/** The CSS class of a state's colour (`sla-at-risk`, …). */
export const slaClass = (state: SlaClockState | 'none') => `sla sla-${state.replace('_', '-')}`;

/**
 * One clock's badge: its words, coloured by state, the due time as a tooltip and in a `<time>`
 * for assistive technology. `label` names the clock ("Response") when given.
 */
export function slaBadge(
  i18n: LocalizeController<SlaMessageKey>,
  evaluation: SlaClockEvaluation | null | undefined,
  label?: string,
): TemplateResult {
  if (!evaluation)
    return html`<span part="sla-badge" class=${slaClass('none')}
      >${i18n.t('tickets.sla.none')}</span
    >`;
  const due = i18n.t('tickets.sla.due', { date: i18n.date(evaluation.dueAt, 'datetime') });
  return html`<span
    part="sla-badge sla-${evaluation.state.replace('_', '-')}"
    class=${slaClass(evaluation.state)}
    data-state=${evaluation.state}
    title=${due}
    >${label ? html`<span class="sla-clock">${label}</span> ` : nothing}<span class="sla-text"
      >${slaText(i18n, evaluation)}</span
    ></span
  >`;
}

/** Badge colours: every state has its words too, so colour is never the only signal. */
export const slaStyles = css`
  .sla {
    display: inline-flex;
    align-items: baseline;
    gap: 4px;
    padding: 0 8px;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    white-space: nowrap;
    color: var(--_crm-text);
  }
  .sla-clock {
    color: var(--_crm-text-muted);
  }
  .sla-running {
    color: var(--_crm-primary);
  }
  .sla-at-risk {
    color: var(--_crm-warning);
    font-weight: 600;
  }
  .sla-breached {
    color: var(--_crm-danger);
    font-weight: 600;
    background: color-mix(in srgb, var(--_crm-danger) 8%, transparent);
  }
  .sla-paused,
  .sla-none {
    color: var(--_crm-text-muted);
    border-style: dashed;
  }
  .sla-achieved {
    color: var(--_crm-success);
  }
`;
