import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import {
	DEFAULT_ENGAGEMENT_WEIGHTS,
	tallyEngagement,
	weightsProblem,
	type EngagementWeights,
} from './engagement';
import {
	engagedOnlyItems,
	engagedOnlyPeople,
	engagementInputErrors,
	engagementSummary,
	type EngagementSummary,
} from './engagementItems';
import { outputItems, type EngagementScoring, type OutputItem, type PairedItem } from './items';
import { INPUTS_EXPRESSION, inputLayout, pairItemsInLayout, type InputLayout } from './inputLayout';
import { attendanceMatchProperties } from './properties';
import { matchTables, type InputError, type MatchOptions, type MatchSummary } from './match';
import { asNodeError } from '../shared/nodeError';
import { listSearch } from '../ZoomConnector/methods/listSearch';
import {
	attendanceMatchCredentials,
	fetchParticipants,
	participantsSource,
	type FetchedParticipants,
} from './zoomParticipants';
import { fetchRegistrations, registrationsFromZoom } from './zoomRegistrations';

const NO_MATCH = 1;

export class ZoomAttendanceMatch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Attendance Match',
		name: 'zoomAttendanceMatch',
		icon: { light: 'file:zoomAttendanceMatch.svg', dark: 'file:zoomAttendanceMatch.dark.svg' },
		group: ['transform'],
		// One version for the first release; 2 because the examples and tests were saved with it.
		version: 2,
		subtitle:
			'={{$parameter["participantEmailField"] + " ↔ " + $parameter["registrationEmailField"]}}',
		description:
			"Read an ended Zoom meeting's or webinar's participants and match them to registrations: who attended, who came unregistered, who was absent",
		defaults: { name: 'Zoom Attendance Match' },
		usableAsTool: true,
		// n8n evaluates an expression on `inputs` with the node's parameters (as its Merge node does for its
		// number of inputs): Participants only while they come from an input, Engagement only while it is on.
		inputs: INPUTS_EXPRESSION,
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Attended', 'No Match', 'Absent'],
		hints: [
			{
				message:
					'Attended: registrations that joined (with "partial" ones when chosen). No Match: participants without a registration (and, with Include Engagement, people who only engaged), one item per person, and invalid items with Continue On Fail. Absent: registrations that did not join or stayed under the minimum. The counts per output are shown after a run; turn on Options → Add Summary to get them in the data.',
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'beforeExecution',
			},
		],
		credentials: attendanceMatchCredentials,
		properties: attendanceMatchProperties,
	};

	// The Zoom Connector's lists, for the session and instance locators of Participants: Fetch From Zoom.
	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const fromInput = participantsSource(this) === 'input';
		const registrationsZoom = !fromInput && registrationsFromZoom(this);
		const layout = inputLayout(fromInput, !registrationsZoom);
		// With both lists read from Zoom, the Start input's items only run the node.
		const drawn = this.getInputData(layout.registrations ?? 0);
		let registrations: INodeExecutionData[] = registrationsZoom ? [] : drawn;
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const matchOptions = readMatchOptions(this, options);
		const engagementRows = scoringEngagement(this) ? engagementInput(this, layout) : undefined;

		let fetched: FetchedParticipants | undefined;
		if (!fromInput) {
			let reading = 'Participants';
			try {
				fetched = await fetchParticipants(this);
				if (registrationsZoom) {
					reading = 'Registrations';
					const rows = await fetchRegistrations(this, fetched.type, fetched.session.id);
					registrations = rows.map((json) => ({ json, pairedItem: { item: 0 } }));
				}
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, 0);
				return fetchFailed(error as Error, reading, [drawn, engagementRows ?? []]);
			}
		}
		const participants: INodeExecutionData[] = fetched
			? // Zoom's rows are no input's items; what they make pairs with the running item (inputLayout.ts).
				fetched.rows.map((json) => ({ json, pairedItem: { item: 0 } }))
			: this.getInputData(0);
		const session = fetched?.session ?? {
			topic: String(this.getNodeParameter('sessionTopic', 0, '') ?? ''),
			id: String(this.getNodeParameter('sessionId', 0, '') ?? ''),
		};

		const result = matchTables(
			participants.map((item) => item.json),
			registrations.map((item) => item.json),
			matchOptions,
		);

		const scoring: EngagementScoring | undefined = engagementRows && {
			tally: tallyEngagement(engagementRows.map((item) => item.json)),
			weights: engagementWeights(this),
		};
		const errors: InputError[] = scoring
			? [...result.errors, ...engagementInputErrors(scoring, engagementRows ?? [])]
			: result.errors;
		const firstError = errors[0];
		if (firstError && !this.continueOnFail()) {
			const fromZoom =
				(firstError.input === 0 && !fromInput) || (firstError.input === 1 && registrationsZoom);
			throw new NodeOperationError(this.getNode(), firstError.message, {
				itemIndex: fromZoom ? 0 : firstError.itemIndex,
				description: `${firstError.fix}. Field "${firstError.field}" of ${fromZoom ? `Zoom's ${firstError.inputName} row` : `input ${firstError.inputName}, item`} ${firstError.itemIndex}.${errors.length > 1 ? ` ${errors.length - 1} more item(s) have problems too.` : ''}`,
			});
		}

		const engagedOnly = scoring ? engagedOnlyPeople(result, scoring) : [];
		const engagement = scoring ? engagementSummary(scoring, engagedOnly.length) : undefined;
		const summary: IDataObject | undefined =
			options.addSummary === true ? { ...result.summary, ...engagement } : undefined;
		// Straight from the match's columns to the items, without per-person objects in between. The items are
		// plain { json, pairedItem } with JSON values: INodeExecutionData in all but the pure module's type names.
		const outputs: Array<Array<OutputItem | INodeExecutionData>> = outputItems(
			result,
			participants,
			registrations,
			session,
			summary,
			scoring,
		);
		if (scoring) {
			// One by one: a spread of a very long list would overflow the call's arguments.
			for (const item of engagedOnlyItems(engagedOnly, scoring, session, summary)) {
				outputs[NO_MATCH].push(item);
			}
		}
		// Only reached with Continue On Fail: invalid items go to No Match, so nothing is dropped.
		const inputs = [participants, registrations, engagementRows ?? []];
		for (const error of errors) {
			const source = inputs[error.input][error.itemIndex];
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
		pairItemsInLayout(layout, outputs as Array<Array<{ pairedItem: PairedItem | PairedItem[] }>>);

		this.addExecutionHints({
			message: summaryMessage(result.summary, engagement),
			type: 'info',
			location: 'outputPane',
		});
		return outputs as unknown as INodeExecutionData[][];
	}
}

