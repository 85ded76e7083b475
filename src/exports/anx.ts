import { RELATIONSHIP_TYPE_NAMES } from '../domain/graph-model';
import { HANDLING_CODES, INTEL_GRADES, SOURCE_GRADES, UK_HANDLING, gradingLabel, type IntelGrade } from '../domain/provenance';
import { ANX_ENTITY_TYPES, ANX_VICTIM_TYPE, type AnxEntityType } from './anx-entity-types';
import type { ExportFile, ExportPackage } from './export-package';
import { edgeColumns, inKind, nodeColumns, widerKind, type FlatColumn, type FlatKind } from './flat-columns';
import type { JsonNode, JsonProvenance } from './json-document';
import { manifestFields } from './manifest-fields';
import { exportFile, prepareExport } from './prepare-export';
import { xmlAttr } from './xml-text';

export const ANX_MEDIA_TYPE = 'application/xml';

/** i2's grading fields: one list of texts per grade; an item holds the index into each list. */
export const ANX_GRADE_ONE = SOURCE_GRADES.map((g) => `${g} - ${{ 1: 'Reliable', 2: 'Untested', 3: 'Not reliable' }[g]}`);
export const ANX_GRADE_TWO = INTEL_GRADES.map(
  (g) =>
    `${g} - ${{ A: 'Known directly to the source', B: 'Known indirectly to the source, corroborated', C: 'Known indirectly to the source', D: 'Not known', E: 'Suspected to be false' }[g]}`,
);
/** The third grade is the handling code: Europol's and the UK's together, e.g. "H1 / C". */
export const ANX_GRADE_THREE = HANDLING_CODES.flatMap((h) => UK_HANDLING.map((uk) => `${h} / ${uk}`));

/** Link strength (line style) from the intelligence grade: how sure the link is. */
const STRENGTHS = [
  { name: 'Confirmed', dot: 'DotStyleSolid', grades: ['A', 'B'] },
  { name: 'Unconfirmed', dot: 'DotStyleDashed', grades: ['C'] },
  { name: 'Tentative', dot: 'DotStyleDotted', grades: ['D', 'E'] },
] as const satisfies readonly { name: string; dot: string; grades: readonly IntelGrade[] }[];

const ATT_TYPE: Record<FlatKind, string> = { string: 'AttText', long: 'AttNumber', double: 'AttNumber', boolean: 'AttFlag' };
const GRID = 200;

/**
 * An i2 Analyst's Notebook exchange chart (ANX, the XML that ANB imports). One entity type per
 * node type (anx-entity-types.ts) with its icon, one link type per relationship type, one
 * attribute class per attribute written, then a chart item per node (an icon entity whose
 * Identity is our node id, so charts from two exports merge on it) and per edge (a directed link
 * between the entities' EntityIds). Every item carries its provenance in i2's own fields
 * (SourceReference = report id, SourceType = agency, GradeOne/Two/Three = the 3x5x2 grading and
 * handling codes) and as attributes; the manifest is the chart summary. README.md#anx.
 */
