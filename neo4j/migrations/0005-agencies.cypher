// National agencies that provide intelligence, and the report that reference data cites.
// Police forces are added as agencies with the UK geography (a later migration).
UNWIND [
  {code: 'MSHT', name: 'National MSHT analysis centre', kind: 'ANALYSIS_CENTRE'},
  {code: 'NCA', name: 'National Crime Agency', kind: 'LAW_ENFORCEMENT'},
  {code: 'GLAA', name: 'Gangmasters and Labour Abuse Authority', kind: 'REGULATOR'},
  {code: 'HOIE', name: 'Home Office Immigration Enforcement', kind: 'IMMIGRATION'},
  {code: 'BF', name: 'Border Force', kind: 'BORDER'},
  {code: 'HMRC', name: 'HM Revenue and Customs', kind: 'REVENUE'},
  {code: 'SCD', name: 'Single Competent Authority (NRM decisions)', kind: 'GOVERNMENT'},
  {code: 'EUROPOL', name: 'Europol', kind: 'INTERNATIONAL'},
  {code: 'CTDC', name: 'Counter-Trafficking Data Collaborative (IOM, Polaris)', kind: 'INTERNATIONAL'},
  {code: 'HOSTATS', name: 'Home Office statistics (NRM)', kind: 'GOVERNMENT'}
] AS a
MERGE (n:Agency:Entity:Reference {id: 'agency-' + a.code})
ON CREATE SET n.code = a.code, n.name = a.name, n.kind = a.kind,
  n.reportId = 'ref-msht-reference-data', n.agency = 'MSHT', n.recordedAt = datetime('2026-01-01T00:00:00Z'),
  n.gradeSource = 1, n.gradeIntel = 'A', n.ukHandling = 'P', n.handling = 'H0', n.consent = true;

MERGE (r:IntelligenceReport:Entity:Reference {id: 'ref-msht-reference-data'})
ON CREATE SET r.reference = 'MSHT/REF/0001', r.title = 'Reference data: gazetteer, agencies and vocabularies',
  r.reportedOn = date('2026-01-01'),
  r.reportId = 'ref-msht-reference-data', r.agency = 'MSHT', r.recordedAt = datetime('2026-01-01T00:00:00Z'),
  r.gradeSource = 1, r.gradeIntel = 'A', r.ukHandling = 'P', r.handling = 'H0', r.consent = true
WITH r
MATCH (a:Agency {code: 'MSHT'})
MERGE (r)-[i:ISSUED_BY]->(a)
ON CREATE SET i.reportId = 'ref-msht-reference-data', i.agency = 'MSHT', i.recordedAt = datetime('2026-01-01T00:00:00Z'),
  i.gradeSource = 1, i.gradeIntel = 'A', i.ukHandling = 'P', i.handling = 'H0', i.consent = true;