function readMatchOptions(context: IExecuteFunctions, options: IDataObject): Partial<MatchOptions> {
	const matchOptions: Partial<MatchOptions> = {
		participantEmailField: requiredField(context, 'participantEmailField'),
		registrationEmailField: requiredField(context, 'registrationEmailField'),
		minimumAttendance: context.getNodeParameter('minimumAttendance', 0, 0) as number,
		minimumAttendanceUnit: context.getNodeParameter(
			'minimumAttendanceUnit',
			0,
			'seconds',
		) as MatchOptions['minimumAttendanceUnit'],
		belowMinimum: context.getNodeParameter(
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
	return matchOptions;
}

/**
 * Continue On Fail when Zoom refused the participants or registrations (`reading`): nothing was matched, so
 * every input item goes to No Match with Zoom's reason, and the counts still reconcile.
 */
function fetchFailed(
	error: Error,
	reading: string,
	inputs: INodeExecutionData[][],
): INodeExecutionData[][] {
	const noMatch: INodeExecutionData[] = [];
	inputs.forEach((items, input) => {
		items.forEach((item, index) => {
			noMatch.push({
				json: {
					...item.json,
					attendanceStatus: 'no-match',
					noMatchReason: 'zoom-error',
					error: error.message,
					errorInput: reading,
				},
				pairedItem: { item: index, input },
			});
		});
	});
	return [[], noMatch, []];
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

/** Whether this run takes the Engagement input (Include Engagement on). */
function scoringEngagement(context: IExecuteFunctions): boolean {
	return context.getNodeParameter('includeEngagement', 0, false) === true;
}

/** The Engagement input's items; none when nothing is connected to it. */
function engagementInput(context: IExecuteFunctions, layout: InputLayout): INodeExecutionData[] {
	try {
		return context.getInputData(layout.engagement) ?? [];
	} catch {
		// n8n throws for an input it set up without data; nothing connected means no engagement rows.
		return [];
	}
}

function engagementWeights(context: IExecuteFunctions): EngagementWeights {
	const given = context.getNodeParameter('engagementWeights', 0, {}) as IDataObject;
	const weights = { ...DEFAULT_ENGAGEMENT_WEIGHTS };
	for (const name of Object.keys(weights) as Array<keyof EngagementWeights>) {
		if (given[name] !== undefined && given[name] !== '') weights[name] = Number(given[name]);
	}
	const problem = weightsProblem(weights);
	if (problem) {
		throw new NodeOperationError(context.getNode(), `Engagement Score Weights: ${problem}`, {
			description:
				'Set each weight to 0 or more with at least one above 0, and Questions for Full Score to 1 or more (Engagement Score Weights).',
		});
	}
	return weights;
}

function summaryMessage(summary: MatchSummary, engagement?: EngagementSummary): string {
	const parts = [
		`${summary.participantRows} participant rows and ${summary.registrations} registrations in`,
		`attended ${summary.attended}`,
		...(summary.partial ? [`partial ${summary.partial}`] : []),
		`no match ${summary.noMatch} (${summary.guests} without email)`,
		`absent ${summary.absent}`,
		...(summary.errors ? [`invalid ${summary.errors}`] : []),
		...(engagement
			? [
					`engagement rows ${engagement.engagementRows}: ${engagement.engagedPeople} people (${engagement.engagedOnly} only engaged, in No Match), ${engagement.anonymousEngagementRows} anonymous rows${engagement.invalidEngagementRows ? `, ${engagement.invalidEngagementRows} invalid` : ''}`,
				]
			: []),
	];
	return parts.join(', ');
}
