// Heading numbers that repeat, skip or run backwards among the siblings of one
// parent and one marker family: 二、 twice, （一） then （三）.
import type { Section } from '../schema/report.ts';
import { formatCnInteger } from '../text/cn-numerals.ts';
import { atPage, finding } from './finding.ts';
import type { Draft, Rule } from './types.ts';

/** The marker a sibling numbered n would have: （一） → （二）, 1、 → 2、. */
function markerFor(like: Section, n: number): string {
  const m = like.marker.trim();
  return /[0-9]/.test(m)
    ? m.replace(/[0-9]+/, String(n))
    : m.replace(/[零〇一二两三四五六七八九十百]+/, formatCnInteger(n));
}

const LEVEL_NAMES = ['一', '二', '三', '四', '五', '六'];

/**
 * Numbering that starts again by the genre's design: each 部分, each attached project sheet or table
 * (一、项目概述 … 七、绩效目标, again for the next project), each 附件 numbers from 一 — a heading
 * numbered 1 after others, which the next one continues (一 then 二) or which repeats the title the
 * first run opened with. A lone 一 where 四 belongs (一 二 三 一 五) is still a finding.
 */
function restarts(siblings: Section[], i: number): boolean {
  const cur = siblings[i]!;
  if (cur.ordinal !== 1) return false;
  const next = siblings[i + 1];
  const title = (s: Section) => s.title.replace(/[\s。：:]/g, '');
  return next?.ordinal === 2 || siblings.some((s, k) => k < i && s.ordinal === 1 && title(s) === title(cur));
}

export const headingSequence: Rule = {
  id: 'heading-sequence',
  severity: 'info',
  description: 'heading numbers repeat, skip or run backwards at one level',
  descriptionZh: '同一级标题的序号重复、跳号或倒序',
  // Heading numbers: last.
  precedence: 120,
  run(doc) {
    const groups = new Map<string, Section[]>();
    for (const s of doc.sections) {
      const key = `${s.parentId ?? 'root'}|${s.family}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    const drafts: Draft[] = [];
    for (const siblings of groups.values()) {
      for (let i = 1; i < siblings.length; i++) {
        const prev = siblings[i - 1]!;
        const cur = siblings[i]!;
        if (restarts(siblings, i)) continue;
        const level = `${LEVEL_NAMES[cur.level - 1] ?? cur.level}级标题`;
        const name = (s: Section) => `“${s.marker.trim()}${s.title}”${atPage(s.page)}`;
        let message: string | null = null;
        if (cur.ordinal === prev.ordinal) message = `${level}序号重复：${name(prev)}与${name(cur)}编号相同`;
        else if (cur.ordinal < prev.ordinal) message = `${level}序号倒退：${name(prev)}之后是${name(cur)}`;
        else if (cur.ordinal > prev.ordinal + 1) {
          const missing = Array.from({ length: cur.ordinal - prev.ordinal - 1 }, (_, k) =>
            markerFor(prev, prev.ordinal + 1 + k),
          );
          message = `${level}序号跳过：${name(prev)}之后是${name(cur)}，缺少${missing.map((m) => `“${m}”`).join('')}`;
        }
        if (!message) continue;
        drafts.push(
          finding(headingSequence, {
            message,
            sectionIds: [prev.id, cur.id],
            page: cur.page,
            expected: prev.ordinal + 1,
            actual: cur.ordinal,
          }),
        );
      }
    }
    return drafts;
  },
};
