/**
 * The operations meetings and webinars share, built for one kind: each is `{ description, execute }`
 * like any other operation module, so meeting/index.ts and webinar/index.ts list them as their own.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { createDescription, createSession } from './create';
import { deleteDescription, deleteSession } from './delete';
import { endDescription, endSession } from './end';
import { getDescription, getSession } from './get';
import { getAllDescription, listSessions } from './getAll';
import type { SessionKind } from './kind';
import { updateDescription, updateSession } from './update';

type SessionExecute<T> = (
	this: IExecuteFunctions,
	kind: SessionKind,
	itemIndex: number,
) => Promise<T>;

function operation<T extends IDataObject | IDataObject[]>(
	kind: SessionKind,
	description: INodeProperties[],
	run: SessionExecute<T>,
) {
	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<T> {
			return await run.call(this, kind, itemIndex);
		},
	};
}

export function sessionOperations(kind: SessionKind) {
	return {
		create: operation(kind, createDescription(kind), createSession),
		delete: operation(kind, deleteDescription(kind), deleteSession),
		end: operation(kind, endDescription(kind), endSession),
		get: operation(kind, getDescription(kind), getSession),
		getAll: operation(kind, getAllDescription(kind), listSessions),
		update: operation(kind, updateDescription(kind), updateSession),
	};
}
