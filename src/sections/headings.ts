// Which paragraphs are headings. Families like 一、 and （一） head sections
// wherever they start a paragraph; numbered families (1、 （1） ①) are often
// plain lists — the 19 duties of a bureau, its problems, its measures — and
// count as headings only when the run of siblings behaves like headings.
import type { Para } from '../layout/types.ts';
import { matchMarker, type MarkerMatch } from '../text/markers.ts';
import type { MarkerFamily } from '../vocab/markers.ts';

export interface HeadingCandidate {
  index: number;
  match: MarkerMatch;
  /** the heading's title, without marker and closing punctuation */
  title: string;
  /** where the body of a run-in heading starts in the paragraph text, or null */
  bodyStart: number | null;
  /** the title is too long for a heading (a numbered statement in a list) */
  long: boolean;
}

/** A heading's title ends at its first 。 (or ：/？/！). */
const TITLE_END = /[。：:？?！!]/;
const MAX_TITLE = 40;
const MAX_LONG_TITLE = 60;
/** A report's own title: …绩效评价报告, …自评报告, …情况的报告 (a table's title, …自评表, is not one). */
const REPORT_TITLE = /报告(?:[（(][^）)]{1,8}[）)])?$/;
const FURNITURE = new Set(['header', 'footer', 'page-number']);

export function findHeadings(paras: Para[], bodySize: number): HeadingCandidate[] {
  const candidates: (HeadingCandidate | null)[] = paras.map((p, index) => candidate(p, index));
  const accepted = new Set<number>();
  // Strong families head a section wherever they start a paragraph — unless
  // their items are statements: a run of （一）（二）（三） problems or measures
  // one of which is a whole sentence too long for a title is a numbered list.
  for (const run of strongRuns(candidates)) {
    if (run.some(isStatement)) continue;
    for (const c of run) accepted.add(c.index);
  }
  const runs = listRuns(candidates, paras);
  const headingRuns = runs.map((run) => runIsHeadings(run, paras, candidates, bodySize));
  // A report keeps one style: once a family's items are shown to be run-in
  // headings (several short titles, each run in to its body), a lone item of
  // that family written the same way is one too — the single indicator under
  // 效益指标 as much as the five under 产出指标.
  const runInFamilies = new Set(
    runs
      .filter((run, i) => headingRuns[i] && run.length >= 2 && runInTitles(run))
      .map((run) => run[0]!.match.family.id),
  );
  runs.forEach((run, i) => {
    if (headingRuns[i] || (runInFamilies.has(run[0]!.match.family.id) && runInTitles(run)))
      for (const c of run) accepted.add(c.index);
  });
  // A long title of a strong family that stands alone and reads as no sentence is still a title.
  const titled = (c: HeadingCandidate) =>
    !c.long ||
    (!c.match.family.listProne && !isStatement(c) && c.bodyStart === null && c.title.length <= MAX_LONG_TITLE);
  const headings = candidates.filter((c): c is HeadingCandidate => c !== null && titled(c) && accepted.has(c.index));
  return [...headings, ...reportTitles(paras, bodySize, headings)].sort((a, b) => a.index - b.index);
}

/** The unnumbered title of a report attached inside the document. */
export const REPORT_TITLE_FAMILY: MarkerFamily = {
  id: 'report-title',
  pattern: /(?!)/,
  numerals: 'none',
  listProne: false,
  rank: 0.5,
};

/**
 * Reports attached inside a document (a 决算's 第五部分 附件 carrying two
 * 绩效评价报告, each numbered 一、二、… from the start): the title of each, set
 * apart in a larger size and naming a report, heads a section of its own when
 * the numbering starts again under it — so that the second report's 一、 is
 * its own first heading, not a heading that runs backwards.
 */
function reportTitles(paras: Para[], bodySize: number, headings: HeadingCandidate[]): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  let h = 0;
  const seen = new Set<string>();
  for (let i = 0; i < paras.length; i++) {
    while (h < headings.length && headings[h]!.index < i) seen.add(headings[h++]!.match.family.id);
    const p = paras[i]!;
    if (seen.size === 0 || p.role !== 'body' || p.size < 1.3 * bodySize) continue;
    const text = p.text.replace(/\s+/g, '');
    if (text.length > MAX_LONG_TITLE || !REPORT_TITLE.test(text) || matchMarker(text) !== null) continue;
    // The next heading starts a family of the document's again at 1, with no other such title between.
    const next = headings[h];
    if (!next || next.match.ordinal !== 1 || !seen.has(next.match.family.id)) continue;
    if (paras.slice(i + 1, next.index).some((q) => q.role === 'body' && q.size >= 1.3 * bodySize)) continue;
    out.push({
      index: i,
      match: { family: REPORT_TITLE_FAMILY, marker: '', ordinal: out.length + 1, rest: text, restStart: 0 },
      title: text,
      bodyStart: null,
      long: false,
    });
  }
  return out;
}

/**
 * A whole sentence where a title would be: too long, and in clauses
 * ("部分绩效指标设置偏重产出数量，质量和效益指标细化量化不足，…"). A long title
 * without clauses is still a title (some offices write them at length).
 */
function isStatement(c: HeadingCandidate): boolean {
  return c.long && /[，；,;]/.test(c.title);
}

