// Round-4 red-team runner: runs INSIDE the sandbox in place of the inspector, locked as the inspector
// locks itself (applyExecLock, then P1), then attempts one mode's routes and prints one
// `RT {id, closed, observed}` line per attempt on stderr. Launcher side: drive4.mjs.
// Usage inside: runner.mjs <mode> <channelFd> [dataBytes]
import fs from 'node:fs';
// tki's inside library (the profile, the lock, P1), bundled as tki's own entries are (sandbox/runtime/bundle-paths.ts).
const { applyExecLock, runSelfCheck, DEFAULT_PROFILE } = await import('/opt/tki/dist/sandbox/bundle/inside.js');
const mode = process.argv[2] ?? 'victim';
const dataBytes = Number(process.argv[4] ?? DEFAULT_PROFILE.rlimits.data.soft);
const emit = (id, closed, observed) => fs.writeSync(2, `RT ${JSON.stringify({ id, closed, observed })}\n`);
const tryIt = (fn) => { try { return { ok: true, value: fn() }; } catch (e) { return { ok: false, code: e.code ?? String(e.message).slice(0, 120) }; } };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The attacker's native handle, loaded before the lock (round 3's model: a foothold in native code).
const pre = tryIt(() => { const m = { exports: {} }; process.dlopen(m, '/in/rawsys4.node'); return m.exports; });
const native = pre.ok ? pre.value : undefined;
const raw = native ? native.rawSyscall : () => -9999;
const setName = (name) => raw(157, 15, Buffer.from(`${name}\0`));
const lockProfile = { ...DEFAULT_PROFILE, rlimits: { ...DEFAULT_PROFILE.rlimits, data: { soft: dataBytes, hard: dataBytes } } };
const lock = applyExecLock(lockProfile);
const p1 = runSelfCheck(DEFAULT_PROFILE);
emit('harness/lock+p1', true, { lock: lock.ok ?? lock, p1: p1.results?.filter?.((r) => r.confirmed !== true) ?? p1, native: pre.ok ? 'loaded' : pre.code, dataLimit: (tryIt(() => fs.readFileSync('/proc/self/limits', 'utf8')).value ?? '').split('\n').find((l) => l.startsWith('Max data size')) });

const MiB = 1024 * 1024;
const PROT_RW = 3;
const MAP_SHARED_ANON = 0x01 | 0x20;
const MAP_PRIVATE_ANON = 0x02 | 0x20;
const MAP_GROWSDOWN = 0x100;

/** Maps and touches `total` bytes in 64 MiB chunks with `flags`; returns how many MiB it holds. */
function hold(flags, totalMiB) {
  let held = 0;
  for (; held < totalMiB; held += 64) {
    const addr = raw(9, 0, 64 * MiB, PROT_RW, flags, -1, 0);
    if (addr < 0 && addr > -4096) return { held, refused: addr };
    native.fill(addr, 64 * MiB, 1);
  }
  return { held };
}

