// One document's review page: its pages as images with a box over every fact
// (and over the headings a finding names), the findings and the section tree
// beside them, the tables read on each page next to that page, and for print
// each finding with a crop of its page.
import type { Fact, Finding, Report, Review, Section, Severity, Table } from '../schema/report.ts';
import { boxOnPage, NOT_DRAWN, type RenderedPage } from './page-geometry.ts';
import { esc, head, html, pct, raw, type Html } from './html.ts';
import { indicatorsSection } from './indicators-html.ts';
import { SEVERITY_LABEL, summaryLine } from './summary.ts';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

const SYMBOL: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '＞', '<': '＜', '=': '＝' };

export interface DocPageInput {
  report: Report;
  pages: RenderedPage[];
  /** why the pages are not shown (the PDF is missing or changed since the batch), or null */
  pagesProblem: string | null;
  /** path from this page to the site's root, with / (e.g. "..") */
  root: string;
  /** the review server's page: findings can be confirmed or dismissed, facts corrected or added (review-edit.js) */
  edit?: boolean;
}

interface Box {
  page: number;
  rect: [number, number, number, number];
  kind: 'fact' | 'heading';
  id: string;
  findings: Finding[];
  tip: Html;
  /** the fact as the editor needs it (facts only) */
  fact?: Fact;
}

/** The rendered pages by page number (those drawn, tried, or measured). */
type PagesByNumber = Map<number, RenderedPage>;

export function docPage(input: DocPageInput): string {
  const { report, pages, root } = input;
  const byNumber: PagesByNumber = new Map(pages.map((p) => [p.number, p]));
  const boxes = boxesOf(report, byNumber);
  const boxesOnPage = new Map<number, Box[]>();
  for (const b of boxes) push(boxesOnPage, b.page, b);
  const tablesOnPage = new Map<number, TablePart[]>();
  for (const t of report.tables) for (const part of partsOf(t)) push(tablesOnPage, part.page, part);

  const title = report.document.title ?? report.source.path;
  const ocrPages = report.pages.filter((p) => p.method === 'ocr').length;
  const pageRows = report.pages.map((p) =>
    pageRow(p, byNumber.get(p.number), boxesOnPage.get(p.number) ?? [], tablesOnPage.get(p.number) ?? [], input),
  );
  const printFindings = report.findings.map((f) => printFinding(f, boxes, byNumber, root));

  return `<!doctype html>
<html lang="zh-CN">
<head>
${head(`${title} — 审阅`, `${root}/assets`, input.edit)}
</head>
<body class="doc-page${input.edit ? ' editing' : ''}" data-document="${esc(report.source.sha256)}">
${html`<header class="top">
    <p class="back"><a href="${root}/index.html">← 全部报告</a></p>
    <h1>${title}</h1>
    <p class="summary" id="summary">${summaryLine(report)}</p>
    <p class="source">
      文件：${report.source.path} · ${report.source.pages} 页${ocrPages > 0 ? `（OCR ${ocrPages} 页）` : ''} · SHA-256
      ${report.source.sha256.slice(0, 12)}…
    </p>
    <p class="legend">
      <span class="key sev-error">错误</span> <span class="key sev-warning">警告</span>
      <span class="key sev-info">提示</span> <span class="key fact">已读取的数字</span> —
      点击发现定位到页面；鼠标悬停或键盘聚焦数字框查看详情。
    </p>
  </header>
  ${unmatchedHtml(report)}
  <div class="layout">
    <nav class="side" aria-label="发现与目录">
      <section>
        <h2>发现（${report.findings.length}）</h2>
        ${findingsList(report.findings, !!input.edit)}
      </section>
      <section>
        <h2>目录</h2>
        ${sectionTree(report.sections)}
      </section>
    </nav>
    <main class="pages" id="pages">
      ${input.pagesProblem ? html`<p class="problem">${input.pagesProblem}</p>` : ''} ${indicatorsSection(report)}
      ${pageRows}
    </main>
  </div>
  <section class="print-findings" aria-hidden="true">
    <h2>发现及其页面位置</h2>
    ${printFindings}
  </section>
  ${input.edit ? factEditor() : ''}`}
</body>
</html>
`;
}

