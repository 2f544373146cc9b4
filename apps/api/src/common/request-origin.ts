import type { NextFunction, Request, Response } from 'express';
import { AppError } from './app-error';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: a request that changes something (POST, PUT, PATCH, DELETE) must
 * come from the app's own pages. The SameSite=Strict cookie alone leaves out older browsers and
 * sites of the same registrable domain, and does nothing against a forged sign-in.
 *
 * Browsers say where a request comes from: `Origin`; without it `Sec-Fetch-Site`; without both
 * a `Referer`. Own is the request's own host (Host, or X-Forwarded-Host when `trust proxy` is
 * on) and the origins CORS is open to. A request that says nothing (curl, the CLI, scripts)
 * passes: forgery needs a browser, and browsers say.
 */
export function sameOriginWrites(corsOrigins: readonly string[]) {
  const allowed = new Set(corsOrigins.flatMap((origin) => parse(origin)?.origin ?? []));
  return (request: Request, _response: Response, next: NextFunction) =>
    next(
      STATE_CHANGING.has(request.method) && isForeign(request, allowed)
        ? new AppError('foreign_origin')
        : undefined,
    );
}

function isForeign(request: Request, allowed: ReadonlySet<string>): boolean {
  const origin = request.get('Origin');
  if (origin !== undefined) return !isOwn(origin, request, allowed);
  const site = request.get('Sec-Fetch-Site');
  if (site !== undefined) return site === 'cross-site' || site === 'same-site';
  const referer = request.get('Referer');
  return referer !== undefined && !isOwn(referer, request, allowed);
}

/** `address` (an origin or a page's URL) is the API's own site or one CORS lets in. `null` is not. */
function isOwn(address: string, request: Request, allowed: ReadonlySet<string>): boolean {
  const url = parse(address);
  if (!url) return false;
  if (allowed.has(url.origin)) return true;
  // The scheme is not compared: behind a TLS-terminating proxy the API itself is reached over
  // plain HTTP. A host header holding more than a host (user info, a path) matches nothing.
  const host = request.host;
  if (!host || /[/@\\?#]/.test(host)) return false;
  return parse(`${url.protocol}//${host}`)?.host === url.host;
}

function parse(address: string): URL | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
