import { expect, fixture, html } from '@open-wc/testing';
import {
  ConflictError,
  PermissionError,
  createIndexedDbAdapter,
  createMemoryAdapter,
  type Crm,
  type DealInput,
  type StorageAdapter,
} from '@rapport/core';
import { withFaults } from '@rapport/core/memory';
import { STANDARD_PIPELINE_ID } from '@rapport/core/demo';
import './define.js';
import type { CrmPipelineBoard } from './pipeline-board.js';
import { boardKeyDown } from './board-keyboard.js';
import {
  HOSTILE_NAME,
  crmOver,
  failingCrm,
  seededCrm,
  shadowText,
  slowCrm,
  until,
} from '../test/fixtures.js';

const STAGES = [
  { id: 'qualify', name: 'Qualification', probability: 0.1 },
  { id: 'proposal', name: 'Proposal', probability: 0.6 },
  { id: 'negotiation', name: 'Negotiation', probability: 0.8 },
  { id: 'won', name: 'Won', probability: 1, kind: 'won' as const },
  { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' as const },
];

async function pipelineCrm(
  storage: StorageAdapter = createMemoryAdapter(),
  deals: Partial<DealInput>[] = [
    { name: 'Cloud migration', stageId: 'qualify', amount: 100_000 },
    { name: 'Annual licence', stageId: 'qualify', amount: 20_000 },
    { name: 'Support renewal', stageId: 'proposal', amount: 50_000 },
  ],
): Promise<Crm> {
  const crm = await crmOver(storage);
  await crm.pipelines.create({ id: 'std', name: 'Standard', isDefault: true, stages: STAGES });
  await crm.deals.createMany(
    deals.map((d, i) => ({ name: `Deal ${i}`, pipelineId: 'std', stageId: 'qualify', ...d })),
  );
  return crm;
}

const $ = <T extends Element = HTMLElement>(el: CrmPipelineBoard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CrmPipelineBoard, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const column = (el: CrmPipelineBoard, stageId: string) =>
  $(el, `section[data-stage-id="${stageId}"]`)!;
const cardNames = (el: CrmPipelineBoard, stageId: string) =>
  [...column(el, stageId).querySelectorAll('.card .name')].map((n) => n.textContent!.trim());
const key = (target: Element, k: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
const live = (el: CrmPipelineBoard) => $(el, '[aria-live="polite"]')!.textContent!.trim();

async function board(crm: Crm): Promise<CrmPipelineBoard> {
  const el = await fixture<CrmPipelineBoard>(
    html`<crm-pipeline-board .crm=${crm}></crm-pipeline-board>`,
  );
  await until(() => !!el.summary.data && $$(el, 'section').length > 0);
  await until(() =>
    el.pipeline!.stages.every(
      (s) =>
        (el.figures?.columns.find((c) => c.stageId === s.id)?.count ?? 0) === 0 ||
        cardNames(el, s.id).length > 0,
    ),
  );
  await el.updateComplete;
  return el;
}

describe('boardKeyDown', () => {
  const sizes = [2, 0, 3];
  it('browses cards, skipping empty columns', () => {
    expect(boardKeyDown({ column: 0, row: 0 }, 'ArrowDown', sizes).state).to.deep.equal({
      column: 0,
      row: 1,
    });
    expect(boardKeyDown({ column: 0, row: 1 }, 'ArrowDown', sizes).action.type).to.equal('none');
    expect(boardKeyDown({ column: 0, row: 1 }, 'ArrowRight', sizes).state).to.deep.equal({
      column: 2,
      row: 1,
    });
    expect(boardKeyDown({ column: 2, row: 0 }, 'End', sizes).state).to.deep.equal({
      column: 2,
      row: 2,
    });
    expect(boardKeyDown({ column: 0, row: 0 }, 'Enter', sizes).action.type).to.equal('open');
    expect(boardKeyDown({ column: 0, row: 0 }, 'a', sizes).handled).to.equal(false);
  });
  it('picks up, carries over any column, drops or cancels', () => {
    let r = boardKeyDown({ column: 0, row: 1 }, ' ', sizes);
    expect(r.action.type).to.equal('pickup');
    r = boardKeyDown(r.state, 'ArrowRight', sizes);
    expect(r.state.over).to.equal(1); // empty columns are drop targets too
    expect(boardKeyDown(r.state, 'ArrowUp', sizes).action.type).to.equal('within');
    expect(boardKeyDown(r.state, ' ', sizes).action).to.deep.equal({
      type: 'drop',
      from: 0,
      to: 1,
    });
    expect(boardKeyDown(r.state, 'Escape', sizes)).to.deep.include({
      state: { column: 0, row: 1 },
      action: { type: 'cancel' },
    });
    const back = boardKeyDown(r.state, 'ArrowLeft', sizes);
    expect(boardKeyDown(back.state, ' ', sizes).action.type).to.equal('cancel');
  });
});

describe('<crm-pipeline-board>', () => {
  it('renders a column per stage with count, total and weighted amount from core', async () => {
    const crm = await pipelineCrm();
    const el = await board(crm);
    const headers = $$(el, 'section h3').map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(STAGES.map((s) => s.name));
    const qualify = column(el, 'qualify')
      .querySelector('.figures')!
      .textContent!.replace(/\s+/g, ' ');
    expect(qualify).to.contain('2 deals');
    expect(qualify).to.contain('Total CN¥120,000.00');
    expect(qualify).to.contain('Weighted CN¥12,000.00');
    expect(cardNames(el, 'qualify').sort()).to.deep.equal(['Annual licence', 'Cloud migration']);
    expect(shadowText(el)).to.contain('3 deals');
    expect(el.matches(':state(loading)')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the loading state', async () => {
    const el = await fixture<CrmPipelineBoard>(
      html`<crm-pipeline-board .crm=${await slowCrm()}></crm-pipeline-board>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('shows the error state with a retry button', async () => {
    const el = await fixture<CrmPipelineBoard>(
      html`<crm-pipeline-board .crm=${await failingCrm()}></crm-pipeline-board>`,
    );
    await until(() => el.matches(':state(error)'));
    expect($(el, '[role="alert"]')!.textContent).to.contain('Something went wrong');
    expect($(el, '[role="alert"] button')!.textContent!.trim()).to.equal('Retry');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state: no pipeline, or a pipeline without deals', async () => {
    const none = await fixture<CrmPipelineBoard>(
      html`<crm-pipeline-board .crm=${await crmOver(createMemoryAdapter())}></crm-pipeline-board>`,
    );
    await until(() => none.matches(':state(empty)'));
    expect(shadowText(none)).to.contain('No pipeline yet');
    await expect(none).to.be.accessible();

    const el = await board(await pipelineCrm(createMemoryAdapter(), []));
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(shadowText(el)).to.contain('No deals in this pipeline yet.');
    expect($$(el, 'section')).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('cancelling crm-deal-move keeps the deal where it is', async () => {
    const crm = await pipelineCrm();
    const el = await board(crm);
    const deal = (await crm.deals.list({ where: { name: { eq: 'Cloud migration' } } })).items[0]!;
    const moved: unknown[] = [];
    el.addEventListener('crm-deal-move', (e) => {
      expect(e.detail).to.deep.include({
        dealId: deal.id,
        fromStageId: 'qualify',
        toStageId: 'won',
      });
      e.preventDefault();
    });
    el.addEventListener('crm-deal-moved', (e) => moved.push(e.detail));
    expect(await el.moveDeal(deal.id, 'won')).to.equal(false);
    expect((await crm.deals.get(deal.id)).stageId).to.equal('qualify');
    expect(moved).to.deep.equal([]);
    expect(cardNames(el, 'qualify')).to.include('Cloud migration');
    expect(live(el)).to.equal('Move of “Cloud migration” cancelled.');
  });

  it('moves a deal with the keyboard alone, persists it to IndexedDB and announces it', async () => {
    const name = `board-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const crm = await pipelineCrm(createIndexedDbAdapter({ name }), [
      { name: 'Cloud migration', stageId: 'qualify', amount: 100_000 },
    ]);
    const el = await board(crm);
    const outcomes: string[] = [];
    el.addEventListener('crm-deal-moved', (e) => outcomes.push(e.detail.toStageId));

    const card = $(el, '.grab[tabindex="0"]')!;
    expect(card.textContent).to.contain('Cloud migration');
    card.focus();
    key(card, ' ');
    await until(() => card.getAttribute('aria-pressed') === 'true');
    expect(live(el)).to.contain('Picked up “Cloud migration”');
    key(card, 'ArrowRight');
    await el.updateComplete;
    expect(live(el)).to.equal('Over Proposal, stage 2 of 5.');
    expect(column(el, 'proposal').classList.contains('drop-target')).to.equal(true);
    key(card, ' ');
    await until(() => outcomes.length === 1);
    expect(live(el)).to.equal('Moved “Cloud migration” to Proposal.');
    await until(
      () => cardNames(el, 'proposal').includes('Cloud migration') && el.pending.size === 0,
    );
    expect(cardNames(el, 'qualify')).to.deep.equal([]);
    // Focus followed the card.
    await until(
      () => el.shadowRoot!.activeElement?.textContent?.includes('Cloud migration') === true,
    );

    // A second connection to the same database reads the move back.
    const reader = await crmOver(createIndexedDbAdapter({ name }));
    const [stored] = (await reader.deals.list({})).items;
    expect(stored!.stageId).to.equal('proposal');
    expect(stored!.stageHistory.at(-1)!.stageId).to.equal('proposal');
    await reader.close();
    await expect(el).to.be.accessible();
    await crm.close();
  });

  it('keeps one tab stop on a rendered card while its column scrolls', async () => {
    const crm = await pipelineCrm(
      createMemoryAdapter(),
      Array.from({ length: 40 }, (_, i) => ({ name: `Deal ${i}`, stageId: 'qualify' })),
    );
    const el = await board(crm);
    const list = column(el, 'qualify').querySelector<HTMLElement>('.cards')!;
    const stops = () => $$(el, '.grab[tabindex="0"]').map((grab) => grab.dataset['row']);
    expect(stops()).to.deep.equal(['0']);

    // The first card scrolls out of the rendered range: a rendered card takes the tab stop.
    list.scrollTop = list.scrollHeight / 2;
    await until(() => stops().length === 1 && stops()[0] !== '0');
    const stop = $(el, '.grab[tabindex="0"]')!;
    expect(column(el, 'qualify').contains(stop)).to.equal(true);
    expect($(el, '.grab[data-row="0"]')).to.equal(null);

    // Back at the top, the first card has it again.
    list.scrollTop = 0;
    await until(() => stops().length === 1 && stops()[0] === '0');
    await crm.close();
  });

  it('rolls back a conflicting move with a visible error', async () => {
    let armed = false;
    const storage = withFaults(createMemoryAdapter(), {
      operation: 'commit',
      collection: 'deals',
      when: () => armed,
      error: (call) =>
        new ConflictError(
          'deals',
          String(
            call.mutations?.[0] && 'record' in call.mutations[0] ? call.mutations[0].record.id : '',
          ),
          1,
          2,
        ),
    });
    const crm = await pipelineCrm(storage);
    const el = await board(crm);
    const failed: unknown[] = [];
    el.addEventListener('crm-deal-move-failed', (e) => failed.push(e.detail.error));
    armed = true;
    const card = $$(el, '.card').find((c) => c.textContent!.includes('Support renewal'))!;
    card.querySelector<HTMLButtonElement>('.move')!.click();
    await until(() => $$(el, '[role="menuitem"]').length > 0);
    const item = $$(el, '[role="menuitem"]').find((m) => m.textContent!.includes('Negotiation'))!;
    await until(() => el.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem');
    item.click();
    await until(() => failed.length === 1);
    await el.updateComplete;
    expect(failed[0]).to.be.instanceOf(ConflictError);
    const alert = $(el, '[part="error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Could not move “Support renewal”');
    expect(alert.textContent).to.contain('Someone else changed this record');
    expect(cardNames(el, 'proposal')).to.include('Support renewal');
    expect(cardNames(el, 'negotiation')).to.deep.equal([]);
    expect(column(el, 'proposal').textContent).to.contain('1 deals');
    armed = false;
    const stored = (await crm.deals.list({ where: { name: { eq: 'Support renewal' } } })).items[0]!;
    expect(stored.stageId).to.equal('proposal');
    await expect(el).to.be.accessible();
  });

  it('rolls back a move the principal may not make', async () => {
    const storage = withFaults(createMemoryAdapter(), {
      operation: 'commit',
      collection: 'deals',
      after: 1, // the seeding commit goes through
      error: () => new PermissionError('update', 'deals'),
    });
    const crm = await pipelineCrm(storage);
    const el = await board(crm);
    const deal = el.dealsIn('qualify')[0]!;
    expect(await el.moveDeal(deal.id, 'proposal')).to.equal(false);
    await el.updateComplete;
    expect($(el, '[part="error"]')!.textContent).to.contain('You do not have permission');
    expect(el.dealsIn('qualify').map((d) => d.id)).to.include(deal.id);
  });

  it('asks for a reason in a dialog before moving to a lost stage', async () => {
    const crm = await pipelineCrm();
    const el = await board(crm);
    const deal = el.dealsIn('proposal')[0]!;
    const moving = el.moveDeal(deal.id, 'lost');
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.open);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.textContent).to.contain('Why was “Support renewal” lost?');
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('TEXTAREA');
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Give a reason.');
    dialog.querySelector('textarea')!.value = '预算取消';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(await moving).to.equal(true);
    expect(dialog.open).to.equal(false);
    const stored = await crm.deals.get(deal.id);
    expect(stored).to.deep.include({ stageId: 'lost', status: 'lost', lostReason: '预算取消' });

    // Escape (the dialog's cancel) keeps the deal where it is.
    const other = el.dealsIn('qualify')[0]!;
    const cancelled = el.moveDeal(other.id, 'lost');
    await until(() => dialog.open);
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(await cancelled).to.equal(false);
    expect((await crm.deals.get(other.id)).stageId).to.equal('qualify');
  });

  it('moves a deal by drag and drop', async () => {
    const crm = await pipelineCrm();
    const el = await board(crm);
    const card = $$(el, '.card').find((c) => c.textContent!.includes('Annual licence'))!;
    const target = column(el, 'won');
    const dataTransfer = new DataTransfer();
    const drag = (type: string, node: Element) =>
      node.dispatchEvent(
        new DragEvent(type, { dataTransfer, bubbles: true, composed: true, cancelable: true }),
      );
    drag('dragstart', card);
    expect(drag('dragover', target)).to.equal(false); // accepted: default prevented
    await el.updateComplete;
    expect(target.classList.contains('drop-target')).to.equal(true);
    drag('drop', target);
    drag('dragend', card);
    await until(() => cardNames(el, 'won').includes('Annual licence') && el.pending.size === 0);
    const stored = (await crm.deals.list({ where: { name: { eq: 'Annual licence' } } })).items[0]!;
    expect(stored.stageId).to.equal('won');
  });

  it('renders names with markup as text', async () => {
    const crm = await pipelineCrm(createMemoryAdapter(), [
      { name: HOSTILE_NAME, stageId: 'qualify' },
    ]);
    const el = await board(crm);
    expect(cardNames(el, 'qualify')).to.deep.equal([HOSTILE_NAME]);
    expect($(el, '.card img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('speaks zh-CN and announces "已将「X」移至商务谈判"', async () => {
    const { crm } = await seededCrm('zh-CN', { locale: 'zh-CN', customers: 12, deals: 30 });
    const el = await board(crm);
    expect(el.pipeline!.id).to.equal(STANDARD_PIPELINE_ID);
    expect(shadowText(el)).to.contain('加权');
    expect(shadowText(el)).to.contain('个商机');
    const deal = el.dealsIn('stg_contact')[0] ?? el.dealsIn('stg_qualify')[0]!;
    expect(await el.moveDeal(deal.id, 'stg_negotiation')).to.equal(true);
    expect(live(el)).to.equal(`已将「${deal.name}」移至商务谈判。`);
    await expect(el).to.be.accessible();
  });
});

describe('<crm-pipeline-board> with 10,000 deals', function () {
  this.timeout(180_000);
  it('keeps at most 300 cards in the DOM and pages each column', async () => {
    const crm = await pipelineCrm(createMemoryAdapter(), []);
    const stages = ['qualify', 'proposal', 'negotiation', 'won', 'lost'];
    for (let chunk = 0; chunk < 2; chunk++)
      await crm.deals.createMany(
        Array.from({ length: 5000 }, (_, i) => {
          const n = chunk * 5000 + i;
          const stageId = stages[n % 5]!;
          return {
            name: `商机 ${n}`,
            pipelineId: 'std',
            stageId,
            amount: 1000,
            ...(stageId === 'lost' && { lostReason: '价格' }),
          };
        }),
      );
    const el = await board(crm);
    expect(el.figures!.total.count).to.equal(10_000);
    expect(column(el, 'proposal').textContent).to.contain('2,000 deals');
    expect(column(el, 'proposal').textContent).to.contain('Weighted CN¥1,200,000.00');
    const cards = () => $$(el, '.card').length;
    expect(cards()).to.be.greaterThan(10).and.at.most(300);
    // Each column holds a page or two, not its 2,000 deals.
    expect(el.dealsIn('proposal').length).to.be.at.most(100);
    const list = column(el, 'proposal').querySelector<HTMLElement>('.cards')!;
    const loaded = el.dealsIn('proposal').length;
    for (let i = 0; i < 5; i++) {
      list.scrollTop = list.scrollHeight;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await until(() => el.dealsIn('proposal').length > loaded);
    await el.updateComplete;
    expect(cards()).to.be.at.most(300);
    await expect(el).to.be.accessible();

    // The keyboard reaches a card that was not rendered: End scrolls the column to the last
    // loaded card and focuses it; Home goes back to the first.
    list.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(r));
    const first = column(el, 'proposal').querySelector<HTMLElement>('.grab')!;
    first.focus();
    const last = el.dealsIn('proposal').length - 1;
    expect(column(el, 'proposal').querySelector(`.grab[data-row="${last}"]`)).to.equal(null);
    key(first, 'End');
    await until(() => (el.shadowRoot!.activeElement as HTMLElement)?.dataset['row'] === `${last}`);
    const focusedCard = el.shadowRoot!.activeElement as HTMLElement;
    expect(focusedCard.textContent).to.contain(el.dealsIn('proposal')[last]!.name);
    const box = list.getBoundingClientRect();
    const card = focusedCard.getBoundingClientRect();
    expect(card.top).to.be.at.least(box.top);
    expect(card.bottom).to.be.at.most(box.bottom);
    expect(cards()).to.be.at.most(300);
    key(focusedCard, 'Home');
    await until(() => (el.shadowRoot!.activeElement as HTMLElement)?.dataset['row'] === '0');
    expect(list.scrollTop).to.equal(0);
  });
});
