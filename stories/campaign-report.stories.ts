// <crm-campaign-report>: a marketing campaign's funnel, ROI and cost per lead.
// Data: the demo client of .storybook/preview.ts (seed 1; campaign ids cmp_001 … are stable).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/campaign-report/define.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface CampaignReportArgs {
  campaignId: string;
}

const meta: Meta<CampaignReportArgs> = {
  title: 'Elements/Campaign report',
  component: 'crm-campaign-report',
  args: { campaignId: 'cmp_002' },
  argTypes: {
    campaignId: {
      name: 'campaign-id',
      control: 'select',
      options: ['cmp_001', 'cmp_002', 'cmp_003', 'cmp_004', 'cmp_005', 'cmp_006', 'cmp_009'],
    },
  },
  render: ({ campaignId }) =>
    html`<crm-campaign-report
      campaign-id=${ifDefined(campaignId || undefined)}
    ></crm-campaign-report>`,
};
export default meta;

type Story = StoryObj<CampaignReportArgs>;

export const Playground: Story = {};

export const Draft: Story = {
  name: 'Playground: a draft (no cost: ROI "—")',
  args: { campaignId: 'cmp_009' },
};

// --- States

export const Loading: Story = { parameters: LOADING };

export const Empty: Story = {
  name: 'Empty (no such campaign)',
  args: { campaignId: 'cmp_999' },
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
  parameters: customTokensDocs('crm-campaign-report'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: chart as a table',
  parameters: {
    docs: {
      description: {
        story:
          'The funnel is an SVG with role="img", a <title> and a <desc> listing every step; its ' +
          'numbers are written on the bars and repeated in a data table that screen readers ' +
          'always reach and "Show as table" reveals. A figure core cannot compute (no cost, no ' +
          'leads) reads "—" on screen and its reason to screen readers. The play function opens ' +
          'the table from the keyboard.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const report = canvasElement.querySelector('crm-campaign-report')!;
    const toggle = await waitFor(
      () => {
        const found = report.shadowRoot?.querySelector<HTMLButtonElement>('[part~="table-toggle"]');
        if (!found) throw new Error('the report has not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
  },
};
