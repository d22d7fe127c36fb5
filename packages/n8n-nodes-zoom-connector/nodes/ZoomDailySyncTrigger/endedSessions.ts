/**
 * What one Daily Sync poll reads from Zoom: the hosts to poll, each host's ended meetings (the user's
 * meetings report) and ended webinars (list + past instances + the webinar report), and the items they
 * become. The poll itself, its cursor and its once-only emission are in the node and sync.ts.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import type { ReportsGetMeetingReportsQueryParams } from '@zoom/rivet/meetings';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { monthWindows } from '../shared/dateWindows';
import { zoomApiPages, zoomApiRequest, zoomApiRequestAllItems } from '../shared/transport';
import { asNodeError } from '../shared/nodeError';
import { encodeSessionRef } from '../shared/uuid';
import { LIST_USERS, LIST_WEBINARS } from '../shared/zoomLists';
import { selectEnded, type EndedSession, type PollPlan } from './sync';

export type SessionType = 'meeting' | 'webinar';

/** A user to poll, as the node names it (an ID, an email or "me"), and the user's Zoom ID once known. */
interface Host {
	userId: string;
	hostId?: string;
}

/** Zoom's user IDs have no "@" and are never "me"; emails and "me" are read from Zoom to learn the ID. */
const isUserId = (value: string) => value !== 'me' && !value.includes('@');

export async function hostsToPoll(this: IPollFunctions): Promise<Host[]> {
	const hosts = this.getNodeParameter('hosts', 'me') as 'me' | 'list' | 'all';
	if (hosts === 'me') return [{ userId: 'me' }];
	if (hosts === 'list') {
		const listed = String(this.getNodeParameter('userIds', ''))
			.split(',')
			.map((user) => user.trim())
			.filter(Boolean);
		if (!listed.length) {
			throw new NodeOperationError(this.getNode(), 'The field "Users" is empty', {
				description:
					'List Zoom user IDs or emails separated by commas, or choose another Hosts option.',
			});
		}
		return [...new Set(listed)].map((userId) => ({
			userId,
			hostId: isUserId(userId) ? userId : undefined,
		}));
	}
	const users = await zoomApiRequestAllItems.call(this, '/users', 'users', {
		qs: { status: 'active' },
		paging: LIST_USERS,
	});
	return users.map((user) => ({ userId: String(user.id), hostId: String(user.id) }));
}

/** The host's Zoom user ID: known from the node's settings or the users list, else read once (GET /users/{userId}). */
async function hostIdOf(this: IPollFunctions, host: Host): Promise<string> {
	if (host.hostId === undefined) {
		const user = await zoomApiRequest.call(
			this,
			'GET',
			`/users/${encodeURIComponent(host.userId)}`,
		);
		host.hostId = String(user.id);
	}
	return host.hostId;
}

/**
 * Meeting types of Zoom's report rows that are webinars: 5 webinar, 6 recurring webinar without a fixed
 * time, 9 recurring webinar with a fixed time (Rivet's ReportsGetMeetingReportsResponse, type 1-9).
 */
const WEBINAR_TYPES: ReadonlySet<unknown> = new Set([5, 6, 9]);

/**
 * Ended meeting instances a user hosted, from Zoom's report list: one list per user and month
 * (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/users/{userId}/meetings). Its rows
 * have no host_id: the host is the user whose report it is. Zoom lists webinars there too, and only
 * sessions with two or more unique participants; the webinar rows are left out here because
 * endedWebinars finds every ended webinar (that limit does not apply there), and a webinar's
 * participants are not under /past_meetings.
 */
export async function endedMeetings(
	this: IPollFunctions,
	host: Host,
	plan: PollPlan,
): Promise<EndedSession[]> {
	const sessions: EndedSession[] = [];
	for (const window of monthWindows(plan.fromDate, plan.toDate)) {
		const query: ReportsGetMeetingReportsQueryParams = {
			from: window.from,
			to: window.to,
			type: 'past',
		};
		for await (const page of zoomApiPages.call(
			this,
			`/report/users/${encodeURIComponent(host.userId)}/meetings`,
			'meetings',
			{ qs: query },
		)) {
			for (const row of page as EndedSession[])
				if (!WEBINAR_TYPES.has(row.type)) sessions.push(row);
		}
	}
	if (!selectEnded(sessions, plan).length) return sessions;
	const hostId = await hostIdOf.call(this, host);
	return sessions.map((session) => ({ ...session, host_id: hostId }));
}

/**
 * Ended webinar instances of a user. Zoom has no report listing them, so: the user's webinars (paged by
 * page_number), each one's past instances, and the report (end time) of the instances that started inside
 * the window (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/webinars/{webinarId}).
 * The report has no host_id; the webinar list has.
 */
export async function endedWebinars(
	this: IPollFunctions,
	userId: string,
	plan: PollPlan,
): Promise<EndedSession[]> {
	const webinars = await zoomApiRequestAllItems.call(
		this,
		`/users/${encodeURIComponent(userId)}/webinars`,
		'webinars',
		{ paging: LIST_WEBINARS },
	);
	const windowStart = Date.parse(`${plan.fromDate}T00:00:00Z`);
	const sessions: EndedSession[] = [];
	for (const webinar of webinars) {
		let instances: IDataObject[];
		try {
			const answer = await zoomApiRequest.call(
				this,
				'GET',
				`/past_webinars/${webinar.id}/instances`,
			);
			instances = (answer.webinars as IDataObject[] | undefined) ?? [];
		} catch (error) {
			// A webinar that was never held has no past instances; Zoom answers 3001 for it.
			if (error instanceof NodeApiError && error.context.zoomCode === 3001) continue;
			throw asNodeError(this.getNode(), error);
		}
		for (const instance of instances) {
			if (Date.parse(String(instance.start_time)) < windowStart) continue;
			const details = await zoomApiRequest.call(
				this,
				'GET',
				`/report/webinars/${encodeSessionRef(String(instance.uuid))}`,
			);
			sessions.push({
				...details,
				uuid: String(details.uuid ?? instance.uuid),
				host_id: webinar.host_id,
			} as EndedSession);
		}
	}
	return sessions;
}

export function sessionItem(session: IDataObject & { sessionType: SessionType }): IDataObject {
	return {
		sessionType: session.sessionType,
		id: session.id,
		uuid: session.uuid,
		topic: session.topic,
		type: session.type,
		startTime: session.start_time,
		endTime: session.end_time,
		duration: session.duration,
		participantsCount: session.participants_count,
		hostId: session.host_id,
		hostEmail: session.user_email,
		hostName: session.user_name,
		// The same when a run that died is given this session again (see emitUntilRunSurvives).
		emissionId: session.emissionId,
	};
}

/** A participant row with its session's fields, named as the Zoom Attendance Match node reads them. */
export function participantItem(session: IDataObject, participant: IDataObject): IDataObject {
	return {
		...participant,
		sessionType: session.sessionType,
		sessionId: session.id,
		sessionUuid: session.uuid,
		sessionTopic: session.topic,
		sessionStartTime: session.startTime,
		sessionEndTime: session.endTime,
		...('summary' in session
			? {
					sessionSummary: session.summary,
					sessionSummaryMissingReason: session.summaryMissingReason,
				}
			: {}),
	};
}
