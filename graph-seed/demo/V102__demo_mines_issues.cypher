// DEMO DATA, SYNTHETIC: mines and the problems found at them. Invented for demonstration only.
UNWIND [
  {n: 1, name: '鲇鱼山钨矿(虚构)', mineral: '钨', method: 'UNDERGROUND', township: '鲇鱼山镇', licence: 'C3602002009127130012001', licenceStatus: 'VALID', validUntil: date('2028-06-30'), green: true, lat: 29.2211, lon: 117.1302},
  {n: 2, name: '南山瓷石矿(虚构)', mineral: '瓷石', method: 'OPEN_PIT', township: '鲇鱼山镇', licence: 'C3602002011017130012002', licenceStatus: 'EXPIRED', validUntil: date('2023-03-31'), green: false, lat: 29.2050, lon: 117.1104},
  {n: 3, name: '黄泥岭建筑石料场(虚构)', mineral: '建筑用石料', method: 'OPEN_PIT', township: '鲇鱼山镇', licence: null, licenceStatus: 'NONE', validUntil: null, green: false, lat: 29.2302, lon: 117.1455},
  {n: 4, name: '丽阳金矿(虚构)', mineral: '黄金', method: 'UNDERGROUND', township: '丽阳镇', licence: 'C3602002008057130012004', licenceStatus: 'VALID', validUntil: date('2027-12-31'), green: false, lat: 29.2412, lon: 117.0221},
  {n: 5, name: '丽阳高岭土矿(虚构)', mineral: '高岭土', method: 'OPEN_PIT', township: '丽阳镇', licence: 'C3602002012107130012005', licenceStatus: 'VALID', validUntil: date('2029-09-30'), green: true, lat: 29.2288, lon: 117.0412},
  {n: 6, name: '彭家尾矿库(虚构)', mineral: '铜', method: 'TAILINGS', township: '丽阳镇', licence: 'C3602002007037130012006', licenceStatus: 'VALID', validUntil: date('2026-12-31'), green: false, lat: 29.2505, lon: 117.0350},
  {n: 7, name: '荷塘铜矿(虚构)', mineral: '铜', method: 'UNDERGROUND', township: '荷塘乡', licence: 'C3602002010067130012007', licenceStatus: 'VALID', validUntil: date('2030-03-31'), green: false, lat: 29.4012, lon: 117.1755},
  {n: 8, name: '荷塘萤石矿(虚构)', mineral: '萤石', method: 'OPEN_PIT', township: '荷塘乡', licence: 'C3602002013087130012008', licenceStatus: 'REVOKED', validUntil: date('2022-08-31'), green: false, lat: 29.3877, lon: 117.1611},
  {n: 9, name: '杨家山砂石场(虚构)', mineral: '建筑用砂', method: 'OPEN_PIT', township: '荷塘乡', licence: 'C3602002018027130012009', licenceStatus: 'VALID', validUntil: date('2027-06-30'), green: true, lat: 29.4101, lon: 117.1532},
  {n: 10, name: '吕蒙瓷石矿(虚构)', mineral: '瓷石', method: 'OPEN_PIT', township: '吕蒙乡', licence: 'C3602002015047130012010', licenceStatus: 'VALID', validUntil: date('2028-04-30'), green: false, lat: 29.3301, lon: 117.1650},
  {n: 11, name: '吕蒙钨矿(虚构)', mineral: '钨', method: 'UNDERGROUND', township: '吕蒙乡', licence: 'C3602002009117130012011', licenceStatus: 'EXPIRED', validUntil: date('2024-11-30'), green: false, lat: 29.3189, lon: 117.1502},
  {n: 12, name: '桃墅岭石料场(虚构)', mineral: '建筑用石料', method: 'OPEN_PIT', township: '吕蒙乡', licence: null, licenceStatus: 'NONE', validUntil: null, green: false, lat: 29.3402, lon: 117.1799}
] AS m
MATCH (township:Township {name: m.township})
MERGE (mine:Mine {id: 'demo-mine-' + right('0' + toString(m.n), 2)})
SET mine.name = m.name, mine.licenceNumber = m.licence, mine.licenceStatus = m.licenceStatus,
    mine.licenceValidUntil = m.validUntil, mine.miningMethod = m.method, mine.greenMine = m.green,
    mine.location = point({latitude: m.lat, longitude: m.lon}), mine.synthetic = true
