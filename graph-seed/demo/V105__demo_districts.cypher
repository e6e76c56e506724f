// DEMO DATA, SYNTHETIC: the demo townships (V101) are 昌江区's, and so are the demo mines and problems (V102); see
// V015, which does the same for what was recorded before it. Running the file again changes nothing.
MATCH (district:Jurisdiction {id: 'CHANGJIANG'}), (t:Township)
WHERE NOT (t)-[:PART_OF]->(:Jurisdiction)
MERGE (t)-[:PART_OF]->(district);

MATCH (m:Mine) WHERE m.district IS NULL
SET m.district = coalesce([(m)-[:LOCATED_IN]->(:Township)-[:PART_OF]->(d:Jurisdiction) | d.id][0], 'CHANGJIANG');

MATCH (i:Issue)-[:AT]->(m:Mine) WHERE i.district IS NULL
SET i.district = m.district;
