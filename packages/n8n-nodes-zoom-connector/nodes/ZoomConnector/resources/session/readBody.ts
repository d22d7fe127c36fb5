/** Reads the parameters of a create/update and builds its body (bodies.ts), failing for the item. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fail } from '../../shared/validation';
import { FieldError, sessionBody } from './bodies';
import type { SessionKind } from './kind';

export function readSessionBody(
	context: IExecuteFunctions,
	kind: SessionKind,
	fields: IDataObject,
	itemIndex: number,
	withRecurrence: boolean,
): IDataObject {
	const settings = (context.getNodeParameter('settings', itemIndex, {}) as IDataObject) ?? {};
	const recurrence = withRecurrence
		? ((context.getNodeParameter('recurrence', itemIndex, {}) as IDataObject) ?? {})
		: undefined;
	try {
		return sessionBody({
			noun: kind.noun,
			fields,
			settings,
			recurrence,
			workflowTimeZone: context.getTimezone(),
		});
	} catch (error) {
		if (error instanceof FieldError) fail(context, itemIndex, error.message, error.fix);
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}
