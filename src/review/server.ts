// `jixiao review DIR`: the review site of a batch folder, served on 127.0.0.1
// only, under a random token (the first path segment of every URL), so that a
// reviewer can confirm or dismiss findings, correct facts and add missed ones.
// Each decision is one line appended to DIR/corrections.jsonl; pages are
// rendered from the reports with the corrections applied, so a reload shows
// them. Nothing outside DIR/review/ is served; every write carries the token,
// JSON, and (when the browser sends them) its own Origin and Sec-Fetch-Site.
// The site is built drawing only the pages holding a finding; a document's
// page measures its other pages and their images are drawn when the browser
// asks for them (page-drawer.ts), into DIR/review/ like the rest.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { applyCorrections, asRead } from '../corrections/apply.ts';
import type { Correction } from '../schema/corrections.ts';
import type { Report } from '../schema/report.ts';
import { CORRECTIONS_FILE, appendCorrection, readCorrections } from '../writers/corrections-file.ts';
import { inside } from '../util/files.ts';
import { docPage } from './doc-page.ts';
import { REVIEW_EDIT_JS } from './edit-assets.ts';
import { indexPage } from './index-page.ts';
import { buildSite, type ShownDocument, type SiteOptions, type SiteResult } from './site.ts';
import { PageDrawer } from './page-drawer.ts';
import { linked, type RenderedPage } from './page-geometry.ts';
import { messageOf } from '../util/errors.ts';
import { pageFile } from '../writers/page-images.ts';
import { severityCounts, summaryLine } from './summary.ts';
import { triageOf, triageOrder } from './triage.ts';
import { correctionFor, WriteRefused } from './writes.ts';

export interface ReviewOptions extends Omit<SiteOptions, 'inputs' | 'out' | 'corrections'> {
  /** the batch folder */
  folder: string;
  /** 0 (default): a free port */
  port?: number;
  /** who decides: written into each line (default: the user's name) */
  by: string;
}

export interface ReviewServer {
  url: string;
  token: string;
  site: SiteResult;
  /** DIR/corrections.jsonl */
  corrections: string;
  /** pages drawn on request since it started */
  pagesDrawn(): number;
  close(): Promise<void>;
}

/** Live state: each document as read, and the corrections so far. */
interface State {
  root: string;
  site: string;
  file: string;
  docs: ShownDocument[];
  lines: Correction[];
  by: string;
  origin: string;
  drawer: PageDrawer;
}

