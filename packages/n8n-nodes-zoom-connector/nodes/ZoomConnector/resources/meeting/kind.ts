import { sessionSettings } from '../session/fields';
import { SESSION_NAMES, type SessionKind } from '../session/kind';

/** Zoom meetings (https://developers.zoom.us/docs/api/meetings/#tag/meetings): types 1/2/3/8, list types, and the meeting-only settings. */
export const MEETING: SessionKind = {
	...SESSION_NAMES.meeting,
	typeProperty: {
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Instant', value: 1, description: 'Starts now; no start time' },
			{
				name: 'Recurring, Fixed Time',
				value: 8,
				description: 'Repeats by a rule from the start time',
			},
			{ name: 'Recurring, No Fixed Time', value: 3, description: 'One link usable any time' },
			{ name: 'Scheduled', value: 2, description: 'Takes place once, at the start time' },
		],
		default: 2,
		description: 'Once, or recurring with or without a fixed time',
	},
	timedTypes: [2, 8],
	recurringFixedType: 8,
	listTypes: [
		{ name: 'Live', value: 'live', description: 'Meetings in progress' },
		{
			name: 'Previous',
			value: 'previous_meetings',
			description: 'Meetings that took place (about the last 6 months)',
		},
		{
			name: 'Scheduled',
			value: 'scheduled',
			description: 'All valid scheduled meetings: previous, live and upcoming',
		},
		{ name: 'Upcoming', value: 'upcoming', description: 'Upcoming meetings, including live ones' },
		{
			name: 'Upcoming Only',
			value: 'upcoming_meetings',
			description: 'Meetings that have not started yet',
		},
	],
	settings: sessionSettings('meeting', [
		{
			displayName: 'Join Before Host',
			name: 'joinBeforeHost',
			type: 'boolean',
			default: false,
			description:
				'Whether participants may join before the host (ignored while the waiting room is on)',
		},
		{
			displayName: 'Mute Upon Entry',
			name: 'muteUponEntry',
			type: 'boolean',
			default: false,
			description: 'Whether participants are muted when they join',
		},
		{
			displayName: 'Participant Video',
			name: 'participantVideo',
			type: 'boolean',
			default: false,
			description: 'Whether participants’ video is on when they join',
		},
		{
			displayName: 'Waiting Room',
			name: 'waitingRoom',
			type: 'boolean',
			default: false,
			description: 'Whether participants wait until the host admits them',
		},
	]),
	deleteOptions: [
		{
			displayName: 'Notify Host',
			name: 'scheduleForReminder',
			type: 'boolean',
			default: false,
			description: 'Whether Zoom emails the host and alternative hosts about the cancellation',
		},
		{
			displayName: 'Notify Registrants',
			name: 'cancelMeetingReminder',
			type: 'boolean',
			default: false,
			description: 'Whether Zoom emails the registrants about the cancellation',
		},
	],
};
