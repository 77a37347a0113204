import type { FixtureDefinition } from './types.js';

/** The files of one fixture directory, by relative path, exactly as they are committed. */
export interface SerializedFixture {
  readonly name: string;
  readonly files: ReadonlyMap<string, string>;
  /** The path to pass to inspectPacket, relative to the fixture directory ('.' or the .json file). */
  readonly packetPath: string;
}

export function serializeFixture(fixture: FixtureDefinition): SerializedFixture {
  const built = fixture.build();
  const files = new Map<string, string>();
  const single = fixture.layout === 'single-file';
  const packetFile = single ? `${fixture.name}.json` : 'packet.json';
  files.set(packetFile, `${JSON.stringify(built.packet, null, 2)}\n`);
  for (const [path, content] of built.files) files.set(path, content);
  files.set('expected.json', `${JSON.stringify({ name: fixture.name, rows: fixture.rows, description: fixture.description, packet: packetFile, hashes_valid: fixture.hashesValid ?? true, ...fixture.expected }, null, 2)}\n`);
  return { name: fixture.name, files, packetPath: single ? packetFile : '.' };
}
