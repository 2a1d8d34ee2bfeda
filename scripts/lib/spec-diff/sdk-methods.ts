/**
 * Which SDK methods call which operations, derived from packages/sdk/src rather than kept by hand.
 *
 * Resources declare their endpoints with `defineOperation({ call, method, path, … })` — as a constant
 * (`const synthesize = defineOperation(…)`) or in a table (`const ops = { create: defineOperation(…) }`) — and
 * their methods use those constants, call sibling methods (`generate` → `create`, `wait` → `retrieve`) or other
 * resources (`this.files.retrieve`). Parsing the sources (TypeScript's parser, no type checking) and following
 * those calls gives, for each public method reachable from `new MiniMax()` (`mm.video.generate`), every operation it
 * can send. A scan keeps up with the SDK as it grows; a hand-kept table would rot silently (a test checks that
 * every operation of the effective spec maps to at least one method).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { listOperations } from './operations.ts';

/** The client class and how its instances are called in examples. */
const ROOT_CLASS = 'MiniMax';
const ROOT_NAME = 'mm';

export interface SdkOperation {
  /** `ops.create` or `synthesize`: how the resource file names it. */
  key: string;
  /** The generated function it calls, e.g. `retrieveFile`. */
  call: string;
  method: string;
  path: string;
  file: string;
}

export interface SdkMethod {
  /** `mm.files.retrieve` */
  name: string;
  className: string;
  method: string;
  /** Path relative to the sdk's `src/`. */
  file: string;
  startLine: number;
  endLine: number;
  /** Every operation it can send, directly or through other methods. */
  operations: SdkOperation[];
}

export interface SdkMap {
  methods: SdkMethod[];
  /** operationId → SDK methods (sorted). */
  byOperationId: Map<string, string[]>;
  /** Operations declared by the SDK that match no operation of the spec given. */
  unmatched: SdkOperation[];
  /** SDK methods whose source spans this line of this file (relative to `src/`). */
  methodsAt(file: string, line: number): string[];
}

interface MethodInfo {
  className: string;
  name: string;
  file: string;
  isPublic: boolean;
  startLine: number;
  endLine: number;
  opKeys: Set<string>;
  /** `[field, method]`: `this.method()` has field `''`. */
  calls: Array<[string, string]>;
}

interface ClassInfo {
  name: string;
  file: string;
  methods: Map<string, MethodInfo>;
  /** field → class, for resolving `this.field.method()`. */
  fieldTypes: Map<string, string>;
  /** Children this class constructs and exposes: `this.templates = new VideoTemplates()` → [['templates'], …]. */
  children: Array<{ path: string[]; className: string }>;
}

/**
 * Scans an SDK source tree. `spec` (the effective spec) turns method + path into operationIds; the generated
 * function's name (hey-api names it after the operationId) is the fallback.
 */
