// "设立 15 个市场监督管理所，分别为：A、B、…" — a stated count against the
// items listed right after it. A list that ends in 等 is open and not counted.
import { locate } from './context.ts';
import { show } from './tolerance.ts';
import { atPage, finding } from './finding.ts';
import type { Draft, Rule } from './types.ts';

const INTRO = /^[^。；，,]{0,24}?(?:[，,]?\s*(?:分别为|分别是|包括|即|依次为))?[：:]\s*/;

export const enumerationCount: Rule = {
  id: 'enumeration-count',
  run(doc) {
    const drafts: Draft[] = [];
    for (const l of locate(doc)) {
      const f = l.fact;
      if (
        f.kind !== 'count' ||
        f.approximate ||
        typeof f.value !== 'number' ||
        f.value < 2 ||
        f.value > 60 ||
        f.unit.startsWith('万')
      )
        continue;
      const quoteEnd = l.at + f.quote.length;
      // The list must follow the number's own clause: "15 个X（副科级），分别为：…" or "22 个股室：…".
      const numberEnd = l.paragraph.text.indexOf(f.unit, l.at + f.quote.indexOf(String(f.value))) + f.unit.length;
      if (numberEnd <= 0 || numberEnd > quoteEnd + 1) continue;
      const after = l.paragraph.text.slice(numberEnd);
      const intro = INTRO.exec(after);
      if (!intro || !/[：:]\s*$/.test(intro[0])) continue;
      const end = after.slice(intro[0].length).search(/[。；;]/);
      const list = after.slice(intro[0].length, end < 0 ? undefined : intro[0].length + end);
      if (/等$|等[^、]{0,6}$/.test(list)) continue;
      // Inline numbering "1、办公室 2、政工人事股…": the ordinals in order (the
      // text may have lost the spaces between items when lines were joined).
      const numbered = [...list.matchAll(/(?<![0-9.])(\d{1,2})、/g)].map((m) => Number(m[1]));
      let items: number;
      let how: string;
      if (numbered.length >= 2 && numbered[0] === 1) {
        items = numbered.length;
        how = '编号列出';
      } else {
        // A 、-list: the items up to the first clause break.
        const head = list.split(/[，,]/)[0]!;
        items = head.split(/、/).filter((s) => s.trim().length > 0).length;
        how = '列出';
        if (items < 2) continue;
      }
      if (items === f.value) continue;
      drafts.push(
        finding('enumeration-count', {
          message: `${f.label}写明 ${show(f)}${atPage(f.page)}，其后${how}了 ${items} 项`,
          factIds: [f.id],
          sectionIds: f.sectionId ? [f.sectionId] : [],
          page: f.page,
          expected: f.value,
          actual: items,
        }),
      );
    }
    return drafts;
  },
};
