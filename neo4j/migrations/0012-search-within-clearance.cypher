// The full-text index also holds each node's handling and UK handling, so that a search applies the
// caller's clearance inside Lucene (src/domain/lucene.ts accessFilter): its best hits are then the
// best the caller may see, however many hidden records match better, and it no longer reads and
// drops hidden hits. A user's terms are matched in the text fields only (SEARCH_FIELDS), never in
// these. The index is built again; the migration waits for it to be online.
DROP INDEX msht_search IF EXISTS;
CREATE FULLTEXT INDEX msht_search IF NOT EXISTS
FOR (n:Person|OrganisedCrimeGroup|Business|Operation|Route|Phone|Vehicle|BankAccount|TravelDocument|EmailAddress|OnlineHandle|Town|Address|Country|PoliceForce)
ON EACH [n.name, n.aliases, n.value, n.postcode, n.code, n.handling, n.ukHandling];
