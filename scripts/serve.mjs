#!/usr/bin/env node
// @ts-check
/**
 * Tiny dependency-free static server for the built demo (`npm start`).
 *
 *   node scripts/serve.mjs [root]      root defaults to dist/demo
 *   PORT=9000 node scripts/serve.mjs   port defaults to 8000
 *   HOST=0.0.0.0 …                     listen address, defaults to localhost
 *
 * Every response carries a strict Content-Security-Policy: the demo proves the
 * widgets run without inline scripts or eval.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(process.argv[2] ?? path.join(projectRoot, 'dist', 'demo'));
const port = Number.parseInt(process.env.PORT ?? '8000', 10);
const host = process.env.HOST ?? 'localhost';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // https: so that Show images can load an email's remote images once the agent allows them
  // (each email frame's own policy refuses them until then); data: and blob: for inline images.
  "img-src 'self' data: blob: https:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** @type {Record<string, string>} */
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid PORT "${process.env.PORT}".`);
  process.exit(1);
}
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`Nothing to serve: ${path.join(root, 'index.html')} does not exist. Run \`npm run build\` first (or \`npm start\`).`);
  process.exit(1);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function sendText(res, status, message) {
  res.writeHead(status, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method Not Allowed');
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    sendText(res, 400, 'Bad Request');
    return;
  }
  if (pathname.includes('\0')) {
    sendText(res, 400, 'Bad Request');
    return;
  }
  let file = path.join(root, path.normalize(pathname));
  // Never serve anything outside the root.
  if (file !== root && !file.startsWith(root + path.sep)) {
    sendText(res, 403, 'Forbidden');
    return;
  }
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...baseHeaders, 'Content-Type': type, 'Content-Length': info.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  } catch {
    // Browsers ask for a favicon the demo does not ship: answer without a console error.
    if (pathname === '/favicon.ico') {
      res.writeHead(204, baseHeaders);
      res.end();
      return;
    }
    sendText(res, 404, `Not Found: ${pathname}`);
  }
});

server.on('error', error => {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  if (code === 'EADDRINUSE') console.error(`Port ${port} is already in use: set PORT to another port, e.g. PORT=8080 npm start`);
  else console.error(error);
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at http://localhost:${actualPort}/  (Ctrl+C to stop)`);
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
