// A self-score stated in the text that differs from the total of the scoring
// table (得分 column, 总分/合计 row); and a table total score that is not the
// sum of the item scores is reported by table-total-mismatch, the more specific rule.
import { show } from './tolerance.ts';
import type { Draft, Rule } from './types.ts';
import { cellNumber, columnName, headersByRow, totalRowIndex } from './tables.ts';

export const scoreMismatch: Rule = {
  id: 'score-mismatch',
  run(doc) {
    const stated = doc.facts.find((f) => f.concept === 'evaluation.selfScore' && f.paragraphId !== null);
    if (!stated || typeof stated.value !== 'number') return [];
    const drafts: Draft[] = [];
    for (const table of doc.tables) {
      const total = totalRowIndex(table);
      if (total < 0) continue;
      // The 得分 column as the total row's own header names it (a self-evaluation table has several headers).
      const headers = headersByRow(table);
      const width = table.rows[total]!.length;
      const col = [...Array(width).keys()].find((c) => columnName(table, headers, total, c).split('·').some((n) => /^(自评)?得分$|^评分$|^自评分$/.test(n)));
      if (col === undefined) continue;
      const tableScore = cellNumber(table.rows[total]![col]);
      if (tableScore === null || Math.abs(tableScore - stated.value) <= 0.5 * 10 ** -stated.decimals) continue;
      drafts.push({
        rule: 'score-mismatch',
        severity: 'error',
        message: `正文${stated.label} ${show(stated)}（第${stated.page}页）与评分表“${table.title ?? table.id}”（第${table.page}页）总分 ${tableScore} 分不符`,
        // The table's own 总分 fact too, so that conflicting-values does not report the pair again.
        factIds: [stated.id, ...doc.facts.filter((f) => f.concept === 'evaluation.selfScore' && f.paragraphId === null && f.page === table.page).map((f) => f.id)],
        sectionIds: [],
        page: stated.page,
        expected: tableScore,
        actual: stated.value,
      });
    }
    return drafts;
  },
};
