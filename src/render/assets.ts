/** The site's script and icon, written to assets/ beside the stylesheet. No external requests. */

/**
 * assets/search.js: searches search/index.json in the browser. Progressive enhancement only: the
 * search page lists every level without it. Results are built with textContent, never innerHTML.
 */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var form = document.querySelector('form[data-index]');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  // Search works: the note for browsers without JavaScript goes (a <noscript> would not do for
  // browsers that merely block scripts).
  var note = document.getElementById('ladder-search-nojs');
  if (note) note.hidden = true;
  var input = form.querySelector('input[name="q"]');
  var section = document.getElementById('ladder-results');
  var status = document.getElementById('ladder-results-status');
  var list = document.getElementById('ladder-results-list');
  var LIMIT = 50;
  var loading = null;
  var timer = 0;

  function fold(s) {
    return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  }
  function terms(q) {
    return fold(q).split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);
  }
  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute('data-index'))
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(function (data) {
          return data.entries.map(function (e) {
            return { e: e, all: fold(e.l + ' ' + e.s + ' ' + e.k + ' ' + e.x), level: fold(e.l), section: fold(e.s) };
          });
        });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }
  function escapeRegExp(s) {
    return s.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
  }
  function highlighted(parent, text, words) {
    var re = new RegExp('(' + words.map(escapeRegExp).join('|') + ')', 'gi');
    var last = 0;
    text.replace(re, function (match, _g, offset) {
      if (offset > last) parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var mark = document.createElement('mark');
      mark.textContent = match;
      parent.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }
  function snippet(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < words.length && at === -1; i++) at = lower.indexOf(words[i]);
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, (at === -1 ? 0 : at) + 160);
    return (start > 0 ? '… ' : '') + text.slice(start, end).trim() + (end < text.length ? ' …' : '');
  }
  function show(q, words, hits) {
    list.replaceChildren();
    hits.slice(0, LIMIT).forEach(function (hit) {
      var e = hit.e;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = e.u;
      a.textContent = e.l + ' · ' + e.s;
      var track = document.createElement('span');
      track.className = 'result-track';
      track.textContent = ' (' + e.k + ')';
      var p = document.createElement('p');
      highlighted(p, snippet(e.x, words), words);
      li.append(a, track, p);
      list.appendChild(li);
    });
    var n = hits.length;
    status.textContent = (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results') + ' for \\u201c' + q.trim() + '\\u201d' + (n > LIMIT ? ', showing the first ' + LIMIT : '') + '.';
    section.hidden = false;
  }
  function search(q) {
    var words = terms(q);
    if (words.length === 0) {
      section.hidden = true;
      return;
    }
    load().then(function (entries) {
      var hits = [];
      entries.forEach(function (entry) {
        var score = 0;
        for (var i = 0; i < words.length; i++) {
          var w = words[i];
          if (entry.all.indexOf(w) === -1) return;
          score += 1 + (entry.level.indexOf(w) !== -1 ? 10 : 0) + (entry.section.indexOf(w) !== -1 ? 5 : 0);
        }
        hits.push({ e: entry.e, score: score });
      });
      hits.sort(function (a, b) { return b.score - a.score; });
      show(q, words, hits);
    }, function () {
      list.replaceChildren();
      status.textContent = 'Search is unavailable: its index could not be loaded. Every level is listed below.';
      section.hidden = false;
    });
  }
  function update() {
    var q = input.value;
    var url = new URL(window.location.href);
    if (q.trim()) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    search(q);
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    update();
  });
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 200);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
`;

/**
 * assets/columns.js: the column pickers of the home page (which tracks to show) and of the
 * matrices (compare two levels). Progressive enhancement: without it every column shows and the
 * pickers stay hidden. An element [data-columns] names its table; its checkboxes or selects carry the
 * ids of the columns to show, in the table's column order after the first (the row headers). The
 * choice is kept in the URL's query (?tracks=a,b or ?compare=E3,E5: shareable, and never a
 * #fragment, which the pages use for anchors) and, for the home page, in localStorage.
 */
export const COLUMNS_SCRIPT = `(function () {
  'use strict';
  if (!window.URLSearchParams || !window.history.replaceState) return;
  document.querySelectorAll('[data-columns]').forEach(function (form) {
    var table = document.getElementById(form.getAttribute('data-columns'));
    if (!table) return;
    var param = form.getAttribute('data-param');
    var remember = form.hasAttribute('data-remember') ? 'ladder-columns:' + param : null;
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"]'));
    var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
    var ids = boxes.length ? boxes.map(function (b) { return b.value; }) : Array.prototype.map.call(selects[0].options, function (o) { return o.value; });
    var status = form.querySelector('.picker-status');
    var noun = form.getAttribute('data-noun') || 'levels';

    // Shows the columns whose ids are in 'shown' (null: every column); cells spanning several
    // columns (a family's heading) keep the span of what is left of them.
    function apply(shown) {
      Array.prototype.forEach.call(table.rows, function (row) {
        var col = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          var span = Number(cell.getAttribute('data-span') || cell.colSpan || 1);
          if (span > 1) cell.setAttribute('data-span', String(span));
          var visible = 0;
          for (var c = col; c < col + span; c++) if (c === 0 || c > ids.length || !shown || shown.indexOf(ids[c - 1]) !== -1) visible++;
          cell.hidden = visible === 0;
          if (span > 1) cell.colSpan = Math.max(visible, 1);
          col += span;
        });
      });
      // Elements elsewhere that belong to a column (links to it) come and go with it.
      document.querySelectorAll('[data-column]').forEach(function (el) {
        if (ids.indexOf(el.getAttribute('data-column')) !== -1) el.hidden = !!shown && shown.indexOf(el.getAttribute('data-column')) === -1;
      });
      var url = new URL(window.location.href);
      if (shown) url.searchParams.set(param, shown.join(','));
      else url.searchParams.delete(param);
      window.history.replaceState(null, '', url);
      if (remember) {
        try {
          if (shown) window.localStorage.setItem(remember, shown.join(','));
          else window.localStorage.removeItem(remember);
        } catch (e) { /* storage refused: the URL still holds the choice */ }
      }
      if (status) {
        var names = (shown || []).map(function (id) {
          var i = ids.indexOf(id);
          return boxes.length ? boxes[i].getAttribute('data-name') : selects[0].options[i].text;
        });
        status.textContent = !shown ? 'Showing every one of the ' + ids.length + ' ' + noun + '.'
          : boxes.length ? 'Showing ' + shown.length + ' of ' + ids.length + ' ' + noun + ': ' + names.join(', ') + '.'
          : 'Comparing ' + names.join(' and ') + '.';
      }
    }
    function known(list) {
      var out = list.filter(function (id, i) { return ids.indexOf(id) !== -1 && list.indexOf(id) === i; });
      return out.length ? out : null;
    }
    function fromBoxes() {
      var shown = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      return shown.length === ids.length ? null : shown;
    }
    var initial = new URLSearchParams(window.location.search).get(param);
    if (initial === null && remember) {
      try { initial = window.localStorage.getItem(remember); } catch (e) { initial = null; }
    }
    var shown = initial ? known(initial.split(',')) : null;
    if (boxes.length) {
      boxes.forEach(function (b) {
        b.checked = !shown || shown.indexOf(b.value) !== -1;
        b.addEventListener('change', function () { apply(fromBoxes()); });
      });
    } else if (shown && shown.length === 2) {
      selects[0].value = shown[0];
      selects[1].value = shown[1];
    } else shown = null;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (selects.length === 2) apply(known([selects[0].value, selects[1].value].sort(function (a, b) { return ids.indexOf(a) - ids.indexOf(b); })));
    });
    var all = form.querySelector('[data-show-all]');
    if (all) all.addEventListener('click', function () {
      boxes.forEach(function (b) { b.checked = true; });
      apply(null);
    });
    form.hidden = false;
    apply(shown);
  });
})();
`;

/** A ladder in the two track colours. */
export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><defs><clipPath id="r"><rect width="32" height="32" rx="7"/></clipPath></defs><g clip-path="url(#r)"><rect width="16" height="32" fill="#0f766e"/><rect x="16" width="16" height="32" fill="#6d28d9"/></g><path d="M10 5v22M22 5v22M10 10h12M10 16h12M10 22h12" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>
`;
