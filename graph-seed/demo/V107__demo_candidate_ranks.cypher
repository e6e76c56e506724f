// The demo mines ranked among the joint-enforcement candidates as V024 ranks the mines recorded before it: on a new
// instance the demo data (V101–V105) is loaded after V024, so its mines need the same. Running it again ranks again.
MATCH (m:Mine)
SET m.jointRank = COUNT { (m)-[:NEEDS_DEPARTMENT]->() } * 1000000000000
                  + COUNT { (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN'] AND i.deadline < date() } * 1000000
                  + COUNT { (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN'] AND i.severity IN ['SERIOUS', 'MAJOR'] },
    m.rankedOn = date(),
    m.rankGoodUntil = COLLECT { MATCH (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN'] AND i.deadline >= date()
                                RETURN i.deadline AS d ORDER BY d LIMIT 1 }[0];
