import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { MeetingsAddMeetingRegistrantRequestBody } from '@zoom/rivet/meetings';
import { NodeOperationError } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { requireText } from '../../shared/validation';
import { snake } from '../../shared/snake';
import { readTarget } from './common';

const show = { resource: ['registrant'], operation: ['add'] };

const text = (displayName: string, name: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(placeholder ? { placeholder } : {}),
});

type ZoomLanguage = NonNullable<MeetingsAddMeetingRegistrantRequestBody['language']>;

/**
 * The registrant languages Zoom takes, spelled as Zoom spells them (Rivet's Meetings/WebinarsAddMeeting…
 * RegistrantRequestBody['language']: "ko-KO" and "Tr-TR" included); a Record so a code Zoom adds or drops
 * fails the build.
 */
const LANGUAGES: Record<ZoomLanguage, string> = {
	'de-DE': 'German',
	'en-US': 'English',
	'es-ES': 'Spanish',
	'fr-FR': 'French',
	'it-IT': 'Italian',
	'jp-JP': 'Japanese',
	'ko-KO': 'Korean',
	'pl-PL': 'Polish',
	'pt-PT': 'Portuguese',
	'ru-RU': 'Russian',
	'Tr-TR': 'Turkish',
	'vi-VN': 'Vietnamese',
	'zh-CN': 'Chinese (Simplified)',
	'zh-TW': 'Chinese (Traditional)',
};

/** Zoom's code for a value of the Language field; a saved value typed in another case still counts. */
function zoomLanguage(context: IExecuteFunctions, value: unknown, itemIndex: number): ZoomLanguage {
	const given = String(value).trim();
	const code = (Object.keys(LANGUAGES) as ZoomLanguage[]).find(
		(known) => known.toLowerCase() === given.toLowerCase(),
	);
	if (code) return code;
	throw new NodeOperationError(
		context.getNode(),
		`The field "Language" is not a language Zoom knows: "${given}"`,
		{
			itemIndex,
			description: `Choose one from the list, or give one of Zoom's codes: ${Object.keys(LANGUAGES).join(', ')}.`,
		},
	);
}

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Email address of the person to register',
		displayOptions: { show },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Custom Questions',
		name: 'customQuestions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Answer',
		default: {},
		description: 'Answers to the custom questions of the registration form, by question title',
		displayOptions: { show },
		options: [
			{
				displayName: 'Answer',
				name: 'answer',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						placeholder: 'How did you hear about us?',
						description: 'The question as titled on the registration form',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The answer, up to 128 characters',
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			text('Address', 'address'),
			{
				displayName: 'Auto Approve',
				name: 'autoApprove',
				type: 'boolean',
				default: false,
				description:
					'Whether to approve the registrant at once, even when the meeting needs manual approval',
				displayOptions: { show: { '/sessionType': ['meeting'] } },
			},
			text('City', 'city'),
			{
				displayName: 'Comments',
				name: 'comments',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
			},
			text('Country', 'country', 'US'),
			text('Industry', 'industry'),
			text('Job Title', 'jobTitle'),
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: Object.entries(LANGUAGES)
					.map(([value, name]) => ({ name: `${name} (${value})`, value }))
					.sort((a, b) => a.name.localeCompare(b.name)),
				default: 'en-US',
				description: 'The registrant’s language, one Zoom offers',
			},
			text('Last Name', 'lastName'),
			{
				displayName: 'Occurrence IDs',
				name: 'occurrenceIds',
				type: 'string',
				default: '',
				placeholder: '1648194360000,1648799160000',
				description: 'Register for these occurrences only, separated by commas',
			},
			text('Organization', 'org'),
			text('Phone', 'phone'),
			{
				displayName: 'Tracking Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 4_7Ao5LMRMKkJyCJEhpfwg',
				description:
					"The webinar's tracking source this registration came through (IDs from Registrant › Get Tracking Sources), for marketing attribution",
				displayOptions: { show: { '/sessionType': ['webinar'] } },
			},
			text('State or Province', 'state'),
			text('ZIP or Postal Code', 'zip'),
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = readTarget(this, itemIndex);
	const email = requireText(this, 'email', itemIndex);
	if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
		throw new NodeOperationError(
			this.getNode(),
			`The field "Email" is not an email address: "${email}"`,
			{
				itemIndex,
				description: 'Give one address like jane@example.com.',
			},
		);
	}
	const body: IDataObject = { email, first_name: requireText(this, 'firstName', itemIndex) };
	const qs: IDataObject = {};
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	for (const [name, value] of Object.entries(additional)) {
		if (value === '' || value === undefined) continue;
		if (name === 'occurrenceIds') qs.occurrence_ids = String(value).replace(/\s+/g, '');
		// Only meetings know auto_approve, only webinars source_id (Rivet's Meetings/WebinarsAdd…RegistrantRequestBody):
		// a value left from the other choice is not sent.
		else if (name === 'language') body.language = zoomLanguage(this, value, itemIndex);
		else if (name === 'autoApprove') {
			if (target.kind.resource === 'meeting') body.auto_approve = value;
		} else if (name === 'sourceId') {
			if (target.kind.resource === 'webinar') body.source_id = String(value).trim();
		} else body[snake(name)] = value;
	}
	const answers = ((this.getNodeParameter('customQuestions', itemIndex, {}) as IDataObject)
		.answer ?? []) as IDataObject[];
	const questions = answers
		.filter((answer) => String(answer.title ?? '').trim())
		.map((answer) => ({ title: String(answer.title).trim(), value: String(answer.value ?? '') }));
	const tooLong = questions.find((question) => question.value.length > 128);
	if (tooLong) {
		throw new NodeOperationError(
			this.getNode(),
			`The answer to "${tooLong.title}" is longer than 128 characters`,
			{
				itemIndex,
				description: 'Zoom accepts custom question answers of up to 128 characters: shorten it.',
			},
		);
	}
	if (questions.length) body.custom_questions = questions;
	return await zoomApiRequest.call(this, 'POST', target.path, { body, qs, itemIndex });
}