export async function scanSdk(sdkSrcDir: string, spec: unknown): Promise<SdkMap> {
  const files = (await readdir(sdkSrcDir, { recursive: true }))
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  const operations = new Map<string, SdkOperation>();
  const classes = new Map<string, ClassInfo>();
  for (const file of files) {
    const path = join(sdkSrcDir, file);
    const rel = relative(sdkSrcDir, path).split('\\').join('/');
    const source = ts.createSourceFile(path, await readFile(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const fileOps = collectOperations(source, rel);
    for (const op of fileOps.values()) operations.set(`${rel}#${op.key}`, op);
    for (const cls of collectClasses(source, rel, fileOps)) classes.set(cls.name, cls);
  }

  // Every operation a method can reach, through sibling and cross-resource calls.
  const memo = new Map<MethodInfo, Set<string>>();
  const reach = (method: MethodInfo, stack: Set<MethodInfo>): Set<string> => {
    const cached = memo.get(method);
    if (cached) return cached;
    const out = new Set([...method.opKeys].map((k) => `${method.file}#${k}`));
    if (stack.has(method)) return out;
    stack.add(method);
    const owner = classes.get(method.className);
    for (const [field, name] of method.calls) {
      const target = field === '' ? owner : classes.get(owner?.fieldTypes.get(field) ?? '');
      const callee = target?.methods.get(name);
      if (callee) for (const k of reach(callee, stack)) out.add(k);
    }
    stack.delete(method);
    memo.set(method, out);
    return out;
  };

  // Public names: walk the accessor tree from the client class.
  const methods: SdkMethod[] = [];
  const walk = (className: string, prefix: string, depth: number) => {
    const cls = classes.get(className);
    if (!cls || depth > 8) return;
    for (const method of cls.methods.values()) {
      if (!method.isPublic) continue;
      const ops = [...reach(method, new Set())].map((k) => operations.get(k)).filter((o) => o !== undefined);
      methods.push({
        name: `${prefix}.${method.name}`,
        className,
        method: method.name,
        file: method.file,
        startLine: method.startLine,
        endLine: method.endLine,
        operations: ops,
      });
    }
    for (const child of cls.children) walk(child.className, `${prefix}.${child.path.join('.')}`, depth + 1);
  };
  walk(ROOT_CLASS, ROOT_NAME, 0);

  const specOps = listOperations(spec);
  const idFor = (op: SdkOperation): string | undefined =>
    specOps.find((s) => s.method === op.method.toLowerCase() && s.path === op.path)?.operationId ??
    specOps.find((s) => s.operationId === op.call)?.operationId;
  const byOperationId = new Map<string, string[]>();
  for (const method of methods) {
    for (const op of method.operations) {
      const id = idFor(op);
      if (id === undefined) continue;
      const list = byOperationId.get(id) ?? [];
      if (!list.includes(method.name)) list.push(method.name);
      byOperationId.set(id, list);
    }
  }
  for (const list of byOperationId.values()) list.sort();
  return {
    methods,
    byOperationId,
    unmatched: [...operations.values()].filter((op) => idFor(op) === undefined),
    methodsAt(file, line) {
      const rel = file.split('\\').join('/');
      return methods
        .filter((m) => m.file === rel && line >= m.startLine && line <= m.endLine)
        .map((m) => m.name)
        .sort();
    },
  };
}

function collectOperations(source: ts.SourceFile, file: string): Map<string, SdkOperation> {
  const out = new Map<string, SdkOperation>();
  const read = (key: string, init: ts.Expression) => {
    if (!ts.isCallExpression(init) || init.expression.getText(source) !== 'defineOperation') return;
    const first = init.arguments[0];
    const arg = first && unwrap(first);
    if (!arg || !ts.isObjectLiteralExpression(arg)) return;
    const fields: Record<string, string> = {};
    for (const prop of arg.properties) {
      if (!ts.isPropertyAssignment(prop) && !ts.isShorthandPropertyAssignment(prop)) continue;
      const name = prop.name.getText(source);
      const value = ts.isPropertyAssignment(prop) ? prop.initializer : prop.name;
      fields[name] = ts.isStringLiteralLike(value) ? value.text : value.getText(source);
    }
    if (fields.method && fields.path && fields.call) {
      out.set(key, { key, call: fields.call, method: fields.method, path: fields.path, file });
    }
  };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
      const name = decl.name.text;
      const init = unwrap(decl.initializer);
      if (ts.isObjectLiteralExpression(init)) {
        for (const prop of init.properties) {
          if (ts.isPropertyAssignment(prop)) read(`${name}.${prop.name.getText(source)}`, unwrap(prop.initializer));
        }
      } else read(name, init);
    }
  }
  return out;
}

