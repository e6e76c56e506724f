// Every level of the campaign: jurisdictions (省 → 市 → 区), the chain of plans that carry it out, and where the
// units belong. The seeded district plan (昌府办字〔2023〕18号) becomes one Plan among many; the Campaign node stays
// its content, linked by SETS_OUT, so every existing answer stays the same. Sources: ../shared notes on levels
// (the province plan's first page, the district plan's preamble). MERGE on ids: running the file again changes nothing.
MERGE (province:Jurisdiction {id: 'JIANGXI'})
SET province.name = '江西省', province.nameEn = 'Jiangxi Province', province.level = 'PROVINCE'
MERGE (city:Jurisdiction {id: 'JINGDEZHEN'})
SET city.name = '景德镇市', city.nameEn = 'Jingdezhen City', city.level = 'CITY'
MERGE (district:Jurisdiction {id: 'CHANGJIANG'})
SET district.name = '昌江区', district.nameEn = 'Changjiang District', district.level = 'DISTRICT'
MERGE (city)-[:PART_OF]->(province)
MERGE (district)-[:PART_OF]->(city);

// The plans. The city plan is known only by the title the district plan cites: its number and date are unknown.
MATCH (province:Jurisdiction {id: 'JIANGXI'}), (city:Jurisdiction {id: 'JINGDEZHEN'}), (district:Jurisdiction {id: 'CHANGJIANG'}),
      (campaign:Campaign {id: '昌府办字〔2023〕18号'})
MERGE (pp:Plan {id: 'JIANGXI-2023'})
SET pp.documentNumber = '赣府厅字〔2023〕17号', pp.title = '全省深入整治规范矿产资源保护开发利用专项行动实施方案',
    pp.issuer = '江西省人民政府办公厅', pp.issuedOn = date('2023-03-06')
MERGE (cp:Plan {id: 'JINGDEZHEN-2023'})
SET cp.title = '全市深入整治规范矿产资源保护开发利用专项行动实施方案', cp.issuer = '江西省景德镇市人民政府办公室'
MERGE (dp:Plan {id: 'CHANGJIANG-2023'})
SET dp.documentNumber = campaign.documentNumber, dp.title = campaign.title, dp.issuer = campaign.issuer,
    dp.issuedOn = campaign.issuedOn
MERGE (pp)-[:FOR]->(province)
MERGE (cp)-[:FOR]->(city)
MERGE (dp)-[:FOR]->(district)
MERGE (cp)-[ci:IMPLEMENTS]->(pp)
SET ci.quote = '《全省深入整治规范矿产资源保护开发利用专项行动实施方案》(赣府厅字〔2023〕17号)'
MERGE (dp)-[di:IMPLEMENTS]->(cp)
SET di.quote = '现根据江西省景德镇市人民政府办公室印发的《全市深入整治规范矿产资源保护开发利用专项行动实施方案》'
MERGE (dp)-[:SETS_OUT]->(campaign);

// The district's units belong to 昌江区, but the natural-resources branch belongs to the city bureau and serves the district.
MATCH (district:Jurisdiction {id: 'CHANGJIANG'}), (unit:Unit)
WHERE unit.id <> 'NATURAL_RESOURCES'
MERGE (unit)-[:BELONGS_TO]->(district);

MATCH (city:Jurisdiction {id: 'JINGDEZHEN'}), (district:Jurisdiction {id: 'CHANGJIANG'}), (unit:Unit {id: 'NATURAL_RESOURCES'})
MERGE (unit)-[:BELONGS_TO]->(city)
MERGE (unit)-[:SERVES]->(district);

// Counterparts one level up (区公安分局 → 市公安局 → 省公安厅, 区生态环境局 → 市生态环境局 → 省生态环境厅). They are
// :UpperUnit, not :Unit: the district's lists of units (units, unitsConnection, scorecards) stay the district's.
UNWIND [
  {id: 'JINGDEZHEN_POLICE', name: '景德镇市公安局', nameEn: 'Jingdezhen Municipal Public Security Bureau', jurisdiction: 'JINGDEZHEN'},
  {id: 'JIANGXI_POLICE', name: '江西省公安厅', nameEn: 'Jiangxi Provincial Department of Public Security', jurisdiction: 'JIANGXI'},
  {id: 'JINGDEZHEN_ECOLOGY', name: '景德镇市生态环境局', nameEn: 'Jingdezhen Municipal Ecology and Environment Bureau', jurisdiction: 'JINGDEZHEN'},
  {id: 'JIANGXI_ECOLOGY', name: '江西省生态环境厅', nameEn: 'Jiangxi Provincial Department of Ecology and Environment', jurisdiction: 'JIANGXI'}
] AS u
MATCH (j:Jurisdiction {id: u.jurisdiction})
MERGE (upper:UpperUnit {id: u.id})
SET upper.name = u.name, upper.nameEn = u.nameEn, upper.aliases = [], upper.kind = 'DEPARTMENT',
    upper.campaignLead = false, upper.order = 0
MERGE (upper)-[:BELONGS_TO]->(j);

UNWIND [['POLICE', 'JINGDEZHEN_POLICE'], ['JINGDEZHEN_POLICE', 'JIANGXI_POLICE'],
        ['ECOLOGY', 'JINGDEZHEN_ECOLOGY'], ['JINGDEZHEN_ECOLOGY', 'JIANGXI_ECOLOGY']] AS link
MATCH (lower) WHERE (lower:Unit OR lower:UpperUnit) AND lower.id = link[0]
MATCH (upper:UpperUnit {id: link[1]})
MERGE (lower)-[:COUNTERPART_OF]->(upper);
