// Lists and counts scoped to a jurisdiction start from these (V015).
CREATE INDEX issue_district_status IF NOT EXISTS FOR (i:Issue) ON (i.district, i.status);
CREATE INDEX mine_district IF NOT EXISTS FOR (m:Mine) ON (m.district);
CREATE INDEX jurisdiction_level IF NOT EXISTS FOR (j:Jurisdiction) ON (j.level);
