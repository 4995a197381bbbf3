// The runs table: rows come from the JSON embedded above; the filters hide rows that do not match.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('runs-data').textContent);
  var metrics = data.metrics, runs = data.runs;
  var table = document.getElementById('runs-table');
  var filters = document.getElementById('run-filters');

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v) { return typeof v === 'number' ? (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(4)) : ''; }
  function distinct(key) { return runs.map(function (r) { return r[key]; }).filter(function (v, i, a) { return v && a.indexOf(v) === i; }).sort(); }
  function select(name, values) {
    var label = el('label', {}, name), s = el('select', { id: 'filter-' + name });
    s.appendChild(el('option', { value: '' }, 'all'));
    values.forEach(function (v) { s.appendChild(el('option', { value: v }, v)); });
    label.appendChild(s);
    filters.appendChild(label);
    return s;
  }

  var status = select('status', distinct('status'));
  var source = select('source', distinct('source'));
  var textLabel = el('label', {}, 'search'), text = el('input', { id: 'filter-text', type: 'search', placeholder: 'id, commit, params, tags' });
  textLabel.appendChild(text);
  filters.appendChild(textLabel);
  var ranges = metrics.map(function (m) {
    var label = el('label', {}, m), box = el('span', { class: 'range' });
    var min = el('input', { type: 'number', step: 'any', placeholder: 'min', 'data-metric': m, 'data-bound': 'min' });
    var max = el('input', { type: 'number', step: 'any', placeholder: 'max', 'data-metric': m, 'data-bound': 'max' });
    box.appendChild(min); box.appendChild(el('span', {}, '-')); box.appendChild(max);
    label.appendChild(box);
    filters.appendChild(label);
    return { metric: m, min: min, max: max };
  });

  var head = el('tr');
  ['run', 'status', 'source', 'started (UTC)', 'duration', 'version', 'commit', 'trainer'].concat(metrics).forEach(function (h, i) {
    head.appendChild(el('th', i >= 8 ? { class: 'num' } : {}, h));
  });
  table.tHead.appendChild(head);
  var body = table.tBodies[0];
  var rows = runs.map(function (r) {
    var tr = el('tr', { 'data-run': r.id });
    var id = el('td'); id.appendChild(el('code', {}, r.id)); tr.appendChild(id);
    var st = el('td'); st.appendChild(el('span', { class: 'status status-' + r.status, title: r.cachedFrom ? 'restored from run ' + r.cachedFrom : '' }, r.status)); tr.appendChild(st);
    tr.appendChild(el('td', {}, r.source));
    tr.appendChild(el('td', {}, r.started.replace(' UTC', '')));
    tr.appendChild(el('td', { class: 'num' }, r.duration === null ? '' : r.duration.toFixed(1) + ' s'));
    tr.appendChild(el('td', {}, r.version || ''));
    tr.appendChild(el('td', {}, r.commit || ''));
    tr.appendChild(el('td', {}, r.trainer || ''));
    metrics.forEach(function (m) { tr.appendChild(el('td', { class: 'num' }, fmt(r.metrics[m]))); });
    body.appendChild(tr);
    var haystack = [r.id, r.status, r.source, r.version, r.commit, r.trainer, r.text].join(' ').toLowerCase();
    return { run: r, tr: tr, haystack: haystack };
  });

  function apply() {
    var q = text.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (row) {
      var r = row.run, ok = (!status.value || r.status === status.value) && (!source.value || r.source === source.value) && (!q || row.haystack.indexOf(q) >= 0);
      ranges.forEach(function (g) {
        var v = r.metrics[g.metric];
        if (g.min.value !== '' && !(v >= parseFloat(g.min.value))) ok = false;
        if (g.max.value !== '' && !(v <= parseFloat(g.max.value))) ok = false;
      });
      row.tr.hidden = !ok;
      if (ok) shown++;
    });
    document.getElementById('runs-count').textContent = shown + ' of ' + runs.length + ' runs shown';
  }
  filters.addEventListener('input', apply);
  filters.addEventListener('change', apply);
  apply();
})();
