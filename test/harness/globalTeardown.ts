import { existsSync, readFileSync, rmSync } from 'node:fs';

import { stateFile, type HarnessState } from './context';
import { stopProcessGroup } from './n8n';
import { stopEnvironment, type Environment } from './setup';

export default async function globalTeardown(): Promise<void> {
	const environment = (globalThis as any).__ZOOM_ENVIRONMENT__ as Environment | undefined;
	if (!environment) return;
	const file = process.env.ZOOM_HARNESS_STATE ?? stateFile();
	// Workers a test started (queue mode) are listed in the state file, not in this process's copy.
	if (existsSync(file)) {
		const state = JSON.parse(readFileSync(file, 'utf8')) as HarnessState;
		const known = new Set((environment.n8n.state.helpers ?? []).map((helper) => helper.pid));
		for (const helper of state.n8n.helpers ?? []) if (!known.has(helper.pid)) await stopProcessGroup(helper.pid);
	}
	await stopEnvironment(environment);
	rmSync(file, { force: true });
}
