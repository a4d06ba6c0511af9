import { PROJECT_REPOSITORY, schemaUrl } from './project-urls.js';

/** What `ladder init` writes: a path relative to the repository's root, and its text. */
export interface InitFile {
  path: string;
  text: string;
}

export interface InitOptions {
  /** The ladder directory relative to the repository's root, with forward slashes; '' for the root itself. */
  ladderDir: string;
  /** The organization's name, for ladder.yml. */
  organization: string;
}

/**
 * The versions of the actions the workflows use, in one place: the same majors as this
 * repository's own workflows. The ladder's own Action is the repository root's action.yml, by
 * major tag (docs/action.md says why and how to pin a commit SHA instead).
 */
export const WORKFLOW_ACTIONS = {
  ladder: 'ladder-as-code/ladder-as-code@v1',
  checkout: 'actions/checkout@v7',
  setupNode: 'actions/setup-node@v7',
  configurePages: 'actions/configure-pages@v6',
  uploadPages: 'actions/upload-pages-artifact@v5',
  deployPages: 'actions/deploy-pages@v5',
} as const;

const docs = (page: string) => `${PROJECT_REPOSITORY}/blob/main/docs/${page}`;

interface Competency {
  id: string;
  name: string;
  description: string;
  tracks: Array<'ic' | 'em'>;
}

const COMPETENCIES: Competency[] = [
  {
    id: 'technical-craft',
    name: 'Technical craft',
    description: 'The quality of the code, designs and reviews a person makes or, for managers, the technical judgment they bring to their team.',
    tracks: ['ic', 'em'],
  },
  {
    id: 'delivery',
    name: 'Delivery',
    description: 'Turning intent into shipped, working outcomes, predictably and at a sustainable pace.',
    tracks: ['ic', 'em'],
  },
  {
    id: 'communication',
    name: 'Communication and collaboration',
    description: 'Sharing context clearly, in writing and in person, and working well with others across boundaries.',
    tracks: ['ic', 'em'],
  },
  {
    id: 'growing-others',
    name: 'Growing others',
    description: 'Mentoring, teaching and sponsoring people so that they and the organization get stronger.',
    tracks: ['ic', 'em'],
  },
  {
    id: 'people-leadership',
    name: 'People leadership',
    description: 'Coaching, feedback, career conversations and the health of a team. Managers do not decide pay or promotions alone.',
    tracks: ['em'],
  },
];

interface LevelDraft {
  id: string;
  track: 'ic' | 'em';
  title: string;
  band: string;
  summary: string;
  intro: string;
  /** Expectations by competency id: every competency of the track, and no other. */
  expects: Record<string, string[]>;
}

