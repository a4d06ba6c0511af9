/**
 * The site's one stylesheet (assets/site.css): system fonts, light and dark schemes from
 * prefers-color-scheme, a print stylesheet, and layouts that hold from a phone to a wide screen.
 * Colour pairs are chosen for WCAG AA contrast in both schemes (axe checks them in tests).
 */
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --surface: #f6f8fa;
  --surface-2: #eef1f5;
  --text: #1f2328;
  --muted: #59636e;
  --border: #d1d9e0;
  --link: #0a58ca;
  --focus: #0a58ca;
  --ic: #0f766e;
  --ic-bg: #e8f5f2;
  --em: #6d28d9;
  --em-bg: #f3eefd;
  --new-bg: #dafbe1;
  --new-line: #1a7f37;
  --new-tag: #1a7f37;
  --new-tag-text: #ffffff;
  --changed-bg: #fff8c5;
  --changed-line: #9a6700;
  --changed-tag: #9a6700;
  --changed-tag-text: #ffffff;
  --same-tag: #e6e9ed;
  --same-tag-text: #3d444d;
  --shadow: 0 1px 2px rgb(31 35 40 / 8%);
  --radius: 8px;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --surface: #151b23;
    --surface-2: #1c2430;
    --text: #e6edf3;
    --muted: #9aa4af;
    --border: #3d444d;
    --link: #6cb6ff;
    --focus: #6cb6ff;
    --ic: #5eead4;
    --ic-bg: #10302c;
    --em: #c4b5fd;
    --em-bg: #261d40;
    --new-bg: #12361f;
    --new-line: #3fb950;
    --new-tag: #3fb950;
    --new-tag-text: #0d1117;
    --changed-bg: #3a2e05;
    --changed-line: #d29922;
    --changed-tag: #d29922;
    --changed-tag-text: #0d1117;
    --same-tag: #30363d;
    --same-tag-text: #e6edf3;
    --shadow: none;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 1rem/1.6 var(--font); }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
code { font-family: var(--mono); font-size: 0.9em; background: var(--surface-2); padding: 0.1em 0.3em; border-radius: 4px; }
pre { overflow-x: auto; background: var(--surface); padding: 0.75rem 1rem; border-radius: var(--radius); border: 1px solid var(--border); }
pre code { background: none; padding: 0; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.6em; }
h1 { font-size: clamp(1.75rem, 1.3rem + 2vw, 2.4rem); margin-top: 0.4em; letter-spacing: -0.01em; }
h2 { font-size: 1.45rem; }
h3 { font-size: 1.15rem; }
h4, h5, h6 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.6rem 0.75rem; border-bottom: 1px solid var(--border); }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.9rem; padding: 0 0 0.5rem; }
.align-center { text-align: center; }
.align-right { text-align: right; }
blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-left: 4px solid var(--border); color: var(--muted); }
ins { background: var(--new-bg); color: inherit; text-decoration: underline; text-decoration-color: var(--new-line); text-decoration-thickness: 2px; text-underline-offset: 0.2em; border-radius: 2px; padding: 0 0.1em; }
.visually-hidden, .sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; z-index: 10; background: var(--bg); color: var(--link); padding: 0.5rem 1rem; border: 2px solid var(--focus); border-radius: var(--radius); }
.skip-link:focus { top: 0.5rem; }
.wrap { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; }
main { display: block; padding-bottom: 3rem; }
main:focus { outline: none; }
.muted { color: var(--muted); }
.note { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.75rem 1rem; }
.plain-list { padding-left: 1.2rem; }
.plain-list li { margin: 0.4rem 0; }

