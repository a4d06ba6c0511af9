import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the Action made, as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

export interface Comment {
  id: number;
  body: string | null;
  user: { login: string; type: string } | null;
}

/**
 * A scripted failure for the next `times` requests matching method and path: an HTTP status (with
 * a body and headers), a 200 whose JSON is malformed, a connection closed without an answer, or
 * no answer at all.
 */
type Fault = { method: string; path: RegExp; times: number } & (
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'malformed' }
  | { kind: 'close' }
  | { kind: 'hang' }
);

/** How a list endpoint's Link header misbehaves: its next link repeats the page, or never ends. */
export type Paging = 'normal' | 'repeat' | 'endless';

/** GitHub's comment limit: a longer body gets 422 and no comment. */
export const GITHUB_COMMENT_MAX = 65_536;

/**
 * A small stand-in for the GitHub API on 127.0.0.1: it answers the endpoints the Action uses (pull
 * request files and reviews, issue comments, GraphQL's `viewer` and `reviewThreads`), paginates like GitHub (Link
 * headers, or badly on request), refuses comments over GitHub's size limit with 422 as GitHub does,
 * records every request, and can be told to fail in the ways a network and an API fail.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  comments: Comment[] = [];
  files: Array<{ filename: string; previous_filename?: string; status: string }> = [];
  reviews: Array<{ id: number; user: { login?: unknown } | null; state: string; submitted_at: string; commit_id?: string }> = [];
  /** The commit reviews are given on unless a test says otherwise (the pull request's head, once a test sets it). */
  headSha: string | undefined;
  /** Review threads, as GraphQL's `reviewThreads` answers them, 100 a page unless `threadsPerPage` says otherwise. */
  threads: Array<{ path: string; line: number | null; originalLine: number | null; isResolved: boolean }> = [];
  threadsPerPage = 100;
  /** How GraphQL answers `reviewThreads`: as GitHub does, with errors, or with a cursor that repeats. */
  threadsMode: 'normal' | 'error' | 'repeat' = 'normal';
  /** The token's identity, as GraphQL's `viewer` answers it (null: GraphQL answers an error). */
  viewer: string | null = 'github-actions[bot]';
  /** Pagination per list path pattern (default: like GitHub). */
  paging: Array<{ path: RegExp; mode: Paging }> = [];
  private faults: Fault[] = [];
  private nextId = 1000;
  private server: Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((ok) => this.server?.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    // Hanging requests hold their connections open: close them too.
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => this.server?.close(() => ok()));
  }

  fail(method: string, path: RegExp, status: number, times = 1, body?: unknown, headers?: Record<string, string>): void {
    this.faults.push({ kind: 'status', method, path, status, times, body, headers });
  }

  /** A fault other than a status: malformed JSON, a closed connection, or no answer. */
  fault(method: string, path: RegExp, kind: 'malformed' | 'close' | 'hang', times = 1): void {
    this.faults.push({ kind, method, path, times });
  }

  addComment(body: string | null, login: string | null = 'someone'): Comment {
    const comment = { id: this.nextId++, body, user: login === null ? null : { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' } };
    this.comments.push(comment);
    return comment;
  }

  approve(login: string, state = 'APPROVED', commit = this.headSha): void {
    this.reviews.push({
      id: this.nextId++,
      user: { login },
      state,
      submitted_at: new Date(Date.UTC(2026, 10, 1, 0, this.reviews.length)).toISOString(),
      ...(commit === undefined ? {} : { commit_id: commit }),
    });
  }

  /** A review thread on a line of a file (an outdated one has only its original line). */
  thread(path: string, line: number, isResolved = false, outdated = false): void {
    this.threads.push({ path, line: outdated ? null : line, originalLine: line, isResolved });
  }

  /** Requests other than reads of pull request files (which git normally answers). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: string): true {
    const url = new URL(req.url ?? '/', this.url);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query: url.searchParams, body, authorization: req.headers.authorization });
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.times--;
      if (fault.kind === 'hang') return true;
      if (fault.kind === 'close') {
        req.socket.destroy();
        return true;
      }
      if (fault.kind === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('[{"id": 1, "user": {"login": "ada-okafor"');
        return true;
      }
      return this.json(res, fault.status, fault.body ?? { message: `scripted ${fault.status}` }, fault.headers);
    }
    const route = (pattern: RegExp) => pattern.exec(url.pathname);
    if (method === 'POST' && url.pathname === '/graphql') {
      const query = String((body as { query?: string })?.query ?? '');
      if (/\breviewThreads\b/.test(query)) return this.reviewThreadsPage(res, (body as { variables?: { after?: string | null } })?.variables?.after ?? null);
      if (!/\bviewer\b/.test(query)) return this.json(res, 200, { errors: [{ message: `the fake server does not answer ${query}` }] });
      if (this.viewer === null) return this.json(res, 200, { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] });
      return this.json(res, 200, { data: { viewer: { login: this.viewer } } });
    }
    if (method === 'GET' && route(/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/)) return this.page(res, url, this.files);
    if (method === 'GET' && route(/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews$/)) return this.page(res, url, this.reviews);
    if (method === 'GET' && route(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/)) return this.page(res, url, this.comments);
    const text = String((body as { body?: string })?.body ?? '');
    if ((method === 'POST' || method === 'PATCH') && text.length > GITHUB_COMMENT_MAX) {
      return this.json(res, 422, {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
      });
    }
    if (method === 'POST' && route(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/)) {
      const comment = this.addComment(text, this.viewer ?? 'github-actions[bot]');
      return this.json(res, 201, comment);
    }
    const m = route(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/);
    if (m) {
      const id = Number(m[1]);
      const comment = this.comments.find((c) => c.id === id);
      if (!comment) return this.json(res, 404, { message: 'Not Found' });
      if (method === 'PATCH') {
        comment.body = text;
        return this.json(res, 200, comment);
      }
      if (method === 'DELETE') {
        this.comments = this.comments.filter((c) => c.id !== id);
        res.writeHead(204).end();
        return true;
      }
    }
    return this.json(res, 404, { message: `no route for ${method} ${url.pathname}` });
  }

  /** One page of `reviewThreads`: the cursor is the index of the next thread. */
  private reviewThreadsPage(res: ServerResponse, after: string | null): true {
    if (this.threadsMode === 'error')
      return this.json(res, 200, { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] });
    const start = after === null ? 0 : Number(after);
    const nodes = this.threads.slice(start, start + this.threadsPerPage);
    const next = start + nodes.length;
    const hasNextPage = this.threadsMode === 'repeat' || next < this.threads.length;
    const endCursor = this.threadsMode === 'repeat' ? '0' : String(next);
    return this.json(res, 200, { data: { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage, endCursor }, nodes } } } } });
  }

  private page(res: ServerResponse, url: URL, items: unknown[]): true {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const mode = this.paging.find((p) => p.path.test(url.pathname))?.mode ?? 'normal';
    const slice = mode === 'endless' ? [] : items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (mode !== 'normal' || page * perPage < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(mode === 'repeat' ? page : page + 1));
      headers.link = `<${next.toString()}>; rel="next", <${url.origin}${url.pathname}?page=1>; rel="first"`;
    }
    return this.json(res, 200, slice, headers);
  }

  /** Sends a JSON response; returns true so that route handlers can `return this.json(...)`. */
  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
    return true;
  }
}
