// Competence by function (V017) and the working groups importPlan writes start from these.
CREATE INDEX unit_function IF NOT EXISTS FOR (u:Unit) ON (u.function);
CREATE INDEX upper_unit_function IF NOT EXISTS FOR (u:UpperUnit) ON (u.function);
CREATE CONSTRAINT plan_working_group_id IF NOT EXISTS FOR (g:PlanWorkingGroup) REQUIRE g.id IS UNIQUE;
