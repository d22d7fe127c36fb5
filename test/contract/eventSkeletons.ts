/**
 * The shape of every webhook event's payload, read from @zoom/rivet's event types with the TypeScript compiler
 * (`type MeetingEndedEvent = Event<"meeting.ended"> & { payload: … }`): each required field (and the optional
 * fields the next node usually wants, SKELETON_OPTIONAL) with its kind. nodes/ZoomConnectorTrigger/eventSkeletons.ts
 * holds the result, written by `npx tsx test/contract/writeEventSkeletons.ts`; test/unit/eventSamples.test.ts
 * checks it is current and that the samples built from it type-check against Rivet's types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const RIVET_DIR = join(require.resolve('@zoom/rivet/meetings'), '..', '..');
export const EVENT_MODULES = ['meetings', 'users', 'marketplace'] as const;
export type EventModule = (typeof EVENT_MODULES)[number];

/** Optional fields kept in samples because the trigger's item (item.ts) puts them at the top. */
export const SKELETON_OPTIONAL = new Set([
	'email',
	'user_name',
	'last_name',
	'first_name',
	'display_name',
	'participant_user_id',
	'registrant_id',
	'join_url',
	'end_time',
	'timezone',
	'leave_reason',
	'join_time',
	'leave_time',
	'host_email',
	'operator',
	'operator_id',
	'recording_files',
	'file_name',
	'play_url',
	'download_url',
	'file_type',
	'file_extension',
	'file_size',
	'recording_type',
	'status',
	'recording_start',
	'recording_end',
	'id',
	'meeting_id',
	'account_id',
	'user_id',
	'client_id',
	'deauthorization_time',
]);

/** 's' string, 'n' number, 'b' boolean, {'=': [literals]} (one of), [element], {field: skeleton}. */
export type Skeleton = 's' | 'n' | 'b' | { '=': Array<string | number> } | Skeleton[] | { [field: string]: Skeleton };

export interface EventType {
	event: string;
	module: EventModule;
	typeName: string;
}

let loaded: { checker: ts.TypeChecker; files: Map<EventModule, ts.SourceFile> } | undefined;
function load() {
	if (!loaded) {
		const paths = EVENT_MODULES.map((m) => join(RIVET_DIR, m, `${m}.d.ts`));
		const program = ts.createProgram(paths, { noEmit: true, skipLibCheck: true, types: [] });
		const files = new Map<EventModule, ts.SourceFile>();
		EVENT_MODULES.forEach((m, i) => files.set(m, program.getSourceFile(paths[i]) as ts.SourceFile));
		loaded = { checker: program.getTypeChecker(), files };
	}
	return loaded;
}

/** Every `type XEvent = Event<"name"> & …` of Rivet's modules, in source order. */
export function rivetEventTypes(): EventType[] {
	const out: EventType[] = [];
	for (const module of EVENT_MODULES) {
		const text = readFileSync(join(RIVET_DIR, module, `${module}.d.ts`), 'utf8');
		for (const match of text.matchAll(/^type (\w+Event) = Event<"([a-z_.]+)">/gm)) out.push({ event: match[2], module, typeName: match[1] });
	}
	return out;
}

function walk(type: ts.Type, depth: number): Skeleton {
	const { checker } = load();
	const t = checker.getNonNullableType(type);
	if (t.flags & ts.TypeFlags.BooleanLike) return 'b';
	if (t.isStringLiteral() || t.isNumberLiteral()) return { '=': [t.value] };
	if (t.isUnion()) {
		const literals = t.types.filter((m): m is ts.StringLiteralType | ts.NumberLiteralType => m.isStringLiteral() || m.isNumberLiteral());
		if (literals.length && literals.length === t.types.length) return { '=': literals.map((m) => m.value) };
		const object = t.types.find((m) => m.flags & ts.TypeFlags.Object);
		return object ? walk(object, depth) : walk(t.types[0], depth);
	}
	if (t.flags & ts.TypeFlags.StringLike) return 's';
	if (t.flags & ts.TypeFlags.NumberLike) return 'n';
	if (checker.isArrayType(t)) return [walk(checker.getTypeArguments(t as ts.TypeReference)[0], depth + 1)];
	if (depth > 8) return {};
	const out: { [field: string]: Skeleton } = {};
	for (const property of checker.getPropertiesOfType(t)) {
		const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
		if (optional && !SKELETON_OPTIONAL.has(property.name)) continue;
		out[property.name] = walk(checker.getTypeOfSymbol(property), depth + 1);
	}
	return out;
}

/** The skeleton of one event's `payload`. */
export function payloadSkeleton(e: EventType): Skeleton {
	const { checker, files } = load();
	const moduleSymbol = checker.getSymbolAtLocation(files.get(e.module) as ts.SourceFile);
	const local = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === e.typeName);
	if (!local) throw new Error(`@zoom/rivet/${e.module} exports no ${e.typeName}`);
	const symbol = local.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(local) : local;
	const payload = checker.getDeclaredTypeOfSymbol(symbol).getProperty('payload');
	if (!payload) throw new Error(`${e.typeName} has no payload`);
	return walk(checker.getTypeOfSymbol(payload), 0);
}
