// <crm-activity-timeline>: a customer's 360° timeline grouped by day, with inline note and task.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/activity-timeline/define.js';
import {
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface TimelineArgs {
  customerId: string;
  pageSize: number;
  readOnly: boolean;
}

const meta: Meta<TimelineArgs> = {
  title: 'Elements/Activity timeline',
  component: 'crm-activity-timeline',
  args: { customerId: 'cus_00002', pageSize: 20, readOnly: false },
  argTypes: {
    customerId: { name: 'customer-id', control: 'text' },
    pageSize: { name: 'page-size', control: { type: 'number', min: 1, max: 200 } },
    readOnly: { name: 'read-only', control: 'boolean' },
  },
  render: ({ customerId, pageSize, readOnly }) =>
    html`<crm-activity-timeline
      customer-id=${ifDefined(customerId || undefined)}
      page-size=${pageSize}
      ?read-only=${readOnly}
    ></crm-activity-timeline>`,
};
export default meta;

type Story = StoryObj<TimelineArgs>;

export const Playground: Story = {};

export const ReadOnly: Story = { name: 'Playground: read-only', args: { readOnly: true } };

// --- States

export const Loading: Story = { parameters: LOADING };
export const Empty: Story = {
  name: 'Empty (a customer with no history)',
  parameters: {
    crm: {
      demo: { seed: 1, customers: 5, deals: 0, activities: 0, tickets: 0, leads: 0, orders: 0 },
    },
  },
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
  parameters: customTokensDocs('crm-activity-timeline'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: keyboard only',
  parameters: {
    docs: {
      description: {
        story:
          'Days are headed groups and entries a list, so a screen reader can jump between days. ' +
          'The "add note" and "add task" buttons are reached with Tab and open the inline ' +
          'composer with Enter; the play function walks that path.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const timeline = canvasElement.querySelector('crm-activity-timeline')!;
    const button = await waitFor(
      () => {
        const found = timeline.shadowRoot?.querySelector<HTMLButtonElement>(
          '[part~="toolbar"] button',
        );
        if (!found) throw new Error('the timeline has not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    button.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(timeline.shadowRoot?.querySelector('[part~="composer"]')).toBeTruthy(),
    );
  },
};
