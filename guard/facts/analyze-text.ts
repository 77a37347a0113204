import type { PolicyConfig } from '../../policy/index.js';
import type { JsxSettings } from '../../analysis/syntax/index.js';
import type { Outcome } from '../errors.js';
import { parseSource } from '../load/parse.js';
import type { ModuleFacts } from '../types.js';
import { analyzeModule, type Detector } from './analyze.js';

/** Parse and analyze one file's text: the unit of work of the main thread and of every worker. */
export function analyzeText(file: string, relative: string, text: string, policy: PolicyConfig, detect: Detector, jsx?: JsxSettings): Outcome<ModuleFacts> {
  // A declaration file may be JavaScript Node runs (load/declaration-as-script.ts): parseSource decides.
  const own = detect.sourceFileOf?.(file);
  const source = own !== undefined && own.text === text && !own.isDeclarationFile ? { ok: true as const, value: own } : parseSource(file, relative, text);
  return source.ok ? { ok: true, value: analyzeModule(source.value, relative, policy, detect, jsx) } : source;
}
