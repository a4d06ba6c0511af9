import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { FakeGitHub } from './github-server.js';
import { bundleExists, makeRepo, pullRequestEvent, type Repo, runAction } from './harness.js';

let server: FakeGitHub | undefined;
let repo: Repo | undefined;
beforeAll(() => {
  if (!bundleExists()) throw new Error('action/dist/index.js is missing: run npm run build');
});
afterEach(async () => {
  await server?.stop();
  repo?.cleanup();
});

// What a form tool's export holds: none of it may reach a log line, an annotation, the job summary or the comment.
const TOKENS = ['SECRET-TIMESTAMP', 'SECRET-COMMENT', 'secret-person@example.com', 'sam-secret-manager'];
const EXPORT = `Timestamp,manager,listens,change,Email\n2026-10-01 SECRET-TIMESTAMP,sam-secret-manager,1,SECRET-COMMENT,secret-person@example.com\n`;

describe('the Action and the manager survey', () => {
  test('a pull request that commits a survey export fails on it by name, and publishes nothing of what it holds', async () => {
    server = new FakeGitHub();
    await server.start();
    repo = makeRepo((w) => {
      mkdirSync(join(w, 'ladder', 'surveys'), { recursive: true });
      writeFileSync(join(w, 'ladder', 'surveys', '2026-h2.yml'), 'round: 2026-h2\nquestions:\n  - id: change\n    text: What should change?\n    kind: text\n');
      writeFileSync(join(w, 'ladder', 'surveys', 'answers.csv'), EXPORT);
      writeFileSync(
        join(w, 'ladder', 'surveys', 'answers.md'),
        `| manager | change |\n| --- | --- |\n| sam-secret-manager | SECRET-COMMENT |\n| sam-secret-manager | SECRET-COMMENT |\n`,
      );
    });
    const result = await runAction({ workspace: repo.workspace, apiUrl: server.url, event: pullRequestEvent(repo) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=survey-responses,file=ladder\/surveys\/answers\.csv,line=1,col=1::/m);
    expect(result.stdout).toMatch(/^::error title=survey-responses,file=ladder\/surveys\/answers\.md,line=1,col=1::/m);
    const comments = server.comments.map((c) => c.body ?? '').join('\n');
    expect(result.summary).toContain('survey-responses');
    for (const published of [result.stdout, result.stderr, result.summary, comments, JSON.stringify(result.report ?? {})]) {
      for (const token of TOKENS) expect([token, published.includes(token)]).toEqual([token, false]);
    }
  });
});
