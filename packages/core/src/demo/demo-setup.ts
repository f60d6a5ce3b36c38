import type { Where } from '../query/query-spec.js';
import {
  DAY,
  demoId,
  iso,
  officeTime,
  text,
  type DemoContext,
  type DemoRecord,
} from './demo-context.js';
import { ARTICLES } from './demo-articles.js';
import {
  CAMPAIGNS,
  CAMPAIGN_TEMPLATES,
  EXTRA_WORKING_DAYS_2026,
  HOLIDAYS_2026,
  HOSTILE_STRINGS,
  type Bilingual,
  type DemoCampaign,
} from './demo-words.js';
import type { Random } from './random.js';

/**
 * What an administrator sets up before the day-to-day data: pipelines, SLA policies, custom field
 * definitions, segments, campaigns and knowledge-base articles.
 */
export interface DemoSetup {
  readonly pipelines: DemoRecord<'pipeline'>[];
  readonly slaPolicies: DemoRecord<'slaPolicy'>[];
  readonly customFields: DemoRecord<'customFieldDefinition'>[];
  readonly segments: DemoRecord<'segment'>[];
  readonly campaigns: DemoRecord<'campaign'>[];
  readonly articles: DemoRecord<'article'>[];
}

export const STANDARD_PIPELINE_ID = 'pl_standard';
export const RENEWAL_PIPELINE_ID = 'pl_renewal';

type StageRow = readonly [
  id: string,
  name: Bilingual,
  probability: number,
  kind: 'open' | 'won' | 'lost',
];
const STANDARD_STAGES: readonly StageRow[] = [
  ['stg_contact', ['初步接触', 'Initial contact'], 0.1, 'open'],
  ['stg_qualify', ['需求确认', 'Qualification'], 0.3, 'open'],
  ['stg_proposal', ['方案报价', 'Proposal'], 0.6, 'open'],
  ['stg_negotiation', ['商务谈判', 'Negotiation'], 0.8, 'open'],
  ['stg_won', ['赢单', 'Won'], 1, 'won'],
  ['stg_lost', ['输单', 'Lost'], 0, 'lost'],
];
const RENEWAL_STAGES: readonly StageRow[] = [
  ['stg_renewal_due', ['待续约', 'Renewal due'], 0.4, 'open'],
  ['stg_renewal_confirm', ['续约确认', 'Renewal confirmed'], 0.7, 'open'],
  ['stg_renewed', ['已续约', 'Renewed'], 1, 'won'],
  ['stg_churned', ['流失', 'Churned'], 0, 'lost'],
];

function demoPipelines(ctx: DemoContext): DemoRecord<'pipeline'>[] {
  const stages = (rows: readonly StageRow[]) =>
    rows.map(([id, name, probability, kind]) => ({
      id,
      name: text(name, ctx.globalLang),
      probability,
      kind,
    }));
  return [
    {
      id: STANDARD_PIPELINE_ID,
      name: text(['标准销售流程', 'Standard sales'], ctx.globalLang),
      stages: stages(STANDARD_STAGES),
      currency: 'CNY',
      isDefault: true,
    },
    {
      id: RENEWAL_PIPELINE_ID,
      name: text(['续约与渠道', 'Renewals & channel'], ctx.globalLang),
      stages: stages(RENEWAL_STAGES),
      currency: 'CNY',
      isDefault: false,
    },
  ];
}

/** Every day of every 2026 public holiday, from the State Council's announcement. */
function holidayDates(): string[] {
  const dates: string[] = [];
  for (const [first, last] of HOLIDAYS_2026) {
    for (
      let ms = Date.parse(`${first}T00:00:00Z`);
      ms <= Date.parse(`${last}T00:00:00Z`);
      ms += DAY
    ) {
      dates.push(new Date(ms).toISOString().slice(0, 10));
    }
  }
  return dates;
}

