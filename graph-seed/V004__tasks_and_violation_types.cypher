// The 7 main tasks (主要任务), the laws and rules they cite, each task's 责任单位 list in document order
// (the first unit leads: 牵头), and every problem a task lists under 重点整治 as its own violation type.
UNWIND [
  {number: 1, title: '严格矿业权设置审批', titleEn: 'Strict approval of mining rights',
   text: '严格落实国土空间规划、产业发展规划、矿产资源规划,科学设置矿业权,优化矿业产业布局。重点整治不符合“三区三线”管控要求和矿产资源规划,不符合产业政策(如产业目录禁止采矿项目、达不到最低开采规模等),未取得安全生产、环境影响评价、水土保持审批手续等问题。
',
   focus: '重点整治不符合“三区三线”管控要求和矿产资源规划,不符合产业政策(如产业目录禁止采矿项目、达不到最低开采规模等),未取得安全生产、环境影响评价、水土保持审批手续等问题。',
   unitsClause: '(责任单位:市自然资源和规划局昌江分局、昌江生态环境局、区工信局、区发改委、区应急局、区农水局)'},
  {number: 2, title: '强化矿山开采全过程监管', titleEn: 'Supervision of the whole mining process',
   text: '加强部门联动,加强矿山开采全过程监管,切实维护好全矿产资源开采秩序。重点整治无证和证照过期、证照不齐勘查开采,超越批准范围、不按批准的矿种开采、以采代探、破坏性采矿,非法转让采矿权以及以工程建设、生态修复名义变相非法采矿,采矿过程中污水、废气、粉尘和废渣等超标排放,未落实水土保持措施,对周边土壤造成污染,非法占用耕地、林地、草地、湿地和自然保护地等问题。加强行政执法与刑事司法有效衔接,依法打击涉矿违法犯罪行为。',
   focus: '重点整治无证和证照过期、证照不齐勘查开采,超越批准范围、不按批准的矿种开采、以采代探、破坏性采矿,非法转让采矿权以及以工程建设、生态修复名义变相非法采矿,采矿过程中污水、废气、粉尘和废渣等超标排放,未落实水土保持措施,对周边土壤造成污染,非法占用耕地、林地、草地、湿地和自然保护地等问题。',
   unitsClause: '(责任单位;市自然资源和规划局昌江分局、昌江生态环境局、区委政法委、区公安局、区应急局、区农水局、区林业局)'},
  {number: 3, title: '规范矿山企业生产经营', titleEn: 'Lawful production and business of mining enterprises',
   text: '依据有关法律法规,加强矿产企业生产经营综合监管,重点整治矿山企业非法生产、销售、购买、储存、运输、使用民用爆炸物品;无证开采的矿产品进入流通领域;关闭、取缔后又擅自生产经营建设、无证无照经营等问题。',
   focus: '重点整治矿山企业非法生产、销售、购买、储存、运输、使用民用爆炸物品;无证开采的矿产品进入流通领域;关闭、取缔后又擅自生产经营建设、无证无照经营等问题。',
   unitsClause: '(责任单位:市自然资源和规划局昌江分局、区应急局、区公安局、昌江生态环境局、区交通局、区市场监管局)'},
  {number: 4, title: '加强矿山生态修复', titleEn: 'Ecological restoration of mines',
   text: '严格落实《江西省矿山生态修复与利用条例》,督促矿山企业落实“边生产边修复”要求,履行生态修复义务,切实推进矿山生态修复。督促乡(镇)政府完成江西省“十四五”国土空间生态修复规划部署的历史遗留废弃矿山生态修复任务。重点整治矿山未设立生态修复基金账户,未按基金管理制度计提和使用;未按照矿山地质环境保护与恢复治理方案和土地复垦方案以及矿山年度修复计划实施生态修复;未按要求做好矿山环境与土地复垦监测和管护等问题。',
   focus: '重点整治矿山未设立生态修复基金账户,未按基金管理制度计提和使用;未按照矿山地质环境保护与恢复治理方案和土地复垦方案以及矿山年度修复计划实施生态修复;未按要求做好矿山环境与土地复垦监测和管护等问题。',
   unitsClause: '(责任单位:市自然资源和规划局昌江分局)'},
  {number: 5, title: '加快推进绿色矿山建设', titleEn: 'Green mine construction',
   text: '严格落实《江西省绿色矿山管理办法》,加强部门联合监管,督促矿山企业推进绿色矿山建设。建立绿色矿山动态监管和退出机制,动态管理绿色矿山名录。重点整治未按相关规定开展绿色矿山建设和已建成绿色矿山未按绿色矿山标准进行生产管理等问题。',
   focus: '重点整治未按相关规定开展绿色矿山建设和已建成绿色矿山未按绿色矿山标准进行生产管理等问题。',
   unitsClause: '(责任单位:市自然资源和规划局昌江分局、昌江生态环境局、区应急局、区农水局、区林业局)'},
  {number: 6, title: '强化矿山安全生产', titleEn: 'Mine production safety',
   text: '按照《中华人民共和国安全生产法》等规定和要求,重点围绕露天矿山、地下矿山、尾矿库等,整治不具备安全生产条件、不履行建设项目安全设施“三同时”制度,不按批准的安全设施设计进行施工、开采,未落实矿山企业安全生产主体责任等问题。依法应予关闭的,坚决依法关闭。',
   focus: '重点围绕露天矿山、地下矿山、尾矿库等,整治不具备安全生产条件、不履行建设项目安全设施“三同时”制度,不按批准的安全设施设计进行施工、开采,未落实矿山企业安全生产主体责任等问题。',
   unitsClause: '(责任单位:区应急局、市自然资源和规划局昌江分局)'},
  {number: 7, title: '保障产业链供应链安全', titleEn: 'Security of industrial and supply chains',
   text: '开展矿产资源潜力评价和国情调查,全面掌握我市矿产资源储量和开发潜力。加强科技创新、推广应用先进技术,对低品位矿、难选冶矿、新型材料矿产资源加强综合利用,提升矿产品研发水平,完善矿产资源产业链,提高矿产品供应保障能力,保障供应链产业链安全,推动资源优势转化为产业优势。重点排查资源端矿产保障供给不足、后备基础不牢,冶炼端高污染、高耗能、高耗水,材料端创新能力不强、产业基础薄弱,循环利用端发展滞后等问题,整治影响产业链供应链安全等问题。',
   focus: '重点排查资源端矿产保障供给不足、后备基础不牢,冶炼端高污染、高耗能、高耗水,材料端创新能力不强、产业基础薄弱,循环利用端发展滞后等问题,整治影响产业链供应链安全等问题。',
   unitsClause: '(责任单位:市自然资源和规划局昌江分局、昌江生态环境局、区工信局、区发改委、区交通局、区科技局、区应急局)'}
] AS t
MATCH (c:Campaign {id: '昌府办字〔2023〕18号'})
MERGE (task:Task {number: t.number})
SET task.title = t.title, task.titleEn = t.titleEn, task.text = t.text, task.focus = t.focus,
    task.unitsClause = t.unitsClause, task.clause = '三(' + ['一', '二', '三', '四', '五', '六', '七'][t.number - 1] + ')'