/** A box over every fact with a place on a shown page, and over each heading a finding names. */
function boxesOf(report: Report, byNumber: PagesByNumber): Box[] {
  const findingsOfFact = new Map<string, Finding[]>();
  const findingsOfSection = new Map<string, Finding[]>();
  for (const f of report.findings) {
    for (const id of f.factIds) push(findingsOfFact, id, f);
    for (const id of f.sectionIds) push(findingsOfSection, id, f);
  }
  const sectionById = new Map(report.sections.map((s) => [s.id, s]));
  const boxes: Box[] = [];
  for (const fact of report.facts) {
    const g = byNumber.get(fact.page)?.geometry;
    if (!fact.bbox || !g) continue;
    boxes.push({
      page: fact.page,
      rect: boxOnPage(g, fact.bbox),
      kind: 'fact',
      id: fact.id,
      findings: findingsOfFact.get(fact.id) ?? [],
      tip: factTip(fact),
      fact,
    });
  }
  // A finding about headings (heading-sequence) names sections: box the heading paragraph.
  for (const p of report.paragraphs) {
    if (p.role !== 'heading' || !p.sectionId || !p.bbox) continue;
    const fs = findingsOfSection.get(p.sectionId);
    const g = byNumber.get(p.page)?.geometry;
    if (!fs || !g) continue;
    const s = sectionById.get(p.sectionId);
    boxes.push({
      page: p.page,
      rect: boxOnPage(g, p.bbox),
      kind: 'heading',
      id: `h-${p.sectionId}`,
      findings: fs,
      tip: html`<b>标题</b> ${s ? `${s.marker}${s.title}` : p.text}`,
    });
  }
  return boxes;
}

/** One page: its image with its boxes (or why there is none), its badges, the tables read on it. */
function pageRow(
  p: Report['pages'][number],
  r: RenderedPage | undefined,
  boxes: Box[],
  tables: TablePart[],
  input: DocPageInput,
): Html {
  const g = r?.geometry;
  const badge = [
    p.method === 'ocr'
      ? html`<span class="badge ocr" title="此页由 OCR 识别"
          >OCR 识别${p.ocrConfidence !== null ? html` · 置信度 ${p.ocrConfidence.toFixed(1)}` : ''}</span
        >`
      : '',
    p.error ? html`<span class="badge page-error">读取失败：${p.error}</span>` : '',
  ];
  const figure =
    g && r?.image
      ? html`<figure
          class="page${p.method === 'ocr' ? ' ocr' : ''}"
          data-page="${p.number}"
          data-width-pt="${g.width}"
          data-height-pt="${g.height}"
          style="aspect-ratio: ${g.width.toFixed(3)} / ${g.height.toFixed(3)}"
        >
          <img
            src="${input.root}/${r.image}"
            width="${r.pixelWidth}"
            height="${r.pixelHeight}"
            loading="lazy"
            decoding="async"
            alt="第 ${p.number} 页"
          />
          ${boxes.map((b) => boxHtml(b, !!input.edit))}
        </figure>`
      : html`<div class="page missing">${r?.error ?? input.pagesProblem ?? NOT_DRAWN}</div>`;
  const add =
    input.edit && g && r?.image
      ? html`<button type="button" class="add-fact" data-page="${p.number}" aria-pressed="false">
          添加遗漏的数字（在页面上框出）
        </button>`
      : '';
  return html`<section class="page-row" id="p${p.number}" data-page="${p.number}" aria-label="第 ${p.number} 页">
    <h2 class="page-head">第 ${p.number} 页 ${badge} ${add}</h2>
    <div class="page-body${tables.length > 0 ? ' with-tables' : ''}">
      ${figure}${tables.length > 0 ? html`<aside class="tables" aria-label="第 ${p.number} 页的表格">${tables.map(tableHtml)}</aside>` : ''}
    </div>
  </section>`;
}

