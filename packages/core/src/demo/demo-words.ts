/**
 * Word lists for the demo data: names, places, industries, products and message templates.
 * Data only; the generator decides how to combine them. Pairs are `[zh-CN, en]`.
 */

import type { TICKET_CATEGORIES } from '../entities/enums.js';

export type Bilingual = readonly [zh: string, en: string];

/** Surnames with pinyin and a weight roughly proportional to how common they are. */
// prettier-ignore
export const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 71], ['李', 'li', 70], ['张', 'zhang', 67], ['刘', 'liu', 54], ['陈', 'chen', 45],
  ['杨', 'yang', 31], ['黄', 'huang', 22], ['赵', 'zhao', 20], ['吴', 'wu', 20], ['周', 'zhou', 19],
  ['徐', 'xu', 15], ['孙', 'sun', 15], ['马', 'ma', 12], ['朱', 'zhu', 12], ['胡', 'hu', 11], ['郭', 'guo', 11],
  ['何', 'he', 10], ['林', 'lin', 10], ['高', 'gao', 10], ['罗', 'luo', 9], ['郑', 'zheng', 8], ['梁', 'liang', 8],
  ['谢', 'xie', 7], ['宋', 'song', 6], ['唐', 'tang', 6], ['许', 'xu', 6], ['韩', 'han', 6], ['冯', 'feng', 6],
  ['邓', 'deng', 6], ['曹', 'cao', 5], ['彭', 'peng', 5], ['曾', 'zeng', 5], ['肖', 'xiao', 5], ['田', 'tian', 5],
  ['董', 'dong', 5], ['袁', 'yuan', 5], ['潘', 'pan', 4], ['于', 'yu', 4], ['蒋', 'jiang', 4], ['蔡', 'cai', 4],
  ['余', 'yu', 4], ['杜', 'du', 4], ['叶', 'ye', 4], ['程', 'cheng', 4], ['苏', 'su', 3], ['魏', 'wei', 3],
  ['吕', 'lv', 3], ['丁', 'ding', 3], ['任', 'ren', 3], ['沈', 'shen', 3], ['欧阳', 'ouyang', 0.5],
  ['司马', 'sima', 0.1], ['上官', 'shangguan', 0.1],
];

/** Given names: characters, pinyin, gender, weight. 伟 names are common on purpose (`张伟` search). */
// prettier-ignore
export const GIVEN_NAMES: readonly (readonly [string, string, 'male' | 'female', number])[] = [
  ['伟', 'wei', 'male', 10], ['伟明', 'weiming', 'male', 5], ['伟华', 'weihua', 'male', 3],
  ['伟东', 'weidong', 'male', 2], ['伟强', 'weiqiang', 'male', 2], ['强', 'qiang', 'male', 4],
  ['磊', 'lei', 'male', 5], ['军', 'jun', 'male', 4], ['勇', 'yong', 'male', 4], ['杰', 'jie', 'male', 5],
  ['涛', 'tao', 'male', 4], ['明', 'ming', 'male', 3], ['超', 'chao', 'male', 3], ['刚', 'gang', 'male', 3],
  ['辉', 'hui', 'male', 3], ['鹏', 'peng', 'male', 3], ['浩', 'hao', 'male', 3], ['宇', 'yu', 'male', 3],
  ['俊杰', 'junjie', 'male', 3], ['浩然', 'haoran', 'male', 3], ['子轩', 'zixuan', 'male', 2],
  ['志强', 'zhiqiang', 'male', 3], ['建华', 'jianhua', 'male', 3], ['建国', 'jianguo', 'male', 2],
  ['国强', 'guoqiang', 'male', 2], ['文博', 'wenbo', 'male', 2], ['晓东', 'xiaodong', 'male', 2],
  ['海涛', 'haitao', 'male', 2], ['振宇', 'zhenyu', 'male', 2], ['家豪', 'jiahao', 'male', 2],
  ['宇航', 'yuhang', 'male', 2], ['博文', 'bowen', 'male', 2], ['思远', 'siyuan', 'male', 2],
  ['芳', 'fang', 'female', 8], ['娜', 'na', 'female', 7], ['敏', 'min', 'female', 6], ['静', 'jing', 'female', 6],
  ['丽', 'li', 'female', 5], ['艳', 'yan', 'female', 4], ['娟', 'juan', 'female', 3], ['霞', 'xia', 'female', 3],
  ['秀英', 'xiuying', 'female', 4], ['婷', 'ting', 'female', 4], ['雪', 'xue', 'female', 3],
  ['琳', 'lin', 'female', 3], ['慧', 'hui', 'female', 3], ['欣怡', 'xinyi', 'female', 3],
  ['梓涵', 'zihan', 'female', 2], ['雨桐', 'yutong', 'female', 2], ['思琪', 'siqi', 'female', 2],
  ['佳怡', 'jiayi', 'female', 2], ['晓燕', 'xiaoyan', 'female', 3], ['丽华', 'lihua', 'female', 2],
  ['美玲', 'meiling', 'female', 2], ['淑芬', 'shufen', 'female', 2], ['梦瑶', 'mengyao', 'female', 2],
  ['诗涵', 'shihan', 'female', 2], ['婉清', 'wanqing', 'female', 1], ['晓雯', 'xiaowen', 'female', 2],
  ['倩', 'qian', 'female', 3],
];