function collectClasses(source: ts.SourceFile, file: string, ops: Map<string, SdkOperation>): ClassInfo[] {
  const out: ClassInfo[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visitClass = (node: ts.ClassDeclaration) => {
    if (!node.name) return;
    const cls: ClassInfo = {
      name: node.name.text,
      file,
      methods: new Map(),
      fieldTypes: new Map(),
      children: [],
    };
    const exposeNew = (path: string[], expr: ts.Expression) => {
      const e = unwrap(expr);
      if (ts.isNewExpression(e)) {
        const className = e.expression.getText(source);
        cls.children.push({ path, className });
        if (path.length === 1 && path[0]) cls.fieldTypes.set(path[0], className);
      } else if (ts.isObjectLiteralExpression(e)) {
        for (const prop of e.properties) {
          if (ts.isPropertyAssignment(prop)) exposeNew([...path, prop.name.getText(source)], prop.initializer);
        }
      }
    };
    for (const member of node.members) {
      if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
        if (member.type && ts.isTypeReferenceNode(member.type)) {
          cls.fieldTypes.set(member.name.text, member.type.typeName.getText(source));
        }
        if (member.initializer && isPublic(member)) exposeNew([member.name.text], member.initializer);
      }
      if (ts.isConstructorDeclaration(member)) {
        for (const param of member.parameters) {
          if (ts.isIdentifier(param.name) && param.type && ts.isTypeReferenceNode(param.type)) {
            cls.fieldTypes.set(param.name.text, param.type.typeName.getText(source));
          }
        }
        member.body?.forEachChild(function visit(n): void {
          if (
            ts.isBinaryExpression(n) &&
            n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            ts.isPropertyAccessExpression(n.left) &&
            n.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
            ts.isIdentifier(n.left.name)
          ) {
            exposeNew([n.left.name.text], n.right);
          }
          n.forEachChild(visit);
        });
      }
      // `#private` helpers too: a public method may reach its operation through one (`wait` → `#poll` → `retrieve`).
      if (
        ts.isMethodDeclaration(member) &&
        member.body &&
        (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))
      ) {
        const name = member.name.text;
        const info: MethodInfo = cls.methods.get(name) ?? {
          className: cls.name,
          name,
          file,
          isPublic: isPublic(member) && !name.startsWith('_'),
          startLine: lineOf(member.getStart(source)),
          endLine: lineOf(member.getEnd()),
          opKeys: new Set(),
          calls: [],
        };
        info.endLine = Math.max(info.endLine, lineOf(member.getEnd()));
        collectUses(source, member.body, ops, info);
        cls.methods.set(name, info);
      }
    }
    // Overload signatures belong to the method they declare: widen its span to cover them.
    for (const member of node.members) {
      if (ts.isMethodDeclaration(member) && !member.body && ts.isIdentifier(member.name)) {
        const info = cls.methods.get(member.name.text);
        if (info) info.startLine = Math.min(info.startLine, lineOf(member.getStart(source)));
      }
    }
    out.push(cls);
  };
  source.forEachChild(function visit(n): void {
    if (ts.isClassDeclaration(n)) visitClass(n);
  });
  return out;
}

/** Operation constants a method body names, and the `this.x()` / `this.field.x()` members it touches. */
function collectUses(source: ts.SourceFile, body: ts.Node, ops: Map<string, SdkOperation>, info: MethodInfo): void {
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n)) {
      const text = n.getText(source);
      if (ops.has(text)) info.opKeys.add(text);
      if (n.expression.kind === ts.SyntaxKind.ThisKeyword) info.calls.push(['', n.name.text]);
      else if (
        ts.isPropertyAccessExpression(n.expression) &&
        n.expression.expression.kind === ts.SyntaxKind.ThisKeyword
      ) {
        info.calls.push([n.expression.name.text, n.name.text]);
      }
    } else if (ts.isIdentifier(n) && ops.has(n.text)) {
      const parent = n.parent;
      const isName = parent && ts.isPropertyAccessExpression(parent) && parent.name === n;
      if (!isName) info.opKeys.add(n.text);
    }
    n.forEachChild(visit);
  };
  visit(body);
}

function isPublic(member: ts.ClassElement): boolean {
  const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
  if (member.name && ts.isPrivateIdentifier(member.name)) return false;
  return !modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
}

function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}
