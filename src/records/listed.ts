// Indicators listed inside one cell of a target table (a 绩效目标表 of many projects whose 绩效指标
// column holds, per project, "1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；
// 年度指标值:每年≥20场。2、…", or "数量指标：培训人次≥500人次；质量指标：合格率≥95%"): one record each,
// where the cell says plainly which part is what — items numbered (1、 ①) or parted by ；, each a
// name and its year's target keyed (年度指标值:) or written after it with a bound (≥ 不低于 …), the
// 一级 and 二级 as fields of their own (with or without their codes 1- 11-) or as a label with a
// colon before the items under it. An item that does not read so gives no record. The target's
// figure is the cell's fact that names the item (facts/table-facts.ts), never read here again.
import type { Fact, Indicator, Table } from '../schema/report.ts';
import { LABEL_JOINER } from '../tables/headers.ts';
import { pageOfRow } from '../tables/reading.ts';
import { BOUND_WORDS_BEFORE } from '../vocab/bounds.ts';
import {
  INDICATOR_COLUMNS,
  INDICATOR_NAME_FALLBACK,
  LEVEL1_NAMES,
  LISTED_PERIOD_KEY,
  LISTED_TARGET_KEY,
  headerName,
  isLevelName,
} from '../vocab/indicators.ts';
import { blocksOf, indicatorColumns, rowsOf } from './blocks.ts';
import { cellText, type CellFacts } from './cells.ts';
import type { RowBox } from './indicators.ts';

/** One item of a cell's list: its levels, its name and its year's target as printed. */
export interface ListedItem {
  path: string[];
  name: string;
  target: string;
  /** the target's key (年度指标值), or '' where it is written after the name */
  key: string;
}

const MARKER = /(?:(?:^|(?<=[。；;，,\s]))(?:[0-9]{1,2}(?:、|[．.](?![0-9]))|[（(][0-9]{1,2}[)）])|[①-⑳])\s*/g;
const CODED_LEVEL = /^[0-9]{1,3}\s*-\s*(\S.*)$/;
const LEVEL_LABEL = /^([^\s:：；;]{2,12}指标)\s*[:：]\s*/;

/** The items of a cell's list, or [] where the cell does not read as one. */
export function listedItems(text: string): ListedItem[] {
  const flat = text.trim();
  const numbered = [...flat.matchAll(MARKER)];
  const chunks =
    numbered.length >= 2
      ? numbered.map((m, i) => flat.slice(m.index + m[0].length, numbered[i + 1]?.index ?? flat.length))
      : [flat];
  const items: ListedItem[] = [];
  let levels: string[] = [];
  for (const chunk of chunks) {
    const fields = chunk
      .split(/[；;。]/)
      .map((f) => f.trim())
      .filter(Boolean);
    const keyed = fields.some((f) => LISTED_TARGET_KEY.test(f));
    if (keyed) {
      const item = keyedItem(fields);
      if (item) items.push(item);
      continue;
    }
    for (const field of fields) {
      const item = inlineItem(field, levels);
      if (item) (items.push(item), (levels = item.path));
    }
  }
  return items;
}

/** Fields of one numbered item: levels (coded or named), the name, keyed values; the year's one is the target. */
function keyedItem(fields: string[]): ListedItem | null {
  const path: string[] = [];
  const names: string[] = [];
  let target = '';
  let key = '';
  for (const f of fields) {
    const coded = CODED_LEVEL.exec(f);
    const period = LISTED_PERIOD_KEY.exec(f);
    const year = LISTED_TARGET_KEY.exec(f);
    if (period) continue;
    if (year) [target, key] = [f.slice(year[0].length).trim(), year[1]!];
    else if (coded && path.length < 2) path.push(coded[1]!.trim());
    else if (isLevelName(f) && path.length < 2) path.push(f);
    else names.push(f);
  }
  // Two levels, or one 一级 (1-产出指标): a 二级 alone (11-数量指标) is not given as the path's first.
  const sound = path.length === 2 || (path.length === 1 && LEVEL1_NAMES.exec(path[0]!)?.[0] === path[0]);
  return names.length === 1 && target !== '' ? { path: sound ? path : [], name: names[0]!, target, key } : null;
}

/**
 * A field holding an item written out (合格率≥95%, 培训人次不少于500人次), a level's label with a colon
 * before it (数量指标：…) setting the levels of the items after it: the name ends where the bound begins.
 */
