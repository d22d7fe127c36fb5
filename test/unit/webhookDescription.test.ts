/**
 * The trigger's webhook fields: what n8n (2.40+) reads from the native resolvers must equal what n8n's
 * expression engine makes of the templates (what older n8n, and any node with expressions in its
 * parameters, still evaluates), for each delivery mode and trigger version.
 */
import {
	resolveWebhookDescriptionField,
	Workflow,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { ZoomConnectorTrigger } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/ZoomConnectorTrigger.node';
import {
	triggerWebhook,
	triggerWebhookResolvers,
} from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/webhookDescription';

const TYPE = 'n8n-nodes-zoom-connector.zoomConnectorTrigger';
const trigger = new ZoomConnectorTrigger();
const nodeTypes: INodeTypes = {
	getByName: () => trigger as INodeType,
	getByNameAndVersion: () => trigger as INodeType,
	getKnownTypes: () => ({}),
};

/** The node as n8n holds it while serving a request: the Workflow constructor adds the defaults. */
function workflowWith(typeVersion: number, parameters: INodeParameters) {
	const workflow = new Workflow({
		nodes: [
			{ id: 'n1', name: 'Trigger', type: TYPE, typeVersion, position: [0, 0], parameters },
		],
		connections: {},
		active: false,
		nodeTypes,
	});
	return { workflow, node: workflow.getNode('Trigger')! };
}

const cases: Array<[number, INodeParameters]> = [
	[1, { path: 'zoom', events: ['meeting.ended'] }],
	[1.1, { path: 'zoom', events: ['*'] }],
	[1.1, { delivery: 'webhook', path: 'hooks/zoom', responseMode: 'lastNode', events: ['*'] }],
	[1.1, { delivery: 'websocket', events: ['meeting.started'] }],
	[1.1, { delivery: 'websocket', path: 'left-over', events: ['*'] }],
];

describe('trigger webhook description', () => {
	it('declares a resolver for every expression field, with the very template it carries', () => {
		for (const [field, value] of Object.entries(triggerWebhook)) {
			if (typeof value === 'string' && value.startsWith('='))
				expect(triggerWebhookResolvers[field]?.template).toBe(value);
		}
		expect(Object.keys(triggerWebhookResolvers).sort()).toEqual([
			'httpMethod',
			'ndvHideUrl',
			'path',
			'responseMode',
		]);
	});

	it.each(cases)('v%s %j: n8n resolves each field natively, to what its engine evaluates', (version, params) => {
		const { workflow, node } = workflowWith(version, params);
		for (const field of Object.keys(triggerWebhookResolvers)) {
			const native = resolveWebhookDescriptionField(node, triggerWebhook, field);
			const evaluated = workflow.expression.getSimpleParameterValue(
				node,
				triggerWebhook[field] as string,
				'internal',
				{},
			);
			expect(native).toEqual({ resolved: true, value: evaluated });
		}
	});

	it('names the webhook URL as before: POST on the path, none over the WebSocket', () => {
		const webhook = workflowWith(1.1, { path: 'zoom', events: ['*'] }).node;
		expect(resolveWebhookDescriptionField(webhook, triggerWebhook, 'httpMethod')).toEqual({
			resolved: true,
			value: 'POST',
		});
		expect(resolveWebhookDescriptionField(webhook, triggerWebhook, 'responseMode')).toEqual({
			resolved: true,
			value: 'onReceived',
		});
		const socket = workflowWith(1.1, { delivery: 'websocket', events: ['*'] }).node;
		expect(resolveWebhookDescriptionField(socket, triggerWebhook, 'httpMethod')).toEqual({
			resolved: true,
			value: '',
		});
	});

	it('leaves a node whose parameters hold an expression to n8n’s engine', () => {
		const { node } = workflowWith(1.1, { path: '={{ "zoom" }}', events: ['*'] });
		expect(resolveWebhookDescriptionField(node, triggerWebhook, 'path').resolved).toBe(false);
	});
});
