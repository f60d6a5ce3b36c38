// Parameters the stories share: which demo client a story gets (read by .storybook/preview.ts)
// and which locale and theme its <crm-provider> uses, whatever the toolbar says.
import brandTokensCss from './brand-tokens.css?raw';
import type { DemoCrmOptions } from './demo-crm.js';

/** `parameters.crm`: the demo client behind a story. */
const crm = (options: DemoCrmOptions) => ({ crm: options });

/** Reads never answer: the loading state stays on screen. */
export const LOADING = crm({ latency: Infinity });
/** Nothing seeded: every list is empty. */
export const EMPTY = crm({ empty: true });
/** Every read fails with a StorageError once the data is seeded: the error state. */
export const FAILING = crm({ fail: 'reads' });

/** Fixes the story's locale (the toolbar's choice is ignored). */
export const inLocale = (locale: 'en' | 'zh-CN' | 'zh-TW') => ({ locale });
/** Fixes the story's theme. */
export const inTheme = (theme: 'light' | 'dark') => ({ theme });

/** Docs for a Custom tokens story: the host's CSS, and where it goes. */
export const customTokensDocs = (tag: string) => ({
  docs: {
    description: {
      story:
        `A host brands \`<${tag}>\` with \`--crm-*\` tokens on any ancestor (here ` +
        '`class="brand-tokens"`), from its own stylesheet — no inline style, so it works under a ' +
        'strict CSP:\n\n```css\n' +
        brandTokensCss.trim() +
        '\n```',
    },
  },
});
