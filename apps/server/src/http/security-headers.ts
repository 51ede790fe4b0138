import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Browser-facing security headers for every response: the consoles (/admin/, /portal/), the
 * GraphiQL explorer (/graphql), the API and the file routes. helmet is the maintained,
 * widely reviewed middleware for exactly this (docs/ARCHITECTURE.md, "Libraries chosen");
 * its defaults are kept except where said below.
 *
 * Content-Security-Policy: everything comes from this origin (the clients, the explorer's
 * bundled assets, /graphql and /api), so `'self'` is the whole allowlist. Scripts: `'self'`
 * only, no inline script and no eval (the explorer's start-up script is a file of its own,
 * ops/graphql-http.ts). Styles also allow `'unsafe-inline'`: antd's CSS-in-JS and GraphiQL's
 * editor insert <style> elements at run time; style injection cannot run code, and a nonce
 * would need every index.html rewritten per request. Images and fonts may be `data:` (antd's
 * icons, GraphiQL's stylesheet) and `blob:` (exports are saved through object URLs).
 * `frame-ancestors 'none'` (and X-Frame-Options: DENY for older browsers): no page of ours
 * may be framed, so no click-jacking of an approve or a grant button.
 *
 * Left out on purpose: `upgrade-insecure-requests` and Strict-Transport-Security. TLS ends at
 * the bureau's proxy; that proxy sets HSTS for the host it serves. Sent from here, HSTS with
 * helmet's includeSubDomains would bind every subdomain of the bureau's domain to HTTPS for
 * a year, and the upgrade directive would break a plain-HTTP deployment inside a school LAN.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    // Nothing we link to needs to learn which console page a user was on.
    referrerPolicy: { policy: 'no-referrer' },
  });
}
