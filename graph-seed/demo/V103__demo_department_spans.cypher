// DEMO DATA: the departments the demo mines' open problems need, as V009 computes them for earlier data.
// Each mine keeps the departments its open problems need: (:Mine)-[:NEEDS_DEPARTMENT {openIssues}]->(:Unit) and
// m.departmentSpan, their number. The ledger keeps them up to date in the transaction of every write; this file
// computes them once for the problems already recorded. The departments of a problem are the competent units of
// its violation types plus the units assigned to it (JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE).
// Running it again gives the same result.
MATCH (m:Mine)
OPTIONAL MATCH (m)-[old:NEEDS_DEPARTMENT]->()
DELETE old
WITH DISTINCT m
CALL (m) {
  OPTIONAL MATCH (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN']
  UNWIND CASE WHEN i IS NULL THEN [] ELSE
    [u IN [(i)-[:OF_TYPE]->(:ViolationType)-[:COMPETENT_UNIT]->(c:Unit) | c] + [(i)-[:ASSIGNED_TO]->(a:Unit) | a]
     WHERE u.kind = 'DEPARTMENT'] END AS u
  WITH DISTINCT i, u
  WITH u, count(i) AS openIssues
  CREATE (m)-[:NEEDS_DEPARTMENT {openIssues: openIssues}]->(u)
  RETURN count(u) AS span
}
SET m.departmentSpan = span;
