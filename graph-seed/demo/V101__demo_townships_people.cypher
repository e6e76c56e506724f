// DEMO DATA, SYNTHETIC: townships, mines and people invented for demonstration. Every node made here
// carries synthetic = true; people's names are invented and end in (虚构). Not part of the document.
UNWIND [
  {name: '鲇鱼山镇', nameEn: 'Nianyushan Town', lat: 29.2153, lon: 117.1192},
  {name: '丽阳镇', nameEn: 'Liyang Town', lat: 29.2371, lon: 117.0305},
  {name: '荷塘乡', nameEn: 'Hetang Township', lat: 29.3960, lon: 117.1690},
  {name: '吕蒙乡', nameEn: 'Lümeng Township', lat: 29.3245, lon: 117.1598}
] AS t
MATCH (territorial:Unit {id: 'TOWNSHIPS'})
MERGE (township:Township {name: t.name})
SET township.nameEn = t.nameEn, township.government = t.name + '人民政府', township.center = point({latitude: t.lat, longitude: t.lon}),
    township.synthetic = true
MERGE (township)-[:GOVERNED_AS]->(territorial);

// Three people per department: 主要负责同志 (PRINCIPAL), 分管负责同志 (DEPUTY) and a case officer (OFFICER).
MATCH (unit:Unit {kind: 'DEPARTMENT'})
UNWIND [
  {rank: 'PRINCIPAL', title: '主要负责同志', offset: 0},
  {rank: 'DEPUTY', title: '分管负责同志', offset: 1},
  {rank: 'OFFICER', title: '经办人', offset: 2}
] AS r
WITH unit, r, ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '罗', '梁'] AS surnames,
     ['建华', '志强', '丽娟', '海涛', '秀英', '国平', '晓东', '春梅', '文斌', '慧敏', '永红', '振宇', '雪峰', '玉兰', '明亮', '新华', '卫东', '桂芳', '立军', '敏'] AS given
WITH unit, r, surnames[(unit.order * 3 + r.offset) % 20] + given[(unit.order * 7 + r.offset * 5) % 20] + '(虚构)' AS name
MERGE (p:Person {id: 'demo-person-' + toLower(unit.id) + '-' + toLower(r.rank)})
SET p.name = name, p.rank = r.rank, p.title = r.title, p.synthetic = true,
    p.phone = '0798-' + toString(8200000 + unit.order * 100 + r.offset)
MERGE (p)-[s:SERVES_IN]->(unit)
SET s.rank = r.rank;

// A contact officer for each township government.
MATCH (township:Township)-[:GOVERNED_AS]->(territorial:Unit {id: 'TOWNSHIPS'})
WITH township, territorial, ['乡镇干部甲', '乡镇干部乙', '乡镇干部丙', '乡镇干部丁'] AS names, ['鲇鱼山镇', '丽阳镇', '荷塘乡', '吕蒙乡'] AS order
WITH township, territorial, names[coalesce([i IN range(0, 3) WHERE order[i] = township.name][0], 0)] AS base
MERGE (p:Person {id: 'demo-person-township-' + township.nameEn})
SET p.name = township.name + base + '(虚构)', p.rank = 'PRINCIPAL', p.title = township.government + '主要负责同志', p.synthetic = true
MERGE (p)-[s:SERVES_IN]->(territorial)
SET s.rank = 'PRINCIPAL', s.township = township.name;

// Working-group roles are held by the people of the right rank in the right unit.
MATCH (pos:Position)-[:HELD_IN]->(unit:Unit)<-[:SERVES_IN]-(p:Person {synthetic: true})
WHERE p.rank = pos.rank
MERGE (p)-[:HOLDS]->(pos);
