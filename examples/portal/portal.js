// The demo portal: a plain page (no framework, no build step of its own) using @rapport/core on
// IndexedDB. On the first visit it seeds demo data; every list goes through the SDK's query engine,
// and changes made in another tab show up here through the storage's change events.
import { createCrm, createIndexedDbAdapter } from '@rapport/core';
import { generateDemoData, seedDemoData } from '@rapport/core/demo';

const DATABASE = 'rapport-demo-portal';
const PAGE_SIZE = 50;
const TIERS = { vip: 'VIP', key: '重点', regular: '普通' };
const STAGES = {
  potential: '潜在',
  prospect: '意向',
  customer: '成交',
  loyal: '忠诚',
  churned: '流失',
};

const $ = (id) => document.getElementById(id);
const status = (text) => ($('status').textContent = text);

let crm;
let cursor = null;
let generation = 0;

async function open() {
  crm = await createCrm({ storage: createIndexedDbAdapter({ name: DATABASE }), locale: 'zh-CN' });
  if ((await crm.customers.count()) === 0) {
    status('首次访问：正在生成演示数据…');
    const data = generateDemoData({ seed: 7, customers: 2000 });
    await seedDemoData(crm, data, {
      onProgress: (done, total) => status(`正在写入演示数据 ${done} / ${total}`),
    });
  }
  crm.subscribe(() => void render(true));
  status(`已就绪 · ${crm.capabilities.kind}`);
}

function query() {
  const [field, direction] = $('order').value.split(':');
  const tier = $('tier').value;
  return {
    search: $('search').value.trim() || undefined,
    where: tier ? { tier: { eq: tier } } : undefined,
    orderBy: [{ field, direction }],
    limit: PAGE_SIZE,
  };
}

function row(customer) {
  const tr = document.createElement('tr');
  const cells = [
    customer.name,
    TIERS[customer.tier] ?? customer.tier,
    STAGES[customer.lifecycleStage] ?? customer.lifecycleStage,
    [customer.region?.province, customer.region?.city].filter(Boolean).join(' '),
    customer.phones?.[0]?.number ?? '',
    customer.industry ?? '',
  ];
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text; // data is always text, never markup
    tr.append(td);
  }
  return tr;
}

async function render(reset) {
  const mine = ++generation;
  const spec = query();
  try {
    const page = await crm.customers.list(reset ? spec : { ...spec, cursor });
    if (mine !== generation) return; // a newer query has started
    if (reset) $('rows').replaceChildren();
    $('rows').append(...page.items.map(row));
    cursor = page.nextCursor;
    $('more').hidden = !cursor;
    $('summary').textContent = `共 ${page.total} 个客户，显示 ${$('rows').children.length} 个`;
  } catch (error) {
    status(`出错了：${error.message}`);
  }
}

let debounce;
$('search').addEventListener('input', () => {
  clearTimeout(debounce);
  debounce = setTimeout(() => render(true), 200);
});
$('tier').addEventListener('change', () => render(true));
$('order').addEventListener('change', () => render(true));
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  void render(true);
});
$('more').addEventListener('click', () => render(false));
$('reset').addEventListener('click', async () => {
  await crm.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DATABASE);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  location.reload();
});

open()
  .then(() => render(true))
  .catch((error) => status(`无法打开数据库：${error.message}`));
