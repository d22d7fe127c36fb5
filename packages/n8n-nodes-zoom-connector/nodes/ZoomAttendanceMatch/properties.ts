/**
 * The Zoom Attendance Match's parameters; Participants: Fetch From Zoom's are in zoomParticipants.ts, the
 * engagement ones in engagementProperties.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import { engagementProperties } from './engagementProperties';
import { fetchProperties, participantsSourceProperty } from './zoomParticipants';
import { registrationsSourceProperty } from './zoomRegistrations';

const fromInput = { show: { participantsSource: ['input'] } };

export const attendanceMatchProperties: INodeProperties[] = [
	participantsSourceProperty,
	registrationsSourceProperty,
	...fetchProperties,
	{
		displayName: 'Participant Email Field',
		name: 'participantEmailField',
		type: 'string',
		default: 'user_email',
		required: true,
		placeholder: 'e.g. user_email',
		hint: 'Dots reach nested fields, e.g. payload.object.participant.email for trigger events',
		description:
			'Field of the Participants items that holds the email. Participants with an empty email are guests.',
	},
	{
		displayName: 'Registration Email Field',
		name: 'registrationEmailField',
		type: 'string',
		default: 'email',
		required: true,
		placeholder: 'e.g. email',
		description:
			'Field of the Registrations items that holds the email; each email may be registered once',
	},
	{
		displayName: 'Minimum Attendance',
		name: 'minimumAttendance',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Attended time a registration needs to count as attended; 0 counts any attendance',
	},
	{
		displayName: 'Minimum Attendance Unit',
		name: 'minimumAttendanceUnit',
		type: 'options',
		options: [
			{
				name: 'Percent of Session',
				value: 'percent',
				description: 'Share of the session length (see Options → Session Length)',
			},
			{ name: 'Seconds', value: 'seconds' },
		],
		default: 'seconds',
		displayOptions: { hide: { minimumAttendance: [0] } },
	},
	{
		displayName: 'Below Minimum',
		name: 'belowMinimum',
		type: 'options',
		options: [
			{
				name: 'Absent',
				value: 'absent',
				description: 'Send to the Absent output, with the time attended',
			},
			{
				name: 'Partial',
				value: 'partial',
				description: 'Send to the Attended output with attendance status "partial"',
			},
		],
		default: 'absent',
		description: 'Where a registration that joined but stayed under the minimum goes',
		displayOptions: { hide: { minimumAttendance: [0] } },
	},
	{
		displayName: 'Session Topic',
		name: 'sessionTopic',
		type: 'string',
		default: '',
		placeholder: "e.g. {{ $('Zoom Connector').first().json.topic }}",
		description:
			'Name of the meeting or webinar, put in sessionTopic of every item (e.g. for a WEBINAR_NAME attribute). With Fetch From Zoom it is Zoom’s topic.',
		displayOptions: fromInput,
	},
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 85746065432',
		description: 'ID of the meeting or webinar, put in sessionId of every item',
		displayOptions: fromInput,
	},
	...engagementProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Summary',
				name: 'addSummary',
				type: 'boolean',
				default: false,
				description:
					'Whether to add a _summary object (counts per output, session length, whether the counts reconcile) to every output item',
			},
			{
				displayName: 'First Name Field',
				name: 'firstNameField',
				type: 'string',
				default: 'first_name',
				description:
					"Field of the Registrations items with the first name; when it is empty, the participant's name is used",
			},
			{
				displayName: 'Join Time Field',
				name: 'joinTimeField',
				type: 'string',
				default: 'join_time',
				description:
					'Field of the Participants items with the join time: an ISO 8601 time, or an epoch number (seconds below 100000000000, milliseconds from there on)',
			},
			{
				displayName: 'Last Name Field',
				name: 'lastNameField',
				type: 'string',
				default: 'last_name',
				description: 'Field of the Registrations items with the last name',
			},
			{
				displayName: 'Leave Time Field',
				name: 'leaveTimeField',
				type: 'string',
				default: 'leave_time',
				description:
					'Field of the Participants items with the leave time (ISO 8601, or epoch seconds or milliseconds as for the join time). A join without a leave (a webhook event) lasts until the next leave of that person, else the session end.',
			},
			{
				displayName: 'Match Guests by Name',
				name: 'matchGuestsByName',
				type: 'boolean',
				default: false,
				description:
					'Whether to match participants without an email to the registration with the same first and last name (case and accents ignored; a name shared by several registrations matches none)',
			},
			{
				displayName: 'Participant Name Field',
				name: 'participantNameField',
				type: 'string',
				default: 'name',
				description: 'Field of the Participants items with the display name',
			},
			{
				displayName: 'Session Length (Minutes)',
				name: 'sessionLengthMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Length of the session, the base of a minimum in percent. 0 measures it: last leave minus first join over all participants.',
			},
		],
	},
];
