// Every unit carries its function: the id of the seeded district unit of that function (POLICE, ECOLOGY, ...). Units
// importPlan creates for other jurisdictions carry the same keys, so "the units of a problem's district whose function
// is that of a competent unit of its type" is one rule for every district. The seeded upper units carry the function
// of the district unit they are the counterpart of.
MATCH (u:Unit)
SET u.function = u.id;

MATCH (u:UpperUnit)
WHERE u.function IS NULL
OPTIONAL MATCH (d:Unit)-[:COUNTERPART_OF]->+(u)
WITH u, min(d.id) AS function
SET u.function = function;
