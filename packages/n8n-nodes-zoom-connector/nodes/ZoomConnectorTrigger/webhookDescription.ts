/**
 * The trigger's one webhook, with a native resolver beside each expression field.
 *
 * n8n resolves a webhook's description fields (method, path, response mode) on every request. From
 * n8n 2.40, a field whose expression is paired with a resolver under n8n's registered symbol is read by
 * calling the resolver when the node's parameters hold no expression (n8n-workflow's
 * resolveWebhookDescriptionField); otherwise n8n evaluates the expression in its expression isolate.
 * Profiled at 7 deliveries/s (docs/BENCHMARKS.md), those isolate evaluations were the largest part of
 * the trigger's cost per delivery. An older n8n does not know the symbol and evaluates the expressions,
 * which say the same thing (test/unit/webhookDescription.test.ts checks each pair in n8n's engine).
 */
import type {
	INodeParameters,
	IWebhookDescription,
	NativeParameterResolvers,
	WEBHOOK_RESOLVERS as ResolversKey,
} from 'n8n-workflow';

/** n8n-workflow's WEBHOOK_RESOLVERS, by its registered name: importing it would fail on n8n before 2.40. */
const WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers') as typeof ResolversKey;

const viaWebSocket = (parameters: INodeParameters) => parameters.delivery === 'websocket';

export const triggerWebhookResolvers: NativeParameterResolvers = {
	// No method, so n8n registers no URL at all when events come over the WebSocket.
	httpMethod: {
		template: '={{$parameter["delivery"] === "websocket" ? "" : "POST"}}',
		resolve: (parameters) => (viaWebSocket(parameters) ? '' : 'POST'),
	},
	ndvHideUrl: {
		template: '={{$parameter["delivery"] === "websocket"}}',
		resolve: viaWebSocket,
	},
	responseMode: {
		template: '={{$parameter["responseMode"]}}',
		resolve: (parameters) => parameters.responseMode,
	},
	// The Path parameter is hidden (so absent) with WebSocket delivery; n8n logs an error for no path.
	path: {
		template: '={{$parameter["delivery"] === "websocket" ? "websocket" : $parameter["path"]}}',
		resolve: (parameters) => (viaWebSocket(parameters) ? 'websocket' : parameters.path),
	},
};

const templates = Object.fromEntries(
	Object.entries(triggerWebhookResolvers).map(([field, { template }]) => [field, template]),
);

export const triggerWebhook: IWebhookDescription = {
	name: 'default',
	httpMethod: templates.httpMethod,
	path: templates.path,
	...templates,
	[WEBHOOK_RESOLVERS]: triggerWebhookResolvers,
};
