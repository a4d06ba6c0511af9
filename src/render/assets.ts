/** The site's script and icon, written to assets/ beside the stylesheet. No external requests. */

import { searchKit } from './search-text.js';

/** Results shown at first; a "Show all" button shows the rest. */
export const RESULT_LIMIT = 50;

/**
 * assets/search.js: searches the split index of search-index.ts in the browser. Progressive
 * enhancement only: the search page lists every level without it. Results are built with
 * textContent, never innerHTML. The text functions are search-text.ts's own, embedded.
 *
 * The head of the index loads when the search box gets focus (or a query arrives in the URL); a
 * query then loads the term shards of its words and the text files of the results it shows.
 */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var form = document.querySelector('form[data-index]');
  if (!form || !window.fetch || !window.URLSearchParams || !window.Promise) return;
  var kit = (${searchKit.toString()})();
  // Search works: the note for browsers without JavaScript goes (a <noscript> would not do for
  // browsers that merely block scripts).
  var note = document.getElementById('ladder-search-nojs');
  if (note) note.hidden = true;
  var input = form.querySelector('input[name="q"]');
  var section = document.getElementById('ladder-results');
  var status = document.getElementById('ladder-results-status');
  var list = document.getElementById('ladder-results-list');
  var more = document.getElementById('ladder-results-more');
  var LIMIT = ${RESULT_LIMIT};
  var SNIPPET = 180;
  var files = {};
  var timer = 0;
  var serial = 0;
  var shown = null;

  function get(url) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      });
      files[url].catch(function () { delete files[url]; });
    }
    return files[url];
  }
  function head() {
    return get(form.getAttribute('data-index')).then(function (h) {
      if (h.version !== 2) throw new Error('unknown index version');
      if (!h.entries) h.entries = kit.entries(h.runs);
      return h;
    });
  }
  function texts(h, docs) {
    var wanted = [];
    docs.forEach(function (d) {
      var c = Math.floor(d / h.perText);
      if (wanted.indexOf(c) === -1) wanted.push(c);
    });
    return Promise.all(wanted.map(function (c) { return get(h.text + c + '.json'); })).then(function () {
      return Promise.all(docs.map(function (d) {
        var c = Math.floor(d / h.perText);
        return get(h.text + c + '.json').then(function (chunk) { return chunk[d - c * h.perText] || ''; });
      }));
    });
  }
  function paragraph(text, found) {
    var marks = kit.words(text).filter(function (w) { return found.has(w.t); }).map(function (w) { return [w.start, w.end]; });
    marks = marks.filter(function (m, i) { return i === 0 || m[0] >= marks[i - 1][1]; });
    var cut = kit.snippet(text, marks, SNIPPET);
    var p = document.createElement('p');
    var last = 0;
    cut.marks.forEach(function (m) {
      if (m[0] > last) p.appendChild(document.createTextNode(cut.text.slice(last, m[0])));
      var mark = document.createElement('mark');
      mark.textContent = cut.text.slice(m[0], m[1]);
      p.appendChild(mark);
      last = m[1];
    });
    if (last < cut.text.length) p.appendChild(document.createTextNode(cut.text.slice(last)));
    return p;
  }
  function show(run, count) {
    var docs = run.hits.slice(0, count);
    return texts(run.h, docs).then(function (bodies) {
      if (run.serial !== serial) return;
      list.replaceChildren();
      docs.forEach(function (doc, i) {
        var page = run.h.pages[run.h.entries[doc][0]];
        var part = run.h.sections[run.h.entries[doc][1]];
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = page[0] + (part[1] ? '#' + part[1] : '');
        a.textContent = page[1] + ' \u00b7 ' + part[0];
        var sub = document.createElement('span');
        sub.className = 'result-track';
        sub.textContent = ' (' + page[2] + ')';
        li.append(a, sub, paragraph(bodies[i], run.found));
        list.appendChild(li);
      });
      var n = run.hits.length;
      status.textContent = (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results') + ' for \u201c' + run.q.trim() + '\u201d' + (n > docs.length ? ', showing the first ' + docs.length : '') + '.';
      more.hidden = n <= docs.length;
      more.textContent = 'Show all ' + n + ' results';
      section.hidden = false;
      shown = run;
    });
  }
  function unavailable() {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Search is unavailable: its index could not be loaded. Every level is listed below.';
    section.hidden = false;
  }
  function search(q) {
    var mine = ++serial;
    var words = kit.query(q);
    if (q.trim() === '') {
      section.hidden = true;
      return;
    }
    head().then(function (h) {
      return Promise.all(words.map(function (w) {
        return Promise.all(kit.shardsOf(w.t, h.keys).map(function (key) { return get(h.terms + key + '.json'); })).then(function (parts) {
          return Object.assign.apply(Object, [{}].concat(parts));
        });
      })).then(function (shards) {
        if (mine !== serial) return;
        var found = new Set();
        var matched = words.map(function (w, i) {
          var m = kit.match(w, shards[i]);
          m.terms.forEach(function (t) { found.add(t); });
          return m.hits;
        });
        var hits = kit.rank(words, matched, function (doc) {
          return h.pages[h.entries[doc][0]][1] + ' ' + h.sections[h.entries[doc][1]][0];
        });
        return show({ serial: mine, q: q, h: h, hits: hits, found: found }, LIMIT);
      });
    }).catch(function () {
      if (mine === serial) unavailable();
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
  // The head of the index (page names, the list of shards) loads as soon as search is likely.
  input.addEventListener('focus', function () { head().catch(function () {}); }, { once: true });
  more.addEventListener('click', function () {
    if (!shown) return;
    var run = shown;
    show(run, run.hits.length).then(function () {
      var first = list.children[LIMIT];
      var link = first && first.querySelector('a');
      if (link) link.focus();
    }).catch(unavailable);
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

/**
 * assets/checklist.js: keeps a checklist's ticks in localStorage, under the key the page names
 * (one per ladder version and level), and offers to clear them. Nothing leaves the browser. Without
 * it (or without storage) the checklist still works for the visit, and on paper.
 */
export const CHECKLIST_SCRIPT = `(function () {
  'use strict';
  var root = document.querySelector('[data-checklist]');
  if (!root) return;
  var key = root.getAttribute('data-checklist');
  var store = null;
  try {
    store = window.localStorage;
    store.setItem(key + ':probe', '1');
    store.removeItem(key + ':probe');
  } catch (e) {
    return; // storage blocked: ticks last for this visit only
  }
  var boxes = Array.prototype.slice.call(root.querySelectorAll('input[type="checkbox"]'));
  var tools = document.getElementById('ladder-checklist-tools');
  var status = document.getElementById('ladder-checklist-status');
  var clear = document.getElementById('ladder-checklist-clear');
  function read() {
    try {
      var value = JSON.parse(store.getItem(key) || '{}');
      return value && typeof value === 'object' ? value : {};
    } catch (e) {
      return {};
    }
  }
  function count() {
    var n = boxes.filter(function (b) { return b.checked; }).length;
    status.textContent = n + ' of ' + boxes.length + ' ticked, kept in this browser only.';
    clear.disabled = n === 0;
  }
  function save() {
    var state = {};
    boxes.forEach(function (b) { if (b.checked) state[b.id] = true; });
    try {
      if (Object.keys(state).length === 0) store.removeItem(key);
      else store.setItem(key, JSON.stringify(state));
    } catch (e) {
      /* full or blocked: the ticks stay on the page */
    }
    count();
  }
  var state = read();
  boxes.forEach(function (b) {
    b.checked = state[b.id] === true;
    b.addEventListener('change', save);
  });
  clear.addEventListener('click', function () {
    if (!window.confirm('Clear every tick of this checklist?')) return;
    boxes.forEach(function (b) { b.checked = false; });
    save();
    if (boxes[0]) boxes[0].focus();
  });
  tools.hidden = false;
  count();
})();
`;

/** A ladder in the two track colours. */
export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><defs><clipPath id="r"><rect width="32" height="32" rx="7"/></clipPath></defs><g clip-path="url(#r)"><rect width="16" height="32" fill="#0f766e"/><rect x="16" width="16" height="32" fill="#6d28d9"/></g><path d="M10 5v22M22 5v22M10 10h12M10 16h12M10 22h12" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>
`;
