import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WEBINAR } from './kind';
import { createDescription, createSession } from '../meeting/session';

export const description = createDescription(WEBINAR);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await createSession.call(this, WEBINAR, itemIndex);
}
