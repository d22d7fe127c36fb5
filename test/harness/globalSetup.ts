import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { stateFile } from './context';
import { startEnvironment } from './setup';

export default async function globalSetup(): Promise<void> {
	// A run stopped by a signal still runs the exit hook that stops n8n (see N8n.start).
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));
	const started = Date.now();
	// The Brevo stand-in is cheap (in-process) and only affects n8n's https calls, which nothing else makes.
	// `npm run test:queue` sets ZOOM_QUEUE: the same suite against n8n in queue mode.
	const queue = process.env.ZOOM_QUEUE ? { workers: 2 } : undefined;
	const environment = await startEnvironment({ brevo: true, queue });
	(globalThis as any).__ZOOM_ENVIRONMENT__ = environment;
	const file = stateFile();
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(environment.state, null, 2));
	process.env.ZOOM_HARNESS_STATE = file;
	const t = environment.state.timings;
	console.log(
		`\n[harness] n8n ${t.n8nInstallColdSeconds !== undefined ? `installed cold in ${t.n8nInstallColdSeconds}s` : `install cached (${t.n8nInstallCachedSeconds}s)`}, started in ${t.n8nStartSeconds}s, ${queue ? `queue mode (PostgreSQL, Redis, ${queue.workers} workers, webhook processor: ${t.queueHelpersStartSeconds}s), ` : ''}setup ${((Date.now() - started) / 1000).toFixed(1)}s total`,
	);
}
