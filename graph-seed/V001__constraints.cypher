// Uniqueness of every business key the API exposes, and the indexes the read paths start from.
// Safe to run again: every statement is IF NOT EXISTS.
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (n:Campaign) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mineral_name IF NOT EXISTS FOR (n:Mineral) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT task_number IF NOT EXISTS FOR (n:Task) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT violation_type_code IF NOT EXISTS FOR (n:ViolationType) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT regulation_id IF NOT EXISTS FOR (n:Regulation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unit_name IF NOT EXISTS FOR (n:Unit) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT duty_id IF NOT EXISTS FOR (n:Duty) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phase_number IF NOT EXISTS FOR (n:Phase) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT working_group_id IF NOT EXISTS FOR (n:WorkingGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT problem_source_code IF NOT EXISTS FOR (n:ProblemSource) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT outcome_code IF NOT EXISTS FOR (n:Outcome) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT township_name IF NOT EXISTS FOR (n:Township) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mine_id IF NOT EXISTS FOR (n:Mine) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT issue_id IF NOT EXISTS FOR (n:Issue) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT seed_version IF NOT EXISTS FOR (n:SeedMigration) REQUIRE n.version IS UNIQUE;
CREATE INDEX unit_aliases IF NOT EXISTS FOR (n:Unit) ON (n.aliases);
CREATE INDEX issue_status IF NOT EXISTS FOR (n:Issue) ON (n.status);
CREATE INDEX issue_deadline IF NOT EXISTS FOR (n:Issue) ON (n.deadline);
CREATE INDEX mine_licence IF NOT EXISTS FOR (n:Mine) ON (n.licenceNumber);
