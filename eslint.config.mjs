// The repo's own lint, stricter than n8n's default that `n8n-node lint` runs in the package's folder: the rules
// n8n's verification scanner applies (@n8n/eslint-plugin-community-nodes' recommended
// set, plus eslint-plugin-n8n-nodes-base's community, credentials and nodes rulesets), over the
// package's own sources (packages/n8n-nodes-zoom-connector). Inline disables are refused, as the scanner ignores them.
import { defineConfig } from 'eslint/config';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const pkg = 'packages/n8n-nodes-zoom-connector';

export default defineConfig(
	{
		ignores: [`${pkg}/dist/**`, '**/node_modules/**', 'sandbox/**', 'test/**', 'bench/**', 'examples/**', '**/*.js', '**/*.mjs', 'package-lock.json', 'package.json'],
	},
	{ linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' } },
	{ files: ['**/*.ts', 'package.json', '**/*.json'], languageOptions: { parser: tseslint.parser } },
	{ files: [`${pkg}/nodes/**/*.ts`, `${pkg}/credentials/**/*.ts`, `${pkg}/package.json`], ...n8nCommunityNodesPlugin.configs.recommended },
	{ files: [`${pkg}/nodes/**/*.ts`, `${pkg}/credentials/**/*.ts`], rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: [`${pkg}/package.json`], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: [`${pkg}/credentials/**/*.ts`],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: [`${pkg}/nodes/**/*.ts`],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
