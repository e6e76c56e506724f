// Fidelity corrections (issue #13): what a clause-by-clause reading of 昌府办字〔2023〕18号 found missing or wrong in
// V002–V005, corrected here because applied seeds are history. Every added or changed edge quotes its clause.
// Then 五、工作要求 and the reporting duties of 四、实施步骤 as requirements and dated obligations.
// Every statement MERGEs on a business key or SETs fixed values, so applying the file again changes nothing.

// ---- Aliases: other names the document uses ----------------------------------------------------------------
// 附件2(十一): "配合自然资源和规划局、公安部门严厉打击…", "及时移交自然资源、公安等相关部门处理".
MATCH (u:Unit {id: 'POLICE'})
SET u.aliases = u.aliases + [a IN ['公安部门'] WHERE NOT a IN u.aliases];

// 四(一) and 四(二) call the working group 区整治规范工作专班, 五(四) 区级工作专班; 四(一) names its office
// 区整治规范工作专班办公室.
MATCH (wg:WorkingGroup {id: 'WORKING_GROUP'}), (office:Office {id: 'WORKING_GROUP_OFFICE'})
SET wg.aliases = ['区整治规范工作专班', '区级工作专班'],
    office.aliases = ['区整治规范工作专班办公室'];

// ---- Merged problems split: each item of the text's list is its own violation type ---------------------------
// 三(二): "重点整治无证和证照过期、证照不齐勘查开采…非法占用耕地、林地、草地、湿地和自然保护地等问题".
// The first part keeps the merged type's code (existing ledger rows stay valid: a 证照过期 or 林地 problem keeps its
// code); the other parts get new codes. formerNames keeps the merged name for rows recorded under it.
MATCH (v:ViolationType {code: 'T2.02'})
SET v.name = '证照过期勘查开采', v.nameEn = 'Exploration or mining with an expired licence',
    v.formerNames = ['证照过期、证照不齐勘查开采'];
MATCH (v:ViolationType {code: 'T2.13'})
SET v.name = '非法占用林地', v.nameEn = 'Illegal occupation of forest land',
    v.formerNames = ['非法占用林地、草地、湿地'];

UNWIND [
  {code: 'T2.15', name: '证照不齐勘查开采', nameEn: 'Exploration or mining with incomplete licences'},
  {code: 'T2.16', name: '非法占用草地', nameEn: 'Illegal occupation of grassland'},
  {code: 'T2.17', name: '非法占用湿地', nameEn: 'Illegal occupation of wetland'}
] AS vt
MATCH (task:Task {number: 2})
MERGE (v:ViolationType {code: vt.code})
SET v.name = vt.name, v.nameEn = vt.nameEn, v.source = 'TASK'
MERGE (task)-[:FOCUSES_ON]->(v);

// Task 2's problems in the order its text lists them (the new codes sit next to the part they were split from).
UNWIND [
  ['T2.01', 1], ['T2.02', 2], ['T2.15', 3], ['T2.03', 4], ['T2.04', 5], ['T2.05', 6], ['T2.06', 7], ['T2.07', 8],
  ['T2.08', 9], ['T2.09', 10], ['T2.10', 11], ['T2.11', 12], ['T2.12', 13], ['T2.13', 14], ['T2.16', 15],
  ['T2.17', 16], ['T2.14', 17]
] AS place
MATCH (:Task {number: 2})-[r:FOCUSES_ON]->(v:ViolationType {code: place[0]})
SET r.order = place[1], v.order = 200 + place[1];

// Names traced to the text: the document's own words, an editorial note in brackets where the text names a duty
// rather than a problem. formerNames keeps what they were called before.
UNWIND [
  {code: 'T4.02', name: '未按基金管理制度计提和使用(生态修复基金)'},
  {code: 'A03.01', name: '有色矿山开发项目、黄金矿采选项目的核准(未经核准,或非金属矿山开发项目未依法依规备案)'},
  {code: 'A06.01', name: '矿产资源开发利用领域的涉黑涉恶犯罪行为'},
  {code: 'A09.02', name: '矿产品营业性道路运输企业资质许可(企业、车辆或驾驶员无相应资质)'},
  {code: 'A10.01', name: '非法堆放固体废弃物(矿山周边耕地)'}
] AS renamed
MATCH (v:ViolationType {code: renamed.code})
SET v.formerNames = CASE WHEN v.name = renamed.name THEN coalesce(v.formerNames, []) ELSE coalesce(v.formerNames, []) + v.name END
WITH v, renamed
SET v.name = renamed.name;

