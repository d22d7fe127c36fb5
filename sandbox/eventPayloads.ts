// Payloads for every event the trigger offers, shaped as Zoom's SDK types them: the trigger's samples
// (nodes/ZoomConnectorTrigger/samples.ts, generated from @zoom/rivet's event types and type-checked against them in
// test/unit/eventSamples.test.ts) with the sandbox's own facts laid over: its account, and the session's id, uuid,
// host, topic and start time, and a registrant's details, each in the type the event's field has.
import { samplePayload } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/samples';
import { isoSeconds } from './http';
import type { Session, Store } from './store';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Set `key` only where the sample has it, keeping the sample's type (Zoom sends ids as numbers in some events). */
function keep(target: Json, key: string, value: string | number | undefined): void {
	if (value === undefined || !(key in target)) return;
	target[key] = typeof target[key] === 'number' ? Number(value) : String(value);
}

/** The payload of `event` for the sandbox's account, about session `s` when given; undefined for an unknown event. */
export function eventPayload(store: Store, event: string, s?: Session, registrantIndex = 0): Json | undefined {
	const payload = samplePayload(event);
	if (!payload) return undefined;
	keep(payload, 'account_id', store.accountId);
	const host = s ? store.users.find((u) => u.id === s.hostId) : store.owner;
	keep(payload, 'operator', host?.email);
	keep(payload, 'operator_id', host?.id);
	const object = payload.object;
	if (!s || !isObject(object)) return payload;
	keep(object, 'id', s.id);
	keep(object, 'uuid', s.uuid);
	keep(object, 'host_id', s.hostId);
	keep(object, 'topic', s.topic);
	keep(object, 'account_id', store.accountId);
	if (s.startMs !== undefined) keep(object, 'start_time', isoSeconds(s.startMs));
	const r = s.registrants[registrantIndex];
	if (r && isObject(object.registrant)) {
		for (const [key, value] of Object.entries({ id: r.id, first_name: r.first_name, last_name: r.last_name, email: r.email, join_url: r.join_url })) keep(object.registrant, key, value);
	}
	return payload;
}
