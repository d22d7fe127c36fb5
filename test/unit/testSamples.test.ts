/**
 * Sample items while listening (testSamples.ts): only this process's one-time token, only in n8n's manual mode,
 * only once, and never after a real delivery or after n8n stopped listening; the call reaches the test URL only
 * when the set time passed.
 */
import { timingSafeEqual } from 'crypto';

import type { IHookFunctions, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { armSample, disarmSample, SAMPLE_HEADER, sampleItems } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/testSamples';

// timingSafeEqual watched, to see that the token is compared with it.
jest.mock('crypto', () => {
	const actual = jest.requireActual('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const NODE = { id: 'trigger-1', name: 'Zoom Trigger' };

function hook(mode: string, seconds: number, calls: IHttpRequestOptions[]) {
	return {
		getMode: () => mode,
		getNode: () => NODE,
		getWorkflow: () => ({ id: 'wf-1' }),
		getNodeWebhookUrl: () => 'http://127.0.0.1:5678/webhook-test/abc/zoom',
		getNodeParameter: (name: string, fallback: unknown) => (name === 'settings' ? { sampleAfterSeconds: seconds } : fallback),
		logger: { warn: () => undefined },
		helpers: { httpRequest: async (request: IHttpRequestOptions) => void calls.push(request) },
	} as unknown as IHookFunctions;
}

function webhook(mode: string, events: string[]) {
	return {
		getMode: () => mode,
		getNode: () => NODE,
		getWorkflow: () => ({ id: 'wf-1' }),
		getNodeParameter: (name: string, fallback: unknown) => (name === 'events' ? events : fallback),
	} as unknown as IWebhookFunctions;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sample items while listening', () => {
	it('calls the test URL after the set time and answers that call once with one marked item per event', async () => {
		const calls: IHttpRequestOptions[] = [];
		armSample(hook('manual', 0.05, calls));
		expect(calls).toHaveLength(0);
		await wait(300);
		expect(calls).toHaveLength(1);
		expect(calls[0].url).toBe('http://127.0.0.1:5678/webhook-test/abc/zoom');
		const token = (calls[0].headers as Record<string, string>)[SAMPLE_HEADER];
		expect(token).toMatch(/^[0-9a-f]{48}$/);
		const items = sampleItems(webhook('manual', ['meeting.ended', 'user.created']), { [SAMPLE_HEADER]: token });
		expect(items?.map((i) => [i.event, i._sample])).toEqual([
			['meeting.ended', true],
			['user.created', true],
		]);
		expect(sampleItems(webhook('manual', ['meeting.ended']), { [SAMPLE_HEADER]: token })).toBeUndefined();
	});

	it('answers no other token, and nothing outside manual mode', async () => {
		const calls: IHttpRequestOptions[] = [];
		armSample(hook('manual', 0.05, calls));
		await wait(300);
		const token = (calls[0].headers as Record<string, string>)[SAMPLE_HEADER];
		expect(sampleItems(webhook('manual', ['meeting.ended']), { [SAMPLE_HEADER]: 'f'.repeat(48) })).toBeUndefined();
		expect(sampleItems(webhook('webhook', ['meeting.ended']), { [SAMPLE_HEADER]: token })).toBeUndefined();
		expect(sampleItems(webhook('manual', ['meeting.ended']), {})).toBeUndefined();
		disarmSample(webhook('manual', []));
	});

	it('is not sent in production, when off, after a real delivery, or after listening stopped', async () => {
		const calls: IHttpRequestOptions[] = [];
		armSample(hook('trigger', 0.05, calls));
		armSample(hook('manual', 0, calls));
		const listening = hook('manual', 0.05, calls);
		armSample(listening);
		disarmSample(listening);
		await wait(300);
		expect(calls).toHaveLength(0);
	});

	it('compares the one-time token in constant time, whatever the length of what is offered', async () => {
		const calls: IHttpRequestOptions[] = [];
		armSample(hook('manual', 0.05, calls));
		await wait(300);
		const token = (calls[0].headers as Record<string, string>)[SAMPLE_HEADER];
		const compare = timingSafeEqual as jest.MockedFunction<typeof timingSafeEqual>;
		compare.mockClear();
		for (const offered of ['', 'x', token.slice(0, -1), `${token}0`, 'é'.repeat(48), 'f'.repeat(100_000)]) {
			expect(sampleItems(webhook('manual', ['meeting.ended']), { [SAMPLE_HEADER]: offered })).toBeUndefined();
		}
		expect(sampleItems(webhook('manual', ['meeting.ended']), { [SAMPLE_HEADER]: token })).toHaveLength(1);
		// Every non-empty offer went through timingSafeEqual, none through a comparison that stops at the first difference.
		expect(compare).toHaveBeenCalledTimes(6);
	});
});
