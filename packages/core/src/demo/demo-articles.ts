/** Knowledge-base articles for the demo data, in Markdown. `draft` ones are left unpublished. */
export interface DemoArticle {
  readonly locale: 'zh-CN' | 'en';
  readonly title: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly draft?: boolean;
  readonly body: string;
}

export const ARTICLES: readonly DemoArticle[] = [
  {
    locale: 'zh-CN',
    title: '如何通过 CSV 批量导入客户',
    category: '入门指南',
    tags: ['导入', '客户管理'],
    body: `## 准备文件

1. 在 **客户 → 导入** 页面下载模板。
2. 按模板填写：\`名称\` 必填，\`手机\` 支持 \`138 0013 8000\` 和 \`+86 138 0013 8000\` 两种写法。
3. 文件请保存为 **UTF-8** 编码，避免中文乱码。

## 导入

- 单次最多 100,000 行；
- 校验失败的行会列出行号和原因，其余行**不会**写入（全部成功或全部失败）。

> 提示：导入前可先用 10 行数据试跑一次。
`,
  },
  {
    locale: 'zh-CN',
    title: '销售管道与阶段设置',
    category: '销售管道',
    tags: ['商机', '管道'],
    body: `## 默认管道

| 阶段 | 赢率 |
| --- | --- |
| 初步接触 | 10% |
| 需求确认 | 30% |
| 方案报价 | 60% |
| 商务谈判 | 80% |

赢单、输单为终止阶段。输单时必须填写**输单原因**，便于复盘。

## 自定义阶段

管理员可在 **设置 → 销售管道** 中增删阶段、调整顺序。已有商机会保留阶段历史。
`,
  },
  {
    locale: 'zh-CN',
    title: '工单 SLA 是如何计时的',
    category: '工单与服务',
    tags: ['SLA', '工单'],
    body: `## 工作时间

SLA 默认按 **工作日 09:00–18:00（北京时间）** 计时，法定节假日不计时，调休上班日计时。

## 暂停

工单处于 *待客户回复* 状态时暂停计时；客户回复后自动恢复。

## 预警

已用时间达到目标的 **80%** 时，工单标记为「即将超时」。
`,
  },
  {
    locale: 'zh-CN',
    title: '公海规则：线索回收与领取',
    category: '客户管理',
    tags: ['公海', '线索'],
    body: `- 线索分配后 **7 天** 未跟进，自动退回公海；
- 每位销售每天最多领取 **20** 条公海线索；
- 退回公海的客户保留全部跟进记录。
`,
  },
  {
    locale: 'zh-CN',
    title: '手机号与身份证号脱敏说明',
    category: '账号与安全',
    tags: ['隐私', '安全'],
    body: `没有「查看敏感信息」权限的用户看到的是脱敏后的值：

- 手机号：\`138****8000\`
- 身份证号：\`110105********1234\`

敏感字段在浏览器端加密后才写入存储，导出 CSV 时同样脱敏。
`,
  },
  {
    locale: 'zh-CN',
    title: '在企业微信工作台中嵌入 Rapport 组件',
    category: '集成',
    tags: ['企业微信', '集成'],
    body: `在门户页面加入一行脚本即可使用：

\`\`\`html
<script type="module" src="/rapport/elements.js"></script>
<crm-pipeline-board></crm-pipeline-board>
\`\`\`

组件默认使用浏览器本地存储，无需部署服务端。
`,
  },
  {
    locale: 'zh-CN',
    title: '客户满意度（CSAT）与 NPS 的区别',
    category: '工单与服务',
    tags: ['满意度', 'NPS'],
    body: `- **CSAT**：单次服务满意度，1–5 分，工单解决后邀请评价；
- **NPS**：推荐意愿，0–10 分，9–10 为推荐者，0–6 为贬损者。

NPS = 推荐者占比 − 贬损者占比。
`,
  },
  {
    locale: 'zh-CN',
    title: '季度销售目标设置（草稿）',
    category: '销售管道',
    tags: ['目标', '业绩'],
    draft: true,
    body: `## 待补充

- 按人、按团队设置季度目标
- 目标完成率的计算口径
`,
  },
  {
    locale: 'en',
    title: 'Importing customers from CSV',
    category: 'Getting started',
    tags: ['import', 'customers'],
    body: `## Prepare the file

1. Download the template from **Customers → Import**.
2. Fill in at least the *Name* column. Phone numbers may be written \`138 0013 8000\` or \`+86 138 0013 8000\`.
3. Save as **UTF-8**.

## Import

An import is all-or-nothing: if any row fails validation, nothing is written and every bad row is listed.
`,
  },
  {
    locale: 'en',
    title: 'How SLA business hours work',
    category: 'Service',
    tags: ['SLA', 'tickets'],
    body: `SLA clocks run on the policy's **business calendar** (by default Mon–Fri 09:00–18:00, Asia/Shanghai).

- Public holidays do not count; make-up working days (调休) do.
- Clocks pause while a ticket is *pending* on the customer.
- A clock is **at risk** at 80% of its target.
`,
  },
  {
    locale: 'en',
    title: 'Embedding Rapport in your intranet portal',
    category: 'Integrations',
    tags: ['embed', 'portal'],
    body: `Add one script tag and drop in any element:

\`\`\`html
<script type="module" src="/rapport/elements.js"></script>
<crm-customer-table></crm-customer-table>
\`\`\`

Theme it with \`--crm-*\` custom properties.
`,
  },
  {
    locale: 'en',
    title: 'Understanding win probability',
    category: 'Sales',
    tags: ['pipeline', 'forecast'],
    body: `Each pipeline stage has a win probability. The weighted forecast is the sum of *amount × probability* over open deals.
`,
  },
  {
    locale: 'en',
    title: 'Data retention policy (draft)',
    category: 'Security',
    tags: ['privacy'],
    draft: true,
    body: `_To be written._
`,
  },
];