MERGE (c)-[:HAS_TASK]->(task);

UNWIND [
  {task: 1, units: [['NATURAL_RESOURCES', '市自然资源和规划局昌江分局'], ['ECOLOGY', '昌江生态环境局'], ['INDUSTRY_IT', '区工信局'], ['DEVELOPMENT_REFORM', '区发改委'], ['EMERGENCY', '区应急局'], ['AGRI_WATER', '区农水局']]},
  {task: 2, units: [['NATURAL_RESOURCES', '市自然资源和规划局昌江分局'], ['ECOLOGY', '昌江生态环境局'], ['POLITICS_LAW', '区委政法委'], ['POLICE', '区公安局'], ['EMERGENCY', '区应急局'], ['AGRI_WATER', '区农水局'], ['FORESTRY', '区林业局']]},
  {task: 3, units: [['NATURAL_RESOURCES', '市自然资源和规划局昌江分局'], ['EMERGENCY', '区应急局'], ['POLICE', '区公安局'], ['ECOLOGY', '昌江生态环境局'], ['TRANSPORT', '区交通局'], ['MARKET', '区市场监管局']]},
  {task: 4, units: [['NATURAL_RESOURCES', '市自然资源和规划局昌江分局']]},
  {task: 5, units: [['NATURAL_RESOURCES', '市自然资源和规划局昌江分局'], ['ECOLOGY', '昌江生态环境局'], ['EMERGENCY', '区应急局'], ['AGRI_WATER', '区农水局'], ['FORESTRY', '区林业局']]},
  {task: 6, units: [['EMERGENCY', '区应急局'], ['NATURAL_RESOURCES', '市自然资源和规划局昌江分局']]},
  {task: 7, units: [['NATURAL_RESOURCES', '市自然资源和规划局昌江分局'], ['ECOLOGY', '昌江生态环境局'], ['INDUSTRY_IT', '区工信局'], ['DEVELOPMENT_REFORM', '区发改委'], ['TRANSPORT', '区交通局'], ['SCIENCE_TECH', '区科技局'], ['EMERGENCY', '区应急局']]}
] AS list
MATCH (task:Task {number: list.task})
UNWIND range(0, size(list.units) - 1) AS i
MATCH (unit:Unit {id: list.units[i][0]})
MERGE (task)-[r:RESPONSIBLE_UNIT]->(unit)
SET r.order = i + 1, r.role = CASE i WHEN 0 THEN 'LEAD' ELSE 'SUPPORTING' END, r.nameInDocument = list.units[i][1];