/* Header and footer */
.site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
.header-inner { display: grid; grid-template-columns: 1fr auto; grid-template-areas: "brand search" "nav nav"; align-items: center; gap: 0.5rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.25rem; }
.brand { grid-area: brand; }
.site-nav { grid-area: nav; }
.header-search { grid-area: search; }
.brand { display: inline-flex; align-items: center; gap: 0.5rem; color: var(--text); text-decoration: none; font-weight: 700; font-size: 1.05rem; }
.brand-sub { color: var(--muted); font-weight: 500; }
.brand-mark { width: 1.5rem; height: 1.5rem; border-radius: 6px; background: linear-gradient(90deg, var(--ic) 0 50%, var(--em) 50% 100%); position: relative; }
.brand-mark::after { content: ""; position: absolute; inset: 0.3rem 0.35rem; border-top: 2px solid var(--bg); border-bottom: 2px solid var(--bg); }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; list-style: none; margin: 0; padding: 0; }
.site-nav a { display: inline-block; color: var(--text); text-decoration: none; padding: 0.35rem 0 0.45rem; border-bottom: 3px solid transparent; }
.site-nav a:hover, .site-nav a[aria-current="page"] { border-bottom-color: var(--link); }
.site-nav a[aria-current="page"] { font-weight: 600; }
.header-search { display: flex; gap: 0.4rem; }
.header-search input { width: 14rem; }
input[type="search"] { font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 0.35rem 0.6rem; min-width: 0; }
button { font: inherit; cursor: pointer; color: var(--bg); background: var(--link); border: 1px solid var(--link); border-radius: 6px; padding: 0.35rem 0.9rem; font-weight: 600; }
.site-footer { border-top: 1px solid var(--border); background: var(--surface); color: var(--muted); font-size: 0.9rem; padding: 1rem 0; }
.site-footer p { margin: 0.3rem 0; }
.crumbs ol { display: flex; flex-wrap: wrap; list-style: none; padding: 0; margin: 1.25rem 0 0; font-size: 0.9rem; color: var(--muted); }
.crumbs li + li::before { content: "/"; padding: 0 0.5rem; color: var(--muted); }

/* Page heads */
.hero { padding: 1.5rem 0 0.5rem; }
.page-head { padding-top: 0.5rem; }
.eyebrow { margin: 1.25rem 0 0; color: var(--muted); font-size: 0.85rem; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; }
.lead { font-size: 1.15rem; max-width: 48rem; color: var(--text); }
.level-code { display: inline-block; font-family: var(--mono); font-size: 0.8em; font-weight: 600; padding: 0.05em 0.4em; border-radius: 5px; border: 1px solid var(--border); background: var(--surface-2); color: var(--text); vertical-align: 0.1em; }
h1 .level-code { font-size: 0.55em; vertical-align: 0.35em; }
.facts { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0 1.5rem; }
.facts > div { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.5rem 0.9rem; min-width: 10rem; }
.facts dt { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; font-weight: 600; }
.facts dd { margin: 0; font-weight: 600; }
.prose { max-width: 48rem; }
.prose ul, .prose ol { padding-left: 1.3rem; }
.prose li { margin: 0.35rem 0; }

/* The parity table */
.table-scroll { overflow-x: auto; border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg); box-shadow: var(--shadow); }
.table-scroll caption { padding: 0.75rem 0.9rem 0.25rem; }
.parity th[scope="row"] { width: 11rem; background: var(--surface); }
.parity thead th { border-bottom: 2px solid var(--border); font-size: 0.95rem; }
.parity thead th.track-ic { box-shadow: inset 0 4px 0 var(--ic); }
.parity thead th.track-em { box-shadow: inset 0 4px 0 var(--em); }
.parity thead a { color: var(--text); }
.band-name { display: block; font-weight: 700; }
.band-pay { display: block; font-weight: 400; font-size: 0.85rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.parity td.track-ic:not(.empty) { background: var(--ic-bg); }
.parity td.track-em:not(.empty) { background: var(--em-bg); }
.parity td { vertical-align: middle; }
.level-link { display: flex; align-items: baseline; gap: 0.5rem; text-decoration: none; color: var(--text); font-weight: 600; }
.level-link:hover .level-title { text-decoration: underline; }
.track-ic .level-link .level-code { border-color: var(--ic); }
.track-em .level-link .level-code { border-color: var(--em); }
.none { color: var(--muted); }
.moves-cell { white-space: nowrap; font-size: 0.9rem; }
.move-link { display: inline-block; margin-right: 0.75rem; }

/* Cards */
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem 1.25rem; background: var(--bg); box-shadow: var(--shadow); }
.card.track-ic { border-top: 4px solid var(--ic); }
.card.track-em { border-top: 4px solid var(--em); }
.card h3 { margin: 0.2rem 0 0.1rem; }
.card-kind { margin: 0; color: var(--muted); font-size: 0.9rem; }
.card-meta { font-size: 0.95rem; }

