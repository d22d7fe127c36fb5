import { rmSync } from 'node:fs';

import { stateFile } from './context';
import type { Environment } from './setup';

export default async function globalTeardown(): Promise<void> {
	const environment = (globalThis as any).__ZOOM_ENVIRONMENT__ as Environment | undefined;
	if (!environment) return;
	await environment.n8n.stop({ removeUserFolder: true });
	await environment.sandbox.close();
	await environment.brevo?.close();
	rmSync(process.env.ZOOM_HARNESS_STATE ?? stateFile(), { force: true });
}
