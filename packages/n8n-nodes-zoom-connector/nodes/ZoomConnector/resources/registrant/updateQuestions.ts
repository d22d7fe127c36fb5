import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDescription, updateQuestions } from './questions';

export const description: INodeProperties[] = updateDescription;

/** Replaces the registration questions; returns { success, id, questions, custom_questions } (counts sent). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateQuestions.call(this, itemIndex);
}
