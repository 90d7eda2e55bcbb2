// Sets a source report in a style: paragraphs → lines (composed styles break
// them here, with forced breaks inside chosen numbers) → pages. The plan is
// what both producers draw, and what the expected sections and facts are read
// from: each fact's page is the page its line was put on, never a page the
// code under test reports.
import type {
  Block,
  ExpectedFact,
  ExpectedSection,
  FactSpec,
  Family,
  HeadStyle,
  Inline,
  SourceDoc,
  Style,
} from './types.ts';

export interface Seg {
  text: string;
  bold: boolean;
  font: 'serif' | 'sans';
}

export type Align = 'full' | 'justify' | 'left' | 'center' | 'right';

/** One line (composed) or one whole paragraph (flow) as the producers draw it. */
export interface Item {
  segs: Seg[];
  align: Align;
  /** first-line indent, ems */
  indent: number;
  size: number;
  /** letter spacing, ems */
  tracking: number;
  /** a line the harness broke: drawn on one line, never wrapped again */
  line?: boolean;
  /** a paragraph the producer wraps: where its lines after the first start, ems */
  hang?: number;
  spaceBefore: number;
  spaceAfter: number;
  /** a 目录 entry: its label, set left, the page number set right after a dotted leader */
  toc?: { label: string; page: number; indent: number };
  /** estimated height on the page, points */
  height: number;
}

export interface PlanPage {
  /** the cover: no running header or page number */
  cover: boolean;
  landscape: boolean;
  items: Item[];
}

export interface Plan {
  pages: PlanPage[];
  sections: ExpectedSection[];
  facts: ExpectedFact[];
}

export const PAGE = { width: 595.3, height: 841.9 };

