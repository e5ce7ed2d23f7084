import type { FastifyInstance } from 'fastify';

/** A route's URL pattern (`/api/v1/incidents/:id`, `/assets/*`) as a regular expression over paths. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods each path answers, collected as routes are registered, so a known path asked with another
 * method gets 405 and `Allow` (RFC 9110) rather than 404. OPTIONS and catch-all routes (CORS preflight) are
 * left out: they would make every path look known.
 */
export function collectAllowedMethods(http: FastifyInstance): (path: string) => string[] {
  const routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  http.addHook('onRoute', (route) => {
    if (route.url === '*' || route.url === '/*') return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'OPTIONS');
    if (!methods.length) return;
    const entry = routes.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const m of methods) entry.methods.add(m);
    routes.set(route.url, entry);
  });
  return (path) => {
    const allowed = new Set<string>();
    for (const { pattern, methods } of routes.values()) if (pattern.test(path)) for (const m of methods) allowed.add(m);
    return [...allowed].sort();
  };
}
