// <crm-kpi-dashboard>: KPI tiles and charts for managers, with a period picker.
// Data: the demo client of .storybook/preview.ts (seed 1, "now" 2026-06-30).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/kpi-dashboard/define.js';
import { ownerName } from './support/demo-crm.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface KpiDashboardArgs {
  period: 'month' | 'quarter' | 'year' | 'custom';
  from: string;
  to: string;
  groupBy: '' | 'owner' | 'team' | 'region';
}

const meta: Meta<KpiDashboardArgs> = {
  title: 'Elements/KPI dashboard',
  component: 'crm-kpi-dashboard',
  args: { period: 'quarter', from: '', to: '', groupBy: '' },
  argTypes: {
    period: { control: 'inline-radio', options: ['month', 'quarter', 'year', 'custom'] },
    from: { control: 'text', description: 'YYYY-MM-DD: a day in the period, or a custom start.' },
    to: { control: 'text', description: 'YYYY-MM-DD: the last day of a custom range.' },
    groupBy: {
      name: 'group-by',
      control: 'inline-radio',
      options: ['', 'owner', 'team', 'region'],
    },
  },
  render: ({ period, from, to, groupBy }) =>
    html`<crm-kpi-dashboard
      period=${period}
      from=${ifDefined(from || undefined)}
      to=${ifDefined(to || undefined)}
      group-by=${ifDefined(groupBy || undefined)}
      .groupLabel=${(_: string, key: string) => ownerName(key)}
    ></crm-kpi-dashboard>`,
};
export default meta;

type Story = StoryObj<KpiDashboardArgs>;

export const Playground: Story = {};

export const Year: Story = {
  name: 'Playground: the year, by owner',
  args: { period: 'year', groupBy: 'owner' },
};

export const Custom: Story = {
  name: 'Playground: a custom range',
  args: { period: 'custom', from: '2026-03-15', to: '2026-06-14' },
};

// --- States

export const Loading: Story = { parameters: LOADING };

export const Empty: Story = { name: 'Empty (nothing to measure)', parameters: EMPTY };

export const ErrorState: Story = { name: 'Error', parameters: FAILING };

// --- Locales

export const English: Story = { name: 'Locale: en', parameters: inLocale('en') };
export const SimplifiedChinese: Story = { name: 'Locale: zh-CN', parameters: inLocale('zh-CN') };
export const TraditionalChinese: Story = { name: 'Locale: zh-TW', parameters: inLocale('zh-TW') };

// --- Theming

export const Dark: Story = { name: 'Theme: dark', parameters: inTheme('dark') };

export const CustomTokens: Story = {
  name: 'Theme: custom tokens',
  parameters: customTokensDocs('crm-kpi-dashboard'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: keyboard only',
  parameters: {
    docs: {
      description: {
        story:
          'Every chart is an SVG with role="img", a <title> and a <desc>, its numbers written on ' +
          'it and repeated in a data table (visually hidden until "Show as table"); series differ ' +
          'by shape, dash pattern and label, not colour alone. The period picker is a plain form: ' +
          'Tab to "Period", arrow keys to choose, Tab to the previous / next buttons. The play ' +
          'function steps back one period from the keyboard.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const dashboard = canvasElement.querySelector('crm-kpi-dashboard')!;
    const previous = await waitFor(
      () => {
        const found = dashboard.shadowRoot?.querySelector<HTMLButtonElement>(
          '[part~="period-picker"] .stepper button:not([disabled])',
        );
        if (!found) throw new Error('the dashboard has not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    previous.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(dashboard.getAttribute('from')).toBeTruthy());
  },
};
