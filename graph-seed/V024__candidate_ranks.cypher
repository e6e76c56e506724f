// Ranks every mine among the joint-enforcement candidates as the ledger's writes now keep it on write
// (JointEnforcementCandidate.RANK_MINE, in the write's transaction): by the span of departments its open problems
// need (NEEDS_DEPARTMENT, V009), then its overdue open problems, then its serious open ones, as one integer; with the
// day it was ranked and the earliest deadline of an open problem not yet passed, after which the rank is stale.
// Running it again ranks again as of that day.
MATCH (m:Mine)
SET m.jointRank = COUNT { (m)-[:NEEDS_DEPARTMENT]->() } * 1000000000000
                  + COUNT { (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN'] AND i.deadline < date() } * 1000000
                  + COUNT { (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN'] AND i.severity IN ['SERIOUS', 'MAJOR'] },
    m.rankedOn = date(),
    m.rankGoodUntil = COLLECT { MATCH (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN'] AND i.deadline >= date()
                                RETURN i.deadline AS d ORDER BY d LIMIT 1 }[0];
