/**
 * Writes the example workbooks in examples/ (see examples/README.md): one clean and one
 * `-mistakes` variant per table layout of docs/domain.md (Layouts), copied from the seed documents.
 *
 *   npm run examples            (builds, then runs dist/scripts/make-examples.js)
 *
 * The data are plain constants (exported, so tests can reuse them); the layout of each sheet is
 * built from them by the functions further down; the mistakes of each `-mistakes` variant are
 * listed in EXAMPLES[].mistakes with the cell and the finding code a checker should report.
 * Output is byte-stable: fixed document dates and fixed zip entry timestamps.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { columnIndex, columnLetter as engineColumnLetter } from '../engine/address.js';
import type { FindingCode } from '../engine/model.js';

// =============================================================================================
// Data: copied from the seed documents (/work/shared/seeds). Line breaks inside a cell are "\n".
// =============================================================================================

/** One item of an L1 weighted task table. `points` is text where the document has text. */
export interface TaskItem {
  name: string;
  target: string;
  points: number | string;
}

/** Seed 001 (枣庄 2022): title lines above the header of sheet 任务要点. */
export const ZAOZHUANG_HEAD = {
  annex: '附件',
  unit: '枣庄市卫生健康服务中心',
  title: '2022年度服务高质量发展绩效考核工作任务要点',
  signature: '主管部门：' + ' '.repeat(20) + '主管部门负责人：',
  header: ['一级指标', '二级指标', '任务要点名称', '年度目标', '分值权重'],
  level1: '围绕中心履职尽责（400分）',
  keyWorkLabel: '重点（职能）工作（380分）',
  specialLabel: '专项考核（20分）',
} as const;

/** Seed 001: the 45 items under 重点（职能）工作（380分）, in document order (rows 6–50). */
export const ZAOZHUANG_KEY_WORK: readonly TaskItem[] = [
  {
    name: '做好群众满意度提升工作',
    target:
      '切实加强组织领导，各单位主要负责人亲自抓提升，制订具体攻坚方案和整改台账，责任落实到岗到人，确保工作见到实效。未按要求做好工作的，根据满意度考核办法将进行扣分；发生群众不满意情况，造成较大社会影响的，将对年度考核结果进行一票否优。',
    points: 10,
  },
  {
    name: '全面推进“赢在中层”工作',
    target:
      '完成“赢在中层”年度工作任务，全面推进政治能力教育、中层干部轮岗交流、年轻干部常态化配备、干部培训、实践锻炼、差异化考核等14项具体措施，优化单位科室职能和人员配置，为机关提供强有力支持保障。未完成或完成效果较差的据实扣分。',
    points: 10,
  },
  {
    name: '安全生产',
    target: '守牢安全生产底线，全年不发生生产安全事故或因重大风险隐患被上级部门通报批评，安全生产形势稳定。',
    points: '一票否决\n10',
  },
  {
    name: '信访稳定',
    target:
      '认真做好信访稳定工作，全年不发生越级访、进京访、大规模群访事件，或因其他信访问题被上级部门通报批评。',
    points: 5,
  },
  {
    name: '市长热线问题办理',
    target: '按时高质量办理市长热线反馈问题，办结及时率100%，回访满意率95%以上。',
    points: 5,
  },
  {
    name: '思想作风能力建设。',
    target: '扎实推进干部思想作风能力建设，深入开展“五比五看” 活动。',
    points: 5,
  },
  {
    name: '直达资金支出进度',
    target: '1、项目资金下达后按时限组织实施；\n2、未因自身原因造成资金被收回、调整或调整项目。',
    points: 5,
  },
  {
    name: '加强预决算管理',
    target:
      '1、按时完成预决算上报；\n2、按要求对预决算情况进行公开；\n3、对预算绩效目标开展自评；\n4、资金规模大、社会关注度高的项目开展重点评价；\n5、单位自评和财政抽评结果差异较小，抽评结果为“良”及以上。',
    points: 5,
  },
  {
    name: '做好新冠肺炎疫情防控工作',
    target: '守牢疫情防控底线，认真落实各项疫情防控措施，确保不因疫情防控措施不落实引发本土疫情。',
    points: 10,
  },
  {
    name: '法治建设',
    target:
      '完善医疗卫生机构法治建设，严格依法规范执业；落实普法责任制，推进卫生健康“八五”普法规划实施。未完成1项扣5分，年内因违反相关卫生健康法律法规收到行政处罚以上处理，该项目不得分。',
    points: 10,
  },
  {
    name: '全面加强党对卫生事业的领导',
    target:
      '加强意识形态工作情况，强化新闻舆论引导情况，深入开展精神文明建设，扎实推动宣传思想工作守正创新。\n履行全面从严治党责任，加强政治建设，提高政治判断力、政治领悟力、政治执行力；重视和加强统一战线工作。\n履行抓基层党建主体责任，贯彻落实《中国共产党党和国家机关基层组织工作条例》，实施党支部标准化规范化建设提升工程。\n持之以恒落实中央八项规定及其实施细则精神，深化整治形式主义、官僚主义顽瘴痼疾注重抓实抓细，构建长效机制，弘扬新风正气以及严肃查处违纪违法行为和问责追究。',
    points: 15,
  },
  {
    name: '科学合理、完整准确编制预算、决算，统筹安排，节约使用资金，保障单位正常运转',
    target: '执行率≥80%',
    points: 5,
  },
  { name: '做好专项资金管理工作，做到专款专用，合理、合规使用', target: '执行率≥100%', points: 5 },
  {
    name: '辅助市健康办深入推进健康细胞建设',
    target:
      '1.督导指导已命名健康细胞巩固建设情况，；\n2.组织专家对本年度申请建设的健康细胞进行市级验收，并对验收合格的健康细胞进行命名；\n3.召开全市健康细胞建设工作推进会。',
    points: 5,
  },
  {
    name: '做好基层卫生创建技术服务工作。',
    target:
      '1.按照时间节点，承接好上级部门交办的本年度新申报国家卫生乡镇、省级卫生村资料收集、审核、技术服务等工作；\n2.开展全市基层卫生创建工作培训。',
    points: 5,
  },
  {
    name: '基本公卫信息化建设',
    target:
      '加强市级基本公卫信息化平台建设，指导区（市）提高基本公卫信息化建设水平，协调解决健康档案开放相关数据互联互通问题。',
    points: 10,
  },
  {
    name: '《保健通讯》的校对、分封、装订及送达。',
    target:
      '1.每月编排、校对《保健通讯》两期。2.《保健通讯》印刷后及时装订.印刷好后10天完成。3.《保健通讯》装订后及时送达，7天内送达。',
    points: 5,
  },
  {
    name: '健康体检工作。',
    target: '1.制定体检方案，编发体检注意事项及体检项目意义。\n2.体检率≥80%。',
    points: 5,
  },
  {
    name: '拓宽药具发放渠道，提升服务能力,药具管理使用安全有效。',
    target:
      '打造符合基本公共卫生规范的要求、满足工作需要的智能化标准化库房，确保药具安全有效。\n药具发放公众满意度≥95%，\n药具发放服务对象满意度≥95%。\n免费药具发放率≥70%，\n避孕药具使用有效率≥95%。',
    points: 5,
  },
  {
    name: '加强药具宣传培训，提髙育龄群众知晓率',
    target: '加强药具宣传培训，提髙育龄群众对国家免费提供避孕药具政策的知晓率。育龄群众知晓率≥90%。',
    points: 5,
  },
  {
    name: '推进“互联网+药具”服务',
    target:
      '推进“互联网+药具”服务升级，对原药具业务信息系统进行优化整合，搭建服务于枣庄“市-区-街道-村居”四级药具管理机构和育龄群众的信息化平台。加大自助发放机投放，提高育龄人群可及性，全面提升各类育龄人群获得感。\n免费药具发放网点覆盖率≥70%， \n育龄群众免费药具获得率≥90%。',
    points: 5,
  },
  {
    name: '生育政策与经济社会政策配套衔接实施情况的调查研究',
    target: '1.出生人口上报及时率达到90%以上。\n2.准确率达到98%以上。',
    points: 5,
  },
  {
    name: '助推三孩生育政策及配套支持措施落地见效',
    target:
      '1.按照市委办公室部署，按照完成涉计划生育党内规范性文件清理工作；\n2.协助委机关做好制定出台枣庄市贯彻落实中央《决定》和省《实施方案》的实施意见。',
    points: 5,
  },
  {
    name: '做好婴幼儿照护服务宣传月活动',
    target:
      '协助开展以“发展托育服务---枣庄在行动”为主题的婴幼儿照护服务宣传月活动。婴幼儿照护知识普及率达到60%。没有达到指标值的。',
    points: 10,
  },
  {
    name: '增加3岁以下婴幼儿照护服务供给',
    target: '2022年，新增婴幼儿托位1000个，千人口托位数达到3个。',
    points: 5,
  },
  {
    name: '做好市级全民健康信息平台的数据支撑工作',
    target:
      '按照《山东省全民健康信息平台共享数据集》标准要求，对卫生健康数据进行数据采集工作，做好市级全民健康信息平台的数据支撑工作。\n1.建立完善电子病历数据库；\n2.建立完善电子健康档案数据库；\n3.实现医疗机构的数据采集。',
    points: 10,
  },
  {
    name: '提高医疗健康服务体系',
    target:
      '依托“健康枣庄云”微信号，打造“指尖上的健康”，向群众提供全周期、高效快捷、功能完善的医疗健康服务。“健康枣庄云”对接率100%。',
    points: 10,
  },
  {
    name: '电子健康卡、健康通行码的应用推广。',
    target: '全市常住人口电子健康卡、健康通行码发放率≥90%，实现居民从“持卡”就医到“扫码”就医的转变。',
    points: 10,
  },
  {
    name: '提高网络安全防护能力',
    target:
      '积极贯彻《网络安全法》，持续加强卫生行业网络安全建设，压实网络安全责任，提高网络安全防护能力。\n1.做好重大会议活动期间全市医疗行业网络安全防护保障方案；\n2.联合网信、公安网警等部门配合开展医疗行业的网络安全“护网行动”，做好相关信息的采集反馈工作。',
    points: 10,
  },
  { name: '编辑《保健通讯》', target: '每月2期，分别于每月1日、15日刊出。', points: 10 },
  {
    name: '受理120急救电话',
    target: '1.120电话100%受理；               \n2.突发事件处置科学，信息采集报告准确、上报及时。',
    points: 20,
  },
  {
    name: '信息存储、急救信息采集',
    target:
      '1.每年开展急救科普知识宣传2-3次；\n2.定期制作急救简讯；\n3.有效存储急救信息，以备取证、查询、调取。',
    points: 10,
  },
  { name: '调度人员的管理', target: '对调度员进行工作考核。', points: 10 },
  {
    name: '院前医疗急救工作质量管理',
    target:
      '1.切实加强与急救网络医院交流，开展督导调研，掌握工作情况；\n2.针对急救简讯中存在问题及时沟通解决。',
    points: 10,
  },
  {
    name: '全市院前急救网络管理',
    target:
      '1.每天对值班救护车实时监控、合理调度；\n2.增设院前急救网络医院，缩短急救半径，加强院前网络医院建设。',
    points: 15,
  },
  {
    name: '加强医师、护士执业资格考试管理',
    target: '做好医师、护士执业资格考试的报名、审核、执考、证书发放全流程工作。',
    points: 10,
  },
  {
    name: '做好卫生健康人才服务工作',
    target:
      '1.协助做好2022年全市卫生专业技术职务任职评审工作；2.配合做好卫生健康系统事业单位公开招聘及高层次人才服务工作；3.确保卫生专业技术流动人员的档案管理规范并与医疗卫生机构重新签订人事代理协议书。',
    points: 10,
  },
  {
    name: '持续扩增医师、护士考试机考机位',
    target:
      '继续扩增机考机位400个，力争全市达1300以上，实现全市只启用一所大学长期稳定作为我市医护考试考场的能力。每少增加100个机位扣3分。',
    points: 10,
  },
  {
    name: '继续医学教育',
    target:
      '卫生专业技术人员继续医学教育培训率100%，年度任期考核合格率95%以上。争取新增国家级继续医学教育培训项目1-2项。按照要求，规范举办各级继续医学教育项目工作。',
    points: 10,
  },
  {
    name: '宣传推广交流中医药文化。',
    target:
      '1、开展新设科室调研并写出调研报告，为工作开展开好头、起好步；2、学习省、市关于促进中医药传承创新发展相关政策文件，作为下一步指导科室工作开展的根本方向和遵循；3、在调研的基础上拟定我市中医药文化弘扬传承和推广交流讨论稿，并召开中医医疗机构负责人座谈会进行研究探讨和修改；4、印发《枣庄市中医药文化弘扬传承和推广交流实施方案》，从深化中医药文化精髓研究、加强中医药文化宣传教育阵地建设、推进中医药文化传播、推进中医药文化进校园活动以及加强中医药文化队伍建设等作出中期安排；5、配合市卫健委中医药发展科做好全省中医药文艺节目选拔推荐工作。6.配合市卫健委做好中医药健康文化知识角和中医药文化进校园试点学校申报等相关工作。',
    points: 10,
  },
  {
    name: '维护女职工权益',
    target: '做好女职工权益保障，执行法定节假日休息制度。未做到的酌情扣分。',
    points: 5,
  },
  { name: '巡诊服务', target: '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽。', points: 10 },
  {
    name: '拓展“互联网+医疗健康”便民惠民服务，切实做好常态化疫情防控背景下信息化支撑工作',
    target:
      '依托“健康枣庄云”开发上线一系列涉疫、防疫功能模块，为居民提供了方便快捷的信息采集入口和信息查询渠道。',
    points: 10,
  },
  {
    name: '重建“枣庄卫生人才网”',
    target: '在枣庄政务云新建“枣庄卫生人才网”，充实各类卫生健康人才服务功能。未完成网站建设不得分。',
    points: 10,
  },
  {
    name: '加强中医药典籍研究与保护利用。',
    target:
      '搜集枣庄中医药学术典籍《枣庄医林学术录》、《枣庄中医医案》、《枣庄民间验方》、《枣庄养生药膳》、《枣庄医药民俗文化》等；提出书面请示，争取资金整理再版进行弘扬传承、交流推广。',
    points: 10,
  },
];

