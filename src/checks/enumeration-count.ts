// "设立 15 个市场监督管理所，分别为：A、B、…" — a stated count against the
// items listed right after it: in its paragraph (a 、-list, inline numbering)
// or as the numbered paragraphs that follow it. A list that ends in 等 is open
// and not counted. 和 / 及 / 与 may join the last two items (住房公积金、提租
// 补贴和购房补贴 is three) or stand inside one (计划和财务股): either count is
// taken as agreeing — unless other items have it inside too (住房和城乡建设局).
import type { Paragraph } from '../schema/report.ts';
import { locate, type Located } from './context.ts';
import { show } from './tolerance.ts';
import { atPage, finding } from './finding.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

const INTRO = /^[^。；，,]{0,24}?(?:[，,]?\s*(?:分别为|分别是|包括|即|依次为))?[：:]\s*/;
/** 和, 及, 以及, 与 between two items, not at an item's start. */
const JOIN = /(?<=.)(?:以及|和|及|与)(?=.)/;
/** A paragraph that is an item of a numbered list: its ordinal. */
const ORDINAL = /^\s*(?:[（(]\s*)?([0-9]{1,2})\s*(?:[)）]|[、.．](?![0-9]))/;

interface Listed {
  /** the items counted, and the other count a 和 in the last item allows */
  items: number;
  alternative: number | null;
  how: string;
}

export const enumerationCount: Rule = {
  id: 'enumeration-count',
  severity: 'warning',
  description: 'a stated count differs from the number of items listed after it',
  descriptionZh: '所述个数与其后列举的项数不符',
  // A count against the items listed after it: after the arithmetic of figures, before conflicting-values.
  precedence: 90,
  run(doc) {
    const drafts: Draft[] = [];
    const order = new Map(doc.paragraphs.map((p, k) => [p, k]));
    for (const l of locate(doc)) {
      const f = l.fact;
      if (!countable(l)) continue;
      const after = l.paragraph.text.slice(l.end);
      const intro = INTRO.exec(after);
      if (!intro || !/[：:]\s*$/.test(intro[0])) continue;
      const rest = after.slice(intro[0].length);
      const listed = rest.trim() === '' ? numberedParagraphs(doc, order.get(l.paragraph)!) : inline(rest);
      if (!listed || listed.items === f.value || listed.alternative === f.value) continue;
      drafts.push(
        finding(enumerationCount, {
          message: `${f.label}写明 ${show(f)}${atPage(f.page)}，其后${listed.how}了 ${listed.items} 项`,
          factIds: [f.id],
          sectionIds: f.sectionId ? [f.sectionId] : [],
          page: f.page,
          expected: f.value,
          actual: listed.items,
        }),
      );
    }
    return drafts;
  },
};

/** An exact count of a few things (三项, 15 个), not a change, not of 万. */
function countable({ fact: f }: Located): boolean {
  return (
    f.kind === 'count' &&
    !f.approximate &&
    !f.change &&
    typeof f.value === 'number' &&
    f.value >= 2 &&
    f.value <= 60 &&
    !f.unit.startsWith('万')
  );
}

/** The items of a list in the rest of the paragraph, up to its first 。 or ；. */
function inline(rest: string): Listed | null {
  const end = rest.search(/[。；;]/);
  const list = rest.slice(0, end < 0 ? undefined : end);
  if (/等$|等[^、]{0,6}$/.test(list)) return null;
  // Inline numbering "1、办公室 2、政工人事股…": the ordinals in order (the
  // text may have lost the spaces between items when lines were joined).
  const numbered = [...list.matchAll(/(?<![0-9.])(\d{1,2})、/g)].map((m) => Number(m[1]));
  if (numbered.length >= 2 && numbered[0] === 1) return { items: numbered.length, alternative: null, how: '编号列出' };
  // A 、-list: the items up to the first clause break.
  const items = list
    .split(/[，,]/)[0]!
    .split(/、/)
    .filter((s) => s.trim().length > 0);
  // Where other items have 和 inside (住房和城乡建设局、住房和城乡建设事务中心) it is of the names.
  const joined = JOIN.test(items[items.length - 1] ?? '') && !items.slice(0, -1).some((i) => JOIN.test(i));
  if (items.length + (joined ? 1 : 0) < 2) return null;
  // 住房公积金、提租补贴和购房补贴: three items, the last two joined by 和.
  return joined
    ? { items: items.length + 1, alternative: items.length, how: '列出' }
    : { items: items.length, alternative: null, how: '列出' };
}

/** A count whose paragraph ends in its colon: the numbered paragraphs right after it, 1, 2, 3 … in order. */
function numberedParagraphs(doc: CheckInput, at: number): Listed | null {
  let n = 0;
  let last: Paragraph | undefined;
  for (let k = at + 1; k < doc.paragraphs.length; k++) {
    const p = doc.paragraphs[k]!;
    if (p.role !== 'body' && p.role !== 'heading') continue;
    const m = ORDINAL.exec(p.text);
    if (!m || Number(m[1]) !== n + 1) break;
    n += 1;
    last = p;
  }
  if (n < 2 || !last || /等[。；;]?\s*$/.test(last.text)) return null;
  return { items: n, alternative: null, how: '编号列出' };
}