/* Level pages */
.moves { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.25rem 1.25rem 0.75rem; margin: 1.5rem 0; }
.moves h2 { font-size: 1.1rem; margin: 0.9rem 0 0.4rem; }
.move-list { list-style: none; padding: 0; margin: 0; }
.move-list li { padding: 0.35rem 0; border-top: 1px solid var(--border); }
.move-list li:first-child { border-top: 0; }
.move-kind { display: inline-block; min-width: 9.5rem; color: var(--muted); font-size: 0.85rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
.toc ul { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0.5rem 0 1rem; }
.toc a { display: inline-block; padding: 0.2rem 0.65rem; border: 1px solid var(--border); border-radius: 999px; text-decoration: none; font-size: 0.9rem; background: var(--bg); }
.competency { border-top: 1px solid var(--border); padding-top: 0.25rem; }
.competency h3 { margin-top: 1.25rem; }
.competency-desc { color: var(--muted); margin-top: -0.25rem; max-width: 48rem; }
.competency-list > div { margin: 0.75rem 0; }
.competency-list dt { font-weight: 600; }
.competency-list dd { margin: 0; color: var(--muted); }
.levels .num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.levels th[scope="row"] { white-space: nowrap; }
.step-list li { margin: 0.3rem 0; }

/* Matrix */
.matrix { min-width: max-content; }
.matrix th, .matrix td { min-width: 17rem; max-width: 22rem; font-size: 0.92rem; }
.matrix th[scope="row"] { min-width: 11rem; max-width: 13rem; position: sticky; left: 0; background: var(--surface); z-index: 1; }
.matrix thead th { background: var(--surface); }
.matrix td ul, .matrix td ol { padding-left: 1.1rem; margin: 0; }
.matrix td p { margin: 0 0 0.5rem; }
.matrix td li { margin: 0.25rem 0; }

/* What changes */
.legend { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.25rem 1rem; max-width: 60rem; }
.summary { font-weight: 600; }
.compare-section { border-top: 1px solid var(--border); margin-top: 1.5rem; }
.section-note { color: var(--muted); }
.compare { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 52rem) { .compare { grid-template-columns: 1fr 1fr; } }
.side { border: 1px solid var(--border); border-radius: var(--radius); padding: 0 1rem 0.5rem; background: var(--bg); min-width: 0; }
.side h3 { font-size: 1rem; margin: 0.75rem 0 0.5rem; color: var(--muted); }
.side-to { border-color: var(--link); }
.side-to h3 { color: var(--text); }
.absent { color: var(--muted); font-style: italic; }
.change-tag { display: inline-block; font-size: 0.72rem; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; padding: 0 0.45em; border-radius: 4px; vertical-align: 0.1em; line-height: 1.6; }
[data-change="new"] > .change-tag, [data-change="new"] > p > .change-tag, .change-tag[data-sample="new"] { background: var(--new-tag); color: var(--new-tag-text); }
[data-change="changed"] > .change-tag, [data-change="changed"] > p > .change-tag, .change-tag[data-sample="changed"] { background: var(--changed-tag); color: var(--changed-tag-text); }
[data-change="same"] > .change-tag, [data-change="same"] > p > .change-tag, .change-tag[data-sample="same"] { background: var(--same-tag); color: var(--same-tag-text); }
[data-change="new"] { background: var(--new-bg); box-shadow: -4px 0 0 var(--new-line); border-radius: 2px; padding: 0.1rem 0.35rem; }
[data-change="changed"] { box-shadow: -4px 0 0 var(--changed-line); padding: 0.1rem 0.35rem; }
[data-change="same"] { padding: 0.1rem 0.35rem; }
.step-nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; list-style: none; padding: 1rem 0 0; margin: 2rem 0 0; border-top: 1px solid var(--border); }

