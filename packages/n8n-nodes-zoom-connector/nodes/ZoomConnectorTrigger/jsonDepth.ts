/**
 * How deeply a parsed JSON value nests, measured without recursion. Zoom's events nest a handful of
 * levels; a signed body of a few hundred kilobytes can nest a hundred thousand, which every recursive
 * walk after the parse (hashing the payload, copying the item, n8n saving the run) would overflow the
 * stack on. Such a body is refused when it is read.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether `value` nests arrays or objects more than `limit` levels deep. */
export function nestsDeeperThan(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
	const pending: Array<[unknown, number]> = [[value, 1]];
	while (pending.length) {
		const [current, depth] = pending.pop()!;
		if (typeof current !== 'object' || current === null) continue;
		if (depth > limit) return true;
		for (const child of Object.values(current)) pending.push([child, depth + 1]);
	}
	return false;
}

export const TOO_DEEP_REASON = `Body nests JSON more than ${MAX_JSON_DEPTH} levels deep; Zoom's events never do`;