// The duties that covered a merged type cover each of its parts.
UNWIND [['NATURAL_RESOURCES-2', 'T2.15'], ['NATURAL_RESOURCES-4', 'T2.16'], ['NATURAL_RESOURCES-4', 'T2.17']] AS cover
MATCH (d:Duty {id: cover[0]}), (v:ViolationType {code: cover[1]})
MERGE (d)-[:COVERS]->(v);

// ---- Competence: added, and corrected ---------------------------------------------------------------------
// Basis CRIMINAL: the unit acts on the criminal side of the problem, when the problem is a criminal matter (found
// in 扫黑除恶, referred for 追究法律责任 (移送), or of a type the police are competent for on another basis). The
// 联合执法 span counts it then, and only then (JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE).
UNWIND [
  // 附件2(六): the police's duty already COVERS these four; it gives competence on their criminal side.
  ['T2.01', 'POLICE', 'SUPPORT', 'CRIMINAL', 'POLICE-2', '附件2(六)', null],
  ['T2.08', 'POLICE', 'SUPPORT', 'CRIMINAL', 'POLICE-2', '附件2(六)', null],
  ['T2.09', 'POLICE', 'SUPPORT', 'CRIMINAL', 'POLICE-2', '附件2(六)', null],
  ['T2.11', 'POLICE', 'SUPPORT', 'CRIMINAL', 'POLICE-2', '附件2(六)', null],
  // 附件2(十一): the emergency bureau assists natural resources and the police against 超层越界 and 不按批准矿种 盗采.
  ['T2.03', 'POLICE', 'SUPPORT', 'CRIMINAL', 'EMERGENCY-3', '附件2(十一)', '配合自然资源和规划局、公安部门严厉打击涉嫌超层越界、不按批准矿种盗采矿产资源'],
  ['T2.04', 'POLICE', 'SUPPORT', 'CRIMINAL', 'EMERGENCY-3', '附件2(十一)', '配合自然资源和规划局、公安部门严厉打击涉嫌超层越界、不按批准矿种盗采矿产资源'],
  // 附件2(十): 农水局 screens, then "及时反馈和配合自然资源部门和生态环境部门…共同督促矿山企业进行整改": the units it
  // assists lead, it supports.
  ['A10.01', 'NATURAL_RESOURCES', 'LEAD', 'ANNEX_2', 'AGRI_WATER-3', '附件2(十)', null],
  ['A10.01', 'ECOLOGY', 'LEAD', 'ANNEX_2', 'ECOLOGY-3', '附件2(八)', null],
  ['A10.01', 'AGRI_WATER', 'SUPPORT', 'ANNEX_2', 'AGRI_WATER-3', '附件2(十)', null],
  ['T2.11', 'NATURAL_RESOURCES', 'LEAD', 'ANNEX_2', 'AGRI_WATER-3', '附件2(十)', null],
  // Split parts: each with its own competence, from the duty that grounded the merged type (无证无照经营 is the model).
  ['T2.15', 'NATURAL_RESOURCES', 'LEAD', 'ANNEX_2', 'NATURAL_RESOURCES-2', '附件2(七)', null],
  ['T2.16', 'NATURAL_RESOURCES', 'LEAD', 'ANNEX_2', 'NATURAL_RESOURCES-4', '附件2(七)', null],
  ['T2.17', 'NATURAL_RESOURCES', 'LEAD', 'ANNEX_2', 'NATURAL_RESOURCES-4', '附件2(七)', null]
] AS link
MATCH (v:ViolationType {code: link[0]}), (unit:Unit {id: link[1]}), (duty:Duty {id: link[4]})
MERGE (v)-[c:COMPETENT_UNIT]->(unit)
SET c.role = link[2], c.basis = link[3], c.clause = link[5], c.quote = coalesce(link[6], duty.text), c.dutyId = duty.id;

// 附件2(十二) names 林地 only ("非法占用林地情况"); 草地 and 湿地 are no part of the forestry bureau's duty, so its
// competence stays on T2.13 (now 非法占用林地) alone; nothing to remove, since T2.16 and T2.17 are new.

