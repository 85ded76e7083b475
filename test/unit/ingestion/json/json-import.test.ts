import { pseudonymise } from '../../../../src/exports/export-subgraph';
import { toJson } from '../../../../src/exports/json-export';
import { checkPlanShape } from '../../../../src/ingestion/check-plan';
import { formatBadRow } from '../../../../src/ingestion/import-plan';
import { planJson } from '../../../../src/ingestion/json/json-import';
import { exportFixture, VICTIM_PSEUDONYM } from '../../../fixtures/export-fixture';

const TODAY = new Date('2026-01-01T00:00:00Z');

/** The fixture without the properties our graph does not store (it was built to stress serialisers). */
function storablePackage() {
  const pkg = exportFixture();
  const keep: Record<string, string[]> = {
    'per-obrien': ['name'],
    'per-victim1': ['name', 'aliases', 'dateOfBirth', 'birthYear', 'gender', 'ageGroup'],
    'phone-01': ['value'],
    'phone-02': ['value'],
    'addr-leeds': ['line1', 'postcode'],
    'route-vn-uk': ['name'],
    'biz-lotus': ['name'],
    'acct-gb-01': ['value'],
    'acct-vn-01': ['bank'],
    'ocg-redlotus': ['name', 'threatLevel'],
  };
  for (const n of pkg.subgraph.nodes) {
    if (keep[n.id]) n.properties = Object.fromEntries(Object.entries(n.properties).filter(([k]) => keep[n.id]!.includes(k)));
    if (n.id === 'biz-lotus') n.properties.type = 'NAIL_BAR';
  }
  for (const e of pkg.subgraph.edges) {
    delete e.properties.note;
    delete e.properties.reference;
    delete e.properties.hoursPerWeek;
    delete e.properties.debtGbp;
  }
  return pkg;
}

