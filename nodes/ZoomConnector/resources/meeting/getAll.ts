import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MEETING } from './kind';
import { getAllDescription, listSessions } from './session';

export const description = getAllDescription(MEETING);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listSessions.call(this, MEETING, itemIndex);
}