function findingsList(findings: Finding[], edit: boolean): Html {
  return findings.length === 0
    ? html`<p class="none">未发现问题</p>`
    : html`<ol class="findings" id="findings">
        ${findings.map(
          (f) =>
            html`<li class="${f.review ? `reviewed decision-${f.review.decision}` : ''}">
              <button
                type="button"
                class="finding sev-${f.severity}"
                id="finding-${f.id}"
                data-finding="${f.id}"
                data-page="${f.page ?? ''}"
                aria-pressed="false"
              >
                <span class="sev">${SEVERITY_LABEL[f.severity]}</span>
                <span class="where">${f.page !== null ? `第 ${f.page} 页` : '页码未知'}</span>
                <span class="msg">${f.message}</span> <code class="rule">${f.rule}</code>
              </button>
              ${f.review ? reviewLine(f.review) : ''} ${edit ? reviewControls(f) : ''}
            </li>`,
        )}
      </ol>`;
}

const DECISION: Record<Review['decision'], string> = { confirmed: '已确认', dismissed: '已驳回' };

/** Who decided what, when, and why: the note is the reviewer's text, shown as text. */
function reviewLine(r: Review): Html {
  return html`<p class="review">
    <b>${DECISION[r.decision]}</b> · ${r.by} ·
    ${r.at.slice(0, 10)}${r.note ? html`：<span class="note">${r.note}</span>` : ''}
  </p>`;
}

function reviewControls(f: Finding): Html {
  return html`<div class="review-controls" data-finding="${f.id}">
    <input
      type="text"
      class="note"
      maxlength="4000"
      placeholder="备注（可选）"
      aria-label="备注"
      value="${f.review?.note ?? ''}"
    />
    <button type="button" class="decide" data-decision="confirmed">确认</button>
    <button type="button" class="decide" data-decision="dismissed">驳回</button>
  </div>`;
}

/** Corrections that no longer find their fact or finding: said on the page, never left out silently. */
function unmatchedHtml(report: Report): Html | string {
  const u = report.review?.unmatched ?? [];
  if (u.length === 0) return '';
  return html`<section class="problem unmatched" aria-label="未能应用的更正">
    <b>${u.length} 条审阅更正未能应用</b>（原文已变，或找不到其数字或发现）：
    <ul>
      ${u.map((x) => html`<li>${describe(x.correction)}：${x.reason}</li>`)}
    </ul>
  </section>`;
}

function describe(c: Record<string, unknown>): string {
  if ('finding' in c) return `发现 ${String(c.finding)}（${String(c.decision) === 'dismissed' ? '驳回' : '确认'}）`;
  if (c.notAFact) return `数字 ${String(c.fact)}（不是数字）`;
  return c.fact === null
    ? `添加的数字 ${String(c.value)} ${String(c.unit)}`
    : `数字 ${String(c.fact)} → ${String(c.value)} ${String(c.unit)}`;
}

/** The dialog the editing script fills: a crop of the page around the fact, its value, unit, label and a note. */
function factEditor(): Html {
  return html`<dialog id="fact-editor" aria-labelledby="fe-title">
    <div class="fact-editor">
      <h2 id="fe-title">更正数字</h2>
      <div class="fe-crop" id="fe-crop"></div>
      <p class="fe-quote" id="fe-quote"></p>
      <label>数值 <input id="fe-value" autocomplete="off" /></label>
      <label>单位 <input id="fe-unit" autocomplete="off" /></label>
      <label>标签 <input id="fe-label" autocomplete="off" /></label>
      <label>备注 <input id="fe-note" autocomplete="off" maxlength="4000" /></label>
      <p class="fe-error" id="fe-error" role="alert"></p>
      <div class="fe-buttons">
        <button type="button" id="fe-save">保存</button>
        <button type="button" id="fe-not-fact">不是数字</button>
        <button type="button" id="fe-cancel">取消</button>
      </div>
    </div>
  </dialog>`;
}

