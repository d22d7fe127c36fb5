/**
 * Participant lists of an ended session (past participants and participant reports): one row per join
 * session, exactly as Zoom gives them (a rejoin is several rows), for the Zoom Attendance Match node.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest, zoomApiRequestAllItems } from '../../shared/transport';
import { claim, ownerToken, releaseClaim } from '../../shared/ledger';
import { asNodeError } from '../../shared/nodeError';
import { encodeSessionRef } from '../../shared/uuid';
import { returnAllOrLimit } from './descriptions';
import type { SessionPathRef } from './ids';

/** Return All / Limit plus the Add Session Fields switch of a participant operation. */
export function participantListFields(resource: string, operation: string): INodeProperties[] {
	return [
		...returnAllOrLimit(resource, operation),
		{
			displayName: 'Add Session Fields',
			name: 'addSessionFields',
			type: 'boolean',
			default: true,
			description:
				'Whether to add sessionId, sessionUuid and sessionTopic to every row (one extra call to read the session); Zoom’s own fields stay as they are',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
		},
		{
			displayName: 'Skip Sessions Already Processed',
			name: 'skipProcessedSessions',
			type: 'boolean',
			default: false,
			description:
				'Whether to return nothing for a session instance this workflow already fetched participants for. Use it when both the Zoom Connector Trigger (meeting or webinar ended) and the Zoom Daily Sync Trigger feed this node, so each session is synced once.',
			hint: 'Remembered in n8n’s database for this node, so it holds across triggers, restarts and queue-mode workers. Connect both triggers to this one node.',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
		},
	];
}

/** Sessions this node fetched, kept in n8n's database (see shared/ledger). */
const PROCESSED_SESSIONS = { maxEntries: 50_000 };

/** Return All, or the Limit, of a list operation. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (context.getNodeParameter('limit', itemIndex, 50) as number);
}

/** Where a participant list lives (`${list}/{ref}/participants`) and its session's details (`${details}/{ref}`). */
export interface ParticipantPaths {
	list: string;
	details: string;
}

/**
 * An ended session's details (`${details}/{ref}`) and the path segment of the instance they describe: for a
 * numeric ID Zoom's "latest instance" is pinned to the UUID Zoom named, so rows read by that segment describe
 * the same instance even if another one ends in between.
 */
export async function readSessionInstance(
	context: IExecuteFunctions,
	itemIndex: number,
	detailsPath: string,
	ref: SessionPathRef,
): Promise<{ details: IDataObject; segment: string; instanceUuid?: string }> {
	const details = await zoomApiRequest.call(context, 'GET', `${detailsPath}/${ref.segment}`, {
		itemIndex,
	});
	if (ref.kind === 'id' && typeof details.uuid === 'string' && details.uuid) {
		return { details, segment: encodeSessionRef(details.uuid), instanceUuid: details.uuid };
	}
	return {
		details,
		segment: ref.segment,
		instanceUuid: ref.kind === 'uuid' ? ref.value : undefined,
	};
}

/**
 * The rows of `${list}/{ref}/participants`. With session fields, the session is read first
 * (`${details}/{ref}`) and, for a numeric ID, its rows are then read by the UUID Zoom named, so the
 * rows and the session fields describe the same instance even if another one ends in between.
 */
export async function listParticipants(
	this: IExecuteFunctions,
	itemIndex: number,
	paths: ParticipantPaths,
	ref: SessionPathRef,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const addSessionFields = this.getNodeParameter('addSessionFields', itemIndex, true) as boolean;
	const skipProcessed = this.getNodeParameter('skipProcessedSessions', itemIndex, false) as boolean;
	let segment = ref.segment;
	let session: IDataObject | undefined;
	let instanceUuid = ref.kind === 'uuid' ? ref.value : undefined;
	// A numeric ID means "the latest instance": which one it is must be known to skip it.
	if (addSessionFields || (skipProcessed && !instanceUuid)) {
		const instance = await readSessionInstance(this, itemIndex, paths.details, ref);
		const details = instance.details;
		if (addSessionFields) {
			session = {
				sessionId: details.id ?? null,
				sessionUuid: details.uuid ?? null,
				sessionTopic: details.topic ?? null,
			};
		}
		segment = instance.segment;
		instanceUuid = instance.instanceUuid;
	}

	const processedKey = skipProcessed && instanceUuid ? `${paths.list}/${instanceUuid}` : undefined;
	// The claim belongs to this run's item, or to the Daily Sync Trigger's emission of the session,
	// which it repeats when a run failed: that repeat fetches again, any other run does not.
	const emissionId = this.getInputData()[itemIndex]?.json.emissionId;
	const owner = processedKey
		? typeof emissionId === 'string'
			? emissionId
			: ownerToken(this.getExecutionId(), itemIndex)
		: '';
	const ledger = { ...PROCESSED_SESSIONS, itemIndex, option: 'Skip Sessions Already Processed' };
	if (processedKey && !(await claim(this, processedKey, owner, ledger))) return [];
	try {
		const rows = await zoomApiRequestAllItems.call(
			this,
			`${paths.list}/${segment}/participants`,
			'participants',
			{
				qs,
				limit,
				itemIndex,
			},
		);
		return session ? rows.map((row) => ({ ...row, ...session })) : rows;
	} catch (error) {
		// Not fetched after all: forget it, so the next trigger of this session tries again.
		if (processedKey) await releaseClaim(this, processedKey, owner, ledger);
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}
