import { readChoice, readDate, readInteger, readText } from './caseload-cells';
import { CASELOAD_COLUMNS, matchHeaders } from './caseload-columns';

describe(readDate.name, () => {
  it.each([
    ['2024-03-18', '2024-03-18'],
    ['03/18/2024', '2024-03-18'],
    ['3/4/2024', '2024-03-04'],
    [' 2024-02-29 ', '2024-02-29'],
    ['', null],
    [null, null],
    [new Date(Date.UTC(2024, 2, 18)), '2024-03-18'],
  ])('%j → %j', (cell, value) => expect(readDate(cell)).toEqual({ value }));

  it.each([
    ['2023-02-29', /not a day of the calendar/],
    ['25/03/2024', /25 is not a month/],
    ['02/30/2024', /not a day of the calendar/],
    ['3/4/24', /two-digit year/],
    ['2024/03/18', /is not a date/],
    ['18-03-2024', /is not a date/],
    ['March 4, 2024', /is not a date/],
    [45369, /is not a date/],
    ['=TODAY()', /is not a date/],
  ])('%j is a problem, never a guess', (cell, problem) => {
    const read = readDate(cell);
    expect('problem' in read && read.problem).toMatch(problem);
  });
});

describe(readInteger.name, () => {
  it('reads whole numbers in range, blank as null', () => {
    expect(readInteger('238', 1, 300)).toEqual({ value: 238 });
    expect(readInteger(238, 1, 300)).toEqual({ value: 238 });
    expect(readInteger(' ', 1, 300)).toEqual({ value: null });
  });
  it.each([['301'], ['0'], ['23.5'], ['abc'], ['=1+1']])('%j is a problem', (cell) => {
    expect(readInteger(cell, 1, 300)).toHaveProperty('problem');
  });
});

describe(readText.name, () => {
  it('trims, keeps formula text as text, and refuses what is too long', () => {
    expect(readText('  Amina ', 100)).toEqual({ value: 'Amina' });
    expect(readText('=HYPERLINK("x")', 100)).toEqual({ value: '=HYPERLINK("x")' });
    expect(readText('x'.repeat(101), 100)).toEqual({ problem: 'longer than 100 characters' });
  });
});

describe(readChoice.name, () => {
  const results = ['pending', 'matched', 'matched_soap', 'unmatched', 'withdrawn'] as const;
  it('matches without regard to case, spaces or hyphens, and by alias', () => {
    expect(readChoice('Matched SOAP', results)).toEqual({ value: 'matched_soap' });
    expect(readChoice('MATCHED', results)).toEqual({ value: 'matched' });
    expect(readChoice('soap', results, { soap: 'matched_soap' })).toEqual({ value: 'matched_soap' });
    expect(readChoice('maybe', results)).toEqual({
      problem: 'maybe is not one of pending, matched, matched_soap, unmatched, withdrawn',
    });
  });
});

describe(matchHeaders.name, () => {
  it('matches headers without regard to case, spaces or underscores', () => {
    const match = matchHeaders(['First Name', 'LAST_NAME', 'step 2 CK score', 'Notes']);
    expect([...match.columns.entries()]).toEqual([
      [0, 'first_name'],
      [1, 'last_name'],
      [2, 'step2ck_score'],
    ]);
    expect(match.unknown).toEqual(['Notes']);
  });

  it('takes a mapping for files that name columns otherwise, and reports a column claimed twice', () => {
    const match = matchHeaders(['Given name', 'Surname', 'first name'], {
      'Given name': 'first_name',
      surname: 'last_name',
    });
    expect(match.columns.get(0)).toBe('first_name');
    expect(match.columns.get(1)).toBe('last_name');
    expect(match.duplicates).toEqual(['first_name']);
  });

  it('knows the template: its own header row matches every column', () => {
    expect(matchHeaders([...CASELOAD_COLUMNS]).columns.size).toBe(CASELOAD_COLUMNS.length);
  });
});
