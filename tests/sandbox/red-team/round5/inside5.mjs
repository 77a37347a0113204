// Round-5 red-team runner: runs INSIDE the sandbox in place of the inspector, locked as the inspector
// locks itself (applyExecLock, then P1), then attempts one mode's routes and prints one
// `RT {id, closed, observed}` line per attempt on stderr. Launcher side: drive5.mjs.
// New against rounds 3-4: syscalls whose arguments seccomp cannot read (openat2's struct), the legacy
// creat/open entries, System V / POSIX IPC memory (not counted by RLIMIT_DATA), pipe buffers, what the
// inside's descriptors 0-2 are (the operator's terminal?), personality/modify_ldt, the whole allowlist.
// Usage inside: runner.mjs <mode> <channelFd> [dataBytes]
import fs from 'node:fs';
const { applyExecLock, runSelfCheck, DEFAULT_PROFILE } = await import('/opt/tki/dist/sandbox/bundle/inside.js');
const mode = process.argv[2] ?? 'battery';
const dataBytes = Number(process.argv[4] ?? DEFAULT_PROFILE.rlimits.data.soft);
const emit = (id, closed, observed) => fs.writeSync(2, `RT ${JSON.stringify({ id, closed, observed })}\n`);
const tryIt = (fn) => { try { return { ok: true, value: fn() }; } catch (e) { return { ok: false, code: e.code ?? String(e.message).slice(0, 120) }; } };

const pre = tryIt(() => { const m = { exports: {} }; process.dlopen(m, '/in/rawsys5.node'); return m.exports; });
const native = pre.ok ? pre.value : undefined;
const raw = native ? native.rawSyscall : () => -9999;
const lockProfile = { ...DEFAULT_PROFILE, rlimits: { ...DEFAULT_PROFILE.rlimits, data: { soft: dataBytes, hard: dataBytes } } };
const lock = applyExecLock(lockProfile);
const p1 = runSelfCheck(DEFAULT_PROFILE);
emit('harness/lock+p1', true, { lock: lock.ok ?? lock, p1: p1.results?.filter?.((r) => r.confirmed !== true) ?? p1, native: pre.ok ? 'loaded' : pre.code });

const MiB = 1024 * 1024;
const cstr = (s) => Buffer.from(`${s}\0`);
const isErr = (rc) => rc < 0 && rc > -4096;
const O_WRONLY = 1;
const O_RDWR = 2;

