/**
 * Normalising names, headers and enumerated values (reports.md, "Normalising"), and saying
 * in Russian what was read differently from how it was written.
 */

/** Characters that show nothing and mean nothing in a name: removed before matching. */
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  '\u200b': 'пробел нулевой ширины',
  '\u200c': 'разделитель нулевой ширины',
  '\u200d': 'соединитель нулевой ширины',
  '\u2060': 'соединитель слов',
  '\u00ad': 'мягкий перенос',
  '\ufeff': 'метка порядка байтов',
  '\u200e': 'знак направления письма',
  '\u200f': 'знак направления письма',
};
const INVISIBLE = /[\u200b-\u200f\u2060\u00ad\ufeff]/gu;

/** Latin letters that look exactly like Cyrillic ones, by case as typed. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

/**
 * A word, for look-alike letters, is a run of letters: digits, punctuation and spaces end it.
 * So in «IT-специалист» the word «IT» stays Latin, and in «B-12» the code letter stays as typed.
 */
const WORD = /[\p{L}\p{M}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** A Latin letter read as its Cyrillic twin. */
export interface LookAlike {
  latin: string;
  cyrillic: string;
}

/** A text as matching reads it, and what was changed on the way beyond case and spaces. */
export interface NameReading {
  /** The matching key: what normalizeName returns. */
  normalized: string;
  /** The text as a person would see it, with look-alikes replaced and invisibles removed (case kept). */
  readAs: string;
  /** Latin letters read as Cyrillic, each once, in the order they appear. */
  lookAlikes: LookAlike[];
  /** Russian names of the invisible characters removed, each once. */
  invisibles: string[];
}

/** Removes invisible characters and turns every kind of space and line break into one plain space. */
export function tidyText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Reads a name, a column header or an enumerated value for matching (reports.md, "Normalising"):
 * case ignored; leading, trailing and repeated spaces ignored; ё read as е; non-breaking and other
 * Unicode spaces and line breaks are spaces; invisible characters (zero-width space and joiners,
 * soft hyphen, byte-order mark) removed; Latin letters that look like Cyrillic ones read as their
 * Cyrillic twins in a word that is otherwise Cyrillic. Also says which look-alikes and invisibles
 * it met, for a warning.
 */
export function readName(text: string): NameReading {
  const invisibles = new Set<string>();
  for (const char of text.match(INVISIBLE) ?? []) invisibles.add(INVISIBLE_NAMES[char]);
  const lookAlikes = new Map<string, LookAlike>();
  const readAs = tidyText(text).replace(WORD, (word) => {
    if (!isLookAlikeWord(word)) return word;
    return word.replace(/[A-Za-z]/g, (latin) => {
      const cyrillic = LOOK_ALIKES[latin];
      if (!lookAlikes.has(latin)) lookAlikes.set(latin, { latin, cyrillic });
      return cyrillic;
    });
  });
  return {
    normalized: readAs.toLowerCase().replace(/ё/g, 'е'),
    readAs,
    lookAlikes: [...lookAlikes.values()],
    invisibles: [...invisibles],
  };
}

const HAS_INVISIBLE = /[\u200b-\u200f\u2060\u00ad\ufeff]/u;
const HAS_LATIN = /[A-Za-z]/;
const HAS_CYRILLIC = /[\u0400-\u04ff]/u;

/**
 * The matching key of a name, a header or an enumerated value (see readName). Most cells have no
 * invisible characters and no word mixing the two alphabets: for them the key is only the text
 * with spaces, case and ё evened out, without looking at each word (a tenth of a large import).
 */
export function normalizeName(text: string): string {
  if (HAS_INVISIBLE.test(text) || (HAS_LATIN.test(text) && HAS_CYRILLIC.test(text))) {
    return readName(text).normalized;
  }
  return text.replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');
}

/** A word with at least one Cyrillic letter whose Latin letters all have a Cyrillic twin. */
function isLookAlikeWord(word: string): boolean {
  let cyrillic = false;
  let latin = false;
  for (const char of word) {
    if (CYRILLIC.test(char)) cyrillic = true;
    else if (LATIN.test(char)) {
      if (!Object.hasOwn(LOOK_ALIKES, char)) return false;
      latin = true;
    }
  }
  return cyrillic && latin;
}

/**
 * What reading changed, in Russian, or undefined when only case and spaces differ:
 * `латинские буквы O, a заменены русскими; удалён невидимый символ (мягкий перенос)`.
 */
export function describeReading(reading: Pick<NameReading, 'lookAlikes' | 'invisibles'>): string | undefined {
  const parts: string[] = [];
  const letters = reading.lookAlikes.map((l) => l.latin);
  if (letters.length === 1) parts.push(`латинская буква ${letters[0]} заменена русской`);
  else if (letters.length > 1) parts.push(`латинские буквы ${letters.join(', ')} заменены русскими`);
  const invisible = reading.invisibles;
  if (invisible.length === 1) parts.push(`удалён невидимый символ (${invisible[0]})`);
  else if (invisible.length > 1) parts.push(`удалены невидимые символы (${invisible.join(', ')})`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * For a value that was rejected: the invisible characters and the letters of the other alphabet
 * hiding in it, in Russian, or undefined when there are none. Such a value looks right when
 * quoted, so the message must say what is wrong with it:
 * `в значении есть невидимый символ (мягкий перенос); в слове «Kосмос» латинская буква K`.
 */
export function hiddenCharactersNote(text: string): string | undefined {
  const parts: string[] = [];
  const invisibles = [...new Set((text.match(INVISIBLE) ?? []).map((char) => INVISIBLE_NAMES[char]))];
  if (invisibles.length === 1) parts.push(`в значении есть невидимый символ (${invisibles[0]})`);
  else if (invisibles.length > 1) parts.push(`в значении есть невидимые символы (${invisibles.join(', ')})`);
  for (const word of text.replace(INVISIBLE, '').match(WORD) ?? []) {
    const chars = [...word];
    const latin = chars.filter((c) => LATIN.test(c));
    const cyrillic = chars.filter((c) => CYRILLIC.test(c));
    if (latin.length === 0 || cyrillic.length === 0) continue;
    // The letters of the smaller alphabet are the ones typed on the wrong keyboard layout.
    const [foreign, alphabet] = latin.length <= cyrillic.length ? [latin, 'латинск'] : [cyrillic, 'русск'];
    const unique = [...new Set(foreign)];
    const letters =
      unique.length === 1 ? `${alphabet}ая буква ${unique[0]}` : `${alphabet}ие буквы ${unique.join(', ')}`;
    parts.push(`в слове «${word}» ${letters}`);
    if (parts.length >= 4) break;
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** A Russian noun after a number: `plural(5, 'ошибка', 'ошибки', 'ошибок')` → `ошибок`. */
export function plural(count: number, one: string, few: string, many: string): string {
  const tens = Math.abs(count) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** A text to quote in a message: at most `max` characters, an ellipsis when cut. */
export function clip(text: string, max = 100): string {
  const chars = [...text.slice(0, max * 2)];
  return chars.length > max || text.length > max * 2 ? `${chars.slice(0, max).join('')}…` : text;
}
