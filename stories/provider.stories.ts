// <crm-provider>: one Crm client, locale and theme for every <crm-*> element inside it, at any
// depth. These stories render their own provider (the toolbar's is switched off) so its
// attributes are the controls.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/provider/define.js';
import '../packages/elements/src/contact-card/define.js';
import '../packages/elements/src/activity-timeline/define.js';
import { ownerName } from './support/demo-crm.js';
import { EMPTY, FAILING, LOADING, customTokensDocs } from './support/story-parameters.js';

interface ProviderArgs {
  locale: 'en' | 'zh-CN' | 'zh-TW';
  theme: 'light' | 'dark';
}

const meta: Meta<ProviderArgs> = {
  title: 'Elements/Provider',
  component: 'crm-provider',
  args: { locale: 'zh-CN', theme: 'light' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['en', 'zh-CN', 'zh-TW'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    provider: false,
    docs: {
      description: {
        component:
          'Set `.crm` once (`provider.crm = await createCrm()`); every element inside, however ' +
          'deep, uses that client, locale and theme. An element’s own `.crm` wins.',
      },
    },
  },
  render: ({ locale, theme }, { loaded }) =>
    html`<crm-provider .crm=${loaded.crm} locale=${locale} theme=${theme}>
      <div class="story-canvas">
        <crm-contact-card customer-id="cus_00002" .userName=${ownerName}></crm-contact-card>
        <crm-activity-timeline customer-id="cus_00002" page-size="5"></crm-activity-timeline>
      </div>
    </crm-provider>`,
};
export default meta;

type Story = StoryObj<ProviderArgs>;

export const Playground: Story = {};

// --- States: the provider passes its client's state down to every element.

export const Loading: Story = { parameters: LOADING };
export const Empty: Story = { parameters: EMPTY };
export const ErrorState: Story = { name: 'Error', parameters: FAILING };

// --- Locales

export const English: Story = { name: 'Locale: en', args: { locale: 'en' } };
export const SimplifiedChinese: Story = { name: 'Locale: zh-CN', args: { locale: 'zh-CN' } };
export const TraditionalChinese: Story = { name: 'Locale: zh-TW', args: { locale: 'zh-TW' } };

// --- Theming

export const Dark: Story = { name: 'Theme: dark', args: { theme: 'dark' } };

export const CustomTokens: Story = {
  name: 'Theme: custom tokens',
  parameters: customTokensDocs('crm-provider'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};
