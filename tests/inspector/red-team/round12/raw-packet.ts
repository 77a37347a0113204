import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildHostilePacket, type HostileSpec } from '../packet-gen.js';
import { runCli, runInProcess } from '../run.js';
import { freshDir, type Run9 } from '../round9/gen9.js';

/**
 * A packet whose packet.json TEXT is edited after serializing (a repeated or escaped key, which no
 * JavaScript object can hold), written where the sandbox (another uid) can read it.
 */
function writeEditedPacket(spec: HostileSpec, edit: (json: string) => string, label: string): { packetDir: string; outDir: string } {
  const { packet, files } = buildHostilePacket(spec);
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  mkdirSync(packetDir, { recursive: true });
  writeFileSync(path.join(packetDir, 'packet.json'), edit(JSON.stringify(packet)));
  for (const [relative, content] of files) {
    mkdirSync(path.dirname(path.join(packetDir, relative)), { recursive: true });
    writeFileSync(path.join(packetDir, relative), content);
  }
  for (const entry of [packetDir, ...readdirSync(packetDir, { recursive: true }).map((file) => path.join(packetDir, String(file)))]) chmodSync(entry, 0o755);
  return { packetDir, outDir: path.join(dir, 'out') };
}

/** Insert `members` (raw JSON text) right after `"may_gate":false` of the header. */
export function afterMayGate(members: string): (json: string) => string {
  return (json) => json.replace('"may_gate":false', `"may_gate":false,${members}`);
}

export async function inspectEdited(spec: HostileSpec, edit: (json: string) => string, label: string): Promise<Run9> {
  const { packetDir, outDir } = writeEditedPacket(spec, edit, label);
  return { ...(await runInProcess(packetDir, outDir)), outDir, packetDir };
}

export function tkiRunEdited(spec: HostileSpec, edit: (json: string) => string, label: string): Run9 {
  const { packetDir, outDir } = writeEditedPacket(spec, edit, label);
  return { ...runCli(packetDir, outDir), outDir, packetDir };
}