/* Search */
.search-form { max-width: 40rem; margin: 1rem 0 1.5rem; }
.search-form label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.search-row { display: flex; gap: 0.5rem; }
.search-row input { flex: 1; font-size: 1.05rem; padding: 0.5rem 0.75rem; }
.results-status { font-weight: 600; }
.result-list { padding-left: 1.4rem; }
.result-list li { margin: 0.9rem 0; }
.result-list .result-track { color: var(--muted); font-size: 0.9rem; }
.result-list p { margin: 0.2rem 0 0; color: var(--text); }
mark { background: var(--changed-bg); color: inherit; border-radius: 2px; padding: 0 0.1em; }
.level-list { padding-left: 1.2rem; }
.level-list li { margin: 0.45rem 0; }

/* Changelog */
.releases, .commits { list-style: none; padding: 0; }
.releases > li, .commits > li { border-left: 3px solid var(--border); padding: 0 0 0.5rem 1rem; margin: 0 0 1rem; }
.releases h3 { margin: 0 0 0.25rem; }
.commit-head { margin: 0; color: var(--muted); font-size: 0.9rem; }
.commit-subject { margin: 0.1rem 0; font-weight: 600; }
.commit-files { margin: 0.25rem 0 0; padding-left: 1.2rem; font-size: 0.92rem; }

@media (max-width: 40rem) {
  .wrap { padding: 0 0.9rem; }
  .header-inner { grid-template-columns: 1fr; grid-template-areas: "brand" "nav" "search"; padding-bottom: 0.75rem; }
  .header-search input { flex: 1; width: auto; }
  .brand-sub { display: none; }
  .lead { font-size: 1.05rem; }
  .parity { font-size: 0.82rem; }
  .parity th[scope="row"] { width: auto; min-width: 6.6rem; }
  .parity th, .parity td { padding: 0.4rem 0.3rem; }
  .parity thead th { overflow-wrap: anywhere; }
  .band-pay { font-size: 0.75rem; white-space: nowrap; }
  .level-link { flex-direction: column; gap: 0.1rem; }
  /* The lateral-move links are on every level page too; on a phone the tracks get the width. */
  .parity .moves-col, .parity .moves-cell { display: none; }
  .move-kind { display: block; }
  .facts > div { min-width: 0; flex: 1 1 45%; }
}

@media print {
  :root { --bg: #fff; --surface: #fff; --surface-2: #f2f2f2; --text: #000; --muted: #333; --border: #999; --link: #000; --ic-bg: #fff; --em-bg: #fff; --new-bg: #fff; --changed-bg: #fff; --shadow: none; }
  body { font-size: 10.5pt; line-height: 1.45; }
  .site-header, .skip-link, .toc, .crumbs, .step-nav, .search-form, .header-search, .site-footer p + p { display: none !important; }
  .site-footer { border-top: 1px solid #999; margin-top: 1rem; }
  a { text-decoration: none; }
  .wrap { max-width: none; padding: 0; }
  .table-scroll { overflow: visible; border: 0; box-shadow: none; }
  .matrix { min-width: 0; }
  .matrix th, .matrix td { min-width: 0; font-size: 8.5pt; }
  .matrix th[scope="row"] { position: static; }
  .compare { grid-template-columns: 1fr 1fr; }
  .competency, .compare-section, tr, .card { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  [data-change="new"] { box-shadow: none; border-left: 3pt solid #000; }
  [data-change="changed"] { box-shadow: none; border-left: 3pt dotted #000; }
  .change-tag { border: 1px solid #000; background: #fff !important; color: #000 !important; }
  ins { text-decoration: underline; text-decoration-thickness: 1.5pt; background: none; }
}
`;
