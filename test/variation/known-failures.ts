// Entries of the variation harness that fail today, by reason. Each runs as test.fails: when a fix
// makes one pass, the test says so and it comes off this list (npx node scripts/variation-matrix.ts
// --failing prints the failing ids). A reason is one class of misreading, to be fixed at its cause; a
// planted twin (classes/planted.ts) that fails with its clean twin is listed under the same reason.
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
    'a 三线表 支出决算表 whose header cells wrap over three lines, each centred in its row (LibreOffice): 基本 / 支出 over 人员 / 经费 | 公用 / 经费 beside 本年 / 支出 / 合计, the lines of one cell set further apart than a body row in places, so its cells are not read whole',
  flatLevels:
    "LibreOffice's HTML import drops a cell's left padding, so a 决算 table's names (类 / 款 / 项 with no codes) stand flush: no level can be read (none is guessed), so the hierarchy's sums are not checked and a planted 项 goes unreported — the same table with its names indented by ideographic spaces (the *-indent styles) is read and checked",
  splitScorecard:
    "a 三线表 自评表 printed by LibreOffice is read as two tables (the funds block, then the indicators with 总分): the 总分 row's table holds the indicators' scores but not the funds' 得分, so its sum is not judged and a planted 总分 goes unreported",
  shortBreak:
    'a table of two rows carried over a page in the styles without rules, its second row alone overleaf without the header repeated: that row is read as no table, so its cells give no fact (none is read wrong); the part at the foot of the page before is read (its header and first row), and so is the row overleaf under a repeated header',
  groupWraps:
    "a group header over three of seven columns in a table without rules (公务用车购置及运行费 over 小计 | 公务用车购置费 | 公务用车运行费) whose header cells wrap or are set in the middle: the wrapped lines of neighbouring cells are joined into one name, or the group is laid over two of its three columns — figures keep their values but some are named after the next column (购置费's 30.00 as 运行费), and the group's 小计 is not checked",
};

export const KNOWN_FAILURES: Record<keyof typeof REASONS, string[]> = {
  multiBlock: [
    'budget-targets-planted/three-sheet-groupunit/libreoffice',
    'budget-targets/three-sheet-groupunit/libreoffice',
  ],
  spanning: [],
  gluedFigure: [
    'budget-summary-planted/three-sheet-middle/libreoffice',
    'budget-summary/three-sheet-middle/libreoffice',
  ],
  narrowWraps: [],
  overSpan: [],
  stackedHeader: [
    'final-expenditure-planted/three-headwrap/libreoffice',
    'final-expenditure/three-headwrap/libreoffice',
  ],
  flatLevels: [
    'final-expenditure-planted/grid-break-bare/libreoffice',
    'final-expenditure-planted/grid-break-repeat/libreoffice',
    'final-expenditure-planted/grid-dash/libreoffice',
    'final-expenditure-planted/grid-dense/libreoffice',
    'final-expenditure-planted/grid-headwrap/libreoffice',
    'final-expenditure-planted/grid-spanning/libreoffice',
    'final-expenditure-planted/grid-total-first-note/libreoffice',
    'final-expenditure-planted/grid-yuan/libreoffice',
    'final-expenditure-planted/grid/libreoffice',
    'final-expenditure-planted/sheet-break-bare/libreoffice',
    'final-expenditure-planted/sheet-break-repeat/libreoffice',
    'final-expenditure-planted/sheet-caption/libreoffice',
    'final-expenditure-planted/sheet-dense/libreoffice',
    'final-expenditure-planted/sheet-emdash/libreoffice',
    'final-expenditure-planted/sheet-headwrap/libreoffice',
    'final-expenditure-planted/sheet-middle/libreoffice',
    'final-expenditure-planted/sheet-spanning/libreoffice',
    'final-expenditure-planted/sheet-top/libreoffice',
    'final-expenditure-planted/sheet-total-first-note/libreoffice',
    'final-expenditure-planted/sheet-wide-middle/libreoffice',
    'final-expenditure-planted/sheet-wide/libreoffice',
    'final-expenditure-planted/sheet-yuan-caption/libreoffice',
    'final-expenditure-planted/sheet/libreoffice',
    'final-expenditure-planted/three-sheet-middle/libreoffice',
    'final-expenditure-planted/three-slash/libreoffice',
    'final-expenditure-planted/three-thousands/libreoffice',
    'final-expenditure-planted/three/libreoffice',
  ],
  splitScorecard: ['project-self-eval-planted/three-headwrap/libreoffice'],
  shortBreak: [
    'three-public-planted/sheet-break-bare/chromium',
    'three-public-planted/sheet-break-bare/libreoffice',
    'three-public/sheet-break-bare/chromium',
    'three-public/sheet-break-bare/libreoffice',
  ],
  groupWraps: [],
};
