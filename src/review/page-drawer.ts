// The review server's drawing of the pages `jixiao report` left undrawn (it draws those holding a
// finding first): each page drawn on the first request for it and once only — requests for a page
// already being drawn wait for that drawing — with the site's renderer (threads under the batch's
// time and memory limits), into the document's own folder in the site, its pages.json rewritten after
// each drawing so that the next server or `jixiao report` keeps them. A document's pages asked for
// while it waits for a thread are drawn together, in one opening of its PDF; one drawing of a document
// at a time, so its pages.json has one writer.
import { environmentCode } from '../batch/errors.ts';
import { assertRealInside } from '../util/files.ts';
import { messageOf } from '../util/errors.ts';
import { isDrawn, mergePages, writePageImages, type DrawnPage } from '../writers/page-images.ts';
import { Renderer, type DrawLimits, type DrawRequest } from './renderer.ts';
import type { PageSource } from './site.ts';

interface Waiter<T> {
  resolve: (v: T) => void;
  reject: (e: Error) => void;
  promise: Promise<T>;
}

function waiter<T>(): Waiter<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { resolve, reject, promise };
}

/** One document's requests: those waiting for its next drawing, and those in the drawing under way. */
interface DocQueue {
  waiting: Map<number, Waiter<DrawnPage>>;
  drawing: Map<number, Waiter<DrawnPage>>;
  /** asked for every page's size (its document page in the server) */
  measure: Waiter<void>[];
  running: boolean;
  /** why its PDF could not be drawn (a time or memory limit, an unreadable file): not tried again this session */
  failed: string | null;
}

export class PageDrawer {
  private readonly renderer: Renderer;
  private readonly queues = new Map<PageSource, DocQueue>();
  private readonly root: string;
  /** pages drawn so far (each counted once) */
  drawn = 0;

  /** `root`: the site's folder (each document's folder is checked to lie in it before drawing) */
  constructor(root: string, threads: number, limits: DrawLimits | null) {
    this.root = root;
    this.renderer = new Renderer(threads, limits);
  }

  /** Page n of the document, drawn now if it was not (an entry with its file, or with the error that stopped it). */
  async page(source: PageSource, n: number): Promise<DrawnPage> {
    const done = source.pages.find((p) => p.number === n && isDrawn(p));
    if (done) return done;
    const q = this.queueOf(source);
    if (q.failed !== null) throw new Error(q.failed);
    // being drawn, or asked for already: that drawing's answer
    const asked = q.drawing.get(n) ?? q.waiting.get(n);
    if (asked) return asked.promise;
    const w = waiter<DrawnPage>();
    q.waiting.set(n, w);
    this.kick(source, q);
    return w.promise;
  }

  /** Every page of the document with its size (measured once; the drawn ones as they are). */
  async measured(source: PageSource, pages: number): Promise<DrawnPage[]> {
    if (this.sized(source, pages)) return source.pages;
    const q = this.queueOf(source);
    if (q.failed !== null) throw new Error(q.failed);
    const w = waiter<void>();
    q.measure.push(w);
    this.kick(source, q);
    await w.promise;
    return source.pages;
  }

  close(): Promise<void> {
    return this.renderer.close();
  }

  private sized(source: PageSource, pages: number): boolean {
    const known = new Set(source.pages.filter((p) => p.geometry).map((p) => p.number));
    for (let n = 1; n <= pages; n++) if (!known.has(n)) return false;
    return true;
  }

  private queueOf(source: PageSource): DocQueue {
    let q = this.queues.get(source);
    if (!q) {
      q = { waiting: new Map(), drawing: new Map(), measure: [], running: false, failed: null };
      this.queues.set(source, q);
    }
    return q;
  }

  /** Starts the document's next drawing unless one is under way (then it follows that one). */
  private kick(source: PageSource, q: DocQueue): void {
    if (q.running || (q.waiting.size === 0 && q.measure.length === 0)) return;
    q.running = true;
    void this.draw(source, q).finally(() => {
      q.running = false;
      if (q.failed === null) this.kick(source, q);
    });
  }

  private async draw(source: PageSource, q: DocQueue): Promise<void> {
    let measuring: Waiter<void>[] = [];
    // taken when the drawing gets its thread: every page asked for until then
    const request = (): DrawRequest => {
      for (const [n, w] of q.waiting) q.drawing.set(n, w);
      q.waiting.clear();
      measuring = q.measure.splice(0);
      return { pages: [...q.drawing.keys()].sort((a, b) => a - b), measure: measuring.length > 0 };
    };
    try {
      await assertRealInside(this.root, source.dir);
      const pages = await this.renderer.render(source.pdf, source.key, source.dir, request);
      source.pages = mergePages(source.pages, pages);
      await writePageImages(source.dir, { ...source.key, pages: source.pages });
      this.drawn += pages.filter((p) => p.file !== null).length;
      for (const [n, w] of q.drawing) {
        const p = source.pages.find((x) => x.number === n && isDrawn(x));
        if (p) w.resolve(p);
        else w.reject(new Error(`the PDF has no page ${n}`));
      }
      for (const w of measuring) w.resolve();
    } catch (err) {
      const e = new Error(`无法渲染页面：${messageOf(err)}`);
      // A full disk may be freed: only the document's own trouble is remembered.
      if (!environmentCode(err, true)) q.failed = e.message;
      for (const w of [...q.drawing.values(), ...measuring]) w.reject(e);
      if (q.failed !== null) for (const w of [...q.waiting.values(), ...q.measure.splice(0)]) w.reject(e);
      if (q.failed !== null) q.waiting.clear();
    } finally {
      q.drawing.clear();
    }
  }
}
