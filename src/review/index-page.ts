// The site's index: one row per document with what it is and what was found,
// counts at the top, sorting and filters that run in the page (review.js).
import type { Severity } from '../schema/report.ts';
import { head, html, type Html } from './html.ts';
import { SEVERITY_LABEL } from './summary.ts';
import type { Triage } from './triage.ts';

export interface IndexRow {
  /** the document's page, relative to the site root (null for a failed document) */
  page: string | null;
  input: string;
  status: 'ok' | 'failed' | 'skipped';
  reason: string | null;
  title: string | null;
  organization: string | null;
  year: number | null;
  reportType: string | null;
  pages: number | null;
  ocrPages: number | null;
  facts: number | null;
  findings: Record<Severity, number>;
  rules: string[];
  summary: string | null;
  /** open findings, why, not understood (null for a failed document) */
  triage: Triage | null;
  /** position among the inputs */
  index: number;
}

export interface IndexOptions {
  /** the review server's page: its own head (a Content-Security-Policy that lets it write) */
  edit?: boolean;
}

const STATUS: Record<IndexRow['status'], string> = { ok: '成功', failed: '失败', skipped: '跳过' };
const SEVERITIES = ['error', 'warning', 'info'] as const;

// eslint-disable-next-line max-lines-per-function -- one HTML template: the page read top to bottom as the browser shows it
export function indexPage(rows: IndexRow[], options: IndexOptions = {}): string {
  const sum = (f: (r: IndexRow) => number | null) => rows.reduce((n, r) => n + (f(r) ?? 0), 0);
  const count = (s: IndexRow['status']) => rows.filter((r) => r.status === s).length;
  const distinct = <T>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null))].sort();
  const rules = distinct(rows.flatMap((r) => r.rules));
  const orgs = distinct(rows.map((r) => r.organization));
  const years = distinct(rows.map((r) => r.year));
  // Counts of findings are of open ones: a dismissed finding is counted apart.
  const openOf = (r: IndexRow) => r.triage?.open ?? r.findings;
  const dismissed = sum((r) => r.triage?.dismissed ?? 0);
  const notUnderstood = rows.filter((r) => (r.triage?.notUnderstood.length ?? 0) > 0).length;

  const select = (id: string, label: string, options: [string, string][]): Html =>
    html`<label
      >${label}
      <select id="${id}">
        <option value="">全部</option>
        ${options.map(([v, t]) => html`<option value="${v}">${t}</option>`)}
      </select></label
    >`;

  const body = rows.map((r, i) => {
    const open = r.triage?.open ?? r.findings;
    const sev = SEVERITIES.filter((s) => open[s] > 0);
    const flag = r.triage?.notUnderstood ?? [];
    const cell = (v: string | number | null, sort?: string | number | null) =>
      html`<td data-sort="${sort ?? v ?? ''}">${v ?? '—'}</td>`;
    return html`<tr
      data-status="${r.status}"
      data-sev="${sev.length ? sev.join(' ') : 'none'}"
      data-rules="${r.rules.join(' ')}"
      data-org="${r.organization ?? ''}"
      data-year="${r.year ?? ''}"
      data-flag="${flag.length > 0 ? 'yes' : 'no'}"
      data-order="${i}"
    >
      <td data-sort="${r.title ?? r.input}">
        ${r.page ? html`<a href="${r.page}">${r.title ?? r.input}</a>` : (r.title ?? r.input)}
        <div class="file">${r.input}</div>
        ${r.summary ? html`<div class="summary">${r.summary}</div>` : ''}
      </td>
      ${cell(r.organization)}${cell(r.year)}${cell(r.reportType)}
      <td data-sort="${r.pages ?? -1}">
        ${r.pages ?? '—'}${r.ocrPages ? html` <span class="ocr-count">（OCR ${r.ocrPages}）</span>` : ''}
      </td>
      ${cell(r.facts, r.facts ?? -1)}
      ${SEVERITIES.map((s) => html`<td class="${open[s] > 0 ? `n sev-${s}` : 'n'}" data-sort="${open[s]}">${open[s]}</td>`)}
      ${whyCell(r)}
      <td class="flag" data-sort="${flag.length}">
        ${flag.length > 0 ? html`<span class="not-understood" title="报告未被读懂：请人工查看">未读懂</span> ${flag.join('、')}` : ''}
      </td>
      <td data-sort="${r.status}" class="status-${r.status}">
        ${STATUS[r.status]}${r.reason ? html`<div class="reason">${r.reason}</div>` : ''}
      </td>
    </tr>`;
  });

  const th = (key: number, label: string, numeric = false) =>
    html`<th scope="col" aria-sort="none">
      <button type="button" class="sort" data-col="${key}" data-numeric="${numeric ? '1' : ''}">${label}</button>
    </th>`;

  return `<!doctype html>
<html lang="zh-CN">
<head>
${head('绩效自评报告审阅', 'assets', options.edit)}
</head>
<body class="index-page">
${html`<header class="top">
    <h1>绩效自评报告审阅</h1>
    <p class="counts" id="counts">
      报告 <b>${rows.length}</b> 份（成功 ${count('ok')}，失败 ${count('failed')}，跳过 ${count('skipped')}） · 页
      <b>${sum((r) => r.pages)}</b>（OCR ${sum((r) => r.ocrPages)}） · 事实 <b>${sum((r) => r.facts)}</b> ·
      <span class="sev-error">错误 <b>${sum((r) => openOf(r).error)}</b></span> ·
      <span class="sev-warning">警告 <b>${sum((r) => openOf(r).warning)}</b></span> ·
      <span class="sev-info">提示 <b>${sum((r) => openOf(r).info)}</b></span>
      ${dismissed > 0 ? html` · 已驳回 <b>${dismissed}</b>` : ''}
      ${notUnderstood > 0 ? html` · <span class="not-understood">未读懂</span> <b>${notUnderstood}</b>` : ''}
    </p>
    <form class="filters" id="filters" role="search">
      ${select('f-sev', '严重程度', [...SEVERITIES.map((s): [string, string] => [s, `有${SEVERITY_LABEL[s]}`]), ['none', '无发现']])}
      ${select(
        'f-rule',
        '规则',
        rules.map((r) => [r, r]),
      )}
      ${select(
        'f-org',
        '单位',
        orgs.map((o) => [o, o]),
      )}
      ${select(
        'f-year',
        '年度',
        years.map((y) => [String(y), `${y}年度`]),
      )}
      ${select(
        'f-status',
        '状态',
        (['ok', 'failed', 'skipped'] as const).map((s) => [s, STATUS[s]]),
      )}
      ${select('f-flag', '读懂', [
        ['yes', '未读懂'],
        ['no', '已读懂'],
      ])}
      <label>搜索 <input type="search" id="f-text" placeholder="标题、单位或文件名" /></label>
      <span class="shown" aria-live="polite">显示 <b id="shown">${rows.length}</b> / ${rows.length} 份</span>
    </form>
  </header>
  <main>
    <table class="docs" id="docs">
      <thead>
        <tr>
          ${th(0, '标题')}${th(1, '单位')}${th(2, '年度', true)}${th(3, '类型')}${th(4, '页数', true)}${th(5, '事实', true)}${th(6, '错误', true)}${th(7, '警告', true)}${th(8, '提示', true)}${th(9, '原因')}${th(10, '未读懂', true)}${th(11, '状态')}
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
  </main>`}
</body>
</html>
`;
}

/** The first open finding's rule and page (its message on hover); how many were dismissed. */
function whyCell(r: IndexRow): Html {
  const t = r.triage;
  const why = t?.why;
  const dismissed = t && t.dismissed > 0 ? html`<div class="dismissed">已驳回 ${t.dismissed} 条</div>` : '';
  if (!why) return html`<td class="why" data-sort="">${dismissed}</td>`;
  const where = why.page !== null ? `第 ${why.page} 页` : '页码未知';
  return html`<td class="why" data-sort="${why.rule}" title="${why.message}">
    <code>${why.rule}</code> <span class="where">${where}</span>${dismissed}
  </td>`;
}
