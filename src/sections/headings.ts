// Which paragraphs are headings. Families like 一、 and （一） head sections
// wherever they start a paragraph; numbered families (1、 （1） ①) are often
// plain lists — the 19 duties of a bureau, its problems, its measures — and
// count as headings only when the run of siblings behaves like headings.
import type { Para } from '../layout/types.ts';
import { matchMarker, type MarkerMatch } from '../vocab/markers.ts';

export interface HeadingCandidate {
  index: number;
  match: MarkerMatch;
  /** the heading's title, without marker and closing punctuation */
  title: string;
  /** where the body of a run-in heading starts in the paragraph text, or null */
  bodyStart: number | null;
}

/** A heading's title ends at its first 。 (or ：/？/！). */
const TITLE_END = /[。：:？?！!]/;
const MAX_TITLE = 40;

export function findHeadings(paras: Para[], bodySize: number): HeadingCandidate[] {
  const candidates: (HeadingCandidate | null)[] = paras.map((p, index) => candidate(p, index));
  const accepted = new Set<number>();
  // Strong families head a section wherever they start a paragraph.
  for (const c of candidates) if (c && !c.match.family.listProne) accepted.add(c.index);
  for (const run of listRuns(candidates, paras)) {
    if (runIsHeadings(run, paras, candidates, bodySize)) for (const c of run) accepted.add(c.index);
  }
  return candidates.filter((c): c is HeadingCandidate => c !== null && accepted.has(c.index));
}

function candidate(p: Para, index: number): HeadingCandidate | null {
  if (p.role !== 'body') return null;
  const match = matchMarker(p.text);
  if (!match || match.rest.length === 0) return null;
  const end = TITLE_END.exec(match.rest);
  const titleText = (end ? match.rest.slice(0, end.index) : match.rest).trim();
  if (titleText.length === 0 || titleText.length > MAX_TITLE) return null;
  let bodyStart: number | null = null;
  if (end) {
    const after = match.restStart + end.index + 1;
    const rest = p.text.slice(after);
    const lead = rest.length - rest.trimStart().length;
    if (rest.trim().length > 0) bodyStart = after + lead;
  }
  return { index, match, title: titleText, bodyStart };
}

/**
 * Runs of numbered items of one family: consecutive in the text, interrupted
 * only by unnumbered paragraphs; a strong heading or a restart at 1 ends a run.
 */
function listRuns(candidates: (HeadingCandidate | null)[], paras: Para[]): HeadingCandidate[][] {
  const runs: HeadingCandidate[][] = [];
  const open = new Map<string, HeadingCandidate[]>();
  const close = (family: string) => {
    const run = open.get(family);
    if (run && run.length > 0) runs.push(run);
    open.delete(family);
  };
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
    const nested = [...open.keys()].filter((f) => f !== family.id && (open.get(f)?.[0]?.index ?? 0) > (open.get(family.id)?.[0]?.index ?? Infinity));
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
  // Set apart by size: headings.
  if (run.every((c) => paras[c.index]!.size >= 1.1 * bodySize)) return true;
  // A member that stands alone as a short line and has its own unnumbered
  // paragraphs after it is a heading, and so are its siblings. The last
  // member does not count alone: a list is often followed by a closing remark.
  const ownBody = (k: number) => {
    const c = run[k]!;
    if (c.bodyStart !== null) return false;
    const next = candidates[c.index + 1];
    const nextPara = paras[c.index + 1];
    return nextPara !== undefined && nextPara.role === 'body' && next === null && !readsAsStatement(paras[c.index]!);
  };
  for (let k = 0; k < run.length; k++) {
    if (ownBody(k) && (k < run.length - 1 || run.length === 1)) return true;
  }
  // Every member is a short title run in to a body: "2、持续深化商事登记制度改革。坚持……".
  // Titles that state a figure ("任务完成率 100%。") are list items that report results.
  return run.length >= 2 && run.every((c) => c.bodyStart !== null && c.title.length <= 30 && !/[0-9０-９%％]/.test(c.title));
}

/** A numbered paragraph too long to be a heading line reads as a statement (a duty, a measure). */
function readsAsStatement(p: Para): boolean {
  return p.text.length > MAX_TITLE + 4;
}
