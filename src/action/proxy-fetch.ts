import { defaults } from '@actions/github/lib/utils';

/**
 * @actions/github's fetch, which goes through the proxy the runner's environment names (undici's
 * ProxyAgent, via @actions/http-client) for GITHUB_API_URL. Its own chunk: loaded only when a
 * proxy is configured.
 */
export const proxyFetch = (defaults.request?.fetch ?? fetch) as typeof fetch;
