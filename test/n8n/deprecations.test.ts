/**
 * n8n 2.40 names the settings it is about to drop or change in a block it logs at start. The n8n this
 * suite runs (and in queue mode its workers and webhook processor) must log none that our settings
 * cause: only the ones harness/deprecations.ts lists as unavoidable here, each with its reason.
 */
import { readFileSync } from 'node:fs';

import { harness } from '../harness/context';
import { avoidableDeprecations, deprecationsInLog } from '../harness/deprecations';
import { N8N_MAJOR } from '../harness/paths';

describe('n8n deprecation warnings', () => {
	const logs = () => [harness().n8n.state.logFile, ...(harness().n8n.state.helpers ?? []).map((helper) => helper.logFile)];

	it('none is caused by our settings, in any of our n8n processes', () => {
		for (const file of logs()) {
			const log = readFileSync(file, 'utf8');
			expect({ file, avoidable: avoidableDeprecations(log) }).toEqual({ file, avoidable: [] });
		}
	});

	(N8N_MAJOR >= 2 ? it : it.skip)('the block is read at all: the unavoidable internal task-runner mode is in it', () => {
		const log = readFileSync(harness().n8n.state.logFile, 'utf8');
		expect(deprecationsInLog(log).map((deprecation) => deprecation.setting)).toContain('N8N_RUNNERS_MODE');
	});
});
