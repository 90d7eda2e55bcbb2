// A plan as a flat OpenDocument text (.fodt) for LibreOffice: each item a
// paragraph (a composed line justified with its last line justified too), a
// page break before each page's first item, the cover on a page style of its
// own, the running header and page number in the page style's header and
// footer as Writer writes them (fields, not text).
import { FONT_FAMILY, FOOTER_FROM_BOTTOM, FOOTER_SIZE, HEADER_FROM_TOP, HEADER_SIZE } from './furniture.ts';
import { pageSize, type Item, type Plan } from './plan.ts';
import type { SourceDoc, Style } from './types.ts';

/** How an item opens its page: a plain page break, or a switch to a page style. */
type Start = 'page' | 'Cover' | 'Body' | 'Land' | null;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Automatic styles made on demand, one per distinct set of properties. */
class Registry {
  readonly xml: string[] = [];
  private readonly names = new Map<string, string>();
  name(prefix: string, body: string, family: 'paragraph' | 'text', extra = ''): string {
    const key = `${family}|${extra}|${body}`;
    let name = this.names.get(key);
    if (!name) {
      name = `${prefix}${this.names.size + 1}`;
      this.names.set(key, name);
      this.xml.push(`<style:style style:name="${name}" style:family="${family}"${extra}>${body}</style:style>`);
    }
    return name;
  }
}

function textProps(font: 'serif' | 'sans', size: number, bold: boolean, tracking: number): string {
  const f = FONT_FAMILY[font];
  const weight = bold ? 'bold' : 'normal';
  const spacing = tracking > 0 ? ` fo:letter-spacing="${(tracking * size).toFixed(2)}pt"` : '';
  return (
    `<style:text-properties style:font-name="${f}" style:font-name-asian="${f}" fo:font-size="${size}pt" ` +
    `style:font-size-asian="${size}pt" fo:font-weight="${weight}" style:font-weight-asian="${weight}"${spacing}/>`
  );
}

function paraStyle(reg: Registry, item: Item, style: Style, start: Start): string {
  const align = { full: 'justify', justify: 'justify', left: 'start', center: 'center', right: 'end' }[item.align];
  const last = item.align === 'full' ? 'justify' : 'start';
  const { width } = pageSize(style.landscape);
  const measure = width - style.margins[1] - style.margins[3];
  const tocIndent = item.toc ? item.toc.indent * item.size : 0;
  const tabs = item.toc
    ? `<style:tab-stops><style:tab-stop style:position="${(measure - tocIndent - 1).toFixed(1)}pt" style:type="right"${style.tocLeader === 'none' ? '' : ' style:leader-style="dotted" style:leader-text="."'}/></style:tab-stops>`
    : '';
  const breakAttr = start === 'page' ? ' fo:break-before="page"' : '';
  const props =
    `<style:paragraph-properties fo:text-align="${align}" fo:text-align-last="${last}" style:justify-single-word="false" ` +
    `fo:margin-left="${tocIndent + (item.hang ?? 0) * item.size}pt" fo:margin-right="0pt" ` +
    `fo:text-indent="${item.toc ? 0 : (item.indent - (item.hang ?? 0)) * item.size}pt" ` +
    `fo:margin-top="${item.spaceBefore}pt" fo:margin-bottom="${item.spaceAfter}pt" fo:line-height="${item.size * style.leading}pt" ` +
    `style:text-autospace="${style.autospace ? 'ideograph-alpha' : 'none'}" fo:hyphenate="false"${breakAttr}>${tabs}</style:paragraph-properties>` +
    textProps(style.font, item.size, false, item.tracking);
  const master = start !== null && start !== 'page' ? ` style:master-page-name="${start}"` : '';
  return reg.name('P', props, 'paragraph', ` style:parent-style-name="Standard"${master}`);
}

function itemXml(reg: Registry, item: Item, style: Style, start: Start): string {
  const p = paraStyle(reg, item, style, start);
  if (item.toc) return `<text:p text:style-name="${p}">${esc(item.toc.label)}<text:tab/>${item.toc.page}</text:p>`;
  const spans = item.segs
    .map((s) => {
      const t = reg.name('T', textProps(s.font, item.size, s.bold, item.tracking), 'text');
      // A tab after a marker, as Word's numbering sets it: a gap to the next stop, no character.
      return `<text:span text:style-name="${t}">${esc(s.text).replace(/\t/g, '<text:tab/>')}</text:span>`;
    })
    .join('');
  return `<text:p text:style-name="${p}">${spans}</text:p>`;
}

function footerXml(style: Style): string {
  const n = '<text:page-number text:select-page="current">1</text:page-number>';
  const total = '<text:page-count>1</text:page-count>';
  switch (style.footer) {
    case null:
      return '';
    case 'dash':
      return `— ${n} —`;
    case 'di-ye':
      return `第 ${n} 页`;
    case 'in-header':
      return '';
    case 'bare':
      return n;
    case 'of-total':
      return `第 ${n} 页 共 ${total} 页`;
  }
}

