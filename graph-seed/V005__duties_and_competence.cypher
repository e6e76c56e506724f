// Annex 2 (部门职能分工): each unit's clause split into the duties it states, each duty linked to the
// violation types it covers. Then competence: which units must ACT on each violation type, with the
// clause that grounds it. A task's 责任单位 list says who shares the task; competence says who acts.
UNWIND [
  {unit: 'PUBLICITY', clause: '一', duties: [
    ['负责本次专项行动的宣传工作,宣传专项工作中好的经验做法等', []],
    ['对重大典型案例进行公布曝光', []]]},
  {unit: 'POLITICS_LAW', clause: '二', duties: [
    ['坚持将非法采矿问题纳入常态化扫黑除恶行业整治重点内容', ['T2.01', 'A06.01']],
    ['推动行政执法与刑事司法有效衔接', []]]},
  {unit: 'DEVELOPMENT_REFORM', clause: '三', duties: [
    ['负责有色矿山开发项目、黄金矿采选项目的核准,指导和督促地方发展改革部门依法依规备案非金属矿山开发项目', ['A03.01', 'T1.03']]]},
  {unit: 'SCIENCE_TECH', clause: '四', duties: [
    ['指导和支持各类创新主体围绕矿产资源保护开发利用开展关键核心技术攻关,推动科技成果转移转化', ['T7.03']]]},
  {unit: 'INDUSTRY_IT', clause: '五', duties: [
    ['负责拟定并组织实施战略性矿产资源相关产业发展规划', ['T1.03', 'T7.01']],
    ['推广先进技术装备,促进战略性矿产资源产业高质量发展', ['T7.02', 'T7.03', 'T7.04']]]},
  {unit: 'POLICE', clause: '六', duties: [
    ['负责依法查处非法购买、运输、使用民用爆炸物品等行为', ['T3.01']],
    ['依法严厉打击非法开采矿产资源、污染环境等犯罪活动,对相关部门移送的案件,构成犯罪的,依法及时立案侦查', ['T2.01', 'T2.08', 'T2.09', 'T2.11']],
    ['严厉打击矿产资源开发利用领域的涉黑涉恶犯罪行为', ['A06.01']]]},
  {unit: 'NATURAL_RESOURCES', clause: '七', duties: [
    ['作为深入整治规范矿产资源保护开发利用专项行动的牵头单位,承担专项行动日常工作的组织、协调、汇总、落实', []],
    ['全面清查勘查许可证、采矿许可证审批,对违规行为要及时纠正', ['T1.01', 'T1.02', 'T2.02']],
    ['指导相关地方和矿山企业做好生态修复工作', ['T4.01', 'T4.02', 'T4.03', 'T4.04']],
    ['依法查处矿产资源违法违规行为', ['T2.01', 'T2.03', 'T2.04', 'T2.05', 'T2.06', 'T2.07', 'T2.08', 'T2.12', 'T3.02', 'T3.03', 'T3.04']]]},
  {unit: 'ECOLOGY', clause: '八', duties: [
    ['会同相关部门加强对保护地禁采区的环境监管', ['T2.14']],
    ['负责矿山环境影响评价审批和落实情况', ['T1.05']],
    ['加强对水、大气、土壤等污染防治的统一监督管理', ['T2.09', 'T2.11', 'T7.02', 'A10.01']],
    ['依法查处违法排放污染物的行为', ['T2.09']]]},
  {unit: 'TRANSPORT', clause: '九', duties: [
    ['负责矿产品营业性道路运输企业资质许可,运输车辆资质审批、驾驶员从业资格管理', ['A09.02']],
    ['负责依法指导矿产品道路运输行业管理', ['A09.02']],
    ['按照职能权限依法查处矿山运输车辆违法超限超载', ['A09.01']]]},
  {unit: 'AGRI_WATER', clause: '十', duties: [
    ['负责排查矿山周边耕地是否存在非法堆放固体废弃物,影响农业生产现象', ['A10.01']],
    ['对群众反映影响耕地土壤环境突出的问题,开展耕地土壤污染评估', ['T2.11']],
    ['对发现存在的问题,及时反馈和配合自然资源部门和生态环境部门,按照谁污染、谁治理原则,共同督促矿山企业进行整改', ['A10.01', 'T2.11']],
    ['负责监督矿山企业落实水土保持方案;督促矿山企业在投产前开展水土保持设施自主验收并报备、做好水土流失防治工作', ['T1.06', 'T2.10']],
    ['参与绿色矿山评估核查、根据职责出具审核意见、依法查处违法行为、加强矿山监督管理', ['T5.01', 'T5.02']]]},
  {unit: 'EMERGENCY', clause: '十一', duties: [
    ['负责对非煤矿山的安全监管,督促企业加大安全生产隐患排查治理力度', ['T1.04', 'T6.01', 'T6.02', 'T6.03', 'T6.04']],
    ['严厉打击非煤矿山严重违反安全生产法律法规组织生产建设行为', ['T6.01', 'T3.03']],
    ['配合自然资源和规划局、公安部门严厉打击涉嫌超层越界、不按批准矿种盗采矿产资源和违法违规储存、运输、使用民爆器材行为,发现相关违法违规线索按照规定及时移交自然资源、公安等相关部门处理', ['T2.03', 'T2.04', 'T3.01']]]},
  {unit: 'FORESTRY', clause: '十二', duties: [
    ['负责矿山用林监督管理', ['T2.13']],
    ['排查矿山矿区与各类自然保护地重叠情况和非法占用林地情况', ['T2.13', 'T2.14']]]},
  {unit: 'MARKET', clause: '十三', duties: [
    ['依职责对矿山企业监督管理', []],
    ['按照法定职责分工对无照经营行为进行查处', ['T3.05']]]}
] AS entry
MATCH (unit:Unit {id: entry.unit})
UNWIND range(0, size(entry.duties) - 1) AS i
MERGE (duty:Duty {id: unit.id + '-' + (i + 1)})
SET duty.text = entry.duties[i][0], duty.clause = '附件2(' + entry.clause + ')', duty.order = unit.order * 100 + i + 1
MERGE (unit)-[:HAS_DUTY]->(duty)
WITH duty, entry.duties[i][1] AS codes
UNWIND codes AS code
MATCH (v:ViolationType {code: code})
MERGE (duty)-[:COVERS]->(v);

