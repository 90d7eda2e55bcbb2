// A plan as HTML for Chromium's print to PDF: one box per page of the page's
// size, the plan's items in it (composed lines kept on one line and justified
// to the full measure), the running header and page number placed in the
// margins.
import { FONT_FAMILY, FOOTER_FROM_BOTTOM, FOOTER_SIZE, footerText, HEADER_FROM_TOP, HEADER_SIZE } from './furniture.ts';
import { pageSize, type Item, type Plan } from './plan.ts';
import type { SourceDoc, Style } from './types.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function itemHtml(item: Item, style: Style): string {
  const css = [
    `font-size:${item.size}pt`,
    `line-height:${item.size * style.leading}pt`,
    `margin:${item.spaceBefore}pt 0 ${item.spaceAfter}pt 0`,
    item.hang ? `padding-left:${item.hang}em;text-indent:${item.indent - item.hang}em` : `text-indent:${item.indent}em`,
  ];
  if (item.tracking > 0) css.push(`letter-spacing:${item.tracking}em`);
  if (item.toc) {
    return (
      `<div class="toc" style="${css.join(';')};padding-left:${item.toc.indent}em;text-indent:0">` +
      `<span>${esc(item.toc.label)}</span><span class="dots">${style.tocLeader === 'none' ? '' : '…'.repeat(60)}</span><span>${item.toc.page}</span></div>`
    );
  }
  const cls = item.line ? `${item.align} line` : item.align;
  const spans = item.segs
    .map(
      (s) =>
        `<span style="font-family:'${FONT_FAMILY[s.font]}';font-weight:${s.bold ? 700 : 400}">` +
        // A tab after a marker, as Word's numbering sets it: a gap, no character.
        `${esc(s.text).replace(/\t/g, '<span class="tab"></span>')}</span>`,
    )
    .join('');
  return `<div class="${cls}" style="${css.join(';')}">${spans}</div>`;
}

export function planHtml(doc: SourceDoc, plan: Plan, style: Style): string {
  const { width, height } = pageSize(style.landscape);
  const port = pageSize(false);
  const [top, right, bottom, left] = style.margins;
  const total = plan.pages.length;
  const pages = plan.pages.map((page, i) => {
    const furniture: string[] = [];
    const number = page.cover ? null : footerText(style, i + 1, total);
    if (!page.cover && style.header) {
      const right = style.footer === 'in-header' ? `<span>${esc(number ?? '')}</span>` : '';
      furniture.push(`<div class="hd"><span>${esc(doc.header)}</span>${right}</div>`);
    }
    if (number !== null && style.footer !== 'in-header') furniture.push(`<div class="ft">${esc(number)}</div>`);
    return `<div class="page ${page.landscape ? 'land' : 'port'}">${furniture.join('')}${page.items.map((it) => itemHtml(it, style)).join('\n')}</div>`;
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.name)}</title><style>
@page { size: ${width}pt ${height}pt; margin: 0 }
@page port { size: ${port.width}pt ${port.height}pt; margin: 0 }
@page land { size: ${port.height}pt ${port.width}pt; margin: 0 }
.port { page: port; width: ${port.width}pt; height: ${port.height}pt }
.land { page: land; width: ${port.height}pt; height: ${port.width}pt }
html, body { margin: 0; padding: 0 }
body { font-family: '${FONT_FAMILY[style.font]}'; }
.page { position: relative; box-sizing: border-box;
  padding: ${top}pt ${right}pt ${bottom}pt ${left}pt; overflow: hidden; break-after: page }
.page:last-child { break-after: auto }
.line { white-space: nowrap }
.full { text-align: justify; text-align-last: justify }
.left { text-align: left }
.justify { text-align: justify }
.center { text-align: center }
.right { text-align: right }
.toc { display: flex; white-space: nowrap }
.toc .dots { flex: 1; overflow: hidden; margin: 0 0.2em }
.tab { display: inline-block; width: 1.6em }
.hd { position: absolute; top: ${HEADER_FROM_TOP - HEADER_SIZE}pt; left: ${left}pt; right: ${right}pt; display: flex;
  justify-content: ${style.footer === 'in-header' ? 'space-between' : 'center'};
  font-size: ${HEADER_SIZE}pt; line-height: ${HEADER_SIZE * 1.3}pt; border-bottom: 0.75pt solid #000; font-family: '${FONT_FAMILY.serif}' }
.ft { position: absolute; bottom: ${FOOTER_FROM_BOTTOM - FOOTER_SIZE}pt; left: 0; right: 0; text-align: center;
  font-size: ${FOOTER_SIZE}pt; line-height: ${FOOTER_SIZE * 1.3}pt; font-family: '${FONT_FAMILY.serif}' }
</style></head><body>
${pages.join('\n')}
</body></html>
`;
}