/** Seed 001: the 2 items under 专项考核（20分） (rows 51–52). */
export const ZAOZHUANG_SPECIAL: readonly TaskItem[] = [
  {
    name: '完成党委书记人才工作项目',
    target:
      '对照年初制定的《2022年度党委书记人才工作项目台账》，落实年度人才工作重点任务。未完成或完成效果较差的据实扣分。',
    points: 10,
  },
  {
    name: '辅助市健康办做好国家卫生城市常态化管理',
    target:
      '1.制定出台《枣庄市国家卫生城市管理办法》; \n2.结合疫情防控形势，组织实施不少于3次全面考核；                                              3.围绕考核中发现的重点难点问题和薄弱环节开展至少1次专项督导。',
    points: 10,
  },
];

/** Seed 000 附件1, 考核类 (L2): one row. */
export interface ResponsibilityRow {
  level1: string;
  level2: string;
  content: string;
  direction: string;
  standard: string;
  owner: string;
  person: string;
}

/** Seed 000 附件1, 考察类 (L3): rows sharing one 计分办法. */
export interface ObservationRow {
  level1: string;
  level2: string;
  content: string;
  owner: string;
  person: string;
}

export const SANMING_RESPONSIBILITY = {
  title: '2023年度省对市卫生健康绩效考评指标责任分解表',
  assessSection: '一、考核类指标',
  assessHeader: [
    '一级指标',
    '二级指标',
    '主要考核内容',
    '方向',
    '标准值',
    '数据采集责任\n科室单位',
    '责任人',
  ],
  assessRows: [
    {
      level1: '共享发展',
      level2: '医疗服务',
      content: '医疗服务群众满意率',
      direction: '+',
      standard: '上年值',
      owner: '医政科',
      person: '邱盛瑾',
    },
  ] as readonly ResponsibilityRow[],
  observeSection: '二、考察类指标',
  observeHeader: ['一级指标', '二级指标', '主要考核内容', '计分办法', '数据采集责任\n科室单位', '责任人'],
  /** Shared by all 考察类 rows (merged down in the document). */
  observeMethod: '参照省对市相关指标的专项考察办法,结合实际,另行制定考察类指标的专项考察办法。',
  observeRows: [
    {
      level1: '便利福建',
      level2: '医疗服务',
      content: '深化医改成效(含中医药工作)',
      owner: '体改科\n中医科教科\n有关科室',
      person: '周显葆\n童军',
    },
    {
      level1: '便利福建',
      level2: '医疗服务',
      content: '国家基本公共卫生服务项目实施成效',
      owner: '基妇科',
      person: '郑光镜',
    },
  ] as readonly ObservationRow[],
} as const;

/** Seed 000 附件2 (L4): the header of the blank 业务实绩考核标准 template. */
export const SANMING_RESULTS = {
  title: '2023年度市卫生健康委业务实绩考核标准',
  /** Row 2 (A2:B2 merged 考核指标; C, D, E, F, I merged down to row 3). */
  header1: [
    '考核指标',
    '',
    '年度目标',
    '制定依据',
    '指标属性',
    '上一年完\n成情况',
    '任务完\n成情况\n(90分)',
    '进步\n情况\n(10分)',
    '备注',
  ],
  /** Row 3. */
  header2: ['一级指标', '二级指标', '', '', '', '', '完成\n比例', '进步分', ''],
  blankRows: 5,
} as const;

/** Seed 000 附件3 (L5): one item (no points of its own). */
export interface StandardItem {
  indicator: string;
  goal: string;
  owner: string;
}

export interface StandardGroup {
  /** The label as written in column B, points in it. */
  label: string;
  items: readonly StandardItem[];
}

