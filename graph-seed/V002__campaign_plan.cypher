// 昌府办字〔2023〕18号: the campaign, its goals, minerals, phases, problem sources and outcomes.
// Every statement MERGEs on a business key, so applying the file again changes nothing.
MERGE (c:Campaign {id: '昌府办字〔2023〕18号'})
SET c.documentNumber = '昌府办字〔2023〕18号',
    c.title = '昌江区深入整治规范矿产资源保护开发利用专项行动实施方案',
    c.noticeTitle = '关于印发《昌江区深入整治规范矿产资源保护开发利用专项行动实施方案》的通知',
    c.issuer = '景德镇市昌江区人民政府办公室',
    c.issuedOn = date('2023-04-25'),
    c.implementsPlan = '《全市深入整治规范矿产资源保护开发利用专项行动实施方案》',
    c.implementsPlanIssuer = '江西省景德镇市人民政府办公室',
    c.startsOn = date('2023-04-25'),
    c.endsOn = date('2023-10-31'),
    c.longTerm = true,
    c.periodClause = '本次专项行动时间自方案印发之日起至2023年10月底并长期坚持,分动员部署和全面排查、集中整治、规范提升三个阶段进行。',
    c.guidingIdea = '坚持矿山“开采规范化、生产环保化、环境生态化”的整治工作思路。';

UNWIND [
  {number: 1, title: '矿产资源勘查开发秩序明显好转', titleEn: 'Order in mineral exploration and mining clearly improved',
   text: '通过集中整治矿产资源特别是钨、黄金、铜等保护性、战略性矿产资源开发利用秩序,使得无证勘查开采、乱采滥挖、浪费矿产资源、破坏生态环境、非法占用耕地林地和自然保护地等违法行为,以及以环境治理、矿山修复、土地整理、工程施工等名义违法采矿行为得到有效遏制;非法转让矿业权、以采代探、圈而不探和越界开采等违法行为得到严肃查处,全市依法办矿、依法管矿意识得到进一步增强。'},
  {number: 2, title: '矿山生态环境明显改善', titleEn: 'Mine ecology and environment clearly improved',
   text: '从政策、环保、生态等方面加大矿山生态保护修复力度,扎实推进绿色矿山建设,推动矿业行业绿色发展,引领矿山企业增强绿色发展意识,按照因地制宜、因矿制宜的原则加快改造升级,达到绿色矿山要求,实现矿业开发与生态环境保护协调发展,促进人与自然和谐共生。'},
  {number: 3, title: '产业链供应链布局明显优化', titleEn: 'Industrial and supply chain layout clearly optimised',
   text: '加强矿产资源规划与国土空间规划、各类产业规划的衔接,优化矿产资源开发利用结构和布局,使矿山布局不合理的状况得到明显改善,小矿比例明显降低,矿产资源开发利用规模化、集约化程度明显提高,实现矿产资源开发利用由粗放型向集约型转变,推动矿山从开采资源、销售初级产品到深加工和高附加值产品延伸。'}
] AS g
MATCH (c:Campaign {id: '昌府办字〔2023〕18号'})
MERGE (goal:Goal {id: 'G' + g.number})
SET goal.number = g.number, goal.title = g.title, goal.titleEn = g.titleEn, goal.text = g.text
MERGE (c)-[:HAS_GOAL]->(goal);

UNWIND [
  {name: '钨', nameEn: 'tungsten', order: 1},
  {name: '黄金', nameEn: 'gold', order: 2},
  {name: '铜', nameEn: 'copper', order: 3}
] AS m
MATCH (goal:Goal {id: 'G1'})
MERGE (mineral:Mineral {name: m.name})
SET mineral.nameEn = m.nameEn, mineral.strategic = true
MERGE (goal)-[r:NAMES_MINERAL]->(mineral)
SET r.order = m.order,
    r.quote = '通过集中整治矿产资源特别是钨、黄金、铜等保护性、战略性矿产资源开发利用秩序';

UNWIND [
  {number: 1, name: '动员部署阶段和全面排查阶段', nameEn: 'Mobilisation and full screening', startsOn: date('2023-04-25'), endsOn: date('2023-04-30'), longTerm: false,
   text: '制定全区深入整治规范矿产资源保护开发利用专项行动实施方案,召开全区深入整治规范矿产资源保护开发利用专项行动会议,对专项行动进行统一部署。结合实际制定实施方案,建立保障工作机制,抽调精干人员集中办公。组织有关部门严格按照方案要求,开展全面排查,做到全覆盖、无遗漏,梳理存在的问题,建立问题台账。2023年4月30日前将排查结果逐级报送至区整治规范工作专班办公室(设在市自然资源和规划局昌江分局)。'},
  {number: 2, name: '集中整治阶段', nameEn: 'Concentrated rectification', startsOn: date('2023-05-01'), endsOn: date('2023-07-31'), longTerm: false,
   text: '对排查发现的问题及扫黑除恶日常工作中发现、媒体披露、群众举报等重点问题,建立工作台账,明确整改措施,落实责任单位和责任人员,严格按要求依法及时处理到位。该曝光的曝光,该处罚的处罚,该追究法律责任的追究法律责任。'},
  {number: 3, name: '规范提升阶段', nameEn: 'Standardisation and improvement', startsOn: date('2023-08-01'), endsOn: date('2023-10-31'), longTerm: true,
   text: '各有关部门在深入整治的基础上,坚持问题导向、目标导向,补短板、强弱项、堵漏洞,从矿产资源规划实施、矿业权设置、矿业权出让和监管、矿山安全、矿山地质环境保护、生态修复等方面,健全完善矿产资源管理长效机制,促进矿业经济健康发展。'}
] AS p
MATCH (c:Campaign {id: '昌府办字〔2023〕18号'})
MERGE (phase:Phase {number: p.number})
SET phase.name = p.name, phase.nameEn = p.nameEn, phase.startsOn = p.startsOn, phase.endsOn = p.endsOn,
    phase.longTerm = p.longTerm, phase.text = p.text
MERGE (c)-[:HAS_PHASE]->(phase);

UNWIND [
  {code: 'SCREENING', name: '排查', nameEn: 'screening by departments', order: 1},
  {code: 'ANTI_GANG', name: '扫黑除恶', nameEn: 'anti-gang and anti-crime work', order: 2},
  {code: 'MEDIA', name: '媒体披露', nameEn: 'media disclosure', order: 3},
  {code: 'PUBLIC_REPORT', name: '群众举报', nameEn: 'report by the public', order: 4}
] AS s
MERGE (source:ProblemSource {code: s.code})
SET source.name = s.name, source.nameEn = s.nameEn, source.order = s.order,
    source.quote = '对排查发现的问题及扫黑除恶日常工作中发现、媒体披露、群众举报等重点问题,建立工作台账';

UNWIND [
  {code: 'EXPOSURE', name: '曝光', nameEn: 'public exposure', order: 1, quote: '该曝光的曝光'},
  {code: 'PENALTY', name: '处罚', nameEn: 'administrative penalty', order: 2, quote: '该处罚的处罚'},
  {code: 'LEGAL_LIABILITY', name: '追究法律责任', nameEn: 'legal liability pursued', order: 3, quote: '该追究法律责任的追究法律责任'},
  {code: 'CLOSURE', name: '依法关闭', nameEn: 'closed according to law', order: 4, quote: '依法应予关闭的,坚决依法关闭'}
] AS o
MERGE (outcome:Outcome {code: o.code})
SET outcome.name = o.name, outcome.nameEn = o.nameEn, outcome.order = o.order, outcome.quote = o.quote;
