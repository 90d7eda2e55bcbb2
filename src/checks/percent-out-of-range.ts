// A share or rate that cannot exceed 100 % (合格率, 覆盖率, 满意度, 占…的 …) and
// does; growth and over-fulfilment (同比增长 133 %, 超额完成) can. The rate is
// named by the fact's label, or — for a bare 实际完成 108.7% — by the indicator
// the sentence, the paragraph's run-in title or the table row names.
import type { Fact } from '../schema/report.ts';
import { LABEL_JOINER } from '../tables/headers.ts';
import { BOUNDED_RATE, UNBOUNDED_RATE } from '../vocab/rates.ts';
import { locate } from './context.ts';
import { show } from './tolerance.ts';
import { atPage, finding } from './finding.ts';
import type { Draft, Rule } from './types.ts';

/** A label that says only that something was done, not what: 实际完成, 完成值, 全年完成. */
const BARE = /^(?:全年|年度|本年)?(?:实际)?(?:完成(?:值|情况)?|达到|为|是)$/;

export const percentOutOfRange: Rule = {
  id: 'percent-out-of-range',
  severity: 'error',
  description: 'a share or rate that cannot exceed 100 % does',
  descriptionZh: '不可能超过 100% 的占比或比率超过了 100%',
  // A share over 100 %: after rate-mismatch, which names a rate its own figures deny.
  precedence: 70,
  run(doc) {
    const drafts: Draft[] = [];
    /** each draft's name, figure and pages, for the message when the same figure is found again */
    const said = new Map<Draft, { name: string; f: Fact; pages: number[] }>();
    const sections = new Map(doc.sections.map((s) => [s.id, s]));
    const located = new Map(locate(doc).map((l) => [l.fact.id, l]));
    for (const f of doc.facts) {
      if (
        f.kind !== 'percent' ||
        f.normalized.unit !== '%' ||
        typeof f.normalized.value !== 'number' ||
        f.normalized.value <= 100 + 1e-9
      )
        continue;
      if (f.comparator || f.change) continue; // a target, not a result; a change (同比增长 133 %) is no share
      if (UNBOUNDED_RATE.test(f.quote)) continue;
      const name = rateName(
        f,
        located.get(f.id)?.paragraph.text.slice(0, located.get(f.id)!.at) ?? null,
        f.sectionId ? sections.get(f.sectionId)?.title : undefined,
      );
      if (!name || UNBOUNDED_RATE.test(name)) continue;
      // The same figure in the text and in the table is one finding.
      const same = drafts.find(
        (d) =>
          d.actual === f.value &&
          (d.message.startsWith(name) ||
            name.endsWith(d.message.split(' ')[0]!) ||
            d.message.split(' ')[0]!.endsWith(name)),
      );
      if (same) {
        same.factIds.push(f.id);
        // Two pages are named: the first figure's and the first repeat's on another page.
        const first = said.get(same)!;
        if (first.pages.length === 1 && first.pages[0] !== f.page) first.pages.push(f.page);
        same.message = message(first.name, first.f, first.pages);
        continue;
      }
      const d = finding(percentOutOfRange, {
        message: message(name, f, [f.page]),
        factIds: [f.id],
        page: f.page,
        expected: 100,
        actual: f.value as number,
      });
      said.set(d, { name, f, pages: [f.page] });
      drafts.push(d);
    }
    return drafts;
  },
};

function message(name: string, f: Fact, pages: number[]): string {
  return `${name} ${show(f)}${atPage(pages, 'shared')}超过 100%，比率不应超过 100%`;
}

function rateName(f: Fact, before: string | null, sectionTitle: string | undefined): string | null {
  // A table cell: the row's indicator (产出指标·质量指标·救助对象信息准确率·实际完成值).
  if (f.paragraphId === null) {
    const parts = f.label.split(LABEL_JOINER);
    const named = parts
      .slice(0, -1)
      .reverse()
      .find((p) => BOUNDED_RATE.test(p));
    if (named) return named;
    return BOUNDED_RATE.test(f.label) ? f.label : null;
  }
  if (BOUNDED_RATE.test(f.label)) return f.label;
  // 占一般公共预算项目支出总额的 103.6%: a share.
  if (/^占/.test(f.label) || /占[^，。；]{1,30}的?\s*[0-9.]+\s*%/.test(f.quote))
    return f.label.startsWith('占') ? f.label : `占比`;
  if (!BARE.test(f.label) || before === null) return null;
  // The rate the text named last before the number, if no other number stands between.
  const tail = before.slice(-40);
  if (/[0-9０-９]/.test(tail.replace(/^.*?[。；]/, '').replace(/^\s*[（(]?[0-9一二三四五六七八九十]+[)）．.、]/, '')))
    return null;
  const words = [...tail.matchAll(/[\u4e00-\u9fff]{1,12}(?:率|满意度|知晓度|认可度|占比|比例)/g)].map((m) => m[0]);
  const last = words[words.length - 1];
  if (last && BOUNDED_RATE.test(last)) return last;
  // Else the section's title (（2）救助对象信息准确率).
  if (sectionTitle && BOUNDED_RATE.test(sectionTitle.replace(/[。：:]$/, '')))
    return sectionTitle.replace(/[。：:]$/, '');
  return null;
}