export function pageSize(landscape: boolean): { width: number; height: number } {
  return landscape ? { width: PAGE.height, height: PAGE.width } : PAGE;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The marker as the style writes it (and as the reader must give it back, spaces aside). */
export function markerOf(family: Family, ordinal: number, style: Style): string {
  return written(markerText(family, ordinal, style), style);
}

function markerText(family: Family, ordinal: number, style: Style): string {
  const cn = CN[ordinal]!;
  switch (family) {
    case 'part':
      return `第${cn}部分`;
    case 'cn-dun':
      return `${cn}、`;
    case 'cn-paren':
      return style.markers.cnParen === 'full' ? `（${cn}）` : `(${cn})`;
    case 'num-dun':
      return `${ordinal}${style.markers.numDun}`;
    case 'num-paren':
      if (style.markers.numParen === 'circled') return String.fromCharCode(0x245f + ordinal);
      return style.markers.numParen === 'full' ? `（${ordinal}）` : `(${ordinal})`;
  }
}

/** Text as the style writes its figures: full-width digits, points and per cent signs, no thousands commas. */
export function written(text: string, style: Style): string {
  if (!style.fullWidthDigits) return text;
  return text
    .replace(/(?<=[0-9]),(?=[0-9]{3})/g, '')
    .replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** A numbered paragraph's hanging indent, where the style has them: its lines after the first start where its words do. */
function hangOf(marker: string, style: Style): { hang?: number } {
  if (!style.hanging) return {};
  return { hang: style.indent + Math.ceil(widthOf(marker + gapOf(style))) };
}

/** What stands between a marker and its words. */
const gapOf = (style: Style) => ({ none: '', space: ' ', tab: '\t' })[style.markers.gap];

const RANK: Record<Family, number> = { part: 0, 'cn-dun': 1, 'cn-paren': 2, 'num-dun': 3, 'num-paren': 4 };

// ------------------------------------------------------------------ widths

const NO_START = new Set([...'，。、；：？！）》」』”’%.,:;)']);
const NO_END = new Set([...'（《「『“‘(']);

/** A generous estimate of a character's advance, in ems: composed lines must never overflow. */
function advance(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.6;
  if (ch === '.' || ch === ',') return 0.32;
  if (ch === '%') return 0.95;
  if (ch === ':' || ch === ';') return 0.35;
  if (ch === '(' || ch === ')') return 0.42;
  if (ch === ' ') return 0.35;
  if (ch === '\t') return 2.3;
  if (/[A-Za-z]/.test(ch)) return 0.68;
  return 1;
}

const latin = (ch: string) => /[0-9A-Za-z.,%]/.test(ch);

/** Width of text in ems, with room for the space LibreOffice puts between CJK and Latin runs. */
export function widthOf(text: string, tracking = 0): number {
  let w = 0;
  let prev = '';
  for (const ch of text) {
    w += advance(ch) + tracking;
    if (prev !== '' && latin(prev) !== latin(ch)) w += 0.25;
    prev = ch;
  }
  return w;
}

// ------------------------------------------------------------------ paragraphs

interface Unit {
  segs: Seg[];
  text: string;
  align: 'justify' | 'left' | 'center' | 'right';
  indent: number;
  size: number;
  /** letter spacing, ems */
  tracking: number;
  /** where lines after the first start, ems (a hanging indent: Word's numbered paragraphs) */
  hang?: number;
  spaceBefore: number;
  spaceAfter: number;
  facts: { spec: FactSpec; start: number }[];
  heading?: { family: Family; ordinal: number; title: string; marker: string; optional?: boolean };
  breakBefore: boolean;
  /** keep with the next unit on one page */
  keep: boolean;
  /** numbers [from, to) to break over a line end; page: over the page end too */
  breaks: { from: number; to: number; page: boolean }[];
}

function inlineUnit(
  parts: Inline[],
  bold: boolean,
  font: Seg['font'],
  style: Style,
): Pick<Unit, 'segs' | 'text' | 'facts'> {
  let text = '';
  const facts: Unit['facts'] = [];
  for (const part of parts) {
    if (typeof part === 'string') text += written(part, style);
    else {
      const spec = { ...part, text: written(part.text, style) };
      facts.push({ spec, start: text.length });
      text += spec.text;
    }
  }
  return { segs: [{ text, bold, font }], text, facts };
}

function breaksOf(facts: Unit['facts'], style: Style): Unit['breaks'] {
  if (style.wrap !== 'composed') return [];
  const out: Unit['breaks'] = [];
  for (const { spec, start } of facts) {
    const to = start + spec.text.length;
    if (spec.lineBreak || spec.pageBreak) out.push({ from: start, to, page: spec.pageBreak === true });
  }
  return out;
}

function bodyUnit(parts: Inline[], style: Style, extra: Partial<Unit> = {}): Unit {
  // An indent typed as ideographic spaces is text of the paragraph's first line.
  const typed = style.indentTyped ? '　'.repeat(style.indent) : '';
  const u = inlineUnit(typed ? [typed, ...parts] : parts, false, style.font, style);
  return {
    ...u,
    align: 'justify',
    indent: typed ? 0 : style.indent,
    size: style.size,
    tracking: style.tracking,
    spaceBefore: 0,
    spaceAfter: style.paraSpace,
    breakBefore: false,
    keep: false,
    breaks: breaksOf(u.facts, style),
    ...extra,
  };
}

function headingUnits(b: Block & { t: 'heading' }, style: Style): Unit[] {
  const hs: HeadStyle = style.heads[b.family];
  const marker = markerOf(b.family, b.ordinal, style);
  const heading = { family: b.family, ordinal: b.ordinal, title: b.title, marker };
  const breakBefore = style.breakBefore.includes(b.family);
  if (b.body) {
    // Run in: the heading's words in its weight, then the body, set as a body paragraph.
    const body = bodyUnit(b.body, style, { heading, breakBefore });
    const head = `${marker}${gapOf(style)}${b.title}${b.end}`;
    const shift = head.length;
    return [
      {
        ...body,
        ...hangOf(marker, style),
        segs: [{ text: head, bold: hs.bold, font: hs.font }, ...body.segs],
        text: head + body.text,
        facts: body.facts.map((f) => ({ ...f, start: f.start + shift })),
        breaks: body.breaks.map((x) => ({ ...x, from: x.from + shift, to: x.to + shift })),
      },
    ];
  }
  const indent = hs.align === 'left' ? style.indent : 0;
  const base = {
    align: hs.align === 'center' ? ('center' as const) : ('left' as const),
    indent,
    size: hs.size,
    tracking: hs.tracking ?? 0,
    spaceBefore: hs.size > style.size ? 0.5 * hs.size : 0,
    spaceAfter: Math.max(style.paraSpace, hs.size > style.size ? 0.3 * hs.size : 0),
    facts: [],
    breaks: [],
    keep: true,
  };
  const seg = (text: string): Seg[] => [{ text, bold: hs.bold, font: hs.font }];
  const hang = hs.align === 'left' ? hangOf(marker, style) : {};
  if (b.family === 'part' && style.markers.partSep === 'break') {
    return [
      { ...base, segs: seg(marker), text: marker, heading, breakBefore, spaceAfter: 0 },
      { ...base, segs: seg(b.title), text: b.title, breakBefore: false, spaceBefore: 0 },
    ];
  }
  const sep = b.family === 'part' ? style.markers.partSep : gapOf(style);
  const colon = style.markers.colon && (b.family === 'cn-paren' || b.family === 'num-dun') ? '：' : '';
  const text = `${marker}${sep}${b.title}${colon}`;
  return [{ ...base, ...hang, segs: seg(text), text, heading, breakBefore }];
}

function blockUnits(b: Block, style: Style): Unit[] {
  switch (b.t) {
    case 'heading':
      return headingUnits(b, style);
    case 'para':
      return [bodyUnit(b.text, style)];
    case 'item': {
      const marker = markerOf(b.family, b.ordinal, style);
      const lead = marker + gapOf(style);
      const u = bodyUnit(b.text, style);
      const sentence = u.text.split('。')[0]!;
      return [
        {
          ...u,
          ...(b.optional
            ? { heading: { family: b.family, ordinal: b.ordinal, title: sentence, marker, optional: true } }
            : {}),
          segs: [{ text: lead + u.text, bold: false, font: style.font }],
          text: lead + u.text,
          facts: u.facts.map((f) => ({ ...f, start: f.start + lead.length })),
          breaks: u.breaks.map((x) => ({ ...x, from: x.from + lead.length, to: x.to + lead.length })),
        },
      ];
    }
    case 'title': {
      const hs = style.heads.title;
      const u = inlineUnit(b.text, hs.bold, hs.font, style);
      return [
        {
          ...u,
          align: 'center',
          indent: 0,
          size: hs.size,
          tracking: hs.tracking ?? 0,
          spaceBefore: 0,
          spaceAfter: 0.8 * hs.size,
          breakBefore: false,
          keep: true,
          breaks: [],
        },
      ];
    }
    case 'sign':
      return b.lines.map((line, i) => ({
        ...inlineUnit(line, false, style.font, style),
        align: 'right' as const,
        indent: 0,
        size: style.size,
        tracking: 0,
        spaceBefore: i === 0 ? 2 * style.size : 0,
        spaceAfter: 0,
        breakBefore: false,
        keep: i === 0,
        breaks: [],
      }));
    case 'cover':
    case 'toc':
      throw new Error('cover and 目录 are pages of their own');
  }
}

// ------------------------------------------------------------------ lines

interface LaidLine {
  unit: Unit;
  from: number;
  to: number;
  item: Item;
  /** the page must end after this line */
  pageEnd: boolean;
}

function segsOf(unit: Unit, from: number, to: number): Seg[] {
  const out: Seg[] = [];
  let at = 0;
  for (const s of unit.segs) {
    const a = Math.max(from, at);
    const b = Math.min(to, at + s.text.length);
    if (b > a) out.push({ ...s, text: s.text.slice(a - at, b - at) });
    at += s.text.length;
  }
  return out;
}

/**
 * Line ends of text[from, to) filled up to `cap` ems each (the first line
 * `indent` ems less), kinsoku kept; a line that holds the start of a number
 * to be cut ends at its cut (`cuts`: cut → where the number starts).
 */
function fill(
  text: string,
  from: number,
  to: number,
  cap: number,
  indent: number,
  tracking: number,
  cuts: ReadonlyMap<number, number> = new Map(),
  hang = 0,
): number[] {
  const ends: number[] = [];
  let start = from;
  let room = cap - indent;
  const cutHere = (end: number) => end > start && (cuts.get(end) ?? -1) >= start;
  while (start < to) {
    let end = start;
    while (end < to && widthOf(text.slice(start, end + 1), tracking) <= room && !cutHere(end)) end++;
    if (end < to && !cutHere(end)) {
      // No line starts with a closing mark, none ends with an opening one.
      while (end > start + 1 && (NO_START.has(text[end]!) || NO_END.has(text[end - 1]!))) end--;
    }
    if (end === start) end = start + 1;
    ends.push(end);
    start = end;
    room = cap - hang;
  }
  return ends;
}

type Break = Unit['breaks'][number];

/** How many characters past a number the line holding its start runs (0: the line ends inside it). */
function overshoot(ends: number[], brk: Break): number {
  const end = ends.find((e) => e > brk.from)!;
  return end < brk.to ? 0 : end - brk.to + 1;
}

/** A place inside the number to end its line: its middle, or the nearest after which a line may end. */
function cutInside(text: string, brk: Break): number {
  const mid = brk.from + Math.ceil((brk.to - brk.from) / 2);
  for (let d = 0; d < brk.to - brk.from; d++) {
    for (const at of [mid + d, mid - d]) if (at > brk.from && at < brk.to && !NO_START.has(text[at]!)) return at;
  }
  return mid;
}

/**
 * Composed lines of a body unit, as full as they go. Where a number is to be
 * broken over a line end, the lines are filled a little looser or tighter (as
 * justified text spaces its characters) until a line ends inside it; failing
 * that, the line is ended inside it where the fewest characters move down.
 */
function composeLines(unit: Unit, style: Style, measure: number): { from: number; to: number; pageEnd: boolean }[] {
  const cap = 0.975 * measure;
  const lay = (extra: number, cuts?: Map<number, number>) =>
    fill(unit.text, 0, unit.text.length, cap, unit.indent, unit.tracking + extra, cuts, unit.hang);
  let best: { extra: number; cost: number } | null = null;
  // The least change first: 0, +0.004, −0.004, … (the widths are generous, so a little tighter still fits).
  for (let k = 0; k <= 50 && unit.breaks.length > 0; k++) {
    const extra = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 0.004;
    if (extra < -0.03) continue;
    const ends = lay(extra);
    const cost = unit.breaks.reduce((n, brk) => n + overshoot(ends, brk), 0);
    if (!best || cost < best.cost) best = { extra, cost };
    if (cost === 0) break;
  }
  let ends = lay(best?.extra ?? 0);
  if (best && best.cost > 0) {
    const unmet = unit.breaks.filter((brk) => overshoot(ends, brk) > 0);
    const cuts = new Map(unmet.map((brk) => [cutInside(unit.text, brk), brk.from]));
    ends = lay(best.extra, cuts);
  }
  const out: { from: number; to: number; pageEnd: boolean }[] = [];
  let start = 0;
  for (const end of ends) {
    const pageEnd = unit.breaks.some((b) => b.page && end > b.from && end < b.to);
    out.push({ from: start, to: end, pageEnd });
    start = end;
  }
  return out;
}

function layUnit(unit: Unit, style: Style, measureOf: (size: number) => number): LaidLine[] {
  const lineH = unit.size * style.leading;
  const measure = measureOf(unit.size);
  if (style.wrap === 'flow') {
    const lines = Math.ceil((widthOf(unit.text, unit.tracking) + unit.indent) / (0.9 * measure - (unit.hang ?? 0)));
    const item: Item = {
      segs: unit.segs,
      align: unit.align,
      indent: unit.indent,
      ...(unit.hang ? { hang: unit.hang } : {}),
      size: unit.size,
      tracking: unit.tracking,
      spaceBefore: unit.spaceBefore,
      spaceAfter: unit.spaceAfter,
      height: unit.spaceBefore + lines * lineH + unit.spaceAfter,
    };
    return [{ unit, from: 0, to: unit.text.length, item, pageEnd: false }];
  }
  const spans =
    unit.align === 'justify' || unit.align === 'left'
      ? composeLines(unit, style, measure)
      : fill(unit.text, 0, unit.text.length, 0.975 * measure, 0, unit.tracking).map((to, i, a) => ({
          from: i === 0 ? 0 : a[i - 1]!,
          to,
          pageEnd: false,
        }));
  return spans.map((s, i) => {
    const first = i === 0;
    const last = i === spans.length - 1;
    const align: Align = unit.align === 'justify' || unit.align === 'left' ? (last ? 'left' : 'full') : unit.align;
    const item: Item = {
      segs: segsOf(unit, s.from, s.to),
      align,
      indent: first ? unit.indent : (unit.hang ?? 0),
      size: unit.size,
      tracking: unit.tracking,
      line: true,
      spaceBefore: first ? unit.spaceBefore : 0,
      spaceAfter: last ? unit.spaceAfter : 0,
      height: (first ? unit.spaceBefore : 0) + lineH + (last ? unit.spaceAfter : 0),
    };
    return { unit, from: s.from, to: s.to, item, pageEnd: s.pageEnd };
  });
}

// ------------------------------------------------------------------ pages

function measureFor(style: Style, landscape: boolean): (size: number) => number {
  const { width } = pageSize(landscape);
  return (size) => (width - style.margins[1] - style.margins[3]) / size;
}

function capacity(style: Style, landscape: boolean): number {
  const { height } = pageSize(landscape);
  const body = height - style.margins[0] - style.margins[2];
  return body * (style.wrap === 'composed' ? 0.94 : 0.86);
}

/** Pages of lines: forced breaks, headings kept with what follows, full pages. */
function paginate(lines: LaidLine[], style: Style, landscape: boolean): LaidLine[][] {
  const cap = capacity(style, landscape);
  const pages: LaidLine[][] = [[]];
  let used = 0;
  const newPage = () => {
    if (pages[pages.length - 1]!.length > 0) pages.push([]);
    used = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const startsUnit = line.from === 0;
    if (startsUnit && line.unit.breakBefore) newPage();
    let need = line.item.height;
    if (startsUnit && line.unit.keep && !style.orphanHeadings) {
      // A heading with the two lines after it (or the next unit's first two).
      for (let j = i + 1; j < lines.length && j <= i + 3; j++) need += lines[j]!.item.height;
    }
    if (used + need > cap && used > 0) newPage();
    pages[pages.length - 1]!.push(line);
    used += line.item.height;
    if (line.pageEnd) newPage();
  }
  return pages.filter((p) => p.length > 0);
}

// ------------------------------------------------------------------ the plan

export function planDocument(doc: SourceDoc, style: Style): Plan {
  const pages: PlanPage[] = [];
  const bodyBlocks = doc.blocks.filter((b) => b.t !== 'cover' && b.t !== 'toc');
  const cover = doc.blocks.find((b): b is Block & { t: 'cover' } => b.t === 'cover');
  const toc = doc.blocks.find((b): b is Block & { t: 'toc' } => b.t === 'toc');
  const coverUnits = cover ? coverPage(cover, style) : [];
  const laid: LaidLine[] = [];
  const bodyPages: { landscape: boolean; lines: LaidLine[] }[] = [];
  for (const run of orientationRuns(bodyBlocks, style)) {
    const measure = measureFor(style, run.landscape);
    const lines = run.blocks.flatMap((b) => blockUnits(b, style)).flatMap((u) => layUnit(u, style, measure));
    laid.push(...lines);
    for (const page of paginate(lines, style, run.landscape)) bodyPages.push({ landscape: run.landscape, lines: page });
  }
  const first = (cover ? 1 : 0) + (toc ? 1 : 0) + 1;

  const lineAt = new Map<Unit, { from: number; to: number; page: number }[]>();
  bodyPages.forEach((page, i) => {
    for (const l of page.lines) {
      const list = lineAt.get(l.unit) ?? [];
      list.push({ from: l.from, to: l.to, page: first + i });
      lineAt.set(l.unit, list);
    }
  });
  const pageOf = (u: Unit, at: number) => lineAt.get(u)!.find((l) => at >= l.from && at < l.to)!.page;
  const lineIndexOf = (u: Unit, at: number) => lineAt.get(u)!.findIndex((l) => at >= l.from && at < l.to);

  const sections: ExpectedSection[] = [];
  const facts: ExpectedFact[] = [];
  const stack: Family[] = [];
  const units = [...new Set(laid.map((l) => l.unit))];
  for (const u of units) {
    if (u.heading) {
      while (stack.length > 0 && RANK[stack[stack.length - 1]!] >= RANK[u.heading.family]) stack.pop();
      sections.push({
        level: stack.length + 1,
        marker: u.heading.marker,
        ordinal: u.heading.ordinal,
        title: u.heading.title,
        page: pageOf(u, 0),
        ...(u.heading.optional ? { optional: true } : {}),
      });
      if (!u.heading.optional) stack.push(u.heading.family);
    }
    for (const f of u.facts) facts.push(expectedFact(f.spec, f.start, u, pageOf, lineIndexOf));
  }

  if (cover) {
    pages.push({ cover: true, landscape: style.landscape, items: coverUnits.map((c) => c.item) });
    for (const c of coverUnits)
      for (const f of c.facts)
        facts.unshift(
          expectedFact(
            f,
            0,
            null,
            () => 1,
            () => 0,
          ),
        );
  }
  if (toc) pages.push({ cover: false, landscape: style.landscape, items: tocItems(toc, units, pageOf, style) });
  for (const page of bodyPages)
    pages.push({ cover: false, landscape: page.landscape, items: page.lines.map((l) => l.item) });
  return { pages, sections, facts: facts.sort((a, b) => a.page - b.page) };
}

/**
 * The body's blocks in runs of one orientation: all of them in the style's, or
 * the style's landscape section on landscape pages between portrait ones.
 */
function orientationRuns(blocks: Block[], style: Style): { landscape: boolean; blocks: Block[] }[] {
  const n = style.landscapeSection;
  if (n === undefined) return [{ landscape: style.landscape, blocks }];
  const top: Family = blocks.some((b) => b.t === 'heading' && b.family === 'part') ? 'part' : 'cn-dun';
  const runs: { landscape: boolean; blocks: Block[] }[] = [];
  let landscape = false;
  for (const b of blocks) {
    if (b.t === 'heading' && b.family === top) landscape = b.ordinal === n;
    const run = runs[runs.length - 1];
    if (run && run.landscape === landscape) run.blocks.push(b);
    else runs.push({ landscape, blocks: [b] });
  }
  return runs;
}

function expectedFact(
  spec: FactSpec,
  start: number,
  u: Unit | null,
  pageOf: (u: Unit, at: number) => number,
  lineIndexOf: (u: Unit, at: number) => number,
): ExpectedFact {
  const page = u ? pageOf(u, start) : 1;
  const lastPage = u ? pageOf(u, start + spec.text.length - 1) : 1;
  const out: ExpectedFact = {
    text: spec.text,
    kind: spec.kind,
    value: spec.value,
    unit: spec.unit,
    approximate: spec.approximate ?? false,
    page,
  };
  if (spec.comparator) out.comparator = spec.comparator;
  if (spec.label) out.label = spec.label;
  if (lastPage !== page) {
    out.pageAlt = lastPage;
    out.broken = 'page';
  } else if (u && lineIndexOf(u, start) !== lineIndexOf(u, start + spec.text.length - 1)) {
    out.broken = 'line';
  }
  return out;
}

function coverPage(cover: Block & { t: 'cover' }, style: Style): { item: Item; facts: FactSpec[] }[] {
  const sizes = [22, 26, 16];
  const { height } = pageSize(style.landscape);
  const room = height - style.margins[0] - style.margins[2];
  return cover.lines.map((line, i) => {
    const u = inlineUnit(line, i < 2, 'sans', style);
    const size = sizes[i] ?? 16;
    return {
      item: {
        segs: u.segs,
        align: 'center',
        indent: 0,
        size,
        tracking: 0,
        spaceBefore: Math.round(i === 0 ? 0.2 * room : i === 2 ? 0.3 * room : 24),
        spaceAfter: 0,
        height: size * style.leading,
      },
      facts: u.facts.map((f) => f.spec),
    };
  });
}

function tocItems(
  toc: Block & { t: 'toc' },
  units: Unit[],
  pageOf: (u: Unit, at: number) => number,
  style: Style,
): Item[] {
  const size = style.size;
  const items: Item[] = [
    {
      segs: [{ text: '目　录', bold: true, font: 'sans' }],
      align: 'center',
      indent: 0,
      size: size + 4,
      tracking: 0,
      spaceBefore: 0,
      spaceAfter: size,
      height: (size + 4) * style.leading + size,
    },
  ];
  for (const u of units) {
    if (!u.heading || !toc.families.includes(u.heading.family)) continue;
    const sep = u.heading.family === 'part' ? '　' : '';
    const label = `${u.heading.marker}${sep}${u.heading.title}`;
    const indent = u.heading.family === 'part' ? 0 : 2;
    items.push({
      segs: [{ text: label, bold: u.heading.family === 'part', font: style.font }],
      align: 'left',
      indent,
      size,
      tracking: 0,
      spaceBefore: 0,
      spaceAfter: 0,
      toc: { label, page: pageOf(u, 0), indent },
      height: size * style.leading,
    });
  }
  return items;
}
