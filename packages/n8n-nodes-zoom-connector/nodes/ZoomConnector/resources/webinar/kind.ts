import { sessionSettings } from '../session/fields';
import { SESSION_NAMES, type SessionKind } from '../session/kind';

/** Zoom webinars (https://developers.zoom.us/docs/api/meetings/#tag/webinars): types 5/6/9, list types, and the webinar-only settings. */
export const WEBINAR: SessionKind = {
	...SESSION_NAMES.webinar,
	typeProperty: {
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{
				name: 'Recurring, Fixed Time',
				value: 9,
				description: 'Repeats by a rule from the start time',
			},
			{ name: 'Recurring, No Fixed Time', value: 6, description: 'One link usable any time' },
			{ name: 'Webinar', value: 5, description: 'Takes place once, at the start time' },
		],
		default: 5,
		description: 'Once, or recurring with or without a fixed time',
	},
	timedTypes: [5, 9],
	recurringFixedType: 9,
	listTypes: [
		{ name: 'Scheduled', value: 'scheduled', description: 'All scheduled webinars' },
		{ name: 'Upcoming', value: 'upcoming', description: 'Webinars that have not ended yet' },
	],
	settings: sessionSettings('webinar', [
		{
			displayName: 'HD Video',
			name: 'hdVideo',
			type: 'boolean',
			default: false,
			description: 'Whether HD video is on for attendees',
		},
		{
			displayName: 'On Demand',
			name: 'onDemand',
			type: 'boolean',
			default: false,
			description: 'Whether the recording is offered on demand to registrants',
		},
		{
			displayName: 'Panelists Video',
			name: 'panelistsVideo',
			type: 'boolean',
			default: false,
			description: 'Whether panelists’ video is on when they join',
		},
		{
			displayName: 'Practice Session',
			name: 'practiceSession',
			type: 'boolean',
			default: false,
			description: 'Whether the webinar opens with a practice session for host and panelists',
		},
	]),
	deleteOptions: [
		{
			displayName: 'Notify Registrants and Panelists',
			name: 'cancelWebinarReminder',
			type: 'boolean',
			default: false,
			description: 'Whether Zoom emails registrants and panelists about the cancellation',
		},
	],
};
