// What a budget figure is, read from where it stands (vocab/scopes.ts): its
// scope of money — 一般公共预算, 政府性基金, "三公"经费 …, or the unit's whole —
// and, for the budget's own measures, which one (基本支出, 本年支出合计,
// 公务接待费 …) at which stage (年初预算, 调整预算, 决算). A table cell takes
// them from its row's name, its column's path and the table's title; a figure
// of the text from its label, the head of a 其中 list it is in, or the
// sections above it. Where they cannot be told — a table without a title or
// with a column its header does not name, a sentence naming a scope the
// figure may or may not be of — they are null, and no rule reads the figure
// as one quantity with another.
import type { Fact, Section, Table } from '../schema/report.ts';
import { columnsAt } from '../tables/reading.ts';
import { memoized } from '../util/memo.ts';
import { readCellNumber } from '../text/cell-number.ts';
import {
  BARE_MEASURES,
  CARRIED,
  CLOSING_ROW,
  FUND_SCOPES,
  GRAND_OR_YEAR,
  MEASURES,
  NEUTRAL_WORDS,
  SPENDING_SCOPES,
  STAGE_WORDS,
  TABLE_MEASURES,
  TOTAL_BEFORE_FIGURE,
  TOTAL_WORDS,
  WHOLE_SCOPE,
  YEAR_ON_YEAR,
  type Stage,
} from '../vocab/scopes.ts';
import { locate, type Located } from './context.ts';
import type { CheckInput } from './types.ts';

export interface Identity {
  /** the scope of money the figure is of (a FUND_SCOPES id, WHOLE_SCOPE, or a project's), null where unknown */
  scope: string | null;
  /** the scope its own label (or cell) names, WHOLE_SCOPE where it names none */
  labelScope: string;
  /** `scope|measure|stage` of a budget measure whose three are known, else null */
  key: string | null;
}

const NONE: Identity = { scope: null, labelScope: WHOLE_SCOPE, key: null };
const CACHE = new WeakMap<CheckInput, Map<string, Identity>>();

/** Every fact's identity, once per document. */
export function identities(doc: CheckInput): Map<string, Identity> {
  let cached = CACHE.get(doc);
  if (cached) return cached;
  cached = new Map();
  const located = new Map(locate(doc).map((l) => [l.fact.id, l]));
  const tables = new Map(doc.tables.map((t) => [t.id, t]));
  const sections = new Map(doc.sections.map((s) => [s.id, s]));
  const at: Context = { doc, sections, uncertain: new Map() };
  for (const f of doc.facts) {
    const table = f.cell && f.paragraphId === null ? tables.get(f.cell.table) : undefined;
    const l = located.get(f.id);
    cached.set(f.id, table ? cellIdentity(f, table, at) : l ? textIdentity(l, at) : NONE);
  }
  CACHE.set(doc, cached);
  return cached;
}

interface Context {
  doc: CheckInput;
  sections: Map<string, Section>;
  /** each table's uncertainTable, found once (it compares the table's title with every other table's) */
  uncertain: Map<Table, boolean>;
}

