// The key figures read from report sentences (test/fixtures/numbers/sentences.json
// are real ones; the others are written to show one reading each).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDetailed } from '../../server/src/analysis/analyze';
import { KEY_FIGURE_COLUMNS, clauseBefore, keyFigures } from '../../server/src/review/figures';
import { KEY_FIGURES } from '../../server/src/analysis/numbers/indicators';
import { FIXTURES } from '../helpers';

const sentences = JSON.parse(readFileSync(join(FIXTURES, 'numbers', 'sentences.json'), 'utf8')) as { id: string; text: string }[];
const sentence = (id: string) => sentences.find((s) => s.id === id)!.text;

function figures(text: string): Record<string, string> {
  const d = analyzeDetailed(text, { format: 'plain' });
  return Object.fromEntries(keyFigures(d.context!).map((f) => [f.key, f.text]));
}

describe('key figures', () => {
  it('the columns are the catalogue’s areas, figures and rates', () => {
    expect(KEY_FIGURE_COLUMNS.map((c) => c.key)).toEqual(
      KEY_FIGURES.flatMap((a) => [...Object.keys(a.figures).map((f) => `${a.area}·${f}`), ...a.rates.map(() => expect.stringMatching(new RegExp(`^${a.area}·.+率$`)))]),
    );
    expect(KEY_FIGURE_COLUMNS.map((c) => c.label)).toEqual(expect.arrayContaining(['行政复议·纠错率', '行政诉讼·败诉率', '负责人出庭应诉率', '重大行政决策', '法律顾问']));
  });

  it('reads 审结, 纠错 (past a parenthesis) and 纠错率 from one real sentence', () => {
    const text = sentences.find((s) => s.text.startsWith('全年共审结行政复议申请135件'))!.text;
    expect(figures(text)).toEqual({ '行政复议·审结': '135件', '行政复议·纠错': '29件', '行政复议·纠错率': '19.2%' });
  });

  it('the verb before its object decides: 审结…申请 is 审结, 收到…申请 is 收到', () => {
    expect(figures('全年收到行政复议申请56件，审结行政复议申请50件。')).toEqual({ '行政复议·收到': '56件', '行政复议·审结': '50件' });
  });

  it('a party (被申请人) is not an application', () => {
    expect(figures('行政复议案件中，被申请人为县政府部门的案件数量为140件。')).toEqual({});
  });

  it('a figure belongs to the area named before it in its statement, not one named after', () => {
    expect(figures('刑事案件262件，行政诉讼案件31件，败诉3件，败诉率9.7%。')).toEqual({ '行政诉讼·案件': '31件', '行政诉讼·败诉': '3件', '行政诉讼·败诉率': '9.7%' });
  });

  it('the leaders’ court appearance rate, whatever its name', () => {
    expect(figures('行政机关负责人出庭应诉案件14665件，出庭应诉率达到99.6%。')).toEqual({ '行政诉讼·负责人出庭应诉率': '99.6%' });
  });

  it('法律顾问 counts advisers, not their services', () => {
    expect(figures('全区聘请法律顾问12名，接受法律顾问服务80余次。')).toEqual({ '法律顾问·法律顾问': '12名' });
    expect(figures('接受法律顾问服务80余次。')).toEqual({});
  });

  it('last year’s figure, a change, a share and what was not done are not the figure', () => {
    expect(figures('全年收到行政复议申请56件，比上年增加12件，占全市的8%；上年同期收到行政复议申请44件。')).toEqual({ '行政复议·收到': '56件' });
    expect(figures('全年依法不予处罚的行政执法案件214起。')).toEqual({});
  });

  it('the first statement of a figure wins over a later breakdown', () => {
    expect(figures(sentence('s0001') + '其中，区政府受理行政复议案件20件。')).toEqual({ '行政复议·受理': '151件' });
  });

  it('the words of a clause, parentheses left out', () => {
    const text = '其中纠错(含撤销、确认违法)29件';
    expect(clauseBefore(text, text.indexOf('29'), 0)).toBe('纠错');
  });
});
