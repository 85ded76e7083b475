import type { Element } from '@xmldom/xmldom';

import { ANX_GRADE_ONE, ANX_GRADE_THREE, ANX_GRADE_TWO, toAnx } from '../../../src/exports/anx';
import { contentHash, sha256Hex } from '../../../src/exports/content-hash';
import { exportFixture, HOSTILE, VICTIM_PSEUDONYM } from '../../fixtures/export-fixture';
import { elements, parseXmlStrictly } from '../../support/strict-xml';

describe('toAnx', () => {
  const pkg = exportFixture();
  const file = toAnx(pkg);
  const xml = parseXmlStrictly(file.content.toString('utf8'));
  const chart = xml.documentElement!;
  const items = elements(xml, 'ChartItem');
  const entityItems = items.filter((ci) => elements(ci, 'Entity').length === 1);
  const linkItems = items.filter((ci) => elements(ci, 'Link').length === 1);
  const entityOf = (ci: Element) => elements(ci, 'Entity')[0]!;
  const byIdentity = new Map(entityItems.map((ci) => [entityOf(ci).getAttribute('Identity'), ci]));
  const attrs = (ci: Element) => new Map(elements(ci, 'Attribute').map((a) => [a.getAttribute('AttributeClass'), a.getAttribute('Value')]));
  const named = (parent: string, child: string) => new Map(elements(elements(xml, parent)[0]!, child).map((e) => [e.getAttribute('Name'), e]));

  it('is a well-formed chart with the collections a minimal ANX needs, in order', () => {
    expect(file.filename).toBe('exp-2025-0001.anx');
    expect(file.sha256).toBe(sha256Hex(file.content));
    expect(chart.tagName).toBe('Chart');
    const children = Array.from(chart.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as Element).tagName);
    expect(children).toEqual(['StrengthCollection', 'GradeOne', 'GradeTwo', 'GradeThree', 'AttributeClassCollection', 'EntityTypeCollection', 'LinkTypeCollection', 'Summary', 'ChartItemCollection']);
    const ids = items.map((ci) => ci.getAttribute('Id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has one entity per node, its Identity our node id, and one link per edge', () => {
    expect(entityItems).toHaveLength(pkg.subgraph.nodes.length);
    expect(linkItems).toHaveLength(pkg.subgraph.edges.length);
    expect([...byIdentity.keys()]).toEqual(pkg.subgraph.nodes.map((n) => n.id));
    const entityIds = entityItems.map((ci) => entityOf(ci).getAttribute('EntityId'));
    expect(new Set(entityIds).size).toBe(entityIds.length);
  });

  it('links only entities of the chart, in the edge’s direction', () => {
    const identityOf = new Map(entityItems.map((ci) => [entityOf(ci).getAttribute('EntityId'), entityOf(ci).getAttribute('Identity')]));
    linkItems.forEach((ci, i) => {
      const link = elements(ci, 'Link')[0]!;
      const edge = pkg.subgraph.edges[i]!;
      expect(identityOf.has(link.getAttribute('End1Id'))).toBe(true);
      expect(identityOf.has(link.getAttribute('End2Id'))).toBe(true);
      expect([identityOf.get(link.getAttribute('End1Id')), identityOf.get(link.getAttribute('End2Id'))]).toEqual([edge.source, edge.target]);
      expect(elements(ci, 'LinkStyle')[0]!.getAttribute('ArrowStyle')).toBe('ArrowOnHead');
    });
  });

  it('declares every entity type, link type, strength and attribute class it uses', () => {
    const entityTypes = named('EntityTypeCollection', 'EntityType');
    const linkTypes = named('LinkTypeCollection', 'LinkType');
    const strengths = named('StrengthCollection', 'Strength');
    const classes = named('AttributeClassCollection', 'AttributeClass');
    for (const ci of entityItems) {
      const style = elements(ci, 'IconStyle')[0]!;
      const type = entityTypes.get(style.getAttribute('Type'));
      expect(type?.getAttribute('Id')).toBe(style.getAttribute('EntityTypeReference'));
      expect(type?.getAttribute('IconFile')).toBeTruthy();
    }
    for (const ci of linkItems) {
      const style = elements(ci, 'LinkStyle')[0]!;
      expect(linkTypes.get(style.getAttribute('Type'))?.getAttribute('Id')).toBe(style.getAttribute('LinkTypeReference'));
      expect(strengths.has(style.getAttribute('Strength'))).toBe(true);
    }
    for (const a of elements(xml, 'Attribute')) {
      const cls = classes.get(a.getAttribute('AttributeClass'));
      expect(cls?.getAttribute('Id')).toBe(a.getAttribute('AttributeClassReference'));
      if (cls?.getAttribute('Type') === 'AttNumber') expect(Number.isFinite(Number(a.getAttribute('Value')))).toBe(true);
      if (cls?.getAttribute('Type') === 'AttFlag') expect(['true', 'false']).toContain(a.getAttribute('Value'));
    }
    expect(entityTypes.get('Person')?.getAttribute('IconFile')).toBe('Person');
    expect(entityTypes.get('Organised Crime Group')?.getAttribute('IconFile')).toBe('Organisation');
    expect(entityTypes.get('Bank Account')?.getAttribute('IconFile')).toBe('Bank Account');
    expect(entityTypes.get('Person (victim)')?.getAttribute('IconShadingColour')).toBe(String(0x0080ff));
    expect(classes.get('birthYear')?.getAttribute('Type')).toBe('AttNumber');
    expect(classes.get('redacted')?.getAttribute('Type')).toBe('AttFlag');
    expect(classes.get('name')?.getAttribute('Type')).toBe('AttText');
  });

  it('writes the label, attributes and the item’s grading in i2’s grading fields', () => {
    const nguyen = byIdentity.get('per-nguyen')!;
    expect(nguyen.getAttribute('Label')).toBe('Nguyen Van A');
    expect(Object.fromEntries(attrs(nguyen))).toMatchObject({
      type: 'Person',
      roles: '["OFFENDER"]',
      birthYear: '1985',
      dateOfBirth: '1985-04-12',
      reportId: 'rep-nca-2025-0412',
      agency: 'NCA',
      handling: 'H0',
      ukHandling: 'P',
      grading: '1BP',
    });
    expect(nguyen.getAttribute('SourceReference')).toBe('rep-nca-2025-0412');
    expect(nguyen.getAttribute('SourceType')).toBe('NCA');
    const grade = (ci: Element, which: string, list: string[]) => list[Number(ci.getAttribute(`Grade${which}Index`))];
    expect([grade(nguyen, 'One', ANX_GRADE_ONE), grade(nguyen, 'Two', ANX_GRADE_TWO), grade(nguyen, 'Three', ANX_GRADE_THREE)]).toEqual([
      '1 - Reliable',
      'B - Known indirectly to the source, corroborated',
      'H0 / P',
    ]);
    const obrien = byIdentity.get('per-obrien')!;
    expect([grade(obrien, 'One', ANX_GRADE_ONE), grade(obrien, 'Two', ANX_GRADE_TWO), grade(obrien, 'Three', ANX_GRADE_THREE)]).toEqual(['2 - Untested', 'C - Known indirectly to the source', 'H0 / C']);
    const chartGrades = (tag: string) => elements(elements(xml, tag)[0]!, 'String').map((s) => s.getAttribute('Text'));
    expect(chartGrades('GradeOne')).toEqual(ANX_GRADE_ONE);
    expect(chartGrades('GradeThree')).toEqual(ANX_GRADE_THREE);

    const victim = byIdentity.get('per-victim1')!;
    expect(victim.getAttribute('Label')).toBe(VICTIM_PSEUDONYM);
    expect(elements(victim, 'IconStyle')[0]!.getAttribute('Type')).toBe('Person (victim)');
    expect(attrs(victim).has('name')).toBe(false);
    expect(attrs(victim).get('redacted')).toBe('true');
  });

  it('dates links and draws them by how sure the intelligence is', () => {
    const transfer = linkItems[12]!;
    expect(transfer.getAttribute('Label')).toBe('TRANSFERRED_TO');
    expect([transfer.getAttribute('DateSet'), transfer.getAttribute('TimeSet'), transfer.getAttribute('DateTime')]).toEqual(['true', 'false', '2024-03-01T00:00:00.000']);
    expect(linkItems[13]!.getAttribute('DateTime')).toBe('2024-04-01T10:15:00.000');
    expect(attrs(transfer).get('amount')).toBe('1500.5');
    expect(elements(transfer, 'LinkStyle')[0]!.getAttribute('Strength')).toBe('Confirmed');
    expect(linkItems[0]!.getAttribute('DateSet')).toBe('false');
  });

  it('keeps hostile strings intact through XML attributes, replacing only what XML cannot carry', () => {
    expect(byIdentity.get('per-obrien')!.getAttribute('Label')).toBe(HOSTILE.injection);
    expect(byIdentity.get('ocg-redlotus')!.getAttribute('Label')).toBe(HOSTILE.markup);
    expect(byIdentity.get('biz-lotus')!.getAttribute('Label')).toBe(HOSTILE.emoji);
    const addr = attrs(byIdentity.get('addr-leeds')!);
    expect(addr.get('directions')).toBe(HOSTILE.newlines);
    expect(addr.get('line1')).toBe(HOSTILE.separators);
    expect(addr.get('note')).toBe('bell\uFFFDhere');
    expect(attrs(byIdentity.get('per-obrien')!).get('notes')).toBe(HOSTILE.backslashes);
    expect(attrs(linkItems[13]!).get('reference')).toBe(HOSTILE.markup);
  });

  it('carries the manifest, with the content hash, in the chart summary', () => {
    const props = new Map(elements(xml, 'CustomProperty').map((p) => [p.getAttribute('Name'), p.getAttribute('Value')]));
    expect(props.get('sha256')).toBe(contentHash(pkg.subgraph));
    expect(props.get('exportId')).toBe('exp-2025-0001');
    expect(props.get('packageHandling.handling')).toBe('H1');
    expect(props.get('purpose')).toBe(pkg.manifest.purpose);
    expect(JSON.parse(props.get('leftOut')!)).toEqual(pkg.manifest.leftOut);
    expect(elements(xml, 'Origin')[0]!.getAttribute('CreatedDate')).toBe('2025-05-01T12:00:00');
  });
});
