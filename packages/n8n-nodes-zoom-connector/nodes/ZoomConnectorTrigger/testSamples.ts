/**
 * Sample items while building (Options → Sample After (Seconds)). n8n's trigger API has no way for a webhook
 * node to emit without a request: `mockManualExecution` only renames the button, pinned data is the user's,
 * and n8n waits for the test URL to be called. So while n8n listens on the test URL, this node calls that URL
 * itself once the set time has passed with nothing from Zoom, with a one-time token only this n8n process
 * knows, and answers that call with one sample item per selected event, marked `_sample: true`. A real
 * delivery first, or stopping the listening, cancels it. Never in production (n8n's mode `manual` only).
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import { summarise } from './item';
import { sampleBody, sampleEvents } from './samples';
import { sameToken } from './sameToken';
import { headerValue, type Headers } from './signature';

export const SAMPLE_HEADER = 'x-n8n-zoom-connector-sample';

/** One pending sample per trigger node of this process, by its one-time token. */
const pending = new Map<string, string>();

function key(context: IHookFunctions | IWebhookFunctions): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
}

function secondsOf(context: IHookFunctions): number {
	const settings = context.getNodeParameter('settings', {}) as { sampleAfterSeconds?: number };
	const seconds = Number(settings.sampleAfterSeconds ?? 0);
	return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/** When n8n starts listening on the test URL: send the sample later unless something comes first. */
export function armSample(context: IHookFunctions): void {
	const seconds = secondsOf(context);
	const url = context.getNodeWebhookUrl('default');
	if (context.getMode() !== 'manual' || !seconds || !url) return;
	const token = randomBytes(24).toString('hex');
	const node = key(context);
	pending.set(node, token);
	// Not awaited: n8n finishes registering the test URL after this hook returns.
	void (async () => {
		await sleep(seconds * 1000);
		if (pending.get(node) !== token) return;
		try {
			await context.helpers.httpRequest({
				method: 'POST',
				url,
				headers: { [SAMPLE_HEADER]: token },
				body: {},
				json: true,
			});
		} catch (error) {
			context.logger.warn(
				`Zoom Connector Trigger could not call its own test URL for the sample items: ${(error as Error).message}`,
			);
		}
	})();
}

/** A delivery arrived, or n8n stopped listening: no sample. */
export function disarmSample(context: IHookFunctions | IWebhookFunctions): void {
	pending.delete(key(context));
}

/** The sample items when this request is this node's own sample call, else undefined. */
export function sampleItems(
	context: IWebhookFunctions,
	headers: Headers,
): IDataObject[] | undefined {
	const token = headerValue(headers, SAMPLE_HEADER);
	const expected = pending.get(key(context));
	if (!token || !expected || context.getMode() !== 'manual' || !sameToken(token, expected)) {
		return undefined;
	}
	pending.delete(key(context));
	const events = sampleEvents(context.getNodeParameter('events', []) as string[]);
	return events.map((event) => ({
		...(summarise(sampleBody(event)!) as IDataObject),
		_sample: true,
	}));
}