MERGE (mineral:Mineral {name: m.mineral})
ON CREATE SET mineral.strategic = false
MERGE (mine)-[:PRODUCES]->(mineral)
MERGE (mine)-[:LOCATED_IN]->(township);

// Problems: [number, mine, violation types, source, found on, status, deadline, severity, description, measures].
// The responsible units are the competent LEAD units of the problem's violation types; the responsible
// person is the lead unit's case officer. Several mines have open problems that span departments.
UNWIND [
  [1, 3, ['T2.01', 'T3.04'], 'SCREENING', '2023-04-27', 'CARRIED_OVER', '2023-07-31', 'SERIOUS', '无采矿许可证擅自开采建筑用石料', '立即停止开采,没收违法所得,恢复植被'],
  [2, 3, ['T3.01'], 'ANTI_GANG', '2023-05-12', 'RECTIFYING', '2026-12-31', 'MAJOR', '违规储存、使用民用爆炸物品', '收缴民爆物品,移交公安机关立案侦查'],
  [3, 3, ['T2.09'], 'PUBLIC_REPORT', '2023-06-03', 'RECTIFYING', '2027-03-31', 'GENERAL', '破碎作业粉尘超标排放', '安装喷淋降尘设施,在线监测'],
  [4, 3, ['A09.01'], 'PUBLIC_REPORT', '2024-03-18', 'CLOSED', '2024-05-31', 'GENERAL', '运输车辆超限超载', '卸载转运,依法处罚'],
  [5, 2, ['T2.02'], 'SCREENING', '2023-04-28', 'CLOSED', '2023-06-30', 'GENERAL', '采矿许可证过期仍在开采', '停产办理延续登记'],
  [6, 2, ['T4.01', 'T4.02'], 'SCREENING', '2023-04-29', 'CLOSED', '2023-09-30', 'GENERAL', '未设立生态修复基金账户', '设立基金账户并足额计提'],
  [7, 2, ['T2.13'], 'MEDIA', '2023-07-15', 'ACCEPTANCE_REQUESTED', '2026-10-31', 'SERIOUS', '排土场非法占用林地', '退还林地,补植复绿'],
  [8, 2, ['T2.10'], 'SCREENING', '2023-08-20', 'RECTIFYING', '2027-06-30', 'GENERAL', '未落实水土保持措施,雨季泥沙下泄', '修建截排水沟和沉砂池'],
  [9, 1, ['T6.02'], 'SCREENING', '2023-04-26', 'CLOSED', '2023-08-31', 'SERIOUS', '新建提升系统安全设施未履行“三同时”', '补办安全设施设计审查和竣工验收'],
  [10, 1, ['T5.02'], 'SCREENING', '2024-06-11', 'CLOSED', '2024-12-31', 'GENERAL', '绿色矿山未按标准进行生产管理', '按绿色矿山标准整改'],
  [11, 4, ['T2.03'], 'PUBLIC_REPORT', '2023-05-21', 'CARRIED_OVER', '2023-10-31', 'MAJOR', '越界开采', '封堵越界巷道,追缴资源价款'],
  [12, 4, ['T3.01'], 'ANTI_GANG', '2023-05-22', 'RECTIFYING', '2026-12-15', 'MAJOR', '非法购买、储存民用爆炸物品', '收缴民爆物品,立案侦查'],
  [13, 4, ['T6.01'], 'SCREENING', '2023-05-25', 'RECTIFYING', '2027-01-31', 'SERIOUS', '井下通风系统不具备安全生产条件', '停产整顿,完善通风系统'],
  [14, 4, ['T2.11'], 'MEDIA', '2023-09-02', 'PENDING_ASSIGNMENT', '2027-03-31', 'SERIOUS', '选矿废水外溢污染周边农田土壤', '开展土壤污染评估并治理'],
  [15, 5, ['T4.03'], 'SCREENING', '2023-04-29', 'CLOSED', '2023-12-31', 'GENERAL', '未按年度修复计划实施生态修复', '按方案完成边坡复绿'],
  [16, 6, ['T6.01', 'T6.03'], 'SCREENING', '2023-04-28', 'CARRIED_OVER', '2023-07-31', 'MAJOR', '尾矿库坝体未按批准设计加高', '降低库水位,按设计整改'],
  [17, 6, ['A10.01'], 'PUBLIC_REPORT', '2023-06-19', 'RECTIFYING', '2026-12-20', 'GENERAL', '尾矿渣堆放在周边耕地', '清运尾矿渣,复耕'],
  [18, 6, ['T2.09'], 'MEDIA', '2024-04-08', 'ACCEPTANCE_REQUESTED', '2026-11-15', 'SERIOUS', '尾矿库渗滤液超标排放', '建设渗滤液收集处理设施'],
  [19, 7, ['T1.05'], 'SCREENING', '2023-04-27', 'CLOSED', '2023-10-31', 'GENERAL', '扩建项目未取得环评批复', '停止扩建,补办环评'],
  [20, 7, ['T5.01'], 'SCREENING', '2024-09-10', 'RECTIFYING', '2027-09-30', 'GENERAL', '未按规定开展绿色矿山建设', '编制绿色矿山建设方案'],
  [21, 8, ['T3.03'], 'PUBLIC_REPORT', '2023-05-08', 'CARRIED_OVER', '2023-06-30', 'MAJOR', '采矿许可证注销后擅自恢复生产', '查封设备,依法处罚'],
  [22, 8, ['T3.05'], 'SCREENING', '2023-05-09', 'RECTIFYING', '2026-12-31', 'GENERAL', '营业执照吊销后继续销售萤石', '依法查处无照经营'],
  [23, 8, ['T2.14'], 'MEDIA', '2023-07-28', 'RECTIFYING', '2027-05-31', 'MAJOR', '矿区与自然保护地重叠', '退出保护地范围,生态修复'],
  [24, 8, ['A06.01'], 'ANTI_GANG', '2023-08-14', 'RECTIFYING', '2027-06-30', 'MAJOR', '矿区周边涉恶势力强揽运输', '立案侦查,打击涉恶势力'],
  [25, 9, ['A09.02'], 'SCREENING', '2023-10-10', 'CLOSED', '2024-01-31', 'GENERAL', '运输企业无道路运输经营许可', '停止运输,办理资质'],
  [26, 10, ['T2.12'], 'PUBLIC_REPORT', '2023-06-06', 'RECTIFYING', '2027-02-28', 'SERIOUS', '排土场非法占用耕地', '拆除恢复耕地'],
  [27, 10, ['T2.09'], 'PUBLIC_REPORT', '2023-06-07', 'CLOSED', '2023-09-30', 'GENERAL', '粉尘超标排放', '封闭作业,降尘'],
  [28, 10, ['T1.06'], 'SCREENING', '2025-03-12', 'CARRIED_OVER', '2025-08-31', 'GENERAL', '未取得水土保持方案批复', '补办水土保持方案'],
  [29, 11, ['T2.02', 'T2.04'], 'SCREENING', '2024-12-05', 'RECTIFYING', '2026-12-31', 'SERIOUS', '采矿许可证过期且违规开采伴生矿种', '停产,办理延续并按批准矿种开采'],
  [30, 11, ['T7.02'], 'SCREENING', '2025-05-20', 'RECTIFYING', '2027-12-31', 'GENERAL', '配套冶炼环节高耗能、高耗水', '淘汰落后设备,节能节水改造'],
  [31, 12, ['T2.08'], 'MEDIA', '2025-08-30', 'PENDING_ASSIGNMENT', '2026-12-31', 'MAJOR', '以土地整理名义变相非法采矿', '立即制止,移交公安'],
  [32, 12, ['T2.13'], 'PUBLIC_REPORT', '2025-09-01', 'PENDING_ASSIGNMENT', '2027-03-31', 'SERIOUS', '非法占用林地堆放石料', '退还林地'],
  [33, 5, ['T2.09'], 'SCREENING', '2026-09-14', 'RECTIFYING', '2027-01-31', 'GENERAL', '洗选废水超标排放', '完善废水循环利用设施'],
  [34, 1, ['T6.04'], 'SCREENING', '2026-10-08', 'RECTIFYING', '2026-11-20', 'SERIOUS', '未落实企业安全生产主体责任,安全管理人员不足', '配齐安全管理人员,开展培训']
] AS row
WITH row[0] AS n, 'demo-mine-' + right('0' + toString(row[1]), 2) AS mineId, row[2] AS codes, row[3] AS sourceCode,
     date(row[4]) AS foundOn, row[5] AS status, date(row[6]) AS deadline, row[7] AS severity, row[8] AS description, row[9] AS measures
