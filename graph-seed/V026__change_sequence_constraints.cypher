// Change records carry a sequence in commit order (audit/AuditTrail), which every instance follows to hear every
// committed change (audit/ChangeFeed). One record per number; one counter node.
CREATE CONSTRAINT change_sequence IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_sequence_counter IF NOT EXISTS FOR (s:ChangeSequence) REQUIRE s.id IS UNIQUE;
