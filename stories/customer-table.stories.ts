// <crm-customer-table>: customers over a query — sort, filter chips, CJK-aware search, column
// chooser, selection, keyboard grid, cursor paging, virtualised rows.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../packages/elements/src/customer-table/define.js';
import { DEMO_OWNERS } from './support/demo-crm.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface TableArgs {
  where: string;
  orderBy: string;
  columns: string;
  pageSize: number;
}

const meta: Meta<TableArgs> = {
  title: 'Elements/Customer table',
  component: 'crm-customer-table',
  args: { where: '', orderBy: 'updatedAt:desc', columns: '', pageSize: 50 },
  argTypes: {
    where: { control: 'text', description: 'JSON filter, e.g. {"tier":{"eq":"vip"}}' },
    orderBy: { name: 'order-by', control: 'text' },
    columns: {
      control: 'text',
      description: 'Column keys, comma-separated; empty for the default',
    },
    pageSize: { name: 'page-size', control: { type: 'number', min: 10, max: 500 } },
  },
  render: ({ where, orderBy, columns, pageSize }) =>
    html`<crm-customer-table
      where=${ifDefined(where || undefined)}
      order-by=${ifDefined(orderBy || undefined)}
      columns=${ifDefined(columns || undefined)}
      page-size=${pageSize}
      .owners=${DEMO_OWNERS}
    ></crm-customer-table>`,
};
export default meta;

type Story = StoryObj<TableArgs>;

export const Playground: Story = {};

export const VipOnly: Story = {
  name: 'Playground: VIP customers, by name',
  args: { where: '{"tier":{"eq":"vip"}}', orderBy: 'name' },
};

export const ManyCustomers: Story = {
  name: 'Playground: 10,000 customers',
  parameters: {
    crm: {
      demo: {
        seed: 1,
        customers: 10_000,
        contacts: 0,
        activities: 0,
        tickets: 0,
        leads: 0,
        deals: 0,
      },
    },
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
  parameters: customTokensDocs('crm-customer-table'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: keyboard grid',
  parameters: {
    docs: {
      description: {
        story:
          'The rows form an ARIA grid: Tab enters it once, arrows move between cells, Home/End ' +
          'and PageUp/PageDown jump, Space selects a row (Shift extends), Enter opens the ' +
          'customer (`crm-customer-open`). The search box debounces and handles IME composition, ' +
          'so typing 张伟 searches once the characters are committed.',
      },
    },
  },
};
