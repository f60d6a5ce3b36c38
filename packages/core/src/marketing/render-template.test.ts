import { renderTemplate, unknownPlaceholders } from './render-template.js';

const data = {
  name: '王芳',
  customer: { name: '杭州云帆贸易', region: { city: '杭州市' } },
};

describe('renderTemplate', () => {
  it('fills allowed dotted fields as text', () => {
    expect(
      renderTemplate('您好 {{ name }}，{{customer.name}}（{{customer.region.city}}）', data),
    ).toEqual({
      text: '您好 王芳，杭州云帆贸易（杭州市）',
      unknown: [],
      missing: [],
    });
  });

  it('never reaches the prototype chain or runs code', () => {
    const hostile =
      '{{__proto__}}|{{constructor.name}}|{{name.constructor}}|{{toString}}|{{customer.__proto__.polluted}}|{{name}}<script>alert(1)</script>|{{ 1+1 }}|{{process.env}}';
    const result = renderTemplate(hostile, data);
    expect(result.text).toBe('|||||王芳<script>alert(1)</script>||');
    expect(result.unknown).toEqual([
      '__proto__',
      'constructor.name',
      'name.constructor',
      'toString',
      'customer.__proto__.polluted',
      '1+1',
      'process.env',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('inserts values literally: a value that looks like a placeholder is not rendered again', () => {
    const result = renderTemplate('Hi {{name}}', {
      name: '{{customer.name}} {{constructor}}',
      customer: { name: 'X' },
    });
    expect(result.text).toBe('Hi {{customer.name}} {{constructor}}');
  });

  it('reports allowed fields without a value, and ignores inherited ones', () => {
    const inherited = Object.create({ name: 'from prototype' }) as object;
    expect(renderTemplate('[{{name}}][{{customer.industry}}]', inherited)).toEqual({
      text: '[][]',
      unknown: [],
      missing: ['name', 'customer.industry'],
    });
    expect(unknownPlaceholders('{{name}} {{phone}} {{customer.idNumber}}')).toEqual([
      'phone',
      'customer.idNumber',
    ]);
  });
});
