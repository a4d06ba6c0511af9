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

/** A ladder in the two track colours. */
export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><defs><clipPath id="r"><rect width="32" height="32" rx="7"/></clipPath></defs><g clip-path="url(#r)"><rect width="16" height="32" fill="#0f766e"/><rect x="16" width="16" height="32" fill="#6d28d9"/></g><path d="M10 5v22M22 5v22M10 10h12M10 16h12M10 22h12" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>
`;