// ---- The text of phase 2 in full: its supervision sentence was left out --------------------------------------
MATCH (p:Phase {number: 2})
SET p.text = '对排查发现的问题及扫黑除恶日常工作中发现、媒体披露、群众举报等重点问题,建立工作台账,明确整改措施,落实责任单位和责任人员,严格按要求依法及时处理到位。该曝光的曝光,该处罚的处罚,该追究法律责任的追究法律责任。区整治规范工作专班要加强对整治工作的督促指导,对涉及政策性问题及时答疑解惑,推动整治工作落到实处、取得实效。';

// ---- Bodies the requirements name that are not units of the campaign ------------------------------------------
UNWIND [
  {id: 'DISTRICT_GOVERNMENT', name: '区人民政府', nameEn: 'District people\'s government',
   quote: '区人民政府按照专项整治工作专班有关要求,对具体工作进行抽查核查,督促落实专项整治工作主体责任。'},
  {id: 'CITY_WORKING_GROUP', name: '市局专项整治工作专班', nameEn: 'The city bureau\'s special rectification working group',
   quote: '对重大典型案例,将在全区进行通报曝光及上报市局专项整治工作专班'},
  {id: 'PUBLIC', name: '社会各界', nameEn: 'The public at large',
   quote: '引导社会各界积极参与,积极营造良好的工作氛围。'}
] AS b
MERGE (body:PlanBody {id: b.id})
SET body.name = b.name, body.nameEn = b.nameEn, body.quote = b.quote;

