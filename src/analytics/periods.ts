import { badInput } from '../errors/app-error';

export type Interval = 'MONTH' | 'QUARTER' | 'YEAR';

/** The period key of a date, as the trend queries write it: 2024-03, 2024-Q1, 2024. */
export function periodOf(date: string, interval: Interval): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (interval === 'YEAR') return y;
  if (interval === 'QUARTER') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Every period from `from` to `to` inclusive, in order. */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  const step = interval === 'MONTH' ? 1 : interval === 'QUARTER' ? 3 : 12;
  if (interval === 'QUARTER') m = Math.floor((m - 1) / 3) * 3 + 1;
  if (interval === 'YEAR') m = 1;
  while (y < endY || (y === endY && m <= endM)) {
    out.push(periodOf(`${y}-${String(m).padStart(2, '0')}-01`, interval));
    m += step;
    while (m > 12) {
      m -= 12;
      y += 1;
    }
    if (out.length > 1200) throw badInput('to', 'the range holds too many periods');
  }
  return out;
}

/** The first and last day of a month given as YYYY-MM. */
export function monthRange(month: string, field = 'month'): { from: string; to: string; previous: { from: string; to: string } } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw badInput(field, `must be a month YYYY-MM, got "${month}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const last = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const fmt = (yy: number, mm: number, d: number) => `${yy}-${String(mm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const py = mo === 1 ? y - 1 : y;
  const pm = mo === 1 ? 12 : mo - 1;
  return { from: fmt(y, mo, 1), to: fmt(y, mo, last(y, mo)), previous: { from: fmt(py, pm, 1), to: fmt(py, pm, last(py, pm)) } };
}
