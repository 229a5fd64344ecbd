// A static host for the benchmark: serves a folder as a CDN or a web server would, with brotli
// or gzip (by Accept-Encoding, compressed once and kept), ETags with 304s, and the SPA fallback.
// It records every request so that a run knows exactly which files a page load fetched.

import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Compressed sizes as a static host would serve them: gzip -9 and brotli quality 11. */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gz: zlib.gzipSync(bytes, { level: 9 }).length,
    br: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

async function fileAt(file) {
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) return fileAt(path.join(file, 'index.html'));
  return null;
}

/** Serves `dir` on 127.0.0.1 (any free port). `requests` lists every path asked for. */
export async function serve(dir) {
  const root = path.resolve(dir);
  const cache = new Map();
  const requests = [];
  const load = async (file) => {
    if (!cache.has(file)) {
      const bytes = await readFile(file);
      cache.set(file, {
        bytes,
        br: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gz: zlib.gzipSync(bytes, { level: 9 }),
        etag: `"${createHash('sha1').update(bytes).digest('hex')}"`,
      });
    }
    return cache.get(file);
  };
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const target = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(pathname)}`)}`);
    let file = target.startsWith(root) ? await fileAt(target) : null;
    if (!file && path.posix.extname(pathname) === '') file = path.join(root, 'index.html');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const entry = await load(file);
    const relative = path.relative(root, file);
    const accepts = req.headers['accept-encoding'] ?? '';
    const headers = {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: entry.etag,
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === entry.etag) {
      requests.push({ file: relative, status: 304, bytes: 0 });
      res.writeHead(304, headers).end();
      return;
    }
    let body = entry.bytes;
    if (/\bbr\b/.test(accepts)) {
      body = entry.br;
      headers['Content-Encoding'] = 'br';
    } else if (/\bgzip\b/.test(accepts)) {
      body = entry.gz;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    requests.push({ file: relative, status: 200, bytes: body.length });
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  // Compress every file before the first request, as a static host does at deploy time, so
  // that no measured load waits for brotli.
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) await load(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    root,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
