import type { History, HistoryFile, LadderVersion, VersionHistory } from '../../core/history.js';
import type { Level, Migration } from '../../core/model.js';
import { compareVersions, VERSION_PATTERN } from '../../core/semver.js';
import { formatDate, plural } from '../format.js';
import { type Html, html } from '../html.js';
import type { Page } from '../layout.js';
import { releaseAnchor } from '../search-index.js';
import type { Site } from '../site.js';
import { pagePath } from '../urls.js';
import { verdictText, versionChanges } from '../version-changes.js';

const VERB: Record<HistoryFile['change'], string> = {
  added: 'Added',
  modified: 'Changed',
  deleted: 'Removed',
  renamed: 'Renamed',
  copied: 'Copied',
  changed: 'Changed',
};

/**
 * The ladder's changelog: its versions, each with its release notes (ladder.yml `changelog:`) and
 * what it changed for people (the semantic diff with the version before, from git), then the git history of
 * the ladder's files. Commits that also touched packets/ are listed without their message, which
 * could name a candidate; packet paths never appear (git-history.ts leaves them out).
 */
export function changelogPage(site: Site, history: History | undefined, versions?: VersionHistory): Page {
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
  // One entry per version: its release notes (ladder.yml `changelog:`) and, from git, what it changed
  // for people (the semantic diff with the version before). Newest first.
  const computed = new Map<string, LadderVersion>();
  if (versions?.available) for (const v of versions.versions) computed.set(v.version, v);
  const all = [...new Set([...notes.map((n) => n.version), ...computed.keys()])];
  const valid = all.every((v) => VERSION_PATTERN.test(v));
  const ordered = valid ? all.sort((a, b) => compareVersions(b, a)) : all;
  const noteOf = new Map(notes.map((n) => [n.version, n]));
  const release = (version: string): Html => {
    const n = noteOf.get(version);
    const v = computed.get(version);
    const date = n?.date ?? v?.date.slice(0, 10);
    const changes = v?.diff ? versionChanges(site, v.diff) : [];
    return html`<li id="${releaseAnchor(version)}">
<h3>Version ${version}${date ? html` <span class="muted">&middot; <time datetime="${date}">${formatDate(date)}</time></span>` : ''}</h3>
${
  n
    ? html`<ul>${n.changes.map((c) => html`<li>${c}</li>`)}</ul>
`
    : ''
}${
  n?.migrations.length
    ? html`<ul class="migrations">${n.migrations.map(migration)}</ul>
`
    : ''
}${
  v?.diff
    ? html`<p class="version-verdict">What changed since ${v.previous ?? ''}: ${verdictText(v.diff)}.</p>
${changes.length ? html`<ul class="version-changes">${changes.map((c) => html`<li>${c}</li>`)}</ul>` : ''}`
    : v
      ? html`<p class="muted">The first version in the history.</p>`
      : ''
}
</li>
`;
  };
  const releases = ordered.length
    ? html`<ol class="releases">
${ordered.map(release)}
</ol>
${versions?.available && versions.truncated ? html`<p class="muted">Older versions are left out.</p>` : ''}`
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
<p class="lead">How the ladder has changed: version by version, what each changed for the people on it, with its release notes; then every commit to its files${count ? html` (${count})` : ''}.</p>
</div>
<section aria-labelledby="ladder-releases-title">
<h2 id="ladder-releases-title">Versions</h2>
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