function demoSlaPolicies(ctx: DemoContext): DemoRecord<'slaPolicy'>[] {
  const calendar = {
    timeZone: 'Asia/Shanghai',
    workingDays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '18:00',
    holidays: holidayDates(),
    extraWorkingDays: [...EXTRA_WORKING_DAYS_2026],
  };
  const name = (pair: Bilingual) => text(pair, ctx.globalLang);
  return [
    // Urgent tickets run on the wall clock, 24×7: no calendar.
    {
      id: 'sla_urgent',
      name: name(['紧急工单（7×24）', 'Urgent (24×7)']),
      priorities: ['urgent'],
      firstResponseMinutes: 30,
      resolutionMinutes: 240,
      pauseWhilePending: false,
      atRiskRatio: 0.75,
    },
    {
      id: 'sla_complaint',
      name: name(['客户投诉', 'Complaints']),
      categories: ['complaint'],
      firstResponseMinutes: 60,
      resolutionMinutes: 2 * 540,
      calendar,
    },
    {
      id: 'sla_high',
      name: name(['高优先级', 'High priority']),
      priorities: ['high'],
      firstResponseMinutes: 120,
      resolutionMinutes: 540,
      calendar,
    },
    {
      id: 'sla_standard',
      name: name(['标准服务', 'Standard']),
      priorities: ['normal', 'low'],
      firstResponseMinutes: 480,
      resolutionMinutes: 5 * 540,
      calendar,
    },
  ];
}

function demoCustomFields(): DemoRecord<'customFieldDefinition'>[] {
  return [
    {
      id: 'cf_customer_credit_rating',
      entity: 'customer',
      key: 'creditRating',
      type: 'select',
      label: { 'zh-CN': '信用等级', 'zh-TW': '信用等級', en: 'Credit rating' },
      options: ['AAA', 'AA', 'A', 'B', 'C'].map((value) => ({ value, label: { en: value } })),
      order: 1,
    },
    {
      id: 'cf_customer_credit_code',
      entity: 'customer',
      key: 'socialCreditCode',
      type: 'text',
      label: {
        'zh-CN': '统一社会信用代码',
        'zh-TW': '統一社會信用代碼',
        en: 'Unified social credit code',
      },
      order: 2,
    },
    {
      id: 'cf_customer_wechat_group',
      entity: 'customer',
      key: 'wechatGroup',
      type: 'text',
      label: { 'zh-CN': '微信服务群', 'zh-TW': '微信服務群', en: 'WeChat service group' },
      order: 3,
    },
    {
      id: 'cf_deal_competitor',
      entity: 'deal',
      key: 'competitor',
      type: 'text',
      label: { 'zh-CN': '主要竞争对手', 'zh-TW': '主要競爭對手', en: 'Main competitor' },
    },
    {
      id: 'cf_ticket_device_serial',
      entity: 'ticket',
      key: 'deviceSerial',
      type: 'text',
      label: { 'zh-CN': '设备序列号', 'zh-TW': '設備序號', en: 'Device serial number' },
    },
  ];
}

/** Dynamic segments use the query model's `where`; one static segment lists members. */
function demoSegments(
  ctx: DemoContext,
  rng: Random,
  customerIds: readonly string[],
): DemoRecord<'segment'>[] {
  const lang = ctx.globalLang;
  const ownerId = ctx.owners[0]?.id;
  const owner = ownerId === undefined ? {} : { ownerId };
  const guangdong: Where = {
    tier: { eq: 'vip' },
    'region.province': { eq: lang === 0 ? '广东省' : 'Guangdong' },
  };
  return [
    {
      id: 'seg_vip_guangdong',
      name: text(['广东 VIP 客户', 'VIP customers in Guangdong'], lang),
      entity: 'customer',
      kind: 'dynamic',
      where: guangdong,
      ...owner,
    },
    {
      id: 'seg_key_accounts',
      name: text(['重点客户', 'Key accounts'], lang),
      description: text(
        ['VIP 与重点级别的成交客户', 'VIP and key-tier customers who have bought'],
        lang,
      ),
      entity: 'customer',
      kind: 'dynamic',
      where: { tier: { in: ['vip', 'key'] }, lifecycleStage: { in: ['customer', 'loyal'] } },
      ...owner,
    },
    {
      id: 'seg_churn_risk',
      name: text(['流失预警', 'Churn risk'], lang),
      description: text(
        ['已流失，或 90 天未联系的客户', 'Churned, or not contacted for 90 days'],
        lang,
      ),
      entity: 'customer',
      kind: 'dynamic',
      where: {
        or: [
          { lifecycleStage: { eq: 'churned' } },
          { lastContactAt: { lt: iso(ctx.now - 90 * DAY) } },
        ],
      },
      ...owner,
    },
    {
      id: 'seg_wechat_opt_in',
      name: text(['接受微信营销的联系人', 'Contacts who accept WeChat messages'], lang),
      entity: 'contact',
      kind: 'dynamic',
      where: { 'consent.wechat': { eq: true } },
      ...owner,
    },
    {
      id: 'seg_spring_event_guests',
      name: text(['春季发布会到场客户', 'Spring launch event guests'], lang),
      entity: 'customer',
      kind: 'static',
      memberIds: rng.sample(customerIds, 30).sort(),
      ...owner,
    },
  ];
}