if (mode === 'battery') {
  // --- opens for writing through entries whose flags seccomp cannot see or may not list
  const how = Buffer.alloc(24); // struct open_how { u64 flags; u64 mode; u64 resolve; }
  how.writeBigUInt64LE(BigInt(O_RDWR), 0);
  for (const target of ['/proc/self/mem', '/proc/self/oom_score_adj', '/proc/self/attr/current']) {
    const fd = raw(437, -100, cstr(target), how, 24);
    emit(`OPEN2/openat2 O_RDWR ${target}`, isErr(fd), fd);
    if (!isErr(fd)) raw(3, fd);
  }
  const legacy = raw(2, cstr('/proc/self/oom_score_adj'), O_WRONLY, 0);
  emit('OPEN2/legacy open(2) O_WRONLY /proc/self/oom_score_adj', isErr(legacy), legacy);
  const creat = raw(85, cstr('/proc/self/oom_score_adj'), 0o644);
  emit('OPEN2/creat(2) /proc/self/oom_score_adj', isErr(creat), creat);
  // /proc/self/mem written through an openat2 descriptor: code pages rewritten after the lock (FOLL_FORCE)
  // --- IPC whose memory RLIMIT_DATA does not count
  const shm = raw(29, 0, 64 * MiB, 0o1000 | 0o600); // shmget(IPC_PRIVATE, 64 MiB, IPC_CREAT|0600)
  emit('IPC/shmget (System V shared memory)', isErr(shm), shm);
  const msq = raw(68, 0, 0o1000 | 0o600); // msgget(IPC_PRIVATE, IPC_CREAT)
  emit('IPC/msgget (System V message queue)', isErr(msq), msq);
  const sem = raw(64, 0, 1, 0o1000 | 0o600);
  emit('IPC/semget (System V semaphores)', isErr(sem), sem);
  const mq = raw(240, cstr('rt5'), 0o100 | O_RDWR, 0o600, 0); // mq_open(O_CREAT|O_RDWR)
  emit('IPC/mq_open (POSIX message queue)', isErr(mq), mq);
  // --- executable memory and code-segment tricks
  const pers = raw(135, 0xffffffff); // personality(query)
  const rie = raw(135, 0x0400000); // READ_IMPLIES_EXEC: PROT_READ maps would become executable
  emit('EXEC/personality(READ_IMPLIES_EXEC)', isErr(rie), { query: pers, set: rie });
  const ldt = Buffer.alloc(16);
  emit('EXEC/modify_ldt (32-bit code segment)', isErr(raw(154, 0, ldt, 16)), raw(154, 0, ldt, 16));
  // --- what descriptors 0, 1, 2 are: the operator's terminal must not reach the inside
  const fds = {};
  for (const fd of [0, 1, 2]) {
    const link = tryIt(() => fs.readlinkSync(`/proc/self/fd/${fd}`));
    fds[fd] = link.ok ? link.value : link.code;
  }
  const ttyFds = Object.entries(fds).filter(([, l]) => /^\/dev\/(pts\/|tty)/.test(String(l)));
  emit('TTY/the operator terminal on an inside descriptor', ttyFds.length === 0, fds);
  // --- the effective allowlist: every number 0-470 with zero arguments (blocking and fatal calls skipped)
  const skip = new Set([7, 15, 23, 34, 56, 57, 58, 60, 61, 62, 101, 130, 200, 202, 219, 231, 234, 247, 270, 271, 281, 335, 336, 435, 441]);
  const answered = [];
  for (let nr = 0; nr <= 470; nr++) {
    if (skip.has(nr)) continue;
    const rc = raw(nr, 0, 0, 0, 0, 0, 0);
    if (rc !== -38 && rc !== -1) answered.push(`${nr}:${rc}`);
  }
  emit('harness/allowlist (nr:rc, neither ENOSYS nor EPERM)', true, answered.join(' '));
} else if (mode === 'mem-shm') {
  // System V shared memory past the data ceiling (shmat'ed pages are shared: not RLIMIT_DATA)
  const totalMiB = Math.ceil((dataBytes / MiB) * 1.25);
  let held = 0;
  let refused;
  for (; held < totalMiB; held += 64) {
    const id = raw(29, 0, 64 * MiB, 0o1000 | 0o600);
    if (isErr(id)) { refused = `shmget ${id}`; break; }
    const addr = raw(30, id, 0, 0);
    if (isErr(addr)) { refused = `shmat ${addr}`; break; }
    native.fill(addr, 64 * MiB, 1);
  }
  emit('MEM/System V shared memory past the data ceiling', held < totalMiB, { dataLimitMiB: dataBytes / MiB, touchedMiB: held, refused });
} else if (mode === 'mem-pipes') {
  // Pipe buffers: kernel memory no rlimit of the profile counts; bounded only by nofile and fs.pipe-*
  const fdsBuf = Buffer.alloc(8);
  let pipes = 0;
  let bytes = 0;
  const chunk = Buffer.alloc(65536, 7);
  for (let i = 0; i < 500; i++) {
    if (isErr(raw(293, fdsBuf, 0o4000))) break; // pipe2(O_NONBLOCK)
    pipes++;
    const w = fdsBuf.readInt32LE(4);
    raw(72, w, 1031, MiB); // F_SETPIPE_SZ
    for (;;) { const n = raw(1, w, chunk, chunk.length); if (isErr(n) || n === 0) break; bytes += n; }
  }
  emit('harness/pipe buffers held', true, { pipes, heldMiB: Math.round(bytes / MiB) });
} else if (mode === 'vdso') {
  // A fresh executable mapping after the lock without mmap/mprotect: unmap the vDSO and ask the kernel to map it again
  const maps = fs.readFileSync('/proc/self/maps', 'utf8').split('\n').filter((l) => /\[(vvar|vvar_vclock|vdso)\]/.test(l));
  // First without unmapping: the kernel answers EEXIST (-17) when the call reaches it (a vDSO is mapped), the filter
  // EPERM/ENOSYS when it refuses the option. Refused: stop here, since unmapping the vDSO with no way to map it back
  // kills this process at its next clock read (sweep6: the attacker would crash itself before reporting).
  const reached = raw(158, 0x2003, 0);
  if (isErr(reached) && reached !== -17) {
    emit('EXEC/a new executable mapping after the lock (arch_prctl ARCH_MAP_VDSO_64)', true, { before: maps, refusedWithVdsoMapped: reached });
    emit('harness/done', true, mode);
    process.exit(0);
  }
  const ranges = maps.map((l) => l.split(' ')[0].split('-').map((h) => Number.parseInt(h, 16)));
  const start = Math.min(...ranges.map((r) => r[0]));
  const un = ranges.map(([a, b]) => raw(11, a, b - a));
  const mapped = raw(158, 0x2003, start); // arch_prctl(ARCH_MAP_VDSO_64, addr)
  const after = fs.readFileSync('/proc/self/maps', 'utf8').split('\n').filter((l) => /\[(vvar|vvar_vclock|vdso)\]/.test(l));
  emit('EXEC/a new executable mapping after the lock (arch_prctl ARCH_MAP_VDSO_64)', isErr(mapped), { before: maps, unmapped: un, mapped, after });
}
emit('harness/done', true, mode);
