// Indexes the workloads of a province-sized ledger start from (issue 7): joint-enforcement candidates ranked by
// the span of departments kept on each mine, spreadsheet imports matching mines and people by name, and periods
// of the ledger by the date found. Safe to run again: every statement is IF NOT EXISTS.
CREATE INDEX mine_department_span IF NOT EXISTS FOR (n:Mine) ON (n.departmentSpan);
CREATE INDEX mine_name IF NOT EXISTS FOR (n:Mine) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX issue_found_on IF NOT EXISTS FOR (n:Issue) ON (n.foundOn);
