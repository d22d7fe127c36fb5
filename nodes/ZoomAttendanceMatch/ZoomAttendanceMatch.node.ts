import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { outputItems } from './items';
import { matchTables, type MatchOptions, type MatchSummary } from './match';

const NO_MATCH = 1;

export class ZoomAttendanceMatch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Attendance Match',
		name: 'zoomAttendanceMatch',
		icon: { light: 'file:zoomAttendanceMatch.svg', dark: 'file:zoomAttendanceMatch.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{$parameter["participantEmailField"] + " ↔ " + $parameter["registrationEmailField"]}}',
		description:
			'Match Zoom participants to registrations: who attended, who came unregistered, who was absent',
		defaults: { name: 'Zoom Attendance Match' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		inputNames: ['Participants', 'Registrations'],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Attended', 'No Match', 'Absent'],
		hints: [
			{
				message:
					'Attended: registrations that joined (with "partial" ones when chosen). No Match: participants without a registration, one item per person, and invalid items with Continue On Fail. Absent: registrations that did not join or stayed under the minimum. The counts per output are shown after a run; turn on Options → Add Summary to get them in the data.',
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'beforeExecution',
			},
		],
		properties: [
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
				description:
					'Attended time a registration needs to count as attended; 0 counts any attendance',
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
					'Name of the meeting or webinar, put in sessionTopic of every item (e.g. for a WEBINAR_NAME attribute)',
			},
			{
				displayName: 'Session ID',
				name: 'sessionId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 85746065432',
				description: 'ID of the meeting or webinar, put in sessionId of every item',
			},
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
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const participants = this.getInputData(0);
		const registrations = this.getInputData(1);
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const matchOptions: Partial<MatchOptions> = {
			participantEmailField: requiredField(this, 'participantEmailField'),
			registrationEmailField: requiredField(this, 'registrationEmailField'),
			minimumAttendance: this.getNodeParameter('minimumAttendance', 0, 0) as number,
			minimumAttendanceUnit: this.getNodeParameter(
				'minimumAttendanceUnit',
				0,
				'seconds',
			) as MatchOptions['minimumAttendanceUnit'],
			belowMinimum: this.getNodeParameter(
				'belowMinimum',
				0,
				'absent',
			) as MatchOptions['belowMinimum'],
			matchGuestsByName: options.matchGuestsByName === true,
			sessionLengthSeconds: Number(options.sessionLengthMinutes ?? 0) * 60,
		};
		for (const name of [
			'firstNameField',
			'lastNameField',
			'joinTimeField',
			'leaveTimeField',
			'participantNameField',
		] as const) {
			const value = typeof options[name] === 'string' ? (options[name] as string).trim() : '';
			if (value) matchOptions[name] = value;
		}
		const session = {
			topic: String(this.getNodeParameter('sessionTopic', 0, '') ?? ''),
			id: String(this.getNodeParameter('sessionId', 0, '') ?? ''),
		};

		const result = matchTables(
			participants.map((item) => item.json),
			registrations.map((item) => item.json),
			matchOptions,
		);

		const firstError = result.errors[0];
		if (firstError && !this.continueOnFail()) {
			throw new NodeOperationError(this.getNode(), firstError.message, {
				itemIndex: firstError.itemIndex,
				description: `${firstError.fix}. Field "${firstError.field}" of input ${firstError.inputName}, item ${firstError.itemIndex}.${result.errors.length > 1 ? ` ${result.errors.length - 1} more item(s) have problems too.` : ''}`,
			});
		}

		const summary: IDataObject | undefined =
			options.addSummary === true ? { ...result.summary } : undefined;
		// Straight from the match's columns to the items, without per-person objects in between. The items are
		// plain { json, pairedItem } with JSON values: INodeExecutionData in all but the pure module's type names.
		const outputs = outputItems(
			result,
			participants,
			registrations,
			session,
			summary,
		) as unknown as INodeExecutionData[][];
		// Only reached with Continue On Fail: invalid items go to No Match, so nothing is dropped.
		for (const error of result.errors) {
			const source = (error.input === 0 ? participants : registrations)[error.itemIndex];
			const json: IDataObject = {
				...source.json,
				attendanceStatus: 'no-match',
				noMatchReason: 'invalid-input',
				error: error.message,
				errorInput: error.inputName,
				errorField: error.field,
			};
			if (summary) json._summary = { ...summary };
			outputs[NO_MATCH].push({ json, pairedItem: { item: error.itemIndex, input: error.input } });
		}

		this.addExecutionHints({
			message: summaryMessage(result.summary),
			type: 'info',
			location: 'outputPane',
		});
		return outputs;
	}
}

function requiredField(context: IExecuteFunctions, name: string): string {
	const value = String(context.getNodeParameter(name, 0, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(context.getNode(), `The parameter "${name}" is empty`, {
			description:
				'Name the field that holds the email, e.g. user_email for Zoom participants or email for registrants.',
		});
	}
	return value;
}

function summaryMessage(summary: MatchSummary): string {
	const parts = [
		`${summary.participantRows} participant rows and ${summary.registrations} registrations in`,
		`attended ${summary.attended}`,
		...(summary.partial ? [`partial ${summary.partial}`] : []),
		`no match ${summary.noMatch} (${summary.guests} without email)`,
		`absent ${summary.absent}`,
		...(summary.errors ? [`invalid ${summary.errors}`] : []),
	];
	return parts.join(', ');
}
