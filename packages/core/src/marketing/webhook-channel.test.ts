import { createWebhookChannel } from './webhook-channel.js';
import type { OutgoingMessage } from './channel-adapter.js';

const messages: OutgoingMessage[] = [
  { channel: 'sms', to: '138 0013 8000', contactId: 'ct-1', body: '您好 王芳' },
  { channel: 'sms', to: '139 0000 0000', contactId: 'ct-2', body: '您好 李雷' },
];

describe('createWebhookChannel', () => {
  it('POSTs the batch as JSON with the host headers and reads receipts', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(
        JSON.stringify({
          receipts: [
            { status: 'sent', messageId: 'm-1' },
            { status: 'failed', error: '空号' },
          ],
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    }) as typeof globalThis.fetch;
    const sms = createWebhookChannel({
      kind: 'sms',
      url: 'https://oa.example.cn/hooks/sms',
      fetch,
      headers: { authorization: 'Bearer t' },
    });
    expect(await sms.send(messages)).toEqual([
      { contactId: 'ct-1', status: 'sent', messageId: 'm-1' },
      { contactId: 'ct-2', status: 'failed', error: '空号' },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://oa.example.cn/hooks/sms');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toEqual({
      'content-type': 'application/json',
      authorization: 'Bearer t',
    });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ channel: 'sms', messages });
  });

  it('treats a 2xx without receipts as sent, and a failed request as failed for every message', async () => {
    const ok = createWebhookChannel({
      url: 'https://x',
      fetch: (async () => new Response(null, { status: 204 })) as typeof fetch,
    });
    expect((await ok.send(messages)).map((r) => r.status)).toEqual(['sent', 'sent']);
    const down = createWebhookChannel({
      url: 'https://x',
      fetch: (async () => new Response('no', { status: 503 })) as typeof fetch,
    });
    expect(await down.send(messages)).toEqual([
      { contactId: 'ct-1', status: 'failed', error: 'Webhook answered HTTP 503' },
      { contactId: 'ct-2', status: 'failed', error: 'Webhook answered HTTP 503' },
    ]);
    const offline = createWebhookChannel({
      url: 'https://x',
      fetch: (async () => {
        throw new TypeError('network');
      }) as typeof fetch,
    });
    expect((await offline.send(messages))[0]).toMatchObject({
      status: 'failed',
      error: 'Webhook request failed: network',
    });
    expect(await offline.send([])).toEqual([]);
  });
});
