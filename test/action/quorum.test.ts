import { describe, expect, test } from '@jest/globals';
import { evaluateQuorum, latestApprovals, reviewStates } from '../../src/action/quorum.js';
import type { Governance, Packet } from '../../src/core/model.js';

const governance: Governance = { committee: ['ada', 'bo', 'cy', 'Mgr'], quorum: 2, ladderApprovers: { ic: ['ada', 'both'], em: ['bo', 'both'] } };
const packet = (candidate: string, manager?: string) => ({ candidate, manager, origin: { file: `packets/c/${candidate}.md` } }) as unknown as Packet;
const evaluate = (approvals: string[], packets: Packet[] = [packet('jo', 'mgr')], ladderChanged = false, g = governance) =>
  evaluateQuorum({ governance: g, packets, packetFile: (p) => p.origin.file, ladderChanged, approvals });

describe('latestApprovals', () => {
  test("each reviewer's latest decisive review counts; comments change nothing; case is ignored", () => {
    const review = (login: string, state: string) => ({ user: { login }, state });
    expect(
      latestApprovals([
        review('Ada', 'APPROVED'),
        review('ada', 'COMMENTED'),
        review('bo', 'APPROVED'),
        review('bo', 'CHANGES_REQUESTED'),
        review('cy', 'CHANGES_REQUESTED'),
        review('cy', 'APPROVED'),
        review('dee', 'APPROVED'),
        review('dee', 'DISMISSED'),
        { user: null, state: 'APPROVED' },
      ]),
    ).toEqual(['ada', 'cy']);
  });
});

describe('evaluateQuorum for packets', () => {
  test('met with the quorum of committee members', () => {
    expect(evaluate(['ada', 'bo']).met).toBe(true);
  });
  test('the candidate never counts, even on the committee', () => {
    const q = evaluate(['ada', 'jo'], [packet('jo')], false, { ...governance, committee: [...governance.committee, 'jo'] });
    expect(q.met).toBe(false);
    expect(q.items[0]?.ignored).toEqual([{ login: 'jo', why: 'the candidate' }]);
    expect(q.items[0]?.missing).toBe('1 more committee approval');
  });
  test('the manager alone is never enough, even with a quorum of one', () => {
    const q = evaluate(['mgr'], [packet('jo', 'mgr')], false, { ...governance, quorum: 1 });
    expect(q.met).toBe(false);
    expect(q.items[0]?.missing).toContain("manager's approval alone is never enough");
    expect(evaluate(['mgr', 'ada'], [packet('jo', 'mgr')], false, { ...governance, quorum: 1 }).met).toBe(true);
  });
  test('each packet of a pull request needs its own quorum', () => {
    const q = evaluate(['ada', 'bo'], [packet('jo'), packet('ada')]);
    expect(q.items.map((i) => i.met)).toEqual([true, false]);
    expect(q.met).toBe(false);
  });
});

describe('evaluateQuorum for ladder changes', () => {
  test('needs an IC approver and an EM approver', () => {
    expect(evaluate(['ada'], [], true).items[0]?.missing).toBe('an approval from an EM approver');
    expect(evaluate(['bo'], [], true).items[0]?.missing).toBe('an approval from an IC approver');
    expect(evaluate(['zed'], [], true).items[0]?.missing).toBe('an approval from an IC approver and one from an EM approver');
    expect(evaluate(['ada', 'bo'], [], true).met).toBe(true);
  });
  test('one person on both lists cannot approve for both tracks', () => {
    expect(evaluate(['both'], [], true).met).toBe(false);
    expect(evaluate(['both', 'ada'], [], true).met).toBe(true);
  });
});

describe('reviewStates', () => {
  const review = (login: string, state: string, commit_id?: string) => ({ user: { login }, state, commit_id });
  test('with the head commit, approvals of another commit are stale; change requests and dismissals are their own', () => {
    expect(
      reviewStates(
        [
          review('ada', 'APPROVED', 'head'),
          review('bo', 'APPROVED', 'old'),
          review('cy', 'APPROVED', 'head'),
          review('cy', 'CHANGES_REQUESTED', 'head'),
          review('cy', 'COMMENTED', 'head'),
          review('dee', 'CHANGES_REQUESTED', 'old'),
          review('dee', 'APPROVED', 'head'),
          review('eve', 'DISMISSED', 'head'),
          review('fay', 'APPROVED'),
        ],
        'head',
      ),
    ).toEqual({ approvals: ['ada', 'dee'], stale: ['bo', 'fay'], changesRequested: ['cy'] });
  });
  test('without it, every approval counts', () => {
    expect(reviewStates([review('bo', 'APPROVED', 'old')]).approvals).toEqual(['bo']);
  });
});

describe('evaluateQuorum with change requests, stale approvals and review threads', () => {
  const base = { governance, packets: [packet('jo', 'mgr')], packetFile: (p: Packet) => p.origin.file, ladderChanged: false };
  test("a committee member's change request blocks a met quorum; anyone else's does not", () => {
    const blocked = evaluateQuorum({ ...base, approvals: ['ada', 'bo'], changesRequested: ['cy'] });
    expect(blocked.met).toBe(false);
    expect(blocked.items[0]).toMatchObject({ blockedBy: ['cy'], missing: expect.stringContaining('a new review from cy') });
    expect(evaluateQuorum({ ...base, approvals: ['ada', 'bo'], changesRequested: ['zed', 'jo'] }).met).toBe(true);
  });
  test('stale approvals are listed, not counted', () => {
    const q = evaluateQuorum({ ...base, approvals: ['ada'], stale: ['bo'] });
    expect(q.items[0]).toMatchObject({ met: false, stale: ['bo'], missing: '1 more committee approval' });
    expect(q.items[0]?.ignored.map((i) => i.login)).toEqual(['bo']);
  });
  test('open threads, or threads that could not be read, hold the quorum when the policy asks', () => {
    expect(evaluateQuorum({ ...base, approvals: ['ada', 'bo'], openThreads: () => 2 }).items[0]?.missing).toBe(
      '2 open review threads resolved first (policy.packets.requireResolvedThreads)',
    );
    expect(evaluateQuorum({ ...base, approvals: ['ada', 'bo'], openThreads: () => undefined }).met).toBe(false);
    expect(evaluateQuorum({ ...base, approvals: ['ada', 'bo'], openThreads: () => 0 }).met).toBe(true);
  });
});