export const SANMING_SELF_BUILDING = {
  sheet: '自身建设和改革创新',
  title: '2024年度市卫生健康委自身建设和改革创新考核标准(55分)',
  header: ['项目', '', '指标设定', '年度工作目标', '责任科室'],
  /** Column A label over the five groups below. */
  selfLabel: '自身\n建设\n45分',
  groups: [
    {
      label: '从严\n治党\n(11分)',
      items: [
        {
          indicator:
            '1.严格落实习近平总书记重要讲话重要指示批示精神和党中央、国务院决策部署,以及省委省政府、市委、市政府工作要求。\n2.做好市委、市政府批办、督办件,人大审议意见,代表建议和政协提案、重点协商成果办理。\n3.加强规范性文件起草和备案、政策法规审核和公文审核,以及政务信息报送(含突发事件信息),政务公开信息公开工作。',
          goal: '1.深入贯彻落实习近平总书记重要讲话重要指示批示精神,按照党中央、国务院决策部署以及省委省政府、市委、市政府工作要求做好各项工作。\n2.按时完成市委、市政府领导批办、督办件以及人大、政协提案办理;\n3.及时做好党内规范性文件报备以及政策法规审核工作,及时做好信息报送工作(含突发事件信息)。',
          owner: '机关党办\n办公室\n政法监督科\n各科室',
        },
        {
          indicator:
            '1.学习贯彻党的二十大精神、党的二十届二中全会精神和全国、全省两会精神。\n2.落实《中国共产党党组工作条例》《中国共产党党和国家机关基层组织工作条例》,坚持和加强党的全面领导,依法依规规范党组织工作。\n3.落实党委(党组)全面从严治党主体责任,深入开展“模范机关”创建和“四联四促”活动。\n4.落实离退休干部党建工作。',
          goal: '1.扎实开展学习贯彻落实党的二十大精神、党的二十届二中全会精神和全国、全省两会精神\n2.深入贯彻落实《中国共产党党组工作条例》《中国共产党党和国家机关基层组织工作条例》等党内重要法规,开展党建业务培训,强化党建工作责任制考核,督促基层党组织严格落实“三会一课”等组织生活制度。\n3.协助党组召开年度民主生活会、领导班子述责述廉评议会,协助机关党委召开年度基层党组织书记述职评议会,督促落实基层党组织书记抓党建主体责任。\n4.在退休干部党组织中积极开展党建活动。',
          owner: '机关党办\n人事科\n相关科室',
        },
        {
          indicator:
            '1.严格遵守党规党纪,力戒形式主义、官僚主义,驰而不息纠正“四风”。\n2.领导班子成员廉洁从政,机关工作人员遵纪守法。\n3.认真贯彻民主集中制原则,严格落实“三重一大”制度,坚持集体讨论决定。\n4.重视支持配合巡察工作。严格落实巡察整改。',
          goal: '1.严格执行中央八项规定及其实施细则精神健全完善“一季一警示”机制,持续强化警示教育。\n2.开展廉政风险点排查,完善岗位廉政风险防控措施,做到廉政风险全覆盖。\n3.协助委党组征求党组会议议题,并要求各科室于会前征求党组成员意见;督促委机关科室及直属各单位严格落实“三重一大”制度。\n4.支持配合巡察工作。',
          owner: '机关党办\n各科室',
        },
        {
          indicator:
            '1.落实《中国共产党宣传工作条例》,加强党对宣传工作的领导。\n2.严格落实意识形态工作主体责任,强化意识形态阵地管理。',
          goal: '1.加强对所属网站、新媒体等平台的建设和管理。做细做实思想政治工作,坚持开展经常性谈心谈话。\n2.协助委党组制定理论学习中心组年度学习计划;制定领导班子成员意识形态工作责任清单;落实意识形态分析研判制度,每半年向上级党委报告一次意识形态工作情况;做好舆论引导管控和突发公共事件舆情处置工作。',
          owner: '机关党办\n宣传科',
        },
        {
          indicator:
            '1.开展党纪学习教育,坚定不移推进全面从严治党。\n2.围绕履行人才工作职责,落实人才发展工作。\n3.推进“三明革命老区高质量发展示范区”综合培训。',
          goal: '1.开展党纪学习教育,坚定不移推进全面从严治党。\n2.抓好人才发展工作。\n3.组织党员干部参加推进“三明革命老区高质量发展示范区”综合培训。',
          owner: '机关党办\n人事科',
        },
      ],
    },
    {
      label: '依法\n履职\n(11分)',
      items: [
        {
          indicator: '推进海峡两岸融合发展',
          goal: '完善台胞在明就医流程,改善台胞就医体验。',
          owner: '医政科',
        },
        {
          indicator:
            '1.优化营商环境,完善社会信用体系建设。\n2.落实新时代民营经济强省战略推进高质量发展工作。',
          goal: '1.推动高质量发展,营造良好营商环境,完善社会信用体系建设。\n2.,加强对民营医疗机构的管理,规范民营医疗机构执业行为。',
          owner: '政法监督科\n医政科',
        },
        {
          indicator:
            '1.依法依规履行职责,落实党政主要负责人履行法治建设第一责任人职责,开展法治政府示范创建。\n2.规范公正文明执法。\n3.落实省一体化大融合行政执法平台应用。\n4.落实“谁执法谁普法”责任制。\n5.加强行政应诉、行政复议、规范性文件备案审查。',
          goal: '1.围绕建设法治政府,严格执行法律法规,重大决策坚持集体讨论决定,落实党政主要负责人履行法治建设第一责任人职责,积极推进依法行政、推进法治政府建设,做好争创全国法治政府建设示范市工作;\n2.公正文明执法\n3.落实省一体化大融合行政执法平台应用。\n4.积极开展普法宣传。\n5.做好规范性文件备案审查。',
          owner: '政法监督科\n机关党办\n各科室',
        },
        {
          indicator: '加大财源培植,加强财政资金预算绩效、政府债务管理,遵守财务规定、厉行节约。',
          goal: '1.推动优质医疗资源向市区聚集;\n2.严格遵守财经纪律。',
          owner: '医政科\n中医科教科规划信息科',
        },
        {
          indicator: '落实国家安全责任制。',
          goal: '按照相关部门要求,配合做好国家安全各项工作。',
          owner: '办公室\n各科室',
        },
        {
          indicator: '依法做好文件材料归档工作。',
          goal: '按时依法完成文件材料归档任务。',
          owner: '办公室\n各科室',
        },
        {
          indicator: '认真及时整改审计发现的问题。',
          goal: '认真及时完成审计发现问题整改',
          owner: '规划信息科\n各相关科室',
        },
        {
          indicator:
            '强化省对市指标关联考评。加强省对市考评指标涉及单位的统筹调度、协作联动,由省对市考评指标牵头单位对二级指标支撑单位不作为、慢作为、乱作为,影响省对市指标考评成绩的情形予以扣分,合力推动考评指标创先争优。',
          goal: '按照各牵头单位的要求做好考评。',
          owner: '各科室',
        },
      ],
    },
    {
      label: '机关效能\n(11分)',
      items: [
        {
          indicator:
            '1.加强新时代机关效能建设工作,认真落实《市效能办关于全力推动“四领一促”工作进一步加强机关效能建设的通知》,大力传承弘扬“马上就办、真抓实干”等优良作风,努力建设让党放心、让人民群众满意的模范机关。\n2.认真落实《2024年三明市机关效能建设工作要点》,及时、高质量报送效能信息。\n3.绩效管理制度落实、有序开展。\n4.认真办理群众效能诉求,及时回应社会关切。',
          goal: '1.完善并落实机关管理制度;坚持立说立行、马上就办,加强督查督办,提高质量和效率;\n2.做好效能信息报送工作。\n3.制定委绩效管理方案,并认真组织实施;考核结果运用到个人年度考评中。\n4.认真办理群众诉求,及时回应社会关切。',
          owner: '办公室\n人事科\n各科室',
        },
        {
          indicator:
            '完善“互联网+政务服务”,促进政务服务标准化、规范化、便利化水平提升,加强数据汇聚及共享应用,提高审批服务效率。',
          goal: '推行“一趟不用跑”和“最多跑一趟”办事清单,可以全流程网上办理的事项,申请、受理、审查、批准、办结全部实现网上通办;细化梳理审批服务事项,提升审批服务标准化水平。',
          owner: '政法监督科\n(审批办)\n有关科室',
        },
        {
          indicator: '着力解决群众急难愁盼问题,切实保持社会发展大局安定稳定,做好信访事项办理',
          goal: '认真宣传贯彻《信访工作条例》,及时回应群众关心的热点难点问题,提高运用法治思维和法治方式开展群众工作、化解矛盾纠纷的能力,信访查阅率和回复率达100%。',
          owner: '办公室\n政法监督科\n各科室',
        },
        {
          indicator: '1.做好e三明平台建设。\n2.提升12345政务服务便民热线平台办理质量。',
          goal: '1.在卫健系统推广使用e三明平台,普及推广电子健康卡“多码协同”应用。\n2.12345便民服务平台接收及时率、办结反馈率达100%',
          owner: '办公室\n信息中心\n各科室',
        },
      ],
    },
    {
      label: '文明创建\n(6分)',
      items: [
        {
          indicator: '开展文明城市创建工作。',
          goal: '按时提交文明城市创建网上申报材料,认真督促文明城市实地检查点问题整改上报。',
          owner: '爱卫办',
        },
      ],
    },
    {
      label: '平安建设\n(6分)',
      items: [
        {
          indicator: '开展平安建设工作。',
          goal: '按时完成平安建设办公室相关任务,认真开展平安医院等工作',
          owner: '办公室\n医政科\n应急办',
        },
      ],
    },
  ] as readonly StandardGroup[],
  /** A:B merged label of the last row, and its one item. */
  reformLabel: '改革创新成效\n(10分)',
  reformItem: {
    indicator:
      '按照市委和市政府的要求,围绕“争优、争先、争效”,解放思想、更新观念,打破惯性思维和路径信赖,用改革的思路、改革的意识和改革的办法,研究问题、破解难题、推动工作,强化战略性基础性支撑,打造一流营商环境,推动经济实现质的有效提升和量的合理增长。选择报送1项本年度最具有创新性、成效性、推广性的创新成果。',
    goal: '改进和创新卫生健康和深化医改领域工作,确保有1项经验在省或省以上推广。',
    owner: '有关科室',
  } as StandardItem,
} as const;

/** Seed 003 附件2 (L6): one 评价项目 with its method and the deduction a reviewer entered. */
export interface EvaluationItem {
  label: string;
  method: string;
  deduction: number | null;
}

export interface EvaluationSection {
  title: string;
  /** Column A label merged over the items (sections 2 and 3); null in section 1. */
  groupLabel: string | null;
  items: readonly EvaluationItem[];
  totalLabel: string;
}

export const WENZHOU_EVALUATION = {
  annex: '附件2',
  title: '“万人双评议”暨卫健系统评议对象评价标准',
  header: ['评价项目', '评价方法', '扣分情况'],
  sections: [
    {
      title: '一、2024年度医疗卫生类评价标准',
      groupLabel: null,
      items: [
        {
          label: '评议工作及市卫生健康发展机会清单落实情况(5分)',
          method:
            '认真落实动员部署工作(0.5分),投稿刊登1篇以上工作信息(0.5分);完成日常服务数据的输录报送工作(1分);做好群众不满意意见的回访工作,并落实整改工作(1分);市卫生健康发展机会清单落实情况(2分):满意得2分,一般满意得1.6分,不满意不得分。',
          deduction: 0.4,
        },
        {
          label: '问题清单管理情况 (3分)',
          method:
            '1、整改问题数量(1分)少于规定数1个的扣0.5分,扣完为止,超额的则酌情加分;2、问题整改质量(1分):每个问题质量评价不满意的最多扣分不超0.5分,1分扣完为止;3、工作质量排序(1分):综合问题数量、整改难度和完成质量等情况,对各单位按“优、良、一般”进行分类排序,优得0.8-1分,良得0.5-0.75分,一般得0.25-0.45分。',
          deduction: 0.5,
        },
        {
          label: '行风作风日常\n监督情况(2分)',
          method:
            '1、现场查访,凡发现违反“四风”方面突出问题、作风效能建设等规定的,每例扣0.5分;2、群众举报、信访投诉件处理不力或未处理的扣1分。',
          deduction: null,
        },
        {
          label: '党风廉政建设情况(实行扣分制)',
          method:
            '3、所属单位领导班子成员、参评对象单位(科室)负责人以及一般工作人员受到党政纪处分的,分别每例扣2分、1分和0.5分。10分扣完为止。(本单位主动发现并查处的不扣分)',
          deduction: 1,
        },
      ],
      totalLabel: '合 计',
    },
    {
      title: '二、2024年度委属公共卫生健康单位评价标准(不含市急救中心)',
      groupLabel: '委属公共卫生健康单位\n评价',
      items: [
        {
          label: '评议工作组织\n落实情况\n(2分)',
          method:
            '认真开展动员部署工作,形成外评内议相结合互动态势(0.25分);开展单位内部评议活动,并及时上报活动进展情况(0.25分);完成日常服务数据的输录报送工作(0.5分);做好群众不满意意见的回访工作,并落实整改工作(0.5分);市卫生健康发展机会清单落实情况(0.5分):满意得0.5分,一般满意得0.4分,不满意不得分。',
          deduction: 0.25,
        },
        {
          label: '工作绩效\n评价排序情况\n(1.25分)',
          method:
            '根据委属单位工作绩效综合评价结果排序情况核算得分,排序前两位不扣分,第3位扣0.2分,第4位扣0.3分,第5位扣0.4分,第6位扣0.5分,评议分数扣完为止。',
          deduction: 0.2,
        },
        {
          label: '队伍及作风建设落实情况(1)',
          method:
            '查阅台帐、实地检查等方法评价排序赋分:1、党建和党风廉政建设、意识形态责任制落实情况评价(0.5分);2、问题清单管理情况(0.25分,评价赋分方法参照医疗卫生类);3、开展“破梗阻·优服务”专项行动活动开展情况(0.25分)。',
          deduction: null,
        },
        {
          label: '行风作风\n日常监督情况\n(0.75分)',
          method:
            '1、现场查访,凡发现违反“四风”方面突出问题、作风效能建设等规定的,每例扣0.25分;2、群众举报、信访投诉件处理不力或未处理的扣0.25分;3、所属单位领导班子成员、参评对象单位(科室)负责人以及一般工作人员受到党政纪处分的,分别每例扣0.5分、0.25分和0.15分。评议分数扣完为止。(本单位主动发现并查处的不扣分)',
          deduction: 0.25,
        },
      ],
      totalLabel: '合计',
    },
    {
      title: '三、2024年度委机关中层处室评价标准',
      groupLabel: '委机关中层处室\n评价',
      items: [
        {
          label: '日常整风肃纪\n检查情况\n(1分)',
          method:
            '凡因处室责任原因,导致我委在年终绩效考核等项目考核中被扣分的,扣0.25分;违反机关效能“四条禁令”被有关部门查实的,扣0.15分;在委内部组织的明察暗访中,出现无故不在岗等违反我委规章制度的,扣0.05分;其它应扣分事项,由委“万人双评议”工作领导小组讨论决定。评议分数扣完为止。',
          deduction: 0.15,
        },
        {
          label: '工作绩效\n评价排序情况\n(2.5分)',
          method:
            '根据委机关组织进行的工作绩效评价结果排序情况核算得分,排序前5位不扣分,第6位扣0.25分,随后排序每后移一位加扣0.25分,评议分数扣完为止。',
          deduction: 0.5,
        },
        {
          label: '作风效能日常\n监督评议情况\n(1分)',
          method:
            '凡处室人员因违反作风效能建设等规定的,每例扣0.25分;每发现一例群众投诉举报并查实的扣0.25分;受到党政纪处分的,扣1分。评议分数扣完为止。',
          deduction: null,
        },
        {
          label: '市卫生健康发展机会清单落实情况(0.5)',
          method: '市卫生健康发展机会清单落实情况(0.5分):满意得0.5分,一般满意得0.4分,不满意不得分。',
          deduction: 0.1,
        },
      ],
      totalLabel: '合计',
    },
  ] as readonly EvaluationSection[],
} as const;

