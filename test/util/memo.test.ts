import { expect, test } from 'vitest';
import { memoized } from '../../src/util/memo.ts';

test('a memoized function answers as the function does, running it once per string', () => {
  const calls: string[] = [];
  const f = memoized((s: string) => (calls.push(s), s.length > 2 ? s.toUpperCase() : null));
  expect([f('abc'), f('ab'), f('abc'), f('ab')]).toEqual(['ABC', null, 'ABC', null]);
  // null and undefined answers are kept too
  expect(calls).toEqual(['abc', 'ab']);
  const g = memoized((s: string) => (calls.push(s), undefined));
  g('x');
  g('x');
  expect(calls).toEqual(['abc', 'ab', 'x']);
});

test('it keeps at most `limit` strings: past that it forgets and runs again', () => {
  let runs = 0;
  const f = memoized((s: string) => (runs++, s + '!'), 2);
  f('a');
  f('b');
  f('a');
  expect(runs).toBe(2);
  f('c'); // the third string: what was kept is forgotten
  f('a');
  expect(runs).toBe(4);
  expect(f('a')).toBe('a!');
});

test('a cell read again is a copy: what one caller changes, the next does not see', async () => {
  const { readCellNumber } = await import('../../src/text/cell-number.ts');
  const first = readCellNumber('4980.37万元')!;
  first.unit = 'changed';
  first.value = -1;
  expect(readCellNumber('4980.37万元')).toMatchObject({ value: 4980.37, unit: '万元' });
});
