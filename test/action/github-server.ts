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
  body: string;
  user: { login: string };
}

/** A scripted failure: the next `times` requests matching method and path prefix get `status`. */
interface Fault {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  body?: unknown;
}

/**
 * A small stand-in for the GitHub REST API on 127.0.0.1: it answers the endpoints the Action uses
 * (pull request files and reviews, issue comments), paginates like GitHub (Link headers), records
 * every request, and can be told to fail.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  comments: Comment[] = [];
  files: Array<{ filename: string; previous_filename?: string; status: string }> = [];
  reviews: Array<{ id: number; user: { login: string }; state: string; submitted_at: string }> = [];
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
    await new Promise<void>((ok) => this.server?.close(() => ok()));
  }

  fail(method: string, path: RegExp, status: number, times = 1, body?: unknown): void {
    this.faults.push({ method, path, status, times, body });
  }

  addComment(body: string, login = 'someone'): Comment {
    const comment = { id: this.nextId++, body, user: { login } };
    this.comments.push(comment);
    return comment;
  }

  approve(login: string, state = 'APPROVED'): void {
    this.reviews.push({ id: this.nextId++, user: { login }, state, submitted_at: new Date(Date.UTC(2026, 10, 1, 0, this.reviews.length)).toISOString() });
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
      return this.json(res, fault.status, fault.body ?? { message: `scripted ${fault.status}` });
    }
    const route = (pattern: RegExp) => pattern.exec(url.pathname);
    if (method === 'GET' && route(/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/)) return this.page(res, url, this.files);
    if (method === 'GET' && route(/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews$/)) return this.page(res, url, this.reviews);
    if (method === 'GET' && route(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/)) return this.page(res, url, this.comments);
    if (method === 'POST' && route(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/)) {
      const comment = this.addComment(String((body as { body?: string })?.body ?? ''), 'github-actions[bot]');
      return this.json(res, 201, comment);
    }
    const m = route(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/);
    if (m) {
      const id = Number(m[1]);
      const comment = this.comments.find((c) => c.id === id);
      if (!comment) return this.json(res, 404, { message: 'Not Found' });
      if (method === 'PATCH') {
        comment.body = String((body as { body?: string })?.body ?? '');
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

  private page(res: ServerResponse, url: URL, items: unknown[]): true {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
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