/** Seed 003 附件3 (L7): one filled row of the rectification list. */
export interface RectificationRow {
  seq: number;
  problem: string;
  measure: string;
  result: string;
}

export const WENZHOU_RECTIFICATION = {
  annex: '附件3',
  title: '2024年全市卫健系统“万人双评议”重点问题排查整治清单',
  unitLabel: '填报单位(盖章):',
  signLabel: '负责人签字:',
  unit: '温州市中心医院(综合性医院)',
  mistakesUnit: '温州医科大学附属第一医院(综合性医院)',
  header: ['序号', '排查的重点问题', '整改措施及时限', '整改成效'],
  /** Five rows filled in by the clerk (not in the seed: written in the documents' style). */
  rows: [
    {
      seq: 1,
      problem: '门诊就医流程繁琐，挂号、缴费、检查多次排队，患者等候时间长',
      measure: '推行诊间结算和检查集中预约“一站式”服务，增设自助机10台；2024年6月底前完成',
      result: '门诊患者平均等候时间由42分钟缩短至25分钟',
    },
    {
      seq: 2,
      problem: '群众不满意意见回访不及时，整改落实未形成闭环',
      measure: '建立不满意件回访台账，职能科室2个工作日内回访、10个工作日内反馈整改结果；2024年4月底前完成',
      result: '不满意件回访率100%，按时整改率98%',
    },
    {
      seq: 3,
      problem: '医疗投诉处理中个别医务人员态度生硬，解释沟通不充分',
      measure: '开展医患沟通专题培训，落实投诉接待“首问负责制”；2024年5月底前完成',
      result: '完成全院培训6场，投诉件环比下降30%',
    },
    {
      seq: 4,
      problem: '住院患者出院结算需往返多个窗口办理',
      measure: '推行床边结算和出院结算“一窗通办”；2024年7月底前完成',
      result: '床边结算覆盖全部病区',
    },
    {
      seq: 5,
      problem: '院内导诊标识不清，老年患者就医指引不足',
      measure: '更新院内导视系统，设置老年人就医绿色通道和志愿者导诊岗；2024年5月底前完成',
      result: '新增导视标识120处，导诊志愿者每日在岗8人',
    },
  ] as readonly RectificationRow[],
  /** How many rows the mistakes variant fills (a 综合性医院 needs at least 5). */
  mistakesFilled: 3,
  notes: [
    '注:1.综合性医院整改至少5个问题、专科性医院整改至少3个问题,其他卫生健康单位整改至少2个问题;',
    '2.要求各单位分别在2024年4月底、10月底前上报整改进度情况;',
    '3.排查问题清单以本表格形式上报,整改进展情况重点围绕措施落实及其进展成效等情况可以文字介绍形式上报。',
  ],
} as const;

/** Seed 002 第四篇 (L8): 永昌县第二人民医院. */
export interface WeightRow {
  category: string;
  /** A fraction: 25% is 0.25. */
  weight: number;
}

export interface CoefficientRow {
  dept: string;
  coefficient: number;
}

export interface QuotaRow {
  dept: string;
  /** 万元/月. */
  quota: number;
}

export const YONGCHANG = {
  weightsTitle: '永昌县第二人民医院科室平衡记分卡考核权重',
  weightsHeader: ['考核指标', '权重'],
  /** 25% + 70% + 10% = 105%: the error is in the published document. */
  weights: [
    { category: '德、勤指标', weight: 0.25 },
    { category: '服务数量、质量指标', weight: 0.7 },
    { category: '群众满意度指标', weight: 0.1 },
  ] as readonly WeightRow[],
  weightsTotal: { label: '合计', weight: 1 },
  coefficientsTitle: '科室系数',
  coefficientsHeader: ['科室', '科室系数'],
  coefficients: [
    { dept: '办公室', coefficient: 1 },
    { dept: '财务科', coefficient: 1 },
    { dept: '后勤科', coefficient: 1 },
    { dept: '公卫', coefficient: 1 },
    { dept: '医务科', coefficient: 1 },
    { dept: '护理部', coefficient: 1 },
    { dept: '合管科', coefficient: 1 },
    { dept: '外科', coefficient: 2 },
    { dept: '五官科', coefficient: 2 },
    { dept: '妇产科', coefficient: 2 },
    { dept: '手术室', coefficient: 2 },
    { dept: '内科', coefficient: 2 },
    { dept: '急诊科', coefficient: 2 },
    { dept: '中医科', coefficient: 2 },
    { dept: '放射科', coefficient: 2 },
    { dept: '功能科', coefficient: 2 },
    { dept: '检验科', coefficient: 2 },
    { dept: '药剂科', coefficient: 1 },
  ] as readonly CoefficientRow[],
  quotasTitle: '临床科室核定任务数',
  quotasHeader: ['科室', '核定任务数\n（万元/月）'],
  quotas: [
    { dept: '外科', quota: 18.67 },
    { dept: '五官科', quota: 0.58 },
    { dept: '妇产科', quota: 6.25 },
    { dept: '手术室', quota: 3.5 },
    { dept: '内科', quota: 12.58 },
    { dept: '急诊科', quota: 3.17 },
    { dept: '中医科', quota: 0.67 },
    { dept: '放射科', quota: 4.83 },
    { dept: '功能科', quota: 2.5 },
    { dept: '检验科', quota: 4.83 },
  ] as readonly QuotaRow[],
} as const;

// =============================================================================================
// Files, sheets and the findings a checker should report
// =============================================================================================

/** A finding a checker should report on an example (or, with code null, a documented oddity). */
export interface ExpectedFinding {
  sheet: string;
  cell: string;
  code: FindingCode | null;
  note: string;
}

/** A cell value written by a mistake edit (null clears the cell). */
export type EditValue = ExcelJS.CellValue;

/** A deliberate mistake: the finding, and the edit that makes it (structural ones have none). */
export interface Mistake extends ExpectedFinding {
  /** Cells set to `value` (several when a repeated label changes on every copy). */
  edit?: { cells: readonly string[]; value: EditValue };
  hideRow?: number;
}

export interface ExampleSpec {
  /** Base name without extension; the mistakes variant is `${name}-mistakes.xlsx`. */
  name: string;
  layout: string;
  seed: string;
  sheets: readonly string[];
  /** Findings expected on the clean file (errors that are in the published document). */
  clean: readonly ExpectedFinding[];
  /** null: no mistakes variant. */
  mistakes: readonly Mistake[] | null;
}

const ZZ = '任务要点';
const SM1 = '指标责任分解';
const WZ2 = '评价标准';
const WZ3 = '整改清单';
const YC_W = '平衡记分卡权重';
const YC_K = '科室系数';
const YC_Q = '核定任务数';

/** First row of the items of the zaozhuang table. */
const ZZ_FIRST = 6;
const zzName = (row: number): string => ZAOZHUANG_KEY_WORK[row - ZZ_FIRST]?.name ?? '';

