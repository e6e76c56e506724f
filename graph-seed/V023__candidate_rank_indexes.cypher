// Joint-enforcement candidates at a province's scale (issue 16): each mine keeps its rank among the candidates
// (m.jointRank: span of departments, then overdue, then serious open problems, in one integer), the day it was
// ranked and the last day it stays right (V024). A page of candidates reads the rank in index order; the total is
// counted from the index of the district and the span; a stale rank is found by its last good day.
CREATE INDEX mine_joint_rank IF NOT EXISTS FOR (m:Mine) ON (m.jointRank);
CREATE INDEX mine_district_department_span IF NOT EXISTS FOR (m:Mine) ON (m.district, m.departmentSpan);
CREATE INDEX mine_rank_good_until IF NOT EXISTS FOR (m:Mine) ON (m.rankGoodUntil);
CREATE INDEX mine_ranked_on IF NOT EXISTS FOR (m:Mine) ON (m.rankedOn);