// prettier-ignore
export const EN_FIRST_NAMES: readonly (readonly [string, 'male' | 'female'])[] = [
  ['Emily', 'female'], ['Sophia', 'female'], ['Olivia', 'female'], ['Grace', 'female'], ['Chloe', 'female'],
  ['Jessica', 'female'], ['Linda', 'female'], ['Amy', 'female'], ['Vivian', 'female'], ['Cindy', 'female'],
  ['Helen', 'female'], ['Karen', 'female'], ['James', 'male'], ['Michael', 'male'], ['Daniel', 'male'],
  ['David', 'male'], ['Kevin', 'male'], ['Ryan', 'male'], ['Jason', 'male'], ['Eric', 'male'],
  ['Tony', 'male'], ['Peter', 'male'], ['Andrew', 'male'], ['Leo', 'male'],
];

// prettier-ignore
export const EN_LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Clark', 'Walker', 'Wang',
  'Li', 'Chen', 'Zhang', 'Liu', 'Wong', 'Lee', 'Lin', 'Huang', 'Zhao', 'Ng', 'Tan',
];

export type TeamKey = 'south' | 'east' | 'north';

export interface DemoCity {
  readonly province: Bilingual;
  readonly city: Bilingual;
  /** Short pinyin used in domains (`sz`, `hz`). */
  readonly abbr: string;
  readonly districts: readonly string[];
  readonly lat: number;
  readonly lng: number;
  /** Telephone area code. */
  readonly areaCode: string;
  /** Administrative division code of a district, the first six digits of a resident ID. */
  readonly divisionCode: string;
  /** Which sales team covers it by default. */
  readonly team: TeamKey;
  readonly weight: number;
}

/** Real provinces and cities with approximate city-centre coordinates. */
// prettier-ignore
export const CITIES: readonly DemoCity[] = [
  { province: ['北京市', 'Beijing'], city: ['北京市', 'Beijing'], abbr: 'bj', districts: ['朝阳区', '海淀区', '东城区', '西城区', '丰台区'], lat: 39.9042, lng: 116.4074, areaCode: '010', divisionCode: '110105', team: 'north', weight: 12 },
  { province: ['上海市', 'Shanghai'], city: ['上海市', 'Shanghai'], abbr: 'sh', districts: ['浦东新区', '徐汇区', '静安区', '闵行区', '长宁区'], lat: 31.2304, lng: 121.4737, areaCode: '021', divisionCode: '310115', team: 'east', weight: 12 },
  { province: ['天津市', 'Tianjin'], city: ['天津市', 'Tianjin'], abbr: 'tj', districts: ['和平区', '南开区', '滨海新区'], lat: 39.3434, lng: 117.3616, areaCode: '022', divisionCode: '120101', team: 'north', weight: 3 },
  { province: ['重庆市', 'Chongqing'], city: ['重庆市', 'Chongqing'], abbr: 'cq', districts: ['渝中区', '江北区', '渝北区'], lat: 29.563, lng: 106.5516, areaCode: '023', divisionCode: '500103', team: 'south', weight: 4 },
  { province: ['广东省', 'Guangdong'], city: ['广州市', 'Guangzhou'], abbr: 'gz', districts: ['天河区', '越秀区', '海珠区', '番禺区'], lat: 23.1291, lng: 113.2644, areaCode: '020', divisionCode: '440106', team: 'south', weight: 9 },
  { province: ['广东省', 'Guangdong'], city: ['深圳市', 'Shenzhen'], abbr: 'sz', districts: ['南山区', '福田区', '宝安区', '龙岗区'], lat: 22.5431, lng: 114.0579, areaCode: '0755', divisionCode: '440305', team: 'south', weight: 11 },
  { province: ['广东省', 'Guangdong'], city: ['东莞市', 'Dongguan'], abbr: 'dg', districts: ['南城街道', '松山湖', '长安镇', '虎门镇'], lat: 23.0207, lng: 113.7518, areaCode: '0769', divisionCode: '441900', team: 'south', weight: 3 },
  { province: ['广东省', 'Guangdong'], city: ['佛山市', 'Foshan'], abbr: 'fs', districts: ['禅城区', '南海区', '顺德区'], lat: 23.0215, lng: 113.1214, areaCode: '0757', divisionCode: '440605', team: 'south', weight: 3 },
  { province: ['浙江省', 'Zhejiang'], city: ['杭州市', 'Hangzhou'], abbr: 'hz', districts: ['西湖区', '滨江区', '余杭区', '上城区'], lat: 30.2741, lng: 120.1551, areaCode: '0571', divisionCode: '330106', team: 'east', weight: 8 },
  { province: ['浙江省', 'Zhejiang'], city: ['宁波市', 'Ningbo'], abbr: 'nb', districts: ['鄞州区', '海曙区', '北仑区'], lat: 29.8683, lng: 121.544, areaCode: '0574', divisionCode: '330212', team: 'east', weight: 3 },
  { province: ['江苏省', 'Jiangsu'], city: ['南京市', 'Nanjing'], abbr: 'nj', districts: ['鼓楼区', '玄武区', '建邺区', '江宁区'], lat: 32.0603, lng: 118.7969, areaCode: '025', divisionCode: '320106', team: 'east', weight: 5 },
  { province: ['江苏省', 'Jiangsu'], city: ['苏州市', 'Suzhou'], abbr: 'su', districts: ['姑苏区', '虎丘区', '吴中区', '工业园区'], lat: 31.299, lng: 120.5853, areaCode: '0512', divisionCode: '320508', team: 'east', weight: 5 },
  { province: ['江苏省', 'Jiangsu'], city: ['无锡市', 'Wuxi'], abbr: 'wx', districts: ['梁溪区', '滨湖区', '新吴区'], lat: 31.4912, lng: 120.3119, areaCode: '0510', divisionCode: '320213', team: 'east', weight: 2 },
  { province: ['四川省', 'Sichuan'], city: ['成都市', 'Chengdu'], abbr: 'cd', districts: ['武侯区', '锦江区', '青羊区', '成华区'], lat: 30.5728, lng: 104.0668, areaCode: '028', divisionCode: '510107', team: 'south', weight: 6 },
  { province: ['湖北省', 'Hubei'], city: ['武汉市', 'Wuhan'], abbr: 'wh', districts: ['江汉区', '洪山区', '武昌区'], lat: 30.5928, lng: 114.3055, areaCode: '027', divisionCode: '420103', team: 'east', weight: 4 },
  { province: ['福建省', 'Fujian'], city: ['厦门市', 'Xiamen'], abbr: 'xm', districts: ['思明区', '湖里区'], lat: 24.4798, lng: 118.0894, areaCode: '0592', divisionCode: '350203', team: 'south', weight: 3 },
  { province: ['福建省', 'Fujian'], city: ['福州市', 'Fuzhou'], abbr: 'fz', districts: ['鼓楼区', '台江区'], lat: 26.0745, lng: 119.2965, areaCode: '0591', divisionCode: '350102', team: 'south', weight: 2 },
  { province: ['山东省', 'Shandong'], city: ['青岛市', 'Qingdao'], abbr: 'qd', districts: ['市南区', '崂山区'], lat: 36.0671, lng: 120.3826, areaCode: '0532', divisionCode: '370202', team: 'north', weight: 3 },
  { province: ['山东省', 'Shandong'], city: ['济南市', 'Jinan'], abbr: 'jn', districts: ['历下区', '槐荫区'], lat: 36.6512, lng: 117.1201, areaCode: '0531', divisionCode: '370102', team: 'north', weight: 2 },
  { province: ['陕西省', 'Shaanxi'], city: ['西安市', "Xi'an"], abbr: 'xa', districts: ['雁塔区', '碑林区'], lat: 34.3416, lng: 108.9398, areaCode: '029', divisionCode: '610113', team: 'north', weight: 3 },
  { province: ['湖南省', 'Hunan'], city: ['长沙市', 'Changsha'], abbr: 'cs', districts: ['岳麓区', '芙蓉区'], lat: 28.2282, lng: 112.9388, areaCode: '0731', divisionCode: '430104', team: 'south', weight: 3 },
  { province: ['安徽省', 'Anhui'], city: ['合肥市', 'Hefei'], abbr: 'hf', districts: ['蜀山区', '包河区'], lat: 31.8206, lng: 117.2272, areaCode: '0551', divisionCode: '340104', team: 'east', weight: 2 },
  { province: ['河南省', 'Henan'], city: ['郑州市', 'Zhengzhou'], abbr: 'zz', districts: ['金水区', '二七区'], lat: 34.7466, lng: 113.6254, areaCode: '0371', divisionCode: '410105', team: 'north', weight: 3 },
];

