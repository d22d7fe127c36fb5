/** Which events Registration: Automatic subscribes (pure, no n8n imports). */

/**
 * The selected events as Zoom's create call wants them (sorted, each once), or what is wrong. All ('*')
 * cannot be registered: Zoom's create call takes event names, and an app may subscribe only to events
 * whose scopes it has.
 */
export function eventsToRegister(selected: unknown): string[] | string {
	const list = Array.isArray(selected)
		? selected.filter((e): e is string => typeof e === 'string')
		: [];
	if (list.includes('*')) {
		return 'Events: "All" cannot be registered automatically; choose the events to subscribe to';
	}
	const events = [...new Set(list.map((e) => e.trim()).filter(Boolean))].sort();
	if (!events.length) return 'Events: choose at least one event to subscribe to';
	return events;
}

/** Whether two event lists name the same events, in any order. */
export function sameEvents(a: readonly string[], b: readonly string[]): boolean {
	const left = [...new Set(a)].sort();
	const right = [...new Set(b)].sort();
	return left.length === right.length && left.every((event, index) => event === right[index]);
}
