/**
 * Meetings and webinars are the same Zoom resource with other type numbers, settings and paths, so
 * their operations are built here from a `SessionKind`; meeting/ and webinar/ only describe the kind.
 * Registrants use the ID helpers too.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { MeetingsCreateMeetingRequestBody, WebinarsCreateWebinarRequestBody } from '@zoom/rivet/meetings';

import { parseSessionId } from '../../../shared/ids';
import { isValidTimeZone, toZoomTime, toZoomUtc } from '../../../shared/time';
import { zoomApiRequest, zoomApiRequestAllItems } from '../../../shared/transport';
import { LIST_WEBINARS, zoomListAll } from '../../../shared/zoomLists';
import { returnAllOrLimit, userIdField } from '../../descriptions';
import { requireText } from '../../validation';

export interface SessionKind {
	resource: 'meeting' | 'webinar';
	/** "meeting" / "webinar", for messages. */
	noun: string;
	/** Zoom's path segment: /meetings/{id}, /users/{userId}/meetings. */
	path: 'meetings' | 'webinars';
	idField: 'meetingId' | 'webinarId';
	/** The Type parameter (options and default), written out in the kind's file. */
	typeProperty: INodeProperties;
	/** Types that have a start time (scheduled, recurring with fixed time). */
	timedTypes: number[];
	/** The recurring type with a fixed time, which needs a recurrence rule. */
	recurringFixedType: number;
	listTypes: INodePropertyOptions[];
	/** Options of the Settings collection, sorted by display name. */
	settings: INodeProperties[];
	/** Options of Delete besides the occurrence ID, each named as Zoom's query parameter in camelCase. */
	deleteOptions: INodeProperties[];
}

type Show = { resource: string[]; operation: string[] } & Record<string, Array<string | number | boolean>>;

const show = (kind: SessionKind, operation: string, extra: Record<string, Array<string | number>> = {}): Show => ({
	resource: [kind.resource],
	operation: [operation],
	...extra,
});

