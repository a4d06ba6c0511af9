import { describe, expect, test } from '@jest/globals';
import { isAuthoredBy, marker } from '../../src/action/comment.js';
import { oneLine } from '../../src/action/publish.js';

describe('isAuthoredBy', () => {
  test("the Actions bot: REST and GraphQL's viewer both say github-actions[bot]", () => {
    expect(isAuthoredBy({ login: 'github-actions[bot]', type: 'Bot' }, 'github-actions[bot]')).toBe(true);
    expect(isAuthoredBy({ login: 'GitHub-Actions[bot]', type: 'Bot' }, 'github-actions[bot]')).toBe(true);
  });

  test('a viewer login without [bot] matches only a Bot author with the suffix', () => {
    expect(isAuthoredBy({ login: 'ladder-app[bot]', type: 'Bot' }, 'ladder-app')).toBe(true);
    expect(isAuthoredBy({ login: 'ladder-app[bot]', type: 'User' }, 'ladder-app')).toBe(false);
    // A person whose login is the app's name without the suffix is not the app.
    expect(isAuthoredBy({ login: 'github-actions', type: 'User' }, 'github-actions[bot]')).toBe(false);
  });

  test('anyone else, or no one, is not us', () => {
    for (const user of [null, undefined, {}, { login: 42 }, { login: '' }, { login: 'mallory', type: 'User' }, { login: 'renovate[bot]', type: 'Bot' }]) {
      expect(isAuthoredBy(user, 'github-actions[bot]')).toBe(false);
    }
    expect(isAuthoredBy({ login: 'x' }, '')).toBe(false);
  });
});

describe('marker', () => {
  test('names the directory and the key, encoded so that neither can end the HTML comment', () => {
    expect(marker({ directory: 'ladder', key: 'ladder' }, { run: 5, attempt: 2 })).toBe('<!-- ladder-as-code:report dir=ladder key=ladder run=5 attempt=2 -->');
    expect(marker({ directory: '', key: 'a b-->c' }, { run: 1, attempt: 1 })).toBe('<!-- ladder-as-code:report dir=. key=a%20b--%3Ec run=1 attempt=1 -->');
  });
});

describe('oneLine', () => {
  test('no line break of any kind survives, nor the legacy command prefix', () => {
    expect(oneLine('a\r\nb\rc\nd\u0085e\u2028f\u2029g')).toBe('a b c d e f g');
    expect(oneLine('x ##[add-mask]secret')).toBe('x ## [add-mask]secret');
  });
});