MATCH (mine:Mine {id: mineId}), (source:ProblemSource {code: sourceCode})
MATCH (phase:Phase)
  WHERE foundOn >= phase.startsOn AND (foundOn <= phase.endsOn OR phase.longTerm)
WITH n, mine, source, codes, foundOn, status, deadline, severity, description, measures, phase ORDER BY phase.number
WITH n, mine, source, codes, foundOn, status, deadline, severity, description, measures, head(collect(phase)) AS phase
MERGE (issue:Issue {id: 'demo-issue-' + right('00' + toString(n), 3)})
SET issue.title = description, issue.description = description, issue.measures = measures, issue.status = status,
    issue.foundOn = foundOn, issue.deadline = deadline, issue.severity = severity, issue.synthetic = true,
    issue.closedOn = CASE status WHEN 'CLOSED' THEN deadline - duration('P7D') ELSE null END
MERGE (issue)-[:AT]->(mine)
MERGE (issue)-[:FOUND_BY]->(source)
MERGE (issue)-[:IN_PHASE]->(phase)
WITH issue, codes
UNWIND range(0, size(codes) - 1) AS i
MATCH (v:ViolationType {code: codes[i]})
MERGE (issue)-[r:OF_TYPE]->(v)
SET r.order = i + 1;

MATCH (issue:Issue {synthetic: true})-[t:OF_TYPE]->(:ViolationType)-[:COMPETENT_UNIT {role: 'LEAD'}]->(unit:Unit)
WITH issue, unit, min(t.order) AS firstType ORDER BY firstType, unit.order
WITH issue, collect(unit) AS units
UNWIND range(0, size(units) - 1) AS i
WITH issue, units[i] AS unit, i
MERGE (issue)-[a:ASSIGNED_TO]->(unit)
SET a.role = CASE i WHEN 0 THEN 'LEAD' ELSE 'SUPPORTING' END
WITH issue, unit, i WHERE i = 0
MATCH (officer:Person {rank: 'OFFICER'})-[:SERVES_IN]->(unit)
MERGE (issue)-[:RESPONSIBLE_PERSON]->(officer);

// Outcomes recorded on some finished or referred problems.
UNWIND [
  ['demo-issue-004', 'PENALTY'], ['demo-issue-005', 'PENALTY'], ['demo-issue-021', 'PENALTY'], ['demo-issue-021', 'EXPOSURE'],
  ['demo-issue-002', 'LEGAL_LIABILITY'], ['demo-issue-012', 'LEGAL_LIABILITY'], ['demo-issue-024', 'LEGAL_LIABILITY'],
  ['demo-issue-011', 'EXPOSURE'], ['demo-issue-027', 'PENALTY']
] AS o
MATCH (issue:Issue {id: o[0]}), (outcome:Outcome {code: o[1]})
MERGE (issue)-[:RESULTED_IN]->(outcome);