// prettier-ignore
export const STREETS: readonly Bilingual[] = [
  ['中山路', 'Zhongshan Road'], ['人民路', 'Renmin Road'], ['建设路', 'Jianshe Road'], ['解放路', 'Jiefang Road'],
  ['科技园路', 'Science Park Road'], ['创业大道', 'Chuangye Avenue'], ['高新大道', 'Gaoxin Avenue'],
  ['滨江大道', 'Binjiang Avenue'], ['长江路', 'Changjiang Road'], ['新华路', 'Xinhua Road'], ['文化路', 'Wenhua Road'],
  ['工业大道', 'Industrial Avenue'], ['金融街', 'Financial Street'], ['世纪大道', 'Century Avenue'],
];

export const BUILDINGS: readonly string[] = [
  '国际大厦',
  '科技大厦',
  '创新中心',
  '金融中心',
  '软件园',
  '产业园',
  '商务中心',
];

/** Trade-name words (字号) of Chinese companies, with pinyin for domains. */
// prettier-ignore
export const BRANDS: readonly (readonly [string, string])[] = [
  ['星辰', 'xingchen'], ['华信', 'huaxin'], ['鼎盛', 'dingsheng'], ['远航', 'yuanhang'], ['博远', 'boyuan'],
  ['中科', 'zhongke'], ['恒通', 'hengtong'], ['金桥', 'jinqiao'], ['天成', 'tiancheng'], ['云帆', 'yunfan'],
  ['新锐', 'xinrui'], ['瑞祥', 'ruixiang'], ['嘉禾', 'jiahe'], ['宏图', 'hongtu'], ['长青', 'changqing'],
  ['卓越', 'zhuoyue'], ['腾飞', 'tengfei'], ['盛世', 'shengshi'], ['东方', 'dongfang'], ['银河', 'yinhe'],
  ['海纳', 'haina'], ['启明', 'qiming'], ['易通', 'yitong'], ['百川', 'baichuan'], ['万象', 'wanxiang'],
  ['明德', 'mingde'], ['永安', 'yongan'], ['安泰', 'antai'], ['众合', 'zhonghe'], ['和信', 'hexin'], ['凯瑞', 'kairui'],
  ['联创', 'lianchuang'], ['蓝海', 'lanhai'], ['青松', 'qingsong'], ['华美', 'huamei'], ['泰和', 'taihe'],
  ['金鼎', 'jinding'], ['德润', 'derun'], ['锦程', 'jincheng'], ['天佑', 'tianyou'], ['瀚海', 'hanhai'],
  ['弘毅', 'hongyi'], ['思源', 'siyuan'], ['睿智', 'ruizhi'], ['聚源', 'juyuan'], ['信达', 'xinda'], ['朗坤', 'langkun'],
  ['正元', 'zhengyuan'], ['诚泰', 'chengtai'], ['科瑞', 'kerui'], ['优品', 'youpin'], ['丰源', 'fengyuan'],
  ['精诚', 'jingcheng'], ['同创', 'tongchuang'], ['华辰', 'huachen'], ['宇恒', 'yuheng'], ['天瑞', 'tianrui'],
  ['润泽', 'runze'], ['方圆', 'fangyuan'], ['致远', 'zhiyuan'], ['鸿运', 'hongyun'], ['海川', 'haichuan'],
  ['新禾', 'xinhe'], ['中联', 'zhonglian'], ['亿达', 'yida'],
];

