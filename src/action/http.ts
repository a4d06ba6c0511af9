import type { Agent as HttpAgent, IncomingMessage, RequestOptions } from 'node:http';

/*
 * How the Action's GitHub client (github.ts) sends one request: over node:http / node:https, or,
 * when the runner names a proxy, through a fetch that knows it (proxy-fetch.ts). Node's own fetch
 * is not used: its first call loads undici (20–30 ms), more than the rest of a packet pull
 * request's calls together.
 */

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Where the answer came from, after the redirects followed. */
  url: string;
  /** Lower-case names; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** No answer of GitHub's the Action reads is this large (a page of 100 comments of 65,536 characters is well under). */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** As fetch: at most this many redirects in a row. */
export const MAX_REDIRECTS = 5;

/** The request did not get an answer (refused, dropped, cut off, too large): no HTTP status to tell. */
export class TransportError extends Error {
  constructor(
    message: string,
    /** Whether asking again may help (not for an answer too large or in an encoding not asked for). */
    readonly transient = true,
  ) {
    super(message);
  }
}

/**
 * Requests over node:http or node:https (by the URL's scheme; `baseUrl`'s loaded at once), one keep-alive
 * connection pool per scheme. Redirects are followed only to the same origin, as the token goes
 * with every request (fetch would drop it for another host; GitHub's API redirects within itself):
 * a redirect elsewhere is answered as it came. Bodies are asked for gzipped and unzipped here, and
 * no answer may exceed MAX_RESPONSE_BYTES, zipped or not.
 */
export async function nodeTransport(baseUrl?: string): Promise<Transport> {
  const agents = new Map<string, HttpAgent>();
  const client = async (protocol: string) => {
    const module = protocol === 'https:' ? await import('node:https') : await import('node:http');
    let agent = agents.get(protocol);
    if (!agent) {
      agent = new module.Agent({ keepAlive: true });
      agents.set(protocol, agent);
    }
    return { request: module.request, agent };
  };
  // Loaded now, not on the first request: a run's first requests are sent while it loads the
  // rest of itself, and a module import would wait behind those.
  if (baseUrl) await client(new URL(baseUrl).protocol);
  return async (request) => {
    let url = new URL(request.url);
    let { method, body } = request;
    for (let hops = 0; ; hops++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TransportError(`${url.protocol} is not HTTP`);
      const { request: send, agent } = await client(url.protocol);
      const headers: Record<string, string> = { ...request.headers, 'accept-encoding': 'gzip' };
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const response = await exchange(send, url, { method, headers, agent, signal: request.signal }, body);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || !location || hops >= MAX_REDIRECTS) return response;
      const next = new URL(location, url);
      // 307 and 308 repeat the request as it was; the others turn it into a GET, which only a GET may become.
      const same = response.status === 307 || response.status === 308;
      if (next.origin !== url.origin || (!same && method !== 'GET' && method !== 'HEAD')) return response;
      url = next;
      if (!same) body = undefined;
      method = same ? method : method === 'HEAD' ? 'HEAD' : 'GET';
    }
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Send = (url: URL, options: RequestOptions, callback: (res: IncomingMessage) => void) => import('node:http').ClientRequest;

/** One request and its whole answer. Rejects on any failure of the connection, an abort, or an oversized answer. */
function exchange(send: Send, url: URL, options: RequestOptions, body: string | undefined): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = send(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) req.destroy(tooLarge());
        else chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        decode(Buffer.concat(chunks), String(res.headers['content-encoding'] ?? 'identity'))
          .then((text) => resolve({ status: res.statusCode ?? 0, url: url.toString(), headers: flatten(res.headers), body: text }))
          .catch(reject);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const tooLarge = () => new TransportError(`the answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`, false);

async function decode(bytes: Buffer, encoding: string): Promise<string> {
  const coding = encoding.trim().toLowerCase();
  if (coding === 'identity' || coding === '') return bytes.toString('utf8');
  if (coding !== 'gzip' && coding !== 'x-gzip') throw new TransportError(`the answer came in an encoding that was not asked for (${coding})`, false);
  const { gunzipSync } = await import('node:zlib');
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_RESPONSE_BYTES }).toString('utf8');
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
      ? tooLarge()
      : new TransportError(`the gzipped answer is damaged (${(error as Error).message})`);
  }
}

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/**
 * Requests through a fetch (the proxy-aware one), read to the end within MAX_RESPONSE_BYTES.
 * fetch follows redirects itself, dropping the token for another host.
 */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async ({ method, url, headers, body, signal }) => {
    let response: Response;
    try {
      response = await fetchImpl(url, { method, headers, body, signal });
    } catch (error) {
      // fetch says "fetch failed"; what failed is in the cause.
      const cause = (error as { cause?: { message?: unknown } }).cause;
      throw signal.aborted ? error : new TransportError(typeof cause?.message === 'string' ? cause.message : String((error as Error).message));
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) throw tooLarge();
        chunks.push(chunk);
      }
    }
    return { status: response.status, url: response.url || url, headers: Object.fromEntries(response.headers), body: Buffer.concat(chunks).toString('utf8') };
  };
}