if (mode === 'mem-shared' || mode === 'mem-growsdown') {
  // The profile's "other memory" ceiling under bwrap is RLIMIT_DATA. The control: a private mapping
  // of the same size is refused by it. Then the same amount as shared or grows-down memory.
  const totalMiB = Math.ceil((dataBytes / MiB) * 1.25);
  const control = raw(9, 0, totalMiB * MiB, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
  const flags = mode === 'mem-shared' ? MAP_SHARED_ANON : MAP_PRIVATE_ANON | MAP_GROWSDOWN;
  const r = hold(flags, totalMiB);
  emit(`MEM/${mode === 'mem-shared' ? 'MAP_SHARED anonymous' : 'MAP_GROWSDOWN'} memory past the data ceiling`, r.held < totalMiB, { dataLimitMiB: dataBytes / MiB, privateControl: control < 0 && control > -4096 ? control : 'mapped', touchedMiB: r.held, refused: r.refused });
} else if (mode === 'mem-fork') {
  // Four children, each under the per-process data ceiling, together past it.
  const each = Math.floor((dataBytes / MiB) * 0.4);
  const pids = [0, 1, 2, 3].map(() => native.forkHog(MAP_PRIVATE_ANON, each * MiB, 4000));
  const statuses = [];
  for (const pid of pids.filter((p) => p > 0)) { const st = Buffer.alloc(4); raw(61, pid, st, 0, 0); statuses.push(st.readInt32LE(0)); }
  const held = statuses.filter((s) => s === 0).length * each;
  emit('MEM/forked children together past the data ceiling', held <= dataBytes / MiB, { dataLimitMiB: dataBytes / MiB, eachMiB: each, pids, statuses, heldTogetherMiB: held });
} else if (mode === 'orphan') {
  const pid = native.forkOrphan('rt4orphan', 60_000);
  emit('harness/orphan forked', true, pid);
} else if (mode === 'persist') {
  setName('rt4persist');
  emit('harness/persist waiting', true, process.pid);
  await sleep(90_000);
} else if (mode === 'hostinfo') {
  // What the inspector could copy into its report about the host it runs on.
  const read = (p) => tryIt(() => fs.readFileSync(p, 'latin1').slice(0, 1500));
  const list = (p) => tryIt(() => fs.readdirSync(p).slice(0, 40));
  const files = ['/proc/version', '/proc/sys/kernel/random/boot_id', '/proc/diskstats', '/proc/partitions', '/proc/bus/pci/devices', '/proc/swaps', '/proc/modules', '/proc/locks', '/proc/key-users', '/proc/loadavg', '/proc/pressure/cpu', '/proc/sysvipc/shm', '/proc/devices', '/proc/consoles', '/proc/self/cgroup', '/proc/1/cgroup', '/proc/net/unix', '/proc/driver/rtc', '/proc/cgroups', '/proc/self/mountinfo', '/proc/meminfo'];
  const seen = {};
  for (const f of files) { const r = read(f); seen[f] = r.ok ? r.value : `! ${r.code}`; }
  for (const d of ['/proc/fs', '/proc/fs/ext4', '/proc/fs/jbd2', '/proc/bus', '/proc/irq', '/proc/tty/driver', '/sys', '/sys/fs/cgroup', '/dev', '/proc/sys']) { const r = list(d); seen[`ls ${d}`] = r.ok ? r.value.join(' ') : `! ${r.code}`; }
  emit('harness/hostinfo', true, seen);
  const cmdline = read('/proc/cmdline');
  emit('HOSTINFO/the host kernel command line', !(cmdline.ok && cmdline.value.trim().length > 0), cmdline.ok ? cmdline.value.slice(0, 200) : cmdline.code);
  const parts = read('/proc/partitions');
  const devices = parts.ok ? parts.value.split('\n').slice(2).map((l) => l.trim().split(/\s+/)[3]).filter(Boolean) : [];
  emit('HOSTINFO/the host block devices', devices.length === 0, parts.ok ? devices : parts.code);
} else if (mode === 'nproc-hold') {
  // Processes as host uid 65534 until RLIMIT_NPROC (a per-uid count) refuses, held for 25 s.
  setName('rt4nproc');
  const pids = [];
  for (let i = 0; i < 200; i++) { const pid = native.forkHog(MAP_PRIVATE_ANON, 4096, 25_000); if (pid < 0) { pids.push(pid); break; } pids.push(pid); }
  emit('harness/nproc held', true, { children: pids.filter((p) => p > 0).length, stoppedWith: pids.at(-1) });
  await sleep(25_000);
} else if (mode === 'victim') {
  // Held in memory for a host process to find: a report the inspector is about to send.
  const marker = Buffer.alloc(4096);
  marker.write(['RT4', 'MARKER', 'ORIGINAL', 'VERDICT', '0123456789'].join('-'));
  const head = () => marker.toString('latin1', 11, 19);
  const before = tryIt(() => fs.statSync('/in/live.txt').size);
  setName('rt4victim');
  let forged = false;
  let grown = false;
  for (let waited = 0; waited < 30_000 && !(forged && grown); waited += 100) {
    await sleep(100);
    forged ||= head() !== 'ORIGINAL';
    grown ||= (tryIt(() => fs.statSync('/in/live.txt').size).value ?? before.value) !== before.value;
  }
  emit('FORGE/a host process rewrote the sandbox memory', !forged, marker.toString('latin1', 0, 38));
  emit('STAGE/the packet owner changed a staged file during the run', !grown, { before: before.ok ? before.value : before.code, after: tryIt(() => fs.statSync('/in/live.txt').size).value });
}
emit('harness/done', true, mode);
