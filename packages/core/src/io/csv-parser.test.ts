import { ValidationError } from '../errors.js';
import { CsvReader } from './csv-parser.js';

function readAll(text: string, slice = 1 << 20): string[][] {
  const reader = new CsvReader(text);
  const out: string[][] = [];
  while (!reader.done) out.push(...reader.next(slice));
  return out;
}

/** RFC 4180 quoting, without the formula guard of the exporter. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

describe('CsvReader', () => {
  it('reads unquoted, quoted, empty and multiline cells with CRLF, LF or CR line ends', () => {
    expect(readAll('a,b,c\r\n1,"x, y",\n"say ""hi""","line1\nline2",3\r4,,"5"')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', ''],
      ['say "hi"', 'line1\nline2', '3'],
      ['4', '', '5'],
    ]);
  });

  it('skips blank lines and keeps whitespace-only cells', () => {
    expect(readAll('a,b\r\n\r\n\n1,2\n  \n')).toEqual([['a', 'b'], ['1', '2'], ['  ']]);
  });

  it('keeps a stray quote inside an unquoted cell and text after a closing quote', () => {
    expect(readAll('size,note\n5" pipe,"a" b\n')).toEqual([
      ['size', 'note'],
      ['5" pipe', 'a b'],
    ]);
  });

  it('refuses a quoted cell that is never closed, naming the row and the line', () => {
    const text = 'name,notes\n张伟,ok\n李娜,"first line\nsecond line\n王芳,ok\n';
    let error: unknown;
    try {
      readAll(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0]!;
    expect(issue.path).toEqual([3]);
    expect(issue.message).toMatch(/^Line 3: a quoted cell is never closed/);
  });

  it('counts lines inside quoted cells when it names a line', () => {
    const text = 'a,b\n1,"x\ny\nz"\n2,"open\n';
    expect(() => readAll(text)).toThrow(/Line 5: a quoted cell is never closed/);
  });

  it('never cuts a record between slices, whatever the slice size', () => {
    const text = 'h1,h2\n"a\nb",c\nd,"e,f"\ng,h\n';
    const whole = readAll(text);
    for (const slice of [1, 2, 3, 5, 8, 13]) expect(readAll(text, slice)).toEqual(whole);
  });

  it('reads back any table it is given in RFC 4180 form (random cells)', () => {
    const alphabet = ['a', 'Z', ' ', ',', '"', '\n', '\r\n', '\r', '张', '，', '=', '1', "'"];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const columns = 2 + random(4);
      const rows = Array.from({ length: 1 + random(6) }, () =>
        Array.from({ length: columns }, () =>
          Array.from({ length: random(6) }, () => alphabet[random(alphabet.length)]).join(''),
        ),
      );
      const eol = ['\r\n', '\n'][random(2)]!;
      const text = rows.map((row) => row.map(quote).join(',')).join(eol) + eol;
      expect(readAll(text, 1 + random(20))).toEqual(rows);
    }
  });
});