/** Names of foreign-invested or English-named companies. */
// prettier-ignore
export const EN_BRANDS: readonly string[] = [
  'Northwind', 'Bluepeak', 'Silverline', 'Evergreen', 'Lumen', 'Crescent', 'Summit', 'Pacific Rim', 'Harbor',
  'Orient Star', 'Redwood', 'Nova', 'Apex', 'Brightstar', 'Zenith', 'Horizon', 'Meridian', 'Jade River',
];

export interface DemoIndustry {
  readonly name: Bilingual;
  /** Words that go into a company name (`电子` in 深圳华信电子有限公司), with their English form. */
  readonly words: readonly Bilingual[];
  readonly weight: number;
}

// prettier-ignore
export const INDUSTRIES: readonly DemoIndustry[] = [
  { name: ['制造业', 'Manufacturing'], words: [['机械制造', 'Machinery'], ['精密机械', 'Precision Machinery'], ['电子', 'Electronics'], ['新材料', 'Advanced Materials'], ['汽车零部件', 'Auto Parts']], weight: 20 },
  { name: ['软件和信息技术服务业', 'Software & IT Services'], words: [['软件', 'Software'], ['信息技术', 'Information Technology'], ['网络科技', 'Network Technology'], ['数据科技', 'Data Technology']], weight: 22 },
  { name: ['零售', 'Retail'], words: [['商贸', 'Trading'], ['百货', 'Department Stores'], ['电子商务', 'E-commerce'], ['连锁超市', 'Supermarkets']], weight: 12 },
  { name: ['金融', 'Financial Services'], words: [['融资租赁', 'Leasing'], ['投资管理', 'Investment Management'], ['保险代理', 'Insurance Agency']], weight: 8 },
  { name: ['医疗健康', 'Healthcare'], words: [['医疗器械', 'Medical Devices'], ['生物医药', 'Biopharma'], ['健康管理', 'Health Management']], weight: 10 },
  { name: ['教育', 'Education'], words: [['教育科技', 'Education Technology'], ['文化传播', 'Culture & Media'], ['职业培训', 'Vocational Training']], weight: 7 },
  { name: ['物流', 'Logistics'], words: [['物流', 'Logistics'], ['供应链管理', 'Supply Chain'], ['国际货运代理', 'Freight Forwarding']], weight: 9 },
  { name: ['建筑与房地产', 'Construction & Real Estate'], words: [['建设工程', 'Construction'], ['物业管理', 'Property Management'], ['装饰工程', 'Interior Works']], weight: 6 },
  { name: ['能源', 'Energy'], words: [['新能源', 'New Energy'], ['光伏', 'Solar'], ['环保科技', 'Environmental Technology']], weight: 6 },
];

// prettier-ignore
export const CUSTOMER_TAGS: readonly Bilingual[] = [
  ['重点客户', 'key account'], ['老客户', 'returning'], ['渠道', 'channel'], ['高潜力', 'high potential'],
  ['续约', 'renewal'], ['上市公司', 'listed'], ['政府背景', 'state-owned'], ['待回访', 'follow up'],
];

// prettier-ignore
export const CUSTOMER_SOURCES: readonly Bilingual[] = [
  ['官网', 'website'], ['展会', 'trade show'], ['老客户推荐', 'referral'], ['电话营销', 'cold call'],
  ['渠道伙伴', 'channel partner'], ['百度推广', 'search ads'], ['微信公众号', 'WeChat official account'],
];

// prettier-ignore
export const JOB_TITLES: readonly (readonly [title: Bilingual, department: Bilingual])[] = [
  [['总经理', 'General Manager'], ['总经办', "General Manager's Office"]],
  [['董事长助理', 'Assistant to the Chairman'], ['总经办', "General Manager's Office"]],
  [['采购经理', 'Purchasing Manager'], ['采购部', 'Purchasing']],
  [['采购专员', 'Purchasing Specialist'], ['采购部', 'Purchasing']],
  [['IT 总监', 'IT Director'], ['信息技术部', 'IT']],
  [['系统管理员', 'System Administrator'], ['信息技术部', 'IT']],
  [['财务主管', 'Finance Supervisor'], ['财务部', 'Finance']],
  [['销售总监', 'Sales Director'], ['销售部', 'Sales']],
  [['市场经理', 'Marketing Manager'], ['市场部', 'Marketing']],
  [['行政专员', 'Administrative Officer'], ['行政部', 'Administration']],
  [['技术负责人', 'Head of Engineering'], ['研发中心', 'R&D']],
  [['客服经理', 'Customer Service Manager'], ['客户服务部', 'Customer Service']],
];

