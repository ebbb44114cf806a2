// The shape of src/domain as a test (issue 17): every use case an entity exports takes
// (ctx, input), code outside the domain reaches it only through the entity index files, and
// the layers import in one direction. Read from the TypeScript program itself (the compiler
// API), so a new file or a new export is checked without anyone listing it here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const domain = path.join(src, 'domain');
const generatedClient = path.join(root, 'prisma', 'generated');

/** The context types an entry point may take: a viewer's, or a system caller's before it knows the account. */
const CONTEXT_TYPES = new Set(['DomainContext', 'UnscopedContext']);
/** What code outside src/domain may import from it, besides the entity index files. */
const SHARED_DOMAIN_MODULES = new Set(['errors.ts', 'use-case-context.ts'].map((file) => path.join(domain, file)));

const entityIndexes = readdirSync(domain, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(domain, entry.name, 'index.ts'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

/** Every relative module a file imports (static, type-only, re-exports and dynamic), resolved to a path. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
}

const relative = (file: string) => path.relative(root, file);

/** The exported functions of each entity index, with what is wrong with their signature. */
const fixture = path.join(root, 'test', 'support', 'domain-shape-fixture.ts');
// One program for both checks: building it (parsing most of src) is the slow part.
let sharedProgram: ts.Program | undefined;
const program = () =>
  (sharedProgram ??= ts.createProgram([...entityIndexes, fixture], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  }));

function signatureProblems(indexFiles: string[]): { exportName: string; problem: string }[] {
  const checker = program().getTypeChecker();
  const problems: { exportName: string; problem: string }[] = [];
  for (const indexFile of indexFiles) {
    const moduleSymbol = checker.getSymbolAtLocation(program().getSourceFile(indexFile)!)!;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const exportName = `${relative(indexFile)}: ${exported.name}`;
      const declaration = symbol.valueDeclaration;
      if (!declaration || ts.isClassDeclaration(declaration)) continue;
      const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
      const [signature, ...overloads] = type.getCallSignatures();
      if (!signature) continue; // a constant or a schema, not a function
      if (overloads.length > 0) problems.push({ exportName, problem: 'has overloads' });
      const parameters = signature.getParameters();
      if (parameters.length !== 2) {
        problems.push({ exportName, problem: `takes ${parameters.length} parameters, not (ctx, input)` });
        continue;
      }
      const [ctx, input] = parameters.map((parameter) => checker.getTypeOfSymbolAtLocation(parameter, declaration));
      const ctxName = ctx!.aliasSymbol?.name ?? ctx!.getSymbol()?.name;
      if (!ctxName || !CONTEXT_TYPES.has(ctxName)) {
        problems.push({ exportName, problem: `first parameter is ${checker.typeToString(ctx!)}, not DomainContext or UnscopedContext` });
      }
      const inputType = checker.getNonNullableType(input!);
      const isObject = (t: ts.Type): boolean => (t.flags & ts.TypeFlags.Object) !== 0 || (t.isUnionOrIntersection() && t.types.every(isObject));
      if (!isObject(inputType) || inputType.getCallSignatures().length > 0) {
        problems.push({ exportName, problem: `input is ${checker.typeToString(input!)}, not an object` });
      }
    }
  }
  return problems;
}

describe('the domain', () => {
  it('has an index.ts per entity folder', () => {
    expect(entityIndexes.length).toBeGreaterThanOrEqual(6);
    for (const index of entityIndexes) expect(readFileSync(index, 'utf8')).toMatch(/export/);
  });

  it('exports from each entity index only use cases of the shape (ctx, input)', () => {
    expect(signatureProblems(entityIndexes)).toEqual([]);
  }, 120_000);

  it('the signature check finds exports of another shape', () => {
    // The check above must be able to fail: a fixture exporting one use case of each wrong shape.
    expect(signatureProblems([fixture]).map(({ exportName, problem }) => `${exportName.split(': ')[1]}: ${problem}`)).toEqual([
      'takesServices: first parameter is { services: unknown; }, not DomainContext or UnscopedContext',
      'takesAnId: input is string, not an object',
      'takesOptions: takes 3 parameters, not (ctx, input)',
    ]);
  }, 120_000);

  it('is imported from outside only through entity index files (and its errors and context)', () => {
    const deepImports = sourceFiles(src)
      .filter((file) => !file.startsWith(domain + path.sep))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith(domain + path.sep) && !entityIndexes.includes(target) && !SHARED_DOMAIN_MODULES.has(target))
          .map((target) => `${relative(file)} -> ${relative(target)}`),
      );
    expect(deepImports).toEqual([]);
  });
});
describe('the layers', () => {
  it('src/jobs does not import the domain', () => {
    const fromJobs = sourceFiles(path.join(src, 'jobs')).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(domain + path.sep))
        .map((target) => `${relative(file)} -> ${relative(target)}`),
    );
    expect(fromJobs).toEqual([]);
  });

  it('only src/db imports the generated Prisma client', () => {
    const db = path.join(src, 'db') + path.sep;
    const generated = sourceFiles(src)
      .filter((file) => !file.startsWith(db))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith(generatedClient + path.sep))
          .map((target) => `${relative(file)} -> ${relative(target)}`),
      );
    expect(generated).toEqual([]);
  });
});
