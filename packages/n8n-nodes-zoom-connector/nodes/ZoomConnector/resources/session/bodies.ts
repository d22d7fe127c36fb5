/**
 * The create/update bodies of meetings and webinars, built from parameter values alone (no n8n context),
 * so they are unit-tested as they are. A value Zoom would refuse throws a `FieldError`; the operation turns
 * it into a NodeOperationError for the item. The bodies are typed against Rivet's inside this file only:
 * exported signatures say IDataObject, so no declaration in dist/ names @zoom/rivet (test/n8n/contract).
 */
import type { IDataObject } from 'n8n-workflow';
import type {
	MeetingsCreateMeetingRequestBody,
	WebinarsCreateWebinarRequestBody,
} from '@zoom/rivet/meetings';

import { isValidTimeZone, toZoomTime, toZoomUtc } from '../../../shared/time';
import { snake } from '../../shared/snake';

/** A parameter value Zoom would refuse: `message` names the field, `fix` says what to do. */
export class FieldError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
	}
}

function readTimeZone(value: unknown): string | undefined {
	const zone = typeof value === 'string' ? value.trim() : '';
	if (!zone) return undefined;
	if (!isValidTimeZone(zone)) {
		throw new FieldError(
			`The field "Time Zone" is not an IANA time zone: "${zone}"`,
			'Use a name like Europe/Berlin, America/New_York or UTC.',
		);
	}
	return zone;
}

function zoomTime(
	value: unknown,
	timeZone: string | undefined,
	workflowTimeZone: string,
	field: string,
	utc = false,
): string {
	const converted = utc
		? toZoomUtc(value, timeZone ?? workflowTimeZone)
		: toZoomTime(value, timeZone, workflowTimeZone);
	if (converted.value) return converted.value;
	throw new FieldError(
		`The field "${field}" is not a date-time: ${converted.problem}`,
		'Pick a date, or give an ISO date-time such as 2025-07-01T09:30:00 (read in the time zone) or 2025-07-01T07:30:00Z.',
	);
}

/** Zoom's `settings` from the Settings collection; alternative hosts may be comma- or semicolon-separated. */
export function settingsBody(values: IDataObject): IDataObject | undefined {
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
type Recurrence = Omit<
	NonNullable<
		MeetingsCreateMeetingRequestBody['recurrence'] & WebinarsCreateWebinarRequestBody['recurrence']
	>,
	'weekly_days'
> & {
	weekly_days?: string;
};

/** Zoom's `recurrence` from the Recurrence parameter; `noun` ("meeting"/"webinar") is for messages. */
export function recurrenceBody(
	value: IDataObject,
	noun: string,
	timeZone: string | undefined,
	workflowTimeZone: string,
): IDataObject | undefined {
	return typedRecurrence(value, noun, timeZone, workflowTimeZone);
}

function typedRecurrence(
	value: IDataObject,
	noun: string,
	timeZone: string | undefined,
	workflowTimeZone: string,
): Recurrence | undefined {
	const rule = value.rule as IDataObject | undefined;
	if (!rule) return undefined;
	const type = Number(rule.type ?? 2) as Recurrence['type'];
	const recurrence: Recurrence = { type, repeat_interval: Number(rule.repeatInterval ?? 1) };
	if (type === 2) {
		const days = (rule.weeklyDays as number[] | undefined) ?? [];
		if (!days.length) {
			throw new FieldError(
				'The field "Weekdays" is empty',
				`Pick the weekdays the weekly ${noun} meets on.`,
			);
		}
		recurrence.weekly_days = [...days].sort((a, b) => a - b).join(',');
	}
	if (type === 3) recurrence.monthly_day = Number(rule.monthlyDay ?? 1);
	if (rule.ends === 'date') {
		recurrence.end_date_time = zoomTime(
			rule.endDateTime,
			timeZone,
			workflowTimeZone,
			'End Date',
			true,
		);
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

const TEXT_FIELDS = {
	topic: 'topic',
	agenda: 'agenda',
	password: 'password',
	scheduleFor: 'schedule_for',
} as const;

export interface SessionBodyInput {
	/** "meeting" / "webinar", for messages. */
	noun: string;
	/** The main fields: topic, type, agenda, password, scheduleFor, duration, timezone, startTime. */
	fields: IDataObject;
	/** The Settings collection. */
	settings: IDataObject;
	/** The Recurrence parameter, or undefined when no recurrence may be sent. */
	recurrence?: IDataObject;
	/** The workflow's time zone, which a start time without one is read in. */
	workflowTimeZone: string;
}

/** The create/update body from the main fields, settings and recurrence; checks them before any call. */
export function sessionBody(input: SessionBodyInput): IDataObject {
	const { fields, workflowTimeZone } = input;
	const timeZone = readTimeZone(fields.timezone);
	const body: SessionBody = {};
	for (const [name, field] of Object.entries(TEXT_FIELDS)) {
		const value = fields[name];
		if (typeof value === 'string' && value !== '') body[field] = value;
	}
	if (fields.type !== undefined) body.type = Number(fields.type);
	if (fields.duration !== undefined) body.duration = Number(fields.duration);
	if (timeZone) body.timezone = timeZone;
	if (fields.startTime !== undefined && fields.startTime !== '' && fields.startTime !== null) {
		body.start_time = zoomTime(fields.startTime, timeZone, workflowTimeZone, 'Start Time');
	}
	const settings = settingsBody(input.settings);
	if (settings) body.settings = settings;
	if (input.recurrence) {
		const rule = typedRecurrence(input.recurrence, input.noun, timeZone, workflowTimeZone);
		if (rule) body.recurrence = rule;
	}
	return body;
}
