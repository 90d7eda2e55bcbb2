// A self-score stated in the text that differs from the total of the scoring
// table (得分 column, 总分/合计 row); and a table total score that is not the
// sum of the item scores is reported by table-total-mismatch, the more specific rule.
import { show } from './tolerance.ts';
import { atPage, finding } from './finding.ts';
import type { Draft, Rule } from './types.ts';
import { pageOfRow } from '../tables/reading.ts';
import { gridOf, scoreSums } from './table-total-mismatch.ts';
import { cellNumber, isSelfEvaluation, tablesOf } from './tables.ts';

export const scoreMismatch: Rule = {
  id: 'score-mismatch',
  run(doc) {
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
    if (!stated || typeof stated.value !== 'number') return [];
    const drafts: Draft[] = [];
    // With several scoring tables (one per project) the text's score cannot be told to be any one's.
    const scoring = tablesOf(doc)
      .filter((t) => isSelfEvaluation(t.table))
      .map((t) => gridOf(t))
      .map((g) => ({ g, sums: scoreSums(g) }))
      .filter((x) => x.sums !== null);
    if (scoring.length !== 1) return [];
    const { g, sums } = scoring[0]!;
    const tableScore = cellNumber(sums!.rows[sums!.t]![sums!.c]);
    if (tableScore === null || Math.abs(tableScore - stated.value) <= 0.5 * 10 ** -stated.decimals) return [];
    const page = pageOfRow(g.table, g.body[sums!.t]!);
    drafts.push(
      finding('score-mismatch', {
        message: `正文${stated.label} ${show(stated)}${atPage(stated.page)}与评分表“${g.table.title ?? g.table.id}”${atPage(page)}总分 ${tableScore} 分不符`,
        // The table's own 总分 fact too, so that conflicting-values does not report the pair again.
        factIds: [
          stated.id,
          ...doc.facts
            .filter((f) => f.concept === 'evaluation.selfScore' && f.paragraphId === null && f.page === page)
            .map((f) => f.id),
        ],
        page: stated.page,
        expected: tableScore,
        actual: stated.value,
      }),
    );
    return drafts;
  },
};
