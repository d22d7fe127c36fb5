/**
 * Puts a trigger node's once-only memory at its steady-state size before a benchmark measures: the
 * row n8n's deduplication store keeps for the node (processed_data, context "n:<node id>"), holding
 * LEDGER_MAX_ENTRIES entries as n8n stores them (MD5 in base64), as a day of deliveries at the
 * capacity rate leaves it. Written straight into n8n's database (SQLite in main mode, PostgreSQL in
 * queue mode), since filling it through the trigger would take the memory's whole span.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import type { QueueServicesState } from '../test/harness/queue';

export function memoryRecord(entries: number, tag: string): string {
	const data = Array.from({ length: entries }, (_, i) => createHash('md5').update(`c:steady-${tag}-${i}`).digest('base64'));
	return JSON.stringify({ mode: 'entries', data });
}

function run(command: string, args: string[], input: string): string {
	const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
	return result.stdout;
}

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Replaces the node's memory with `entries` entries; returns the entry count n8n's record then holds. */
export function fillMemory(
	where: { userFolder: string } | { services: QueueServicesState },
	workflowId: string,
	nodeId: string,
	entries: number,
): number {
	if (!/^[A-Za-z0-9-]+$/.test(workflowId + nodeId)) throw new Error('unexpected workflow or node id');
	const value = memoryRecord(entries, workflowId);
	const context = `n:${nodeId}`;
	if ('userFolder' in where) {
		const database = join(where.userFolder, '.n8n', 'database.sqlite');
		const sql = `DELETE FROM processed_data WHERE workflowId = ${quoted(workflowId)} AND context = ${quoted(context)};
INSERT INTO processed_data (workflowId, context, value) VALUES (${quoted(workflowId)}, ${quoted(context)}, ${quoted(value)});
SELECT json_array_length(value, '$.data') FROM processed_data WHERE workflowId = ${quoted(workflowId)} AND context = ${quoted(context)};`;
		return Number(run('sqlite3', ['-cmd', '.timeout 10000', database], sql).trim());
	}
	const { port } = where.services.postgres;
	const sql = `DELETE FROM processed_data WHERE "workflowId" = ${quoted(workflowId)} AND context = ${quoted(context)};
INSERT INTO processed_data ("workflowId", context, value) VALUES (${quoted(workflowId)}, ${quoted(context)}, ${quoted(value)});
SELECT json_array_length((value::json)->'data') FROM processed_data WHERE "workflowId" = ${quoted(workflowId)} AND context = ${quoted(context)};`;
	return Number(run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'n8n', '-At', '-v', 'ON_ERROR_STOP=1'], sql).trim().split('\n').pop());
}
