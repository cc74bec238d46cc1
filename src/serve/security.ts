import type { MiddlewareHandler } from 'hono';

/**
 * Response headers for every page and API answer. The CSP forbids inline script and any script
 * not served by us; article text is escaped anyway, this is the second line of defence.
 */
const directives = (style: string): string => [
  "default-src 'self'",
  "script-src 'self'",
  `style-src ${style}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const CSP = directives("'self'");
/**
 * The timeline's library (vis-timeline) injects its own <style> elements and sets style
 * attributes; that page alone allows inline *styles*. Script stays 'self' everywhere.
 */
export const CSP_INLINE_STYLES = directives("'self' 'unsafe-inline'");

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // A route may have set a looser style policy for itself (see CSP_INLINE_STYLES); never looser script.
  if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', CSP);
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('X-Frame-Options', 'DENY');
};