/** For print: a finding with a crop of each page its boxes are on, its own page first. */
function printFinding(f: Finding, boxes: Box[], byNumber: PagesByNumber, root: string): Html {
  const fb = boxes.filter((b) => b.findings.includes(f));
  const pagesOf = [...new Set(fb.map((b) => b.page))].sort((a, b) => (a === f.page ? -1 : b === f.page ? 1 : a - b));
  const crops = pagesOf.flatMap((page) => {
    const r = byNumber.get(page);
    const onPage = fb.filter((b) => b.page === page);
    if (!r?.geometry || !r.image) return [];
    // Whole lines (the page's width), the finding's boxes and a margin above and below.
    const top = Math.max(0, Math.min(...onPage.map((b) => b.rect[1])) - 0.04);
    const bottom = Math.min(1, Math.max(...onPage.map((b) => b.rect[1] + b.rect[3])) + 0.04);
    const h = Math.max(bottom - top, 0.02);
    const g = r.geometry;
    return [
      html`<p class="crop-page">第 ${page} 页</p>
        <div class="crop" style="aspect-ratio: ${g.width.toFixed(3)} / ${(g.height * h).toFixed(3)}">
          <img
            src="${root}/${r.image}"
            alt="第 ${page} 页局部"
            loading="lazy"
            style="top: ${pct(-top / h)}; height: ${pct(1 / h)}"
          />${onPage.map((b) => html`<span class="cbox sev-${f.severity}" style="left: ${pct(b.rect[0])}; top: ${pct((b.rect[1] - top) / h)}; width: ${pct(b.rect[2])}; height: ${pct(b.rect[3] / h)}"></span>`)}
        </div>`,
    ];
  });
  return html`<article class="print-finding sev-${f.severity}">
    <h3>
      <span class="sev">${SEVERITY_LABEL[f.severity]}</span> ${f.page !== null ? `第 ${f.page} 页` : '页码未知'} ·
      <code>${f.rule}</code>
    </h3>
    <p>${f.message}</p>
    ${crops.length > 0 ? crops : html`<p class="none">（无页面位置）</p>`}
  </article>`;
}