export const DECISION_MAKER_TAG: Bilingual = ['决策人', 'decision maker'];
// prettier-ignore
export const CONTACT_TAGS: readonly Bilingual[] = [
  DECISION_MAKER_TAG, ['关键联系人', 'champion'], ['技术对接', 'technical'], ['财务对接', 'finance'],
];

export const PERSONAL_EMAIL_DOMAINS: readonly string[] = [
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'foxmail.com',
];
export const EN_PERSONAL_EMAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'outlook.com',
  'icloud.com',
];

/** Mainland mobile number prefixes (1[3-9]x). */
// prettier-ignore
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157',
  '158', '159', '166', '176', '177', '180', '181', '182', '186', '187', '188', '189', '191', '198', '199',
];

export interface DemoProduct {
  readonly id: string;
  readonly name: Bilingual;
  /** CNY, per unit. */
  readonly price: number;
  /** Typical quantities. */
  readonly quantity: readonly [number, number];
}

// prettier-ignore
export const PRODUCTS: readonly DemoProduct[] = [
  { id: 'prd_crm_std', name: ['Rapport CRM 标准版（年度订阅/用户）', 'Rapport CRM Standard (annual, per user)'], price: 980, quantity: [10, 200] },
  { id: 'prd_crm_ent', name: ['Rapport CRM 企业版（年度订阅/用户）', 'Rapport CRM Enterprise (annual, per user)'], price: 1980, quantity: [20, 500] },
  { id: 'prd_desk', name: ['智能客服工单模块（年度/坐席）', 'Service Desk module (annual, per agent)'], price: 1280, quantity: [5, 100] },
  { id: 'prd_mkt', name: ['营销自动化模块（年度）', 'Marketing Automation module (annual)'], price: 36000, quantity: [1, 1] },
  { id: 'prd_api', name: ['API 与系统集成包', 'API & integration pack'], price: 20000, quantity: [1, 2] },
  { id: 'prd_pos', name: ['门店收银终端', 'In-store POS terminal'], price: 3500, quantity: [5, 60] },
  { id: 'prd_training', name: ['现场培训（场）', 'On-site training (session)'], price: 6000, quantity: [1, 4] },
];

/** The line that makes an order add up to its deal: services billed for the remainder. */
export const SERVICE_LINE: Bilingual = [
  '实施与数据迁移服务',
  'Implementation & data migration services',
];

// prettier-ignore
export const DEAL_TOPICS: readonly Bilingual[] = [
  ['CRM 系统采购', 'CRM purchase'], ['客服中心升级', 'Service desk upgrade'], ['营销自动化试点', 'Marketing automation pilot'],
  ['增购账号', 'Additional seats'], ['集团数字化项目', 'Group digitalisation project'], ['门店收银系统', 'Store POS rollout'],
];
// prettier-ignore
export const RENEWAL_TOPICS: readonly Bilingual[] = [
  ['年度续约', 'annual renewal'], ['渠道代理合作', 'channel partnership'], ['续约及扩容', 'renewal and expansion'],
];

// prettier-ignore
export const DEAL_TAGS: readonly Bilingual[] = [
  ['新签', 'new business'], ['增购', 'upsell'], ['战略项目', 'strategic'], ['渠道', 'channel'], ['招投标', 'tender'],
];

// prettier-ignore
export const LOST_REASONS: readonly Bilingual[] = [
  ['价格过高', 'Price too high'], ['选择了竞争对手', 'Chose a competitor'], ['预算取消', 'Budget cancelled'],
  ['需求变更', 'Requirements changed'], ['决策周期过长', 'Decision stalled'], ['无明确需求', 'No clear need'],
];

export const COMPETITORS: readonly string[] = [
  'Salesforce',
  '纷享销客',
  '销售易',
  'HubSpot',
  '自研系统',
];

/** Subjects per activity type; `{c}` is the customer's short name, `{p}` a product. */
// prettier-ignore
export const ACTIVITY_SUBJECTS: Readonly<Record<'call' | 'visit' | 'email' | 'meeting' | 'note' | 'task', readonly Bilingual[]>> = {
  call: [['电话沟通需求：{c}', 'Discovery call: {c}'], ['跟进报价反馈', 'Follow up on quote'], ['确认付款进度', 'Check payment status'], ['续约意向电话', 'Renewal call']],
  visit: [['上门拜访 {c}', 'On-site visit: {c}'], ['陪同高层拜访', 'Executive visit'], ['现场调研', 'On-site assessment']],
  email: [['发送{p}报价单', 'Sent quote for {p}'], ['发送合同草稿', 'Sent draft contract'], ['发送产品资料', 'Sent product brochure']],
  meeting: [['{c}方案评审会', 'Solution review with {c}'], ['线上产品演示', 'Online product demo'], ['季度业务回顾', 'Quarterly business review']],
  note: [['客户反馈记录', 'Customer feedback'], ['竞品情况备注', 'Note on competition'], ['关键人变动', 'Key contact changed']],
  task: [['准备{p}报价', 'Prepare quote for {p}'], ['跟进合同盖章', 'Chase signed contract'], ['开具发票', 'Issue invoice'], ['安排演示环境', 'Set up demo environment'], ['回访满意度', 'Satisfaction follow-up']],
};