// Competence: LEAD acts first, SUPPORT acts with it. Basis ANNEX_2 quotes the duty that gives the power;
// TASK_LEAD is used only where annex 2 is silent, and quotes the task's 责任单位 clause.
UNWIND [
  ['T1.01', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-2'],
  ['T1.02', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-2'],
  ['T1.03', 'DEVELOPMENT_REFORM', 'LEAD', 'DEVELOPMENT_REFORM-1'],
  ['T1.03', 'INDUSTRY_IT', 'SUPPORT', 'INDUSTRY_IT-1'],
  ['T1.04', 'EMERGENCY', 'LEAD', 'EMERGENCY-1'],
  ['T1.05', 'ECOLOGY', 'LEAD', 'ECOLOGY-2'],
  ['T1.06', 'AGRI_WATER', 'LEAD', 'AGRI_WATER-4'],
  ['T2.01', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T2.02', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-2'],
  ['T2.03', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T2.03', 'EMERGENCY', 'SUPPORT', 'EMERGENCY-3'],
  ['T2.04', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T2.04', 'EMERGENCY', 'SUPPORT', 'EMERGENCY-3'],
  ['T2.05', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T2.06', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T2.07', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T2.08', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T2.09', 'ECOLOGY', 'LEAD', 'ECOLOGY-4'],
  ['T2.10', 'AGRI_WATER', 'LEAD', 'AGRI_WATER-4'],
  ['T2.11', 'ECOLOGY', 'LEAD', 'ECOLOGY-3'],
  ['T2.11', 'AGRI_WATER', 'SUPPORT', 'AGRI_WATER-2'],
  ['T2.12', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T2.13', 'FORESTRY', 'LEAD', 'FORESTRY-2'],
  ['T2.14', 'FORESTRY', 'LEAD', 'FORESTRY-2'],
  ['T2.14', 'ECOLOGY', 'SUPPORT', 'ECOLOGY-1'],
  ['T3.01', 'POLICE', 'LEAD', 'POLICE-1'],
  ['T3.01', 'EMERGENCY', 'SUPPORT', 'EMERGENCY-3'],
  ['T3.02', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T3.03', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T3.03', 'EMERGENCY', 'SUPPORT', 'EMERGENCY-2'],
  ['T3.04', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-4'],
  ['T3.05', 'MARKET', 'LEAD', 'MARKET-2'],
  ['T4.01', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-3'],
  ['T4.02', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-3'],
  ['T4.03', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-3'],
  ['T4.04', 'NATURAL_RESOURCES', 'LEAD', 'NATURAL_RESOURCES-3'],
  ['T5.01', 'NATURAL_RESOURCES', 'LEAD', null],
  ['T5.01', 'AGRI_WATER', 'SUPPORT', 'AGRI_WATER-5'],
  ['T5.02', 'NATURAL_RESOURCES', 'LEAD', null],
  ['T5.02', 'AGRI_WATER', 'SUPPORT', 'AGRI_WATER-5'],
  ['T6.01', 'EMERGENCY', 'LEAD', 'EMERGENCY-1'],
  ['T6.02', 'EMERGENCY', 'LEAD', 'EMERGENCY-1'],
  ['T6.03', 'EMERGENCY', 'LEAD', 'EMERGENCY-1'],
  ['T6.04', 'EMERGENCY', 'LEAD', 'EMERGENCY-1'],
  ['T7.01', 'NATURAL_RESOURCES', 'LEAD', null],
  ['T7.01', 'INDUSTRY_IT', 'SUPPORT', 'INDUSTRY_IT-1'],
  ['T7.02', 'ECOLOGY', 'LEAD', 'ECOLOGY-3'],
  ['T7.02', 'INDUSTRY_IT', 'SUPPORT', 'INDUSTRY_IT-2'],
  ['T7.03', 'SCIENCE_TECH', 'LEAD', 'SCIENCE_TECH-1'],
  ['T7.03', 'INDUSTRY_IT', 'SUPPORT', 'INDUSTRY_IT-2'],
  ['T7.04', 'INDUSTRY_IT', 'LEAD', 'INDUSTRY_IT-2'],
  ['A03.01', 'DEVELOPMENT_REFORM', 'LEAD', 'DEVELOPMENT_REFORM-1'],
  ['A06.01', 'POLICE', 'LEAD', 'POLICE-3'],
  ['A06.01', 'POLITICS_LAW', 'SUPPORT', 'POLITICS_LAW-1'],
  ['A09.01', 'TRANSPORT', 'LEAD', 'TRANSPORT-3'],
  ['A09.02', 'TRANSPORT', 'LEAD', 'TRANSPORT-1'],
  ['A10.01', 'AGRI_WATER', 'LEAD', 'AGRI_WATER-1'],
  ['A10.01', 'ECOLOGY', 'SUPPORT', 'ECOLOGY-3']
] AS link
MATCH (v:ViolationType {code: link[0]}), (unit:Unit {id: link[1]})
OPTIONAL MATCH (duty:Duty {id: link[3]})
OPTIONAL MATCH (task:Task)-[:FOCUSES_ON]->(v)
MERGE (v)-[c:COMPETENT_UNIT]->(unit)
SET c.role = link[2],
    c.basis = CASE WHEN duty IS NULL THEN 'TASK_LEAD' ELSE 'ANNEX_2' END,
    c.clause = coalesce(duty.clause, task.clause + '责任单位'),
    c.quote = coalesce(duty.text, task.unitsClause),
    c.dutyId = duty.id;
