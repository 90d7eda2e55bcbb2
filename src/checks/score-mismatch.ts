// A total score that differs from what it totals: the self-score stated in the
// text against the scoring table's 总分, and the table's 总分 against the sum of
// its items' 得分 (self-evaluation.ts) — both read from the table's records.
import { show } from './tolerance.ts';
import { atPage, finding } from './finding.ts';
import { scoreTotals, scoringTable } from './self-evaluation.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

export const scoreMismatch: Rule = {
  id: 'score-mismatch',
  severity: 'error',
  description: 'a total score differs from the sum of its item scores',
  descriptionZh: '总分与各项得分之和不符',
  // The text's self-score against the scoring table: before conflicting-values, which would see the same two figures.
  precedence: 30,
  run(doc) {
    return [...statedScore(doc), ...scoreTotals(doc, scoreMismatch)];
  },
};

/** The text's self-score against the one scoring table's 总分; with several tables (one per project) it is no one table's. */
function statedScore(doc: CheckInput): Draft[] {
  // The self-score of the text; a self-score sentence naming another year gets no concept, but is still the score stated.
  const stated =
    doc.facts.find((f) => f.concept === 'evaluation.selfScore' && f.paragraphId !== null) ??
    doc.facts.find(
      (f) =>
        f.kind === 'score' &&
        f.paragraphId !== null &&
        !f.comparator &&
        !f.approximate &&
        /自评(?:得)?分$|自评总?得分$/.test(f.label),
    );
  const scoring = scoringTable(doc);
  if (!stated || typeof stated.value !== 'number' || !scoring) return [];
  const { card, score } = scoring;
  const tableScore = score.value as number;
  if (Math.abs(tableScore - stated.value) <= 0.5 * 10 ** -stated.decimals) return [];
  const title = doc.tables.find((t) => t.id === card.table)?.title ?? card.table;
  return [
    finding(scoreMismatch, {
      message: `正文${stated.label} ${show(stated)}${atPage(stated.page)}与评分表“${title}”${atPage(score.page)}总分 ${tableScore} 分不符`,
      // The table's own 总分 fact too, so that conflicting-values does not report the pair again.
      factIds: [stated.id, score.id],
      page: stated.page,
      expected: tableScore,
      actual: stated.value,
    }),
  ];
}
