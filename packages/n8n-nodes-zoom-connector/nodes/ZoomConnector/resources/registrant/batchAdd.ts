import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type {
	MeetingsPerformBatchRegistrationRequestBody,
	MeetingsPerformBatchRegistrationResponse,
} from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { readTarget } from './common';
import { readJsonArray } from './registrantRef';

/** Zoom's batch registration takes at most 30 registrants per call. */
export const REGISTRANTS_PER_BATCH = 30;

const show = { resource: ['registrant'], operation: ['batchAdd'] };
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const description: INodeProperties[] = [
	{
		displayName: 'Registrants (JSON)',
		name: 'registrants',
		type: 'json',
		default: '[]',
		required: true,
		description: 'An array of {"email", "first_name", "last_name"}; any length, sent 30 per call',
		placeholder: '[{"email": "jane@example.com", "first_name": "Jane", "last_name": "Doe"}]',
		displayOptions: { show },
	},
	{
		displayName: 'Auto Approve',
		name: 'autoApprove',
		type: 'boolean',
		default: true,
		description:
			'Whether Zoom approves them at once, even when the session approves registrants manually',
		displayOptions: { show },
	},
];

type BatchRegistrant = NonNullable<
	MeetingsPerformBatchRegistrationRequestBody['registrants']
>[number];

function readRegistrants(context: IExecuteFunctions, itemIndex: number): BatchRegistrant[] {
	return readJsonArray(context, 'registrants', 'Registrants (JSON)', itemIndex).map(
		(raw, position) => {
			const entry = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
			const email = typeof entry.email === 'string' ? entry.email.trim() : '';
			const firstName = typeof entry.first_name === 'string' ? entry.first_name.trim() : '';
			if (!EMAIL.test(email) || !firstName) {
				throw new NodeOperationError(
					context.getNode(),
					`Registrant ${position + 1} in "Registrants (JSON)" needs ${EMAIL.test(email) ? 'a first_name' : 'a valid email'}`,
					{
						itemIndex,
						description: `Each entry needs "email" and "first_name" (item ${itemIndex}); entry ${position + 1} is ${JSON.stringify(raw)?.slice(0, 120)}.`,
					},
				);
			}
			const lastName = typeof entry.last_name === 'string' ? entry.last_name.trim() : '';
			return { email, first_name: firstName, ...(lastName ? { last_name: lastName } : {}) };
		},
	);
}

/**
 * Registers many people at once with Zoom's batch registration (POST /meetings|webinars/{id}/batch_registrants,
 * 30 per call). One item per registrant: email, registrant_id, join_url, participant_pin_code.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = readTarget(this, itemIndex);
	const registrants = readRegistrants(this, itemIndex);
	const autoApprove = this.getNodeParameter('autoApprove', itemIndex, true) as boolean;
	const out: IDataObject[] = [];
	for (let start = 0; start < registrants.length; start += REGISTRANTS_PER_BATCH) {
		const body: MeetingsPerformBatchRegistrationRequestBody = {
			auto_approve: autoApprove,
			registrants: registrants.slice(start, start + REGISTRANTS_PER_BATCH),
		};
		const response = (await zoomApiRequest.call(
			this,
			'POST',
			`/${target.kind.path}/${target.id}/batch_registrants`,
			{
				body: body as IDataObject,
				itemIndex,
			},
		)) as MeetingsPerformBatchRegistrationResponse;
		for (const registered of response.registrants ?? [])
			out.push({ ...(registered as IDataObject), id: Number(target.id) });
	}
	return out;
}
