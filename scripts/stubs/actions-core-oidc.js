// Stands in for @actions/core/lib/oidc-utils.js in the Action bundle. The Action never asks for an
// OIDC token, and the real module loads an HTTP client (undici) at start-up, which doubled the
// cold start of a run with nothing to check. Calling it says so instead of failing obscurely.
// biome-ignore lint/complexity/noStaticOnlyClass: it mirrors the shape of the module it replaces
export class OidcClient {
  static async getIDToken() {
    throw new Error('getIDToken is not available in the ladder-as-code Action bundle');
  }
}
