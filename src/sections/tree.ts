// Headings → the section tree. A family's level is the order in which the
// document nests the families; the tree keeps the document's own anomalies
// (a repeated 二、, a skipped （二）) for the checks to report.
import type { Layout, Para } from '../layout/types.ts';
import type { Section } from '../schema/report.ts';
import { sliceBox } from '../util/geometry.ts';
import { findHeadings } from './headings.ts';
import type { DocPara, SectionTree } from './types.ts';

export function buildSectionTree(layout: Layout): SectionTree {
  const headings = new Map(findHeadings(layout.paragraphs, layout.bodySize).map((h) => [h.index, h]));
  const sections: Section[] = [];
  const paragraphs: DocPara[] = [];
  const stack: { family: string; rank: number; section: Section }[] = [];
  let current: Section | null = null;
  const push = (p: Para, sectionId: string | null, docRole: DocPara['docRole']) =>
    paragraphs.push({ ...p, id: `p${paragraphs.length + 1}`, sectionId, docRole });

  layout.paragraphs.forEach((para, index) => {
    const h = headings.get(index);
    if (!h) {
      push(para, para.role === 'body' ? (current?.id ?? null) : null, para.role);
      return;
    }
    const family = h.match.family.id;
    const at = stack.findIndex((s) => s.family === family);
    if (at >= 0) stack.length = at;
    else if (h.match.family.rank <= 1) {
      // 第一部分 and 一、 never sit inside （一） or 1、: close those first.
      while (stack.length > 0 && stack[stack.length - 1]!.rank > h.match.family.rank) stack.pop();
    }
    const parent = stack[stack.length - 1]?.section ?? null;
    const section: Section = {
      id: `s${sections.length + 1}`,
      parentId: parent?.id ?? null,
      level: stack.length + 1,
      marker: h.match.marker,
      family,
      ordinal: h.match.ordinal,
      title: h.title,
      page: para.page,
    };
    sections.push(section);
    stack.push({ family, rank: h.match.family.rank, section });
    current = section;
    if (h.bodyStart === null) {
      push(para, section.id, 'heading');
    } else {
      const [head, body] = splitPara(para, h.bodyStart);
      push(head, section.id, 'heading');
      push(body, section.id, 'body');
    }
  });
  return { sections, paragraphs };
}

/** Splits a run-in heading's paragraph at a character offset, spans and all. */
export function splitPara(para: Para, at: number): [Para, Para] {
  const headText = para.text.slice(0, at).trimEnd();
  const head: Para = { ...para, text: headText, spans: clip(para, 0, headText.length, 0) };
  const bodySpans = clip(para, at, para.text.length, at);
  const body: Para = {
    ...para,
    text: para.text.slice(at),
    spans: bodySpans,
    page: bodySpans[0]?.page ?? para.page,
    indented: false,
  };
  return [head, body];
}

function clip(para: Para, from: number, to: number, shift: number) {
  return para.spans
    .filter((s) => s.end > from && s.start < to)
    .map((s) => {
      const start = Math.max(s.start, from);
      const end = Math.min(s.end, to);
      // Narrow the box in proportion to the characters kept (glyphs are near-uniform in CJK).
      const bbox = sliceBox(s.bbox, start - s.start, end - s.start, s.end - s.start);
      return { start: start - shift, end: end - shift, page: s.page, bbox };
    });
}
