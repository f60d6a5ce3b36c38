/**
 * The placeholders a message template may use. Only these paths are ever looked up; personal
 * data beyond a name and a company (phones, emails, ID numbers) is deliberately absent.
 */
export const TEMPLATE_FIELDS = [
  'name',
  'title',
  'contact.name',
  'contact.title',
  'contact.department',
  'customer.name',
  'customer.industry',
  'customer.tier',
  'customer.region.province',
  'customer.region.city',
  'campaign.name',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export interface RenderedTemplate {
  /** Plain text. Nothing in it is markup: a host showing it as HTML must escape it. */
  readonly text: string;
  /** Placeholders that are not allowed fields (or not valid paths); rendered as nothing. */
  readonly unknown: readonly string[];
  /** Allowed fields with no value for this recipient; rendered as nothing. */
  readonly missing: readonly string[];
}

const PLACEHOLDER = /\{\{([^{}]{0,200})\}\}/g;
const ALLOWED: ReadonlySet<string> = new Set(TEMPLATE_FIELDS);
const MAX_TEMPLATE = 20_000;

/** Own properties of plain objects only; never the prototype chain. */
function lookup(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Renders `{{field}}` placeholders as text: a single pass of dotted lookups of the
 * {@link TEMPLATE_FIELDS} in `data`. There is no expression language, no `eval`, no helpers and no
 * prototype access: `{{__proto__}}` and `{{constructor.name}}` are unknown placeholders, and a value
 * that itself looks like `{{…}}` is inserted literally, never rendered again.
 *
 * @example
 * ```ts
 * renderTemplate('您好 {{name}}，{{customer.name}} 专享优惠', { name: '王芳', customer: { name: '云帆贸易' } });
 * // → { text: '您好 王芳，云帆贸易 专享优惠', unknown: [], missing: [] }
 * ```
 */
export function renderTemplate(template: string, data: unknown): RenderedTemplate {
  const unknown = new Set<string>();
  const missing = new Set<string>();
  const source = String(template).slice(0, MAX_TEMPLATE);
  const text = source.replace(PLACEHOLDER, (_match, inner: string) => {
    const path = inner.trim();
    if (!ALLOWED.has(path)) {
      unknown.add(path);
      return '';
    }
    const value = lookup(data, path);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    missing.add(path);
    return '';
  });
  return { text, unknown: [...unknown], missing: [...missing] };
}

/** The placeholders of a template that are not allowed fields (empty when it is fine). */
export function unknownPlaceholders(template: string): string[] {
  return [...renderTemplate(template, {}).unknown];
}
