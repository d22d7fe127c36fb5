/**
 * Field names of Zoom's request types, read at test time from @zoom/rivet's .d.ts with the TypeScript
 * compiler: e.g. the keys of MeetingsCreateMeetingRequestBody's `settings`. Lets a test hold field names
 * the nodes build at run time (from parameter names) to what Zoom's SDK declares.
 */
import { join } from 'node:path';
import ts from 'typescript';

const RIVET_DIR = join(require.resolve('@zoom/rivet/meetings'), '..', '..');
const MODULES = ['meetings', 'users', 'accounts', 'marketplace'] as const;
export type RivetModule = (typeof MODULES)[number];

let program: { checker: ts.TypeChecker; files: Map<RivetModule, ts.SourceFile> } | undefined;

function load() {
	if (!program) {
		const paths = MODULES.map((m) => join(RIVET_DIR, m, `${m}.d.ts`));
		const created = ts.createProgram(paths, { noEmit: true, skipLibCheck: true, types: [] });
		const files = new Map<RivetModule, ts.SourceFile>();
		MODULES.forEach((m, i) => files.set(m, created.getSourceFile(paths[i]) as ts.SourceFile));
		program = { checker: created.getTypeChecker(), files };
	}
	return program;
}

function exportedType(module: RivetModule, name: string): ts.Type {
	const { checker, files } = load();
	const moduleSymbol = checker.getSymbolAtLocation(files.get(module) as ts.SourceFile);
	const found = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
	if (!found) throw new Error(`@zoom/rivet/${module} exports no type ${name}`);
	const symbol = found.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(found) : found;
	return checker.getDeclaredTypeOfSymbol(symbol);
}

/** Object members of a type, looking through undefined, unions and arrays. */
function members(type: ts.Type): ts.Symbol[] {
	const { checker } = load();
	const plain = checker.getNonNullableType(type);
	if (checker.isArrayType(plain)) return members(checker.getTypeArguments(plain as ts.TypeReference)[0]);
	if (plain.isUnion()) return plain.types.flatMap(members);
	return checker.getPropertiesOfType(plain);
}

/** The field names of `typeName`, or of the object at `path` inside it (e.g. ['settings']). */
export function rivetFields(module: RivetModule, typeName: string, path: string[] = []): Set<string> {
	const { checker } = load();
	let current: ts.Symbol[] = members(exportedType(module, typeName));
	for (const step of path) {
		const member = current.find((s) => s.name === step);
		if (!member) throw new Error(`${typeName} has no ${path.join('.')}`);
		current = members(checker.getTypeOfSymbol(member));
	}
	return new Set(current.map((s) => s.name));
}

/** The string literals a field of `typeName` may hold (its union of literals), e.g. language of an add registrant body. */
export function rivetLiterals(module: RivetModule, typeName: string, path: string[]): string[] {
	const { checker } = load();
	let type = exportedType(module, typeName);
	for (const step of path) {
		const member = members(type).find((s) => s.name === step);
		if (!member) throw new Error(`${typeName} has no ${path.join('.')}`);
		type = checker.getTypeOfSymbol(member);
		const plain = checker.getNonNullableType(type);
		if (checker.isArrayType(plain)) type = checker.getTypeArguments(plain as ts.TypeReference)[0];
	}
	const plain = checker.getNonNullableType(type);
	return (plain.isUnion() ? plain.types : [plain]).filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
}