/** camelCase parameter name → Zoom's snake_case field. */
export function snake(name: string): string {
	return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function fail(context: IExecuteFunctions, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

// IDs ------------------------------------------------------------------------------------------

/** The ID field of a meeting or webinar: a number, a pasted "858 4567 1234", or a join URL. */
export function sessionIdProperty(
	name: string,
	noun: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	const Noun = noun[0].toUpperCase() + noun.slice(1);
	return {
		displayName: `${Noun} ID`,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: noun === 'meeting' ? '85746065432' : '98765432101',
		hint: `The numeric ID, as Zoom shows it ("857 4606 5432"), or the ${noun}’s join URL`,
		description: `The ${noun} to act on`,
		displayOptions,
	};
}

/** A meeting/webinar ID from a parameter, or a NodeOperationError naming the field, before any call. */
export function readSessionId(
	context: IExecuteFunctions,
	name: string,
	noun: string,
	itemIndex: number,
): string {
	const parsed = parseSessionId(context.getNodeParameter(name, itemIndex, ''));
	if (parsed.id) return parsed.id;
	const Noun = noun[0].toUpperCase() + noun.slice(1);
	return fail(
		context,
		itemIndex,
		`The field "${Noun} ID" is not a ${noun} ID: ${parsed.problem}`,
		`Give the numeric ${noun} ID (85746065432, "857 4606 5432" or "857-4606-5432") or its join URL.`,
	);
}

// Times ----------------------------------------------------------------------------------------

function readTimeZone(context: IExecuteFunctions, value: unknown, itemIndex: number): string | undefined {
	const zone = typeof value === 'string' ? value.trim() : '';
	if (!zone) return undefined;
	if (!isValidTimeZone(zone)) {
		fail(
			context,
			itemIndex,
			`The field "Time Zone" is not an IANA time zone: "${zone}"`,
			'Use a name like Europe/Berlin, America/New_York or UTC.',
		);
	}
	return zone;
}

function zoomTime(
	context: IExecuteFunctions,
	value: unknown,
	timeZone: string | undefined,
	field: string,
	itemIndex: number,
	utc = false,
): string {
	const converted = utc ? toZoomUtc(value, timeZone ?? context.getTimezone()) : toZoomTime(value, timeZone, context.getTimezone());
	if (converted.value) return converted.value;
	return fail(
		context,
		itemIndex,
		`The field "${field}" is not a date-time: ${converted.problem}`,
		'Pick a date, or give an ISO date-time such as 2025-07-01T09:30:00 (read in the time zone) or 2025-07-01T07:30:00Z.',
	);
}

// Descriptions ---------------------------------------------------------------------------------

const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

/** The Occurrence ID option of a recurring meeting/webinar; `description` says what it limits. */
export function occurrenceIdOption(description: string): INodeProperties {
	return {
		displayName: 'Occurrence ID',
		name: 'occurrenceId',
		type: 'string',
		default: '',
		placeholder: '1648194360000',
		description,
	};
}

/** An Options collection, sorted by display name, shown for `show`. */
export function optionsCollection(displayOptions: INodeProperties['displayOptions'], options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [...options].sort(byDisplayName),
	};
}

/** The Settings options meetings and webinars share, plus the kind's own, sorted by display name. */
export function sessionSettings(noun: string, own: INodeProperties[]): INodeProperties[] {
	const shared: INodeProperties[] = [
		{
			displayName: 'Alternative Hosts',
			name: 'alternativeHosts',
			type: 'string',
			default: '',
			placeholder: 'jane@example.com, joe@example.com',
			description: 'Emails of users in the account who may start the session, separated by commas or semicolons',
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


const timeZoneProperty: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'Europe/Berlin',
	description:
		'IANA time zone the start time is read in and shown to attendees. Empty: the start time is sent in UTC and Zoom uses the host’s time zone.',
};

function mainFields(kind: SessionKind): INodeProperties[] {
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
		timeZoneProperty,
	];
}

function recurrenceProperty(kind: SessionKind, displayOptions: INodeProperties['displayOptions']): INodeProperties {
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
						description: 'Days, weeks or months between occurrences (at most 99 days, 50 weeks or 10 months)',
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

function settingsProperty(kind: SessionKind, displayOptions: INodeProperties['displayOptions']): INodeProperties {
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

export function createDescription(kind: SessionKind): INodeProperties[] {
	return [
		userIdField(kind.resource, ['create'], { description: `Who hosts the ${kind.noun}: "me", or a user ID or email` }),
		{
			displayName: 'Topic',
			name: 'topic',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Weekly sync',
			description: `Title of the ${kind.noun}, up to 200 characters`,
			displayOptions: { show: show(kind, 'create') },
		},
		{ ...kind.typeProperty, displayOptions: { show: show(kind, 'create') } },
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			default: '',
			description: `When the ${kind.noun} starts, read in the Time Zone below when one is set (else in the workflow’s time zone)`,
			hint: 'Empty: Zoom starts it now',
			displayOptions: { show: show(kind, 'create', { type: kind.timedTypes }) },
		},
		recurrenceProperty(kind, { show: show(kind, 'create', { type: [kind.recurringFixedType] }) }),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show(kind, 'create') },
			options: [
				...mainFields(kind),
				{
					displayName: 'Schedule For',
					name: 'scheduleFor',
					type: 'string',
					default: '',
					placeholder: 'jane@example.com',
					description: `Email or user ID of the user you schedule the ${kind.noun} for (needs scheduling privilege)`,
				},
			],
		},
		settingsProperty(kind, { show: show(kind, 'create') }),
	];
}

export function updateDescription(kind: SessionKind): INodeProperties[] {
	return [
		sessionIdProperty(kind.idField, kind.noun, { show: show(kind, 'update') }),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show(kind, 'update') },
			options: [
				...mainFields(kind),
				occurrenceIdOption(`Change only this occurrence of a recurring ${kind.noun} (agenda, start time and duration)`),
				{
					displayName: 'Start Time',
					name: 'startTime',
					type: 'dateTime',
					default: '',
					description: 'New start, read in the Time Zone field when one is set (else in the workflow’s time zone)',
				},
				{
					displayName: 'Topic',
					name: 'topic',
					type: 'string',
					default: '',
					description: `New title of the ${kind.noun}`,
				},
				kind.typeProperty,
			],
		},
		recurrenceProperty(kind, { show: show(kind, 'update') }),
		settingsProperty(kind, { show: show(kind, 'update') }),
	];
}

export function getDescription(kind: SessionKind): INodeProperties[] {
	return [
		sessionIdProperty(kind.idField, kind.noun, { show: show(kind, 'get') }),
		optionsCollection({ show: show(kind, 'get') }, [
			occurrenceIdOption(`Return this occurrence of a recurring ${kind.noun}`),
			{
				displayName: 'Show Previous Occurrences',
				name: 'showPreviousOccurrences',
				type: 'boolean',
				default: false,
				description: 'Whether to include occurrences that already took place',
			},
		]),
	];
}

