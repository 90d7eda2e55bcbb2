// The indicator harness's matrix: for each class × style × producer the
// indicator rows read exact (name, target value, unit, bound and range,
// actual, weight, score), records too many and funds rows exact; the share
// exact per style over every class and producer, and in all.
//   npx node scripts/indicator-matrix.ts                  the matrix (markdown)
//   npx node scripts/indicator-matrix.ts --json m.json    also every outcome's counts, to compare runs
//   npx node scripts/indicator-matrix.ts --failing        the failing entries' ids (for known failures)
//   npx node scripts/indicator-matrix.ts --why <id part>  what went wrong in the entries matching it
//   npx node scripts/indicator-matrix.ts --paths <id part>  each row whose path or project is wrong there: expected → read
import { writeFileSync } from 'node:fs';
import { INDICATOR_CLASSES } from '../test/support/variation/indicators/classes.ts';
import { readManifest, stylesOf } from '../test/support/variation/indicators/manifest.ts';
import { describe, evaluate, type Outcome } from '../test/support/variation/indicators/score.ts';
import { PRODUCERS } from '../test/support/variation/producers.ts';
import { STYLES } from '../test/support/variation/styles.ts';

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
  for (const [id, o] of outcomes)
    if (id.includes(why) && (!o.pass || o.wrong.length > 0)) console.log(`## ${id}\n${describe(o)}\n`);
} else if (flag('--paths') !== null) {
  for (const [id, o] of outcomes) {
    const bad = o.wrong.filter((w) => w.fields.some((f) => f === '~path' || f === '~project'));
    if (!id.includes(flag('--paths')!) || bad.length === 0) continue;
    console.log(`## ${id}`);
    for (const { truth: t, record: r } of bad)
      console.log(
        `${t.name}: ${t.path.join('›') || '∅'} (${t.project ?? '∅'}) → ${r!.path.join('›') || '∅'} (${r!.project ?? '∅'}) p${r!.page} r${r!.row}`,
      );
  }
} else if (args.includes('--failing')) {
  for (const [id, o] of outcomes) if (!o.pass) console.log(`'${id}',`);
} else matrix();

function share(list: Outcome[]): string {
  const n = list.reduce((a, o) => a + o.indicators, 0);
  const exact = list.reduce((a, o) => a + o.exact, 0);
  return n === 0 ? '—' : `${(exact / n).toFixed(3)} (${exact}/${n})`;
}

/** Rows whose record names another 一级 or 二级 than the truth's (a path left short is not wrong). */
function pathsWrong(list: Outcome[]): number {
  const short = (read: string[], truth: string[]) => read.every((l, k) => l === truth[k]);
  return list.reduce((a, o) => a + o.wrong.filter((w) => w.record && !short(w.record.path, w.truth.path)).length, 0);
}

function matrix(): void {
  const cell = (o: Outcome | undefined) =>
    o === undefined
      ? '—'
      : `${o.pass ? 'pass' : 'FAIL'} ${o.exact}/${o.indicators}` +
        (o.extra.length ? ` +${o.extra.length}` : '') +
        (o.funds ? ` · funds ${o.fundsExact}/${o.funds}${o.fundsExtra.length ? ` +${o.fundsExtra.length}` : ''}` : '');
  for (const c of INDICATOR_CLASSES) {
    console.log(`\n### ${c.id}: ${c.title}, ${c.indicators.length} indicators\n`);
    console.log(`| style | ${PRODUCERS.join(' | ')} |\n| --- | ${PRODUCERS.map(() => '---').join(' | ')} |`);
    for (const s of stylesOf(c))
      console.log(`| ${s.id} | ${PRODUCERS.map((p) => cell(outcomes.get(`${c.id}/${s.id}/${p}`))).join(' | ')} |`);
  }
  console.log('\n### Share of indicator rows exact, per style (every class and producer)\n');
  console.log('| style | exact | paths right | paths wrong | projects right |\n| --- | --- | --- | --- | --- |');
  const all = [...outcomes.values()];
  const ratio = (list: Outcome[], k: 'paths' | 'projects') =>
    (list.reduce((a, o) => a + o[k], 0) / list.reduce((a, o) => a + o.indicators, 0)).toFixed(3);
  for (const s of STYLES) {
    const list = [...outcomes].filter(([id]) => id.split('/')[1] === s.id).map(([, o]) => o);
    if (list.length)
      console.log(
        `| ${s.id} | ${share(list)} | ${ratio(list, 'paths')} | ${pathsWrong(list)} | ${ratio(list, 'projects')} |`,
      );
  }
  for (const p of PRODUCERS) {
    const list = [...outcomes].filter(([id]) => id.endsWith(`/${p}`)).map(([, o]) => o);
    console.log(
      `| all, ${p} | ${share(list)} | ${ratio(list, 'paths')} | ${pathsWrong(list)} | ${ratio(list, 'projects')} |`,
    );
  }
  const funds = all.reduce((a, o) => a + o.funds, 0);
  const fundsExact = all.reduce((a, o) => a + o.fundsExact, 0);
  console.log(
    `\nentries ${all.length}, passing ${all.filter((o) => o.pass).length}; indicator rows exact ${share(all)}, ` +
      `records too many ${all.reduce((a, o) => a + o.extra.length, 0)}; funds rows exact ${fundsExact}/${funds}, ` +
      `too many ${all.reduce((a, o) => a + o.fundsExtra.length, 0)}`,
  );
  const json = flag('--json');
  if (json)
    writeFileSync(
      json,
      JSON.stringify(
        Object.fromEntries(
          [...outcomes].map(([id, o]) => [
            id,
            {
              pass: o.pass,
              exact: o.exact,
              n: o.indicators,
              extra: o.extra.length,
              funds: o.fundsExact,
              fundsN: o.funds,
              paths: o.paths,
              pathsWrong: pathsWrong([o]),
            },
          ]),
        ),
        null,
        1,
      ),
    );
}
