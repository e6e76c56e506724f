// DEMO DATA: the demo mines' departments recounted as graph-seed/V012 does, with competence on the criminal side
// (and the police) counted only where a problem is a criminal matter. On a fresh database V103 ran after V012 with
// the earlier rule; this brings the demo mines in line. Running it again gives the same result.
MATCH (m:Mine)
OPTIONAL MATCH (m)-[old:NEEDS_DEPARTMENT]->()
DELETE old
WITH DISTINCT m
CALL (m) {
  OPTIONAL MATCH (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN']
  UNWIND CASE WHEN i IS NULL THEN [] ELSE
    [u IN [(i)-[:OF_TYPE]->(:ViolationType)-[k:COMPETENT_UNIT]->(c:Unit) WHERE coalesce(k.basis, '') <> 'CRIMINAL' | c]
          + [(i)-[:ASSIGNED_TO]->(a:Unit) | a]
          + CASE WHEN EXISTS { (i)-[:FOUND_BY]->(:ProblemSource {code: 'ANTI_GANG'}) }
                   OR EXISTS { (i)-[:RESULTED_IN]->(:Outcome {code: 'LEGAL_LIABILITY'}) }
                   OR EXISTS { (i)-[:OF_TYPE]->(:ViolationType)-[k:COMPETENT_UNIT]->(:Unit {id: 'POLICE'}) WHERE coalesce(k.basis, '') <> 'CRIMINAL' }
                 THEN COLLECT { MATCH (p:Unit) WHERE p.id = 'POLICE'
                                   OR EXISTS { (i)-[:OF_TYPE]->(:ViolationType)-[:COMPETENT_UNIT {basis: 'CRIMINAL'}]->(p) } RETURN p }
                 ELSE [] END
     WHERE u.kind = 'DEPARTMENT'] END AS u
  WITH DISTINCT i, u
  WITH u, count(i) AS openIssues
  CREATE (m)-[:NEEDS_DEPARTMENT {openIssues: openIssues}]->(u)
  RETURN count(u) AS span
}
SET m.departmentSpan = span;