// One level per band on each track where the track has one: the IC track covers every band and
// reaches the highest; the EM track starts on the senior band (entering management is lateral).
const LEVELS: LevelDraft[] = [
  {
    id: 'E1',
    track: 'ic',
    title: 'Engineer',
    band: 'career',
    summary: "Delivers well-defined work on the team's systems with growing independence.",
    intro: 'An Engineer owns features of moderate size from design to production, asking for help early and learning the systems in depth.',
    expects: {
      'technical-craft': ['Writes readable, tested changes that follow the team conventions.', "Reviews teammates' changes for correctness and clarity."],
      delivery: ['Breaks a feature into small pull requests and ships it with little guidance.', 'Says early when an estimate slips.'],
      communication: ['Writes pull requests and tickets that others can act on without asking.'],
      'growing-others': ['Helps new teammates set up and find their way around the codebase.'],
    },
  },
  {
    id: 'E2',
    track: 'ic',
    title: 'Senior Engineer',
    band: 'senior',
    summary: "Owns the design and delivery of a team's larger projects.",
    intro: 'A Senior Engineer is as senior as an Engineering Manager (M1): the two levels share the senior band, its pay and its standing.',
    expects: {
      'technical-craft': ['Designs changes that span several components, and writes the design down for review.', "Raises the bar of the team's reviews."],
      delivery: ["Leads a project of several people's work to a predictable outcome.", 'Weighs scope, quality and time openly with product partners.'],
      communication: ["Explains technical trade-offs to people outside engineering in terms of the team's goals."],
      'growing-others': ['Mentors engineers on the team, and gives specific, kind review feedback.'],
    },
  },
  {
    id: 'E3',
    track: 'ic',
    title: 'Staff Engineer',
    band: 'staff',
    summary: 'Sets technical direction across teams and makes the organization better at building software.',
    intro:
      'A Staff Engineer is as senior as a Senior Engineering Manager (M2). The IC track reaches at least as high as the management track: it is never the lesser path.',
    expects: {
      'technical-craft': ['Shapes the architecture of systems several teams own, and keeps it simple enough to evolve.'],
      delivery: ['Finds and unblocks the work that matters most across teams, including work nobody owns.'],
      communication: ['Writes the strategy documents that teams use to make decisions without them.'],
      'growing-others': ['Grows senior engineers into technical leaders, and sponsors people for bigger roles.'],
    },
  },
  {
    id: 'M1',
    track: 'em',
    title: 'Engineering Manager',
    band: 'senior',
    summary: 'Manages one team: helps its people grow and the team ship.',
    intro:
      'An Engineering Manager is as senior as a Senior Engineer (E2): moving here from the IC track is a lateral move on the same band, not a promotion, and moving back is not a demotion.',
    expects: {
      'technical-craft': [
        "Understands the team's systems well enough to ask the questions that expose risk, and leaves technical decisions with the engineers.",
      ],
      delivery: ['Runs planning with the team, tracks commitments and tells stakeholders about risks early, with options.'],
      communication: ['Brings context from outside into the team, and keeps stakeholders informed about the team.'],
      'growing-others': ["Holds regular 1:1s focused on each person's growth, with goals tied to this ladder."],
      'people-leadership': [
        'Gives timely, specific feedback, and addresses problems early and fairly.',
        'Advocates for reports with evidence; the committee decides.',
      ],
    },
  },
  {
    id: 'M2',
    track: 'em',
    title: 'Senior Engineering Manager',
    band: 'staff',
    summary: 'Leads several teams, or a team of managers, and the way they work together.',
    intro: 'A Senior Engineering Manager is as senior as a Staff Engineer (E3).',
    expects: {
      'technical-craft': ['Makes sure technical direction across the teams is set by their engineers, and that it holds together.'],
      delivery: ["Aligns the plans of several teams with the organization's goals, and resolves conflicts between them."],
      communication: ["Represents the teams' work and needs to the wider organization, honestly."],
      'growing-others': ['Grows managers, and runs the apprentice manager program for the group.'],
      'people-leadership': ['Keeps teams healthy through change: reorganizations, hiring and departures.'],
    },
  },
];

