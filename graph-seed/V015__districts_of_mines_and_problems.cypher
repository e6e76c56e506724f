// Every level of the campaign (issue 15): the ledger is scoped by jurisdiction. A township is part of a district
// ((:Township)-[:PART_OF]->(:Jurisdiction)), and each mine and problem carries the id of its district (m.district,
// i.district), kept on write by registerMine and reportIssue, so that a list, count or candidate list scoped to a
// jurisdiction starts from an index (V016) instead of climbing from every row. Before this file the graph held one
// district, 昌江区: everything recorded so far is its. Running the file again changes nothing.
MATCH (district:Jurisdiction {id: 'CHANGJIANG'}), (t:Township)
WHERE NOT (t)-[:PART_OF]->(:Jurisdiction)
MERGE (t)-[:PART_OF]->(district);

MATCH (m:Mine) WHERE m.district IS NULL
SET m.district = coalesce([(m)-[:LOCATED_IN]->(:Township)-[:PART_OF]->(d:Jurisdiction) | d.id][0], 'CHANGJIANG');

MATCH (i:Issue)-[:AT]->(m:Mine) WHERE i.district IS NULL
SET i.district = m.district;