function inlineItem(field: string, levels: string[]): ListedItem | null {
  let text = field;
  let path = levels;
  // Up to two labels (产出指标：数量指标：…); a 二级 under no 一级 is not given alone (the path's first
  // place is the 一级's), and a 二级 alone goes under the 一级 of the items before it.
  for (let label = LEVEL_LABEL.exec(text), n = 0; label && n < 2; label = LEVEL_LABEL.exec(text), n++) {
    const l = label[1]!;
    const level1 = LEVEL1_NAMES.exec(l)?.[0] === l;
    const above = n === 1 ? path : levels;
    path = level1 ? [l] : above.length > 0 && LEVEL1_NAMES.test(above[0]!) ? [above[0]!, l] : [];
    text = text.slice(label[0].length);
  }
  const at = boundStart(text);
  if (at <= 0) return null;
  const name = text.slice(0, at).trim();
  const target = text.slice(at).trim();
  // One bound and its figure: a second (培训人次≥500人次群众满意度≥90%, two lines of a cell run
  // together) means the items are not told apart.
  if (!name || !/[0-9]/.test(target) || boundStart(target.slice(1)) >= 0) return null;
  return { path, name, target, key: '' };
}

/** Where a written bound begins in an item (≥, ＜, 不低于 …) before its figure, or -1. */
function boundStart(text: string): number {
  const sign = /[≥≤＞＜><=＝≧≦]/.exec(text);
  const words = BOUND_WORDS_BEFORE.filter((w) => w !== '达到')
    .map((w) => text.indexOf(w))
    .filter((i) => i > 0);
  const all = [...(sign ? [sign.index] : []), ...words];
  return all.length === 0 ? -1 : Math.min(...all);
}

/** The listed indicators of a table: a 绩效指标 column under no indicator block's header. */
export function listedIndicatorsOf(t: Table, cells: CellFacts, rowBox: RowBox): Indicator[] {
  const out: Indicator[] = [];
  for (const block of blocksOf(t)) {
    if (indicatorColumns(block.columns)) continue;
    const names = block.columns.map((c) => headerName(c.path.at(-1) ?? ''));
    const col = names.findIndex((n) => INDICATOR_NAME_FALLBACK.test(n));
    if (col < 0) continue;
    const projectCol = names.findIndex((n) => INDICATOR_COLUMNS.some(([f, re]) => f === 'project' && re.test(n)));
    for (const r of rowsOf(t, block)) {
      const items = listedItems(cellText(t, r, col));
      const project = (projectCol >= 0 ? cellText(t, r, projectCol) : '') || t.project;
      const facts = cells.all(t.id, r, col);
      items.forEach((item, k) => out.push(recordOf(t, { r, k, col, item, project, facts, rowBox })));
    }
  }
  return out;
}

function recordOf(
  t: Table,
  o: { r: number; k: number; col: number; item: ListedItem; project: string | null; facts: Fact[]; rowBox: RowBox },
): Indicator {
  const fact = factOf(o.facts, o.item);
  return {
    id: `${t.id}.r${o.r + 1}.${o.k + 1}`,
    table: t.id,
    row: o.r,
    page: pageOfRow(t, o.r),
    bbox: o.rowBox(t, o.r),
    project: o.project,
    path: o.item.path,
    name: o.item.name,
    target: {
      text: o.item.target,
      value: fact ? (fact.value as number) : null,
      unit: fact ? fact.unit : null,
      comparator: fact?.comparator ?? null,
      upper: fact?.upper ?? null,
    },
    actual: null,
    weight: null,
    score: null,
    deviation: null,
    met: null,
    factIds: fact ? [fact.id] : [],
  };
}

/**
 * The cell's one figure labelled by the item: …·会议活动保障次数·年度指标值 where the item has two keyed
 * values, …·会议活动保障次数 where one (or its target written after its name), or null.
 */
function factOf(facts: Fact[], item: ListedItem): Fact | null {
  const names = item.key ? [`${item.name}${LABEL_JOINER}${item.key}`, item.name] : [item.name];
  for (const label of names) {
    const hits = facts.filter(
      (f) =>
        typeof f.value === 'number' &&
        f.kind !== 'date' &&
        (f.label === label || f.label.endsWith(`${LABEL_JOINER}${label}`)),
    );
    if (hits.length > 0) return hits.length === 1 ? hits[0]! : null;
  }
  return null;
}
