// <crm-ticket-detail>: one ticket for an agent — conversation (public replies and internal
// notes), composer, allowed status transitions, assignment, live SLA timers, the customer's card
// and the CSAT / NPS result. Data: the demo client of .storybook/preview.ts (seed 1).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/ticket-detail/define.js';
import { ownerName } from './support/demo-crm.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface TicketDetailArgs {
  ticketId: string;
}

const meta: Meta<TicketDetailArgs> = {
  title: 'Elements/Ticket detail',
  component: 'crm-ticket-detail',
  args: { ticketId: 'tkt_00002' },
  argTypes: { ticketId: { name: 'ticket-id', control: 'text' } },
  render: ({ ticketId }) =>
    html`<crm-ticket-detail
      ticket-id=${ifDefined(ticketId || undefined)}
      .userName=${ownerName}
    ></crm-ticket-detail>`,
};
export default meta;

type Story = StoryObj<TicketDetailArgs>;

export const Playground: Story = {};

export const HostileText: Story = {
  name: 'Playground: hostile subject renders as text',
  args: { ticketId: 'tkt_00001' },
  parameters: { crm: { demo: { seed: 1, customers: 60, includeHostileNames: true } } },
};

// --- States

export const Loading: Story = { parameters: LOADING };

export const Empty: Story = {
  name: 'Empty (no such ticket)',
  args: { ticketId: 'tkt_99999' },
  parameters: EMPTY,
};

export const ErrorState: Story = { name: 'Error', parameters: FAILING };

// --- Locales

export const English: Story = { name: 'Locale: en', parameters: inLocale('en') };
export const SimplifiedChinese: Story = { name: 'Locale: zh-CN', parameters: inLocale('zh-CN') };
export const TraditionalChinese: Story = { name: 'Locale: zh-TW', parameters: inLocale('zh-TW') };

// --- Theming

export const Dark: Story = { name: 'Theme: dark', parameters: inTheme('dark') };

export const CustomTokens: Story = {
  name: 'Theme: custom tokens',
  parameters: customTokensDocs('crm-ticket-detail'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: keyboard only',
  parameters: {
    docs: {
      description: {
        story:
          "Sections have headings; the composer's public / internal switch is a labelled radio " +
          'group and the hint says who will see the comment; Ctrl+Enter sends. Status buttons ' +
          'offer only the transitions the workflow allows; after a change focus stays in the ' +
          'status group and the change is announced in a polite live region. Refused writes ' +
          '(a conflict, no permission) appear in a `role="alert"` message.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const detail = canvasElement.querySelector('crm-ticket-detail')!;
    const textarea = await waitFor(
      () => {
        const found = detail.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea[name=body]');
        if (!found) throw new Error('the ticket has not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    textarea.focus();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(detail.shadowRoot!.querySelector('#composer-error')?.hasAttribute('hidden')).toBe(
        false,
      ),
    );
  },
};