/**
 * The built-in campaign list, dated relative to `now` (status follows from the dates); asking for
 * more campaigns repeats it as later editions.
 */
function demoCampaigns(
  ctx: DemoContext,
  rng: Random,
  segments: readonly DemoRecord<'segment'>[],
): DemoRecord<'campaign'>[] {
  const campaigns: DemoRecord<'campaign'>[] = [];
  for (let index = 0; index < ctx.counts.campaigns; index++) {
    const spec = CAMPAIGNS[index % CAMPAIGNS.length] as DemoCampaign;
    const edition = Math.floor(index / CAMPAIGNS.length);
    const lang = ctx.globalLang;
    const name =
      text(spec.name, lang) +
      (edition === 0 ? '' : lang === 0 ? `（第 ${edition + 1} 期）` : ` (#${edition + 1})`);
    const campaign: DemoRecord<'campaign'> = {
      id: demoId('cmp', index, 3),
      name,
      channel: spec.channel,
      budget: spec.budget,
      currency: 'CNY',
    };
    if (spec.startDay === null) {
      campaign.status = 'draft';
    } else {
      const startDay = spec.startDay - edition * 7;
      const start = officeTime(rng, ctx.now + startDay * DAY);
      const end = start + spec.days * DAY;
      campaign.startAt = iso(start);
      campaign.endAt = iso(end);
      const elapsed = Math.min(1, Math.max(0, (ctx.now - start) / (end - start)));
      campaign.status = spec.cancelled
        ? 'cancelled'
        : start > ctx.now
          ? 'scheduled'
          : end <= ctx.now
            ? 'completed'
            : 'running';
      const spent = spec.cancelled
        ? rng.float(0.2, 0.5)
        : campaign.status === 'completed'
          ? rng.float(0.8, 1.08)
          : elapsed * rng.float(0.7, 1);
      campaign.actualCost = Math.round((spec.budget * spent) / 100) * 100;
    }
    const segmentId = spec.segment === undefined ? undefined : segments[spec.segment]?.id;
    if (segmentId !== undefined) campaign.segmentId = segmentId;
    if (spec.channel === 'email' || spec.channel === 'sms' || spec.channel === 'wechat') {
      const body = text(CAMPAIGN_TEMPLATES[spec.channel], lang);
      campaign.template = spec.channel === 'email' ? { subject: name, body } : { body };
    }
    const ownerId = ctx.owners[index % ctx.owners.length]?.id;
    if (ownerId !== undefined) campaign.ownerId = ownerId;
    campaigns.push(campaign);
  }
  return campaigns;
}

/** zh-CN articles for zh-CN, en for en, both for mixed. */
function demoArticles(ctx: DemoContext, rng: Random): DemoRecord<'article'>[] {
  const wanted = ctx.locale === 'mixed' ? ['zh-CN', 'en'] : [ctx.locale];
  const articles = ARTICLES.filter((a) => wanted.includes(a.locale)).map(
    (a, index): DemoRecord<'article'> => {
      const published = !a.draft;
      const author = ctx.agent(rng);
      return {
        id: demoId('art', index, 3),
        title: a.title,
        body: a.body,
        locale: a.locale,
        status: published ? 'published' : 'draft',
        category: a.category,
        tags: [...a.tags],
        authorId: author.id,
        helpfulCount: published ? rng.int(0, 240) : 0,
        notHelpfulCount: published ? rng.int(0, 30) : 0,
      };
    },
  );
  const first = articles[0];
  if (ctx.hostile && first) {
    first.title = HOSTILE_STRINGS.articleTitle;
    first.body = HOSTILE_STRINGS.articleBody;
  }
  return articles;
}

export function createDemoSetup(ctx: DemoContext, customerIds: readonly string[]): DemoSetup {
  const rng = ctx.fork('setup');
  const segments = demoSegments(ctx, rng, customerIds);
  return {
    pipelines: demoPipelines(ctx),
    slaPolicies: demoSlaPolicies(ctx),
    customFields: demoCustomFields(),
    segments,
    campaigns: demoCampaigns(ctx, rng, segments),
    articles: demoArticles(ctx, rng),
  };
}