// prettier-ignore
export const ACTIVITY_OUTCOMES: readonly Bilingual[] = [
  ['客户对方案感兴趣，约定下周演示', 'Interested; demo booked for next week'],
  ['对价格有顾虑，需要申请折扣', 'Price concerns; discount request needed'],
  ['已确认预算，等待内部审批', 'Budget confirmed; awaiting internal approval'],
  ['关键人出差，改期再联系', 'Decision maker travelling; rescheduled'],
  ['客户满意，同意推荐其他分公司', 'Happy customer; will refer another branch'],
];

// prettier-ignore
export const MEETING_PLACES: readonly Bilingual[] = [
  ['腾讯会议', 'Tencent Meeting'], ['公司 3 楼会议室', 'Meeting room, 3rd floor'], ['客户会议室', "Customer's office"],
  ['Zoom', 'Zoom'],
];

export type TicketCategoryKey = (typeof TICKET_CATEGORIES)[number];

/** Ticket subjects and descriptions per category. */
// prettier-ignore
export const TICKET_TEXTS: Readonly<Record<TicketCategoryKey, readonly (readonly [subject: Bilingual, description: Bilingual])[]>> = {
  inquiry: [
    [['如何批量导出客户列表？', 'How do I export the customer list?'], ['需要把本月新增客户导出成 Excel 给财务。', "Finance needs this month's new customers as a spreadsheet."]],
    [['发票抬头如何修改', 'How to change the invoice title'], ['上个月的发票抬头写错了，能否重开？', "Last month's invoice has the wrong company name; can it be reissued?"]],
    [['企业版和标准版有什么区别', 'Enterprise vs. Standard edition'], ['准备增购账号，想了解两个版本的功能差异。', 'We plan to add seats and want to compare the two editions.']],
  ],
  complaint: [
    [['实施顾问多次爽约', 'Consultant missed several appointments'], ['约好的上线培训已经改期三次，影响我们的项目进度。', 'The go-live training was rescheduled three times and is delaying our project.']],
    [['账单金额与合同不符', 'Invoice does not match the contract'], ['本季度账单比合同约定多收了 20 个账号的费用。', "This quarter's bill charges 20 more seats than the contract."]],
    [['客服热线长时间无人接听', 'Support hotline not answering'], ['昨天下午连续打了 5 次客服电话都没人接。', 'We called the hotline five times yesterday afternoon and nobody answered.']],
  ],
  suggestion: [
    [['希望支持企业微信扫码登录', 'Please support WeCom QR login'], ['员工都用企业微信，希望能直接扫码登录。', 'All our staff use WeCom; QR login would help.']],
    [['报表能否按大区汇总', 'Reports grouped by region'], ['希望销售报表可以按华南、华东、华北汇总。', 'We would like sales reports summarised by region.']],
  ],
  fault: [
    [['移动端无法同步数据', 'Mobile app does not sync'], ['iOS 客户端从昨天起一直显示"同步失败"。', 'Since yesterday the iOS app keeps showing "sync failed".']],
    [['报表导出报错 500', 'Report export fails with error 500'], ['导出销售漏斗报表时页面提示服务器错误。', 'Exporting the sales funnel report shows a server error.']],
    [['收银终端无法打印小票', 'POS terminal cannot print receipts'], ['门店两台收银机打印小票时卡纸并报错。', 'Two tills in the store jam and show an error when printing receipts.']],
  ],
  field_service: [
    [['门店收银设备上门检修', 'On-site POS repair'], ['收银终端开机黑屏，需要工程师上门处理。', 'The POS terminal shows a black screen on start-up; an engineer is needed on site.']],
    [['新门店设备安装调试', 'Install equipment in a new store'], ['新店下周开业，需要安装 6 台收银终端并联网调试。', 'A new store opens next week; six terminals need installing and networking.']],
  ],
  follow_up: [
    [['续费提醒回访', 'Renewal reminder follow-up'], ['合同下月到期，回访客户续费意向。', 'The contract expires next month; check renewal intent.']],
    [['上线一个月回访', 'One month after go-live'], ['了解系统使用情况及培训需求。', 'Check adoption and training needs.']],
  ],
};

// prettier-ignore
export const TICKET_COMMENTS = {
  firstReply: [['您好，已收到您的反馈，我们正在处理，请稍候。', 'Hello, we have received your request and are on it.'], ['您好，工单已受理，专员会尽快与您联系。', 'Hello, your ticket is with a specialist who will contact you shortly.']],
  internal: [['已转二线技术支持，关联缺陷 BUG-2041。', 'Escalated to tier 2; linked to BUG-2041.'], ['客户为重点客户，请优先处理。', 'Key account: please prioritise.'], ['已与实施负责人确认排期。', 'Schedule confirmed with the implementation lead.']],
  customer: [['好的，谢谢。', 'Thanks.'], ['收到，我们内部确认后回复您。', 'Got it; we will confirm internally and reply.'], ['请问大概什么时候能处理好？', 'Any idea when this will be sorted?']],
} as const satisfies Record<string, readonly Bilingual[]>;

