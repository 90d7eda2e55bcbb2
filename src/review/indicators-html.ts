// A document's indicators on its review page: the records of its
// self-evaluation and target tables (contract 1.3, docs/indicators.md) as
// one table — each row's page (a link to it), project, 一级 / 二级, name,
// target, actual, weight, score and whether the target was met. A missed
// target is marked, and one that still got its full weight more so: what an
// auditor looks for.
import type { Indicator, Report } from '../schema/report.ts';
import { html, type Html } from './html.ts';

/** The section, or '' for a document without indicators (a 决算, a report of prose only). */
export function indicatorsSection(report: Report): Html | string {
  const list = report.indicators ?? [];
  if (list.length === 0) return '';
  const missed = list.filter((i) => i.met === false).length;
  const projects = list.some((i) => i.project !== null);
  return html`<section class="indicators" id="indicators">
    <details open>
      <summary>
        <h2>
          绩效指标（${list.length} 项${missed > 0 ? html`，<span class="met-no">${missed} 项未达成</span>` : ''}）
        </h2>
      </summary>
      <div class="table-wrap">
        <table class="indicators">
          <thead>
            <tr>
              <th>页</th>
              ${projects ? html`<th>项目</th>` : ''}
              <th>一级指标</th>
              <th>二级指标</th>
              <th>指标</th>
              <th>目标</th>
              <th>实际</th>
              <th>分值</th>
              <th>得分</th>
              <th>是否达成</th>
            </tr>
          </thead>
          <tbody>
            ${list.map((i) => indicatorRow(i, projects))}
          </tbody>
        </table>
      </div>
    </details>
  </section>`;
}

function indicatorRow(i: Indicator, projects: boolean): Html {
  return html`<tr class="${i.met === false ? 'missed' : ''}" id="indicator-${i.id}">
    <td class="n"><a href="#p${i.page}">${i.page}</a></td>
    ${projects ? html`<td>${i.project ?? ''}</td>` : ''}
    <td>${i.path[0] ?? ''}</td>
    <td>${i.path[1] ?? ''}</td>
    <td>${i.name}</td>
    <td>${i.target?.text ?? ''}</td>
    <td>${i.actual?.text ?? ''}</td>
    <td class="n">${i.weight ?? ''}</td>
    <td class="n">${i.score ?? ''}</td>
    <td>${metCell(i)}</td>
  </tr>`;
}

/** 达成 / 未达成 (and 仍得满分 where a missed target got its full weight) / — where not judged. */
function metCell(i: Indicator): Html | string {
  if (i.met === null) return html`<span class="none">—</span>`;
  if (i.met) return html`<span class="met-yes">达成</span>`;
  const full = i.weight !== null && i.score !== null && i.score >= i.weight;
  return html`<span class="met-no">未达成</span>${full ? html`，<span class="sev-warning">仍得满分</span>` : ''}`;
}
