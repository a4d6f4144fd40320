// Who reported and by when: units from titles and signatures, their kind, the deadline.
import { describe, expect, it } from 'vitest';
import { deadlineFor, nameVariants, parseDate, readSignature, readUnit, unitFromTitle, unitKind } from '../../server/src/analysis/unit';

describe('the reporting unit', () => {
  it('is what the title names before 关于, the year or 法治政府建设', () => {
    expect(unitFromTitle('示例区人民政府关于2023年度法治政府建设情况的报告')).toBe('示例区人民政府');
    expect(unitFromTitle('苏锡通园区2022年度法治政府建设情况报告')).toBe('苏锡通园区');
    expect(unitFromTitle('2023年度青山市司法局法治政府建设工作报告')).toBe('青山市司法局');
    expect(unitFromTitle('江蘇省人民政府關於2020年度法治政府建設情況的報告')).toBe('江蘇省人民政府');
    expect(unitFromTitle('关于2023年度法治政府建设情况的报告')).toBeNull();
  });

  it('is a government or a department by how its name ends', () => {
    expect(unitKind('示例区人民政府')).toBe('government');
    expect(unitKind('青山经济开发区管委会')).toBe('government');
    expect(unitKind('东湖区管理委员会')).toBe('government');
    expect(unitKind('青山市司法局')).toBe('department');
    expect(unitKind('青山市发展和改革委员会')).toBe('department');
    expect(unitKind('青山市政务服务中心')).toBe('department');
    expect(unitKind('青山市人民政府办公室')).toBe('department');
    expect(unitKind('静海区')).toBe('government');
    expect(unitKind('某某协会')).toBeNull();
    expect(unitKind('臺北市政府法務局')).toBe('department');
    expect(unitKind('某某區')).toBe('government');
  });

  it('comes from the signature when the title does not say', () => {
    expect(readSignature('示例区人民政府 2024年3月1日')).toEqual({ unit: '示例区人民政府', date: '2024-03-01' });
    expect(readSignature('中共东湖区委 东湖区人民政府 二〇二四年三月二十八日')).toEqual({ unit: '东湖区人民政府', date: '2024-03-28' });
    expect(readUnit('关于2023年度法治政府建设情况的报告', '青山市司法局')).toEqual({ unit: '青山市司法局', source: 'signature', kind: 'department' });
    expect(readUnit('某某2023年度法治政府建设情况报告', '某某街道办事处')).toEqual({ unit: '某某街道办事处', source: 'signature', kind: 'department' });
    expect(readUnit('示例区人民政府关于2023年度法治政府建设情况的报告', '示例区人民政府')).toMatchObject({ source: 'title' });
  });

  it('reads dates in figures or in Chinese numerals, and no date that does not exist', () => {
    expect(parseDate('2024年3月1日')).toBe('2024-03-01');
    expect(parseDate('二〇二四年二月二十九日')).toBe('2024-02-29');
    expect(parseDate('2023年2月29日')).toBeNull();
    expect(parseDate('2024年13月1日')).toBeNull();
  });

  it('short forms of the name are the ones a report uses for itself', () => {
    expect(nameVariants('示例区人民政府')).toEqual(['示例区人民政府', '示例区']);
    expect(nameVariants('江蘇省人民政府')).toEqual(['江苏省人民政府', '江苏省']);
  });
});

describe('the deadline', () => {
  it('is 3月1日 for a department and 4月1日 for a government, of the year after the report year, that day included', () => {
    expect(deadlineFor('department', 2023, '2024-03-01')).toEqual({ deadline: '2024-03-01', met: true });
    expect(deadlineFor('department', 2023, '2024-03-02')).toEqual({ deadline: '2024-03-01', met: false });
    expect(deadlineFor('government', 2023, '2024-03-31')).toEqual({ deadline: '2024-04-01', met: true });
    expect(deadlineFor('government', 2023, '2024-04-02')).toEqual({ deadline: '2024-04-01', met: false });
  });

  it('is unknown when the date, the year or the kind is', () => {
    expect(deadlineFor('government', 2023, null)).toEqual({ deadline: '2024-04-01', met: null });
    expect(deadlineFor(null, 2023, '2024-03-01')).toEqual({ deadline: null, met: null });
    expect(deadlineFor('department', null, '2024-03-01')).toEqual({ deadline: null, met: null });
  });
});
