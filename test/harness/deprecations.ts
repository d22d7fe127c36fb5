/**
 * Reads the block n8n 2.x logs at start when a setting is deprecated ("There are deprecations related to
 * your n8n setup ...", one " - NAME -> advice" line each), so a test can fail on any our settings cause.
 */

export interface Deprecation {
	/** The environment variable n8n names, or the first words of a warning that names none. */
	setting: string;
	advice: string;
}

/**
 * What n8n warns about that our settings cannot avoid on this machine, each with the reason
 * (docs/COMPATIBILITY.md says more).
 */
export const UNAVOIDABLE: Record<string, string> = {
	// External mode needs n8n's task runner launcher, a Go binary that ships in n8n's runners image and
	// on GitHub, neither of which this machine reaches (npm and Debian only); without it, external mode
	// leaves every Code node waiting for a runner that never comes.
	N8N_RUNNERS_MODE: 'internal task runners: the external launcher is not installable from npm or Debian',
	// n8n runs from npm here; Docker is not available to the harness.
	'Running n8n outside a container': 'the harness runs n8n from npm, not from n8n’s Docker image',
};

const HEADER = /There (?:is a deprecation|are deprecations) related to your n8n setup/;

export function deprecationsInLog(log: string): Deprecation[] {
	const found: Deprecation[] = [];
	const lines = log.split('\n');
	lines.forEach((line, index) => {
		if (!HEADER.test(line)) return;
		for (const entry of lines.slice(index + 1)) {
			const match = /^\s*- (.+?)(?: -> (.*))?$/.exec(entry);
			if (!match) break;
			const [, name, advice] = match;
			found.push(advice === undefined ? { setting: name.split('.')[0], advice: name } : { setting: name, advice });
		}
	});
	return found;
}

/** The deprecations in `log` that are not in UNAVOIDABLE: each one is a setting of ours to change. */
export function avoidableDeprecations(log: string): Deprecation[] {
	return deprecationsInLog(log).filter(
		(deprecation) => !Object.keys(UNAVOIDABLE).some((known) => deprecation.setting === known || deprecation.setting.startsWith(known)),
	);
}