/** A YAML scalar that stays a string whatever it holds: plain when that is safe, else JSON's double-quoted form (YAML too). */
const quoted = (text: string) =>
  /^[A-Za-z][A-Za-z0-9 ,.'()-]*$/.test(text) && !/^(?:true|false|yes|no|on|off|null)$/i.test(text) ? text : JSON.stringify(text);

function ladderYml(organization: string): string {
  return `# yaml-language-server: $schema=${schemaUrl('ladder')}
#
# The career ladder of ${organization.replace(/\s+/g, ' ')}, as \`ladder init\` wrote it: edit it to fit.
# Two tracks share one scale of bands: a level's seniority (and pay, if you add it) comes from its
# band, so an Engineering Manager and a Senior Engineer are equally senior by construction.
# The format, key by key: ${docs('format.md')}
organization: ${quoted(organization)}
version: 0.1.0

# What changed in each version, newest first. Raise the major version when a change asks something
# new of people; packets record the version they were written against.
changelog:
  - version: 0.1.0
    changes:
      - First draft of the ladder.

# Lowest band first. Pay, when you add it (pay: { currency: USD, min: …, max: … }), belongs to the
# band, never to the track.
bands:
  - id: career
    name: Career
  - id: senior
    name: Senior
  - id: staff
    name: Staff

tracks:
  - id: ic
    name: Individual Contributor
    kind: ic
    description: Engineers who grow by taking on harder technical problems and wider technical influence.
  - id: em
    name: Engineering Management
    kind: em
    description: >-
      Managers who grow by building teams that grow people and ship. Entering this track is a
      lateral move from the band you are on, not a promotion; going back to the IC track is not a
      demotion.

policy:
  # Whether the published site shows pay ranges.
  publishPay: false
  # Rule severities, as in a linter: error, warning or off (${docs('rules.md')}).
  rules: {}
  packets:
    # Distinct people whose feedback a packet needs.
    minimumFeedback: { promotion: 3, track-switch: 2 }
    # Graduating from the apprentice manager program is as hard as a promotion.
    graduationStakeholders: 12

# Who approves what, by GitHub handle (without @). Fill these in before the first pull request:
# until then the Action cannot count an approval, and pull requests that need one stay red.
governance:
  # The promotion committee: engineers and managers from both tracks.
  committee: []
  # Approvals a packet needs from the committee; the candidate's own manager alone never suffices.
  quorum: 2
  # A ladder change needs an approval from someone on each list.
  ladderApprovers:
    ic: []
    em: []
`;
}

function competenciesYml(): string {
  const items = COMPETENCIES.map(
    (c) => `  - id: ${c.id}\n    name: ${quoted(c.name)}\n    description: ${quoted(c.description)}\n    tracks: [${c.tracks.join(', ')}]`,
  );
  return `# yaml-language-server: $schema=${schemaUrl('competencies')}
#
# What the ladder asks of people. Each competency applies to one or more tracks; every level of a
# track has one "## <name>" section of expectations for each competency of its track.
competencies:
${items.join('\n')}
`;
}

function levelMd(level: LevelDraft): string {
  const sections = COMPETENCIES.filter((c) => c.tracks.includes(level.track)).map(
    (c) => `## ${c.name}\n\n${(level.expects[c.id] ?? []).map((line) => `- ${line}`).join('\n')}\n`,
  );
  return `---
id: ${level.id}
track: ${level.track}
title: ${quoted(level.title)}
band: ${level.band}
summary: ${quoted(level.summary)}
---

${level.intro}

${sections.join('\n')}`;
}

/** The `ladder check` workflow: the Action on every pull request and review. */
function checkWorkflow(ladderDir: string): string {
  return `# Checks the ladder and its packets on every pull request: annotations, a job summary, one
# comment kept up to date, and the approvals governance asks for. Inputs, permissions and pull
# requests from forks: ${docs('action.md')}
name: Ladder
on:
  pull_request:
  pull_request_review:
    types: [submitted, dismissed]
concurrency:
  group: ladder-\${{ github.event.pull_request.number }}
  cancel-in-progress: true
permissions:
  contents: read
  pull-requests: write
jobs:
  ladder:
    runs-on: ubuntu-latest
    steps:
      - uses: ${WORKFLOW_ACTIONS.checkout}
        with:
          fetch-depth: 0 # the semantic diff and the governance of the base branch come from git
      - uses: ${WORKFLOW_ACTIONS.ladder}
        with:
          ladder-directory: ${ladderDir || '.'}
`;
}

/** The Pages workflow: render the ladder with the CLI this repository installs, and deploy it. */
function pagesWorkflow(ladderDir: string): string {
  return `# Publishes the ladder as a static site on GitHub Pages on every push to main (${docs('site.md')}).
# Turn Pages on once: Settings → Pages → Source: GitHub Actions. It runs the ladder-as-code this
# repository's package.json and package-lock.json install (npm install --save-dev ladder-as-code).
name: Pages
on:
  push:
    branches: [main]
permissions:
  contents: read
  pages: write
  id-token: write
# One deployment at a time; a deployment in progress is never cancelled (the next one waits).
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ${WORKFLOW_ACTIONS.checkout}
        with:
          fetch-depth: 0 # the changelog page is built from the ladder's git history
      - uses: ${WORKFLOW_ACTIONS.setupNode}
        with:
          node-version: 24
          cache: npm
      - run: npm ci --no-audit --no-fund
      # The site's full URL (https://<owner>.github.io/<repository>, or the custom domain): links
      # are made under its path, and the sitemap and robots.txt give absolute URLs.
      - id: pages
        uses: ${WORKFLOW_ACTIONS.configurePages}
      # packets/ is never read: nothing of a promotion packet can reach the site.
      - run: npx ladder render ${ladderDir || '.'} --out _site --base-url \${{ steps.pages.outputs.base_url }}/
      - uses: ${WORKFLOW_ACTIONS.uploadPages}
        with:
          path: _site
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: ${WORKFLOW_ACTIONS.deployPages}
`;
}

function pullRequestTemplate(ladderDir: string): string {
  const at = (path: string) => `\`${ladderDir ? `${ladderDir}/` : ''}${path}\``;
  return `<!-- Delete what does not apply. The Ladder check comments on this pull request with any problem and the approvals still needed. -->

## What changes

<!-- A ladder change (levels, competencies, bands, governance) or one promotion packet? Say why. -->

## Ladder change

- [ ] \`npx ladder check\` passes, and \`npx ladder diff main\` shows only the change I mean.
- [ ] The version in ${at('ladder.yml')} is raised (major when a level asks something new of people), with a changelog entry.
- [ ] An individual contributor and a manager from \`governance.ladderApprovers\` review it: both tracks sign off.

## Packet

- [ ] Exactly one packet, at ${at('packets/<cycle>/<name>.md')}, written with \`npx ladder new packet\`.
- [ ] Evidence under every competency of the target level; the feedback providers agreed to be named.
- [ ] No feedback text, pay or confidential details in the file: those go to the committee, not to git.
- [ ] The committee decides by quorum: the candidate never approves their own packet, and the manager's approval alone is never enough.

A track switch (IC ↔ management) is a lateral move on the same band: never a promotion, never a demotion.
`;
}

/**
 * Editor settings: VS Code's YAML extension validates the ladder's YAML against the schemas of the
 * installed package (node_modules/ladder-as-code/schemas), and is recommended on opening.
 */
function vscodeSettings(ladderDir: string): string {
  const at = (file: string) => (ladderDir ? `${ladderDir}/${file}` : file);
  const schemas = {
    './node_modules/ladder-as-code/schemas/ladder.schema.json': [at('ladder.yml')],
    './node_modules/ladder-as-code/schemas/competencies.schema.json': [at('competencies.yml')],
  };
  return `${JSON.stringify({ 'yaml.schemas': schemas }, null, 2)}\n`;
}

/** Every file of a new ladder repository, in the order `ladder init` lists them. */
export function initFiles({ ladderDir, organization }: InitOptions): InitFile[] {
  const inLadder = (path: string) => (ladderDir ? `${ladderDir}/${path}` : path);
  return [
    { path: inLadder('ladder.yml'), text: ladderYml(organization) },
    { path: inLadder('competencies.yml'), text: competenciesYml() },
    ...LEVELS.map((level) => ({ path: inLadder(`levels/${level.track}/${level.id}.md`), text: levelMd(level) })),
    { path: '.github/workflows/ladder.yml', text: checkWorkflow(ladderDir) },
    { path: '.github/workflows/pages.yml', text: pagesWorkflow(ladderDir) },
    { path: '.github/pull_request_template.md', text: pullRequestTemplate(ladderDir) },
    { path: '.vscode/settings.json', text: vscodeSettings(ladderDir) },
    { path: '.vscode/extensions.json', text: `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n` },
    // The rendered site is built by the workflow, never committed; node_modules is npm's.
    {
      path: '.gitignore',
      // Survey exports and reports never enter git (docs/survey.md); the survey-responses rule is the backstop.
      text: '_site/\nnode_modules/\n\n# The manager survey: raw answers and personal reports stay out of git.\nsurvey-responses/\nsurvey-reports/\n*.responses.csv\n',
    },
  ];
}
