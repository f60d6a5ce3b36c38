// The demo "OA portal": a plain page (no framework, no build step of its own). Importing
// '@rapport/elements' registers every <crm-*> tag; this script only opens the client on IndexedDB,
// seeds demo data on the first visit, hands the client to <crm-provider>, and switches locale.
// Everything the elements show comes from the SDK; changes made in another tab show up here too.
import '@rapport/elements';
import { createCrm, createIndexedDbAdapter } from '@rapport/core';
import { generateDemoData, seedDemoData } from '@rapport/core/demo';

const DATABASE = 'rapport-demo-portal';
const $ = (id) => document.getElementById(id);
const provider = $('crm');

/** The portal's own words (the elements bring their own translations). */
const TEXT = {
  en: {
    brand: 'Xingchen OA',
    tagline: 'Customers · Rapport on IndexedDB, no server',
    dark: 'Dark',
    reset: 'Reset demo data',
    customers: 'Customers',
    pipeline: 'Pipeline',
    soon: 'Coming soon',
    customer360: 'Customer 360°',
    pick: 'Customer',
    contactPerson: 'Contact',
    leads: 'Website lead form',
    opening: 'Opening the local database…',
    seeding: 'First visit: writing demo data {done} / {total}',
    ready: 'Ready · {kind}',
    failed: 'Could not open the database: {message}',
    leadCreated: 'New lead: {name}',
    management: 'Management dashboard',
    campaignReport: 'Campaign results',
    pickCampaign: 'Campaign',
    serviceWidget: 'Customer service widget (preview)',
    surveyPreview: 'Satisfaction survey (latest pending)',
    knowledgeBase: 'Help centre',
    ticketCreated: 'Ticket {number} submitted',
    serviceDesk: 'Service desk',
  },
  'zh-CN': {
    brand: '星辰 OA',
    tagline: '客户管理 · Rapport on IndexedDB，无需服务器',
    dark: '深色',
    reset: '重置演示数据',
    customers: '客户',
    pipeline: '销售管道',
    soon: '即将上线',
    customer360: '客户 360°',
    pick: '选择客户',
    contactPerson: '联系人',
    leads: '官网线索表单',
    opening: '正在打开本地数据库…',
    seeding: '首次访问：正在写入演示数据 {done} / {total}',
    ready: '已就绪 · {kind}',
    failed: '无法打开数据库：{message}',
    leadCreated: '新线索：{name}',
    management: '经营看板',
    campaignReport: '营销活动效果',
    pickCampaign: '选择活动',
    serviceWidget: '客户服务窗口（预览）',
    surveyPreview: '满意度调查（最近待填写）',
    knowledgeBase: '帮助中心',
    ticketCreated: '已提交工单 {number}',
    serviceDesk: '服务台',
  },
  'zh-TW': {
    brand: '星辰 OA',
    tagline: '客戶管理 · Rapport on IndexedDB，無需伺服器',
    dark: '深色',
    reset: '重設示範資料',
    customers: '客戶',
    pipeline: '銷售管道',
    soon: '即將推出',
    customer360: '客戶 360°',
    pick: '選擇客戶',
    contactPerson: '聯絡人',
    leads: '官網名單表單',
    opening: '正在開啟本機資料庫…',
    seeding: '首次造訪：正在寫入示範資料 {done} / {total}',
    ready: '已就緒 · {kind}',
    failed: '無法開啟資料庫：{message}',
    leadCreated: '新名單：{name}',
    management: '經營看板',
    campaignReport: '行銷活動成效',
    pickCampaign: '選擇活動',
    serviceWidget: '客戶服務視窗（預覽）',
    surveyPreview: '滿意度調查（最近待填寫）',
    knowledgeBase: '說明中心',
    ticketCreated: '已提交工單 {number}',
    serviceDesk: '服務台',
  },
};

let locale = localStorage.getItem('rapport-portal-locale') ?? 'zh-CN';
if (!TEXT[locale]) locale = 'zh-CN';
let lastStatus = ['opening', {}];

const t = (key, params = {}) =>
  TEXT[locale][key].replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
const status = (key, params) => {
  lastStatus = [key, params];
  $('status').textContent = t(key, params); // always text, never markup
};

function applyLocale(next) {
  locale = next;
  localStorage.setItem('rapport-portal-locale', next);
  document.documentElement.lang = next;
  provider.locale = next; // every element inside re-renders in the new locale
  for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
  for (const button of document.querySelectorAll('[data-locale]'))
    button.setAttribute('aria-pressed', String(button.dataset.locale === next));
  status(...lastStatus);
}

function showCustomer(customerId, contactId) {
  $('card').customerId = customerId;
  $('timeline').customerId = customerId;
  $('contact-card').contactId = contactId;
}