function boxHtml(b: Box, edit: boolean): Html {
  const worst = b.findings.reduce<Severity | null>(
    (w, f) => (w === null || RANK[f.severity] > RANK[w] ? f.severity : w),
    null,
  );
  const c = b.fact?.corrected;
  const mark = c ? (c.from === null ? ' added' : ' corrected') : '';
  const cls = `box ${b.kind}${worst ? ` in-finding sev-${worst}` : ''}${mark}`;
  const [l, t, w, h] = b.rect;
  const ids = b.findings.map((f) => f.id).join(' ');
  // What the editor is filled with (escaped as every attribute is).
  const data =
    edit && b.fact
      ? raw(
          ` data-value="${esc(b.fact.value)}" data-unit="${esc(b.fact.unit)}" data-label="${esc(b.fact.label)}" data-quote="${esc(b.fact.quote)}"`,
        )
      : '';
  return html`<span
    class="${cls}"
    tabindex="0"
    data-id="${b.id}"
    ${raw(ids ? ` data-findings="${esc(ids)}"` : '')}${data}
    style="left: ${pct(l)}; top: ${pct(t)}; width: ${pct(w)}; height: ${pct(h)}"
    ><span class="tip" role="tooltip"
      >${b.tip}${b.findings.map((f) => html`<br /><b class="sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</b> ${f.message}`)}</span
    ></span
  >`;
}

function factTip(f: Fact): Html {
  // a batch folder written before contract 1.1 has no comparator
  const comparator = f.comparator ?? null;
  const value = `${f.upper !== null ? `${f.value}—${f.upper}` : f.value} ${f.unit}`;
  return html`<b>${f.label || '（无标签）'}</b>
    <br />数值：${comparator ? `${SYMBOL[comparator] ?? comparator} ` : ''}${value}${f.approximate ? '（约数）' : ''}
    <br />归一：${f.normalized.value} ${f.normalized.unit} <br />概念：${f.concept ?? '—'}
    <br />比较：${comparator ?? '—'} <br />原文：${f.quote} <br /><span class="id">${f.id} · ${f.kind}</span
    >${correctedTip(f)}`;
}

function correctedTip(f: Fact): Html | string {
  const c = f.corrected;
  if (!c) return '';
  const who = html`${c.by} · ${c.at.slice(0, 10)}${c.note ? html`：${c.note}` : ''}`;
  if (c.from === null) return html`<br /><b class="corrected-mark">人工添加</b> ${who}`;
  const label = c.from.label !== undefined ? `（${c.from.label}）` : '';
  return html`<br /><b class="corrected-mark">人工核对</b> 机器读为 ${c.from.value} ${c.from.unit}${label} · ${who}`;
}

/** What of a table stands on one page: a table carried over pages (contract 1.3) is shown part by part, beside each page. */
interface TablePart {
  table: Table;
  page: number;
  /** its rows: table.rows[from] up to table.rows[to] */
  from: number;
  to: number;
  /** the table's first part (the others are ids of their own: table-t1-5 for t1's part on page 5) */
  first: boolean;
}

function partsOf(t: Table): TablePart[] {
  // a batch folder written before contract 1.3 has no parts: the whole table on its page
  const parts = t.parts ?? [{ page: t.page, firstRow: 0 }];
  return parts.map((p, i) => ({
    table: t,
    page: p.page,
    from: p.firstRow,
    to: parts[i + 1]?.firstRow ?? t.rows.length,
    first: i === 0,
  }));
}

/**
 * One part of a table as read, in a panel that scrolls both ways: the table's header rows (contract 1.3)
 * stay on top — over a part carried to a later page too, where they were not repeated — and its first
 * column on the left; short cells do not wrap, long ones wrap at a width that keeps them readable (a wide
 * 决算 table no longer shrinks to one character a line).
 */
function tableHtml({ table: t, page, from, to, first }: TablePart): Html {
  const headerRows = t.headerRows ?? 0;
  const repeated = first ? headerRows : (t.parts?.find((p) => p.page === page)?.headerRows ?? 0);
  const cell = (c: string) => html`<td class="${[...c].length > 14 ? 'long' : 'short'}">${c}</td>`;
  const rows = (rs: string[][]) =>
    rs.map(
      (row) =>
        html`<tr>
          ${row.map(cell)}
        </tr>`,
    );
  return html`<div class="table-wrap">
    <table class="cells" id="table-${t.id}${first ? '' : `-${page}`}">
      <caption>
        ${t.title ?? '表格'}${first ? '' : '（续）'}
        <span class="id">${t.id}</span>
      </caption>
      ${
        headerRows > 0
          ? html`<thead>
              ${rows(t.rows.slice(0, headerRows))}
            </thead>`
          : ''
      }
      <tbody>
        ${rows(t.rows.slice(from + repeated, to))}
      </tbody>
    </table>
  </div>`;
}

function sectionTree(sections: Section[]): Html {
  if (sections.length === 0) return html`<p class="none">未识别出章节</p>`;
  const children = new Map<string | null, Section[]>();
  for (const s of sections) push(children, s.parentId, s);
  const known = new Set(sections.map((s) => s.id));
  const roots = sections.filter((s) => s.parentId === null || !known.has(s.parentId));
  const list = (items: Section[]): Html =>
    html`<ul>
      ${items.map((s) => html`<li><a href="#p${s.page}" data-section="${s.id}">${s.marker}${s.title}</a> <span class="where">第 ${s.page} 页</span>${(children.get(s.id) ?? []).length > 0 ? list(children.get(s.id)!) : ''}</li>`)}
    </ul>`;
  return html`<div class="toc">${list(roots)}</div>`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}
