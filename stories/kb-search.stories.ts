// <crm-kb-search>: knowledge-base search; articles' Markdown rendered by the one sanitising helper
// (packages/elements/src/base/markdown.ts); helpful votes once per article per session.
// Data: the demo client of .storybook/preview.ts (its articles are zh-CN and en Markdown).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/kb-search/define.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface KbSearchArgs {
  query: string;
  category: string;
  limit: number;
  searchDelay: number;
}

const meta: Meta<KbSearchArgs> = {
  title: 'Elements/Knowledge base search',
  component: 'crm-kb-search',
  args: { query: '', category: '', limit: 10, searchDelay: 300 },
  argTypes: {
    query: { control: 'text' },
    category: { control: 'text' },
    limit: { control: 'number' },
    searchDelay: { name: 'search-delay', control: 'number' },
  },
  render: (args) =>
    html`<crm-kb-search
      query=${args.query}
      category=${ifDefined(args.category || undefined)}
      limit=${args.limit}
      search-delay=${args.searchDelay}
    ></crm-kb-search>`,
};
export default meta;

type Story = StoryObj<KbSearchArgs>;

export const Playground: Story = {};

export const Searching: Story = { name: 'Playground: a CJK search', args: { query: '工单 计时' } };

// --- States

export const Loading: Story = { name: 'Loading', parameters: LOADING };
export const Empty: Story = { name: 'Empty (nothing published)', parameters: EMPTY };
export const NoMatch: Story = { name: 'Empty (no match)', args: { query: 'zzzz qqqq' } };
export const ErrorState: Story = { name: 'Error', parameters: FAILING };

// --- Locales

export const English: Story = { name: 'Locale: en', parameters: inLocale('en') };
export const SimplifiedChinese: Story = { name: 'Locale: zh-CN', parameters: inLocale('zh-CN') };
export const TraditionalChinese: Story = { name: 'Locale: zh-TW', parameters: inLocale('zh-TW') };

// --- Theming

export const Dark: Story = { name: 'Theme: dark', parameters: inTheme('dark') };

export const CustomTokens: Story = {
  name: 'Theme: custom tokens',
  parameters: customTokensDocs('crm-kb-search'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: open an article from the keyboard',
  parameters: {
    docs: {
      description: {
        story:
          'Results are disclosure buttons inside headings (aria-expanded, aria-controls); the ' +
          'result count is a polite live region. The play function opens the first article with ' +
          'Enter.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const search = canvasElement.querySelector('crm-kb-search')!;
    const title = await waitFor(
      () => {
        const found = search.shadowRoot?.querySelector<HTMLButtonElement>('[part~="title"]');
        if (!found) throw new Error('the articles have not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    title.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(title.getAttribute('aria-expanded')).toBe('true'));
  },
};
