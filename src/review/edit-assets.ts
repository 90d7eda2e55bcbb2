// The review server's editing script (served by `jixiao review` only; the
// static site has none): a finding confirmed or dismissed with a note; a fact
// corrected on a crop of its page, or marked not a fact; a missed fact added
// by drawing its box on the page. Each decision is POSTed to the server under
// the page's own token path and the page reloaded to show it. Nothing is
// built from markup strings: text goes in through textContent and .value.

export const REVIEW_EDIT_JS = String.raw`'use strict';
(function () {
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  var body = document.body;
  var doc = body.dataset.document;
  // /<token>/documents/x.html → /<token>: the writes go under the same token as the page.
  var base = location.pathname.split('/').slice(0, 2).join('/');

  function post(what, data, onError) {
    data.document = doc;
    return fetch(base + '/api/' + what, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Jixiao-Review': '1' },
      body: JSON.stringify(data),
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (j) {
        if (!res.ok) throw new Error(j.error || ('HTTP ' + res.status));
        location.reload();
      });
    }).catch(function (e) { onError(e.message); });
  }

  // ---- findings ----
  $$('.review-controls').forEach(function (box) {
    $$('button.decide', box).forEach(function (btn) {
      btn.addEventListener('click', function () {
        btn.disabled = true;
        post('findings', { finding: box.dataset.finding, decision: btn.dataset.decision, note: $('.note', box).value }, function (msg) {
          btn.disabled = false;
          alert('未能保存：' + msg);
        });
      });
    });
  });

  // ---- the editor ----
  var dialog = $('#fact-editor');
  if (!dialog) return;
  var f = { value: $('#fe-value'), unit: $('#fe-unit'), label: $('#fe-label'), note: $('#fe-note') };
  var current = null;

  function rectOf(el) {
    return ['left', 'top', 'width', 'height'].map(function (k) { return parseFloat(el.style[k]) / 100; });
  }

  /** A crop of the page: whole lines around the box, the box drawn on it. */
  function crop(figure, r) {
    var holder = $('#fe-crop');
    while (holder.firstChild) holder.removeChild(holder.firstChild);
    var top = Math.max(0, r[1] - 0.04), bottom = Math.min(1, r[1] + r[3] + 0.04), h = Math.max(bottom - top, 0.02);
    var w = Number(figure.dataset.widthPt), hh = Number(figure.dataset.heightPt);
    holder.style.aspectRatio = w + ' / ' + (hh * h);
    var img = document.createElement('img');
    img.src = $('img', figure).src;
    img.alt = '页面局部';
    img.style.top = (-top / h * 100) + '%';
    img.style.height = (100 / h) + '%';
    var box = document.createElement('span');
    box.className = 'cbox';
    box.style.left = (r[0] * 100) + '%';
    box.style.top = ((r[1] - top) / h * 100) + '%';
    box.style.width = (r[2] * 100) + '%';
    box.style.height = (r[3] / h * 100) + '%';
    holder.appendChild(img);
    holder.appendChild(box);
  }

  function open(state) {
    current = state;
    $('#fe-title').textContent = state.fact ? '更正数字 ' + state.fact : '添加遗漏的数字（第 ' + state.page + ' 页）';
    $('#fe-quote').textContent = state.quote ? '原文：' + state.quote : '';
    $('#fe-error').textContent = '';
    f.value.value = state.value || '';
    f.unit.value = state.unit || '';
    f.label.value = state.label || '';
    f.note.value = '';
    $('#fe-not-fact').hidden = !state.fact;
    crop(state.figure, state.rect);
    dialog.showModal();
    f.value.focus();
  }

  function fail(msg) { $('#fe-error').textContent = '未能保存：' + msg; }

  $('#fe-cancel').addEventListener('click', function () { dialog.close(); });
  $('#fe-save').addEventListener('click', function () {
    var data = { value: f.value.value.trim(), unit: f.unit.value.trim(), label: f.label.value.trim(), note: f.note.value };
    if (current.fact) { data.fact = current.fact; post('facts', data, fail); }
    else { data.page = current.page; data.bbox = current.bbox; post('added', data, fail); }
  });
  $('#fe-not-fact').addEventListener('click', function () {
    post('facts', { fact: current.fact, notAFact: true, note: f.note.value }, fail);
  });

  $$('.box.fact').forEach(function (box) {
    var go = function () {
      var figure = box.closest('figure.page');
      if (figure.classList.contains('drawing')) return;
      open({ fact: box.dataset.id, value: box.dataset.value, unit: box.dataset.unit, label: box.dataset.label,
        quote: box.dataset.quote, figure: figure, rect: rectOf(box) });
    };
    box.addEventListener('click', go);
    box.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); go(); } });
  });

  // ---- a missed fact: its box drawn on the page ----
  $$('button.add-fact').forEach(function (btn) {
    var row = btn.closest('.page-row');
    var figure = $('figure.page', row);
    var start = null, draft = null;
    var at = function (e) {
      var b = figure.getBoundingClientRect();
      return [Math.min(1, Math.max(0, (e.clientX - b.left) / b.width)), Math.min(1, Math.max(0, (e.clientY - b.top) / b.height))];
    };
    var stop = function () {
      figure.classList.remove('drawing');
      btn.setAttribute('aria-pressed', 'false');
      if (draft) draft.remove();
      start = null; draft = null;
    };
    btn.addEventListener('click', function () {
      if (figure.classList.contains('drawing')) return stop();
      figure.classList.add('drawing');
      btn.setAttribute('aria-pressed', 'true');
    });
    figure.addEventListener('mousedown', function (e) {
      if (!figure.classList.contains('drawing')) return;
      e.preventDefault();
      start = at(e);
      draft = document.createElement('span');
      draft.className = 'draft';
      figure.appendChild(draft);
    });
    figure.addEventListener('mousemove', function (e) {
      if (!start) return;
      var p = at(e);
      draft.style.left = Math.min(p[0], start[0]) * 100 + '%';
      draft.style.top = Math.min(p[1], start[1]) * 100 + '%';
      draft.style.width = Math.abs(p[0] - start[0]) * 100 + '%';
      draft.style.height = Math.abs(p[1] - start[1]) * 100 + '%';
    });
    figure.addEventListener('mouseup', function (e) {
      if (!start) return;
      var p = at(e);
      var r = [Math.min(p[0], start[0]), Math.min(p[1], start[1]), Math.abs(p[0] - start[0]), Math.abs(p[1] - start[1])];
      stop();
      if (r[2] < 0.005 || r[3] < 0.003) return;
      // Fractions of the shown page → PDF points, origin bottom-left (as the report's boxes).
      var w = Number(figure.dataset.widthPt), h = Number(figure.dataset.heightPt);
      var bbox = [r[0] * w, h - (r[1] + r[3]) * h, (r[0] + r[2]) * w, h - r[1] * h].map(function (v) { return Math.round(v * 10) / 10; });
      open({ fact: null, page: Number(row.dataset.page), bbox: bbox, figure: figure, rect: r });
    });
  });
})();
`;
