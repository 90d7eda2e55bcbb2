// Checks across reports, over the dataset's concept_values:
//
// cross-report-mismatch: the same organisation key, concept and year stated
//   with different values by two documents (the 2023 report's 上年决算数
//   against the 2022 report's own 决算数). An error beyond the rounding of both
//   figures; a warning where one document is a 预算 and the other a 决算 (a
//   budget is not the account).
// cross-growth-mismatch: a growth statement (<concept>.growth, 比上年增长 X%)
//   that the figures of its two years deny, wherever those figures are stated.
import type { DuckDBConnection } from '@duckdb/node-api';

export interface CrossFinding {
  rule: 'cross-report-mismatch' | 'cross-growth-mismatch';
  severity: 'error' | 'warning';
  organizationKey: string;
  concept: string;
  year: number;
  message: string;
  a: { sha256: string; path: string; page: number; value: number };
  b: { sha256: string; path: string; page: number; value: number };
}

interface Figure {
  organization: string;
  fiscalYear: number | null;
  year: number;
  concept: string;
  value: number;
  rounding: number;
  decimals: number;
  sha256: string;
  path: string;
  page: number;
  kind: 'budget' | 'final' | 'other';
}

/** The figures of one organisation, concept and year, one per document (its first statement), by sha256. */
type ByKey = Map<string, Map<string, Figure>>;

const keyOf = (organization: string, concept: string, year: number) => `${organization}\u0000${concept}\u0000${year}`;

export async function crossChecks(con: DuckDBConnection): Promise<CrossFinding[]> {
  const byKey: ByKey = new Map();
  for (const f of await readFigures(con)) {
    const key = keyOf(f.organization, f.concept, f.year);
    const docs = byKey.get(key) ?? new Map<string, Figure>();
    if (!docs.has(f.sha256)) docs.set(f.sha256, f);
    byKey.set(key, docs);
  }
  return [...reportMismatches(byKey), ...growthMismatches(byKey)];
}

async function readFigures(con: DuckDBConnection): Promise<Figure[]> {
  const reader = await con.runAndReadAll(`
    SELECT v.organization, v.fiscal_year, coalesce(v.year, v.fiscal_year) AS year, v.concept, CAST(v.value AS DOUBLE), v.rounding, v.decimals,
           v.sha256, d.path, v.page, v.report_type, v.title
    FROM concept_values v JOIN documents d USING (sha256)
    WHERE v.organization IS NOT NULL AND coalesce(v.year, v.fiscal_year) IS NOT NULL AND NOT v.approximate AND v.value IS NOT NULL
    ORDER BY v.organization, v.concept, year, v.fiscal_year, v.sha256, v.page, v.fact_id`);
  return reader.getRows().map((r) => ({
    organization: String(r[0]),
    fiscalYear: r[1] === null ? null : Number(r[1]),
    year: Number(r[2]),
    concept: String(r[3]),
    value: Number(r[4]),
    rounding: Number(r[5] ?? 0),
    decimals: Number(r[6] ?? 0),
    sha256: String(r[7]),
    path: String(r[8]),
    page: Number(r[9]),
    kind:
      r[10] === '决算'
        ? 'final'
        : // reportType 预算 (1.3); a report read before 1.3 is known by its title.
          r[10] === '预算' || (/预算/.test(String(r[11] ?? '')) && !/决算|绩效|自评/.test(String(r[11] ?? '')))
          ? 'budget'
          : 'other',
  }));
}

/** cross-report-mismatch: every pair of documents stating one figure differently beyond their rounding. */
function reportMismatches(byKey: ByKey): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const docs of byKey.values()) {
    const list = [...docs.values()];
    if (list[0]!.concept.endsWith('.growth')) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!];
        if (Math.abs(a.value - b.value) <= a.rounding + b.rounding + 1e-9) continue;
        const budgetVsFinal =
          (a.kind === 'budget' && b.kind === 'final') || (a.kind === 'final' && b.kind === 'budget');
        out.push({
          rule: 'cross-report-mismatch',
          severity: budgetVsFinal ? 'warning' : 'error',
          organizationKey: a.organization,
          concept: a.concept,
          year: a.year,
          message: `${a.organization} ${a.year} 年 ${a.concept}：${a.path} 第${a.page}页为 ${show(a.value)}，${b.path} 第${b.page}页为 ${show(b.value)}`,
          a: { sha256: a.sha256, path: a.path, page: a.page, value: a.value },
          b: { sha256: b.sha256, path: b.path, page: b.page, value: b.value },
        });
      }
    }
  }
  return out;
}

/** cross-growth-mismatch: growth statements against their two years' figures. */
function growthMismatches(byKey: ByKey): CrossFinding[] {
  const valueOf = (org: string, concept: string, year: number): Figure | null => {
    const docs = byKey.get(keyOf(org, concept, year));
    if (!docs) return null;
    const list = [...docs.values()];
    // The year's own report first.
    return list.find((f) => f.fiscalYear === year) ?? list[list.length - 1]!;
  };
  const out: CrossFinding[] = [];
  for (const docs of byKey.values()) {
    for (const g of docs.values()) {
      if (!g.concept.endsWith('.growth')) continue;
      const base = g.concept.slice(0, -'.growth'.length);
      const now = valueOf(g.organization, base, g.year);
      const before = valueOf(g.organization, base, g.year - 1);
      if (!now || !before || before.value === 0) continue;
      const rate = /Rate$/.test(base);
      const computed = rate ? now.value - before.value : (now.value / before.value - 1) * 100;
      const slack = rate
        ? now.rounding + before.rounding
        : Math.abs(now.value / before.value) *
          100 *
          (now.rounding / Math.abs(now.value || 1) + before.rounding / Math.abs(before.value));
      if (Math.abs(computed - g.value) <= 0.5 * 10 ** -g.decimals + slack + 1e-9) continue;
      const unit = rate ? ' 个百分点' : '%';
      out.push({
        rule: 'cross-growth-mismatch',
        severity: 'warning',
        organizationKey: g.organization,
        concept: g.concept,
        year: g.year,
        message: `${g.organization} ${g.path} 第${g.page}页称 ${base} ${g.year} 年比上年${g.value < 0 ? '下降' : '增长'} ${Math.abs(g.value)}${unit}，而 ${g.year - 1} 年 ${show(before.value)}（${before.path} 第${before.page}页）→ ${g.year} 年 ${show(now.value)}（${now.path} 第${now.page}页）为 ${computed.toFixed(2)}${unit}`,
        a: { sha256: before.sha256, path: before.path, page: before.page, value: before.value },
        b: { sha256: g.sha256, path: g.path, page: g.page, value: g.value },
      });
    }
  }
  return out;
}

const show = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
