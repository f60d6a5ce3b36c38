import { createCrm, createMemoryAdapter, ValidationError, type Crm } from '../index.js';
import { loadSchemas } from '../entities/load-schemas.js';
import { checkCreateInput } from './validate-stage.js';

// Imports validate every row up front (to report bad rows by number) with the validate stage's
// own check, and hand the write its token so the schema is not parsed twice. The token is only
// ever a shortcut for what the write would have checked anyway.

let crm: Crm;
beforeEach(async () => {
  crm = await createCrm({ storage: createMemoryAdapter() });
  // The check is synchronous; its callers (imports, restores) load the entity schemas first.
  await loadSchemas();
});
afterEach(() => crm.close());

describe('checkCreateInput', () => {
  it('reports what a write would, every problem at once', () => {
    const { issues, checked } = checkCreateInput('customer', {
      id: 'no spaces allowed',
      name: '',
      version: 3,
      tier: 'gold',
    });
    expect(checked).toBeUndefined();
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual(['id', 'name', 'tier', 'version']);
    expect(checkCreateInput('customer', JSON.parse('{"__proto__":{"a":1}}')).issues).toEqual([
      { path: ['__proto__'], message: '"__proto__" is not an allowed key' },
    ]);
  });

  it('gives a token a write stores as the validated record, defaults applied', async () => {
    const { checked } = checkCreateInput('customer', { id: 'c1', name: '  杭州云帆  ' });
    const [record] = await crm.gateway.write(crm.context(), [
      { type: 'create', entity: 'customer', input: checked },
    ]);
    expect(record).toMatchObject({ id: 'c1', name: '杭州云帆', tier: 'regular', version: 1 });
    expect(await crm.customers.get('c1')).toMatchObject({ name: '杭州云帆' });
  });

  it('a token counts only for its entity; used for another, it is an empty input', async () => {
    const { checked } = checkCreateInput('customer', { name: '甲' });
    const error = await crm.gateway
      .write(crm.context(), [{ type: 'create', entity: 'contact', input: checked }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await crm.contacts.count()).toBe(0);
  });

  it('custom field values are checked again against the definitions at write time', async () => {
    const definition = await crm.customFields.create({
      entity: 'customer',
      key: 'level',
      type: 'text',
      label: { 'zh-CN': '等级' },
    });
    const { checked } = checkCreateInput('customer', { name: '甲', customFields: { level: 'A' } });
    await crm.customFields.remove(definition.id);
    const error = await crm.gateway
      .write(crm.context(), [{ type: 'create', entity: 'customer', input: checked }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['customFields', 'level']);
    expect(await crm.customers.count()).toBe(0);
  });

  it('a token is an empty object that only the check can make: a copy is no shortcut', async () => {
    const { checked } = checkCreateInput('customer', { id: 'c1', name: '甲' });
    expect(Object.keys(checked!)).toEqual([]);
    expect(Object.isFrozen(checked)).toBe(true);
    for (const copy of [{ ...checked }, structuredClone(checked), {}]) {
      const error = await crm.gateway
        .write(crm.context(), [{ type: 'create', entity: 'customer', input: copy }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toContain('name');
    }
    expect(await crm.customers.count()).toBe(0);
  });

  it('one token twice with one id is a duplicate in the batch', async () => {
    const { checked } = checkCreateInput('customer', { id: 'c1', name: '甲' });
    const error = await crm.gateway
      .write(crm.context(), [
        { type: 'create', entity: 'customer', input: checked },
        { type: 'create', entity: 'customer', input: checked },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await crm.customers.count()).toBe(0);
  });
});
