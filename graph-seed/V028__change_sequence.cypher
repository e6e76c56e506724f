// Numbers the change records made before they carried a sequence, in the order they were made (time, then id),
// and starts the counter after the last (audit/AuditTrail takes the next numbers under the counter's lock, at commit).
MERGE (s:ChangeSequence {id: 'changes'}) ON CREATE SET s.last = 0
WITH s
OPTIONAL MATCH (c:Change) WHERE c.seq IS NULL
WITH s, c ORDER BY c.at, c.id
WITH s, collect(c) AS unnumbered
FOREACH (i IN range(0, size(unnumbered) - 1) | FOREACH (c IN [unnumbered[i]] | SET c.seq = s.last + i + 1))
SET s.last = s.last + size(unnumbered);
