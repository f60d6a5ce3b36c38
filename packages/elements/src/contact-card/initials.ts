/** Two-character Chinese surnames (复姓) common enough to matter on an avatar. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '澹台',
  '端木',
  '南宫',
  '西门',
  '歐陽',
]);

const HAN = /\p{Script=Han}/u;

/**
 * What an avatar without a picture shows: for a Chinese name the surname (its first character, or
 * both characters of a compound surname such as 欧阳), for other names the initials of the first
 * and last words (`Li Wei Chen` → `LC`). Markup and punctuation are ignored: the result is plain
 * text, rendered as text.
 */
export function initials(name: string): string {
  const letters = name
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim();
  if (!letters) return '?';
  const first = letters[0]!;
  if (HAN.test(first)) {
    const two = letters.slice(0, 2);
    return COMPOUND_SURNAMES.has(two) && letters.length > 2 ? two : first;
  }
  const words = letters.split(/\s+/);
  const head = [...words[0]!][0]!;
  const tail = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (head + tail).toLocaleUpperCase();
}