export const EXAMPLES: readonly ExampleSpec[] = [
  {
    name: 'zaozhuang-2022-tasks',
    layout: 'L1',
    seed: '001',
    sheets: [ZZ],
    clean: [],
    mistakes: [
      {
        sheet: ZZ,
        cell: 'E9',
        code: 'NUMBER_AS_TEXT',
        note: '信访稳定: points typed as text "5分"',
        edit: { cells: ['E9'], value: '5分' },
      },
      {
        sheet: ZZ,
        cell: 'E14',
        code: 'NUMBER_AS_TEXT',
        note: '做好新冠肺炎疫情防控工作: points typed as full-width text "１０"',
        edit: { cells: ['E14'], value: '１０' },
      },
      {
        sheet: ZZ,
        cell: 'E20',
        code: 'POINTS_MISSING',
        note: `${zzName(20)}: points cell empty (was 5)`,
        edit: { cells: ['E20'], value: null },
      },
      {
        sheet: ZZ,
        cell: 'E25',
        code: 'CELL_ERROR',
        note: `${zzName(25)}: points cell is the formula =E7/0, cached result #DIV/0! (was 5)`,
        edit: { cells: ['E25'], value: { formula: 'E7/0', result: { error: '#DIV/0!' } } },
      },
      {
        sheet: ZZ,
        cell: 'D33',
        code: 'TARGET_MISSING',
        note: `${zzName(33)}: 年度目标 empty`,
        edit: { cells: ['D33'], value: null },
      },
      {
        sheet: ZZ,
        cell: 'C40',
        code: 'HIDDEN_ROW',
        note: `row 40 (${zzName(40)}) hidden`,
        hideRow: 40,
      },
      {
        sheet: ZZ,
        cell: 'C44',
        code: 'DUPLICATE_ITEM',
        note: `C44 (was ${zzName(44)}) now repeats C43 "${zzName(43)}"`,
        edit: { cells: ['C44'], value: zzName(43) },
      },
      {
        sheet: ZZ,
        cell: 'B6',
        code: 'POINTS_SUM_MISMATCH',
        note: '重点（职能）工作（380分）: the items now add up to 370 (E20 empty, E25 an error; "5分" and "１０" read as 5 and 10)',
      },
    ],
  },
  {
    name: 'sanming-2023-responsibility',
    layout: 'L2 + L3',
    seed: '000 附件1',
    sheets: [SM1],
    clean: [],
    mistakes: [
      {
        sheet: SM1,
        cell: 'D4',
        code: 'DIRECTION_INVALID',
        note: '方向 "↑" instead of +',
        edit: { cells: ['D4'], value: '↑' },
      },
      {
        sheet: SM1,
        cell: 'E4',
        code: 'STANDARD_MISSING',
        note: '标准值 empty (was 上年值)',
        edit: { cells: ['E4'], value: null },
      },
      {
        sheet: SM1,
        cell: 'E9',
        code: 'OWNER_MISSING',
        note: '国家基本公共卫生服务项目实施成效: 责任科室单位 empty (was 基妇科)',
        edit: { cells: ['E9'], value: null },
      },
      {
        sheet: SM1,
        cell: 'F8',
        code: 'PERSON_MISSING',
        note: '深化医改成效(含中医药工作): 责任人 empty (was 周显葆 童军)',
        edit: { cells: ['F8'], value: null },
      },
    ],
  },
  {
    name: 'sanming-2023-results-standard',
    layout: 'L4',
    seed: '000 附件2',
    sheets: ['业务实绩考核标准'],
    clean: [],
    mistakes: null,
  },
  {
    name: 'sanming-2024-self-building',
    layout: 'L5',
    seed: '000 附件3',
    sheets: [SANMING_SELF_BUILDING.sheet],
    clean: [],
    mistakes: [
      {
        sheet: SANMING_SELF_BUILDING.sheet,
        cell: 'A3',
        code: null,
        note: 'columns A and B not merged: the group labels are repeated on every row (A3:A21, B3:B21; A22 alone, B22 empty) as page-break copies do; the groups are the same',
      },
      {
        sheet: SANMING_SELF_BUILDING.sheet,
        cell: 'A3',
        code: 'POINTS_SUM_MISMATCH',
        note: '自身建设45分: 11 + 11 + 12 + 6 + 6 = 46 because B16:B19 read "机关效能\\n(12分)"',
        edit: { cells: ['B16', 'B17', 'B18', 'B19'], value: '机关效能\n(12分)' },
      },
      {
        sheet: SANMING_SELF_BUILDING.sheet,
        cell: 'E20',
        code: 'OWNER_MISSING',
        note: '文明创建 item: 责任科室 empty (was 爱卫办)',
        edit: { cells: ['E20'], value: null },
      },
      {
        sheet: SANMING_SELF_BUILDING.sheet,
        cell: 'D21',
        code: 'TARGET_MISSING',
        note: '平安建设 item: 年度工作目标 empty',
        edit: { cells: ['D21'], value: null },
      },
    ],
  },
  {
    name: 'wenzhou-2024-evaluation',
    layout: 'L6',
    seed: '003 附件2',
    sheets: [WZ2],
    clean: [],
    mistakes: [
      {
        sheet: WZ2,
        cell: 'C6',
        code: 'NUMBER_AS_TEXT',
        note: '问题清单管理情况: deduction typed as text "0.5分"',
        edit: { cells: ['C6'], value: '0.5分' },
      },
      {
        sheet: WZ2,
        cell: 'C7',
        code: 'DEDUCTION_EXCEEDS',
        note: '行风作风日常监督情况(2分): deduction 2.5 > 2',
        edit: { cells: ['C7'], value: 2.5 },
      },
      {
        sheet: WZ2,
        cell: 'D15',
        code: 'CELL_ERROR',
        note: '队伍及作风建设落实情况: deduction is the formula =D13+B15, cached result #VALUE!',
        edit: { cells: ['D15'], value: { formula: 'D13+B15', result: { error: '#VALUE!' } } },
      },
      {
        sheet: WZ2,
        cell: 'B22',
        code: null,
        note: '工作绩效评价排序情况 now (3分): section 3 adds up to 5.5 instead of 5; no total is declared, so there is nothing to report',
        edit: { cells: ['B22'], value: '工作绩效\n评价排序情况\n(3分)' },
      },
    ],
  },
  {
    name: 'wenzhou-2024-rectification',
    layout: 'L7',
    seed: '003 附件3',
    sheets: [WZ3],
    clean: [],
    mistakes: [
      {
        sheet: WZ3,
        cell: 'B8',
        code: 'MIN_ROWS',
        note: '综合性医院 must list at least 5 problems; only rows 5–7 are filled (rows 8 and 9 keep only their 序号); reported at B8, where the next problem goes',
      },
    ],
  },
  {
    name: 'yongchang-2011-scorecard',
    layout: 'L8',
    seed: '002 第四篇',
    sheets: [YC_W, YC_K, YC_Q],
    clean: [
      {
        sheet: YC_W,
        cell: 'B6',
        code: 'POINTS_SUM_MISMATCH',
        note: '25% + 70% + 10% = 105% ≠ 100% (as published)',
      },
    ],
    mistakes: [
      {
        sheet: YC_W,
        cell: 'B3',
        code: 'NUMBER_AS_TEXT',
        note: 'weight typed as text "25%"',
        edit: { cells: ['B3'], value: '25%' },
      },
      {
        sheet: YC_W,
        cell: 'B4',
        code: 'NUMBER_AS_TEXT',
        note: 'weight typed as text "70%"',
        edit: { cells: ['B4'], value: '70%' },
      },
      {
        sheet: YC_W,
        cell: 'B5',
        code: 'NUMBER_AS_TEXT',
        note: 'weight typed as text "10%"',
        edit: { cells: ['B5'], value: '10%' },
      },
      {
        sheet: YC_W,
        cell: 'B6',
        code: 'POINTS_SUM_MISMATCH',
        note: 'still 105% ≠ 100%',
      },
      {
        sheet: YC_K,
        cell: 'B14',
        code: 'NUMBER_AS_TEXT',
        note: '内科: coefficient typed as full-width text "２"',
        edit: { cells: ['B14'], value: '２' },
      },
      {
        sheet: YC_K,
        cell: 'A16',
        code: 'DUPLICATE_ITEM',
        note: '急诊科 appears twice (rows 15 and 16); the rows below move down by one (药剂科 is row 21)',
      },
      {
        sheet: YC_Q,
        cell: 'B10',
        code: 'CELL_ERROR',
        note: '放射科: 核定任务数 is the error value #N/A (pasted from a failed lookup)',
        edit: { cells: ['B10'], value: { error: '#N/A' } },
      },
    ],
  },
];

// =============================================================================================
// Sheet model: cells with a style name, merges, hidden rows. Built per layout, then edited.
// =============================================================================================

export type StyleName =
  'annex' | 'title' | 'subtitle' | 'section' | 'line' | 'header' | 'label' | 'text' | 'value' | 'note';

export interface CellSpec {
  value: ExcelJS.CellValue;
  style: StyleName;
  numFmt?: string;
}

export interface SheetSpec {
  name: string;
  /** Column widths from column A. */
  widths: readonly number[];
  cells: Map<string, CellSpec>;
  merges: string[];
  hiddenRows: Set<number>;
  landscape: boolean;
}

// 1-based column numbers here, as ExcelJS counts; the engine's helpers are 0-based.
const columnLetter = (col: number): string => engineColumnLetter(col - 1);
const columnNumber = (letters: string): number => columnIndex(letters) + 1;

function addr(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

function parseAddr(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new Error(`bad address ${a}`);
  return { row: Number(m[2]), col: columnNumber(m[1] ?? '') };
}

function parseRange(r: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = r.split(':');
  const s = parseAddr(a ?? '');
  const e = parseAddr(b ?? a ?? '');
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

class SheetBuilder {
  readonly spec: SheetSpec;

  constructor(name: string, widths: readonly number[], landscape = true) {
    this.spec = { name, widths, cells: new Map(), merges: [], hiddenRows: new Set(), landscape };
  }

  set(a: string, value: ExcelJS.CellValue, style: StyleName, numFmt?: string): this {
    this.spec.cells.set(a, numFmt === undefined ? { value, style } : { value, style, numFmt });
    return this;
  }

  /** Values from column `fromCol` (1 = A) on, one style. */
  row(row: number, values: readonly ExcelJS.CellValue[], style: StyleName, fromCol = 1): this {
    values.forEach((v, i) => this.set(addr(row, fromCol + i), v, style));
    return this;
  }

  /** Styles every cell of the range (borders on merged cells), value in the top-left. */
  merge(range: string, value: ExcelJS.CellValue, style: StyleName): this {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        this.set(addr(row, col), row === r.top && col === r.left ? value : null, style);
      }
    }
    if (r.top !== r.bottom || r.left !== r.right) this.spec.merges.push(range);
    return this;
  }
}

export type Variant = 'clean' | 'mistakes';

// =============================================================================================
// Layouts
// =============================================================================================

