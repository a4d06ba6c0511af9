import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server } from 'node:net';
import { afterEach, expect, test } from '@jest/globals';
import { edit, pullRequestEvent, runAction, useFakeGitHub } from './harness.js';

/*
 * The Action talks to GitHub with Node's own fetch, unless the runner names a proxy: then through
 * @actions/http-client's proxy-capable fetch, loaded only for that. A CONNECT proxy on loopback
 * stands in for the runner's; the API is named by a host that only the proxy can reach (loopback
 * addresses bypass any proxy).
 */

const PACKET = 'ladder/packets/2026-h2/jo-rivera-promotion.md';
const QUORUM = ['ada-okafor', 'bjorn-lind', 'chen-wei'];
const env = useFakeGitHub();

let proxy: Server | undefined;
afterEach(async () => {
  await new Promise<void>((ok) => (proxy ? proxy.close(() => ok()) : ok()));
  proxy = undefined;
});

/** A proxy that tunnels every CONNECT to `port` on loopback, and records what was asked for. */
async function startProxy(port: number): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  proxy = createServer((client) => {
    client.once('data', (head: Buffer) => {
      const target = /^CONNECT (\S+) HTTP/.exec(head.toString('latin1'))?.[1];
      if (!target) return client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      asked.push(target);
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((ok) => proxy?.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, asked };
}

const touchPacket = (w: string) => edit(w, PACKET, 'Jo Rivera has been a Senior Engineer', 'Jo Rivera, our colleague, has been a Senior Engineer');

test('with HTTP_PROXY set, every API call goes through the proxy, and the run completes', async () => {
  const repo = await env.repo(touchPacket);
  const server = env.server();
  for (const login of QUORUM) server.approve(login);
  const port = Number(new URL(server.url).port);
  const { url, asked } = await startProxy(port);
  const apiUrl = `http://api.github.proxied.invalid:${port}`;
  const result = await runAction({ workspace: repo.workspace, apiUrl, event: pullRequestEvent(repo), env: { HTTP_PROXY: url } });
  expect(result.stderr).toBe('');
  expect(result.outputs.approved).toBe('true');
  expect(server.comments.length).toBe(1);
  expect(asked.length).toBeGreaterThan(0);
  expect(new Set(asked)).toEqual(new Set([`api.github.proxied.invalid:${port}`]));
});

test('without a proxy, the same host cannot be reached: the proxy above is what carried the calls', async () => {
  const repo = await env.repo(touchPacket);
  const server = env.server();
  const port = Number(new URL(server.url).port);
  const result = await runAction({
    workspace: repo.workspace,
    apiUrl: `http://api.github.proxied.invalid:${port}`,
    event: pullRequestEvent(repo),
    inputs: { 'api-timeout': '2' },
  });
  expect(server.requests.length).toBe(0);
  expect(result.outputs.approved).toBe('false');
});
