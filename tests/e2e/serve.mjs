// A tiny static server for dist/, with no dependencies.
//
//   CLI:    node tests/e2e/serve.mjs --dir dist --port 4173 [--host 127.0.0.1]
//   Module: import { start } from './serve.mjs';
//           const server = await start({ dir: 'dist', port: 0 });  // 0: any free port
//           server.url;          // 'http://127.0.0.1:41234/'
//           server.requests;     // every request so far: [{ path, status }], the service
//                                // worker's own included (the browser reports those apart)
//           await server.stop(); // closes open connections too (offline tests)
//   Options: `types: { '.wasm': 'application/octet-stream' }` serves those extensions with
//   another Content-Type (an LMS or host that does not know .wasm).
//
// Unknown paths without a file extension get index.html (SPA routes); unknown files
// get 404. `fallback: false` is a plain static host instead: no SPA fallback, and a folder's
// address without its trailing slash is redirected to the folder (as nginx and GitHub Pages do). Responses carry `Cache-Control: no-cache`, so a restarted server is always
// asked again and a service worker's own caching is what the tests see.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

async function fileAt(file) {
  try {
    const info = await stat(file);
    if (info.isFile()) return { file, info };
    if (info.isDirectory()) return fileAt(path.join(file, 'index.html'));
  } catch {
    // missing: fall through
  }
  return null;
}

/** Maps a request path to a file under root: the file itself, a directory's
 *  index.html, or (for extension-less paths) the app's index.html: the nearest one above the
 *  path, so an app built for a sub-path and placed in root/sub/ gets its deep links too. */
async function resolve(root, urlPath, fallback) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== root && !target.startsWith(root + path.sep)) return { status: 403 };
  if (!fallback && !urlPath.endsWith('/')) {
    // A plain static host (nginx, `python3 -m http.server`, GitHub Pages): a folder's address
    // without its trailing slash is redirected to the folder.
    const info = await stat(target).catch(() => null);
    if (info?.isDirectory()) return { status: 301, location: `${urlPath}/` };
  }
  const found = await fileAt(target);
  if (found) return { status: 200, ...found };
  if (fallback && path.posix.extname(decoded) === '') {
    for (let dir = path.dirname(target); dir.startsWith(root); dir = path.dirname(dir)) {
      const index = await fileAt(path.join(dir, 'index.html'));
      if (index) return { status: 200, ...index };
      if (dir === root) break;
    }
  }
  return { status: 404 };
}

/**
 * Starts serving `dir`. Resolves once listening.
 * `app` is where the app's index.html is, relative to `dir` (another place than the root for an
 * app built for a sub-path).
 * `types` overrides the Content-Type of some extensions (`{ '.wasm': 'application/octet-stream' }`).
 * `fallback: false` serves only files (see above).
 * @param {{dir?: string, port?: number, host?: string, log?: boolean, app?: string, types?: Record<string, string>, fallback?: boolean}} options
 * @returns {Promise<{url: string, port: number, host: string, server: http.Server, requests: {path: string, status: number}[], stop: () => Promise<void>}>}
 */
export async function start({ dir = 'dist', port = 4173, host = '127.0.0.1', log = false, app = 'index.html', types = {}, fallback = true } = {}) {
  const root = path.resolve(dir);
  const index = await stat(path.join(root, app)).catch(() => null);
  if (!index) throw new Error(`${path.join(root, app)} not found: build the app first (cargo xtask dist)`);

  const requests = [];
  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const found = await resolve(root, pathname, fallback);
    requests.push({ path: pathname, status: found.status });
    if (log) console.log(`${method} ${pathname} ${found.status}`);
    if (found.status === 301) {
      const search = new URL(req.url ?? '/', 'http://localhost').search;
      res.writeHead(301, { Location: `${found.location}${search}`, 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (found.status !== 200) {
      res
        .writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(method === 'HEAD' ? undefined : `${found.status}\n`);
      return;
    }
    const extension = path.extname(found.file).toLowerCase();
    const type = types[extension] ?? MIME[extension] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': found.info.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const url = `http://${host}:${actualPort}/`;
  return {
    url,
    port: actualPort,
    host,
    server,
    requests,
    stop: () => stop(server),
  };
}

/** Stops a server from start() (or its handle), dropping keep-alive connections. */
export function stop(serverOrHandle) {
  const server = serverOrHandle?.server ?? serverOrHandle;
  return new Promise((resolveClose) => {
    if (!server.listening) {
      resolveClose();
      return;
    }
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[(i += 1)];
    if (flag === '--dir') options.dir = value;
    else if (flag === '--port') options.port = Number(value);
    else if (flag === '--host') options.host = value;
    else if (flag === '--log') {
      options.log = true;
      if (inline === undefined) i -= 1;
    } else throw new Error(`unknown argument ${argv[i]} (use --dir DIR --port PORT [--host HOST] [--log])`);
  }
  return options;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const handle = await start(options);
    console.log(`serving ${options.dir ?? 'dist'} at ${handle.url}`);
    const shutdown = async () => {
      await handle.stop();
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  } catch (err) {
    console.error(`serve.mjs: ${err.message}`);
    process.exit(1);
  }
}