export function toAnx(pkg: ExportPackage): ExportFile {
  const { manifest, document: d } = prepareExport(pkg);
  const nodeCols = nodeColumns(d.nodes).filter((c) => c.name !== 'id' && c.name !== 'label');
  const edgeCols = edgeColumns(d.edges).filter((c) => c.name !== 'source' && c.name !== 'target');
  const classes = attributeClasses([...nodeCols, ...edgeCols]);

  const entityTypes = new Map<string, AnxEntityType & { id: string }>();
  const entityType = (n: JsonNode) => {
    const t = n.roles.includes('VICTIM') ? ANX_VICTIM_TYPE : ANX_ENTITY_TYPES[n.type];
    if (!entityTypes.has(t.name)) entityTypes.set(t.name, { ...t, id: `ET${entityTypes.size + 1}` });
    return entityTypes.get(t.name)!;
  };
  const linkTypes = new Map(RELATIONSHIP_TYPE_NAMES.filter((t) => d.edges.some((e) => e.type === t)).map((t, i) => [t, `LT${i + 1}`]));
  const entityIds = new Map(d.nodes.map((n, i) => [n.id, i + 1]));

  const items: string[] = [];
  const columns = Math.max(1, Math.ceil(Math.sqrt(d.nodes.length)));
  d.nodes.forEach((n, i) => {
    const t = entityType(n);
    const [x, y] = [(i % columns) * GRID, Math.floor(i / columns) * GRID];
    items.push(
      `    <ChartItem Id="E${i + 1}" Label="${xmlAttr(n.label)}" Description="${xmlAttr(description(t.name, n.provenance, n.redacted))}" DateSet="false" ${provenanceAttrs(n.provenance)} XPosition="${x}">`,
      `      <End X="${x}" Y="${y}" Z="0">`,
      `        <Entity EntityId="${entityIds.get(n.id)}" Identity="${xmlAttr(n.id)}" LabelIsIdentity="false">`,
      `          <Icon>`,
      `            <IconStyle Type="${xmlAttr(t.name)}" EntityTypeReference="${t.id}"/>`,
      `          </Icon>`,
      `        </Entity>`,
      `      </End>`,
      ...attributeLines(nodeCols, n, classes),
      `    </ChartItem>`,
    );
  });
  d.edges.forEach((e, i) => {
    const when = anxDateTime(e.from);
    const dateAttrs = when ? `DateSet="true" TimeSet="${when.timeSet}" DateTime="${when.value}"` : 'DateSet="false"';
    const strength = STRENGTHS.find((s) => (s.grades as readonly string[]).includes(e.provenance.gradeIntel))!.name;
    items.push(
      `    <ChartItem Id="L${i + 1}" Label="${xmlAttr(e.type)}" Description="${xmlAttr(description(e.type, e.provenance, false))}" ${dateAttrs} ${provenanceAttrs(e.provenance)}>`,
      `      <Link End1Id="${entityIds.get(e.source)}" End2Id="${entityIds.get(e.target)}">`,
      `        <LinkStyle Strength="${strength}" ArrowStyle="ArrowOnHead" Type="${e.type}" LinkTypeReference="${linkTypes.get(e.type)}"/>`,
      `      </Link>`,
      ...attributeLines(edgeCols, e, classes),
      `    </ChartItem>`,
    );
  });

  const summary = manifestFields(manifest, d.truncated, d.truncatedBy).filter((f) => f.value !== null);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Chart IdReferenceLinking="false" Rigorous="true">',
    '  <StrengthCollection>',
    ...STRENGTHS.map((s, i) => `    <Strength Id="ST${i + 1}" Name="${s.name}" DotStyle="${s.dot}"/>`),
    '  </StrengthCollection>',
    ...grades('GradeOne', ANX_GRADE_ONE),
    ...grades('GradeTwo', ANX_GRADE_TWO),
    ...grades('GradeThree', ANX_GRADE_THREE),
    '  <AttributeClassCollection>',
    ...[...classes].map(
      ([name, c]) => `    <AttributeClass Id="${c.id}" Name="${xmlAttr(name)}" Type="${ATT_TYPE[c.kind]}" IsUser="true" UserCanAdd="true" UserCanRemove="true" ShowValue="true"/>`,
    ),
    '  </AttributeClassCollection>',
    '  <EntityTypeCollection>',
    ...[...entityTypes.values()].map(
      (t) =>
        `    <EntityType Id="${t.id}" Name="${xmlAttr(t.name)}" IconFile="${xmlAttr(t.icon)}" PreferredRepresentation="RepresentAsIcon"${t.shading === undefined ? '' : ` IconShadingColour="${t.shading}"`}/>`,
    ),
    '  </EntityTypeCollection>',
    '  <LinkTypeCollection>',
    ...[...linkTypes].map(([name, id]) => `    <LinkType Id="${id}" Name="${name}" Colour="0"/>`),
    '  </LinkTypeCollection>',
    '  <Summary>',
    '    <FieldCollection>',
    `      <Field Type="SummaryFieldTitle" Field="${xmlAttr(`msht-graph export ${manifest.exportId}`)}"/>`,
    `      <Field Type="SummaryFieldSubject" Field="${xmlAttr(manifest.purpose)}"/>`,
    `      <Field Type="SummaryFieldAuthor" Field="${xmlAttr(`${manifest.exportedBy.subject} (${manifest.exportedBy.agency})`)}"/>`,
    `      <Field Type="SummaryFieldComments" Field="${xmlAttr(`Handling ${manifest.packageHandling.handling} / ${manifest.packageHandling.ukHandling}; content sha256 ${manifest.sha256}`)}"/>`,
    '    </FieldCollection>',
    '    <CustomPropertyCollection>',
    ...summary.map((f) => `      <CustomProperty Name="${xmlAttr(f.name)}" Type="String" Value="${xmlAttr(String(f.value))}"/>`),
    '    </CustomPropertyCollection>',
    `    <Origin CreatedDate="${new Date(manifest.exportedAt).toISOString().slice(0, 19)}" EditTime="0" RevisionNumber="1"/>`,
    '  </Summary>',
    '  <ChartItemCollection>',
    ...items,
    '  </ChartItemCollection>',
    '</Chart>',
    '',
  ];
  return exportFile({ manifest, document: d }, 'anx', ANX_MEDIA_TYPE, Buffer.from(out.join('\n'), 'utf8'));
}

