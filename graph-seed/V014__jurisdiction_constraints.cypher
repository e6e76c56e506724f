// Business keys of the jurisdiction and plan model (V013) and of imported plans (importPlan).
CREATE CONSTRAINT jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plan_document_number IF NOT EXISTS FOR (n:Plan) REQUIRE n.documentNumber IS UNIQUE;
CREATE CONSTRAINT upper_unit_id IF NOT EXISTS FOR (n:UpperUnit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plan_task_id IF NOT EXISTS FOR (n:PlanTask) REQUIRE n.id IS UNIQUE;
