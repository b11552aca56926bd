import { formatDate } from './language';
import { ENGLISH_UI_WORDS, type UiWords } from '../components/ui-words';
import { ACCOUNT_MESSAGES } from './account-messages';
import { MESSAGES } from './messages';

/** Every string of a dictionary, by its path ("milestones.eras"); functions called with a sample. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (sample: string) => unknown)('§'))]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, path ? `${path}.${key}` : key),
  );
}

/** Written the same in both languages on purpose: names on the paperwork, and the bilingual switch label. */
const SAME_IN_BOTH = [
  'languageSwitch',
  'milestones.step1',
  'milestones.step2_ck',
  'milestones.oet',
  'milestones.ecfmg_pathway',
  'milestones.step3',
  'examNames.USMLE_STEP1',
  'examNames.USMLE_STEP2_CK',
  'examNames.USMLE_STEP3',
  'examNames.OET_MEDICINE',
  // A file's name and size: nothing in it to translate.
  'upload.chosen',
];

describe('MESSAGES', () => {
  const english = new Map(leaves(MESSAGES.en));
  const spanish = new Map(leaves(MESSAGES.es));

  it('has the same entries in Spanish as in English', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...english.keys()].filter((key) => !SAME_IN_BOTH.includes(key)))('translates %s', (key) => {
    expect(spanish.get(key)).not.toBe(english.get(key));
    expect(spanish.get(key)?.trim()).not.toBe('');
  });

  it('keeps the value a sentence is about (a name, a date) in both languages', () => {
    for (const language of ['en', 'es'] as const) {
      expect(MESSAGES[language].hello('Lucía')).toContain('Lucía');
      expect(MESSAGES[language].due('14 de diciembre')).toContain('14 de diciembre');
    }
  });
});

describe('ACCOUNT_MESSAGES (the pages before sign-in)', () => {
  const english = new Map(leaves(ACCOUNT_MESSAGES.en));
  const spanish = new Map(leaves(ACCOUNT_MESSAGES.es));

  it('has the same entries in Spanish as in English', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...english.keys()])('translates %s', (key) => {
    expect(spanish.get(key)).not.toBe(english.get(key));
    expect(spanish.get(key)?.trim()).not.toBe('');
  });

  it('keeps the address and the status a sentence is about', () => {
    for (const language of ['en', 'es'] as const) {
      expect(ACCOUNT_MESSAGES[language].linkSent('ana@example.org')).toContain('ana@example.org');
      expect(ACCOUNT_MESSAGES[language].failedWithStatus(503)).toContain('503');
    }
  });
});

describe('the shared components’ words', () => {
  it('are all in both dictionaries, so an IMG’s loading and error states are in their language', () => {
    // The dictionaries are UiWords (the compiler checks that); the English entries say what staff read.
    const english: UiWords = MESSAGES.en;
    const words = (source: UiWords) =>
      Object.keys(ENGLISH_UI_WORDS).map((key) => leaves(source[key as keyof UiWords])[0][1]);
    expect(words(english)).toEqual(words(ENGLISH_UI_WORDS));
    expect(MESSAGES.es.couldNotLoadOf('su estado')).toBe('No se pudo cargar su estado');
  });
});

describe(formatDate.name, () => {
  it('writes a civil date out in the language, whatever the time zone', () => {
    expect(formatDate('2026-12-14', 'en')).toBe('December 14, 2026');
    expect(formatDate('2026-12-14', 'es')).toBe('14 de diciembre de 2026');
    expect(formatDate('2027-01-01', 'es')).toBe('1 de enero de 2027');
  });

  it('shows anything it cannot read as given, rather than "Invalid Date"', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