// ---- 工作要求 (五) and the working group's duty in phase 2: who must do what, towards whom ----------------------
// owedBy / towards name parties: 'ALL_UNITS' is 各单位 (every unit the notice addresses: the 13 departments and the
// townships), 'DEPARTMENTS' is 各部门 / 相关部门 (the 13 departments), other values are ids of units or bodies.
// subjectStated is false where the sentence names no subject; the party given is then the one the surrounding
// sentences name, and docs/plan-graph.md says so.
UNWIND [
  {id: 'R5.1-STUDY', clause: '五(一)', heading: '提高政治站位', order: 1, subjectStated: true,
   act: '深入学习贯彻习近平总书记(原文至此中断)', actEn: 'Study and implement (the source text breaks off here)',
   quote: '各乡(镇)人民政府,区政府各部门,区直有关单位要深入学习贯彻习近平总书记', owedBy: ['ALL_UNITS'], towards: []},
  {id: 'R5.2-MECHANISM', clause: '五(二)', heading: '强化组织领导', order: 2, subjectStated: true,
   act: '高度重视,建立相应工作机制,加强组织领导', actEn: 'Set up a working mechanism and lead the work',
   quote: '各单位要高度重视,建立相应工作机制,加强组织领导,保障本次专项行动顺利开展。', owedBy: ['ALL_UNITS'], towards: []},
  {id: 'R5.3-DUTIES', clause: '五(三)', heading: '压实工作责任', order: 3, subjectStated: true,
   act: '按照职能分工,落实工作责任', actEn: 'Carry out their responsibilities by their division of functions',
   quote: '各单位要按照职能分工,落实工作责任,确保本次行动顺利开展。', owedBy: ['ALL_UNITS'], towards: []},
  {id: 'R5.3-COOPERATE', clause: '五(三)', heading: '压实工作责任', order: 4, subjectStated: true,
   act: '各司其职、各负其责,加强沟通、密切配合、联合执法、信息共享', actEn: 'Communicate, cooperate, enforce jointly and share information',
   quote: '相关部门要在区党委、政府统一领导下,各司其职、各负其责,加强沟通、密切配合、联合执法、信息共享,努力形成强大工作合力。',
   owedBy: ['DEPARTMENTS'], towards: ['DEPARTMENTS']},
  {id: 'R5.4-GUIDANCE', clause: '五(四)', heading: '强化督促指导', order: 5, subjectStated: true,
   act: '对地方开展的集中整治、规范提升情况开展督促指导', actEn: 'Supervise and guide the rectification and improvement done locally',
   quote: '区级工作专班适时对地方开展的集中整治、规范提升情况开展督促指导', owedBy: ['WORKING_GROUP'], towards: ['ALL_UNITS']},
  {id: 'R5.4-LIAISON', clause: '五(四)', heading: '强化督促指导', order: 6, subjectStated: true,
   act: '建立工作联系机制,指定专人负责', actEn: 'Set up a liaison mechanism and designate a person in charge',
   quote: '建立工作联系机制,指定专人负责,确保上情下达、信息通畅。', owedBy: ['WORKING_GROUP'], towards: ['ALL_UNITS']},
  {id: 'R5.4-SPOT-CHECK', clause: '五(四)', heading: '强化督促指导', order: 7, subjectStated: true,
   act: '对具体工作进行抽查核查,督促落实专项整治工作主体责任', actEn: 'Spot-check the work and press for primary responsibility',
   quote: '区人民政府按照专项整治工作专班有关要求,对具体工作进行抽查核查,督促落实专项整治工作主体责任。',
   owedBy: ['DISTRICT_GOVERNMENT'], towards: ['ALL_UNITS']},
  {id: 'R5.4-EXPOSE', clause: '五(四)', heading: '强化督促指导', order: 8, subjectStated: false,
   act: '对重大典型案例在全区通报曝光', actEn: 'Expose major typical cases across the district',
   quote: '对重大典型案例,将在全区进行通报曝光', owedBy: ['DISTRICT_GOVERNMENT', 'PUBLICITY'], towards: ['ALL_UNITS']},
  {id: 'R5.4-REPORT-CITY', clause: '五(四)', heading: '强化督促指导', order: 9, subjectStated: false,
   act: '重大典型案例上报市局专项整治工作专班', actEn: 'Report major typical cases to the city\'s working group',
   quote: '对重大典型案例,将在全区进行通报曝光及上报市局专项整治工作专班', owedBy: ['DISTRICT_GOVERNMENT'], towards: ['CITY_WORKING_GROUP']},
  {id: 'R5.4-ACCOUNTABILITY', clause: '五(四)', heading: '强化督促指导', order: 10, subjectStated: false,
   act: '对责任落实不到位、工作不力的依纪依法严肃追责', actEn: 'Hold to account, by discipline and law, units that fail their responsibility',
   quote: '对责任落实不到位、工作不力的,将依纪依法严肃追责。', owedBy: ['DISTRICT_GOVERNMENT', 'WORKING_GROUP'], towards: ['ALL_UNITS']},
  {id: 'R5.5-PUBLICISE', clause: '五(五)', heading: '加强宣传引导', order: 11, subjectStated: true,
   act: '采取多种形式广泛宣传专项行动,引导社会各界积极参与', actEn: 'Publicise the campaign widely and draw the public in',
   quote: '各部门要采取多种形式广泛宣传专项行动的重大意义、目标要求、主要任务以及好的经验做法,引导社会各界积极参与,积极营造良好的工作氛围。',
   owedBy: ['DEPARTMENTS'], towards: ['PUBLIC']},
  {id: 'R4.2-GUIDANCE', clause: '四(二)', heading: '集中整治阶段', order: 12, subjectStated: true,
   act: '加强对整治工作的督促指导,对涉及政策性问题及时答疑解惑', actEn: 'Supervise and guide the rectification and answer policy questions',
   quote: '区整治规范工作专班要加强对整治工作的督促指导,对涉及政策性问题及时答疑解惑,推动整治工作落到实处、取得实效。',
   owedBy: ['WORKING_GROUP'], towards: ['ALL_UNITS'], phase: 2}
] AS r
MATCH (c:Campaign {id: '昌府办字〔2023〕18号'})
MERGE (req:Requirement {id: r.id})
SET req.clause = r.clause, req.heading = r.heading, req.order = r.order, req.act = r.act, req.actEn = r.actEn,
    req.quote = r.quote, req.subjectStated = r.subjectStated
MERGE (c)-[:REQUIRES]->(req)
WITH req, r
CALL (req, r) {
  UNWIND [x IN r.owedBy | {kind: 'REQUIRED_OF', party: x}] + [x IN r.towards | {kind: 'TOWARDS', party: x}] AS side
  MATCH (p:Unit|WorkingGroup|PlanBody)
  WHERE p.id = side.party OR (p:Unit AND (side.party = 'ALL_UNITS' OR (side.party = 'DEPARTMENTS' AND p.kind = 'DEPARTMENT')))
  FOREACH (_ IN CASE WHEN side.kind = 'REQUIRED_OF' THEN [1] ELSE [] END | MERGE (req)-[:REQUIRED_OF]->(p))
  FOREACH (_ IN CASE WHEN side.kind = 'TOWARDS' THEN [1] ELSE [] END | MERGE (req)-[:TOWARDS]->(p))
}
WITH req, r WHERE r.phase IS NOT NULL
MATCH (phase:Phase {number: r.phase})
MERGE (req)-[:DURING]->(phase);

