/**
 * Zoom's endpoint table, read from Zoom's own SDK at test time: @zoom/rivet's meetings, users, accounts and
 * marketplace modules each export an `…Endpoints` class whose fields are built by
 * `buildEndpoint({ method, urlPathBuilder })`. A subclass that returns the spec instead of a request
 * function, and path builders called with `{name}` placeholders, give every endpoint's method and path.
 * Nothing is copied by hand: a Rivet upgrade changes the table.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const load = createRequire(__filename);
/** The installed package's folder (its `exports` hide package.json). */
const RIVET_DIR = join(load.resolve('@zoom/rivet/meetings'), '..', '..');

export interface RivetEndpoint {
	module: string;
	/** Rivet's name, e.g. reports.getWebinarDetailReports. */
	name: string;
	method: string;
	/** Zoom's path under /v2 with `{param}` placeholders, e.g. /report/webinars/{webinarId}. */
	path: string;
}

const MODULES = [
	{ module: 'meetings', className: 'MeetingsEndpoints' },
	{ module: 'users', className: 'UsersEndpoints' },
	{ module: 'accounts', className: 'AccountsEndpoints' },
	{ module: 'marketplace', className: 'MarketplaceEndpoints' },
] as const;

interface EndpointSpec {
	method: string;
	urlPathBuilder: (params: Record<string, string>) => string;
	baseUrlOverride?: string;
}

const isSpec = (value: unknown): value is EndpointSpec =>
	typeof value === 'object' && value !== null && typeof (value as EndpointSpec).urlPathBuilder === 'function';

/** Path params answer their own name, so `/report/webinars/${webinarId}` reads `/report/webinars/{webinarId}`. */
const placeholders = new Proxy({} as Record<string, string>, { get: (_target, name) => `{${String(name)}}` });

function endpointsOf(module: string, className: string): RivetEndpoint[] {
	// The CommonJS build by its file name: a loader that prefers the "import" condition gets the same code.
	const exported = load(join(RIVET_DIR, module, `${module}.cjs`)) as Record<string, new (options: object) => object>;
	const Base = exported[className];
	if (typeof Base !== 'function') throw new Error(`@zoom/rivet/${module} no longer exports ${className}: read its .d.ts again`);
	class Recorder extends Base {
		buildEndpoint(spec: EndpointSpec): EndpointSpec {
			return spec;
		}
	}
	const instance: object = new Recorder({ auth: {} });
	const endpoints: RivetEndpoint[] = [];
	for (const [group, members] of Object.entries(instance)) {
		if (typeof members !== 'object' || members === null) continue;
		for (const [name, spec] of Object.entries(members)) {
			if (!isSpec(spec)) continue;
			if (spec.baseUrlOverride) throw new Error(`${module} ${group}.${name} is served from ${spec.baseUrlOverride}, not api.zoom.us/v2`);
			endpoints.push({ module, name: `${group}.${name}`, method: spec.method.toUpperCase(), path: spec.urlPathBuilder(placeholders) });
		}
	}
	return endpoints;
}

let cached: RivetEndpoint[] | undefined;

/** Every REST endpoint of the four modules. */
export function rivetEndpoints(): RivetEndpoint[] {
	cached ??= MODULES.flatMap(({ module, className }) => endpointsOf(module, className));
	return cached;
}

/** The installed Rivet's version, for messages. */
export function rivetVersion(): string {
	return (JSON.parse(readFileSync(join(RIVET_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A path's shape with every parameter alike: `/past_webinars/{webinarId}/participants` → `/past_webinars/{}/participants`. */
export function shapeOf(path: string): string {
	return path
		.split('/')
		.map((segment) => (/^[:{]/.test(segment) ? '{}' : segment))
		.join('/');
}

/** A concrete request path (`/v2/past_webinars/abc%3D%3D/participants`) matches an endpoint's path. */
export function matchesPath(endpointPath: string, requestPath: string): boolean {
	const want = endpointPath.split('/').filter(Boolean);
	const got = requestPath.replace(/^\/v2(?=\/)/, '').split('/').filter(Boolean);
	return want.length === got.length && want.every((segment, i) => segment.startsWith('{') || segment === got[i]);
}

/** The endpoint a request is, or undefined. A literal segment wins over a parameter (`/users/me` vs `/users/{userId}`). */
export function findEndpoint(method: string, requestPath: string): RivetEndpoint | undefined {
	const upper = method.toUpperCase();
	const params = (e: RivetEndpoint) => e.path.split('/').filter((segment) => segment.startsWith('{')).length;
	return rivetEndpoints()
		.filter((e) => e.method === upper && matchesPath(e.path, requestPath))
		.sort((a, b) => params(a) - params(b))[0];
}

/**
 * What Zoom serves besides the REST API, with where Zoom documents it: OAuth on zoom.us and recording
 * downloads. Rivet's REST modules do not list them (Rivet's auth classes call /oauth/token themselves).
 */
export const OUTSIDE_REST: Array<{ method: string; path: string; doc: string }> = [
	{ method: 'GET', path: '/oauth/authorize', doc: 'https://developers.zoom.us/docs/integrations/oauth/' },
	{ method: 'POST', path: '/oauth/token', doc: 'https://developers.zoom.us/docs/integrations/oauth/' },
	{ method: 'POST', path: '/oauth/revoke', doc: 'https://developers.zoom.us/docs/integrations/oauth/#revoking-an-access-token' },
	{ method: 'GET', path: '/rec/download/{fileId}', doc: 'https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording/GET/meetings/{meetingId}/recordings' },
	// Where a download_url redirects: Zoom's storage host (the sandbox serves it under /rec/storage).
	{ method: 'GET', path: '/rec/storage/{fileId}', doc: 'https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording/GET/meetings/{meetingId}/recordings' },
];
