// The variation harness's matrix: for each class × style × producer whether
// the facts came out exactly as expected, the cells read (recall), facts too
// many and false errors; and the harness's table-cell recall, facts precision and F1 overall.
//   npx node scripts/variation-matrix.ts                  the matrix (markdown)
//   npx node scripts/variation-matrix.ts --json m.json    also every outcome, to compare runs
//   npx node scripts/variation-matrix.ts --failing        the failing entries' ids (for known-failures.ts)
//   npx node scripts/variation-matrix.ts --why <id part>  what went wrong in the entries matching it
import { writeFileSync } from 'node:fs';
import { describe } from '../test/support/variation/compare.ts';
import { evaluate, type Outcome } from '../test/support/variation/evaluate.ts';
import { readManifest } from '../test/support/variation/manifest.ts';
import { PRODUCERS } from '../test/support/variation/producers.ts';
import { STYLES } from '../test/support/variation/styles.ts';
import { CLASSES } from '../test/support/variation/classes/index.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i < 0 ? null : (args[i + 1] ?? '');
};
const manifest = readManifest();
const outcomes = new Map<string, Outcome>();
for (const e of manifest.entries) outcomes.set(e.id, await evaluate(e));

const why = flag('--why');
if (why !== null) {
  for (const [id, o] of outcomes) if (id.includes(why) && !o.pass) console.log(`## ${id}\n${describe(o)}\n`);
} else if (args.includes('--failing')) {
  for (const [id, o] of outcomes) if (!o.pass) console.log(`'${id}',`);
} else matrix();

/** The matrix, one table per class, and the harness's totals (process.exit would cut piped output short). */
function matrix(): void {
  const cell = (o: Outcome | undefined) =>
    o === undefined
      ? '—'
      : `${o.pass ? 'pass' : 'FAIL'} ${o.matched}/${o.expected}` +
        (o.extra.length ? ` +${o.extra.length}` : '') +
        (o.errors.length ? ` !${o.errors.length}` : '') +
        (o.missed.length ? ` missed ${o.missed.map((p) => p.rule).join(', ')}` : '');
  for (const c of CLASSES) {
    console.log(`\n### ${c.id} (${c.title})\n`);
    console.log(`| style | ${PRODUCERS.join(' | ')} |\n| --- | ${PRODUCERS.map(() => '---').join(' | ')} |`);
    for (const s of STYLES) {
      const row = PRODUCERS.map((p) => outcomes.get(`${c.id}/${s.id}/${p}`));
      if (row.every((o) => o === undefined)) continue;
      console.log(`| ${s.id} | ${row.map(cell).join(' | ')} |`);
    }
  }
  const all = [...outcomes.values()];
  const sum = (f: (o: Outcome) => number) => all.reduce((n, o) => n + f(o), 0);
  const recall = sum((o) => o.matched) / sum((o) => o.expected);
  // Facts as the corpus scorer counts them: a cell read right is a true positive, a fact the
  // table does not hold (or holds under another label, unit or kind) a false one.
  const precision = sum((o) => o.matched) / (sum((o) => o.matched) + sum((o) => o.extra.length));
  console.log(
    `\nentries ${all.length}, passing ${all.filter((o) => o.pass).length}; cells expected ${sum((o) => o.expected)}, ` +
      `read right ${sum((o) => o.matched)} (recall ${recall.toFixed(3)}; value, unit and kind alone ` +
      `${(sum((o) => o.valueMatched) / sum((o) => o.expected)).toFixed(3)}), facts too many ${sum((o) => o.extra.length)}, ` +
      `false errors ${sum((o) => o.errors.length)}; facts precision ${precision.toFixed(3)}, ` +
      `F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)}; planted mistakes found ` +
      `${sum((o) => o.planted - o.missed.length)} of ${sum((o) => o.planted)}`,
  );
  const json = flag('--json');
  if (json)
    writeFileSync(
      json,
      JSON.stringify(
        Object.fromEntries(
          [...outcomes].map(([id, o]) => [
            id,
            { pass: o.pass, matched: o.matched, expected: o.expected, extra: o.extra.length, errors: o.errors.length },
          ]),
        ),
        null,
        1,
      ),
    );
}
