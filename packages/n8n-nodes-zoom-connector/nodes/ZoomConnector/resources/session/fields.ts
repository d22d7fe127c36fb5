/** The parameters meetings and webinars share: main fields, Recurrence, Settings. */
import type { INodeProperties } from 'n8n-workflow';

import { timeZoneOptions } from '../../shared/zoomTimeZones';

import { byDisplayName } from '../../shared/descriptions';
import type { SessionKind } from './kind';

/** The Settings options meetings and webinars share, plus the kind's own, sorted by display name. */
export function sessionSettings(noun: string, own: INodeProperties[]): INodeProperties[] {
	const shared: INodeProperties[] = [
		{
			displayName: 'Alternative Hosts',
			name: 'alternativeHosts',
			type: 'string',
			default: '',
			placeholder: 'jane@example.com, joe@example.com',
			description:
				'Emails of users in the account who may start the session, separated by commas or semicolons',
		},
		{
			displayName: 'Audio',
			name: 'audio',
			type: 'options',
			options: [
				{ name: 'Computer Audio Only', value: 'voip' },
				{ name: 'Telephone and Computer Audio', value: 'both' },
				{ name: 'Telephone Only', value: 'telephony' },
				{ name: 'Third-Party Audio', value: 'thirdParty' },
			],
			default: 'both',
		},
		{
			displayName: 'Auto Recording',
			name: 'autoRecording',
			type: 'options',
			options: [
				{ name: 'Cloud', value: 'cloud' },
				{ name: 'Local', value: 'local' },
				{ name: 'None', value: 'none' },
			],
			default: 'none',
			description: `Whether and where Zoom records the ${noun} automatically`,
		},
		{
			displayName: 'Close Registration',
			name: 'closeRegistration',
			type: 'boolean',
			default: false,
			description: `Whether registration closes when the ${noun} starts`,
		},
		{
			displayName: 'Host Video',
			name: 'hostVideo',
			type: 'boolean',
			default: false,
			description: 'Whether the host’s video is on when they join',
		},
		{
			displayName: 'Registration',
			name: 'approvalType',
			type: 'options',
			options: [
				{ name: 'Automatically Approve', value: 0 },
				{ name: 'Manually Approve', value: 1 },
				{ name: 'No Registration Required', value: 2 },
			],
			default: 2,
			description: 'Whether attendees must register, and whether registrations need approval',
		},
		{
			displayName: 'Registration Type',
			name: 'registrationType',
			type: 'options',
			options: [
				{ name: 'For Each Occurrence', value: 2 },
				{ name: 'Once for All Occurrences', value: 1 },
				{ name: 'Once, Choosing Occurrences', value: 3 },
			],
			default: 1,
			description: `How attendees register for a recurring ${noun} with a fixed time`,
		},
	];
	return [...shared, ...own].sort(byDisplayName);
}

/** Zoom's accepted time zones as a list (an expression still gives any of them). */
export const timeZoneListProperty: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timezone',
	type: 'options',
	options: timeZoneOptions,
	default: 'UTC',
	description:
		'Time zone the start time is read in and shown to attendees, from Zoom’s list. Not added: the start time is sent in UTC and Zoom uses the host’s time zone.',
};

/** The main fields of Create's and Update's collections; the time zone comes from Zoom's list. */
export function mainFields(kind: SessionKind): INodeProperties[] {
	return [
		{
			displayName: 'Agenda',
			name: 'agenda',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: `Description of the ${kind.noun}, up to 2,000 characters`,
		},
		{
			displayName: 'Duration (Minutes)',
			name: 'duration',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description: `Planned length of the ${kind.noun} in minutes`,
		},
		{
			displayName: 'Passcode',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Up to 10 characters: letters, digits and @ - _ *',
		},
		timeZoneListProperty,
	];
}

export function recurrenceProperty(
	kind: SessionKind,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Recurrence',
		name: 'recurrence',
		type: 'fixedCollection',
		placeholder: 'Add Recurrence',
		default: {},
		description: `How the ${kind.noun} repeats; required for a recurring ${kind.noun} with a fixed time`,
		displayOptions,
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{
						displayName: 'Day of Month',
						name: 'monthlyDay',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 31 },
						default: 1,
						description: 'Day of the month a monthly series meets on',
						displayOptions: { show: { type: [3] } },
					},
					{
						displayName: 'End Date',
						name: 'endDateTime',
						type: 'dateTime',
						default: '',
						description: 'When the series ends',
						displayOptions: { show: { ends: ['date'] } },
					},
					{
						displayName: 'Ends',
						name: 'ends',
						type: 'options',
						options: [
							{ name: 'After a Number of Occurrences', value: 'times' },
							{ name: 'On a Date', value: 'date' },
						],
						default: 'times',
					},
					{
						displayName: 'Frequency',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Daily', value: 1 },
							{ name: 'Monthly', value: 3 },
							{ name: 'Weekly', value: 2 },
						],
						default: 2,
					},
					{
						displayName: 'Interval',
						name: 'repeatInterval',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 99 },
						default: 1,
						description:
							'Days, weeks or months between occurrences (at most 99 days, 50 weeks or 10 months)',
					},
					{
						displayName: 'Occurrences',
						name: 'endTimes',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 60 },
						default: 4,
						description: 'How many times the series takes place (at most 60)',
						displayOptions: { show: { ends: ['times'] } },
					},
					{
						displayName: 'Weekdays',
						name: 'weeklyDays',
						type: 'multiOptions',
						options: [
							{ name: 'Friday', value: 6 },
							{ name: 'Monday', value: 2 },
							{ name: 'Saturday', value: 7 },
							{ name: 'Sunday', value: 1 },
							{ name: 'Thursday', value: 5 },
							{ name: 'Tuesday', value: 3 },
							{ name: 'Wednesday', value: 4 },
						],
						default: [],
						description: 'Weekdays a weekly series meets on',
						displayOptions: { show: { type: [2] } },
					},
				],
			},
		],
	};
}

export function settingsProperty(
	kind: SessionKind,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions,
		options: kind.settings,
	};
}