export function deleteDescription(kind: SessionKind): INodeProperties[] {
	return [
		sessionIdProperty(kind.idField, kind.noun, { show: show(kind, 'delete') }),
		optionsCollection({ show: show(kind, 'delete') }, [
			...kind.deleteOptions,
			occurrenceIdOption(`Delete only this occurrence; empty deletes the whole ${kind.noun} or series`),
		]),
	];
}

export function getAllDescription(kind: SessionKind): INodeProperties[] {
	return [
		userIdField(kind.resource, ['getAll'], { description: `Whose ${kind.noun}s to list: "me", or a user ID or email` }),
		{
			displayName: 'Show',
			name: 'listType',
			type: 'options',
			options: kind.listTypes,
			default: 'scheduled',
			description: `Which ${kind.noun}s to list`,
			displayOptions: { show: show(kind, 'getAll') },
		},
		...returnAllOrLimit(kind.resource, 'getAll'),
	];
}

// Request bodies -------------------------------------------------------------------------------

/** Zoom's `settings` from the Settings collection; alternative hosts may be comma- or semicolon-separated. */
function settingsBody(values: IDataObject): IDataObject | undefined {
	const settings: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		settings[snake(name)] =
			name === 'alternativeHosts'
				? String(value)
						.split(/[;,\s]+/)
						.filter(Boolean)
						.join(';')
				: value;
	}
	return Object.keys(settings).length ? settings : undefined;
}

/**
 * Zoom's `recurrence` (https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings).
 * Rivet 0.4.0 types weekly_days as one day ("1"…"7"); Zoom's docs take several, comma-separated ("1,3,5").
 */
type Recurrence = Omit<NonNullable<MeetingsCreateMeetingRequestBody['recurrence'] & WebinarsCreateWebinarRequestBody['recurrence']>, 'weekly_days'> & {
	weekly_days?: string;
};

function recurrenceBody(
	context: IExecuteFunctions,
	kind: SessionKind,
	value: IDataObject,
	timeZone: string | undefined,
	itemIndex: number,
): Recurrence | undefined {
	const rule = value.rule as IDataObject | undefined;
	if (!rule) return undefined;
	const type = Number(rule.type ?? 2) as Recurrence['type'];
	const recurrence: Recurrence = { type, repeat_interval: Number(rule.repeatInterval ?? 1) };
	if (type === 2) {
		const days = (rule.weeklyDays as number[] | undefined) ?? [];
		if (!days.length) {
			fail(context, itemIndex, 'The field "Weekdays" is empty', `Pick the weekdays the weekly ${kind.noun} meets on.`);
		}
		recurrence.weekly_days = [...days].sort((a, b) => a - b).join(',');
	}
	if (type === 3) recurrence.monthly_day = Number(rule.monthlyDay ?? 1);
	if (rule.ends === 'date') {
		recurrence.end_date_time = zoomTime(context, rule.endDateTime, timeZone, 'End Date', itemIndex, true);
	} else {
		recurrence.end_times = Number(rule.endTimes ?? 1);
	}
	return recurrence;
}

/**
 * The fields of a create/update body, each one Zoom's create meeting and create webinar bodies both have
 * (Pick refuses a key Rivet lacks). The type numbers differ by kind and are checked by the node's options;
 * the settings keys come from parameter names and are held to Rivet's by test/unit/rivetRequestFields.test.ts.
 */
type SessionBody = Pick<
	MeetingsCreateMeetingRequestBody & WebinarsCreateWebinarRequestBody,
	'topic' | 'agenda' | 'password' | 'schedule_for' | 'duration' | 'timezone' | 'start_time'
> & { type?: number; settings?: IDataObject; recurrence?: Recurrence };

const TEXT_FIELDS = { topic: 'topic', agenda: 'agenda', password: 'password', scheduleFor: 'schedule_for' } as const;

/** The create/update body from the main fields, settings and recurrence; checks them before any call. */
function sessionBody(
	context: IExecuteFunctions,
	kind: SessionKind,
	fields: IDataObject,
	itemIndex: number,
	withRecurrence: boolean,
): SessionBody {
	const timeZone = readTimeZone(context, fields.timezone, itemIndex);
	const body: SessionBody = {};
	for (const [name, field] of Object.entries(TEXT_FIELDS)) {
		const value = fields[name];
		if (typeof value === 'string' && value !== '') body[field] = value;
	}
	if (fields.type !== undefined) body.type = Number(fields.type);
	if (fields.duration !== undefined) body.duration = Number(fields.duration);
	if (timeZone) body.timezone = timeZone;
	if (fields.startTime !== undefined && fields.startTime !== '' && fields.startTime !== null) {
		body.start_time = zoomTime(context, fields.startTime, timeZone, 'Start Time', itemIndex);
	}
	const settings = settingsBody((context.getNodeParameter('settings', itemIndex, {}) as IDataObject) ?? {});
	if (settings) body.settings = settings;
	if (withRecurrence) {
		const recurrence = recurrenceBody(
			context,
			kind,
			(context.getNodeParameter('recurrence', itemIndex, {}) as IDataObject) ?? {},
			timeZone,
			itemIndex,
		);
		if (recurrence) body.recurrence = recurrence;
	}
	return body;
}