async function open() {
  status('opening');
  // The host's support agents (the demo's support team) answer crm.service.agents(): the ticket
  // detail's agent picker and automatic assignment choose among them.
  const agents = generateDemoData({ seed: 7, customers: 1 })
    .owners.filter((o) => o.teamId === 'team_support')
    .map((o) => ({ id: o.id, name: o.name, teamId: o.teamId }));
  const crm = await createCrm({
    storage: createIndexedDbAdapter({ name: DATABASE }),
    locale,
    service: { agents },
  });
  if ((await crm.customers.count()) === 0) {
    const data = generateDemoData({ seed: 7, customers: 500 });
    await seedDemoData(crm, data, {
      onProgress: (done, total) => status('seeding', { done, total }),
    });
  }
  // Users come from the host (here: the demo's sales team); cards show their names, not ids.
  const owners = new Map(
    generateDemoData({ seed: 7, customers: 1 }).owners.map((o) => [o.id, o.name]),
  );
  for (const card of document.querySelectorAll('crm-contact-card'))
    card.userName = (id) => owners.get(id);
  provider.crm = crm; // every <crm-*> element inside the provider now has data
  void watchSurveys(crm);
  status('ready', { kind: crm.capabilities.kind });

  // A simple customer picker until <crm-customer-table> drives the selection.
  const customers = await crm.customers.list({
    where: { lifecycleStage: { in: ['customer', 'loyal'] } },
    orderBy: [{ field: 'updatedAt', direction: 'desc' }],
    limit: 30,
  });
  const picker = $('customer-picker');
  picker.replaceChildren(
    ...customers.items.map((c) => {
      const option = document.createElement('option');
      option.value = c.id;
      option.textContent = c.name; // data is text, never markup
      return option;
    }),
  );
  const pick = async (id) => {
    const contacts = await crm.contacts.list({ where: { customerId: { eq: id } }, limit: 1 });
    showCustomer(id, contacts.items[0]?.id);
  };
  picker.addEventListener('change', () => void pick(picker.value));
  // <crm-customer-table>: owner names come from the host's directory; Enter (or a click on a
  // name) opens the customer in the 360° panel.
  $('customer-table').owners = [...owners].map(([id, name]) => ({ id, name }));
  $('customer-table').addEventListener('crm-customer-open', (event) => {
    void pick(event.detail.customerId);
    $('customer-360').scrollIntoView({ block: 'start' });
  });
  // Management: group names come from the host's directory; a churn-risk customer opens in the
  // 360° panel; the campaign picker drives <crm-campaign-report>.
  $('kpi-dashboard').groupLabel = (groupBy, key) =>
    groupBy === 'owner' ? owners.get(key) : undefined;
  $('kpi-dashboard').addEventListener('crm-customer-open', (event) => {
    void pick(event.detail.customerId);
    $('customer-360').scrollIntoView({ block: 'start' });
  });
  const campaigns = await crm.campaigns.list({
    orderBy: [{ field: 'updatedAt', direction: 'desc' }],
    limit: 50,
  });
  const campaignPicker = $('campaign-picker');
  campaignPicker.replaceChildren(
    ...campaigns.items.map((c) => {
      const option = document.createElement('option');
      option.value = c.id;
      option.textContent = c.name; // data is text, never markup
      return option;
    }),
  );
  campaignPicker.addEventListener('change', () => {
    $('campaign-report').campaignId = campaignPicker.value;
  });
  if (campaigns.items[0]) $('campaign-report').campaignId = campaigns.items[0].id;
  // Service desk: Enter (or a click on a subject) in the queue opens the ticket beside it.
  $('ticket-list').userName = (id) => owners.get(id);
  $('ticket-detail').userName = (id) => owners.get(id);
  const openTicket = (id) => {
    $('ticket-list').selectedId = id;
    $('ticket-detail').ticketId = id;
  };
  $('ticket-list').addEventListener('crm-ticket-open', (event) =>
    openTicket(event.detail.ticketId),
  );
  const [firstTicket] = (
    await crm.tickets.list({
      where: { status: { in: ['new', 'open', 'pending'] } },
      orderBy: [{ field: 'createdAt', direction: 'asc' }],
      limit: 1,
    })
  ).items;
  if (firstTicket) openTicket(firstTicket.id);
  if (customers.items[0]) await pick(customers.items[0].id);
}

for (const button of document.querySelectorAll('[data-locale]'))
  button.addEventListener('click', () => applyLocale(button.dataset.locale));

$('theme').addEventListener('click', () => {
  const dark = provider.theme !== 'dark';
  provider.theme = dark ? 'dark' : 'light';
  document.body.classList.toggle('dark', dark);
  $('theme').setAttribute('aria-pressed', String(dark));
});

/**
 * The survey preview answers the most recent pending survey request: core creates one when an
 * agent resolves a ticket (crm.service reports it), so resolving a ticket shows its survey here.
 */
async function watchSurveys(crm) {
  const latest = async () => {
    const { items } = await crm.surveyRequests.list({
      where: { status: { eq: 'pending' } },
      orderBy: [{ field: 'requestedAt', direction: 'desc' }],
      limit: 1,
    });
    if (items[0]) $('survey').requestId = items[0].id;
  };
  crm.service.subscribe((event) => {
    if (event.type === 'survey_requested') $('survey').requestId = event.requestId;
  });
  await latest();
}

// Outcome events bubble out of the elements (composed), so the host can react to them.
document.addEventListener('crm-ticket-created', (event) => {
  $('ticket-log').textContent = t('ticketCreated', { number: event.detail.ticket.number });
});
document.addEventListener('crm-lead-created', (event) => {
  $('lead-log').textContent = t('leadCreated', { name: event.detail.lead.name });
});

$('reset').addEventListener('click', async () => {
  await provider.crm?.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DATABASE);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  location.reload();
});

applyLocale(locale);
open().catch((error) => status('failed', { message: error.message }));
