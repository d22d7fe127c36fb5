/** Input errors: what is wrong with an item, named by its input, index and field, and what to do about it. */
import type { InputError, InputName } from './types';

export function participantError(
	itemIndex: number,
	field: string,
	what: string,
	fix: string,
): InputError {
	return {
		input: 0,
		inputName: 'Participants',
		itemIndex,
		field,
		message: `Participants item ${itemIndex}: "${field}" ${what}`,
		fix,
	};
}

/** Null when the email value is usable; participants may have an empty one (guests), registrations not. */
export function emailProblem(
	raw: unknown,
	field: string,
	inputName: InputName,
	itemIndex: number,
	emptyAllowed: boolean,
): { message: string; fix: string } | null {
	// The usual case first, before any message text is built.
	if (typeof raw === 'string' ? emptyAllowed || raw.trim() !== '' : raw === null && emptyAllowed)
		return null;
	const item = `${inputName} item ${itemIndex}`;
	if (raw === undefined) {
		const parameter =
			inputName === 'Participants' ? 'Participant Email Field' : 'Registration Email Field';
		return {
			message: `${item} has no field "${field}"`,
			fix: `Set ${parameter} to the field that holds the email`,
		};
	}
	if (typeof raw !== 'string' && raw !== null) {
		return {
			message: `${item}: "${field}" is a ${typeof raw}, not a text email`,
			fix: `Map "${field}" to a text field`,
		};
	}
	return {
		message: `${item}: "${field}" is empty`,
		fix: 'Drop registrations without an email before this node',
	};
}
