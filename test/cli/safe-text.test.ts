// What reaches a terminal or a CSV cell from a PDF or a file name.
import { expect, test } from 'vitest';
import { csvText, showLines, showPath, showText } from '../../src/writers/safe-text.ts';

test('controls, DEL, C1 and bidi overrides are shown escaped, the rest as is', () => {
  expect(showText('a\u001b[8mb\u0007\u0000c')).toBe('a\\u001b[8mb\\u0007\\u0000c');
  expect(showText('\u007f\u0085\u009b31m')).toBe('\\u007f\\u0085\\u009b31m');
  expect(showText('\u202eabc\u202c \u2066x\u2069')).toBe('\\u202eabc\\u202c \\u2066x\\u2069');
  expect(showText('tab\there\nnext')).toBe('tab\\u0009here\\u000anext');
  expect(showText('收入合计 100 万元（“绩效”）😀')).toBe('收入合计 100 万元（“绩效”）😀');
  expect(showLines('one\ntwo\u001b')).toBe('one\ntwo\\u001b');
  expect(csvText('a\r\nb\u0000')).toBe('a\\u000d\\u000ab\\u0000');
});

test('file names: plain as given, quoted when they hold anything unusual', () => {
  expect(showPath('reports/2023 年 报告.pdf')).toBe('reports/2023 年 报告.pdf');
  expect(showPath('a\nb.pdf')).toBe('"a\\u000ab.pdf"');
  expect(showPath('x\u001b[2J"y\\.pdf')).toBe('"x\\u001b[2J\\"y\\\\.pdf"');
  // GBK bytes decoded as UTF-8: replacement characters, quoted so the name is seen to be odd.
  expect(showPath(Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x70, 0x64, 0x66]).toString('utf8'))).toMatch(
    /^".*\.pdf"$/,
  );
  expect(showPath('\ud800.pdf')).toBe('"\\ud800.pdf"');
});
