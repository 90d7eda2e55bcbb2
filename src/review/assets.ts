// The site's only stylesheet and script, written to DIR/assets/ by `jixiao report`.
// Kept as strings in a module so that the package's build (src/ → dist/) carries them.

export const REVIEW_CSS = String.raw`/* jixiao review site: one stylesheet, no web fonts (the reader's own CJK fonts). */
:root {
  --error: #c62828; --warning: #e65100; --info: #1565c0; --fact: #2e7d32;
  --line: #d0d4da; --muted: #5f6670; --bg: #f4f5f7; --hl: #ffd54f;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif;
  color: #1d2127; background: var(--bg); font-size: 15px; line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: #0b57d0; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.top { padding: 12px 20px; background: #fff; border-bottom: 1px solid var(--line); }
.top h1 { font-size: 20px; margin: 4px 0; }
.top p { margin: 4px 0; }
.summary { color: #333; }
.source, .file, .id, .where, .reason { color: var(--muted); font-size: 13px; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.none { color: var(--muted); }

/* index */
.counts b { font-size: 17px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-top: 8px; }
.filters select, .filters input { font: inherit; padding: 2px 4px; max-width: 260px; }
table.docs { border-collapse: collapse; width: 100%; background: #fff; }
table.docs th, table.docs td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
table.docs th { position: sticky; top: 0; background: #eef0f3; white-space: nowrap; }
table.docs td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.docs td.n.sev-error, table.docs td.n.sev-warning { font-weight: bold; }
button.sort { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
tr[hidden] { display: none; }
.status-failed { color: var(--error); font-weight: bold; }
.status-skipped { color: var(--muted); }
.index-page .summary { font-size: 13px; color: var(--muted); }

/* document */
.legend .key { display: inline-block; padding: 0 6px; border: 2px solid currentColor; border-radius: 3px; font-size: 13px; }
.legend .key.fact { color: var(--fact); border-style: dotted; }
.layout { display: grid; grid-template-columns: minmax(260px, 360px) 1fr; gap: 16px; padding: 16px; align-items: start; }
.side { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; background: #fff; border: 1px solid var(--line); padding: 8px 12px; }
.side h2 { font-size: 16px; margin: 8px 0; }
ol.findings { list-style: none; margin: 0; padding: 0; }
button.finding { display: block; width: 100%; text-align: left; font: inherit; background: #fff; border: 1px solid var(--line); border-left: 5px solid currentColor; padding: 6px 8px; margin: 0 0 6px; cursor: pointer; }
button.finding .msg { color: #1d2127; }
button.finding .rule { font-size: 12px; color: var(--muted); }
button.finding[aria-pressed="true"] { background: #fff8e1; box-shadow: 0 0 0 2px var(--hl); }
.toc ul { list-style: none; padding-left: 14px; margin: 2px 0; }
.toc > ul { padding-left: 0; }
.toc a { text-decoration: none; }
.pages { min-width: 0; }
.page-row { margin: 0 0 24px; scroll-margin-top: 8px; }
.page-head { font-size: 15px; margin: 0 0 6px; }
.badge { display: inline-block; font-size: 12px; font-weight: normal; padding: 1px 6px; border-radius: 3px; margin-left: 6px; }
.badge.ocr { background: #ede7f6; color: #4527a0; }
.badge.page-error { background: #ffebee; color: var(--error); }
.page-body { display: flex; gap: 12px; align-items: flex-start; }
figure.page { position: relative; margin: 0; width: 100%; max-width: 900px; flex: 0 1 900px; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, .2); }
figure.page.ocr { outline: 2px dashed #7e57c2; }
figure.page > img { display: block; width: 100%; height: 100%; }
div.page.missing { padding: 40px; background: #fff; border: 1px dashed var(--line); color: var(--muted); max-width: 900px; width: 100%; }
.box { position: absolute; border: 1px dotted var(--fact); background: rgba(46, 125, 50, .06); cursor: help; }
.box.in-finding { border: 2px solid currentColor; background: rgba(255, 255, 255, 0); }
.box.in-finding.sev-error { background: rgba(198, 40, 40, .12); }
.box.in-finding.sev-warning { background: rgba(230, 81, 0, .12); }
.box.in-finding.sev-info { background: rgba(21, 101, 192, .12); }
.box.hl { box-shadow: 0 0 0 3px var(--hl), 0 0 12px 4px rgba(255, 193, 7, .8); z-index: 2; }
.box:focus { outline: 2px solid #0b57d0; outline-offset: 1px; z-index: 3; }
.tip { display: none; position: absolute; left: 0; top: 100%; margin-top: 4px; z-index: 10; width: max-content; max-width: 360px; background: #263238; color: #fff; font-size: 13px; line-height: 1.45; padding: 6px 8px; border-radius: 4px; pointer-events: none; white-space: normal; }
.tip b.sev-error { color: #ff8a80; } .tip b.sev-warning { color: #ffcc80; } .tip b.sev-info { color: #82b1ff; }
.tip .id { color: #b0bec5; }
.box:hover > .tip, .box:focus > .tip { display: block; }
aside.tables { flex: 1 1 420px; min-width: 320px; max-height: 120vh; overflow: auto; background: #fff; border: 1px solid var(--line); padding: 6px; }
/* A wide table scrolls in its own panel, its header rows on top and its first column at the left. */
.table-wrap { max-height: 80vh; overflow: auto; margin-bottom: 12px; border: 1px solid var(--line); }
table.cells { border-collapse: separate; border-spacing: 0; font-size: 12px; }
table.cells caption { text-align: left; font-weight: bold; padding: 2px 4px 4px; position: sticky; left: 0; }
table.cells td { border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: 2px 4px; vertical-align: top; background: #fff; }
table.cells td.short { white-space: nowrap; }
table.cells td.long { min-width: 12em; max-width: 24em; }
table.cells thead { position: sticky; top: 0; z-index: 2; }
table.cells thead td { background: #eef0f3; font-weight: bold; }
table.cells td:first-child { position: sticky; left: 0; z-index: 1; }
table.cells thead td:first-child { z-index: 3; }
.problem { background: #fff3e0; border: 1px solid var(--warning); padding: 8px 12px; }
/* a document's indicators (records): a missed target's row marked */
section.indicators { background: #fff; border: 1px solid var(--line); padding: 6px 10px; margin-bottom: 12px; }
section.indicators summary h2 { display: inline; font-size: 16px; }
table.indicators { border-collapse: collapse; font-size: 13px; }
table.indicators th, table.indicators td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
table.indicators th { position: sticky; top: 0; background: #eef0f3; white-space: nowrap; }
table.indicators td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.indicators tr.missed td { background: #fdecea; }
.met-no { color: var(--error); font-weight: bold; } .met-yes { color: var(--fact); }
.print-findings { display: none; }

/* what reviewers decided (shown by the static site too) */
.findings li.decision-dismissed button.finding { opacity: .55; }
.findings li.decision-dismissed .msg { text-decoration: line-through; }
p.review { margin: -4px 0 8px; padding: 2px 8px; font-size: 13px; background: #f1f8e9; border-left: 3px solid #7cb342; }
li.decision-dismissed p.review { background: #eceff1; border-left-color: #90a4ae; }
.box.corrected { border: 2px solid #6a1b9a; background: rgba(106, 27, 154, .10); }
.box.added { border: 2px dashed #6a1b9a; background: rgba(106, 27, 154, .10); }
.tip .corrected-mark { color: #e1bee7; }
.unmatched { margin: 12px 16px 0; }
.not-understood { display: inline-block; padding: 0 5px; border-radius: 3px; background: #fff3e0; color: var(--warning); font-weight: bold; }
td.why code { font-size: 12px; }
.dismissed { color: var(--muted); font-size: 12px; }

/* the review server's editing (jixiao review) */
.review-controls { display: flex; gap: 4px; margin: -2px 0 10px; }
.review-controls .note { flex: 1; min-width: 0; font: inherit; font-size: 13px; }
.review-controls button, .add-fact, .fe-buttons button { font: inherit; font-size: 13px; cursor: pointer; }
.editing .box.fact { cursor: pointer; }
figure.page.drawing { cursor: crosshair; }
figure.page.drawing .box { pointer-events: none; }
.draft { position: absolute; border: 2px dashed #6a1b9a; background: rgba(106, 27, 154, .12); z-index: 5; }
dialog#fact-editor { width: min(640px, 95vw); border: 1px solid var(--line); padding: 12px 16px; }
.fact-editor label { display: block; margin: 6px 0; }
.fact-editor input { font: inherit; width: 100%; }
.fe-crop { position: relative; overflow: hidden; width: 100%; border: 1px solid var(--line); background: #fff; }
.fe-crop img { position: absolute; left: 0; width: 100%; }
.fe-crop .cbox { position: absolute; border: 2px solid #6a1b9a; }
.fe-quote { color: var(--muted); font-size: 13px; }
.fe-error { color: var(--error); min-height: 1.2em; }
.fe-buttons { display: flex; gap: 8px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .side { position: static; max-height: none; } .page-body { flex-wrap: wrap; } }

@media print {
  :root { background: #fff; font-size: 11pt; }
  .layout, .filters, .legend, .back { display: none !important; }
  .top { border: 0; padding: 0; }
  .print-findings { display: block; }
  .print-findings h2 { font-size: 14pt; }
  .print-finding { break-inside: avoid; margin: 0 0 14pt; padding-left: 8pt; border-left: 4pt solid currentColor; }
  .print-finding h3 { font-size: 12pt; margin: 0 0 2pt; }
  .print-finding p { color: #000; margin: 0 0 4pt; }
  .print-finding p.crop-page { color: #555; font-size: 9pt; margin: 4pt 0 1pt; }
  .crop { break-inside: avoid; }
  .crop { position: relative; overflow: hidden; width: 100%; border: 1px solid #999; }
  .crop img { position: absolute; left: 0; width: 100%; }
  .cbox { position: absolute; border: 2px solid currentColor; }
  table.docs th { position: static; }
  a { color: inherit; text-decoration: none; }
}
`;

