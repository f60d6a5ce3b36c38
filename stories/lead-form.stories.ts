// <crm-lead-form>: embeddable lead capture with custom fields, localised validation messages
// from the zod schema, a duplicate notice and a honeypot.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/lead-form/define.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface LeadFormArgs {
  fields: string;
  required: string;
  customFields: string;
  source: string;
  campaignId: string;
  hideDuplicates: boolean;
}

const meta: Meta<LeadFormArgs> = {
  title: 'Elements/Lead form',
  component: 'crm-lead-form',
  args: {
    fields: 'name,company,phone,email,notes',
    required: 'name,phone',
    customFields: '*',
    source: 'web',
    campaignId: '',
    hideDuplicates: false,
  },
  argTypes: {
    fields: { control: 'text', description: 'name company title phone email industry notes' },
    required: { control: 'text' },
    customFields: { name: 'custom-fields', control: 'text', description: 'keys, or `*` for all' },
    source: { control: 'text' },
    campaignId: { name: 'campaign-id', control: 'text' },
    hideDuplicates: { name: 'hide-duplicates', control: 'boolean' },
  },
  render: (args) =>
    html`<crm-lead-form
      fields=${args.fields}
      required=${args.required}
      custom-fields=${args.customFields}
      source=${args.source}
      campaign-id=${ifDefined(args.campaignId || undefined)}
      ?hide-duplicates=${args.hideDuplicates}
    ></crm-lead-form>`,
};
export default meta;

type Story = StoryObj<LeadFormArgs>;

export const Playground: Story = {};

export const Minimal: Story = {
  name: 'Playground: name and phone only',
  args: { fields: 'name,phone', required: 'name,phone', customFields: '' },
};

// --- States

export const Loading: Story = { name: 'Loading (custom fields)', parameters: LOADING };
export const Empty: Story = {
  name: 'Empty (no fields)',
  args: { fields: '', customFields: '' },
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
  parameters: customTokensDocs('crm-lead-form'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: validation messages',
  parameters: {
    docs: {
      description: {
        story:
          'Submitting with required fields empty shows each message next to its field (linked ' +
          'with aria-describedby) and a summary; the play function submits from the keyboard.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('crm-lead-form')!;
    const submit = await waitFor(
      () => {
        const found = form.shadowRoot?.querySelector<HTMLButtonElement>('[part~="submit"]');
        if (!found) throw new Error('the form has not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    submit.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(form.shadowRoot?.querySelector('[part~="field-error"]')).toBeTruthy(),
    );
  },
};
