// <crm-ticket-widget>: the customer-facing support form — knowledge-base suggestions while typing,
// the ticket number on submit, and a status lookup by number + email or phone.
// Data: the demo client of .storybook/preview.ts (its knowledge base answers the suggestions).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/ticket-widget/define.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface TicketWidgetArgs {
  categories: string;
  rateLimit: number;
  rateWindow: number;
  suggestions: number;
  suggestDelay: number;
  articleUrl: string;
  requesterName: string;
  requesterEmail: string;
  view: 'submit' | 'status';
}

const meta: Meta<TicketWidgetArgs> = {
  title: 'Elements/Ticket widget',
  component: 'crm-ticket-widget',
  args: {
    categories: 'inquiry,fault,complaint,suggestion',
    rateLimit: 3,
    rateWindow: 3600,
    suggestions: 3,
    suggestDelay: 300,
    articleUrl: '',
    requesterName: '',
    requesterEmail: '',
    view: 'submit',
  },
  argTypes: {
    categories: {
      control: 'text',
      description: 'inquiry complaint suggestion fault field_service follow_up',
    },
    rateLimit: { name: 'rate-limit', control: 'number', description: '0 turns the limit off' },
    rateWindow: { name: 'rate-window', control: 'number', description: 'seconds' },
    suggestions: { control: 'number', description: '0 turns suggestions off' },
    suggestDelay: { name: 'suggest-delay', control: 'number' },
    articleUrl: { name: 'article-url', control: 'text', description: 'e.g. /help/{id}' },
    requesterName: { name: 'requester-name', control: 'text' },
    requesterEmail: { name: 'requester-email', control: 'text' },
    view: { control: 'inline-radio', options: ['submit', 'status'] },
  },
  render: (args) =>
    html`<crm-ticket-widget
      categories=${args.categories}
      rate-limit=${args.rateLimit}
      rate-window=${args.rateWindow}
      suggestions=${args.suggestions}
      suggest-delay=${args.suggestDelay}
      article-url=${ifDefined(args.articleUrl || undefined)}
      requester-name=${ifDefined(args.requesterName || undefined)}
      requester-email=${ifDefined(args.requesterEmail || undefined)}
      view=${args.view}
    ></crm-ticket-widget>`,
};
export default meta;

type Story = StoryObj<TicketWidgetArgs>;

export const Playground: Story = {};

export const SignedIn: Story = {
  name: 'Playground: identity from the host',
  args: { requesterName: '王芳', requesterEmail: 'wang.fang@example.com' },
};

export const Suggestions: Story = {
  name: 'Playground: suggestions while typing',
  parameters: inLocale('zh-CN'),
  play: async ({ canvasElement }) => {
    const widget = canvasElement.querySelector('crm-ticket-widget')!;
    const subject = await waitFor(
      () => {
        const found = widget.shadowRoot?.querySelector<HTMLInputElement>('[name="subject"]');
        if (!found) throw new Error('the widget has not rendered yet');
        return found;
      },
      { timeout: 5000 },
    );
    await userEvent.type(subject, 'SLA 计时');
    await waitFor(
      () => expect(widget.shadowRoot?.querySelector('[part="suggestions"]')).toBeTruthy(),
      { timeout: 5000 },
    );
  },
};

export const Status: Story = { name: 'Playground: status lookup', args: { view: 'status' } };

// --- States

export const Loading: Story = {
  name: 'Loading (a status lookup)',
  args: { view: 'status' },
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    const widget = canvasElement.querySelector('crm-ticket-widget')!;
    const form = await waitFor(
      () => {
        const found = widget.shadowRoot?.querySelector<HTMLFormElement>('form[part="lookup"]');
        if (!found) throw new Error('the widget has not rendered yet');
        return found;
      },
      { timeout: 5000 },
    );
    form.querySelector<HTMLInputElement>('[name="number"]')!.value = 'TK-20260630-ABCDEF';
    form.querySelector<HTMLInputElement>('[name="contact"]')!.value = 'a@example.com';
    form.requestSubmit();
  },
};
export const Empty: Story = {
  name: 'Empty (no ticket for that number)',
  args: { view: 'status' },
  parameters: EMPTY,
  play: async (context) => {
    await Loading.play!(context);
  },
};
export const ErrorState: Story = {
  name: 'Error',
  args: { view: 'status' },
  parameters: FAILING,
  play: async (context) => {
    await Loading.play!(context);
  },
};

// --- Locales

export const English: Story = { name: 'Locale: en', parameters: inLocale('en') };
export const SimplifiedChinese: Story = { name: 'Locale: zh-CN', parameters: inLocale('zh-CN') };
export const TraditionalChinese: Story = { name: 'Locale: zh-TW', parameters: inLocale('zh-TW') };

// --- Theming

export const Dark: Story = { name: 'Theme: dark', parameters: inTheme('dark') };

export const CustomTokens: Story = {
  name: 'Theme: custom tokens',
  parameters: customTokensDocs('crm-ticket-widget'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: validation from the keyboard',
  parameters: {
    docs: {
      description: {
        story:
          'Submitting empty shows each message next to its field (aria-describedby) and moves ' +
          'focus to the first one; suggestions are announced through a polite live region and ' +
          'expand with disclosure buttons. The play function submits from the keyboard.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const widget = canvasElement.querySelector('crm-ticket-widget')!;
    const submit = await waitFor(
      () => {
        const found = widget.shadowRoot?.querySelector<HTMLButtonElement>('[part~="submit"]');
        if (!found) throw new Error('the widget has not rendered yet');
        return found;
      },
      { timeout: 5000 },
    );
    submit.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(widget.shadowRoot?.querySelector('[part~="field-error"]')).toBeTruthy(),
    );
  },
};
