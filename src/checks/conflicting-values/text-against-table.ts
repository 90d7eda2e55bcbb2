// Part B of conflicting-values: a figure of the narrative against the same
// figure in the self-evaluation table — an indicator's 实际完成值, the project's
// funds (项目全年执行数 vs 年度资金总额 · 全年执行数).
import type { Section } from '../../schema/report.ts';
import { LABEL_JOINER } from '../../tables/headers.ts';
import { PLAIN_TERMS } from '../../vocab/concepts.ts';
import type { Located } from '../context.ts';
import type { CheckInput } from '../types.ts';
import { ITEM_START, type Reading, exact, isStatement, lastPart, indicatorOf } from './figures.ts';
import { sameName, differ } from './same-quantity.ts';

/** A label that says only that something was done, not what: 实际完成, 完成值. */
const BARE = /^(?:全年|年度|本年)?(?:实际)?(?:完成(?:值|数|情况)?|达到|为|是)$/;

/** B. The narrative against the self-evaluation table: an indicator's 实际完成值, the project's funds. */
export function textAgainstTable({ doc, located, sections, cells, indicatorCells, report }: Reading): void {
  const fundsCells = cells.filter((f) => FUNDS_CELL.test(f.label));
  for (const l of located) {
    const f = l.fact;
    if (!exact(f) || f.change || !isStatement(l)) continue;
    const name = indicatorName(l, f.sectionId ? sections.get(f.sectionId) : undefined);
    if (name) {
      const same = indicatorCells.filter(
        (c) => c.normalized.unit === f.normalized.unit && sameName(indicatorOf(c.label), name),
      );
      if (same.length === 1 && differ(f, same[0]!)) report(f, same[0]!, '，正文与自评表不一致');
    }
    const measure = fundsMeasure(f.label, doc);
    if (measure && f.kind === 'money') {
      const same = fundsCells.filter((c) =>
        lastPart(c.label)
          .replace(/[（(].*$/, '')
          .endsWith(measure),
      );
      if (same.length === 1 && differ(f, same[0]!)) report(f, same[0]!, '，正文与自评表不一致');
    }
  }
}

const FUNDS_CELL = new RegExp(`(?:^|${LABEL_JOINER})${PLAIN_TERMS.fundsTotal}${LABEL_JOINER}`);

/** The indicator a narrative figure is about: its label, or for a bare 实际完成 the run-in title before it or its section's title. */
function indicatorName(l: Located, section: Section | undefined): string | null {
  const f = l.fact;
  if (f.kind !== 'count' && f.kind !== 'money' && f.kind !== 'other') return null;
  if (!BARE.test(f.label)) return null;
  const before = l.paragraph.text.slice(0, l.sentenceStart).replace(/[。：:\s]+$/, '');
  const runIn = before.replace(ITEM_START, '').trim();
  if (runIn && runIn.length <= 24 && !/[0-9０-９，,；]/.test(runIn)) return runIn;
  if (section) return section.title.replace(/[。：:\s]+$/, '').trim() || null;
  return null;
}

/** The funds measure a narrative money label states for the unit or project as a whole: 项目全年执行数 → 全年执行数. */
function fundsMeasure(label: string, doc: CheckInput): string | null {
  const owner =
    doc.document.reportType !== '整体支出'
      ? '(?:本?项目(?:资金)?|年度资金总额)?'
      : '(?:部门整体支出|本单位|本部门|年度资金总额)?';
  const m = new RegExp(`^${owner}(年初预算数|全年预算数|全年执行数)$`).exec(label);
  return m ? m[1]! : null;
}