export async function startReview(options: ReviewOptions): Promise<ReviewServer> {
  const root = await realpath(options.folder).catch(() => null);
  if (!root || !(await stat(path.join(root, 'manifest.jsonl')).catch(() => null))?.isFile())
    throw new Error(`${options.folder}: not a folder written by jixiao batch (no manifest.jsonl)`);
  const siteDir = inside(root, 'review');
  const site = await buildSite({ ...options, inputs: [root], out: siteDir });
  const file = inside(root, CORRECTIONS_FILE);
  const state: State = {
    root,
    site: await realpath(siteDir),
    file,
    docs: site.shown.map((d) => ({ ...d, report: d.report && asRead(d.report) })),
    lines: (await readCorrections(file)).lines.map((l) => l.correction),
    by: options.by,
    origin: '',
    drawer: new PageDrawer(await realpath(siteDir), threads(options.jobs), options.limits ?? null),
  };
  const token = randomBytes(24).toString('base64url');
  const server = await listen(reviewApp(state, token), options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${port}`;
  return {
    url: `${state.origin}/${token}/index.html`,
    token,
    site,
    corrections: file,
    pagesDrawn: () => state.drawer.drawn,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // a browser's kept-alive connections would hold the close open
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await state.drawer.close();
    },
  };
}

/** Drawing threads: --jobs, or the cores. */
function threads(jobs: number | undefined): number {
  return Math.max(1, jobs ?? os.availableParallelism());
}

function listen(app: Hono, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(server));
    server.once('error', reject);
  });
}

/** The routes; exported for tests that call it without a socket. */
export function reviewApp(state: State, token: string): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    // DNS rebinding: a page of another site resolved to 127.0.0.1 sends its own Host.
    const host = c.req.header('host') ?? '';
    const port = state.origin.slice(state.origin.lastIndexOf(':'));
    if (state.origin && host !== `127.0.0.1${port}` && host !== `localhost${port}`) return c.text('wrong host', 421);
    if (!sameToken(c.req.path.split('/')[1] ?? '', token))
      return c.text('forbidden: open the address jixiao review printed (it holds the token)', 403);
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });
  const t = `/${token}`;
  app.get(`${t}/`, (c) => c.redirect(`${t}/index.html`));
  app.get(`${t}/index.html`, (c) => c.html(indexOf(state)));
  app.get(`${t}/documents/:page{[^/]+\\.html}`, (c) => documentOf(c, state));
  app.get(`${t}/assets/review-edit.js`, (c) => c.body(REVIEW_EDIT_JS, 200, { 'content-type': MIME['.js']! }));
  app.get(`${t}/*`, (c) => fileOf(c, state, token));
  const writes = new Hono();
  writes.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'too large' }, 413) }));
  writes.post('/:kind{findings|facts|added}', (c) => write(c, state));
  app.route(`${t}/api`, writes);
  app.notFound((c) => c.text('not found', 404));
  return app;
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The reports with every correction so far applied. */
function current(state: State, d: ShownDocument): Report | null {
  return d.report && applyCorrections(d.report, state.lines);
}

function indexOf(state: State): string {
  const rows = state.docs.map((d) => {
    const report = current(state, d);
    if (!report) return d.row;
    const rules = [...new Set(report.findings.map((f) => f.rule))].sort();
    const counts = { facts: report.facts.length, findings: severityCounts(report), summary: summaryLine(report) };
    return { ...d.row, ...counts, rules, triage: triageOf(report) };
  });
  return indexPage(triageOrder(rows), { edit: true });
}

async function documentOf(c: Context, state: State): Promise<Response> {
  const wanted = `documents/${c.req.param('page')}`;
  const d = state.docs.find((x) => x.row.page === wanted);
  const report = d && current(state, d);
  if (!d || !report) return c.text('not found', 404);
  const { pages, problem } = await pagesOf(state, d, report);
  return c.html(docPage({ report, pages, pagesProblem: problem, root: '..', edit: true }));
}

/**
 * A document's pages as its page in the server shows them: every page with its size (measured the first
 * time), those not drawn yet linked all the same — the browser's request for one draws it (pageImage).
 */
async function pagesOf(
  state: State,
  d: ShownDocument,
  report: Report,
): Promise<{ pages: RenderedPage[]; problem: string | null }> {
  const source = d.source;
  if (!source) return { pages: d.pages, problem: d.pagesProblem };
  try {
    const all = await state.drawer.measured(source, report.pages.length);
    const scanned = new Set(source.key.scanned);
    const pages = linked(all, source.href).map((p) =>
      p.image !== null || p.error !== null || !p.geometry
        ? p
        : { ...p, image: `${source.href}/${pageFile(p.number, scanned.has(p.number))}` },
    );
    return { pages, problem: d.pagesProblem };
  } catch (err) {
    return { pages: linked(source.pages, source.href), problem: messageOf(err) };
  }
}

/**
 * documents/<name>/page-NNNN.png (or .webp, a page read by OCR) of a document with a PDF: its image,
 * drawn now if it was not. A page the report does not have, or a name not that page's, is not found.
 */
async function pageImage(c: Context, state: State, segments: string[]): Promise<Response | null> {
  const [top, name, file] = segments;
  const number = segments.length === 3 && top === 'documents' ? PAGE_IMAGE.exec(file!) : null;
  const d = number && state.docs.find((x) => x.source?.name === name);
  if (!d?.source || !d.report) return null;
  const n = Number(number![1]);
  const source = d.source;
  if (n < 1 || n > d.report.pages.length || file !== pageFile(n, source.key.scanned.includes(n)))
    return c.text('not found', 404);
  let page;
  try {
    page = await state.drawer.page(source, n);
  } catch (err) {
    return c.text(messageOf(err), 500);
  }
  if (!page.file) return c.text(page.error ?? 'not drawn', 500);
  return null;
}

const PAGE_IMAGE = /^page-(\d{4,})\.(?:png|webp)$/;

/** A write: checked (JSON, same origin, a known document and target), appended, and the page told to reload. */
async function write(c: Context, state: State): Promise<Response> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
    return c.json({ error: 'writes are JSON' }, 415);
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const local = state.origin.replace('127.0.0.1', 'localhost');
  if ((origin && origin !== state.origin && origin !== local) || (site && site !== 'same-origin'))
    return c.json({ error: 'writes come from the review pages only' }, 403);
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return c.json({ error: 'not JSON' }, 400);
  }
  try {
    const line = correctionFor(c.req.param('kind') as 'findings' | 'facts' | 'added', body, {
      reportOf: (sha) => {
        const d = state.docs.find((x) => x.report?.source.sha256 === sha);
        return d ? current(state, d) : null;
      },
      lines: state.lines,
      by: state.by,
    });
    await appendCorrection(state.file, line);
    state.lines.push(line);
    return c.json({ ok: true, line });
  } catch (err) {
    if (err instanceof WriteRefused) return c.json({ error: err.message }, err.status);
    throw err;
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.json': 'application/json',
};

/** A file of DIR/review/ (page images, style, script): no segment that climbs, nothing a link takes elsewhere. */
async function fileOf(c: Context, state: State, token: string): Promise<Response> {
  const rest = c.req.path.slice(token.length + 2);
  let segments: string[];
  try {
    segments = rest.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return c.text('bad path', 400);
  }
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\\/\0]/.test(s))) return c.text('not found', 404);
  // a page image not drawn yet is drawn first (a refusal or failure answers here)
  const refused = await pageImage(c, state, segments);
  if (refused) return refused;
  const target = path.join(state.site, ...segments);
  if (!target.startsWith(state.site + path.sep)) return c.text('not found', 404);
  const real = await realpath(target).catch(() => null);
  const info = real ? await lstat(real).catch(() => null) : null;
  if (!real || !real.startsWith(state.site + path.sep) || !info?.isFile()) return c.text('not found', 404);
  const type = MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
  return c.body(new Uint8Array(await readFile(real)), 200, { 'content-type': type });
}
