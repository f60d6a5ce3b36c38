// <crm-survey>: CSAT (1–5) or NPS (0–10) for a resolved ticket, one response per ticket.
// Data: the demo client of .storybook/preview.ts; each story asks a fresh survey request of it
// (the demo data holds answered surveys only), through a loader that shares the same client.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/survey/define.js';
import { DEMO_NOW, demoCrm, type DemoCrmOptions } from './support/demo-crm.js';
import {
  EMPTY,
  FAILING,
  LOADING,
  customTokensDocs,
  inLocale,
  inTheme,
} from './support/story-parameters.js';

interface SurveyArgs {
  kind: 'csat' | 'nps';
  noComment: boolean;
}

const meta: Meta<SurveyArgs> = {
  title: 'Elements/Survey',
  component: 'crm-survey',
  args: { kind: 'csat', noComment: false },
  argTypes: {
    kind: {
      control: 'inline-radio',
      options: ['csat', 'nps'],
      description: 'The kind of the survey request the story creates (the element reads it).',
    },
    noComment: { name: 'no-comment', control: 'boolean' },
  },
  loaders: [
    async ({ args, parameters }) => {
      const options = (parameters.crm ?? {}) as DemoCrmOptions;
      // Loading, empty and failing clients: no request (the element shows that state).
      if (options.latency === Infinity || options.empty || options.fail) return {};
      const crm = await demoCrm(options);
      const request = await crm.surveyRequests.create({
        kind: (args as SurveyArgs).kind,
        requestedAt: DEMO_NOW,
      });
      return { requestId: request.id };
    },
  ],
  render: (args, { loaded }) =>
    html`<crm-survey
      request-id=${ifDefined((loaded.requestId as string | undefined) ?? undefined)}
      ticket-id=${ifDefined(loaded.requestId ? undefined : 'tkt_00001')}
      ?no-comment=${args.noComment}
    ></crm-survey>`,
};
export default meta;

type Story = StoryObj<SurveyArgs>;

export const Playground: Story = {};

export const Nps: Story = { name: 'Playground: NPS (0–10)', args: { kind: 'nps' } };

// --- States

export const Loading: Story = { name: 'Loading', parameters: LOADING };
export const Empty: Story = { name: 'Empty (no survey for the ticket)', parameters: EMPTY };
export const ErrorState: Story = { name: 'Error', parameters: FAILING };

// --- Locales

export const English: Story = { name: 'Locale: en', parameters: inLocale('en') };
export const SimplifiedChinese: Story = { name: 'Locale: zh-CN', parameters: inLocale('zh-CN') };
export const TraditionalChinese: Story = { name: 'Locale: zh-TW', parameters: inLocale('zh-TW') };

// --- Theming

export const Dark: Story = { name: 'Theme: dark', parameters: inTheme('dark') };

export const CustomTokens: Story = {
  name: 'Theme: custom tokens',
  parameters: customTokensDocs('crm-survey'),
  render: (args, context) => html`<div class="brand-tokens">${meta.render!(args, context)}</div>`,
};

// --- Accessibility

export const Accessibility: Story = {
  name: 'Accessibility: answered with the keyboard',
  parameters: {
    docs: {
      description: {
        story:
          'The scale is a group of native radio buttons (role="radiogroup"): Tab enters it, the ' +
          'arrow keys choose, and both ends are labelled. The play function answers with the ' +
          'keyboard alone.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const survey = canvasElement.querySelector('crm-survey')!;
    const first = await waitFor(
      () => {
        const found = survey.shadowRoot?.querySelector<HTMLInputElement>('input[type="radio"]');
        if (!found) throw new Error('the survey has not loaded yet');
        return found;
      },
      { timeout: 5000 },
    );
    first.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    await userEvent.keyboard('{Tab}{Tab}{Enter}');
    await waitFor(() => expect(survey.shadowRoot?.querySelector('[part="thanks"]')).toBeTruthy(), {
      timeout: 5000,
    });
  },
};