// Task 4 names the township governments outside its 责任单位 list: they restore abandoned historical mines.
MATCH (task:Task {number: 4}), (townships:Unit {id: 'TOWNSHIPS'})
MERGE (task)-[r:TERRITORIAL_UNIT]->(townships)
SET r.quote = '督促乡(镇)政府完成江西省“十四五”国土空间生态修复规划部署的历史遗留废弃矿山生态修复任务';

UNWIND [
  {id: 'JX_MINE_RESTORATION_REGULATION', task: 4, name: '江西省矿山生态修复与利用条例', nameEn: 'Jiangxi Regulation on Mine Ecological Restoration and Use', kind: '地方性法规',
   quote: '严格落实《江西省矿山生态修复与利用条例》'},
  {id: 'JX_GREEN_MINE_MEASURES', task: 5, name: '江西省绿色矿山管理办法', nameEn: 'Jiangxi Measures for Green Mine Management', kind: '规范性文件',
   quote: '严格落实《江西省绿色矿山管理办法》'},
  {id: 'PRC_WORK_SAFETY_LAW', task: 6, name: '中华人民共和国安全生产法', nameEn: 'Work Safety Law of the PRC', kind: '法律',
   quote: '按照《中华人民共和国安全生产法》等规定和要求'}
] AS reg
MATCH (task:Task {number: reg.task})
MERGE (r:Regulation {id: reg.id})
SET r.name = reg.name, r.nameEn = reg.nameEn, r.kind = reg.kind
MERGE (task)-[c:CITES]->(r)
SET c.quote = reg.quote;

