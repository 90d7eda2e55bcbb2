// HTML from strings a PDF wrote: every one goes through esc() (text and
// attribute values alike), so a report whose text holds <script> shows it.
// Markup is built only with the html`` tag, which escapes every value it is
// given unless the value is already Html.

export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

type Value = Html | string | number | boolean | null | undefined | Value[];

function render(v: Value): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup known to be safe (made here, never from a PDF). */
export function raw(s: string): Html {
  return new Html(s);
}

/** A relative URL to a file whose name came from a PDF's file name: each path segment percent-encoded. */
export function href(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

/** A number for CSS: fixed to 4 decimals of a percent, never exponent notation. */
export function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(4)}%`;
}

/** The page's common head: no script or style from anywhere but the site's own files. */
export function head(title: string, assets: string, edit = false): Html {
  // The review server's pages (edit) may send writes to their own origin, and load its editing script.
  const csp = `default-src 'none'; img-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; base-uri 'none'; form-action 'none'${edit ? "; connect-src 'self'" : ''}`;
  return html`<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="referrer" content="no-referrer" />
    <title>${title}</title>
    <link rel="stylesheet" href="${assets}/review.css" />
    <script src="${assets}/review.js" defer></script>
    ${edit ? html`<script src="${assets}/review-edit.js" defer></script>` : ''}`;
}
