// <crm-pipeline-board>: a pipeline as columns of deals — drag and drop, keyboard moves, a
// "Move to…" menu, lost-reason prompt, optimistic moves with rollback; virtualised columns.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { RENEWAL_PIPELINE_ID, STANDARD_PIPELINE_ID } from '@rapport/core/demo';
import '../packages/elements/src/pipeline-board/define.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface BoardArgs {
  pipelineId: string;
  where: string;
  pageSize: number;
}

const meta: Meta<BoardArgs> = {
  title: 'Elements/Pipeline board',
  component: 'crm-pipeline-board',
  args: { pipelineId: STANDARD_PIPELINE_ID, where: '', pageSize: 50 },
  argTypes: {
    pipelineId: {
      name: 'pipeline-id',
      control: 'select',
      options: [STANDARD_PIPELINE_ID, RENEWAL_PIPELINE_ID],
    },
    where: { control: 'text', description: 'JSON filter over deals, e.g. {"ownerId":{"eq":"…"}}' },
    pageSize: { name: 'page-size', control: { type: 'number', min: 10, max: 500 } },
  },
  render: ({ pipelineId, where, pageSize }) =>
    html`<crm-pipeline-board
      pipeline-id=${ifDefined(pipelineId || undefined)}
      where=${ifDefined(where || undefined)}
      page-size=${pageSize}
    ></crm-pipeline-board>`,
};
export default meta;

type Story = StoryObj<BoardArgs>;

export const Playground: Story = {};

/** 10,000 deals in one pipeline: columns stay virtualised, figures come from core. */
export const TenThousandDeals: Story = {
  name: 'Playground: 10,000 deals',
  parameters: {
    crm: {
      latency: 200,
      board: { pipelineId: STANDARD_PIPELINE_ID, deals: 10_000 },
      demo: { seed: 1, customers: 200, activities: 0, tickets: 0, leads: 0, orders: 0 },
    },
    docs: {
      description: {
        story:
          'One pipeline holding 10,000 deals (seeding takes a few seconds the first time). Each ' +
          'column pages its deals ' +
          'and renders only the visible cards; counts, totals and weighted amounts come from ' +
          "core's board summary, not from the cards in the DOM.",
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
  parameters: customTokensDocs('crm-pipeline-board'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: keyboard moves',
  parameters: {
    docs: {
      description: {
        story:
          'No drag needed (WCAG 2.2 2.5.7): focus a card, Space picks it up, Left/Right choose ' +
          'the stage, Space drops, Escape cancels; or open the single-click "Move to…" menu. ' +
          'Every move is announced in a live region; moving to a lost stage asks for a reason.',
      },
    },
  },
};
