/** Sending deliveries to n8n in queue mode: both processes that serve production webhooks, and a bounded pool. */
import { harness } from './context';
import { delay } from './n8n';
import { postSigned } from './signedDelivery';

/** Both processes that serve production webhooks: main and the webhook processor. */
export function webhookUrls(webhookId: string, path: string): [string, string] {
	const queue = harness().state.queue;
	if (!queue) throw new Error('not in queue mode');
	return [`${harness().n8n.state.url}/webhook/${webhookId}/${path}`, `${queue.webhookUrl}/webhook/${webhookId}/${path}`];
}

/** Waits until the trigger's webhook answers (its own 401 to an unsigned request: never an execution). */
export async function waitUntilServed(url: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const response = await postSigned(url, '{}', { secret: 'not-the-secret-token' });
		if (response.status === 401) return;
		if (Date.now() > deadline) throw new Error(`${url} answered ${response.status}`);
		await delay(250);
	}
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < tasks.length) {
				const index = next++;
				results[index] = await tasks[index]();
			}
		}),
	);
	return results;
}
