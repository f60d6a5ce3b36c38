// <crm-contact-card>: a customer or contact at a glance, with a quick "log activity".
// Data: the demo client of .storybook/preview.ts (seed 1; cus_… and con_… ids are stable).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/contact-card/define.js';
import { ownerName } from './support/demo-crm.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface ContactCardArgs {
  customerId: string;
  contactId: string;
  variant: 'full' | 'compact';
}

const meta: Meta<ContactCardArgs> = {
  title: 'Elements/Contact card',
  component: 'crm-contact-card',
  args: { customerId: 'cus_00002', contactId: '', variant: 'full' },
  argTypes: {
    customerId: { name: 'customer-id', control: 'text' },
    contactId: {
      name: 'contact-id',
      control: 'text',
      description: 'Shown instead of the customer when set.',
    },
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
  },
  render: ({ customerId, contactId, variant }) =>
    html`<crm-contact-card
      customer-id=${ifDefined(contactId ? undefined : customerId || undefined)}
      contact-id=${ifDefined(contactId || undefined)}
      variant=${variant}
      .userName=${ownerName}
    ></crm-contact-card>`,
};
export default meta;

type Story = StoryObj<ContactCardArgs>;

export const Playground: Story = {};

export const Contact: Story = {
  name: 'Playground: a contact',
  args: { contactId: 'con_000002' },
};

export const Compact: Story = {
  name: 'Playground: compact',
  args: { variant: 'compact' },
};

// --- States

export const Loading: Story = { parameters: LOADING };

export const Empty: Story = {
  name: 'Empty (no such record)',
  args: { customerId: 'cus_99999' },
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
  parameters: customTokensDocs('crm-contact-card'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: keyboard only',
  parameters: {
    docs: {
      description: {
        story:
          'Everything works from the keyboard: Tab reaches the phone and email links and the ' +
          '"Log activity" button; Enter opens the inline form, whose first field takes focus; ' +
          'saving is announced in a polite live region. The play function walks that path.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('crm-contact-card')!;
    const button = await waitFor(
      () => {
        const found = card.shadowRoot?.querySelector<HTMLButtonElement>('[part~="log-button"]');
        if (!found) throw new Error('the card has not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    button.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(card.shadowRoot?.querySelector('[part~="log-form"]')).toBeTruthy());
  },
};
