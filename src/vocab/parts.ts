// Parts and wholes as the genre names them, for the checks.
//
// 1. Columns of 决算 tables that add up (支出决算 › 本年支出合计 = 基本支出 +
//    项目支出; 基本支出 › 小计 = 人员经费 + 公用经费; 本年收入合计 = 财政拨款收入 +
//    事业收入 + 其他收入 …; "三公"经费 合计 = 因公出国（境）费 + 公务用车购置及运行费 +
//    公务接待费, the car group's 小计 = 购置费 + 运行费): a total column is checked
//    only when every column it would add is one of its known parts.
// 2. Rows of a self-evaluation table's funds block (年度资金总额 over 其中：当年
//    财政拨款 / 上年结转资金 / 其他资金, or 基本支出 / 项目支出, or 财政拨款 / 其他资金).
// 3. Counts of one activity where one is a subset of the other (办结 ⊆ 受理,
//    结案 ⊆ 立案, 整改 ⊆ 发现问题, 调解成功 ⊆ 受理 …).

export interface ColumnFamily {
  /** the total column's name (its last header cell), or the group it heads (基本支出 › 小计) */
  total: RegExp;
  /** the group above the total column, when the family is a group's 小计 */
  group?: RegExp;
  /** the names a part column may have: all of a checked row's parts must be among them */
  parts: RegExp[];
}

const EXPENSE_PARTS = [/^基本支出/, /^项目支出/, /^上缴上级支出/, /^经营支出/, /^对附属单位补助支出/];
const INCOME_PARTS = [
  /^财政拨款(收入)?/,
  /^一般公共预算财政拨款/,
  /^政府性基金预算财政拨款/,
  /^国有资本经营预算财政拨款/,
  /^上级补助收入/,
  /^事业收入/,
  /^经营收入/,
  /^附属单位上缴收入/,
  /^其他收入/,
];
const BASIC_PARTS = [/^人员经费/, /^(日常)?公用经费/, /^工资福利支出/, /^商品和服务支出/, /^对个人和家庭的补助/];
/** "三公"经费: 因公出国（境）费, 公务用车购置及运行费 (its 小计 where it has one), 公务接待费. */
const THREE_PUBLIC_PARTS = [/^因公出国[（(]境[)）]费(用)?$/, /^公务用车购置及运行(维护)?费$/, /^公务接待费$/];
const CAR_PARTS = [/^公务用车购置费?$/, /^公务用车运行(维护)?费$/];

export const COLUMN_FAMILIES: ColumnFamily[] = [
  { total: /^(?:本年)?支出(?:决算)?(?:合计|总计)$/, parts: EXPENSE_PARTS },
  { total: /^(?:合计|总计)$/, group: /支出/, parts: EXPENSE_PARTS },
  { total: /^(?:本年)?收入(?:决算)?(?:合计|总计)$/, parts: INCOME_PARTS },
  { total: /^(?:合计|总计)$/, group: /收入/, parts: INCOME_PARTS },
  { total: /^(?:小计|合计)$/, group: /^基本支出$/, parts: BASIC_PARTS },
  { total: /^基本支出(?:合计|小计)?$/, parts: BASIC_PARTS },
  // A 合计 over no group is checked only where every column beside it is a "三公" part; so is one
  // under a "三公" group (财政拨款安排的"三公"经费 › 小计) or named so ("三公"经费财政拨款预算总额).
  { total: /^(?:合计|总计)$/, parts: THREE_PUBLIC_PARTS },
  { total: /^(?:小计|合计|总计)$/, group: /三公/, parts: THREE_PUBLIC_PARTS },
  { total: /三公[”"]?经费.*(?:总额|合计|总计|小计)$/, parts: THREE_PUBLIC_PARTS },
  { total: /^(?:小计|合计)$/, group: /^公务用车购置及运行(维护)?费$/, parts: CAR_PARTS },
];

/** The funds block of a self-evaluation table: a total row and the rows of its 其中 that make it up. */
export const FUNDS_TOTAL = /^(?:年度资金总额|资金总额|年度预算(?:资金)?总额|合计)$/;
/** The complete decompositions of 年度资金总额 (each part named once, in any order). */
export const FUNDS_SPLITS: RegExp[][] = [
  [/^(?:当年)?财政拨款(?:资金)?$/, /^上年结转(?:结余)?(?:资金)?$/, /^其他资金$/],
  [/^(?:当年)?财政拨款(?:资金)?$/, /^其他资金$/],
  [/^(?:当年)?财政拨款(?:资金)?$/, /^上年结转(?:结余)?(?:资金)?$/],
  [/^基本支出$/, /^项目支出$/],
];

export interface PartWhole {
  /** the part's verb or noun (办结, 结案 …) */
  part: RegExp;
  /** the whole it belongs to (受理, 立案 …) */
  whole: RegExp;
}

/**
 * A part and its whole, written as the head of a count's label: 办结 … ≤ 受理 …,
 * where the rest of both labels names the same things (建议提案, 信访件).
 */
export const PARTS_OF_WHOLES: PartWhole[] = [
  {
    part: /^(?:即时|按时|按期|及时|当场|当日|限时)?(?:办结|办理完毕|办理完成|答复)/,
    whole: /^(?:受理|承办|收到|接收|办理|接到|登记)/,
  },
  { part: /^(?:按时|按期|及时)?(?:答复|回复|办结)/, whole: /^(?:依申请|收到|受理)/ },
  { part: /^(?:结案|办结|审结|执结)/, whole: /^(?:立案|受理|收案)/ },
  {
    part: /^(?:整改|完成整改|已整改|整改到位|整改完成)/,
    whole: /^(?:发现|排查|检查发现|查找|梳理)(?:问题|隐患)?|^(?:问题|隐患)/,
  },
  { part: /^(?:调解成功|成功调解|调处成功|化解)/, whole: /^(?:受理|调解|排查|接收)/ },
  { part: /^(?:合格|达标|验收合格|通过验收)/, whole: /^(?:抽检|检测|检查|验收|抽查)/ },
];
