import type { PlantedGuardView } from '../context.js';
import { plantMarkers, type GuardFindingView, type GuardView } from '../resources/guard.js';
import { condition, type Condition } from './outcome.js';

const key = (finding: GuardFindingView): string => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.capability ?? '-'}`;

/**
 * A planted file is "build rejected" when the guard exits 1 and reports every marked line with the
 * marked rule (and capability). Evidence: the findings the guard printed for that file.
 */
export function plantedRejection(view: PlantedGuardView, plantFile: string): { conditions: Condition[]; findings: string[] } {
  const file = `src/acceptance-planted/${plantFile}`;
  const content = view.plants.get(file);
  const findings = view.findings.filter((finding) => finding.file === file);
  if (content === undefined) return { conditions: [condition(`${file} was planted`, false, [...view.plants.keys()])], findings: [] };
  const markers = plantMarkers(content);
  const conditions = [
    condition('tki-guard ran (JSON report printed)', view.tool_error === undefined, view.tool_error ?? `exit ${view.exit_code}`),
    condition('tki-guard rejects the planted tree (exit 1)', view.exit_code === 1, view.exit_code),
    condition(`${file} has planted lines`, markers.length > 0, markers),
    ...markers.map((marker) =>
      condition(
        `${file}:${marker.line} is reported as ${marker.ruleId}${marker.capability === undefined ? '' : ` ${marker.capability}`}`,
        findings.some((finding) => finding.line === marker.line && finding.ruleId === marker.ruleId && (marker.capability === undefined || finding.capability === marker.capability)),
        findings.filter((finding) => finding.line === marker.line).map(key),
      ),
    ),
  ];
  return { conditions, findings: findings.map(key) };
}

/** The real inspector tree (src/) reaches none of `capabilities`: no module holds them, no finding names them. */
export function realTreeFreeOf(view: GuardView, capabilities: readonly string[]): { conditions: Condition[]; evidence: Record<string, unknown> } {
  const inspector = view.modules.filter((module) => module.file.startsWith('src/'));
  const reaching = inspector.filter((module) => module.capabilities.some((capability) => capabilities.includes(capability))).map((module) => `${module.file}: ${module.capabilities.join(',')}`);
  const findings = view.findings.filter((finding) => finding.file.startsWith('src/') && finding.capability !== null && capabilities.includes(finding.capability)).map(key);
  return {
    conditions: [
      condition('tki-guard analyzed the inspector tree', view.tool_error === undefined && inspector.length > 0, view.tool_error ?? `${inspector.length} src/ modules`),
      condition(`no inspector module reaches ${capabilities.join(' or ')}`, reaching.length === 0 && findings.length === 0, { modules: reaching, findings }),
    ],
    evidence: { run_id: view.run_id, src_modules_analyzed: inspector.length, modules_reaching: reaching, findings },
  };
}

export const findingKey = key;