/** The text as scopes and measures are matched: quotes, spaces and notes in brackets out. */
const plain = (s: string) => s.replace(/[（(][^（）()]*[）)]/g, '').replace(/[\s“”"‘’'「」『』]/g, '');

/** Each scope's words without the global flag (a test that keeps no lastIndex), compiled once, not per text. */
const SCOPE_TESTS = FUND_SCOPES.map((s) => ({ id: s.id, words: new RegExp(s.words.source) }));

/** The most specific scope a text names, or null (kept per text: a table's headers and titles are asked again for every cell). */
export const scopeIn: (text: string) => string | null = memoized((text) => {
  const t = plain(text);
  return SCOPE_TESTS.find((s) => s.words.test(t))?.id ?? null;
});

/** A measure read from words: `bare` where they were only 收入 / 支出 (of a scope's own, that year's; of the whole, unknown). */
interface Measure {
  id: string;
  bare: boolean;
}

/** What a label measures and at which stage, its scope words out: null where it is no budget measure (kept per text, shared: not to be changed). */
const measureOf = memoized(readMeasure);

function readMeasure(text: string): { measure: Measure | null; total: boolean; stage: Stage | null | 'mixed' } {
  let t = plain(text);
  for (const s of FUND_SCOPES) t = t.replace(s.words, '');
  const stages = new Set<Stage>();
  for (const s of STAGE_WORDS)
    t = t.replace(s.words, () => {
      stages.add(s.stage);
      return '';
    });
  t = t.replace(NEUTRAL_WORDS, '');
  const stage = stages.size > 1 ? 'mixed' : ([...stages][0] ?? null);
  const named = MEASURES.find((m) => m.words.test(t))?.id;
  const bare = BARE_MEASURES.find((m) => m.words.test(t))?.id;
  const measure = named ? { id: named, bare: false } : bare ? { id: bare, bare: true } : null;
  return { measure, total: TOTAL_WORDS.test(t), stage };
}

/** The stage a figure is at when its words name none: a 预算's are planned, a 决算's spent; elsewhere unknown. */
function defaultStage(doc: CheckInput): Stage | null {
  const type = doc.document.reportType;
  return type === '预算' ? 'initial' : type === '决算' ? 'actual' : null;
}

function keyOf(
  scope: string | null,
  measure: Measure | null,
  stage: Stage | null | 'mixed',
  doc: CheckInput,
): string | null {
  if (!scope || !measure || stage === 'mixed') return null;
  // A bare 收入 / 支出 of the whole unit may be this year's or the grand total: no measure.
  if (measure.bare && scope === WHOLE_SCOPE) return null;
  const at = stage ?? defaultStage(doc);
  return at ? `${scope}|${measure.id}|${at}` : null;
}

/** Own year only: a figure of another year (上年执行数, 2023年预算数) is another quantity. */
const ownYear = (f: Fact, doc: CheckInput) => f.year === null || f.year === doc.document.fiscalYear;

// ——— table cells ———

/**
 * A table whose columns are not all named (a header misread), that has no
 * title, or whose title another table of the report has too (a 部门预算 that
 * prints the 汇总 and the 本级 tables, or one per unit): what its cells are
 * is unknown.
 */
function uncertainTable(t: Table, doc: CheckInput): boolean {
  if (t.title === null || t.columns.some((c) => c.role === 'number' && c.path.every((p) => p.trim() === '')))
    return true;
  const own = titleKey(t.title);
  return doc.tables.some((o) => o !== t && o.title !== null && titleKey(o.title) === own);
}

/** A title as tables are told apart: its numbering (预算03表, 附表2), years and notes in brackets out. */
const titleKey = (title: string) =>
  plain(title)
    .replace(/(?:19|20)\d{2}年度?/g, '')
    .replace(/^(?:预算|决算|附)?表(?:[0-9０-９]+|[一二三四五六七八九十]+)|^(?:预算|决算)[0-9０-９]+表/, '');

function cellIdentity(f: Fact, t: Table, { doc, uncertain }: Context): Identity {
  const { row: r, col: c } = f.cell!;
  let unsure = uncertain.get(t);
  if (unsure === undefined) uncertain.set(t, (unsure = uncertainTable(t, doc)));
  if (unsure) return NONE;
  const columns = columnsAt(t, r);
  const row = t.rows[r] ?? [];
  const { name, at: k } = rowName(row, c, columns);
  const path = columns[c]?.path ?? [];
  const [rowScope, colScope] = [scopeIn(name), scopeIn(path.join(''))];
  if (rowScope && colScope && rowScope !== colScope) return NONE;
  const labelScope = rowScope ?? colScope ?? WHOLE_SCOPE;
  const project = t.project && doc.document.reportType !== '项目支出' ? `project:${t.project}` : null;
  const scope = project ?? rowScope ?? colScope ?? scopeIn(t.title ?? '') ?? WHOLE_SCOPE;
  // A 科目 row (a code, or a level under the total) is an item, not the scope's own figure.
  const coded = columns.some((col, k) => col.role === 'code' && (row[k] ?? '').trim() !== '');
  if (coded || (t.rowLevels?.[r] ?? 0) > 0 || f.kind !== 'money' || !ownYear(f, doc) || carried(t, r, k))
    return { scope, labelScope, key: null };
  const { measure, stage } = cellMeasure(name, path, t, t.rowRoles[r] === 'total');
  return { scope, labelScope, key: keyOf(scope, measure, stage, doc) };
}

/**
 * The row's name for column c and where it stands: the cell of the nearest
 * column of names left of it (a 收支总表 has two halves, each with its names;
 * a row of the 支出 half whose name is blank is not named by the 收入 half's).
 */
function rowName(row: string[], c: number, columns: Table['columns']): { name: string; at: number } {
  for (let k = c - 1; k >= 0; k--) {
    const cell = (row[k] ?? '').trim();
    const role = columns[k]?.role;
    if (role === 'name' || role === 'text') return { name: readCellNumber(cell) === null ? cell : '', at: k };
  }
  return { name: '', at: -1 };
}

/** Row r is listed under a row of money carried over or forward (年初结转和结余 › 一般公共预算财政拨款), before any total closes it. */
function carried(t: Table, r: number, k: number): boolean {
  if (k < 0) return false;
  for (let i = r; i >= t.headerRows; i--) {
    if (t.rowRoles[i] === 'header') return false;
    const name = plain(t.rows[i]?.[k] ?? '');
    if (CARRIED.test(name)) return true;
    if (CLOSING_ROW.test(name) || t.rowRoles[i] === 'total') return false;
  }
  return false;
}

/** The measure of a cell: its row's, else (a total row) its column's, its column group's, or the table's. */
function cellMeasure(
  name: string,
  path: string[],
  table: Table,
  totalRow: boolean,
): { measure: Measure | null; stage: Stage | null | 'mixed' } {
  const byRow = measureOf(name);
  const byCol = measureOf(path[path.length - 1] ?? '');
  const stages = new Set([...path.map((p) => measureOf(p).stage), byRow.stage].filter((s) => s !== null));
  const stage = stages.size > 1 ? ('mixed' as const) : ([...stages][0] ?? null);
  if (byRow.measure) {
    // A row naming one measure under a column naming another (基本支出 | 人员经费) is neither.
    return { measure: byCol.measure && byCol.measure.id !== byRow.measure.id ? null : byRow.measure, stage };
  }
  if (!totalRow && !byRow.total) return { measure: null, stage };
  if (byCol.measure) return { measure: byCol.measure, stage };
  if (!byCol.total) return { measure: null, stage };
  // 总计 naming nothing more may be the grand total or the year's.
  if (GRAND_OR_YEAR.test(plain(name)) || GRAND_OR_YEAR.test(plain(path[path.length - 1] ?? '')))
    return { measure: null, stage };
  // 公务用车购置及运行维护费 › 小计: the group names it; a 合计 column of a total row: the table does.
  for (let i = path.length - 2; i >= 0; i--) {
    const group = measureOf(path[i]!);
    if (group.measure) return { measure: group.measure, stage };
    // A group of another kind (按收入性质分 › 一般公共预算) says what the column is: not the table's measure.
    if (!group.total) return { measure: null, stage };
  }
  // The 合计 of a table of one measure's 科目 is that measure's for the year — unless the table also has
  // columns of money carried over (收入总表: 合计 | 本年收入 › … | 上年结转结余 › …): its 合计 is the grand total.
  if (table.columns.some((c) => c.path.some((h) => CARRIED.test(h)))) return { measure: null, stage };
  let t = plain(table.title ?? '');
  for (const s of FUND_SCOPES) t = t.replace(s.words, '');
  const own = TABLE_MEASURES.find((m) => m.words.test(t))?.id;
  return { measure: own ? { id: own, bare: false } : null, stage };
}

// ——— figures of the text ———

function textIdentity(l: Located, { doc, sections }: Context): Identity {
  const f = l.fact;
  const labelScope = scopeIn(f.label);
  const head = headScope(l);
  const scope = labelScope ?? (head === undefined ? sectionScope(f.sectionId, sections) : head);
  const base = { scope, labelScope: labelScope ?? WHOLE_SCOPE };
  if (f.kind !== 'money' || f.approximate || !ownYear(f, doc)) return { ...base, key: null };
  // A change against the year before of a measure it names (基本支出比上年增加) is a quantity of its own.
  const label = f.change ? f.label.replace(YEAR_ON_YEAR, '') : withTotalWord(f.label, l);
  if (f.change && label === f.label) return { ...base, key: null };
  const m = measureOf(label);
  // A figure of a kind of spending that names no measure ("三公"经费预算 25 万元) is that spending.
  const spending = m.total && scope && SPENDING_SCOPES.has(scope);
  const measure = m.measure ?? (spending ? { id: 'spending.year', bare: false } : null);
  // A bare 支出 / 收入 (支出决算 56 万元) is of whatever its sentence is about — an item, a 科目 — unless its label names the scope.
  if (measure?.bare && !labelScope) return { ...base, key: null };
  const key = keyOf(scope, measure, m.stage, doc);
  return { ...base, key: key && f.change ? `${key}|change` : key };
}

/** The label with the total word written right before the figure (财政拨款收入总计 1320 万元: 总计 is no filler). */
function withTotalWord(label: string, l: Located): string {
  const before = l.paragraph.text.slice(Math.max(l.sentenceStart, l.numberAt - 8), l.numberAt);
  const word = TOTAL_BEFORE_FIGURE.exec(before)?.[1];
  return word && !label.endsWith(word) ? label + word : label;
}

/**
 * The scope the sentence gives a figure whose label names none: that of the
 * head of a 其中 / 包括 list the figure is in (一般公共预算支出 1180 万元，其中：
 * 基本支出 860 万元). A scope named elsewhere before it in the sentence leaves it
 * unknown (undefined → null); none named, the sections decide (null → undefined).
 */
function headScope(l: Located): string | null | undefined {
  const before = l.sentence.slice(0, Math.max(0, l.numberAt - l.sentenceStart));
  if (scopeIn(before) === null) return undefined;
  const split = /其中|包括|包含|含/.exec(before);
  if (!split) return null;
  const head = before.slice(0, split.index);
  const scope = scopeIn(head);
  // Another scope named between the list's head and the figure (其中一般公共预算 …，基本支出): unknown.
  const between = scopeIn(before.slice(split.index));
  return scope && (!between || between === scope) ? scope : null;
}

/** The nearest section title above that names a scope, else the whole. */
function sectionScope(id: string | null, sections: Map<string, Section>): string {
  for (let s = id ? sections.get(id) : undefined; s; s = s.parentId ? sections.get(s.parentId) : undefined) {
    const scope = scopeIn(s.title);
    if (scope) return scope;
  }
  return WHOLE_SCOPE;
}
