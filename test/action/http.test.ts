import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from '@jest/globals';
import { TimeBudgetSpent } from '../../src/action/api.js';
import { createClient, endpoint, type GitHubClient, HttpError } from '../../src/action/github.js';
import { fetchTransport, MAX_RESPONSE_BYTES, nodeTransport, TransportError } from '../../src/action/http.js';

/*
 * The Action's own GitHub client and its transports, against a server on loopback that answers
 * as a test tells it. The whole runs (test/action/*.test.ts) cover the rest: retries of server
 * errors, rate limits, pagination limits, and a failed call becoming a notice.
 */

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((ok) => s.close(() => ok()));
  }
});

/** A server on 127.0.0.1; every request is recorded with its headers. */
async function serve(handler: Handler): Promise<{ url: string; seen: Array<{ method: string; url: string; authorization: string | undefined }> }> {
  const seen: Array<{ method: string; url: string; authorization: string | undefined }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
      handler(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

const client = (url: string, budgetSeconds = 10, log: (m: string) => void = () => {}): Promise<GitHubClient> =>
  createClient('secret', url, budgetSeconds, log, {});

describe('endpoint', () => {
  test('fills the path from the parameters, encoded; the rest is the query of a GET and the body of a write', () => {
    expect(
      endpoint('https://api.example/', 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: 'a b', repo: 'r/x', pull_number: 7, per_page: 100 }),
    ).toEqual({
      method: 'GET',
      url: 'https://api.example/repos/a%20b/r%2Fx/pulls/7/reviews?per_page=100',
      body: undefined,
    });
    expect(
      endpoint('https://ghe.example/api/v3', 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: 'o', repo: 'r', comment_id: 5, body: 'hi' }),
    ).toEqual({
      method: 'PATCH',
      url: 'https://ghe.example/api/v3/repos/o/r/issues/comments/5',
      body: '{"body":"hi"}',
    });
  });
});

describe('the client over node:http', () => {
  test('sends the token and JSON, and reads JSON, gzipped or not', async () => {
    const { url, seen } = await serve((req, res, body) => {
      if (req.url === '/graphql') return json(res, 200, { data: { echo: JSON.parse(body).variables.n } });
      if (req.headers['accept-encoding']?.includes('gzip')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return res.end(gzipSync(JSON.stringify([{ id: 1 }])));
      }
      json(res, 200, []);
    });
    const github = await client(url);
    const listed = await github.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'o', repo: 'r', issue_number: 3 });
    expect(listed.data).toEqual([{ id: 1 }]);
    expect(listed.url).toBe(`${url}/repos/o/r/issues/3/comments`);
    expect(await github.graphql('query($n: Int!) { x }', { n: 4 })).toEqual({ echo: 4 });
    expect(seen.map((s) => s.authorization)).toEqual(['token secret', 'token secret']);
  });

  test('an error status is an HttpError with GitHub’s message; a malformed body is handed over as text', async () => {
    const { url } = await serve((req, res) => {
      if (req.url?.startsWith('/missing')) return json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.example' });
      res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id": 1');
    });
    const github = await client(url);
    const failure = await github.request('GET /missing').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ status: 404, message: 'Not Found - https://docs.example' });
    expect((await github.request('GET /cut')).data).toBe('[{"id": 1');
  });

  test('follows a redirect within the API, never one to another host (the token would go along)', async () => {
    const elsewhere = await serve((_req, res) => json(res, 200, ['elsewhere']));
    const { url, seen } = await serve((req, res) => {
      if (req.url === '/moved') return res.writeHead(301, { location: '/here' }).end();
      if (req.url === '/away') return res.writeHead(302, { location: `${elsewhere.url}/there` }).end();
      json(res, 200, ['here']);
    });
    const github = await client(url);
    expect((await github.request('GET /moved')).data).toEqual(['here']);
    await expect(github.request('GET /away')).rejects.toMatchObject({ status: 302 });
    expect(seen.map((s) => s.url)).toEqual(['/moved', '/here', '/away']);
    expect(elsewhere.seen).toEqual([]);
  });

  test('an answer larger than MAX_RESPONSE_BYTES is refused, also when it is gzipped small, and not asked for again', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_RESPONSE_BYTES + 1, 0x20));
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const github = await client(url);
    await expect(github.request('GET /big')).rejects.toThrow(/larger than 64 MiB/);
    expect(seen).toHaveLength(1);
  });

  test('a request without an answer is abandoned, and no retry pause runs past the time limit', async () => {
    const { url, seen } = await serve(() => {}); // never answers
    const github = await client(url, 1.5);
    // The first try waits out the whole 1.5 s; a retry after 1 s would end past it, so there is none.
    await expect(github.request('GET /hang')).rejects.toThrow(/^no answer within 2 s$/);
    expect(seen).toHaveLength(1);
    await expect(github.request('GET /hang')).rejects.toBeInstanceOf(TimeBudgetSpent);
    expect(seen).toHaveLength(1);
  });

  test('a connection closed without an answer is retried while the time allows (after 1 s, not 4 s more)', async () => {
    const { url, seen } = await serve((req) => req.socket.destroy());
    const github = await client(url, 3);
    const failure = await github.request('GET /drop').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TransportError);
    expect(seen).toHaveLength(2);
  });

  test('a body cut off mid-answer is a failure, not a shorter list', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('[{"id": 1}');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await expect((await nodeTransport())({ method: 'GET', url: `${url}/x`, headers: {}, signal: new AbortController().signal })).rejects.toThrow();
  });
});

describe('the fetch transport (used with a proxy)', () => {
  test('reads status, headers and text, and names a connection failure', async () => {
    const { url } = await serve((_req, res) => json(res, 201, { id: 9 }, { link: '<x>; rel="next"' }));
    const send = fetchTransport(fetch);
    const answer = await send({
      method: 'POST',
      url: `${url}/c`,
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: new AbortController().signal,
    });
    expect(answer).toMatchObject({ status: 201, url: `${url}/c`, body: '{"id":9}' });
    expect(answer.headers.link).toBe('<x>; rel="next"');
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    await expect(send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, signal: new AbortController().signal })).rejects.toThrow(/ECONNREFUSED/);
  });
});
