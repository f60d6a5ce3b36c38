// <crm-ticket-list>: an agent's queue — assignment and SLA filters, live SLA countdown badges
// that say their state in words, keyboard grid, cursor paging, virtualised rows.
// Data: the demo client of .storybook/preview.ts (seed 1; tkt_… ids are stable).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/ticket-list/define.js';
import { ownerName } from './support/demo-crm.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface TicketListArgs {
  assignment: 'all' | 'mine' | 'team' | 'unassigned';
  sla: 'all' | 'at_risk' | 'breached';
  statusFilter: string;
  orderBy: string;
  pageSize: number;
}

const meta: Meta<TicketListArgs> = {
  title: 'Elements/Ticket list',
  component: 'crm-ticket-list',
  args: { assignment: 'all', sla: 'all', statusFilter: 'unresolved', orderBy: '', pageSize: 50 },
  argTypes: {
    assignment: { control: 'inline-radio', options: ['all', 'mine', 'team', 'unassigned'] },
    sla: { control: 'inline-radio', options: ['all', 'at_risk', 'breached'] },
    statusFilter: {
      name: 'status-filter',
      control: 'select',
      options: ['unresolved', 'all', 'new', 'open', 'pending', 'resolved', 'closed'],
    },
    orderBy: {
      name: 'order-by',
      control: 'text',
      description: 'Default createdAt:asc (oldest first)',
    },
    pageSize: { name: 'page-size', control: { type: 'number', min: 10, max: 500 } },
  },
  render: ({ assignment, sla, statusFilter, orderBy, pageSize }) =>
    html`<crm-ticket-list
      assignment=${assignment}
      sla=${sla}
      status-filter=${statusFilter}
      order-by=${ifDefined(orderBy || undefined)}
      page-size=${pageSize}
      .userName=${ownerName}
    ></crm-ticket-list>`,
};
export default meta;

type Story = StoryObj<TicketListArgs>;

export const Playground: Story = {};

export const AllTickets: Story = {
  name: 'Playground: every status, newest first',
  args: { statusFilter: 'all', orderBy: 'createdAt:desc' },
};

export const ManyTickets: Story = {
  name: 'Playground: 5,000 tickets',
  args: { statusFilter: 'all' },
  parameters: {
    crm: { demo: { seed: 1, customers: 200, tickets: 5000, activities: 0, deals: 0, leads: 0 } },
    docs: {
      description: {
        story: 'Rows are virtualised and fetched a page at a time as you scroll (cursor paging).',
      },
    },
  },
};

// --- States

export const Loading: Story = { parameters: LOADING };
export const Empty: Story = { parameters: EMPTY };
export const ErrorState: Story = { name: 'Error', parameters: FAILING };

// --- Locales

export const English: Story = { name: 'Locale: en', parameters: inLocale('en') };
export const SimplifiedChinese: Story = { name: 'Locale: zh-CN', parameters: inLocale('zh-CN') };
export const TraditionalChinese: Story = { name: 'Locale: zh-TW', parameters: inLocale('zh-TW') };

// --- Theming

export const Dark: Story = { name: 'Theme: dark', parameters: inTheme('dark') };

export const CustomTokens: Story = {
  name: 'Theme: custom tokens',
  parameters: customTokensDocs('crm-ticket-list'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: keyboard only',
  parameters: {
    docs: {
      description: {
        story:
          'The filters are toggle buttons (`aria-pressed`) in labelled groups. The queue is a ' +
          'WAI-ARIA grid with one tab stop: arrows move between cells, Home / End, Ctrl+Home / ' +
          'Ctrl+End and PageUp / PageDown jump, Enter opens the ticket (`crm-ticket-open`). ' +
          'SLA badges say "1 h 20 min left", "Overdue by 15 min" or "Paused" in words, not only ' +
          'in colour. The play function walks the grid.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('crm-ticket-list')!;
    const header = await waitFor(
      () => {
        const found = list.shadowRoot?.querySelector<HTMLElement>(
          '[role="columnheader"][tabindex="0"]',
        );
        if (!found || !list.shadowRoot?.querySelector('.rows [role="row"]'))
          throw new Error('the queue has not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    header.focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect((list.shadowRoot!.activeElement as HTMLElement | null)?.dataset['row']).toBe('0'),
    );
  },
};