describe('planJson', () => {
  it('reads our export document back into a plan: ids, roles, properties and provenance as exported', () => {
    const text = toJson(storablePackage()).content.toString('utf8');
    const plan = planJson([{ name: 'pkg.json', text }], { today: TODAY });
    expect(plan.bad.map(formatBadRow)).toEqual([]);
    expect(plan.skipped).toBe(1); // country-VN: reference data, which must already be in the graph
    const nguyen = plan.nodes.find((n) => n.id === 'per-nguyen')!;
    expect(nguyen).toMatchObject({ label: 'Person', roles: ['Offender'], props: { name: 'Nguyen Van A', birthYear: 1985, dateOfBirth: '1985-04-12', gender: 'MALE' } });
    expect(nguyen.prov).toEqual({ reportId: 'rep-nca-2025-0412', gradeSource: 1, gradeIntel: 'B', ukHandling: 'P', handling: 'H0', consent: false, recordedAt: new Date('2025-04-12T09:30:00.000Z') });
    expect(plan.nodes.find((n) => n.id === 'per-obrien')!.roles).toEqual(['Offender', 'Suspect']);
    // A redacted victim new to a graph is known by its pseudonym; withheld values stay unset.
    expect(plan.nodes.find((n) => n.id === 'per-victim1')!.props).toEqual({ name: VICTIM_PSEUDONYM, gender: 'FEMALE', ageGroup: 'ADULT' });
    expect(plan.nodes.find((n) => n.id === 'phone-02')!.props).toEqual({});
    const transfers = plan.rels.filter((r) => r.type === 'TRANSFERRED_TO');
    expect(transfers.map((t) => t.props)).toEqual([
      { amount: 1500.5, currency: 'GBP', channel: 'MONEY_SERVICE_BUSINESS' },
      { amount: 2000, currency: 'GBP', channel: 'BANK_TRANSFER' },
    ]);
    expect(plan.rels.find((r) => r.type === 'HAS_STOP')).toMatchObject({ from: 'route-vn-uk', to: 'country-VN', props: { order: 1, mode: 'FLIGHT' } });
  });

  it('takes the pseudonymous ids of withheld records as an export writes them, prefixed as ids of this graph, with their links', () => {
    const pkg = storablePackage();
    const { subgraph } = pseudonymise(pkg.subgraph, () => VICTIM_PSEUDONYM);
    expect(subgraph.nodes.filter((n) => n.redacted).map((n) => n.id)).toEqual([VICTIM_PSEUDONYM, 'Phone-7K2M4Q9X']);
    const plan = planJson([{ name: 'pkg.json', text: toJson({ ...pkg, subgraph }).content.toString('utf8') }], { today: TODAY });
    expect([...plan.bad, ...checkPlanShape(plan)].map(formatBadRow)).toEqual([]);
    expect(plan.nodes.filter((n) => n.id.includes('7K2M4Q9X')).map((n) => [n.label, n.id])).toEqual([
      ['Person', `per-${VICTIM_PSEUDONYM}`],
      ['Phone', 'phone-Phone-7K2M4Q9X'],
    ]);
    expect(plan.rels.find((r) => r.type === 'HAS_IDENTIFIER' && r.from === `per-${VICTIM_PSEUDONYM}`)).toMatchObject({ to: 'phone-Phone-7K2M4Q9X' });
    expect(plan.rels.some((r) => [r.from, r.to].includes(VICTIM_PSEUDONYM))).toBe(false);
  });

  it('derives a phone’s country from its value, as the API and a CSV import do, whatever the file says', () => {
    const pkg = storablePackage();
    const phone = pkg.subgraph.nodes.find((n) => n.id === 'phone-01')!;
    phone.properties = { value: '+40 721 234 567', countryCode: 'anything, any length' };
    const plan = planJson([{ name: 'pkg.json', text: toJson(pkg).content.toString('utf8') }], { today: TODAY });
    expect(plan.nodes.find((n) => n.id === 'phone-01')!.props).toEqual({ value: '+40721234567', countryCode: 'RO' });
  });

  it('takes a handle’s platform from its value, refusing one the file gives that differs', () => {
    const handleText = (properties: Record<string, unknown>) => {
      const pkg = storablePackage();
      const phone = pkg.subgraph.nodes.find((n) => n.id === 'phone-01')!;
      Object.assign(phone, { type: 'OnlineHandle', properties });
      return toJson(pkg).content.toString('utf8');
    };
    const agreed = planJson([{ name: 'pkg.json', text: handleText({ value: 'telegram:@Abc', platform: 'TELEGRAM' }) }], { today: TODAY });
    expect(agreed.nodes.find((n) => n.id === 'phone-01')!.props).toEqual({ value: 'TELEGRAM:abc', platform: 'TELEGRAM' });
    const differs = planJson([{ name: 'pkg.json', text: handleText({ value: 'TELEGRAM:abc', platform: 'WHATSAPP' }) }], { today: TODAY });
    expect(differs.bad.map(formatBadRow)).toEqual([expect.stringMatching(/properties\.platform: a handle's platform is its value's \(TELEGRAM\), not "WHATSAPP"$/)]);
  });

  it('names every item it cannot store by its JSON path', () => {
    const text = toJson(exportFixture()).content.toString('utf8');
    const bad = planJson([{ name: 'pkg.json', text }], { today: TODAY }).bad.map(formatBadRow);
    expect(bad).toContain('pkg.json:$.nodes[3]: properties.notes: is not a property of a Person');
    expect(bad).toContain('pkg.json:$.edges[7]: properties.note: is not a property of this kind');
    expect(bad.every((b) => /^pkg\.json:\$\.(nodes|edges)\[\d+\]: /.test(b))).toBe(true);
  });

  it('refuses a document the export reader refuses, at the path it names', () => {
    const doc = JSON.parse(toJson(storablePackage()).content.toString('utf8'));
    doc.nodes[0].provenance.handling = 'H9';
    const bad = planJson([{ name: 'x.json', text: JSON.stringify(doc) }], { today: TODAY }).bad.map(formatBadRow);
    expect(bad).toEqual([expect.stringMatching(/^x\.json:\$\.nodes\[0\]\.provenance\.handling: must be one of H0, H1, H2, H3/)]);
    expect(planJson([{ name: 'y.json', text: '{' }], { today: TODAY }).bad.map(formatBadRow)).toEqual(['y.json:$: is not valid JSON']);
  });
});
