/**
 * Phase 1 of the match, index registrations: one pass, each registration with a usable email indexed by
 * its normalised email (and by name when guests are matched by name). A registration without a usable
 * email, or a second one with the same email, becomes an input error instead.
 */
import { fieldReader, text } from './fields';
import { normaliseEmail, normaliseName } from './normalise';
import { emailProblem } from './inputErrors';
import type { InputError, JsonRecord, MatchOptions } from './types';

/** In RegistrationIndex.byName: two or more registrations have this name. */
export const AMBIGUOUS = -2;

export interface RegistrationIndex {
	/** Normalised email per registration (unset for an invalid one); phase 2 appends the no-match groups' emails. */
	emails: string[];
	/** 1 for a registration that is matched, 0 for one in the errors. */
	registrationValid: Uint8Array;
	/** Registration by normalised email; the next phase adds the groups of unregistered emails. */
	byEmail: Map<string, number>;
	/** Registration by normalised full name, or AMBIGUOUS; only when guests are matched by name. */
	byName: Map<string, number> | undefined;
	registrationErrors: InputError[];
}

/** One pass over the registrations; they are valid or in registrationErrors, never both. */
export function indexRegistrations(
	registrations: readonly JsonRecord[],
	opts: MatchOptions,
): RegistrationIndex {
	const m = registrations.length;
	const readRegistrationEmail = fieldReader(opts.registrationEmailField);
	const readFirst = fieldReader(opts.firstNameField);
	const readLast = fieldReader(opts.lastNameField);
	const emails: string[] = new Array<string>(m);
	const registrationValid = new Uint8Array(m);
	const byEmail = new Map<string, number>();
	const byName = opts.matchGuestsByName ? new Map<string, number>() : undefined;
	const registrationErrors: InputError[] = [];
	for (let i = 0; i < m; i++) {
		const record = registrations[i];
		const raw =
			record === null || typeof record !== 'object' ? undefined : readRegistrationEmail(record);
		const problem = emailProblem(raw, opts.registrationEmailField, 'Registrations', i, false);
		if (problem) {
			registrationErrors.push({
				input: 1,
				inputName: 'Registrations',
				itemIndex: i,
				field: opts.registrationEmailField,
				...problem,
			});
			continue;
		}
		const email = normaliseEmail(raw as string);
		const first = byEmail.get(email);
		if (first !== undefined) {
			registrationErrors.push({
				input: 1,
				inputName: 'Registrations',
				itemIndex: i,
				field: opts.registrationEmailField,
				message: `Registrations item ${i}: "${email}" is already registered by item ${first}`,
				fix: 'Remove duplicate registrations before this node, e.g. with a Remove Duplicates node on the email field',
			});
			continue;
		}
		byEmail.set(email, i);
		emails[i] = email;
		registrationValid[i] = 1;
		if (byName) {
			const name = normaliseName(`${text(readFirst(record))} ${text(readLast(record))}`);
			if (name) byName.set(name, byName.has(name) ? AMBIGUOUS : i);
		}
	}
	return { emails, registrationValid, byEmail, byName, registrationErrors };
}
