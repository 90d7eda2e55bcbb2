// The records over the typed development corpus (every report read end to
// end, when the corpus is present): whether a target was met agrees with the
// numbers on every record where target and actual are numbers in one unit,
// and every figure of a record is the value of the fact it names for that
// field (the fact of the field's cell in the record's row: records/fields.ts),
// in the record's unit.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { fundsFacts, indicatorFacts, scorecardFacts } from '../../src/records/index.ts';
import type { Fact, Indicator, Report } from '../../src/schema/report.ts';

const CORPUS = '/work/shared/corpus';
const typed = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf') && !f.includes('-scan')) : [];

let read: Promise<[string, Report][]> | null = null;
/** Every typed report, read once for the tests of this file. */
function reports(): Promise<[string, Report][]> {
  read ??= (async () => {
    const out: [string, Report][] = [];
    for (const name of typed) {
      const bytes = new Uint8Array(readFileSync(path.join(CORPUS, name)));
      out.push([name, await extractBytes(bytes, name, { ocr: 'never' })]);
    }
    return out;
  })();
  return read;
}

const EPS = 1e-9;

/** A bound written into the actual (≥95%, 23万人次以上): it says the bound was met, not by how much. */
const WRITTEN_BOUND = /^[≥≤＞＜><＝=]|不低于|不少于|不超过|不高于|以上|以下|以内/;

/**
 * What the numbers say of a record whose target and actual are numbers in one unit: met or not by the
 * target's bound or range; for a target written without one, met only if the actual reaches it (or not
 * judged: a bare target is a minimum unless the indicator is better low). Null where the record agrees.
 */
export function disagreement(i: Indicator): string | null {
  const t = i.target!;
  const a = i.actual!;
  const [x, v] = [t.value!, a.value!];
  const bound: Record<string, boolean> = {
    '>=': v >= x - EPS,
    '>': v > x + EPS,
    '<=': v <= x + EPS,
    '<': v < x - EPS,
    '=': Math.abs(v - x) <= EPS,
  };
  const holds =
    t.upper !== null ? v >= x - EPS && v <= t.upper + EPS : t.comparator === null ? null : bound[t.comparator]!;
  if (holds === null) return i.met === null || i.met === bound['>=']! ? null : `bare target: met ${i.met}`;
  // An actual written as a bound meets a target its bound implies, else it is not judged.
  if (WRITTEN_BOUND.test(a.text.trim())) return i.met === false ? 'an actual written as a bound: met false' : null;
  return i.met === holds ? null : `met ${i.met}, the numbers say ${holds}`;
}

describe.skipIf(typed.length === 0)(`records over the typed development corpus (${typed.length} reports)`, () => {
  test(
    'met agrees with the numbers on every record where target and actual are numbers in one unit',
    { timeout: 600_000 },
    async () => {
      const wrong: string[] = [];
      let judged = 0;
      for (const [name, report] of await reports())
        for (const i of report.indicators) {
          if (i.target?.value == null || i.actual?.value == null || i.target.unit !== i.actual.unit) continue;
          judged++;
          const why = disagreement(i);
          if (why) wrong.push(`${name} ${i.id} ${i.name}: ${i.target.text} / ${i.actual.text} — ${why}`);
        }
      expect(wrong).toEqual([]);
      expect(judged).toBeGreaterThan(300);
    },
  );

  test(
    "every figure of a record is the value of the fact of its field's cell, named, in the record's unit",
    { timeout: 600_000 },
    async () => {
      const wrong: string[] = [];
      let figures = 0;
      for (const [name, report] of await reports()) {
        const byId = new Map(report.facts.map((f) => [f.id, f]));
        const check = (
          where: string,
          ids: string[],
          fields: [string, number | null | undefined, string | null | undefined, Fact | null][],
        ) => {
          if (ids.some((id) => !byId.has(id))) wrong.push(`${name} ${where}: names a fact the report does not have`);
          for (const [field, value, unit, fact] of fields) {
            if (value === null || value === undefined) continue;
            figures++;
            if (!fact || !ids.includes(fact.id))
              wrong.push(`${name} ${where}: ${field} ${value} names no fact of its cell`);
            else if (fact.value !== value || (unit !== undefined && fact.unit !== unit))
              wrong.push(
                `${name} ${where}: ${field} ${value}${unit ?? ''} but its fact ${fact.id} is ${fact.value}${fact.unit}`,
              );
          }
        };
        for (const i of report.indicators) {
          const f = indicatorFacts(report, i);
          check(`${i.id} ${i.name}`, i.factIds, [
            ['target', i.target?.value, i.target?.unit, f.target],
            ['actual', i.actual?.value, i.actual?.unit, f.actual],
            ['weight', i.weight, undefined, f.weight],
            ['score', i.score, undefined, f.score],
          ]);
        }
        for (const r of report.funds) {
          const f = fundsFacts(report, r);
          check(`${r.id} ${r.name}`, r.factIds, [
            ['planned', r.planned, r.unit, f.planned],
            ['adjusted', r.adjusted, r.unit, f.adjusted],
            ['executed', r.executed, r.unit, f.executed],
            ['rate', r.rate, undefined, f.rate],
            ['weight', r.weight, undefined, f.weight],
            ['score', r.score, undefined, f.score],
          ]);
        }
        for (const s of report.scorecards) {
          const f = scorecardFacts(report, s);
          check(`${s.table} scorecard`, s.factIds, [
            ['weight', s.weight, undefined, f.weight],
            ['score', s.score, undefined, f.score],
          ]);
        }
      }
      expect(wrong).toEqual([]);
      expect(figures).toBeGreaterThan(1000);
    },
  );
});
if (typed.length === 0) console.warn(`records corpus: ${CORPUS} not found, the corpus is not checked`);