// Operations -----------------------------------------------------------------------------------

export async function createSession(this: IExecuteFunctions, kind: SessionKind, itemIndex: number): Promise<IDataObject> {
	const userId = requireText(this, 'userId', itemIndex);
	const type = Number(this.getNodeParameter('type', itemIndex, kind.typeProperty.default));
	const fields: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		topic: requireText(this, 'topic', itemIndex),
		type,
	};
	if (kind.timedTypes.includes(type)) fields.startTime = this.getNodeParameter('startTime', itemIndex, '');
	// A rule left over from an earlier type choice is hidden in the UI; it must not be sent either.
	const body = sessionBody(this, kind, fields, itemIndex, type === kind.recurringFixedType);
	if (type === kind.recurringFixedType && !body.recurrence) {
		fail(
			this,
			itemIndex,
			'The field "Recurrence" is empty',
			`A recurring ${kind.noun} with a fixed time needs a rule: add one under Recurrence, or pick the type without a fixed time.`,
		);
	}
	// A POST is never repeated here: the transport refuses to retry it after a 5xx, and so do we.
	return await zoomApiRequest.call(this, 'POST', `/users/${encodeURIComponent(userId)}/${kind.path}`, {
		body,
		itemIndex,
	});
}

export async function getSession(this: IExecuteFunctions, kind: SessionKind, itemIndex: number): Promise<IDataObject> {
	const id = readSessionId(this, kind.idField, kind.noun, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.occurrenceId) qs.occurrence_id = String(options.occurrenceId).trim();
	if (options.showPreviousOccurrences) qs.show_previous_occurrences = true;
	return await zoomApiRequest.call(this, 'GET', `/${kind.path}/${id}`, { qs, itemIndex });
}

export async function updateSession(this: IExecuteFunctions, kind: SessionKind, itemIndex: number): Promise<IDataObject> {
	const id = readSessionId(this, kind.idField, kind.noun, itemIndex);
	const fields = { ...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject) };
	const occurrenceId = typeof fields.occurrenceId === 'string' ? fields.occurrenceId.trim() : '';
	delete fields.occurrenceId;
	const body = sessionBody(this, kind, fields, itemIndex, true);
	if (!Object.keys(body).length) {
		fail(this, itemIndex, 'Nothing to update', 'Add at least one field under Update Fields, Recurrence or Settings.');
	}
	await zoomApiRequest.call(this, 'PATCH', `/${kind.path}/${id}`, {
		body,
		qs: occurrenceId ? { occurrence_id: occurrenceId } : undefined,
		itemIndex,
	});
	return { success: true, id: Number(id), ...(occurrenceId ? { occurrence_id: occurrenceId } : {}) };
}

export async function deleteSession(this: IExecuteFunctions, kind: SessionKind, itemIndex: number): Promise<IDataObject> {
	const id = readSessionId(this, kind.idField, kind.noun, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [name, value] of Object.entries(options)) {
		if (value !== '' && value !== undefined) qs[snake(name)] = typeof value === 'string' ? value.trim() : value;
	}
	await zoomApiRequest.call(this, 'DELETE', `/${kind.path}/${id}`, { qs, itemIndex });
	return { success: true, id: Number(id), ...(qs.occurrence_id ? { occurrence_id: qs.occurrence_id } : {}) };
}

export async function listSessions(this: IExecuteFunctions, kind: SessionKind, itemIndex: number): Promise<IDataObject[]> {
	const userId = requireText(this, 'userId', itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const endpoint = `/users/${encodeURIComponent(userId)}/${kind.path}`;
	const options = { qs: { type: this.getNodeParameter('listType', itemIndex, 'scheduled') as string }, limit, itemIndex };
	// List webinars pages by page_number, List meetings by next_page_token.
	if (kind.path === 'webinars') return await zoomListAll.call(this, endpoint, kind.path, LIST_WEBINARS, options);
	return await zoomApiRequestAllItems.call(this, endpoint, kind.path, options);
}