// prettier-ignore
export const TICKET_RESOLUTIONS: Readonly<Record<TicketCategoryKey, Bilingual>> = {
  inquiry: ['已将操作步骤发送到您的邮箱，如有其他问题请随时联系。', 'We have e-mailed you the steps; get in touch if anything else comes up.'],
  complaint: ['非常抱歉给您带来不便，已安排专人跟进并按合同处理。', 'We apologise for the trouble; a named contact now follows up as per the contract.'],
  suggestion: ['感谢建议，已提交产品团队评估。', 'Thanks for the suggestion; it is with the product team.'],
  fault: ['问题已修复，请您刷新页面后重试。', 'Fixed: please reload the page and try again.'],
  field_service: ['工程师已上门处理，设备恢复正常。', 'The engineer visited and the equipment works again.'],
  follow_up: ['已完成回访，客户确认续费意向。', 'Follow-up done; the customer intends to renew.'],
};

// prettier-ignore
export const TICKET_TAGS: readonly Bilingual[] = [
  ['加急', 'urgent'], ['大客户', 'key account'], ['退款', 'refund'], ['重复问题', 'recurring'],
];

// prettier-ignore
export const SURVEY_COMMENTS: Readonly<Record<'good' | 'bad', readonly Bilingual[]>> = {
  good: [['处理很及时，谢谢！', 'Quick and helpful, thanks!'], ['工程师很专业。', 'Very professional engineer.'], ['问题一次就解决了。', 'Solved on the first try.']],
  bad: [['问题反复出现，希望彻底解决。', 'The problem keeps coming back.'], ['等待时间太长。', 'Waited far too long.'], ['回复很模板化。', 'Replies felt canned.']],
};

export interface DemoCampaign {
  readonly name: Bilingual;
  readonly channel: 'email' | 'sms' | 'wechat' | 'event' | 'ads' | 'other';
  /** Start relative to `now`, in days; `null` for a draft without dates. */
  readonly startDay: number | null;
  readonly days: number;
  readonly budget: number;
  readonly cancelled?: boolean;
  /** Index into the demo segments. */
  readonly segment?: number;
}

// prettier-ignore
export const CAMPAIGNS: readonly DemoCampaign[] = [
  { name: ['2026 春季新品发布会', '2026 Spring Launch Event'], channel: 'event', startDay: -100, days: 1, budget: 300_000 },
  { name: ['618 年中大促短信', 'Mid-year (618) SMS promotion'], channel: 'sms', startDay: -30, days: 20, budget: 50_000, segment: 1 },
  { name: ['行业白皮书下载（公众号）', 'Industry white paper (WeChat)'], channel: 'wechat', startDay: -60, days: 120, budget: 80_000, segment: 3 },
  { name: ['老客户续约关怀邮件', 'Renewal care emails'], channel: 'email', startDay: -20, days: 60, budget: 10_000, segment: 1 },
  { name: ['百度搜索推广 Q2', 'Search ads Q2'], channel: 'ads', startDay: -90, days: 91, budget: 450_000 },
  { name: ['华南区渠道伙伴大会', 'South China partner summit'], channel: 'event', startDay: 21, days: 1, budget: 200_000, segment: 0 },
  { name: ['数字化转型研讨会（上海站）', 'Digital transformation seminar (Shanghai)'], channel: 'event', startDay: -150, days: 1, budget: 120_000 },
  { name: ['双十一客户回馈', "Singles' Day customer rewards"], channel: 'sms', startDay: -235, days: 12, budget: 60_000 },
  { name: ['2026 秋季行业峰会', '2026 Autumn industry summit'], channel: 'event', startDay: null, days: 2, budget: 500_000 },
  { name: ['短视频信息流广告测试', 'Short-video feed ads pilot'], channel: 'ads', startDay: -45, days: 30, budget: 150_000, cancelled: true },
  { name: ['NPS 调研邀请', 'NPS survey invitation'], channel: 'email', startDay: -10, days: 14, budget: 5_000, segment: 1 },
  { name: ['新客户欢迎旅程', 'New customer welcome journey'], channel: 'wechat', startDay: -200, days: 400, budget: 30_000 },
];

// prettier-ignore
export const CAMPAIGN_TEMPLATES: Readonly<Record<'email' | 'sms' | 'wechat', Bilingual>> = {
  email: ['{{name}}，您好！感谢您一直以来对 Rapport 的支持，附上本季度产品更新。', 'Hi {{name}}, thanks for choosing Rapport. Here is what is new this quarter.'],
  sms: ['【Rapport】{{name}}您好，年中特惠进行中，企业版增购享 8 折，回 T 退订。', '[Rapport] Hi {{name}}, mid-year offer: 20% off extra Enterprise seats. Reply STOP to opt out.'],
  wechat: ['{{name}}，您好！《2026 企业客户经营白皮书》已发布，点击菜单即可下载。', 'Hi {{name}}, our 2026 customer management white paper is out: tap the menu to download.'],
};

/**
 * 2026 public holidays and the weekend days worked instead (调休), as announced by the General
 * Office of the State Council on 2025-11-04.
 */
