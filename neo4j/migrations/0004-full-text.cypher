// Full-text search across names, aliases, business names and identifier values. List properties
// (aliases) are indexed element by element. Queried with escaped user text (src/graph/queries/search.query.ts).
CREATE FULLTEXT INDEX msht_search IF NOT EXISTS
FOR (n:Person|OrganisedCrimeGroup|Business|Operation|Route|Phone|Vehicle|BankAccount|TravelDocument|EmailAddress|OnlineHandle|Town|Address|Country|PoliceForce)
ON EACH [n.name, n.aliases, n.value, n.postcode, n.code];
