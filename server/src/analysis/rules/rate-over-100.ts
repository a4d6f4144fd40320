import type { RawFinding, Rule } from './rule';

// Rates that measure a share of something done: they cannot pass 100%.
const SHARE_RATE = /(?:完成|覆盖|合格|通过|办结|结案|化解|满意|知晓|参与|到位|执行|受理|答复|回复|备案|审查|公开|出庭|应诉|达标|成功|办理|处置|履行|落实|上线|网办|准确|及时|签约|录入|培训|持证|调解|整改|回访|兑现|公示|审核|使用)率/;
const CHANGE = /增长|增幅|增加|提高|提升|上升|下降|降低|减少|压缩|同比|环比|较上年|比上年|超出|超过/;

export const rateOver100: Rule = {
  id: 'rate-over-100',
  severity: 'warning',
  description: '完成率、覆盖率、合格率等比率超过 100%',
  check({ doc, numbers }) {
    const findings: RawFinding[] = [];
    for (const q of numbers.quantities) {
      if (!q.percent || q.value <= 100 || !SHARE_RATE.test(q.before) || CHANGE.test(q.before)) continue;
      const name = SHARE_RATE.exec(q.before)![0];
      findings.push({ start: q.start, end: q.end, message: `${name}不应超过 100%，文中为 ${doc.text.slice(q.figureStart, q.end)}` });
    }
    return findings;
  },
};