/** L1, seed 001: sheet 任务要点. */
function zaozhuangSheet(): SheetSpec {
  const h = ZAOZHUANG_HEAD;
  const b = new SheetBuilder(ZZ, [14, 14, 30, 62, 11]);
  b.set('A1', h.annex, 'annex');
  b.merge('A2:E2', h.unit, 'subtitle');
  b.merge('A3:E3', h.title, 'title');
  b.merge('A4:E4', h.signature, 'line');
  b.row(5, h.header, 'header');
  const items = [...ZAOZHUANG_KEY_WORK, ...ZAOZHUANG_SPECIAL];
  const last = ZZ_FIRST + items.length - 1;
  const keyLast = ZZ_FIRST + ZAOZHUANG_KEY_WORK.length - 1;
  b.merge(`A${ZZ_FIRST}:A${last}`, h.level1, 'label');
  b.merge(`B${ZZ_FIRST}:B${keyLast}`, h.keyWorkLabel, 'label');
  b.merge(`B${keyLast + 1}:B${last}`, h.specialLabel, 'label');
  items.forEach((it, i) => {
    const row = ZZ_FIRST + i;
    b.set(`C${row}`, it.name, 'text');
    b.set(`D${row}`, it.target, 'text');
    b.set(`E${row}`, it.points, 'value');
  });
  return b.spec;
}

/** L2 + L3, seed 000 附件1: sheet 指标责任分解. */
function sanmingResponsibilitySheet(): SheetSpec {
  const d = SANMING_RESPONSIBILITY;
  const b = new SheetBuilder(SM1, [12, 12, 30, 34, 16, 12, 10]);
  b.merge('A1:G1', d.title, 'title');
  b.merge('A2:G2', d.assessSection, 'section');
  b.row(3, d.assessHeader, 'header');
  d.assessRows.forEach((r, i) => {
    const row = 4 + i;
    b.row(row, [r.level1, r.level2], 'label');
    b.set(`C${row}`, r.content, 'text');
    b.row(row, [r.direction, r.standard, r.owner, r.person], 'value', 4);
  });
  const sectionRow = 4 + d.assessRows.length + 1;
  b.merge(`A${sectionRow}:F${sectionRow}`, d.observeSection, 'section');
  b.row(sectionRow + 1, d.observeHeader, 'header');
  const first = sectionRow + 2;
  const last = first + d.observeRows.length - 1;
  const top = d.observeRows[0];
  if (!top) throw new Error('no 考察类 rows');
  b.merge(`A${first}:A${last}`, top.level1, 'label');
  b.merge(`B${first}:B${last}`, top.level2, 'label');
  b.merge(`D${first}:D${last}`, d.observeMethod, 'text');
  d.observeRows.forEach((r, i) => {
    const row = first + i;
    b.set(`C${row}`, r.content, 'text');
    b.row(row, [r.owner, r.person], 'value', 5);
  });
  return b.spec;
}

/** L4, seed 000 附件2: sheet 业务实绩考核标准 (header only, as published). */
function sanmingResultsSheet(): SheetSpec {
  const d = SANMING_RESULTS;
  const b = new SheetBuilder('业务实绩考核标准', [12, 12, 22, 14, 10, 10, 10, 10, 10]);
  b.merge('A1:I1', d.title, 'title');
  b.merge('A2:B2', d.header1[0], 'header');
  for (const col of ['C', 'D', 'E', 'F', 'I']) {
    b.merge(`${col}2:${col}3`, d.header1[columnNumber(col) - 1] ?? '', 'header');
  }
  b.set('G2', d.header1[6], 'header');
  b.set('H2', d.header1[7], 'header');
  b.set('A3', d.header2[0], 'header');
  b.set('B3', d.header2[1], 'header');
  b.set('G3', d.header2[6], 'header');
  b.set('H3', d.header2[7], 'header');
  for (let i = 0; i < d.blankRows; i++) b.row(4 + i, Array<null>(9).fill(null), 'text');
  return b.spec;
}

/** L5, seed 000 附件3. The mistakes variant repeats the labels instead of merging them. */
function sanmingSelfBuildingSheet(variant: Variant): SheetSpec {
  const d = SANMING_SELF_BUILDING;
  const merged = variant === 'clean';
  const b = new SheetBuilder(d.sheet, [8, 11, 52, 52, 14]);
  b.merge('A1:E1', d.title, 'title');
  b.merge('A2:B2', d.header[0], 'header');
  b.row(2, d.header.slice(2), 'header', 3);
  let row = 3;
  const selfFirst = row;
  for (const g of d.groups) {
    const first = row;
    for (const it of g.items) {
      b.row(row, [it.indicator, it.goal], 'text', 3);
      b.set(`E${row}`, it.owner, 'value');
      if (!merged) b.set(`A${row}`, d.selfLabel, 'label').set(`B${row}`, g.label, 'label');
      row++;
    }
    if (merged) b.merge(`B${first}:B${row - 1}`, g.label, 'label');
  }
  if (merged) b.merge(`A${selfFirst}:A${row - 1}`, d.selfLabel, 'label');
  if (merged) b.merge(`A${row}:B${row}`, d.reformLabel, 'label');
  else b.set(`A${row}`, d.reformLabel, 'label').set(`B${row}`, null, 'label');
  b.row(row, [d.reformItem.indicator, d.reformItem.goal], 'text', 3);
  b.set(`E${row}`, d.reformItem.owner, 'value');
  return b.spec;
}

/** L6, seed 003 附件2: sheet 评价标准, three sections. */
function wenzhouEvaluationSheet(): SheetSpec {
  const d = WENZHOU_EVALUATION;
  const b = new SheetBuilder(WZ2, [26, 40, 40, 10]);
  b.set('A1', d.annex, 'annex');
  b.merge('A2:D2', d.title, 'title');
  let row = 3;
  d.sections.forEach((s, si) => {
    if (si > 0) row++; // an empty row between sections
    if (s.groupLabel === null) {
      b.merge(`A${row}:C${row}`, s.title, 'section');
      b.row(row + 1, d.header, 'header');
      row += 2;
      for (const it of s.items) {
        b.set(`A${row}`, it.label, 'label');
        b.set(`B${row}`, it.method, 'text');
        b.set(`C${row}`, it.deduction, 'value');
        row++;
      }
      b.set(`A${row}`, s.totalLabel, 'label').row(row, [null, null], 'value', 2);
    } else {
      b.merge(`A${row}:D${row}`, s.title, 'section');
      b.merge(`A${row + 1}:B${row + 1}`, d.header[0], 'header');
      b.row(row + 1, d.header.slice(1), 'header', 3);
      row += 2;
      b.merge(`A${row}:A${row + s.items.length - 1}`, s.groupLabel, 'label');
      for (const it of s.items) {
        b.set(`B${row}`, it.label, 'label');
        b.set(`C${row}`, it.method, 'text');
        b.set(`D${row}`, it.deduction, 'value');
        row++;
      }
      b.merge(`A${row}:B${row}`, s.totalLabel, 'label').row(row, [null, null], 'value', 3);
    }
    row++;
  });
  return b.spec;
}

/** L7, seed 003 附件3: sheet 整改清单. */
function wenzhouRectificationSheet(variant: Variant): SheetSpec {
  const d = WENZHOU_RECTIFICATION;
  const b = new SheetBuilder(WZ3, [7, 36, 44, 30]);
  b.set('A1', d.annex, 'annex');
  b.merge('A2:D2', d.title, 'title');
  const unit = variant === 'clean' ? d.unit : d.mistakesUnit;
  b.merge('A3:D3', d.unitLabel + unit + ' '.repeat(20) + d.signLabel, 'line');
  b.row(4, d.header, 'header');
  const filled = variant === 'clean' ? d.rows.length : d.mistakesFilled;
  d.rows.forEach((r, i) => {
    const row = 5 + i;
    b.set(`A${row}`, r.seq, 'value');
    if (i < filled) b.row(row, [r.problem, r.measure, r.result], 'text', 2);
    else b.row(row, [null, null, null], 'text', 2);
  });
  const noteRow = 5 + d.rows.length;
  d.notes.forEach((n, i) => b.merge(`A${noteRow + i}:D${noteRow + i}`, n, 'note'));
  return b.spec;
}

/** L8, seed 002 第四篇: three sheets. The mistakes variant lists 急诊科 twice. */
function yongchangSheets(variant: Variant): SheetSpec[] {
  const d = YONGCHANG;
  const w = new SheetBuilder(YC_W, [24, 12], false);
  w.merge('A1:B1', d.weightsTitle, 'title');
  w.row(2, d.weightsHeader, 'header');
  d.weights.forEach((r, i) => {
    w.set(`A${3 + i}`, r.category, 'text');
    w.set(`B${3 + i}`, r.weight, 'value', '0%');
  });
  const totalRow = 3 + d.weights.length;
  w.set(`A${totalRow}`, d.weightsTotal.label, 'label');
  w.set(`B${totalRow}`, d.weightsTotal.weight, 'value', '0%');

  const k = new SheetBuilder(YC_K, [16, 12], false);
  k.set('A1', d.coefficientsTitle, 'subtitle');
  k.row(2, d.coefficientsHeader, 'header');
  const coefficients: CoefficientRow[] = [];
  for (const c of d.coefficients) {
    coefficients.push(c);
    if (variant === 'mistakes' && c.dept === '急诊科') coefficients.push({ ...c });
  }
  coefficients.forEach((c, i) => {
    k.set(`A${3 + i}`, c.dept, 'text');
    k.set(`B${3 + i}`, c.coefficient, 'value');
  });

  const q = new SheetBuilder(YC_Q, [16, 16], false);
  q.set('A1', d.quotasTitle, 'subtitle');
  q.row(2, d.quotasHeader, 'header');
  d.quotas.forEach((c, i) => {
    q.set(`A${3 + i}`, c.dept, 'text');
    q.set(`B${3 + i}`, c.quota, 'value', '0.00');
  });
  return [w.spec, k.spec, q.spec];
}

/** The sheets of one example in one variant, mistakes applied. */
export function exampleSheets(name: string, variant: Variant): SheetSpec[] {
  const example = EXAMPLES.find((e) => e.name === name);
  if (!example) throw new Error(`unknown example ${name}`);
  let sheets: SheetSpec[];
  switch (name) {
    case 'zaozhuang-2022-tasks':
      sheets = [zaozhuangSheet()];
      break;
    case 'sanming-2023-responsibility':
      sheets = [sanmingResponsibilitySheet()];
      break;
    case 'sanming-2023-results-standard':
      sheets = [sanmingResultsSheet()];
      break;
    case 'sanming-2024-self-building':
      sheets = [sanmingSelfBuildingSheet(variant)];
      break;
    case 'wenzhou-2024-evaluation':
      sheets = [wenzhouEvaluationSheet()];
      break;
    case 'wenzhou-2024-rectification':
      sheets = [wenzhouRectificationSheet(variant)];
      break;
    case 'yongchang-2011-scorecard':
      sheets = yongchangSheets(variant);
      break;
    default:
      throw new Error(`no layout for ${name}`);
  }
  if (variant === 'mistakes') {
    if (!example.mistakes) throw new Error(`${name} has no mistakes variant`);
    for (const m of example.mistakes) {
      const sheet = sheets.find((s) => s.name === m.sheet);
      if (!sheet) throw new Error(`no sheet ${m.sheet} in ${name}`);
      if (m.edit) for (const c of m.edit.cells) editCell(sheet, c, m.edit.value);
      if (m.hideRow !== undefined) sheet.hiddenRows.add(m.hideRow);
    }
  }
  return sheets;
}

