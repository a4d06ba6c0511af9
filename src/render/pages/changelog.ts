import type { History, HistoryFile } from '../../core/history.js';
import type { Level, Migration } from '../../core/model.js';
import { formatDate, plural } from '../format.js';
import { type Html, html } from '../html.js';
import type { Page } from '../layout.js';
import { releaseAnchor } from '../search-index.js';
import type { Site } from '../site.js';
import { pagePath } from '../urls.js';

const VERB: Record<HistoryFile['change'], string> = {
  added: 'Added',
  modified: 'Changed',
  deleted: 'Removed',
  renamed: 'Renamed',
  copied: 'Copied',
  changed: 'Changed',
};

/**
 * The ladder's changelog: the release notes of ladder.yml (`changelog:`), then the git history of
 * the ladder's files. Commits that also touched packets/ are listed without their message, which
 * could name a candidate; packet paths never appear (git-history.ts leaves them out).
 */
export function changelogPage(site: Site, history: History | undefined): Page {
  const levelByFile = new Map<string, Level>();
  for (const l of site.index.levelById.values()) levelByFile.set(l.origin.file, l);
  const describe = (f: HistoryFile): Html => {
    const level = levelByFile.get(f.path);
    const what =
      f.path === 'ladder.yml'
        ? html`bands, tracks and policy (<code>ladder.yml</code>)`
        : f.path === 'competencies.yml'
          ? html`competencies (<code>competencies.yml</code>)`
          : level
            ? html`<a href="${site.url(pagePath.level(level.id))}">${site.label(level)}</a> (<code>${f.path}</code>)`
            : html`<code>${f.path}</code>`;
    return html`<li>${VERB[f.change] ?? 'Changed'} ${what}${f.from ? html`, from <code>${f.from}</code>` : ''}</li>`;
  };
  // A migration's new ids link to their levels when the level is still on this ladder.
  const levelLink = (id: string): Html => {
    const level = site.index.levelById.get(id);
    return level ? html`<a href="${site.url(pagePath.level(level.id))}">${site.label(level)}</a>` : html`<code>${id}</code>`;
  };
  const ids = (list: readonly string[], link: boolean): Html[] =>
    list.map((id, i) => html`${i === 0 ? '' : i === list.length - 1 ? ' and ' : ', '}${link ? levelLink(id) : html`<code>${id}</code>`}`);
  const migration = (m: Migration): Html =>
    html`<li>${m.kind === 'merge' ? 'Merged' : m.kind === 'split' ? 'Split' : 'Renamed'} ${ids(m.from, false)} ${m.kind === 'rename' ? 'to' : 'into'} ${ids(m.to, true)}</li>`;
  const notes = site.ladder.changelog ?? [];
  const releases = notes.length
    ? html`<ol class="releases">
${notes.map(
  (n) => html`<li id="${releaseAnchor(n.version)}">
<h3>Version ${n.version}${n.date ? html` <span class="muted">&middot; <time datetime="${n.date}">${formatDate(n.date)}</time></span>` : ''}</h3>
<ul>${n.changes.map((c) => html`<li>${c}</li>`)}</ul>
${n.migrations.length ? html`<ul class="migrations">${n.migrations.map(migration)}</ul>` : ''}
</li>
`,
)}
</ol>`
    : html`<p>This ladder has no release notes yet: they live in the <code>changelog</code> list of <code>ladder.yml</code>.</p>`;
  let commits: Html;
  if (!history?.available) {
    const why = history ? history.reason : 'it was rendered without it';
    commits = html`<p class="note">There is no history to show: this site has no git history of the ladder (${why}).</p>`;
  } else if (history.entries.length === 0) {
    commits = html`<p class="note">There is no history to show yet: no commit has changed the ladder's files.</p>`;
  } else {
    commits = html`<ol class="commits">
${history.entries.map(
  (e) => html`<li>
<p class="commit-head"><time datetime="${e.date}">${formatDate(e.date)}</time> <code class="commit-id">${e.commit.slice(0, 7)}</code></p>
<p class="commit-subject">${e.subject ?? html`<span class="muted">Message withheld: this commit also changed promotion packets, which are confidential.</span>`}</p>
${e.files.length ? html`<ul class="commit-files">${e.files.map(describe)}</ul>` : ''}
</li>
`,
)}
</ol>
${history.truncated ? html`<p class="muted">Older commits are left out.</p>` : ''}`;
  }
  const count = history?.available ? plural(history.entries.length, 'commit') : undefined;
  const main = html`<div class="page-head">
<h1>Changelog</h1>
<p class="lead">How the ladder has changed: its release notes, and every commit to its files${count ? html` (${count})` : ''}.</p>
</div>
<section aria-labelledby="ladder-releases-title">
<h2 id="ladder-releases-title">Release notes</h2>
<p>This site shows version ${site.ladder.version} of the ladder.</p>
${releases}
</section>
<section aria-labelledby="ladder-history-title">
<h2 id="ladder-history-title">History</h2>
${commits}
</section>`;
  return {
    path: pagePath.changelog,
    title: 'Changelog',
    description: `How the ${site.organization} career ladder has changed.`,
    main,
    section: 'changelog',
  };
}
