import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WEBINAR } from './kind';
import { updateDescription, updateSession } from '../meeting/session';

export const description = updateDescription(WEBINAR);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateSession.call(this, WEBINAR, itemIndex);
}
