// What a reviewer's request becomes: one line of corrections.jsonl, its
// anchor taken from the report as the reviewer saw it (not from the browser),
// tried on the report before it is written — a line that would not apply is
// refused with the reason, so that nothing reaches the file that cannot hold.
import { z } from 'zod';
import { anchorOf } from '../corrections/anchor.ts';
import { applyCorrections } from '../corrections/apply.ts';
import { valueOf } from '../corrections/fact-value.ts';
import type { Correction } from '../schema/corrections.ts';
import { BBox, type Report } from '../schema/report.ts';

export class WriteRefused extends Error {
  override name = 'WriteRefused';
  readonly status: 400 | 404 | 422;
  constructor(status: 400 | 404 | 422, message: string) {
    super(message);
    this.status = status;
  }
}

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const Note = z.string().max(4000).default('');
const Text = (max: number) => z.string().trim().max(max);

const Bodies = {
  findings: z.object({
    document: Sha,
    finding: z.string().max(40),
    decision: z.enum(['confirmed', 'dismissed']),
    note: Note,
  }),
  facts: z.object({
    document: Sha,
    fact: z.string().max(40),
    value: Text(40).optional(),
    unit: Text(20).optional(),
    label: Text(400).optional(),
    notAFact: z.literal(true).optional(),
    note: Note,
  }),
  added: z.object({
    document: Sha,
    page: z.number().int().positive(),
    bbox: BBox,
    value: Text(40),
    unit: Text(20).min(1),
    label: Text(400).min(1),
    note: Note,
  }),
};

export interface WriteContext {
  /** the document's report with the corrections so far, or null for a document not in the folder */
  reportOf(sha256: string): Report | null;
  lines: readonly Correction[];
  by: string;
}

export function correctionFor(kind: keyof typeof Bodies, body: unknown, ctx: WriteContext): Correction {
  const parsed = Bodies[kind].safeParse(body);
  if (!parsed.success) throw new WriteRefused(400, parsed.error.issues[0]?.message ?? 'bad request');
  const b = parsed.data;
  const report = ctx.reportOf(b.document);
  if (!report) throw new WriteRefused(404, 'no such document in this folder');
  const who = { note: b.note, by: ctx.by, at: new Date().toISOString() };
  const line =
    kind === 'findings'
      ? findingLine(report, b as z.infer<typeof Bodies.findings>, who)
      : kind === 'facts'
        ? factLine(report, b as z.infer<typeof Bodies.facts>, who)
        : addedLine(report, b as z.infer<typeof Bodies.added>, who);
  // Tried first: a line that would not find its target is refused, not written.
  const tried = applyCorrections(report, [...ctx.lines, line]);
  const miss = tried.review?.unmatched.find((u) => JSON.stringify(u.correction) === JSON.stringify(line));
  if (miss) throw new WriteRefused(422, miss.reason);
  return line;
}

type Who = { note: string; by: string; at: string };

function findingLine(report: Report, b: z.infer<typeof Bodies.findings>, who: Who): Correction {
  const f = report.findings.find((x) => x.id === b.finding);
  if (!f) throw new WriteRefused(404, `no finding ${b.finding}`);
  const anchor = { rule: f.rule, page: f.page, message: f.message };
  return { document: b.document, finding: f.id, anchor, decision: b.decision, ...who };
}

function factLine(report: Report, b: z.infer<typeof Bodies.facts>, who: Who): Correction {
  const f = report.facts.find((x) => x.id === b.fact);
  if (!f) throw new WriteRefused(404, `no fact ${b.fact}`);
  const base = { document: b.document, fact: f.id, anchor: anchorOf(f) };
  if (b.notAFact) return { ...base, notAFact: true, ...who };
  const unit = b.unit || f.unit;
  const value = valueOf({ value: b.value ?? String(f.value), unit });
  if (value === null) throw new WriteRefused(422, `数值「${b.value}」不是数字`);
  return { ...base, ...written(b.value ?? String(f.value), value), unit, ...(b.label && { label: b.label }), ...who };
}

function addedLine(report: Report, b: z.infer<typeof Bodies.added>, who: Who): Correction {
  if (!report.pages.some((p) => p.number === b.page)) throw new WriteRefused(422, `报告没有第 ${b.page} 页`);
  const [x0, y0, x1, y1] = b.bbox;
  if (!(x1 > x0 && y1 > y0)) throw new WriteRefused(400, 'an empty box');
  const value = valueOf({ value: b.value, unit: b.unit });
  if (value === null) throw new WriteRefused(422, `数值「${b.value}」不是数字`);
  const anchor = { page: b.page, quote: quoteNear(report, b.page, b.bbox, b.value), bbox: b.bbox };
  return { document: b.document, fact: null, anchor, ...written(b.value, value), unit: b.unit, label: b.label, ...who };
}

/** The value as a number (an ISO date stays a string), and the decimals the reviewer typed (999.80 has two). */
function written(typed: string, value: number | string): { value: number | string; decimals?: number } {
  if (typeof value !== 'number') return { value };
  const decimals = /[.．](\d+)/.exec(typed)?.[1]?.length ?? 0;
  return { value, decimals };
}

/** The words around the value in the paragraph under the drawn box, when it is written there; '' otherwise. */
function quoteNear(report: Report, page: number, box: z.infer<typeof BBox>, value: string): string {
  const over = report.paragraphs.filter(
    (p) =>
      p.page === page && p.bbox && p.bbox[0] < box[2] && box[0] < p.bbox[2] && p.bbox[1] < box[3] && box[1] < p.bbox[3],
  );
  for (const p of over) {
    const at = p.text.indexOf(value);
    if (at >= 0) return p.text.slice(Math.max(0, at - 12), at + value.length + 6);
  }
  return '';
}
