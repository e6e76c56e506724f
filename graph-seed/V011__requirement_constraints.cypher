// Uniqueness of the business keys of 工作要求 (Requirement), the dated obligations (Obligation) and the bodies
// outside the campaign's units that they name (PlanBody). Safe to run again: every statement is IF NOT EXISTS.
CREATE CONSTRAINT requirement_id IF NOT EXISTS FOR (n:Requirement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT obligation_id IF NOT EXISTS FOR (n:Obligation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plan_body_id IF NOT EXISTS FOR (n:PlanBody) REQUIRE n.id IS UNIQUE;
