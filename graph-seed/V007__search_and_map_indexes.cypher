// Full-text search over names and texts with the CJK analyzer (bigrams: works on Chinese without word lists),
// and a point index for map queries.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS FOR (n:Mine|Issue|Unit|Person|ViolationType|Task) ON EACH [n.name, n.title, n.description, n.nameEn, n.licenceNumber] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE POINT INDEX mine_location IF NOT EXISTS FOR (m:Mine) ON (m.location);
