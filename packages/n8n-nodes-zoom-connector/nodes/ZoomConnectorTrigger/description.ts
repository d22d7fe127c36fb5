/**
 * What the Zoom Connector Trigger shows in the editor: the events it can emit and its parameters.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ZOOM_ACCOUNT_APP, ZOOM_USER_APP } from '../shared/transport';
import { EVENT_OPTIONS } from './eventCatalog';
import { DEFAULT_TOLERANCE_SECONDS } from './signature';

const REGISTRATION: INodeProperties = {
	displayName: 'Registration',
	name: 'registration',
	type: 'options',
	options: [
		{
			name: 'Automatic',
			value: 'automatic',
			description:
				'Register the event subscription in the Zoom app on activation and delete it on deactivation',
		},
		{
			name: 'Manual',
			value: 'manual',
			description:
				'Add this node’s URL and the events in the Zoom app’s Event Subscription page yourself',
		},
	],
	default: 'automatic',
	description: 'How Zoom learns where to send the events',
};

const EVENTS: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: EVENT_OPTIONS,
	default: [],
	required: true,
	description:
		'The events that start the workflow. Zoom only sends the events subscribed in the app; others are acknowledged and dropped.',
};

const WEBHOOK_ONLY = { show: { delivery: ['webhook'] } };
const WEBSOCKET_ONLY = { show: { delivery: ['websocket'] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Delivery',
		name: 'delivery',
		type: 'options',
		options: [
			{
				name: 'Webhook',
				value: 'webhook',
				description: 'Zoom posts each event to this n8n’s public HTTPS URL',
			},
			{
				name: 'WebSocket',
				value: 'websocket',
				description:
					'This n8n opens a connection to Zoom and receives events on it: no public URL needed (Server-to-Server app)',
			},
		],
		default: 'webhook',
		description: 'How Zoom’s events reach this n8n',
	},
	// Version 1 keeps Manual (the only mode it had), so saved workflows do not change behaviour.
	{
		...REGISTRATION,
		default: 'manual',
		displayOptions: { show: { '@version': [1], delivery: ['webhook'] } },
	},
	{
		...REGISTRATION,
		default: 'automatic',
		displayOptions: { show: { '@version': [1.1], delivery: ['webhook'] } },
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'Server-to-Server OAuth (Account)',
				value: ZOOM_ACCOUNT_APP,
				description: 'Subscribes the whole account, with the app’s own token',
			},
			{
				name: 'OAuth2 (General App)',
				value: ZOOM_USER_APP,
				description:
					'Subscribes the connected user, with the app token of the credential’s Client ID and Secret',
			},
		],
		default: ZOOM_ACCOUNT_APP,
		description: 'The Zoom app the event subscription is registered in',
		displayOptions: { show: { registration: ['automatic'], delivery: ['webhook'] } },
	},
	{
		// WebSocket delivery connects with a Server-to-Server app's token: the credential shown follows this.
		displayName: 'Authentication',
		name: 'authentication',
		type: 'hidden',
		default: ZOOM_ACCOUNT_APP,
		displayOptions: WEBSOCKET_ONLY,
	},
	{
		displayName:
			'On activation this node registers an event subscription for the events below with its URL in the Zoom app of the credential above, and deletes it on deactivation (the test URL likewise while listening). Zoom validates the URL on creation, so n8n must be reachable from Zoom over https. The webhook credential holds the same app’s Secret Token.',
		name: 'automaticNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['automatic'], delivery: ['webhook'] } },
	},
	{
		displayName:
			'Zoom does not replay events sent while the connection is down (at a restart, a network outage or while reconnecting). Add a Zoom Daily Sync Trigger to catch up on ended meetings and webinars. In your Zoom app (Features → Access → Event Subscription), add a subscription with the WebSocket method and the same events as below, then copy its endpoint URL here.',
		name: 'websocketNotice',
		type: 'notice',
		default: '',
		displayOptions: WEBSOCKET_ONLY,
	},
	{
		displayName: 'WebSocket URL',
		name: 'websocketUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'wss://ws.zoom.us/ws?subscriptionId=…',
		description:
			'The endpoint URL Zoom shows for the app’s WebSocket event subscription. The credential’s token is added when connecting.',
		displayOptions: WEBSOCKET_ONLY,
	},
	{
		displayName:
			'In your Zoom app (Zoom App Marketplace → Manage → your app → Features → Access → Event Subscription), add a subscription, paste this node’s Production URL as the event notification endpoint URL, add the same events as below, then activate this workflow and click Validate in Zoom. Copy the app’s Secret Token into this node’s credential.',
		name: 'notice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'], delivery: ['webhook'] } },
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'zoom',
		required: true,
		placeholder: 'zoom',
		description: 'The last part of the webhook URL that Zoom posts to',
		displayOptions: WEBHOOK_ONLY,
	},
	{ ...EVENTS, default: ['*'], displayOptions: { show: { '@version': [1] } } },
	{ ...EVENTS, default: [], displayOptions: { show: { '@version': [1.1] } } },
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		options: [
			{
				name: 'Immediately',
				value: 'onReceived',
				description:
					'Answer Zoom with 200 as soon as the event is verified (recommended: Zoom waits at most 3 s)',
			},
			{
				name: 'When Last Node Finishes',
				value: 'lastNode',
				description:
					'Answer with the last node’s output; Zoom retries if the workflow takes over 3 s',
			},
		],
		default: 'onReceived',
		description: 'When to answer Zoom',
		displayOptions: WEBHOOK_ONLY,
	},
	{
		// Shown as Options but named settings: n8n itself reads a webhook node's parameter named
		// options (the hidden Raw Body below), and saved workflows keep this name.
		displayName: 'Options',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: WEBHOOK_ONLY,
		options: [
			{
				displayName: 'Include Request Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the request’s headers to the output item under "headers" (without x-zm-signature and authorization)',
			},
			{
				displayName: 'Sample After (Seconds)',
				name: 'sampleAfterSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'While listening for a test event: when Zoom sends nothing for this long, emit one sample item per selected event (marked _sample), shaped as Zoom’s SDK types it. 0 waits for Zoom only. Never used in production.',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					'How far the x-zm-request-timestamp header may be from now. Older requests are refused as replays.',
			},
		],
	},
	{
		// n8n skips its own body parsing for a version 1 webhook node whose options.binaryData is
		// set, so malformed JSON reaches this node (and gets 400) instead of n8n's 422, and the
		// signature is checked over the bytes exactly as Zoom sent them.
		displayName: 'Raw Body',
		name: 'options',
		type: 'hidden',
		default: { binaryData: true },
	},
];
