import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { decode, MAX_FILE_BYTES, readOne } from '../../src/node/read-ladder-dir.js';
import { diagnosticsOf, diagnosticsOfRule, exampleFiles, where, withProblem } from '../helpers/ladder-files.js';

const rule = 'file-read';

describe(rule, () => {
  test('every file of the example is readable', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test("an unreadable file is reported at 1:1 with the reader's explanation", () => {
    const files = withProblem(exampleFiles(), 'competencies.yml', 'The file is not valid UTF-8 text. Save it as UTF-8.');
    const found = diagnosticsOf(files);
    // competencies.yml is present, only unreadable: no missing-file, and no level section is judged without it.
    expect(found.map(where)).toEqual([{ rule, file: 'competencies.yml', line: 1, column: 1 }]);
    expect(found[0]?.message).toBe('The file is not valid UTF-8 text. Save it as UTF-8.');
  });

  test('NUL bytes mean binary, not text', () => {
    expect(decode('ladder.yml', new Uint8Array([0x61, 0x3a, 0x00, 0x31]))).toEqual({
      path: 'ladder.yml',
      problem: 'The file contains NUL bytes: it looks binary, not text. Replace it with a UTF-8 text file.',
    });
  });

  test('invalid UTF-8 (Latin-1 text) is refused, valid UTF-8 is decoded', () => {
    expect(decode('ladder.yml', Buffer.from('caf\u00e9', 'latin1'))).toEqual({
      path: 'ladder.yml',
      problem: 'The file is not valid UTF-8 text. Save it as UTF-8.',
    });
    expect(decode('ladder.yml', Buffer.from('caf\u00e9', 'utf8'))).toEqual({ path: 'ladder.yml', text: 'caf\u00e9' });
  });

  test('a file over the size limit is not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-file-read-'));
    try {
      const full = join(dir, 'big.md');
      writeFileSync(full, 'x');
      // readOne trusts the size it is given (from stat), so the limit is tested without writing megabytes.
      const file = readOne(full, 'levels/ic/E4.md', MAX_FILE_BYTES + 1);
      expect(file).toEqual({ path: 'levels/ic/E4.md', problem: expect.stringContaining('over the 4 MiB limit for ladder files; it was not read.') });
      expect(readOne(full, 'levels/ic/E4.md', 1)).toEqual({ path: 'levels/ic/E4.md', text: 'x' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a file that vanished between listing and reading', () => {
    expect(readOne(join(tmpdir(), 'ladder-no-such-file.md'), 'levels/ic/E4.md', 10)).toEqual({
      path: 'levels/ic/E4.md',
      problem: 'The file could not be read (ENOENT).',
    });
  });
});
