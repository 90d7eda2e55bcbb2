// jixiao review site: sorting and filters on the index; on a document page,
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
    var filters = { sev: $('#f-sev'), rule: $('#f-rule'), org: $('#f-org'), year: $('#f-year'), status: $('#f-status'), text: $('#f-text') };
    var apply = function () {
      var sev = filters.sev.value, rule = filters.rule.value, org = filters.org.value, year = filters.year.value, status = filters.status.value;
      var text = filters.text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (tr) {
        var ok = (!sev || tr.dataset.sev.split(' ').indexOf(sev) >= 0)
          && (!rule || tr.dataset.rules.split(' ').indexOf(rule) >= 0)
          && (!org || tr.dataset.org === org)
          && (!year || tr.dataset.year === year)
          && (!status || tr.dataset.status === status)
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
