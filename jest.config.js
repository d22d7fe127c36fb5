/** Three layers (see docs/ARCHITECTURE.md): pure units, the sandbox over real HTTP, and real n8n. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.dev.json', isolatedModules: true, diagnostics: false }];
const common = { testEnvironment: 'node', transform: { '^.+\\.ts$': tsJest }, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
	testTimeout: 120000,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...common, displayName: 'sandbox', testMatch: ['<rootDir>/test/sandbox/**/*.test.ts'] },
		{
			...common,
			displayName: 'n8n',
			testMatch: ['<rootDir>/test/n8n/**/*.test.ts'],
			globalSetup: '<rootDir>/test/harness/globalSetup.ts',
			globalTeardown: '<rootDir>/test/harness/globalTeardown.ts',
		},
		// The compatibility smoke suite, run by run-tests.mjs once per n8n of n8n-versions.json (ZOOM_COMPAT=1,
		// N8N_VERSION set); the n8n project above is the full suite on the development version.
		...(process.env.ZOOM_COMPAT
			? [
					{
						...common,
						displayName: 'compat',
						testMatch: ['<rootDir>/test/compat/**/*.test.ts'],
						globalSetup: '<rootDir>/test/harness/globalSetup.ts',
						globalTeardown: '<rootDir>/test/harness/globalTeardown.ts',
					},
				]
			: []),
	],
};