/** Every member is a short title run in to its body: "2、持续深化商事登记制度改革。坚持……". */
function runInTitles(run: HeadingCandidate[]): boolean {
  // Titles that state a figure ("任务完成率 100%。") are list items that report results.
  return run.every((c) => c.bodyStart !== null && !c.long && c.title.length <= 30 && !/[0-9０-９%％]/.test(c.title));
}

function candidate(p: Para, index: number): HeadingCandidate | null {
  if (p.role !== 'body') return null;
  const match = matchMarker(p.text);
  if (!match || match.rest.length === 0) return null;
  const end = TITLE_END.exec(match.rest);
  const titleText = tidyTitle((end ? match.rest.slice(0, end.index) : match.rest).trim());
  if (titleText.length === 0) return null;
  // A title too long for a heading is no heading, but the item still belongs
  // to its list (and tells that the list is one of statements).
  const long = titleText.length > MAX_TITLE;
  let bodyStart: number | null = null;
  if (end) {
    const after = match.restStart + end.index + 1;
    const rest = p.text.slice(after);
    const lead = rest.length - rest.trimStart().length;
    if (rest.trim().length > 0) bodyStart = after + lead;
  }
  return { index, match, title: titleText, bodyStart, long };
}

/** Justified text spaces out its characters ("项 目 总 成 本"): a title keeps none between two Chinese characters. */
function tidyTitle(title: string): string {
  return title.replace(
    /(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”])\s+(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”])/g,
    '',
  );
}

/** Runs being gathered, one open run per family; closing one keeps it if it has members. */
function runsByFamily() {
  const runs: HeadingCandidate[][] = [];
  const open = new Map<string, HeadingCandidate[]>();
  const close = (family: string) => {
    const run = open.get(family);
    if (run && run.length > 0) runs.push(run);
    open.delete(family);
  };
  return { runs, open, close };
}

/**
 * Runs of siblings of the strong families (一、 （一） 第一部分): consecutive
 * items of one family, closed by an item of a senior family or a restart.
 */
function strongRuns(candidates: (HeadingCandidate | null)[]): HeadingCandidate[][] {
  const { runs, open, close } = runsByFamily();
  for (const c of candidates) {
    if (!c || c.match.family.listProne) continue;
    const family = c.match.family;
    for (const [id, run] of [...open]) if (id !== family.id && run[0]!.match.family.rank > family.rank) close(id);
    const run = open.get(family.id);
    if (run && c.match.ordinal <= run[run.length - 1]!.match.ordinal) close(family.id);
    open.set(family.id, [...(open.get(family.id) ?? []), c]);
  }
  for (const f of [...open.keys()]) close(f);
  return runs;
}

/**
 * Runs of numbered items of one family: consecutive in the text, interrupted
 * only by unnumbered paragraphs; a strong heading or a restart at 1 ends a run.
 */
function listRuns(candidates: (HeadingCandidate | null)[], paras: Para[]): HeadingCandidate[][] {
  const { runs, open, close } = runsByFamily();
  for (let i = 0; i < paras.length; i++) {
    const c = candidates[i];
    if (!c) continue;
    const family = c.match.family;
    if (!family.listProne) {
      for (const f of [...open.keys()]) close(f);
      continue;
    }
    const run = open.get(family.id);
    if (run && c.match.ordinal <= run[run.length - 1]!.match.ordinal) close(family.id);
    // A family nested inside this one closes when this family's next item comes.
    const nested = [...open.keys()].filter(
      (f) => f !== family.id && (open.get(f)?.[0]?.index ?? 0) > (open.get(family.id)?.[0]?.index ?? Infinity),
    );
    for (const f of nested) close(f);
    open.set(family.id, [...(open.get(family.id) ?? []), c]);
  }
  for (const f of [...open.keys()]) close(f);
  return runs.sort((a, b) => a[0]!.index - b[0]!.index);
}

function runIsHeadings(
  run: HeadingCandidate[],
  paras: Para[],
  candidates: (HeadingCandidate | null)[],
  bodySize: number,
): boolean {
  if (run.some((c) => c.long)) return false;
  // Set apart by size: headings.
  if (run.every((c) => paras[c.index]!.size >= 1.1 * bodySize)) return true;
  // A member that stands alone as a short line and has its own paragraphs
  // after it — unnumbered ones, or the items of a family nested under it
  // (1、产出指标 over （1）…（5）) — is a heading, and so are its siblings. The
  // last member does not count alone: a list is often followed by a closing remark.
  const ownBody = (k: number) => {
    const c = run[k]!;
    if (c.bodyStart !== null || readsAsStatement(paras[c.index]!)) return false;
    // What follows it, over a page break: running headers, footers and page numbers are not text.
    let at = c.index + 1;
    while (at < paras.length && FURNITURE.has(paras[at]!.role)) at++;
    const nextPara = paras[at];
    if (nextPara === undefined || nextPara.role !== 'body') return false;
    const next = candidates[at];
    return (
      next === null ||
      next === undefined ||
      (next.match.family.listProne && next.match.family.rank > c.match.family.rank)
    );
  };
  for (let k = 0; k < run.length; k++) {
    if (ownBody(k) && (k < run.length - 1 || run.length === 1)) return true;
  }
  return run.length >= 2 && runInTitles(run);
}

/** A numbered paragraph too long to be a heading line reads as a statement (a duty, a measure). */
function readsAsStatement(p: Para): boolean {
  return p.text.length > MAX_TITLE + 4;
}
