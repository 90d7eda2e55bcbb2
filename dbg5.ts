// quick eval: chars/digits recall vs typed twin and CPU per page, engine in this thread
import { readFileSync } from 'node:fs';
import { openPdf } from './src/pdf/open.ts';
import { renderGrey } from './src/pdf/render.ts';
import { readPageText } from './src/pdf/text.ts';
import { createPpOcrEngine } from './src/ocr/ppocr/engine.ts';
import { numbers, recall } from './bench/ocr.ts';
const sets = [['samples/yueyanglou-scjg-2023-scan.pdf', 'samples/yueyanglou-scjg-2023.pdf'], ['test/fixtures/reports/edu-dept.pdf', 'test/fixtures/reports/edu-dept.pdf']];
const pages: { img: any; truth: string; table: boolean }[] = [];
for (const [a, b] of sets) {
  const p = await openPdf(new Uint8Array(readFileSync(a))); const t = await openPdf(new Uint8Array(readFileSync(b)));
  for (let n = 1; n <= p.doc.numPages; n++) pages.push({ img: await renderGrey(p.doc, n, 200), truth: (await readPageText(t.doc, n)).items.map((i) => i.str).join(' '), table: a.includes('edu') && n === 3 });
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const cfg of JSON.parse(process.argv[2]!)) {
  const e = await createPpOcrEngine({ threads: 1, ...cfg });
  let c = cpu(); let f = [0, 0], ft = [0, 0], ch = [0, 0];
  for (const p of pages) {
    const r = await e.recognize({ ...p.img, pixels: p.img.pixels.slice() }, p.img.scale);
    const text = r.lines.map((l) => l.words[0]!.text).join('\n');
    const d = recall(numbers(p.truth), numbers(text)); const tgt = p.table ? ft : f; tgt[0] += d.found; tgt[1] += d.total;
    const cr = recall([...p.truth.replace(/\s/g, '')], [...text.replace(/\s/g, '')]); ch[0] += cr.found; ch[1] += cr.total;
  }
  console.log(JSON.stringify(cfg), 'cpu/page', ((cpu() - c) / pages.length).toFixed(0), 'digits text', (f[0] / f[1]).toFixed(3), 'table', (ft[0] / ft[1]).toFixed(3), 'chars', (ch[0] / ch[1]).toFixed(4));
  await e.release();
}