/** Replaces a value, keeping the cell's style; the cell must exist in the layout. */
function editCell(sheet: SheetSpec, a: string, value: ExcelJS.CellValue): void {
  const old = sheet.cells.get(a);
  if (!old) throw new Error(`edit of unset cell ${sheet.name}!${a}`);
  // A number retyped as text sits in a cell formatted as text (as when typed after setting 文本).
  const asText = typeof value === 'string' && typeof old.value === 'number';
  sheet.cells.set(a, asText ? { ...old, value, numFmt: '@' } : { ...old, value });
}

// =============================================================================================
// PERF formulas: examples/perf-formulas.xlsx, one row per PERF function next to its expected value
// =============================================================================================

/** The sheet of examples/perf-formulas.xlsx. */
export const PERF_SHEET = 'PERF函数';

/**
 * One row of the PERF example: C actual · D rule · E points · F target · G the formula ·
 * H the value docs/domain.md gives (an error literal such as "#VALUE!" for the bad call; null where
 * there is no fixed expectation) · I where the value comes from.
 */
export interface PerfFormulaRow {
  row: number;
  label: string;
  actual?: number | string;
  actualFormat?: string;
  rule?: string;
  points?: number | { formula: string };
  target?: number;
  /** Excel formula without the leading "=". */
  formula: string;
  expected: number | string | null;
  note: string;
}

const LINEAR_RULE = '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽';

export const PERF_FORMULA_ROWS: readonly PerfFormulaRow[] = [
  {
    row: 3,
    label: '线性扣分',
    actual: 0.765,
    actualFormat: '0.0%',
    rule: LINEAR_RULE,
    points: 10,
    formula: 'PERF.SCORE(C3,D3,E3)',
    expected: 6.5,
    note: 'docs/domain.md 线性扣分：76.5% → 10 − 3.5 = 6.5（不足一个百分点按比例）',
  },
  {
    row: 4,
    label: '阈值（含边界）',
    actual: 0.9,
    actualFormat: '0%',
    rule: '知晓率≥90%',
    points: 5,
    formula: 'PERF.SCORE(C4,D4,E4)',
    expected: 5,
    note: '“≥/以上/不低于”含边界：90% 得满分',
  },
  {
    row: 5,
    label: '阈值（不含边界）',
    actual: 0.8,
    actualFormat: '0%',
    rule: '体检率超过80%',
    points: 5,
    formula: 'PERF.SCORE(C5,D5,E5)',
    expected: 0,
    note: '“超过/低于/不足”不含边界：正好 80% 不得分',
  },
  {
    row: 6,
    label: '步长扣分',
    actual: 250,
    rule: '每少增加100个机位扣3分',
    points: 10,
    target: 400,
    formula: 'PERF.SCORE(C6,D6,E6,F6)',
    expected: 5.5,
    note: '目标 400，少 150 个机位，按比例扣 4.5 分',
  },
  {
    row: 7,
    label: '计数扣分',
    actual: 1,
    rule: '未完成1项扣5分',
    points: 10,
    formula: 'PERF.SCORE(C7,D7,E7)',
    expected: 5,
    note: '枣庄 2022 法治建设：未完成 1 项',
  },
  {
    row: 8,
    label: '计数扣分（扣完为止）',
    actual: 3,
    rule: '每例扣0.5分，扣完为止',
    points: 2,
    formula: 'PERF.SCORE(C8,D8,E8)',
    expected: 0.5,
    note: '3 例扣 1.5 分',
  },
  {
    row: 9,
    label: '等级',
    actual: '一般满意',
    rule: '满意得2分，一般满意得1.6分，不满意不得分',
    points: 2,
    formula: 'PERF.SCORE(C9,D9,E9)',
    expected: 1.6,
    note: '整个等级名匹配：“一般满意”不是“满意”',
  },
  {
    row: 10,
    label: '排序扣分（逐位列出）',
    actual: 4,
    rule: '排序前两位不扣分，第3位扣0.2分，第4位扣0.3分，第5位扣0.4分，第6位扣0.5分，评议分数扣完为止',
    points: 1,
    formula: 'PERF.SCORE(C10,D10,E10)',
    expected: 0.7,
    note: '第 4 位扣 0.3 分',
  },
  {
    row: 11,
    label: '排序扣分（逐位加扣）',
    actual: 8,
    rule: '排序前5位不扣分，第6位扣0.25分，随后排序每后移一位加扣0.25分',
    points: 5,
    formula: 'PERF.RANKSCORE(C11,D11,E11)',
    expected: 4.25,
    note: '第 8 位扣 0.25 × 3 = 0.75 分',
  },
  {
    row: 12,
    label: '比值封顶为 1',
    actual: 45,
    rule: 'b/c，b>c时按1计算',
    points: 10,
    target: 50,
    formula: 'PERF.SCORE(C12,D12,E12,F12)',
    expected: 9,
    note: '45 / 50 = 0.9，× 10 分',
  },
  {
    row: 13,
    label: '得分合计',
    points: { formula: 'SUM(E3:E12)' },
    formula: 'SUM(G3:G12)',
    expected: 38.05,
    note: '依赖 PERF.SCORE 的 SUM：各行预期值之和',
  },
  {
    row: 14,
    label: '折算百分制',
    formula: 'ROUND(G13/E13*100,2)',
    expected: 63.42,
    note: '38.05 / 60 × 100，四舍五入到 2 位',
  },
  {
    row: 15,
    label: '等次（默认方案）',
    formula: 'PERF.BAND(G14)',
    expected: '合格',
    note: '默认 90 优秀 / 80 良好 / 60 合格 / 0 不合格',
  },
  {
    row: 16,
    label: '等次（自定方案）',
    actual: 72,
    rule: '90:好,75:较好,60:一般,0:较差',
    formula: 'PERF.BAND(C16,D16)',
    expected: '一般',
    note: '好 / 较好 / 一般 / 较差',
  },
  {
    row: 17,
    label: '是否达标',
    formula: 'IF(G14>=60,"达标","未达标")',
    expected: '达标',
    note: 'IF 依赖 ROUND，ROUND 依赖 SUM，SUM 依赖 PERF.SCORE',
  },
  {
    row: 18,
    label: '超额累进 A = 90',
    actual: 90,
    formula: 'PERF.TIERED(C18,$K$3:$K$5,$L$3:$L$5)',
    expected: 2.441,
    note: 'docs/domain.md 超额累进：(75−67.7)×9% + (83.3−75)×11% + (90−83.3)×13%',
  },
  {
    row: 19,
    label: '超额累进 A = 80',
    actual: 80,
    formula: 'PERF.TIERED(C19,$K$3:$K$5,$L$3:$L$5)',
    expected: 1.207,
    note: 'docs/domain.md 超额累进：(75−67.7)×9% + (80−75)×11%',
  },
  {
    row: 20,
    label: '进步分（上年 60%，目标 80%）',
    actual: 0.7,
    actualFormat: '0%',
    points: 10,
    target: 0.8,
    formula: 'PERF.PROGRESS(C20,0.6,F20,E20,"+")',
    expected: 5,
    note: '10 × (70% − 60%) / (80% − 60%)',
  },
  {
    row: 21,
    label: '功效系数（不允许值 60，满意值 100）',
    actual: 85,
    points: 10,
    formula: 'PERF.EFFICACY(C21,60,100,E21)',
    expected: 8.5,
    note: '(60 + 40 × 25 / 40) × 10 / 100',
  },
  {
    row: 22,
    label: '规则的规范说法',
    formula: 'PERF.RULE(D3)',
    expected: null,
    note: '第 3 行的规则如何被理解（文字，无固定预期值）',
  },
  {
    row: 23,
    label: '错误示例：分值为负数',
    actual: 0.9,
    actualFormat: '0%',
    rule: '执行率≥80%',
    points: -5,
    formula: 'PERF.SCORE(C23,D23,E23)',
    expected: '#VALUE!',
    note: '故意写错：得到 #VALUE!（分值不能为负数）',
  },
];

/** Marginal brackets of PERF.TIERED (K3:L5): 67.7–75万 9%，75–83.3万 11%，83.3万以上 13%. */
export const PERF_TIERS: readonly { from: number; rate: number }[] = [
  { from: 67.7, rate: 0.09 },
  { from: 75, rate: 0.11 },
  { from: 83.3, rate: 0.13 },
];

/** Forced distribution 20/60/20 over five units (rows 27–31): G is PERF.FORCED over C27:C31. */
export const PERF_FORCED_ROWS: readonly { row: number; unit: string; score: number; expected: string }[] = [
  { row: 27, unit: '甲单位', score: 95, expected: '优秀' },
  { row: 28, unit: '乙单位', score: 88, expected: '良好' },
  { row: 29, unit: '丙单位', score: 82, expected: '良好' },
  { row: 30, unit: '丁单位', score: 76, expected: '良好' },
  { row: 31, unit: '戊单位', score: 70, expected: '一般' },
];

/**
 * Coefficient allocation (rows 35–38, pool in C39): G35 holds PERF.ALLOCATE as an array formula
 * spilling over G35:G38; G39 sums the spilled column. Expected: 100000 × kn / 30.8 to the cent,
 * the 3 remaining cents going to the largest remainders (医技 .948, 内科 .896, 外科 .857).
 */
export const PERF_ALLOCATION = {
  rows: [
    { row: 35, dept: '内科', coefficient: 1.2, count: 10, expected: 38961.04 },
    { row: 36, dept: '外科', coefficient: 1.1, count: 8, expected: 28571.43 },
    { row: 37, dept: '医技', coefficient: 1.0, count: 6, expected: 19480.52 },
    { row: 38, dept: '行政', coefficient: 0.8, count: 5, expected: 12987.01 },
  ],
  poolRow: 39,
  pool: 100000,
} as const;

