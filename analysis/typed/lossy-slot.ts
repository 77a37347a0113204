import ts from '../../policy/typescript.cjs';

/**
 * Library interfaces every function (or every object) is assignable to: a value kept in a slot of
 * one of them is called later (`bag.run!(…)`, `tools.get('run') as …`) with no type naming it.
 */
const SUPERTYPE_INTERFACES: ReadonlySet<string> = new Set(['Function', 'CallableFunction', 'NewableFunction', 'Object']);

/** A declaration a library ships (the default lib or a file under node_modules), not the project's own. */
export function isLibraryDeclaration(declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile();
  return file.isDeclarationFile && (file.hasNoDefaultLib || file.fileName.includes('/node_modules/'));
}

export function isUntyped(type: ts.Type | undefined): boolean {
  return type !== undefined && (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

/** `object`, `{}` (or an interface with no member at all), `Object`, `Function`: a type any function fits. */
export function isSupertype(checker: ts.TypeChecker, type: ts.Type): boolean {
  if ((type.flags & ts.TypeFlags.NonPrimitive) !== 0) return true;
  const symbol = type.getSymbol();
  if (symbol !== undefined && SUPERTYPE_INTERFACES.has(symbol.getName()) && (symbol.declarations ?? []).some(isLibraryDeclaration)) return true;
  return (type.flags & ts.TypeFlags.Object) !== 0
    && checker.getPropertiesOfType(type).length === 0
    && type.getCallSignatures().length === 0
    && type.getConstructSignatures().length === 0
    && checker.getIndexInfosOfType(type).length === 0;
}

function signaturesOf(type: ts.Type): readonly ts.Signature[] {
  return [...type.getCallSignatures(), ...type.getConstructSignatures()];
}

/** The slot's type still names the value: the same type, the same symbol (`typeof execSync`, a generic inferred from it) or one of its signatures. */
export function carries(slot: ts.Type, value: ts.Type): boolean {
  if (slot === value) return true;
  const symbol = value.getSymbol();
  if (symbol !== undefined && slot.getSymbol() === symbol) return true;
  const own = new Set(signaturesOf(value).map((signature) => signature.getDeclaration()));
  return signaturesOf(slot).some((signature) => own.has(signature.getDeclaration()));
}

/** A function type the project declares itself (`(command: string) => Buffer` in a `.ts` or a hand-written `.d.ts`). */
function isProjectSignature(type: ts.Type): boolean {
  const signatures = signaturesOf(type);
  return signatures.length > 0 && signatures.every((signature) => {
    const declaration = signature.getDeclaration() as ts.Declaration | undefined;
    return declaration !== undefined && !isLibraryDeclaration(declaration);
  });
}

/**
 * How a slot loses a capability-bearing value written into it, if it does:
 * - `untyped`: `any`/`unknown`;
 * - `supertype`: `object`, `{}`, `Object`, `Function` (a `Map<string, object>`, a `Record<string, {}>`);
 * - `project-signature`: a function type the project declares that is not the value's own
 *   (`keep(f: (command: string) => Buffer)` over a JavaScript store): the capability's declaration is gone.
 * A slot that still names the value (its own type, a generic inferred from it) keeps it, even in a union;
 * a library's callback type (`paths.filter(existsSync)`) is called by the library, not kept by the project.
 */
export type SlotLoss = 'untyped' | 'supertype' | 'project-signature';

function slotMembers(slot: ts.Type): readonly ts.Type[] {
  return (slot.isUnion() ? slot.types : [slot]).filter((member) => (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) === 0);
}

/**
 * Whether `slotLoss` can say anything but undefined for this slot, whatever value is written into it:
 * only a slot with an `any`/`unknown`, supertype or project-signature member loses a value. Asked
 * before the value's type, which may cost the checker far more (a contextually typed callback).
 */
export function mayLoseValues(checker: ts.TypeChecker, slot: ts.Type): boolean {
  return slotMembers(slot).some((member) => isUntyped(member) || isSupertype(checker, member) || isProjectSignature(member));
}

export function slotLoss(checker: ts.TypeChecker, slot: ts.Type | undefined, value: ts.Type): SlotLoss | undefined {
  if (slot === undefined) return undefined;
  const members = slotMembers(slot);
  if (members.some(isUntyped)) return 'untyped';
  if (members.some((member) => carries(member, value))) return undefined;
  if (members.some((member) => isSupertype(checker, member))) return 'supertype';
  return members.some(isProjectSignature) ? 'project-signature' : undefined;
}