// The browser's script, as text (it is not run by Node): one function scope for the page,
// as a file:// page cannot load modules; its parts are the "// ----" sections inside it.
export const REVIEW_JS = String.raw`// jixiao review site: sorting and filters on the index; on a document page,
// findings that take you to their boxes. No network, no eval, no innerHTML:
// everything shown was escaped when the page was written.
'use strict';
(function () {
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // ---- index ----
  var docs = $('#docs');
  if (docs) {
    var tbody = docs.tBodies[0];
    var rows = $$('tr', tbody);
    var filters = { sev: $('#f-sev'), rule: $('#f-rule'), org: $('#f-org'), year: $('#f-year'), status: $('#f-status'), flag: $('#f-flag'), text: $('#f-text') };
    var apply = function () {
      var sev = filters.sev.value, rule = filters.rule.value, org = filters.org.value, year = filters.year.value, status = filters.status.value, flag = filters.flag.value;
      var text = filters.text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (tr) {
        var ok = (!sev || tr.dataset.sev.split(' ').indexOf(sev) >= 0)
          && (!rule || tr.dataset.rules.split(' ').indexOf(rule) >= 0)
          && (!org || tr.dataset.org === org)
          && (!year || tr.dataset.year === year)
          && (!status || tr.dataset.status === status)
          && (!flag || tr.dataset.flag === flag)
          && (!text || tr.textContent.toLowerCase().indexOf(text) >= 0);
        tr.hidden = !ok;
        if (ok) shown++;
      });
      $('#shown').textContent = String(shown);
    };
    Object.keys(filters).forEach(function (k) { filters[k].addEventListener('input', apply); filters[k].addEventListener('change', apply); });
    $('#filters').addEventListener('submit', function (e) { e.preventDefault(); });
    $$('button.sort', docs).forEach(function (btn) {
      btn.addEventListener('click', function () {
        var th = btn.parentNode;
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        $$('th', docs).forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', dir);
        var col = Number(btn.dataset.col), numeric = btn.dataset.numeric === '1', sign = dir === 'ascending' ? 1 : -1;
        var key = function (tr) { var v = tr.cells[col].dataset.sort; return numeric ? Number(v) : v; };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
          return c !== 0 ? sign * c : Number(a.dataset.order) - Number(b.dataset.order);
        });
        rows.forEach(function (tr) { tbody.appendChild(tr); });
      });
    });
    apply();
  }

  // ---- document ----
  var list = $('#findings');
  if (list) {
    var buttons = $$('button.finding', list);
    var activate = function (btn, focus) {
      var id = btn.dataset.finding;
      $$('.box.hl').forEach(function (b) { b.classList.remove('hl'); });
      buttons.forEach(function (b) { b.setAttribute('aria-pressed', b === btn ? 'true' : 'false'); });
      var boxes = $$('.box').filter(function (b) { return (b.dataset.findings || '').split(' ').indexOf(id) >= 0; });
      boxes.forEach(function (b) { b.classList.add('hl'); });
      var page = btn.dataset.page;
      var target = boxes.filter(function (b) { return b.closest('.page-row').dataset.page === page; })[0] || boxes[0] || (page && document.getElementById('p' + page));
      if (target) target.scrollIntoView({ block: 'center', inline: 'nearest' });
      if (focus && boxes[0]) boxes[0].focus({ preventScroll: true });
      try { history.replaceState(null, '', '#finding-' + id); } catch (e) { /* file: URLs that refuse it */ }
    };
    buttons.forEach(function (btn, i) {
      btn.addEventListener('click', function () { activate(btn, false); });
      btn.addEventListener('keydown', function (e) {
        var next = e.key === 'ArrowDown' || e.key === 'j' ? buttons[i + 1] : e.key === 'ArrowUp' || e.key === 'k' ? buttons[i - 1] : null;
        if (next) { e.preventDefault(); next.focus(); }
      });
    });
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') return;
      $$('.box.hl').forEach(function (b) { b.classList.remove('hl'); });
      buttons.forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
    });
    var m = /^#finding-(.+)$/.exec(location.hash);
    var first = m && document.getElementById('finding-' + m[1]);
    if (first) activate(first, false);
  }
  // Printing shows each finding's crop: load those images (lazy ones inside a hidden block never load by themselves).
  window.addEventListener('beforeprint', function () { $$('.crop img').forEach(function (img) { img.loading = 'eager'; }); });
})();
`;
