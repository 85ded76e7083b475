import { quartersOverlapping } from '../../../src/domain/nrm-statistic';

describe('quartersOverlapping', () => {
  it('gives whole quarters a share of 1', () => {
    expect(quartersOverlapping('2023-01-01', '2023-12-31')).toEqual([
      { period: '2023Q1', share: 1 },
      { period: '2023Q2', share: 1 },
      { period: '2023Q3', share: 1 },
      { period: '2023Q4', share: 1 },
    ]);
  });

  it('counts the days of a quarter the window covers, across a year end', () => {
    // Q1 2023 has 90 days, Q4 2022 has 92.
    expect(quartersOverlapping('2023-01-01', '2023-02-14')).toEqual([{ period: '2023Q1', share: 0.5 }]);
    expect(quartersOverlapping('2022-12-31', '2023-01-01')).toEqual([
      { period: '2022Q4', share: 1 / 92 },
      { period: '2023Q1', share: 1 / 90 },
    ]);
  });

  it('handles leap years and a window of one day, and gives nothing for a window that ends before it starts', () => {
    expect(quartersOverlapping('2024-02-29', '2024-02-29')).toEqual([{ period: '2024Q1', share: 1 / 91 }]);
    expect(quartersOverlapping('2024-03-01', '2024-02-01')).toEqual([]);
  });
});
