import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WEBINAR } from './kind';
import { deleteDescription, deleteSession } from '../meeting/session';

export const description = deleteDescription(WEBINAR);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteSession.call(this, WEBINAR, itemIndex);
}
