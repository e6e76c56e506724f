// Counts kept on write (ledger/IssueTallies): one cell per district, status and facet value, read by facet and
// district (a dashboard's counts) or by facet and key (a unit's scorecard); one day per district.
CREATE CONSTRAINT issue_tally_id IF NOT EXISTS FOR (c:IssueTally) REQUIRE c.id IS UNIQUE;
CREATE INDEX issue_tally_facet_district IF NOT EXISTS FOR (c:IssueTally) ON (c.facet, c.district);
CREATE INDEX issue_tally_facet_key IF NOT EXISTS FOR (c:IssueTally) ON (c.facet, c.key);
CREATE CONSTRAINT issue_tally_day_district IF NOT EXISTS FOR (h:IssueTallyDay) REQUIRE h.district IS UNIQUE;
CREATE INDEX issue_district_status_deadline IF NOT EXISTS FOR (i:Issue) ON (i.district, i.status, i.deadline);
