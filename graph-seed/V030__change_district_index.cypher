// The change records' list (ledger/ChangeRecords) starts from the viewer's districts: each record keeps the district of
// the thing it changed ('*' for a thing of no district, e.g. the plan), filled in for earlier records by audit/V031.
CREATE INDEX change_district_sequence IF NOT EXISTS FOR (c:Change) ON (c.district, c.seq);
