// Builds small PDFs for tests, byte by byte, so that every test can make the
// document it needs. Chinese text uses the non-embedded Adobe-GB1 font
// STSong-Light with the UniGB-UTF16-H CMap (the standard way to write CJK
// without a font file); pdf.js reads it back through the bundled CMaps.

export interface TextRun {
  text: string;
  x: number;
  y: number; // baseline, PDF points from the bottom
  size?: number;
  bold?: boolean; // a second font resource (STHeiti-like), as Word emits for 黑体 headings
  /** Tc, points added after every glyph: a justified or letter-spaced line */
  charSpacing?: number;
  /** drawn under this clip rectangle [x0, y0, x1, y1] (q … re W n … Q): a cell's text clipped to its cell */
  clip?: [number, number, number, number];
}

export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  width?: number;
  /** draw as a filled rectangle `width` thick (as Word draws table borders) instead of a stroked line */
  fill?: boolean;
  /** with fill: a band whose ends are cut at 45° (m l l l f, not closed), as spreadsheet exports draw borders */
  mitred?: boolean;
  /** an RGB colour, each 0–1 (default black) */
  rgb?: [number, number, number];
  /** drawn under this clip rectangle [x0, y0, x1, y1] */
  clip?: [number, number, number, number];
}

export interface PageSpec {
  runs: TextRun[];
  rules?: Rule[];
  /** A raw greyscale image drawn over the whole page (for scanned-page tests), or over `box` ([x0, y0, x1, y1]). */
  image?: {
    width: number;
    height: number;
    /** one byte a pixel; or `rgb`, three; or `jpeg`, a colour JPEG file as a scanner saves it */
    gray?: Uint8Array;
    rgb?: Uint8Array;
    jpeg?: Uint8Array;
    box?: [number, number, number, number];
  };
  /** a `cm` matrix the rules are drawn under, inside q … Q (rule coordinates are then in that user space) */
  rulesTransform?: [number, number, number, number, number, number];
  width?: number;
  height?: number;
  /**
   * /Rotate 90 or 270: a landscape page as word processors print it — width and
   * height (and every run and rule) are given as the page is shown, the content
   * is drawn rotated on a portrait MediaBox.
   */
  rotate?: 90 | 270;
}

export interface PdfSpec {
  pages: PageSpec[];
  /** Text written with a font whose ToUnicode maps to private-use code points. */
  garbageText?: boolean;
  /** Add a standard-security /Encrypt dictionary whose user password is not empty. */
  encrypted?: boolean;
}

function utf16beHex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

