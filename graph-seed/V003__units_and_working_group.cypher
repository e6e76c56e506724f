// The 13 member units of the working group (annex 1, in its order), the territorial units, and the
// working group with its office and roles. Aliases are the other names the document uses for a unit.
UNWIND [
  {id: 'PUBLICITY', order: 1, name: '区委宣传部', nameEn: 'District Party Committee Publicity Department', aliases: []},
  {id: 'POLITICS_LAW', order: 2, name: '区委政法委', nameEn: 'District Party Committee Political and Legal Affairs Commission', aliases: []},
  {id: 'DEVELOPMENT_REFORM', order: 3, name: '区发改委', nameEn: 'District Development and Reform Commission', aliases: []},
  {id: 'SCIENCE_TECH', order: 4, name: '区科技局', nameEn: 'District Science and Technology Bureau', aliases: []},
  {id: 'INDUSTRY_IT', order: 5, name: '区工信局', nameEn: 'District Industry and Information Technology Bureau', aliases: []},
  {id: 'POLICE', order: 6, name: '昌江公安分局', nameEn: 'Changjiang Public Security Sub-bureau', aliases: ['区公安局']},
  {id: 'NATURAL_RESOURCES', order: 7, name: '市自然资源和规划局昌江分局', nameEn: 'Changjiang Branch of the Municipal Natural Resources and Planning Bureau', aliases: ['自然资源和规划局', '自然资源部门']},
  {id: 'ECOLOGY', order: 8, name: '昌江生态环境局', nameEn: 'Changjiang Ecology and Environment Bureau', aliases: ['生态环境部门']},
  {id: 'TRANSPORT', order: 9, name: '区交通局', nameEn: 'District Transport Bureau', aliases: []},
  {id: 'AGRI_WATER', order: 10, name: '区农业农村水利局', nameEn: 'District Agriculture, Rural Affairs and Water Resources Bureau', aliases: ['区农水局']},
  {id: 'EMERGENCY', order: 11, name: '区应急局', nameEn: 'District Emergency Management Bureau', aliases: []},
  {id: 'FORESTRY', order: 12, name: '区林业局', nameEn: 'District Forestry Bureau', aliases: []},
  {id: 'MARKET', order: 13, name: '区市场监督管理局', nameEn: 'District Market Supervision Administration', aliases: ['区市场监管局']}
] AS u
MERGE (unit:Unit {id: u.id})
SET unit.name = u.name, unit.nameEn = u.nameEn, unit.aliases = u.aliases, unit.order = u.order,
    unit.kind = 'DEPARTMENT', unit.campaignLead = (u.id = 'NATURAL_RESOURCES');

MERGE (unit:Unit {id: 'TOWNSHIPS'})
SET unit.name = '乡(镇)人民政府、街道办事处', unit.nameEn = 'Township governments and sub-district offices',
    unit.aliases = ['乡(镇)政府', '各乡(镇)人民政府'], unit.order = 14, unit.kind = 'TERRITORIAL', unit.campaignLead = false;

MATCH (c:Campaign {id: '昌府办字〔2023〕18号'}), (lead:Unit {id: 'NATURAL_RESOURCES'})
MERGE (c)-[r:LED_BY]->(lead)
SET r.clause = '附件2(七)', r.quote = '作为深入整治规范矿产资源保护开发利用专项行动的牵头单位';

MATCH (c:Campaign {id: '昌府办字〔2023〕18号'})
MERGE (wg:WorkingGroup {id: 'WORKING_GROUP'})
SET wg.name = '昌江区深入整治规范矿产资源保护开发利用专项行动工作专班',
    wg.nameEn = 'Working group of the Changjiang district campaign',
    wg.mandate = '统筹协调调度推进专项行动',
    wg.quote = '成立昌江区深入整治规范矿产资源保护开发利用专项行动工作专班,专班下设办公室,统筹协调调度推进专项行动。'
MERGE (wg)-[:STEERS]->(c);

MATCH (wg:WorkingGroup {id: 'WORKING_GROUP'}), (host:Unit {id: 'NATURAL_RESOURCES'})
MERGE (office:Office {id: 'WORKING_GROUP_OFFICE'})
SET office.name = '区专班办公室', office.nameEn = 'Working group office',
    office.mandate = '具体负责专项行动日常工作',
    office.quote = '区专班办公室设在市自然资源和规划局昌江分局,具体负责专项行动日常工作'
MERGE (wg)-[:HAS_OFFICE]->(office)
MERGE (office)-[:HOSTED_BY]->(host);

// Roles are held by a unit's leader of a given rank (主要负责同志 / 分管负责同志), not by a named person:
// the document never names people. Demo people who hold those ranks are linked in the demo data.
MATCH (wg:WorkingGroup {id: 'WORKING_GROUP'}), (office:Office {id: 'WORKING_GROUP_OFFICE'}), (nr:Unit {id: 'NATURAL_RESOURCES'})
MERGE (convener:Position {id: 'CONVENER'})
SET convener.title = '召集人', convener.titleEn = 'Convener', convener.rank = 'PRINCIPAL', convener.order = 1,
    convener.quote = '召集人:市自然资源和规划局昌江分局主要负责同志'
MERGE (director:Position {id: 'OFFICE_DIRECTOR'})
SET director.title = '办公室主任', director.titleEn = 'Director of the working group office', director.rank = 'DEPUTY', director.order = 2,
    director.quote = '市自然资源和规划局昌江分局分管负责同志兼任办公室主任'
MERGE (wg)-[:HAS_POSITION]->(convener)
MERGE (office)-[:HAS_POSITION]->(director)
MERGE (convener)-[:HELD_IN]->(nr)
MERGE (director)-[:HELD_IN]->(nr);

MATCH (wg:WorkingGroup {id: 'WORKING_GROUP'}), (unit:Unit {kind: 'DEPARTMENT'})
MERGE (member:Position {id: 'MEMBER_' + unit.id})
SET member.title = '成员', member.titleEn = 'Member', member.rank = 'DEPUTY', member.order = 2 + unit.order,
    member.quote = '成 员:由区委宣传部、区委政法委、区发改委、区科技局、区工信局、昌江公安分局、市自然资源和规划局昌江分局、昌江生态环境局、区交通局、区农业农村水利局、区应急局、区林业局、区市场监督管理局分管负责同志组成。'
MERGE (wg)-[:HAS_POSITION]->(member)
MERGE (member)-[:HELD_IN]->(unit)
MERGE (wg)-[m:HAS_MEMBER]->(unit)
SET m.order = unit.order;
