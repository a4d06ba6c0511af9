import { afterEach, expect, jest, test } from '@jest/globals';

afterEach(() => {
  process.exitCode = undefined;
});

test('run() never rejects, even when @actions/core cannot be loaded: the step fails with an error command', async () => {
  // The one thing no try/catch inside the Action can be given: its own toolkit failing to load.
  jest.unstable_mockModule('@actions/core', () => {
    throw new Error('a broken installation');
  });
  const { run } = await import('../../src/action/run.js');
  const written: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await expect(run({}, process.cwd())).resolves.toBeUndefined();
  } finally {
    write.mockRestore();
  }
  expect(process.exitCode).toBe(1);
  expect(written.join('')).toMatch(/^::error::ladder-as-code could not complete: a broken installation\.\n$/);
});
