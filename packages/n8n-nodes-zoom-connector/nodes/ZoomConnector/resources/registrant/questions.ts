/**
 * Registration questions of a meeting or webinar: GET and PATCH /meetings|webinars/{id}/registrants/questions
 * (Rivet: listRegistrationQuestions, updateRegistrationQuestions).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { WebinarsUpdateRegistrationQuestionsRequestBody } from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { readTarget } from './common';
import { readJsonArray } from './registrantRef';

type StandardQuestion = NonNullable<
	WebinarsUpdateRegistrationQuestionsRequestBody['questions']
>[number];
type StandardField = NonNullable<StandardQuestion['field_name']>;

/** Zoom's standard registration fields (besides email and first name, which are always asked). */
export const STANDARD_FIELDS: StandardField[] = [
	'address',
	'city',
	'comments',
	'country',
	'industry',
	'job_title',
	'last_name',
	'no_of_employees',
	'org',
	'phone',
	'purchasing_time_frame',
	'role_in_purchase_process',
	'state',
	'zip',
];

const show = { resource: ['registrant'], operation: ['updateQuestions'] };

export const updateDescription: INodeProperties[] = [
	{
		displayName: 'Standard Questions (JSON)',
		name: 'questions',
		type: 'json',
		default: '[]',
		description: `An array of {"field_name", "required"}; field_name one of ${STANDARD_FIELDS.join(', ')}. Replaces the standard questions asked.`,
		displayOptions: { show },
	},
	{
		displayName: 'Custom Questions (JSON)',
		name: 'customQuestions',
		type: 'json',
		default: '[]',
		description:
			'An array of {"title", "type", "required", "answers"}; type "short" or "single" (meetings), "short", "single_radio", "single_dropdown" or "multiple" (webinars). Replaces the custom questions.',
		displayOptions: { show },
	},
];

export async function getQuestions(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const target = readTarget(this, itemIndex);
	const answer = await zoomApiRequest.call(this, 'GET', `${target.path}/questions`, { itemIndex });
	return {
		id: Number(target.id),
		questions: answer.questions ?? [],
		custom_questions: answer.custom_questions ?? [],
	};
}

export async function updateQuestions(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const target = readTarget(this, itemIndex);
	const questions = readJsonArray(
		this,
		'questions',
		'Standard Questions (JSON)',
		itemIndex,
	) as StandardQuestion[];
	for (const [position, question] of questions.entries()) {
		if (!STANDARD_FIELDS.includes(question?.field_name as StandardField)) {
			throw new NodeOperationError(
				this.getNode(),
				`Standard question ${position + 1} has an unknown field_name: ${JSON.stringify(question?.field_name)}`,
				{
					itemIndex,
					description: `Use one of ${STANDARD_FIELDS.join(', ')} in "Standard Questions (JSON)" (item ${itemIndex}).`,
				},
			);
		}
	}
	const customQuestions = readJsonArray(
		this,
		'customQuestions',
		'Custom Questions (JSON)',
		itemIndex,
	) as NonNullable<WebinarsUpdateRegistrationQuestionsRequestBody['custom_questions']>;
	const body: WebinarsUpdateRegistrationQuestionsRequestBody = {
		questions,
		custom_questions: customQuestions,
	};
	await zoomApiRequest.call(this, 'PATCH', `${target.path}/questions`, {
		body: body as IDataObject,
		itemIndex,
	});
	return {
		success: true,
		id: Number(target.id),
		questions: questions.length,
		custom_questions: customQuestions.length,
	};
}