UNWIND [
  {code: 'T1.01', task: 1, name: '不符合“三区三线”管控要求', nameEn: 'Conflicts with the "three zones and three lines" spatial controls'},
  {code: 'T1.02', task: 1, name: '不符合矿产资源规划', nameEn: 'Conflicts with the mineral resources plan'},
  {code: 'T1.03', task: 1, name: '不符合产业政策(如产业目录禁止采矿项目、达不到最低开采规模等)', nameEn: 'Conflicts with industrial policy (prohibited project, below minimum mining scale)'},
  {code: 'T1.04', task: 1, name: '未取得安全生产审批手续', nameEn: 'No work-safety approval'},
  {code: 'T1.05', task: 1, name: '未取得环境影响评价审批手续', nameEn: 'No environmental impact assessment approval'},
  {code: 'T1.06', task: 1, name: '未取得水土保持审批手续', nameEn: 'No soil and water conservation approval'},
  {code: 'T2.01', task: 2, name: '无证勘查开采', nameEn: 'Exploration or mining without a licence'},
  {code: 'T2.02', task: 2, name: '证照过期、证照不齐勘查开采', nameEn: 'Exploration or mining with expired or incomplete licences'},
  {code: 'T2.03', task: 2, name: '超越批准范围开采', nameEn: 'Mining beyond the approved boundary'},
  {code: 'T2.04', task: 2, name: '不按批准的矿种开采', nameEn: 'Mining a mineral other than the approved one'},
  {code: 'T2.05', task: 2, name: '以采代探', nameEn: 'Mining under the guise of exploration'},
  {code: 'T2.06', task: 2, name: '破坏性采矿', nameEn: 'Destructive mining'},
  {code: 'T2.07', task: 2, name: '非法转让采矿权', nameEn: 'Illegal transfer of mining rights'},
  {code: 'T2.08', task: 2, name: '以工程建设、生态修复名义变相非法采矿', nameEn: 'Disguised illegal mining in the name of construction or restoration'},
  {code: 'T2.09', task: 2, name: '采矿过程中污水、废气、粉尘和废渣等超标排放', nameEn: 'Emissions of waste water, gas, dust or slag above standards'},
  {code: 'T2.10', task: 2, name: '未落实水土保持措施', nameEn: 'Soil and water conservation measures not implemented'},
  {code: 'T2.11', task: 2, name: '对周边土壤造成污染', nameEn: 'Pollution of the surrounding soil'},
  {code: 'T2.12', task: 2, name: '非法占用耕地', nameEn: 'Illegal occupation of farmland'},
  {code: 'T2.13', task: 2, name: '非法占用林地、草地、湿地', nameEn: 'Illegal occupation of forest land, grassland or wetland'},
  {code: 'T2.14', task: 2, name: '非法占用自然保护地', nameEn: 'Illegal occupation of protected natural areas'},
  {code: 'T3.01', task: 3, name: '非法生产、销售、购买、储存、运输、使用民用爆炸物品', nameEn: 'Illegal production, sale, purchase, storage, transport or use of civil explosives'},
  {code: 'T3.02', task: 3, name: '无证开采的矿产品进入流通领域', nameEn: 'Minerals from unlicensed mining entering circulation'},
  {code: 'T3.03', task: 3, name: '关闭、取缔后又擅自生产经营建设', nameEn: 'Resuming production after closure or ban'},
  {code: 'T3.04', task: 3, name: '无证经营', nameEn: 'Operating without a mining licence'},
  {code: 'T3.05', task: 3, name: '无照经营', nameEn: 'Operating without a business licence'},
  {code: 'T4.01', task: 4, name: '未设立生态修复基金账户', nameEn: 'No ecological restoration fund account'},
  {code: 'T4.02', task: 4, name: '未按基金管理制度计提和使用生态修复基金', nameEn: 'Restoration fund not provisioned or used as the rules require'},
  {code: 'T4.03', task: 4, name: '未按照矿山地质环境保护与恢复治理方案和土地复垦方案以及矿山年度修复计划实施生态修复', nameEn: 'Restoration not carried out according to the approved plans'},
  {code: 'T4.04', task: 4, name: '未按要求做好矿山环境与土地复垦监测和管护', nameEn: 'Monitoring and upkeep of mine environment and reclamation not done'},
  {code: 'T5.01', task: 5, name: '未按相关规定开展绿色矿山建设', nameEn: 'Green mine construction not carried out as required'},
  {code: 'T5.02', task: 5, name: '已建成绿色矿山未按绿色矿山标准进行生产管理', nameEn: 'Certified green mine not run to green mine standards'},
  {code: 'T6.01', task: 6, name: '不具备安全生产条件', nameEn: 'Lacks the conditions for safe production'},
  {code: 'T6.02', task: 6, name: '不履行建设项目安全设施“三同时”制度', nameEn: 'Safety facilities not designed, built and used together with the project ("three simultaneities")'},
  {code: 'T6.03', task: 6, name: '不按批准的安全设施设计进行施工、开采', nameEn: 'Construction or mining not following the approved safety design'},
  {code: 'T6.04', task: 6, name: '未落实矿山企业安全生产主体责任', nameEn: 'Enterprise primary responsibility for safety not fulfilled'},
  {code: 'T7.01', task: 7, name: '资源端矿产保障供给不足、后备基础不牢', nameEn: 'Resource end: insufficient supply and weak reserves'},
  {code: 'T7.02', task: 7, name: '冶炼端高污染、高耗能、高耗水', nameEn: 'Smelting end: high pollution, energy and water use'},
  {code: 'T7.03', task: 7, name: '材料端创新能力不强、产业基础薄弱', nameEn: 'Materials end: weak innovation and industrial base'},
  {code: 'T7.04', task: 7, name: '循环利用端发展滞后', nameEn: 'Recycling end lagging behind'}
] AS vt
MATCH (task:Task {number: vt.task})
MERGE (v:ViolationType {code: vt.code})
SET v.name = vt.name, v.nameEn = vt.nameEn, v.source = 'TASK', v.order = vt.task * 100 + toInteger(split(vt.code, '.')[1])
MERGE (task)-[r:FOCUSES_ON]->(v)
SET r.order = toInteger(split(vt.code, '.')[1]);

// Problems that no task lists but that annex 2 gives a unit the duty to act on.
UNWIND [
  {code: 'A03.01', clause: 3, name: '有色矿山开发项目、黄金矿采选项目未经核准或非金属矿山开发项目未依法备案', nameEn: 'Mining project without the required approval or filing'},
  {code: 'A06.01', clause: 6, name: '矿产资源开发利用领域涉黑涉恶犯罪', nameEn: 'Organised crime in mineral development'},
  {code: 'A09.01', clause: 9, name: '矿山运输车辆违法超限超载', nameEn: 'Mine transport vehicles over size or overloaded'},
  {code: 'A09.02', clause: 9, name: '矿产品道路运输企业、车辆或驾驶员无相应资质', nameEn: 'Mineral road transport without operator, vehicle or driver qualification'},
  {code: 'A10.01', clause: 10, name: '矿山周边耕地非法堆放固体废弃物', nameEn: 'Solid waste dumped on farmland around a mine'}
] AS vt
MERGE (v:ViolationType {code: vt.code})
SET v.name = vt.name, v.nameEn = vt.nameEn, v.source = 'ANNEX_2', v.order = 1000 + vt.clause * 10 + toInteger(split(vt.code, '.')[1]);