function pageLayouts(style: Style): string {
  const [top, right, bottom, left] = style.margins;
  const sized = (landscape: boolean) => {
    const { width, height } = pageSize(landscape);
    return `fo:page-width="${width}pt" fo:page-height="${height}pt" style:print-orientation="${landscape ? 'landscape' : 'portrait'}"`;
  };
  const size = sized(style.landscape);
  const side = `fo:margin-left="${left}pt" fo:margin-right="${right}pt"`;
  const headTop = HEADER_FROM_TOP - HEADER_SIZE;
  const footBottom = FOOTER_FROM_BOTTOM - FOOTER_SIZE;
  const bodyTop = style.header ? headTop : top;
  const hasFooter = style.footer !== null && style.footer !== 'in-header';
  const bodyBottom = hasFooter ? footBottom : bottom;
  const header = style.header
    ? `<style:header-style><style:header-footer-properties fo:min-height="${top - headTop - 6}pt" fo:margin-bottom="6pt"/></style:header-style>`
    : '';
  const footer = hasFooter
    ? `<style:footer-style><style:header-footer-properties fo:min-height="${bottom - footBottom - 6}pt" fo:margin-top="6pt"/></style:footer-style>`
    : '';
  return (
    `<style:page-layout style:name="Lcover"><style:page-layout-properties ${size} fo:margin-top="${top}pt" fo:margin-bottom="${bottom}pt" ${side}/></style:page-layout>` +
    `<style:page-layout style:name="Lbody"><style:page-layout-properties ${size} fo:margin-top="${bodyTop}pt" fo:margin-bottom="${bodyBottom}pt" ${side}/>${header}${footer}</style:page-layout>` +
    `<style:page-layout style:name="Lland"><style:page-layout-properties ${sized(true)} fo:margin-top="${bodyTop}pt" fo:margin-bottom="${bodyBottom}pt" ${side}/>${header}${footer}</style:page-layout>`
  );
}

export function planFodt(doc: SourceDoc, plan: Plan, style: Style): string {
  const reg = new Registry();
  const body: string[] = [];
  const hasCover = plan.pages[0]?.cover ?? false;
  plan.pages.forEach((page, i) => {
    page.items.forEach((item, j) => {
      let start: Start = null;
      // A page of the other orientation than the one before it starts with a switch of page style.
      const own: Start = page.landscape && !style.landscape ? 'Land' : 'Body';
      const before = plan.pages[i - 1];
      if (j === 0 && i === 0) start = hasCover ? 'Cover' : own;
      else if (j === 0) start = before?.cover || before?.landscape !== page.landscape ? own : 'page';
      body.push(itemXml(reg, item, style, start));
    });
  });
  const serif = FONT_FAMILY.serif;
  const sans = FONT_FAMILY.sans;
  const furniture = (size: number, extra = '') =>
    `<style:paragraph-properties fo:text-align="center"${extra}/>${textProps('serif', size, false, 0)}`;
  const headerPara = reg.name(
    'H',
    furniture(HEADER_SIZE, ' fo:border-bottom="0.75pt solid #000000" fo:padding-bottom="1pt"'),
    'paragraph',
  );
  const footerPara = reg.name('F', furniture(FOOTER_SIZE), 'paragraph');
  const inHeader = style.footer === 'in-header';
  const { width } = pageSize(style.landscape);
  const headerTabs = `<style:tab-stops><style:tab-stop style:position="${width - style.margins[1] - style.margins[3] - 1}pt" style:type="right"/></style:tab-stops>`;
  const headerRight = reg.name(
    'H',
    `<style:paragraph-properties fo:text-align="start" fo:border-bottom="0.75pt solid #000000" fo:padding-bottom="1pt">${headerTabs}</style:paragraph-properties>${textProps('serif', HEADER_SIZE, false, 0)}`,
    'paragraph',
  );
  const headerText = inHeader
    ? `<text:p text:style-name="${headerRight}">${esc(doc.header)}<text:tab/>第 <text:page-number text:select-page="current">1</text:page-number> 页</text:p>`
    : `<text:p text:style-name="${headerPara}">${esc(doc.header)}</text:p>`;
  const header = style.header ? `<style:header>${headerText}</style:header>` : '';
  const footer =
    style.footer && !inHeader
      ? `<style:footer><text:p text:style-name="${footerPara}">${footerXml(style)}</text:p></style:footer>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="${serif}" svg:font-family="'${serif}'"/><style:font-face style:name="${sans}" svg:font-family="'${sans}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt" fo:orphans="1" fo:widows="1" style:tab-stop-distance="${2 * style.size}pt"/><style:text-properties style:font-name="${serif}" style:font-name-asian="${serif}" fo:font-size="${style.size}pt" style:font-size-asian="${style.size}pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>
${pageLayouts(style)}
${reg.xml.join('\n')}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Cover" style:page-layout-name="Lcover" style:next-style-name="Body"/>
<style:master-page style:name="Body" style:page-layout-name="Lbody">${header}${footer}</style:master-page>
<style:master-page style:name="Land" style:page-layout-name="Lland">${header}${footer}</style:master-page>
</office:master-styles>
<office:body><office:text>
${body.join('\n')}
</office:text></office:body></office:document>
`;
}
