/** Approve, deny or cancel registrants: one shared body, batched as Zoom requires (at most 30 per PUT). */
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	MeetingsUpdateRegistrantsStatusRequestBody,
	WebinarsUpdateRegistrantsStatusRequestBody,
} from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { occurrenceIdOption, optionsCollection } from '../../shared/descriptions';
import { listAndIdModes, locatorProperty, locatorValue } from '../../shared/locators';
import { readTarget } from './common';

/** The body of PUT /meetings/{meetingId}/registrants/status and its webinar twin: the same in Rivet. */
type StatusBody = MeetingsUpdateRegistrantsStatusRequestBody &
	WebinarsUpdateRegistrantsStatusRequestBody;

/** Zoom's actions; a StatusBody is built from one, so tsc refuses an action Zoom lacks. */
export type StatusAction = 'approve' | 'deny' | 'cancel';

/**
 * Zoom takes at most 30 registrants per status update
 * (https://developers.zoom.us/docs/api/meetings/#tag/meetings/PUT/meetings/{meetingId}/registrants/status).
 */
export const REGISTRANTS_PER_REQUEST = 30;

export interface RegistrantRefs {
	refs: Array<{ email: string } | { id: string }>;
	invalid: string[];
}

/**
 * Emails and registrant IDs from a text (commas, semicolons, spaces or new lines between them) or
 * an array (from an expression). Emails are matched without regard to case, so duplicates are dropped.
 */
export function parseRegistrantRefs(value: unknown): RegistrantRefs {
	const entries = (Array.isArray(value) ? value.flat(2) : [value])
		.flatMap((entry) => {
			if (entry && typeof entry === 'object') {
				const object = entry as IDataObject;
				return [String(object.email ?? object.id ?? object.registrant_id ?? '')];
			}
			return String(entry ?? '').split(/[\s,;]+/);
		})
		.map((entry) => entry.trim())
		.filter(Boolean);
	const seen = new Set<string>();
	const result: RegistrantRefs = { refs: [], invalid: [] };
	for (const entry of entries) {
		const isEmail = entry.includes('@');
		const key = isEmail ? entry.toLowerCase() : entry;
		if (seen.has(key)) continue;
		seen.add(key);
		if (isEmail && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(entry)) result.refs.push({ email: entry });
		else if (!isEmail && /^[A-Za-z0-9_-]{6,64}$/.test(entry)) result.refs.push({ id: entry });
		else result.invalid.push(entry);
	}
	return result;
}

export function statusDescription(operation: StatusAction): INodeProperties[] {
	const show = { resource: ['registrant'], operation: [operation] };
	return [
		locatorProperty({
			displayName: 'Registrants',
			name: 'registrants',
			required: true,
			description: `The registrants to ${operation}: the list shows those whose status allows it`,
			...listAndIdModes('searchRegistrants', 'Choose a registrant…', {
				displayName: 'By ID or Email',
				placeholder: 'jane@example.com, 9tboDiHUQAeOnbmudzWa5g',
				hint: 'One or more emails and/or registrant IDs, separated by commas (an expression may give a list)',
			}),
			displayOptions: { show },
		}),
		optionsCollection({ show }, [occurrenceIdOption('Change the status for this occurrence only')]),
	];
}

export async function updateStatus(
	this: IExecuteFunctions,
	action: StatusAction,
	itemIndex: number,
): Promise<IDataObject> {
	const target = readTarget(this, itemIndex);
	const { refs, invalid } = parseRegistrantRefs(
		locatorValue(this.getNodeParameter('registrants', itemIndex, '')),
	);
	if (invalid.length || !refs.length) {
		throw new NodeOperationError(
			this.getNode(),
			invalid.length
				? `The field "Registrants" holds entries that are neither an email nor a registrant ID: ${invalid.slice(0, 5).join(', ')}`
				: 'The field "Registrants" is empty',
			{
				itemIndex,
				description: 'List emails and/or registrant IDs, separated by commas or new lines.',
			},
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = options.occurrenceId
		? { occurrence_id: String(options.occurrenceId).trim() }
		: {};

	let updated = 0;
	for (let start = 0; start < refs.length; start += REGISTRANTS_PER_REQUEST) {
		const body: StatusBody = {
			action,
			registrants: refs.slice(start, start + REGISTRANTS_PER_REQUEST),
		};
		try {
			await zoomApiRequest.call(this, 'PUT', `${target.path}/status`, {
				body,
				qs,
				itemIndex,
			});
		} catch (error) {
			if (!(error instanceof NodeApiError))
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			// Earlier batches went through; say so, so a rerun is not a surprise.
			if (updated > 0) {
				error.description =
					`${error.description ?? ''} ${updated} of ${refs.length} registrants were already updated before this request failed.`.trim();
			}
			// NodeApiError's constructor hands back the same error, now with the description added.
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		}
		updated += body.registrants?.length ?? 0;
	}
	return {
		success: true,
		action,
		[target.kind.idField]: Number(target.id),
		updated,
		requests: Math.ceil(refs.length / REGISTRANTS_PER_REQUEST),
	};
}
