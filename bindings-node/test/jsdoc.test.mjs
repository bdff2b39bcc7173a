// Every exported declaration of the shipped type declarations (dist/*.d.ts reachable from the
// package's entry points), and every public member of those declarations, carries a JSDoc
// comment: editors show it on hover. Parsed with the TypeScript compiler API, so a declaration
// added without documentation fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The .d.ts files the package's `exports` name. */
function entryPoints() {
  // `types` of each entry, or of its `import` / `require` conditions; the ESM `.d.mts` only
  // re-export the CommonJS declarations
  const types = (e) =>
    typeof e !== 'object' || e === null ? [] : [e.types, ...Object.values(e).flatMap(types)];
  return [...new Set(Object.values(pkg.exports).flatMap(types))]
    .filter((t) => typeof t === 'string' && t.endsWith('.d.ts'))
    .map((t) => resolve(root, t));
}

function hasModifier(node, kind) {
  return (ts.canHaveModifiers(node) ? ts.getModifiers(node) ?? [] : []).some((m) => m.kind === kind);
}

function hasDoc(node) {
  return ts.getJSDocCommentsAndTags(node).some((d) => ts.isJSDoc(d));
}

function nameOf(node, sf) {
  if (node.name) return node.name.getText(sf);
  if (ts.isConstructorDeclaration(node) || ts.isConstructSignatureDeclaration(node)) return 'constructor';
  if (ts.isCallSignatureDeclaration(node)) return '(call)';
  return ts.SyntaxKind[node.kind];
}

/** The members of a class, interface or object type that a user sees. */
function publicMembers(members) {
  return members.filter(
    (m) =>
      !ts.isIndexSignatureDeclaration(m) &&
      !ts.isClassStaticBlockDeclaration?.(m) &&
      !hasModifier(m, ts.SyntaxKind.PrivateKeyword) &&
      !(m.name && ts.isPrivateIdentifier(m.name)),
  );
}

/** The object type literals of a member's type (`{...}` or `A & {...}`). */
function typeLiterals(type) {
  if (type === undefined) return [];
  if (ts.isTypeLiteralNode(type)) return [type];
  if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) return type.types.flatMap(typeLiterals);
  if (ts.isParenthesizedTypeNode(type)) return typeLiterals(type.type);
  return [];
}

/**
 * Undocumented items of one declaration file, and the relative modules it imports or
 * re-exports (to follow).
 */