// prettier-ignore
export const HOLIDAYS_2026: readonly (readonly [first: string, last: string])[] = [
  ['2026-01-01', '2026-01-03'], // 元旦
  ['2026-02-15', '2026-02-23'], // 春节
  ['2026-04-04', '2026-04-06'], // 清明节
  ['2026-05-01', '2026-05-05'], // 劳动节
  ['2026-06-19', '2026-06-21'], // 端午节
  ['2026-09-25', '2026-09-27'], // 中秋节
  ['2026-10-01', '2026-10-07'], // 国庆节
];
// prettier-ignore
export const EXTRA_WORKING_DAYS_2026: readonly string[] = [
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
];

/**
 * Hostile but valid display strings, placed only when `includeHostileNames` is set, at fixed
 * positions (see `DemoOptions.includeHostileNames`). Rendering any of them as markup is a bug.
 */
export const HOSTILE_STRINGS = {
  customerNames: [
    '<img src=x onerror=alert(1)> 测试公司',
    '"><svg onload=alert(document.domain)>有限公司',
    "Robert'); DROP TABLE customers;-- 科技有限公司",
    '\u202E司公限有技科 RTL 覆盖测试',
    "{{constructor.constructor('alert(1)')()}} 模板注入公司",
  ],
  contactName: '<script>alert("xss")</script>',
  contactTitle: 'javascript:alert(1)',
  ticketSubject: '<iframe src="javascript:alert(1)"></iframe> 无法登录',
  ticketDescription: '登录页出现 <img src=x onerror=alert(1)>，请尽快处理。',
  articleTitle: '<b>加粗标题</b> 与 ${injection}',
  articleBody:
    '# 安全测试文章\n\n[点我](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n' +
    '<a href="data:text/html,<script>alert(1)</script>">data 链接</a>\n',
} as const;

/** The host's users and teams when `owners` is not given: three regional sales teams and support. */
export const DEFAULT_TEAMS: readonly {
  readonly id: string;
  readonly key: TeamKey | 'support';
  readonly name: Bilingual;
}[] = [
  { id: 'team_south', key: 'south', name: ['华南销售部', 'South China Sales'] },
  { id: 'team_east', key: 'east', name: ['华东销售部', 'East China Sales'] },
  { id: 'team_north', key: 'north', name: ['华北销售部', 'North China Sales'] },
  { id: 'team_support', key: 'support', name: ['客户服务部', 'Customer Support'] },
];

export const DEFAULT_OWNERS: readonly {
  readonly id: string;
  readonly name: Bilingual;
  readonly teamId: string;
}[] = [
  { id: 'usr_chenjing', name: ['陈静', 'Jing Chen'], teamId: 'team_south' },
  { id: 'usr_liuyang', name: ['刘洋', 'Yang Liu'], teamId: 'team_south' },
  { id: 'usr_huangxiaoyan', name: ['黄晓燕', 'Xiaoyan Huang'], teamId: 'team_south' },
  { id: 'usr_zhoujie', name: ['周杰', 'Jie Zhou'], teamId: 'team_east' },
  { id: 'usr_wumin', name: ['吴敏', 'Min Wu'], teamId: 'team_east' },
  { id: 'usr_emilyzhao', name: ['Emily Zhao', 'Emily Zhao'], teamId: 'team_east' },
  { id: 'usr_zhaogang', name: ['赵刚', 'Gang Zhao'], teamId: 'team_north' },
  { id: 'usr_sunli', name: ['孙丽', 'Li Sun'], teamId: 'team_north' },
  { id: 'usr_linxiaoyu', name: ['林小雨', 'Xiaoyu Lin'], teamId: 'team_support' },
  { id: 'usr_guoqiang', name: ['郭强', 'Qiang Guo'], teamId: 'team_support' },
  { id: 'usr_hejia', name: ['何佳', 'Jia He'], teamId: 'team_support' },
];

/**
 * Contacts planted at fixed positions (zh-CN and mixed locales) so docs and tests can rely on
 * them: a search for `张伟` always finds 张伟明 (con_000002, mobile 138 0013 8000) among others.
 */
export const SHOWCASE_CONTACTS: readonly {
  readonly index: number;
  readonly surname: readonly [string, string];
  readonly given: readonly [string, string];
  readonly gender: 'male' | 'female';
  readonly mobile?: string;
}[] = [
  {
    index: 1,
    surname: ['张', 'zhang'],
    given: ['伟明', 'weiming'],
    gender: 'male',
    mobile: '138 0013 8000',
  },
  { index: 4, surname: ['张', 'zhang'], given: ['伟', 'wei'], gender: 'male' },
  { index: 9, surname: ['张', 'zhang'], given: ['伟华', 'weihua'], gender: 'male' },
  { index: 15, surname: ['王', 'wang'], given: ['芳', 'fang'], gender: 'female' },
  { index: 22, surname: ['李', 'li'], given: ['娜', 'na'], gender: 'female' },
];

// prettier-ignore
export const CUSTOMER_NOTES: readonly Bilingual[] = [
  ['年底有预算，关注移动端和数据安全。', 'Budget available at year end; cares about mobile and data security.'],
  ['集团统一采购，需走招投标流程。', 'Group-level purchasing; a formal tender is required.'],
  ['老板亲自拍板，决策快。', 'The owner decides personally, so decisions are quick.'],
  ['去年因价格原因未成交，今年重新评估。', 'Lost last year on price; re-evaluating this year.'],
];

// prettier-ignore
export const LEAD_TAGS: readonly Bilingual[] = [
  ['高意向', 'high intent'], ['预算已确认', 'budget confirmed'], ['需回电', 'call back'],
];
