/** Reading n8n's deprecation block: the lines as n8n 2.40.7 logs them. */
import { avoidableDeprecations, deprecationsInLog } from '../harness/deprecations';

const LOG = [
	'Initializing n8n process',
	'There are deprecations related to your n8n setup. Please take the recommended actions to update your configuration:',
	' - WEBHOOK_URL -> Use N8N_WEBHOOK_URL instead, which sets the base URL for both test and production webhooks.',
	' - N8N_RUNNERS_MODE -> Internal task runner mode is deprecated and will be removed in a future version. See https://docs.n8n.io/deploy/host-n8n/configure-n8n/set-up-task-runners',
	' - Running n8n outside a container is deprecated. Future versions will require running n8n via the official Docker image. See https://docs.n8n.io/deploy/host-n8n',
	'',
	'n8n ready on ::, port 5678',
].join('\n');

describe('deprecationsInLog', () => {
	it('reads each line of the block, with or without a variable name', () => {
		expect(deprecationsInLog(LOG).map((d) => d.setting)).toEqual(['WEBHOOK_URL', 'N8N_RUNNERS_MODE', 'Running n8n outside a container is deprecated']);
	});

	it('finds nothing in a log without the block', () => {
		expect(deprecationsInLog('n8n ready on ::, port 5678\n - not a deprecation -> at all')).toEqual([]);
	});

	it('leaves out only what is listed as unavoidable', () => {
		expect(avoidableDeprecations(LOG)).toEqual([{ setting: 'WEBHOOK_URL', advice: expect.stringContaining('N8N_WEBHOOK_URL') }]);
	});

	it('reads the singular header n8n uses for one deprecation', () => {
		const one = 'There is a deprecation related to your n8n setup. Please take the recommended actions:\n - N8N_RUNNERS_TASK_TIMEOUT -> Set it explicitly.\n';
		expect(avoidableDeprecations(one)).toEqual([{ setting: 'N8N_RUNNERS_TASK_TIMEOUT', advice: 'Set it explicitly.' }]);
	});
});
