import { afterEach, describe, expect, it } from 'vitest';
import { createCrm, createMemoryAdapter, type Crm } from '../index.js';
import { extractTerms } from './knowledge-base.js';

let crm: Crm;
const now = new Date('2026-03-02T02:00:00Z');

afterEach(async () => {
  await crm?.close();
});

describe('extractTerms', () => {
  it('splits on punctuation and uses overlapping bigrams for CJK runs', () => {
    expect(extractTerms('打印机卡纸，怎么办？')).toEqual([
      '打印',
      '印机',
      '机卡',
      '卡纸',
      '怎么',
      '么办',
    ]);
    expect(extractTerms('HP LaserJet 1020 打印机 x')).toEqual([
      'hp',
      'laserjet',
      '1020',
      '打印',
      '印机',
    ]);
    expect(extractTerms('ＶＰＮ连不上')).toEqual(['vpn', '连不', '不上']);
    expect(extractTerms('！')).toEqual([]);
  });
});

describe('knowledge base', () => {
  async function seed() {
    crm = await createCrm({ storage: createMemoryAdapter(), clock: () => now });
    const jam = await crm.articles.create({
      title: '打印机卡纸的处理方法',
      body: '1. 关闭电源\n2. 取出卡住的纸张',
      tags: ['打印机'],
      status: 'published',
    });
    const driver = await crm.articles.create({
      title: '如何安装打印机驱动',
      body: '从官网下载驱动后安装。',
      status: 'published',
    });
    const vpn = await crm.articles.create({
      title: 'VPN 无法连接',
      body: '检查账号密码。',
      status: 'published',
      locale: 'zh-CN',
    });
    await crm.articles.create({ title: '打印机卡纸（草稿）', body: '', status: 'draft' });
    return { jam, driver, vpn };
  }

  it('is searchable with the core CJK-aware search', async () => {
    const { jam } = await seed();
    const found = await crm.articles.list({
      search: '卡纸',
      where: { status: { eq: 'published' } },
    });
    expect(found.items.map((a) => a.id)).toEqual([jam.id]);
  });

  it('suggests published articles for a ticket, best match first', async () => {
    const { jam, driver } = await seed();
    const t = await crm.tickets.submit({
      subject: '办公室打印机老是卡纸',
      description: '换了纸还是卡住',
    });
    const suggestions = await crm.tickets.suggestArticles(t.id);
    expect(suggestions.map((s) => s.article.id)).toEqual([jam.id, driver.id]);
    // 打印 印机 卡纸 in the title (3 each) + 卡住 in the body (1)
    expect(suggestions[0]).toMatchObject({ score: 10 });
    expect(suggestions[0]!.matchedTerms).toEqual(
      expect.arrayContaining(['打印', '印机', '卡纸', '卡住']),
    );
    expect(await crm.articles.suggest('vpn 连接', { locale: 'en' })).toEqual([]);
    expect((await crm.articles.suggest('vpn 连接'))[0]!.article.title).toBe('VPN 无法连接');
  });

  it('counts helpful and not-helpful votes, concurrent ones included', async () => {
    const { jam, driver } = await seed();
    await Promise.all([crm.articles.vote(jam.id, true), crm.articles.vote(jam.id, true)]);
    const voted = await crm.articles.vote(jam.id, false);
    expect(voted).toMatchObject({ helpfulCount: 2, notHelpfulCount: 1 });
    // equal scores: helpfulness breaks the tie
    await crm.articles.vote(driver.id, true);
    await crm.articles.vote(driver.id, true);
    const tie = await crm.articles.suggest('打印机');
    expect(tie.map((s) => s.article.id)).toEqual([driver.id, jam.id]);
  });
});
