// Keys and lookups of the ledger's change records and of joint enforcement actions.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityId);
CREATE CONSTRAINT joint_enforcement_action_id IF NOT EXISTS FOR (n:JointEnforcementAction) REQUIRE n.id IS UNIQUE;
CREATE INDEX issue_supervised IF NOT EXISTS FOR (n:Issue) ON (n.supervised);
