import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getQuestions } from './questions';

export const description: INodeProperties[] = [];

/** The standard and custom registration questions of a meeting or webinar, in one item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getQuestions.call(this, itemIndex);
}
