import { rmSync } from 'node:fs';

import { stateFile } from './context';
import { stopEnvironment, type Environment } from './setup';

export default async function globalTeardown(): Promise<void> {
	const environment = (globalThis as any).__ZOOM_ENVIRONMENT__ as Environment | undefined;
	if (!environment) return;
	await stopEnvironment(environment);
	rmSync(process.env.ZOOM_HARNESS_STATE ?? stateFile(), { force: true });
}