interface AttributeClass {
  id: string;
  kind: FlatKind;
}

/** One class per attribute name across entities and links; a name with two types becomes text. */
function attributeClasses(cols: readonly { name: string; kind: FlatKind }[]): Map<string, AttributeClass> {
  const classes = new Map<string, AttributeClass>();
  for (const c of cols) {
    const known = classes.get(c.name);
    classes.set(c.name, { id: known?.id ?? `AC${classes.size + 1}`, kind: known ? widerKind(known.kind, c.kind) : c.kind });
  }
  return classes;
}

function attributeLines<T>(cols: readonly FlatColumn<T>[], item: T, classes: Map<string, AttributeClass>): string[] {
  const lines: string[] = [];
  for (const c of cols) {
    const v = c.value(item);
    if (v === null) continue;
    const cls = classes.get(c.name)!;
    lines.push(`        <Attribute AttributeClass="${xmlAttr(c.name)}" AttributeClassReference="${cls.id}" Value="${xmlAttr(String(inKind(v, cls.kind)))}"/>`);
  }
  return lines.length === 0 ? [] : ['      <AttributeCollection>', ...lines, '      </AttributeCollection>'];
}

/** i2's provenance fields on a chart item. */
function provenanceAttrs(p: JsonProvenance): string {
  const one = SOURCE_GRADES.indexOf(p.gradeSource);
  const two = INTEL_GRADES.indexOf(p.gradeIntel);
  const three = ANX_GRADE_THREE.indexOf(`${p.handling} / ${p.ukHandling}`);
  return `SourceReference="${xmlAttr(p.reportId)}" SourceType="${xmlAttr(p.agency)}" GradeOneIndex="${one}" GradeTwoIndex="${two}" GradeThreeIndex="${three}"`;
}

function description(what: string, p: JsonProvenance, redacted: boolean): string {
  const withheld = redacted ? '; protected values withheld' : '';
  return `${what}; graded ${gradingLabel(p)}, handling ${p.handling}; from ${p.reportId} (${p.agency}), recorded ${p.recordedAt}${withheld}`;
}

/** An edge's start as i2's DateTime (no zone: date-times are written in UTC). */
function anxDateTime(from: string | null): { value: string; timeSet: boolean } | null {
  if (from === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(from)) return { value: `${from}T00:00:00.000`, timeSet: false };
  return { value: new Date(from).toISOString().slice(0, 23), timeSet: true };
}

function grades(tag: string, texts: readonly string[]): string[] {
  return [`  <${tag}>`, '    <StringCollection>', ...texts.map((t, i) => `      <String Id="${tag}${i + 1}" Text="${xmlAttr(t)}"/>`), '    </StringCollection>', `  </${tag}>`];
}
