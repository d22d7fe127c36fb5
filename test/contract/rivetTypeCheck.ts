/**
 * Type-checks JSON values against @zoom/rivet types with the TypeScript compiler, as if each were written as a
 * typed literal (`const v: MeetingEndedEvent['payload'] = {…}`), so wrong types, missing fields and fields Rivet
 * does not declare are all reported. Returns one line per problem, named by the label of the value.
 */
import { join } from 'node:path';
import ts from 'typescript';

const RIVET_DIR = join(require.resolve('@zoom/rivet/meetings'), '..', '..');

export interface TypedValue {
	label: string;
	module: string;
	/** A type expression over an exported type, e.g. `MeetingEndedEvent['payload']`. */
	type: string;
	value: unknown;
}

export function rivetTypeProblems(values: TypedValue[]): string[] {
	const lines = values.map((v, i) => {
		const from = JSON.stringify(join(RIVET_DIR, v.module, v.module));
		const [name, ...rest] = v.type.split('[');
		return `const v${i}: import(${from}).${name}${rest.length ? `[${rest.join('[')}` : ''} = ${JSON.stringify(v.value)};`;
	});
	const file = join(__dirname, '__rivet_values__.ts');
	const options: ts.CompilerOptions = { noEmit: true, strict: true, skipLibCheck: true, types: [] };
	const host = ts.createCompilerHost(options);
	const read = host.getSourceFile.bind(host);
	host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(name, `export {};\n${lines.join('\n')}\n`, version) : read(name, version));
	const exists = host.fileExists.bind(host);
	host.fileExists = (name) => name === file || exists(name);
	const program = ts.createProgram([file], options, host);
	return ts.getPreEmitDiagnostics(program).map((d) => {
		const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line - 1 : -1;
		return `${values[line]?.label ?? '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`.slice(0, 400);
	});
}
