// Security headers on every response (helmet), and the content policy that the
// built web app runs under. Checked by the browser tests: a blocked script or
// style shows there as a console error, which fails the test.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config.ts';

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.cookieSecure; // APPARATUS_COOKIE_SECURE=1 means the site is served over HTTPS
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        // Only the app's own script files: no inline script, no eval, nothing from elsewhere.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // antd writes its CSS-in-JS into <style> elements and ECharts sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The favicon is a data: URL; ECharts exports charts as data: or blob: images.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Over plain HTTP (the local demo) upgrading would break every request.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    // HSTS only makes sense when the site is really on HTTPS.
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    crossOriginEmbedderPolicy: false,
  });
}
