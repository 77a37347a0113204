import ts from 'typescript';

/**
 * The initializer of the `const` an identifier names, found by walking out through the blocks
 * around it (innermost first), as lexical scoping does: `const job = path.join(__dirname, 'x.cjs');
 * new Worker(job)`. A parameter or any non-`const` declaration of the name on the way stops the
 * search (it could be reassigned or shadows the outer one). The scope tracker keeps no initializer
 * for calls, so this reads the syntax around the use instead.
 */
export function constInitializer(identifier: ts.Identifier, ancestors: readonly ts.Node[]): ts.Expression | undefined {
  const found = constDeclaration(identifier, ancestors);
  return found?.key === undefined ? found?.initializer : undefined;
}

/**
 * The `const` declaring an identifier: its initializer, and for `const { fork: start } = x` the key
 * it takes (`fork`). Only one level of object destructuring is read.
 */
export function constDeclaration(identifier: ts.Identifier, ancestors: readonly ts.Node[]): { initializer: ts.Expression; key: string | undefined } | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const ancestor = ancestors[index];
    if (ancestor === undefined) continue;
    if (ts.isFunctionLike(ancestor) && ancestor.parameters.some((parameter) => declares(parameter.name, identifier.text))) return undefined;
    if (!ts.isBlock(ancestor) && !ts.isSourceFile(ancestor) && !ts.isModuleBlock(ancestor)) continue;
    const found = declarationIn(ancestor.statements, identifier.text);
    if (found === 'other') return undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

function declarationIn(statements: readonly ts.Statement[], name: string): { initializer: ts.Expression; key: string | undefined } | 'other' | undefined {
  for (const statement of statements) {
    if (!ts.isVariableStatement(statement)) {
      if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) return 'other';
      continue;
    }
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      if (!declares(declaration.name, name)) continue;
      if (!isConst || declaration.initializer === undefined) return 'other';
      if (ts.isIdentifier(declaration.name)) return { initializer: declaration.initializer, key: undefined };
      const key = ts.isObjectBindingPattern(declaration.name) ? destructuredKey(declaration.name, name) : undefined;
      return key === undefined ? 'other' : { initializer: declaration.initializer, key };
    }
  }
  return undefined;
}

function declares(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && declares(element.name, name));
}

function destructuredKey(pattern: ts.ObjectBindingPattern, name: string): string | undefined {
  const element = pattern.elements.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name && candidate.dotDotDotToken === undefined);
  const key = element?.propertyName ?? element?.name;
  return key !== undefined && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : undefined;
}