// ---- Dated obligations the ledger can check: who owes what to whom, by when -----------------------------------
// 四(一): "组织有关部门严格按照方案要求,开展全面排查…2023年4月30日前将排查结果逐级报送至区整治规范工作专班办公室". The
// 有关部门 are the departments named in a task's 责任单位 list (those that screen the problems the tasks list).
// 五(二) asks every unit to 建立相应工作机制; 四(一) dates it: the first phase (to 4月30日) is when "建立保障工作机制".
UNWIND [
  {id: 'O4.1-SCREENING-REPORT', clause: '四(一)', order: 1, dueOn: date('2023-04-30'),
   text: '将排查结果逐级报送至区整治规范工作专班办公室', textEn: 'Report the screening results, level by level, to the working group office',
   quote: '2023年4月30日前将排查结果逐级报送至区整治规范工作专班办公室', debtors: 'TASK_UNITS', owedTo: 'WORKING_GROUP_OFFICE'},
  {id: 'O5.2-MECHANISM', clause: '五(二)、四(一)', order: 2, dueOn: date('2023-04-30'),
   text: '建立相应工作机制', textEn: 'Set up the unit\'s working mechanism for the campaign',
   quote: '各单位要高度重视,建立相应工作机制', debtors: 'ALL_UNITS', owedTo: 'WORKING_GROUP'}
] AS o
MERGE (ob:Obligation {id: o.id})
SET ob.clause = o.clause, ob.order = o.order, ob.dueOn = o.dueOn, ob.text = o.text, ob.textEn = o.textEn, ob.quote = o.quote
WITH ob, o
CALL (ob, o) {
  MATCH (u:Unit)
  WHERE (o.debtors = 'ALL_UNITS') OR (o.debtors = 'TASK_UNITS' AND EXISTS { (:Task)-[:RESPONSIBLE_UNIT]->(u) })
  MERGE (ob)-[:OWED_BY]->(u)
}
CALL (ob, o) {
  MATCH (to:Office|WorkingGroup) WHERE to.id = o.owedTo
  MERGE (ob)-[:OWED_TO]->(to)
}
MATCH (phase:Phase {number: 1})
MERGE (ob)-[:DURING]->(phase);

MATCH (ob:Obligation {id: 'O5.2-MECHANISM'}), (req:Requirement {id: 'R5.2-MECHANISM'})
MERGE (req)-[:DATED_AS]->(ob);

// ---- The departments kept on each mine, recounted with the corrected competence ------------------------------
// As V009, with the departments of a problem as JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE now counts them:
// competence on the criminal side, and the police, only where the problem is a criminal matter.
MATCH (m:Mine)
OPTIONAL MATCH (m)-[old:NEEDS_DEPARTMENT]->()
DELETE old
WITH DISTINCT m
CALL (m) {
  OPTIONAL MATCH (i:Issue)-[:AT]->(m) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN']
  UNWIND CASE WHEN i IS NULL THEN [] ELSE
    [u IN [(i)-[:OF_TYPE]->(:ViolationType)-[k:COMPETENT_UNIT]->(c:Unit) WHERE coalesce(k.basis, '') <> 'CRIMINAL' | c]
          + [(i)-[:ASSIGNED_TO]->(a:Unit) | a]
          + CASE WHEN EXISTS { (i)-[:FOUND_BY]->(:ProblemSource {code: 'ANTI_GANG'}) }
                   OR EXISTS { (i)-[:RESULTED_IN]->(:Outcome {code: 'LEGAL_LIABILITY'}) }
                   OR EXISTS { (i)-[:OF_TYPE]->(:ViolationType)-[k:COMPETENT_UNIT]->(:Unit {id: 'POLICE'}) WHERE coalesce(k.basis, '') <> 'CRIMINAL' }
                 THEN COLLECT { MATCH (p:Unit) WHERE p.id = 'POLICE'
                                   OR EXISTS { (i)-[:OF_TYPE]->(:ViolationType)-[:COMPETENT_UNIT {basis: 'CRIMINAL'}]->(p) } RETURN p }
                 ELSE [] END
     WHERE u.kind = 'DEPARTMENT'] END AS u
  WITH DISTINCT i, u
  WITH u, count(i) AS openIssues
  CREATE (m)-[:NEEDS_DEPARTMENT {openIssues: openIssues}]->(u)
  RETURN count(u) AS span
}
SET m.departmentSpan = span;
