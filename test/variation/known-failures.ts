// Entries of the variation harness that fail today, by reason. Each runs as test.fails: when a fix
// makes one pass, the test says so and it comes off this list (npx node scripts/variation-matrix.ts
// --failing prints the failing ids). A reason is one class of misreading, to be fixed at its cause.
export const REASONS = {
  multiBlock:
    'borderless and 三线表 自评表 / 目标表 of two blocks: the budget block, the cover lines and the indicator block laid on one grid of columns, so amounts stand under the wrong column name or none',
  spanning:
    'a header of three rows, or one spanning three of four amount columns, in a table without borders (支出决算（万元） › 基本支出 › 人员经费; 收入 over 财政拨款收入 | 事业收入 | 其他收入 beside 本年收入合计)',
  gluedFigure:
    "a figure set right and the next column's words set left with no gap between them (3806.40本年支出合计, LibreOffice's 三线表 with text in the middle): one chunk",
  narrowWraps:
    'a narrow column wraps a value or a merged group cell onto the lines of other rows (≥12000 人 | 次, 项目资 | 金): LibreOffice ignores nowrap',
  overSpan:
    'a merged header centred over two sub-headers in a sheet of wide figure columns (基本支出 over 人员经费 | 公用经费) is read as spanning the columns beside them too (本年支出合计, 项目支出): a label with a path too long, the figures right (found when the styles of 2026-12-07 were merged)',
  stackedHeader:
    'a 三线表 whose header cells wrap over three lines, each centred in its row: the 年度总体目标 row between the two blocks of a 自评表 joins the indicator header below it (Chromium); the last lines of wrapped cells read as a header row of their own (上年预算 › 数, LibreOffice)',
};

export const KNOWN_FAILURES: Record<keyof typeof REASONS, string[]> = {
  multiBlock: ['budget-targets/three-sheet-groupunit/libreoffice'],
  spanning: [],
  gluedFigure: ['budget-summary/three-sheet-middle/libreoffice'],
  narrowWraps: [],
  overSpan: ['final-expenditure/sheet-wide/chromium'],
  stackedHeader: [
    'budget-change/three-headwrap/libreoffice',
    'final-expenditure/three-headwrap/libreoffice',
    'budget-change/three-sheet-middle/libreoffice',
  ],
};