/** A rule as a filled band `w` thick whose two ends are cut at 45°: four points, the path left open. */
function mitredBand(r: Rule, w: number): string {
  const h = w / 2;
  const pts: [number, number][] =
    r.y0 === r.y1
      ? [
          [Math.min(r.x0, r.x1) - h, r.y0 - h],
          [Math.max(r.x0, r.x1) + h, r.y0 - h],
          [Math.max(r.x0, r.x1) - h, r.y0 + h],
          [Math.min(r.x0, r.x1) + h, r.y0 + h],
        ]
      : [
          [r.x0 - h, Math.min(r.y0, r.y1) - h],
          [r.x0 - h, Math.max(r.y0, r.y1) + h],
          [r.x0 + h, Math.max(r.y0, r.y1) - h],
          [r.x0 + h, Math.min(r.y0, r.y1) + h],
        ];
  return pts.map(([x, y], i) => `${x} ${y} ${i === 0 ? 'm' : 'l'}`).join(' ');
}

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function makePdf(spec: PdfSpec): Uint8Array {
  const objects: (string | Uint8Array)[] = [];
  const add = (body: string | Uint8Array): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const fontFor = (name: string): number => {
    const desc = add(
      `<< /Type /FontDescriptor /FontName /${name} /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`,
    );
    const cid = add(
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${desc} 0 R /DW 1000 /W [1 95 500] >>`,
    );
    return add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name}-UniGB-UTF16-H /Encoding /UniGB-UTF16-H /DescendantFonts [${cid} 0 R] >>`,
    );
  };
  const regular = fontFor('STSong-Light');
  const bold = fontFor('STHeiti-Regular');
  const pageIds: number[] = [];
  for (const page of spec.pages) {
    const shownW = page.width ?? 595.3;
    const shownH = page.height ?? 841.9;
    // A rotated page's MediaBox is the portrait one; its content is drawn through a cm that turns it.
    const [w, h] = page.rotate ? [shownH, shownW] : [shownW, shownH];
    let content = page.rotate === 90 ? `q 0 1 -1 0 ${w} 0 cm\n` : page.rotate === 270 ? `q 0 -1 1 0 0 ${h} cm\n` : '';
    let xobj = '';
    if (page.image) {
      const { gray, rgb, jpeg } = page.image;
      const data = jpeg ?? rgb ?? gray ?? new Uint8Array(page.image.width * page.image.height).fill(255);
      const space = jpeg || rgb ? '/DeviceRGB' : '/DeviceGray';
      const img = add(
        concat(
          latin1(
            `<< /Type /XObject /Subtype /Image /Width ${page.image.width} /Height ${page.image.height} /ColorSpace ${space} /BitsPerComponent 8${jpeg ? ' /Filter /DCTDecode' : ''} /Length ${data.length} >>\nstream\n`,
          ),
          data,
          latin1('\nendstream'),
        ),
      );
      xobj = ` /XObject << /Im1 ${img} 0 R >>`;
      const [x0, y0, x1, y1] = page.image.box ?? [0, 0, w, h];
      content += `q ${x1 - x0} 0 0 ${y1 - y0} ${x0} ${y0} cm /Im1 Do Q\n`;
    }
    if (page.rulesTransform) content += `q ${page.rulesTransform.join(' ')} cm\n`;
    for (const r of page.rules ?? []) {
      const w = r.width ?? 0.5;
      const c = r.clip;
      if (c || r.rgb) content += 'q ';
      if (c) content += `${c[0]} ${c[1]} ${c[2] - c[0]} ${c[3] - c[1]} re W n `;
      if (r.rgb) content += `${r.rgb.join(' ')} rg ${r.rgb.join(' ')} RG `;
      if (r.fill && r.mitred) content += `${mitredBand(r, w)} f\n`;
      else if (r.fill) {
        // The segment's axis-aligned box grown by half the width on each side.
        const x = Math.min(r.x0, r.x1) - w / 2;
        const y = Math.min(r.y0, r.y1) - w / 2;
        content += `${x} ${y} ${Math.abs(r.x1 - r.x0) + w} ${Math.abs(r.y1 - r.y0) + w} re f\n`;
      } else content += `${w} w ${r.x0} ${r.y0} m ${r.x1} ${r.y1} l S\n`;
      if (c || r.rgb) content += 'Q\n';
    }
    if (page.rulesTransform) content += 'Q\n';
    for (const run of page.runs) {
      const size = run.size ?? 12;
      // Render mode 3 (invisible) for garbage layers over an image, as OCR'd scans have.
      const mode = spec.garbageText ? '3 Tr ' : '';
      const text = spec.garbageText ? toPrivateUse(run.text) : run.text;
      const tc = run.charSpacing ? `${run.charSpacing} Tc ` : '';
      const drawn = `BT ${mode}${tc}/${run.bold ? 'F2' : 'F1'} ${size} Tf ${run.x} ${run.y} Td <${utf16beHex(text)}> Tj ET\n`;
      const c = run.clip;
      content += c ? `q ${c[0]} ${c[1]} ${c[2] - c[0]} ${c[3] - c[1]} re W n\n${drawn}Q\n` : drawn;
    }
    if (page.rotate) content += 'Q\n';
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${w} ${h}]${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Contents ${stream} 0 R /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >>${xobj} >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  // Random /O and /U entries: the empty password does not open it, so a reader must ask for one.
  const encrypt = spec.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'7A'.repeat(32)}> /U <${'3C'.repeat(32)}> >>`)
    : null;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((i) => `${i} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const bytes = concat(
      latin1(`${i + 1} 0 obj\n`),
      typeof body === 'string' ? latin1(body) : body,
      latin1('\nendobj\n'),
    );
    parts.push(bytes);
    offset += bytes.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  const encryptRef = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  xref += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encryptRef} >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(latin1(xref));
  return concat(...parts);
}

function toPrivateUse(text: string): string {
  return Array.from(text, (ch) => String.fromCharCode(0xe000 + (ch.charCodeAt(0) % 0x1000))).join('');
}

function concat(...arrays: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}