export function checkFile(file, text = readFileSync(file, 'utf8')) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const missing = [];
  const imports = []; // { spec, names: local names it binds }
  const where = (n) => `${file.split('/').slice(-2).join('/')}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;

  const checkMembers = (owner, members) => {
    let previous;
    for (const m of publicMembers(members)) {
      const name = nameOf(m, sf);
      // an overload or a setter after its getter shares the first declaration's comment
      const sameGroup = previous !== undefined && previous.name === name;
      if (!sameGroup && !hasDoc(m)) missing.push(`${owner}.${name} (${where(m)})`);
      if (!sameGroup) previous = { name, documented: hasDoc(m) };
      // a resource object (`client.users`): its methods are members too
      for (const literal of typeLiterals(m.type)) checkMembers(`${owner}.${name}`, literal.members);
    }
  };

  const checkDeclaration = (node, name) => {
    if (!hasDoc(node)) missing.push(`${name} (${where(node)})`);
    if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) checkMembers(name, node.members);
    if (ts.isTypeAliasDeclaration(node)) for (const literal of typeLiterals(node.type)) checkMembers(name, literal.members);
  };

  let lastFunction;
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt)) {
      const spec = stmt.moduleSpecifier;
      const names = [];
      const clause = ts.isImportDeclaration(stmt) ? stmt.importClause : undefined;
      if (clause?.name) names.push(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => e.name.text));
      // a re-export exposes the other module's declarations as they are
      if (ts.isExportDeclaration(stmt)) names.push('*');
      if (spec && ts.isStringLiteral(spec)) imports.push({ spec: spec.text, names });
      continue;
    }
    if (ts.isImportEqualsDeclaration(stmt)) {
      const ref = stmt.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        imports.push({ spec: ref.expression.text, names: [stmt.name.text] });
      }
      continue;
    }
    if (!hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations) {
        if (!hasDoc(stmt) && !hasDoc(d)) missing.push(`${d.name.getText(sf)} (${where(d)})`);
      }
    } else if (ts.isFunctionDeclaration(stmt)) {
      const name = nameOf(stmt, sf);
      if (lastFunction !== name && !hasDoc(stmt)) missing.push(`${name} (${where(stmt)})`);
      lastFunction = name;
    } else if (
      ts.isClassDeclaration(stmt) ||
      ts.isInterfaceDeclaration(stmt) ||
      ts.isTypeAliasDeclaration(stmt) ||
      ts.isEnumDeclaration(stmt) ||
      ts.isModuleDeclaration(stmt)
    ) {
      checkDeclaration(stmt, nameOf(stmt, sf));
    }
  }
  // the identifiers the declarations use (outside the import statements)
  const used = new Set();
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
    if (ts.isIdentifier(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { missing, imports, used };
}

/** Every declaration file reachable from the entry points, and what is undocumented in them. */
export function checkPackage(entries = entryPoints()) {
  const seen = new Set();
  const queue = [...entries];
  const missing = [];
  const outside = [];
  const dist = dirname(entries[0]);
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const result = checkFile(file);
    missing.push(...result.missing);
    for (const { spec, names } of result.imports) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec.replace(/\.js$/, '') + '.d.ts');
      if (dirname(target) !== dist) {
        // a module outside the shipped declarations (the generated native one) may be imported
        // but no public declaration may name it
        if (names.some((n) => n === '*' || result.used.has(n))) outside.push(`${file} -> ${spec}`);
      } else if (existsSync(target)) queue.push(target);
    }
  }
  return { files: [...seen], missing, outside };
}

const built = existsSync(join(root, 'dist', 'index.d.ts'));

test('every exported declaration and public member of the shipped .d.ts has JSDoc', { skip: !built && 'dist/ not built' }, () => {
  const { files, missing } = checkPackage();
  assert.ok(files.length >= 5, `only ${files.length} declaration files reached`);
  assert.deepEqual(missing, [], `undocumented:\n  ${missing.join('\n  ')}`);
});

test('no public declaration names the native module', { skip: !built && 'dist/ not built' }, () => {
  const { outside } = checkPackage();
  assert.deepEqual(outside, []);
});

test('the check finds an undocumented declaration and member', () => {
  const text = [
    '/** Documented. */',
    'export declare class A {',
    '    /** Documented. */',
    '    ok(): void;',
    '    bare(): void;',
    '    private hidden;',
    '}',
    'export interface B { x: number }',
    '/** Documented. */',
    'export declare class C {',
    '    /** Documented. */',
    '    readonly res: X & {',
    '        /** Documented. */',
    '        a(): void;',
    '        b(): void;',
    '    };',
    '}',
    '/** Documented. */',
    'export declare function f(a: string): void;',
    'export declare function f(a: number): void;',
    'export declare function g(): void;',
    'declare function notExported(): void;',
  ].join('\n');
  const { missing } = checkFile('/x/dist/sample.d.ts', text);
  assert.deepEqual(
    missing.map((m) => m.split(' ')[0]),
    ['A.bare', 'B', 'B.x', 'C.res.b', 'g'],
  );
});

test('no documentation speaks of internal files or the project process', { skip: !built && 'dist/ not built' }, () => {
  const { files } = checkPackage();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const word of [/\bseeds?\b/i, /src\/\w+\.rs/, /\.rs\b/]) {
      assert.doesNotMatch(text, word, `${file} mentions ${word}`);
    }
  }
});
