// Rates and shares that cannot exceed 100 % (a part of a whole: 合格率, 覆盖率,
// 满意度, 占比 …), and the words of rates that can (growth, change, over-fulfilment).

/** The name of a bounded rate, at the end of a label or of an indicator's name. */
export const BOUNDED_RATE =
  /(执行率|完成率|合格率|优良率|优秀率|满意度|满意率|好评率|覆盖率|覆盖面|达标率|到位率|知晓率|知晓度|使用率|整改率|检验率|结案率|办结率|及时率|准确率|正确率|落实率|兑现率|发放率|公开率|参保率|巩固率|普及率|建档率|录入率|接种率|签约率|通过率|验收率|出勤率|入库率|审核率|回访率|处置率|处理率|查处率|核查率|监测率|检测率|抽检率|受理率|响应率|办理率|答复率|回复率|解决率|化解率|调解成功率|成功率|就业率|入学率|留存率|完好率|利用率|发生率|占比|比例|比重|覆盖比例|占有率|参与率|认可度|规范率|一致率|完整率|有效率|治愈率|救治率|安置率|清零率)$/;

/** Growth, change and over-fulfilment: these may exceed 100 %. */
export const UNBOUNDED_RATE =
  /增长|增幅|增加|提高|提升|上升|同比|环比|超额|超过|下降|降低|减少|增速|变化|变动|增减|毛入学率|病床使用率|周转|倍/;
