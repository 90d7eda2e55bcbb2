// Finding a corrected fact or a decided finding again in a report read anew,
// where ids may differ (facts are numbered in page order, findings after the
// checks). A fact is found by its page, its quote and its box; a finding by
// its rule, page and message. No guess: where nothing — or more than one
// thing — fits, the correction is reported as unmatched and not applied.
import type { FactAnchor, FindingDecision } from '../schema/corrections.ts';
import type { BBox, Fact, Finding } from '../schema/report.ts';

/** Boxes overlapping at least this much (intersection over union) are the same place on the page. */
export const SAME_PLACE = 0.5;

export type Match<T> = { found: T } | { reason: string };

/** The anchor of a fact as it stands in a report. */
export function anchorOf(f: Pick<Fact, 'page' | 'quote' | 'bbox'>): FactAnchor {
  return { page: f.page, quote: f.quote, bbox: f.bbox };
}

/** The one fact of `facts` at the anchor's place: same page, same quote (spaces aside), its box over the anchor's. */
export function matchFact(anchor: FactAnchor, facts: readonly Fact[]): Match<Fact> {
  const onPage = facts.filter((f) => f.page === anchor.page);
  const where = `第 ${anchor.page} 页`;
  if (onPage.length === 0) return { reason: `${where}没有读出任何数字` };
  const quote = squash(anchor.quote);
  const same = onPage.filter((f) => squash(f.quote) === quote);
  if (same.length === 0) return { reason: `${where}不再有原文为「${anchor.quote}」的数字` };
  if (anchor.bbox) {
    const scored = same
      .map((f) => ({ f, iou: f.bbox ? overlap(f.bbox, anchor.bbox!) : 0 }))
      .filter((s) => s.iou >= SAME_PLACE)
      .sort((a, b) => b.iou - a.iou);
    if (scored.length === 0) return { reason: `${where}原文「${anchor.quote}」的数字已不在原来的位置` };
    if (scored.length > 1 && scored[0]!.iou === scored[1]!.iou)
      return { reason: `${where}原文「${anchor.quote}」在同一位置有多个数字，无法确定` };
    return { found: scored[0]!.f };
  }
  if (same.length > 1) return { reason: `${where}有 ${same.length} 个原文为「${anchor.quote}」的数字，无法确定` };
  return { found: same[0]! };
}

/**
 * A fact the machine has now read inside a box a reviewer drew to add one: most of its box inside the
 * drawn one and the same value. Then the reviewer's figure corrects it instead of standing twice.
 */
export function readInside(facts: readonly Fact[], page: number, box: BBox, value: number | string): Fact | null {
  const inside = facts.filter(
    (f) => f.page === page && f.bbox && covered(f.bbox, box) >= 0.6 && String(f.value) === String(value),
  );
  return inside.length === 1 ? inside[0]! : null;
}

/** The findings a decision is about: by its anchor (rule, page, message), or by id for a line written without one. */
export function matchFindings(d: FindingDecision, findings: readonly Finding[]): Match<Finding[]> {
  const a = d.anchor;
  if (!a) {
    const f = findings.find((x) => x.id === d.finding);
    return f ? { found: [f] } : { reason: `没有编号为 ${d.finding} 的发现` };
  }
  // Two findings alike in rule, page and message cannot be told apart: a decision on one is on both.
  const same = findings.filter((f) => f.rule === a.rule && f.page === a.page && f.message === a.message);
  if (same.length > 0) return { found: same };
  return { reason: `${a.page !== null ? `第 ${a.page} 页` : ''}不再有此发现（${a.rule}：${a.message}）` };
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

function area(b: BBox): number {
  return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
}

function intersection(a: BBox, b: BBox): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Intersection over union; 1 for the same box (a box of no area matches only itself). */
export function overlap(a: BBox, b: BBox): number {
  if (a.every((v, i) => v === b[i])) return 1;
  const i = intersection(a, b);
  const u = area(a) + area(b) - i;
  return u > 0 ? i / u : 0;
}

/** How much of `a` lies inside `b`. */
function covered(a: BBox, b: BBox): number {
  const aa = area(a);
  return aa > 0 ? intersection(a, b) / aa : 0;
}
