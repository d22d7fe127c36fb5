// Account reports that list sessions: the ended meetings and webinars a user hosted, by start date
// (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/users/{userId}/meetings: "past
// meetings and webinars ... within the past six months ... only if they have two or more unique
// participants"; Rivet's row type is 1-9, webinars 5, 6 and 9). Its rows carry no host_id: the user whose
// report it is is the host.
import type { ReportsGetMeetingReportsResponse } from '@zoom/rivet/meetings';
import type { Ctx, Route } from './core';
import { route } from './core';
import { ZoomError, json } from './http';
import { paginate } from './paging';
import { instanceFacts, rowsOf } from './past';
import type { Instance, Session } from './store';
import { userParam } from './users';

const DAY = 86_400_000;

type ReportMeetingRow = NonNullable<ReportsGetMeetingReportsResponse['meetings']>[number];

/** A `yyyy-MM-dd` query date as UTC midnight; 400 300 like Zoom when missing or malformed. */
function dateParam(ctx: Ctx, name: 'from' | 'to'): number {
	const raw = ctx.query.get(name) ?? '';
	const ms = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : Number.NaN;
	if (Number.isNaN(ms)) throw new ZoomError(400, 300, `Invalid field: ${name}.`, [{ field: name, message: 'Invalid value.' }]);
	return ms;
}

/** The same calendar day six months back (UTC): older sessions are no longer in the report. */
function sixMonthsAgo(now: number): number {
	const date = new Date(now);
	date.setUTCMonth(date.getUTCMonth() - 6);
	return date.getTime();
}

/** People in the instance, each once however often they rejoined (a guest without id or email by name). */
function uniqueParticipants(session: Session, instance: Instance): number {
	return new Set(rowsOf(session, instance).map((r) => r.id || r.user_email || r.name)).size;
}

function userMeetings(ctx: Ctx) {
	const user = userParam(ctx);
	const from = dateParam(ctx, 'from');
	const to = dateParam(ctx, 'to');
	if (to < from) throw new ZoomError(400, 300, 'The "to" date must not be before the "from" date.');
	// Zoom serves at most one month per call.
	if (to - from > 31 * DAY) throw new ZoomError(400, 300, 'The date range must be within one month.');
	const oldest = sixMonthsAgo(Date.now());
	const sessions = [...ctx.sb.store.sessions.values()].filter((s) => s.hostId === user.id);
	const rows = sessions
		.flatMap((session) => session.instances.map((instance) => ({ session, instance })))
		.filter(({ instance }) => instance.startMs >= from && instance.startMs < to + DAY && instance.startMs >= oldest)
		.filter(({ session, instance }) => uniqueParticipants(session, instance) >= 2)
		.sort((a, b) => a.instance.startMs - b.instance.startMs)
		.map(({ session, instance }): ReportMeetingRow => ({ ...instanceFacts(ctx, session, instance), type: session.type as ReportMeetingRow['type'], source: 'Zoom' }));
	const { items, page_number: _pageNumber, ...meta } = paginate(ctx, rows);
	return json(200, { from: ctx.query.get('from'), to: ctx.query.get('to'), ...meta, meetings: items });
}

export const reportRoutes: Route[] = [
	route('GET', '/report/users/:userId/meetings', 'Heavy', 'report:read:user:admin', 'report:read:admin', userMeetings),
];
