import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MEETING } from './kind';
import { createDescription, createSession } from './session';

export const description = createDescription(MEETING);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await createSession.call(this, MEETING, itemIndex);
}
