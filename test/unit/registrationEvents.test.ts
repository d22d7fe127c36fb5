/** Which events Registration: Automatic subscribes, and when two lists name the same events. */
import fc from 'fast-check';

import { eventsToRegister, sameEvents } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/registrationEvents';

const event = fc.constantFrom('meeting.ended', 'meeting.started', 'webinar.deleted', 'recording.trashed', 'user.created');

describe('eventsToRegister', () => {
	it('refuses All and an empty selection with the field named', () => {
		expect(eventsToRegister(['*'])).toMatch(/^Events: "All"/);
		expect(eventsToRegister(['meeting.ended', '*'])).toMatch(/^Events: "All"/);
		expect(eventsToRegister([])).toMatch(/^Events: choose at least one/);
		expect(eventsToRegister(undefined)).toMatch(/^Events: choose at least one/);
	});

	it('gives each selected event once, sorted, whatever the order and repeats', () => {
		fc.assert(
			fc.property(fc.array(event, { minLength: 1 }), (selected) => {
				const result = eventsToRegister(selected) as string[];
				expect(result).toEqual([...new Set(selected)].sort());
			}),
		);
	});
});

describe('sameEvents', () => {
	it('ignores order and repeats, and tells different lists apart', () => {
		fc.assert(
			fc.property(fc.array(event), fc.array(event), (a, b) => {
				expect(sameEvents(a, [...a].reverse().concat(a))).toBe(true);
				expect(sameEvents(a, b)).toBe(new Set(a).size === new Set(b).size && a.every((e) => b.includes(e)));
				expect(sameEvents(a, b)).toBe(sameEvents(b, a));
			}),
		);
	});
});
