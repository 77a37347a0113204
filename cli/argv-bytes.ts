import { readFileSync } from 'node:fs';
import { bytesShown, isUtf8 } from '../sandbox/launch/bytes-shown.js';

/**
 * The last `count` arguments of this process's command line as the kernel holds them (bytes), or
 * undefined where /proc/self/cmdline cannot be read or holds fewer.
 */
function rawArguments(count: number): Buffer[] | undefined {
  let cmdline: Buffer;
  try {
    cmdline = readFileSync('/proc/self/cmdline');
  } catch {
    return undefined;
  }
  const entries: Buffer[] = [];
  let start = 0;
  for (let index = cmdline.indexOf(0); index >= 0; index = cmdline.indexOf(0, start)) {
    entries.push(cmdline.subarray(start, index));
    start = index + 1;
  }
  if (start < cmdline.length) entries.push(cmdline.subarray(start));
  return entries.length >= count ? entries.slice(entries.length - count) : undefined;
}

/**
 * The refusal for an argument that is not valid UTF-8 (round 20), or undefined. Node reads such a
 * byte as U+FFFD, so `p\xff.json` would name `p\uFFFD.json`, a file the operator did not type, and
 * `--out o\xff` would write to another directory: tki refuses instead of substituting. Only an
 * argument holding U+FFFD can be one; its bytes are read back from the kernel's copy of the command
 * line, and where that cannot be read the argument is refused too (fail closed).
 */
export function undecodableArgumentLine(argv: readonly string[]): string | undefined {
  if (!argv.some((argument) => argument.includes('\uFFFD'))) return undefined;
  const command = argv[0] === undefined || argv[0].includes('\uFFFD') ? 'tki' : `tki ${argv[0]}`;
  const raw = rawArguments(argv.length);
  for (const [index, argument] of argv.entries()) {
    if (!argument.includes('\uFFFD')) continue;
    const bytes = raw?.[index];
    if (bytes !== undefined && bytes.equals(Buffer.from(argument, 'utf8'))) continue;
    // Bytes that are UTF-8 yet differ from the argument: the command line was not read back as Node read it.
    const shown = bytes === undefined || isUtf8(bytes) ? '(its bytes could not be read back)' : bytesShown(bytes);
    return `${command}: BLOCKED: an argument is not valid UTF-8 (${shown}); tki reads paths as UTF-8 text and would name another file: rename it`;
  }
  return undefined;
}
