/**
 * What the Zoom Connector Trigger shows in the editor: the events it can emit and its parameters.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from './signature';

const EVENTS: INodePropertyOptions[] = [
	{ name: 'All', value: '*', description: 'Any event the Zoom app is subscribed to' },
	{ name: 'App Deauthorized', value: 'app_deauthorized' },
	{ name: 'Meeting Created', value: 'meeting.created' },
	{ name: 'Meeting Deleted', value: 'meeting.deleted' },
	{ name: 'Meeting Ended', value: 'meeting.ended' },
	{ name: 'Meeting Participant Joined', value: 'meeting.participant_joined' },
	{ name: 'Meeting Participant Left', value: 'meeting.participant_left' },
	{ name: 'Meeting Registration Created', value: 'meeting.registration_created' },
	{ name: 'Meeting Started', value: 'meeting.started' },
	{ name: 'Meeting Summary Completed', value: 'meeting.summary_completed' },
	{ name: 'Meeting Updated', value: 'meeting.updated' },
	{ name: 'Recording Completed', value: 'recording.completed' },
	{ name: 'Recording Transcript Completed', value: 'recording.transcript_completed' },
	{ name: 'User Created', value: 'user.created' },
	{ name: 'Webinar Created', value: 'webinar.created' },
	{ name: 'Webinar Ended', value: 'webinar.ended' },
	{ name: 'Webinar Participant Joined', value: 'webinar.participant_joined' },
	{ name: 'Webinar Participant Left', value: 'webinar.participant_left' },
	{ name: 'Webinar Registration Created', value: 'webinar.registration_created' },
	{ name: 'Webinar Started', value: 'webinar.started' },
];

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
		displayOptions: WEBHOOK_ONLY,
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
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENTS,
		default: ['*'],
		required: true,
		description:
			'The events that start the workflow. Zoom only sends the events subscribed in the app; others are acknowledged and dropped.',
	},
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
				description: 'Whether to add the request’s headers to the output item under "headers"',
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