/** examples/perf-formulas.xlsx: every PERF function with the value docs/domain.md gives beside it. */
export function perfFormulaSheets(): SheetSpec[] {
  const b = new SheetBuilder(PERF_SHEET, [6, 22, 12, 44, 8, 9, 14, 11, 40, 2, 14, 10]);
  b.merge(
    'A1:I1',
    'PERF 函数示例（G 列为公式，H 列为 docs/domain.md 给出的预期值；用 perf-check recalc 重算）',
    'title',
  );
  b.row(
    2,
    ['序号', '说明', '实际值', '规则（目标或计分办法）', '分值', '目标值', '结果（公式）', '预期', '依据'],
    'header',
  );
  PERF_FORMULA_ROWS.forEach((r, i) => {
    b.set(`A${r.row}`, i + 1, 'value');
    b.set(`B${r.row}`, r.label, 'text');
    b.set(`C${r.row}`, r.actual ?? null, 'value', r.actualFormat);
    b.set(`D${r.row}`, r.rule ?? null, 'text');
    b.set(`E${r.row}`, r.points ?? null, 'value');
    b.set(`F${r.row}`, r.target ?? null, 'value', r.actualFormat);
    b.set(`G${r.row}`, { formula: r.formula }, 'value');
    b.set(`H${r.row}`, r.expected, 'value');
    b.set(`I${r.row}`, r.note, 'text');
  });
  b.row(2, ['起点（万元）', '提取比例'], 'header', 11);
  PERF_TIERS.forEach((t, i) => {
    b.set(`K${3 + i}`, t.from, 'value');
    b.set(`L${3 + i}`, t.rate, 'value', '0%');
  });

  const forcedFirst = PERF_FORCED_ROWS[0]!.row;
  const forcedLast = PERF_FORCED_ROWS[PERF_FORCED_ROWS.length - 1]!.row;
  b.merge(
    `A${forcedFirst - 2}:I${forcedFirst - 2}`,
    '强制分布：优秀、良好、一般 按 20%、60%、20%（PERF.FORCED）',
    'section',
  );
  b.row(forcedFirst - 1, ['序号', '单位', '得分', '', '', '', '等次（公式）', '预期', '依据'], 'header');
  PERF_FORCED_ROWS.forEach((r, i) => {
    b.set(`A${r.row}`, i + 1, 'value');
    b.set(`B${r.row}`, r.unit, 'text');
    b.set(`C${r.row}`, r.score, 'value');
    b.row(r.row, [null, null, null], 'value', 4);
    b.set(`G${r.row}`, { formula: `PERF.FORCED(C${r.row},$C$${forcedFirst}:$C$${forcedLast})` }, 'value');
    b.set(`H${r.row}`, r.expected, 'value');
    b.set(`I${r.row}`, i === 0 ? '5 个单位：优秀 1 个、良好 3 个、一般 1 个' : null, 'text');
  });

  const a = PERF_ALLOCATION;
  const allocFirst = a.rows[0].row;
  const allocLast = a.rows[a.rows.length - 1]!.row;
  b.merge(
    `A${allocFirst - 2}:I${allocFirst - 2}`,
    '系数分配：科室系数×科室人数/医院总系数×奖励总额（PERF.ALLOCATE，结果溢出为一列）',
    'section',
  );
  b.row(allocFirst - 1, ['序号', '科室', '系数', '人数', '', '', '分配额（公式）', '预期', '依据'], 'header');
  // An array formula over the spill area (Excel: t="array" ref="G35:G38"), as Excel stores one.
  const allocate: ExcelJS.CellFormulaValue & { shareType: 'array'; ref: string } = {
    formula: `PERF.ALLOCATE(C${allocFirst}:C${allocLast},D${allocFirst}:D${allocLast},C${a.poolRow})`,
    shareType: 'array',
    ref: `G${allocFirst}:G${allocLast}`,
  };
  a.rows.forEach((r, i) => {
    b.set(`A${r.row}`, i + 1, 'value');
    b.set(`B${r.row}`, r.dept, 'text');
    b.set(`C${r.row}`, r.coefficient, 'value', '0.0');
    b.set(`D${r.row}`, r.count, 'value');
    b.row(r.row, [null, null], 'value', 5);
    b.set(`G${r.row}`, i === 0 ? allocate : null, 'value', '0.00');
    b.set(`H${r.row}`, r.expected, 'value', '0.00');
    b.set(`I${r.row}`, i === 0 ? '按分计算，最大余数法补足，合计等于总额' : null, 'text');
  });
  b.set(`A${a.poolRow}`, null, 'value');
  b.set(`B${a.poolRow}`, '奖励总额 / 合计', 'text');
  b.set(`C${a.poolRow}`, a.pool, 'value', '0.00');
  b.row(a.poolRow, [null, null, null], 'value', 4);
  b.set(`G${a.poolRow}`, { formula: `SUM(G${allocFirst}:G${allocLast})` }, 'value', '0.00');
  b.set(`H${a.poolRow}`, a.pool, 'value', '0.00');
  b.set(`I${a.poolRow}`, '依赖溢出区域的 SUM', 'text');
  return [b.spec];
}

// =============================================================================================
// Writing
// =============================================================================================

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

interface StyleDef {
  font: Partial<ExcelJS.Font>;
  alignment: Partial<ExcelJS.Alignment>;
  border: boolean;
  /** Font size relative to 11, for the row-height estimate. */
  scale: number;
}

const STYLES: Record<StyleName, StyleDef> = {
  annex: {
    font: { name: '黑体', size: 12 },
    alignment: { vertical: 'middle', horizontal: 'left' },
    border: false,
    scale: 1.1,
  },
  title: {
    font: { name: FONT, size: 16, bold: true },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: false,
    scale: 1.5,
  },
  subtitle: {
    font: { name: FONT, size: 14, bold: true },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: false,
    scale: 1.3,
  },
  section: {
    font: { name: FONT, size: 12, bold: true },
    alignment: { vertical: 'middle', horizontal: 'left' },
    border: false,
    scale: 1.1,
  },
  line: {
    font: { name: FONT, size: 11 },
    alignment: { vertical: 'middle', horizontal: 'left' },
    border: false,
    scale: 1,
  },
  header: {
    font: { name: FONT, size: 11, bold: true },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: true,
    scale: 1,
  },
  label: {
    font: { name: FONT, size: 11 },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: true,
    scale: 1,
  },
  text: {
    font: { name: FONT, size: 11 },
    alignment: { vertical: 'middle', horizontal: 'left', wrapText: true },
    border: true,
    scale: 1,
  },
  value: {
    font: { name: FONT, size: 11 },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: true,
    scale: 1,
  },
  note: {
    font: { name: FONT, size: 10.5 },
    alignment: { vertical: 'middle', horizontal: 'left', wrapText: true },
    border: false,
    scale: 1,
  },
};

/** Approximate display width in Excel column units (CJK characters count about two). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 1.1 : 2.05;
  return w;
}

/** Lines a text needs in a column of `width` units (explicit breaks plus wrapping). */
function lineCount(text: string, width: number, scale: number): number {
  const usable = Math.max(1, width - 1.5);
  return text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line) * scale) / usable)), 0);
}

/** Row heights from the text of each row (Excel does not fit wrapped rows by itself). */
function rowHeights(spec: SheetSpec): Map<number, number> {
  const spans = new Map<string, { rows: number; width: number }>();
  for (const m of spec.merges) {
    const r = parseRange(m);
    let width = 0;
    for (let c = r.left; c <= r.right; c++) width += spec.widths[c - 1] ?? 9;
    spans.set(addr(r.top, r.left), { rows: r.bottom - r.top + 1, width });
  }
  const heights = new Map<number, number>();
  for (const [a, cell] of spec.cells) {
    const v = cell.value;
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const { row, col } = parseAddr(a);
    const span = spans.get(a) ?? { rows: 1, width: spec.widths[col - 1] ?? 9 };
    const style = STYLES[cell.style];
    const lines = lineCount(String(v), span.width, style.scale);
    // A label merged over several rows shares their height; only its excess matters.
    const perRow = (lines * 14.5 * style.scale + 6) / span.rows;
    heights.set(row, Math.max(heights.get(row) ?? 15, Math.ceil(perRow)));
  }
  return heights;
}

function writeSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: {
      paperSize: 9,
      orientation: spec.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  spec.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [a, cell] of spec.cells) {
    const c = ws.getCell(a);
    c.value = cell.value;
    const style = STYLES[cell.style];
    c.font = { ...style.font };
    c.alignment = { ...style.alignment };
    if (style.border) c.border = { ...THIN };
    if (cell.numFmt) c.numFmt = cell.numFmt;
  }
  for (const m of spec.merges) ws.mergeCells(m);
  for (const [row, h] of rowHeights(spec)) ws.getRow(row).height = h;
  for (const row of spec.hiddenRows) ws.getRow(row).hidden = true;
}

/** The fixed date of every generated file (document properties and zip entries). */
export const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

/**
 * Sets the DOS time/date of every zip entry (local headers and central directory) to FIXED_DATE.
 * JSZip, used by ExcelJS, stamps entries with the current time, which makes output differ per run.
 */
export function fixZipTimestamps(buf: Buffer): Buffer {
  const dosTime = 0;
  const dosDate =
    ((FIXED_DATE.getUTCFullYear() - 1980) << 9) |
    ((FIXED_DATE.getUTCMonth() + 1) << 5) |
    FIXED_DATE.getUTCDate();
  let eocd = -1;
  for (let p = buf.length - 22; p >= 0; p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip: no end of central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('zip: bad central directory entry');
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('zip: bad local header');
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

/** One workbook as bytes: fixed creator and dates, so the output is the same on every run. */
export async function workbookBuffer(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'perf-addin';
  wb.lastModifiedBy = 'perf-addin';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of sheets) writeSheet(wb, s);
  const out = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(out as ArrayBuffer));
}

/** Writes every example (clean and mistakes variants) into `outDir`; returns the paths written. */
export async function buildExamples(outDir: string): Promise<string[]> {
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const e of EXAMPLES) {
    const variants: Variant[] = e.mistakes ? ['clean', 'mistakes'] : ['clean'];
    for (const v of variants) {
      const file = path.join(outDir, `${e.name}${v === 'mistakes' ? '-mistakes' : ''}.xlsx`);
      await fs.writeFile(file, await workbookBuffer(exampleSheets(e.name, v)));
      written.push(file);
    }
  }
  const perfFile = path.join(outDir, 'perf-formulas.xlsx');
  await fs.writeFile(perfFile, await workbookBuffer(perfFormulaSheets()));
  written.push(perfFile);
  return written;
}

if (require.main === module) {
  const outDir = path.resolve(__dirname, '..', '..', 'examples');
  buildExamples(outDir).then(
    (files) => {
      for (const f of files) console.log(path.relative(process.cwd(), f));
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
