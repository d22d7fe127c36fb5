/** The keys people are matched by: emails and names, normalised so spellings of one person meet. */

/** Trimmed and lower-cased, so "  Jane@Example.COM " and "jane@example.com" meet. */
export function normaliseEmail(email: string): string {
	// Most emails already are: printable ASCII without capitals is left as it is by trim and toLowerCase,
	// and a scan is cheaper than those two calls.
	for (let i = 0; i < email.length; i++) {
		const code = email.charCodeAt(i);
		if (code <= 32 || code >= 127 || (code >= 65 && code <= 90)) return email.trim().toLowerCase();
	}
	return email;
}

const TIDY = 0;
const TIDY_WITH_CAPITALS = 1;
const UNTIDY_ASCII = 2;
const NOT_ASCII = 3;

/**
 * TIDY: ASCII, no capitals, words separated by single spaces, nothing around them (what normaliseName gives).
 * TIDY_WITH_CAPITALS: the same but with capital letters. UNTIDY_ASCII: ASCII with other whitespace.
 * NOT_ASCII: anything else.
 */
function tidiness(name: string): number {
	let result = TIDY;
	const last = name.length - 1;
	for (let i = 0; i <= last; i++) {
		const code = name.charCodeAt(i);
		if (code >= 128) return NOT_ASCII;
		if (code <= 32 && (code !== 32 || i === 0 || i === last || name.charCodeAt(i - 1) === 32))
			result = UNTIDY_ASCII;
		else if (code >= 65 && code <= 90 && result === TIDY) result = TIDY_WITH_CAPITALS;
	}
	return result;
}

/** Lower case, accents dropped, whitespace collapsed: "  José   DOE" and "jose doe" meet. */
export function normaliseName(name: string): string {
	const kind = tidiness(name);
	if (kind === TIDY) return name;
	if (kind === TIDY_WITH_CAPITALS) return name.toLowerCase();
	// NFKD and combining marks change nothing in ASCII.
	return (kind === NOT_ASCII ? name.normalize('NFKD').replace(/\p{M}/gu, '') : name)
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** "Jane Q. Doe" → Jane / Q. Doe; a single word is a first name. */
export function splitName(name: string): { firstName: string; lastName: string } {
	const kind = tidiness(name);
	const trimmed =
		kind === TIDY || kind === TIDY_WITH_CAPITALS ? name : name.trim().replace(/\s+/g, ' ');
	const space = trimmed.indexOf(' ');
	return space < 0
		? { firstName: trimmed, lastName: '' }
		: { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1) };
}
