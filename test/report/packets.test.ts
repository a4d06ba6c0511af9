import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { LadderIndex, type Packet } from '../../src/core/model.js';
import { groupThreads, PacketSummarizer, type PacketSummary } from '../../src/core/packet-summary.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { packetBlock } from '../../src/report/packets.js';
import { edit, textOf } from '../helpers/ladder-files.js';
import { examplePacketFiles, GRADUATION, PROMOTION, SWITCH_TO_EM, SWITCH_TO_IC } from '../helpers/packet-files.js';

function load(files: SourceFile[] = examplePacketFiles()) {
  const { ladder } = checkLadder(files);
  const index = new LadderIndex(ladder);
  const packet = (file: string) => ladder.packets.find((p) => p.origin.file === file) as Packet;
  const summarizer = new PacketSummarizer(index);
  return { ladder, index, packet, summary: (file: string) => summarizer.summarize(packet(file)) };
}

const repoPath = (p: string) => `ladder/${p}`;

describe('packet summary', () => {
  test('a promotion: one band up, every competency of E5 present, feedback against the policy, the site page', () => {
    const s = load().summary(PROMOTION);
    expect(s).toMatchObject({
      candidate: 'jo-rivera',
      kind: 'promotion',
      from: { id: 'E4', band: 'Senior' },
      to: { id: 'E5', band: 'Staff' },
      bands: 1,
      lateral: false,
      trackChange: false,
      feedback: { count: 6, supporting: 6, minimum: 5, policy: 'policy.packets.minimumFeedback.promotion' },
      sponsors: ['lee-park'],
      changePage: 'changes/E4-E5/',
    });
    expect(s.coverage.map((c) => [c.name, c.state])).toEqual([
      ['Technical craft', 'present'],
      ['System design', 'present'],
      ['Delivery', 'present'],
      ['Operational excellence', 'present'],
      ['Communication and collaboration', 'present'],
      ['Growing others', 'present'],
      ['Strategy and impact', 'present'],
    ]);
  });

  test('without a site to link to (changePages: false), the same summary without the page', () => {
    const { index, packet } = load();
    const withPage = new PacketSummarizer(index).summarize(packet(PROMOTION));
    const without = new PacketSummarizer(index, { changePages: false }).summarize(packet(PROMOTION));
    expect(without.changePage).toBeUndefined();
    expect(without).toEqual({ ...withPage, changePage: undefined });
  });

  test('a switch in either direction links to the one page of that pair, and is lateral', () => {
    const { summary } = load();
    const back = summary(SWITCH_TO_IC); // M1 → E4
    expect(back).toMatchObject({ bands: 0, lateral: true, trackChange: true, changePage: 'changes/E4-M1/' });
    expect(summary(GRADUATION)).toMatchObject({ bands: 0, lateral: true, changePage: 'changes/E4-M1/' });
    expect(summary(SWITCH_TO_EM)).toMatchObject({ lateral: true, changePage: 'changes/E5-M2/' });
  });

  test('thin and missing evidence, by the policy threshold; an old ladder version; a skipped band has no page', () => {
    let files = edit(examplePacketFiles(), 'ladder.yml', 'graduationStakeholders: 20', 'graduationStakeholders: 20\n    thinEvidenceWords: 100');
    files = edit(files, PROMOTION, /\n## Delivery\n[\s\S]*?(?=\n## )/, '\n## Delivery\n\n<!-- guidance only -->\n');
    files = edit(files, PROMOTION, 'ladderVersion: 1.1.0', 'ladderVersion: 1.0.0');
    files = edit(files, PROMOTION, 'to: E5', 'to: E6');
    const s = load(files).summary(PROMOTION);
    const state = Object.fromEntries(s.coverage.map((c) => [c.id, c.state]));
    expect(state.delivery).toBe('missing');
    // 111 words: over 100; System design at E6 has 127.
    expect(Object.values(state).filter((x) => x === 'thin').length).toBeGreaterThan(0);
    expect(s).toMatchObject({ bands: 2, changePage: undefined, ladderVersion: { written: '1.0.0', current: '1.1.0', behind: true } });
  });

  test('values that are not ids or handles are left out', () => {
    let files = edit(examplePacketFiles(), PROMOTION, 'candidate: jo-rivera', 'candidate: "Jo Rivera, my friend"');
    files = edit(files, PROMOTION, 'sponsors: [lee-park]', 'sponsors: [lee-park, "Secret Sponsor"]');
    const s = load(files).summary(PROMOTION);
    expect(s.candidate).toBeUndefined();
    expect(s.sponsors).toEqual(['lee-park']);
  });
});

describe('review threads by competency', () => {
  test('a line falls in the competency section that holds it; the front matter and summary are elsewhere', () => {
    const { packet, index } = load();
    const p = packet(PROMOTION);
    const line = (name: string) => (p.sections.find((s) => s.name === name)?.at.line ?? 0) + 1;
    const counts = groupThreads(p, index, [
      { line: line('Technical craft'), resolved: false },
      { line: line('Technical craft') + 1, resolved: false },
      { line: line('System design'), resolved: true },
      { line: 3, resolved: false },
      { line: undefined, resolved: false },
    ]);
    expect(counts).toMatchObject({ open: 4, resolved: 1, elsewhere: { open: 2, resolved: 0 } });
    expect(counts.byCompetency).toEqual([
      { id: 'technical-craft', name: 'Technical craft', open: 2, resolved: 0 },
      { id: 'system-design', name: 'System design', open: 0, resolved: 1 },
    ]);
  });
});

describe('the packet block of the comment', () => {
  const SECRET = 'Jo Rivera has been a Senior Engineer';

  test('says the move, coverage, feedback, sponsors and version, and links to the site', () => {
    const { summary } = load();
    const text = packetBlock({ file: repoPath(PROMOTION), summary: summary(PROMOTION) }, 'https://northwind.github.io/ladder/');
    expect(text).toContain('`jo-rivera`: E4 (Senior Engineer, Senior) → E5 (Staff Engineer, Staff); promotion, 1 band up');
    expect(text).toContain('[what changes](https://northwind.github.io/ladder/changes/E4-E5/)');
    expect(text).toContain('6 people (6 supporting); the policy asks for 5');
    expect(text).toContain('**Sponsors:** `lee-park`');
    expect(text).toContain('| Technical craft | ✅ present | 111 |');
    expect(text).not.toContain(SECRET);
  });

  test('a return to IC reads as the lateral move it is, never as a demotion', () => {
    const text = packetBlock({ file: repoPath(SWITCH_TO_IC), summary: load().summary(SWITCH_TO_IC) }, undefined);
    expect(text).toContain('track switch, lateral (same band, Engineering Management → Individual Contributor, not a demotion)');
    expect(text).not.toContain('what changes');
  });

  test('shows open threads per competency', () => {
    const { summary, packet, index } = load();
    const p = packet(PROMOTION);
    const at = (p.sections[0]?.at.line ?? 0) + 2;
    const threads = groupThreads(p, index, [
      { line: at, resolved: false },
      { line: at, resolved: false },
    ]);
    const text = packetBlock({ file: repoPath(PROMOTION), summary: summary(PROMOTION), threads }, undefined);
    expect(text).toContain('Technical craft: 2 open threads.');
    expect(text).toContain('| Technical craft | ✅ present | 111 | 2 |');
    expect(text).toContain('**Review threads:** 2 open, 0 resolved');
  });

  test('in the comment, within its size limit, with no packet text', () => {
    const files = examplePacketFiles();
    const { summary } = load(files);
    const packets = [PROMOTION, SWITCH_TO_EM, SWITCH_TO_IC, GRADUATION].map((f) => ({ file: repoPath(f), summary: summary(f) as PacketSummary }));
    const report = { version: '0.0.0', diagnostics: [], files: 4, scope: 'pull request' as const, notices: [], runUrl: undefined, packets };
    const full = reportMarkdown(report, 60_000);
    expect(full).toContain('### Packets');
    for (const f of packets) expect(full).toContain(f.file);
    for (const file of [PROMOTION, SWITCH_TO_EM, SWITCH_TO_IC, GRADUATION]) {
      // No sentence of any packet's body reaches the comment.
      const body = textOf(files, file).split('\n---\n')[1] ?? '';
      for (const sentence of body.split(/(?<=\.)\s+/).filter((x) => x.length > 30)) expect(full).not.toContain(sentence.trim());
    }
    const small = reportMarkdown(report, 3_000);
    expect(small.length).toBeLessThanOrEqual(3_000);
    expect(small).toMatch(/more packets? not shown here/);
  });
});
