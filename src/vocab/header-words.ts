// Words that name the columns of this genre's tables, as data: one list, read
// in two ways, each as its reader always has.
//  - 'whole': a cell that is exactly the word. tables/headers.ts counts them
//    to tell a header row further down a grid (三级指标 | 绩效指标性质 | 本年绩效指标值).
//  - 'start': a cell that starts with the word. tables/find.ts tells by them a
//    header repeated atop a table continued on the next page from the tail of a
//    row cut by the page break.
// Merging the two uses into one would move rows between header and body: 合计
// and 单位 start header cells, but a cell that is just 合计 is a body row's name.
export type HeaderWordUse = 'whole' | 'start' | 'both';

export const HEADER_WORDS: readonly (readonly [word: string, use: HeaderWordUse])[] = [
  ['一级指标', 'both'],
  ['二级指标', 'both'],
  ['三级指标', 'both'],
  ['年度指标值', 'both'],
  ['实际完成值', 'both'],
  ['分值', 'both'],
  ['得分', 'both'],
  ['执行率', 'both'],
  ['年初预算数', 'both'],
  ['全年预算数', 'both'],
  ['全年执行数', 'both'],
  ['指标值', 'whole'],
  ['绩效指标值', 'whole'],
  ['本年指标值', 'whole'],
  ['本年绩效指标值', 'whole'],
  ['年度绩效指标值', 'whole'],
  ['实施周期指标值', 'whole'],
  ['实施周期绩效指标值', 'whole'],
  ['度量单位', 'whole'],
  ['计量单位', 'whole'],
  ['绩效度量单位', 'whole'],
  ['绩效计量单位', 'whole'],
  ['指标性质', 'whole'],
  ['绩效指标性质', 'whole'],
  ['项目名称', 'whole'],
  ['项目总额', 'whole'],
  ['科目编码', 'whole'],
  ['科目名称', 'whole'],
  ['项目', 'start'],
  ['科目', 'start'],
  ['编码', 'start'],
  ['名称', 'start'],
  ['合计', 'start'],
  ['单位', 'start'],
  ['金额', 'start'],
];

const WHOLE = new Set(HEADER_WORDS.filter(([, use]) => use !== 'start').map(([w]) => w));
const START = HEADER_WORDS.filter(([, use]) => use !== 'whole').map(([w]) => w);

/** The cell (trimmed) is a header word: 'whole' and 'both' words. */
export function isHeaderWord(cell: string): boolean {
  return WHOLE.has(cell);
}

/** The text starts with a word that is a header cell by itself ('whole' and 'both' words). */
export function startsWithWholeHeaderWord(text: string): boolean {
  for (const w of WHOLE) if (text.startsWith(w)) return true;
  return false;
}

/** The text starts with a header word: 'start' and 'both' words. */
export function startsWithHeaderWord(text: string): boolean {
  return START.some((w) => text.startsWith(w));
}

/**
 * The cell that names a 决算 table's column-numbering row (栏次 | 1 | 2 | 3 …) or row-numbering
 * column (行次): the numbers beside it count columns or rows, they are no amounts.
 */
export const NUMBERING_WORD = /^(?:栏次|行次|列次)$/;
