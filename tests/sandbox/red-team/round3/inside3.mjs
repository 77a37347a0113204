// Round-3 red-team runner: runs INSIDE the sandbox in place of the inspector, locked exactly as the
// round-2 runner (applyExecLock with the default profile, then P1), then attempts each route and
// prints one `RT {id, closed, observed}` line per attempt on stderr. Launcher side: drive3.mjs.
import fs from 'node:fs';
// tki's inside library (the profile, the lock, P1), bundled as tki's own entries are (sandbox/runtime/bundle-paths.ts).
const { applyExecLock, runSelfCheck, DEFAULT_PROFILE } = await import('/opt/tki/dist/sandbox/bundle/inside.js');
const mode = process.argv[2] ?? 'battery';
const channelFd = Number(process.argv[3]);
const emit = (id, closed, observed) => fs.writeSync(2, `RT ${JSON.stringify({ id, closed, observed })}\n`);
const tryIt = (fn) => { try { return { ok: true, value: fn() }; } catch (e) { return { ok: false, code: e.code ?? String(e.message).slice(0, 120) }; } };
const hostPathRe = /\/(work|root|home|tmp\/|var\/lib\/(docker|containers))/;

// The attacker's native handle, loaded before the lock (the engine's start-up filter already holds).
const pre = tryIt(() => { const m = { exports: {} }; process.dlopen(m, '/in/rawsys3-measure.node'); return m.exports; });
// `cpu` mode: the lock the operator's `--cpu 2` would give (the rlimits reach the inside through its lock).
const lockProfile = mode === 'cpu' ? { ...DEFAULT_PROFILE, rlimits: { ...DEFAULT_PROFILE.rlimits, cpu: { soft: 2, hard: 3 } } } : DEFAULT_PROFILE;
const lock = applyExecLock(lockProfile);
const p1 = runSelfCheck(DEFAULT_PROFILE);
emit('harness/lock+p1', true, { lock: lock.ok ?? lock, p1: p1.results?.filter?.((r) => r.status !== 'confirmed') ?? p1, measure: pre.ok ? 'loaded' : pre.code, execArgv: process.execArgv, permission: typeof process.permission?.has === 'function' ? { fsWrite: process.permission.has('fs.write'), child: process.permission.has('child') } : 'off' });
const raw = pre.ok ? pre.value.rawSyscall : () => -9999;
const cstr = (s) => Buffer.from(`${s}\0`);
const ok = (rc) => rc >= 0;

if (mode === 'battery') {
  // rlimits: the ceilings must not be raisable from inside (hard = soft, never infinity)
  const limitsText = tryIt(() => fs.readFileSync('/proc/self/limits', 'utf8'));
  emit('RLIMIT/table', true, limitsText.ok ? limitsText.value.split('\n').filter((l) => /cpu|file size|data|processes|core|open files|address/i.test(l)).map((l) => l.replace(/\s+/g, ' ')) : limitsText.code);
  for (const [name, res] of [['cpu', 0], ['fsize', 1], ['data', 2], ['core', 4], ['nproc', 6], ['nofile', 7], ['as', 9]]) {
    const old = Buffer.alloc(16);
    raw(302, 0, res, 0, old);
    const hard = old.readBigUInt64LE(8);
    const inf = Buffer.alloc(16, 0xff);
    const rcInf = raw(302, 0, res, inf, 0);
    const toHard = Buffer.alloc(16); toHard.writeBigUInt64LE(hard, 0); toHard.writeBigUInt64LE(hard, 8);
    const rcHard = raw(302, 0, res, toHard, 0);
    const infinite = hard === 0xffffffffffffffffn;
    emit(`RLIMIT/raise ${name}`, name === 'as' ? true : !ok(rcInf) && !infinite, { soft: old.readBigUInt64LE(0).toString(), hard: infinite ? 'unlimited' : hard.toString(), raiseToUnlimited: rcInf, raiseSoftToHard: rcHard });
  }
  // opening kernel files for writing by every entry the write-open ban might not read
  const target = '/proc/sys/kernel/hostname';
  const how = Buffer.alloc(24); how.writeBigUInt64LE(1n, 0);
  for (const [name, fn] of [
    ['creat', () => raw(85, cstr(target), 0o644)],
    ['openat2 O_WRONLY', () => raw(437, -100, cstr(target), how, 24)],
    ['open O_WRONLY|1<<32', () => raw(2, cstr(target), 0x100000001)],
    ['openat O_WRONLY|1<<32', () => raw(257, -100, cstr(target), 0x100000001, 0)],
    ['open O_WRONLY', () => raw(2, cstr(target), 1)],
    ['truncate /proc/sys', () => raw(76, cstr(target), 0)],
  ]) {
    const rc = fn();
    if (ok(rc)) raw(3, rc);
    emit(`OPEN/${name} ${target}`, !ok(rc), rc);
  }
  // descriptors: what does the inside hold, and can bwrap's (pid 1's) descriptors be reopened?
  for (const pid of ['self', '1']) {
    const fds = tryIt(() => fs.readdirSync(`/proc/${pid}/fd`).map((n) => [n, tryIt(() => fs.readlinkSync(`/proc/${pid}/fd/${n}`)).value ?? 'unreadable']));
    emit(`FD/${pid} host paths`, !fds.ok || !fds.value.some(([, t]) => hostPathRe.test(t)), fds.ok ? fds.value : fds.code);
    if (pid === '1' && fds.ok) {
      const reopened = fds.value.filter(([, t]) => !/^(pipe|socket|anon_inode):|^\/dev\/null$/.test(t)).map(([n]) => [n, tryIt(() => fs.readFileSync(`/proc/1/fd/${n}`).subarray(0, 80).toString('latin1'))]).filter(([, r]) => r.ok);
      emit('FD/reopen pid 1 descriptors', reopened.length === 0, reopened.map(([n, r]) => `${n}: ${r.value}`));
    }
  }
  for (const f of ['environ', 'cmdline', 'maps', 'mountinfo', 'cgroup', 'mem']) {
    const r = tryIt(() => fs.readFileSync(`/proc/1/${f}`).subarray(0, 4000).toString('latin1'));
    const leak = r.ok && (hostPathRe.test(r.value) || (f === 'environ' && r.value.length > 0 && !/^(HOME=\/|HOSTNAME=tki-sandbox|PWD=\/|\0)*$/.test(r.value)));
    emit(`PID1/${f}`, !leak, r.ok ? r.value.split(/[\0\n]/).filter((l) => hostPathRe.test(l) || f === 'environ').slice(0, 8) : r.code);
  }
  const maps = tryIt(() => fs.readFileSync('/proc/self/maps', 'utf8'));
  emit('ENV/host paths in /proc/self/maps', maps.ok && !hostPathRe.test(maps.value), maps.ok ? maps.value.split('\n').filter((l) => hostPathRe.test(l)).slice(0, 5) : maps.code);
  const cg = tryIt(() => fs.readFileSync('/proc/self/cgroup', 'utf8'));
  emit('ENV/host cgroup path in /proc/self/cgroup', !cg.ok || cg.value.split('\n').every((l) => /:\/?$/.test(l) || l === ''), cg.ok ? cg.value.split('\n').slice(0, 4) : cg.code);
  // native code after the lock: memfd, a file mapping made executable with mprotect, anonymous RW->RX
  const mfd = raw(319, cstr('rt'), 0);
  emit('MEMFD/memfd_create("rt")', !ok(mfd), mfd);
  const dl = tryIt(() => { const m = { exports: {} }; process.dlopen(m, '/in/rawsys3-attack.node'); return typeof m.exports.rawSyscall; });
  emit('DLOPEN/packet-supplied after lock', !dl.ok, dl.ok ? `loaded (${dl.value})` : dl.code);
  const fd = fs.openSync('/in/rawsys3-attack.node', 'r');
  const addr = raw(9, 0, 4096, 1, 2, fd, 0);
  const mp = ok(addr) ? raw(10, addr, 4096, 5) : addr;
  emit('EXEC/mmap file PROT_READ then mprotect PROT_EXEC', !ok(mp), { mmap: ok(addr) ? 'mapped' : addr, mprotect: mp });
  const pk = ok(addr) ? raw(329, addr, 4096, 5, -1) : addr;
  emit('EXEC/mmap file then pkey_mprotect PROT_EXEC', !ok(pk), pk);
  const anon = raw(9, 0, 4096, 3, 0x22, -1, 0);
  const rx = ok(anon) ? raw(10, anon, 4096, 5) : anon;
  emit('EXEC/anonymous RW then mprotect RX (runtime-written code)', !ok(rx), { mprotect: rx, note: 'a native-code attacker can copy any code here; JIT needs it' });
  // network: every socket family
  for (const [name, fam, type] of [['AF_UNIX', 1, 1], ['AF_INET6', 10, 2], ['AF_NETLINK', 16, 3], ['AF_PACKET', 17, 3], ['AF_ALG', 38, 5], ['AF_VSOCK', 40, 1], ['AF_XDP', 44, 3]]) {
    const rc = raw(41, fam, type, 0);
    emit(`NET/socket ${name}`, !ok(rc), rc);
  }
  // namespaces through clone flags (a child that got through exits at once)
  for (const [name, flags] of [['clone CLONE_NEWUSER', 0x10000000 | 17], ['clone CLONE_NEWNET', 0x40000000 | 17], ['clone CLONE_NEWNS', 0x20000 | 17]]) {
    const rc = raw(56, flags, 0, 0, 0, 0);
    if (rc === 0) raw(60, 0);
    emit(`SYSCALL/${name}`, !ok(rc), rc);
  }
  const c3 = Buffer.alloc(88); c3.writeBigUInt64LE(0x10000000n, 0);
  const rc3 = raw(435, c3, 88);
  if (rc3 === 0) raw(60, 0);
  emit('SYSCALL/clone3 CLONE_NEWUSER', !ok(rc3), rc3);
  for (const [name, nr, ...args] of [['io_uring_setup', 425, 1, Buffer.alloc(120)], ['userfaultfd', 323, 0], ['bpf', 321, 0, Buffer.alloc(128), 128], ['perf_event_open', 298, Buffer.alloc(128), 0, -1, -1, 0], ['keyctl', 250, 0, -1], ['ptrace TRACEME', 101, 0], ['process_vm_readv', 310, 1, 0, 0, 0, 0, 0], ['unshare', 272, 0x10000000], ['mount', 165, cstr('none'), cstr('/'), cstr('tmpfs'), 0, 0], ['pivot_root', 155, cstr('/'), cstr('/')], ['name_to_handle_at', 303, -100, cstr('/in'), Buffer.alloc(136), Buffer.alloc(4), 0], ['open_by_handle_at', 304, -100, Buffer.alloc(136), 0], ['kill launcher-side pid 1 (SIG 0)', 62, 1, 0]]) {
    const rc = raw(nr, ...args);
    emit(`SYSCALL/${name}`, !ok(rc) || name.startsWith('kill'), rc);
  }
  // the operator's terminal: a controlling tty or a tty on any descriptor allows TIOCSTI keystroke injection
  const ttys = [0, 1, 2].filter((n) => /^\/dev\/(pts|tty)/.test(tryIt(() => fs.readlinkSync(`/proc/self/fd/${n}`)).value ?? ''));
  const devTty = tryIt(() => fs.openSync('/dev/tty', 'r'));
  const sti = [...ttys, ...(devTty.ok ? [devTty.value] : [])].map((n) => raw(16, n, 0x5412, Buffer.from('#')));
  emit('TTY/TIOCSTI into the operator terminal', !sti.some(ok), { ttyFds: ttys, devTty: devTty.ok ? 'opened' : devTty.code, tiocsti: sti });
  emit('harness/done', true, 'ok');
} else if (mode === 'i386') {
  const rc = pre.ok ? pre.value.int80Getpid() : -9999;
  emit('SYSCALL/i386 int 0x80 getpid', !ok(rc), rc);
} else if (mode === 'cpu') {
  const t = Date.now(); let next = 0;
  emit('CPU/limit line', true, (tryIt(() => fs.readFileSync('/proc/self/limits', 'utf8')).value ?? '').split('\n').find((l) => l.startsWith('Max cpu')));
  for (;;) { const now = Date.now(); if (now - t > 600_000) break; if (now > next) { next = now + 2000; const u = process.cpuUsage(); emit('CPU/still alive', false, { cpuSeconds: Math.round((u.user + u.system) / 1e6), wallSeconds: Math.round((now - t) / 1000) }); } }
} else if (mode === 'hang') {
  setInterval(() => {}, 1000);
} else if (mode === 'heap') {
  const keep = []; for (;;) keep.push(new Array(1e6).fill(keep.length));
} else if (mode.startsWith('frames-')) {
  const w = (b) => fs.writeSync(channelFd, b);
  const frame = (header, payload = Buffer.alloc(0)) => { const h = Buffer.from(JSON.stringify({ ...header, size: payload.length })); const len = Buffer.alloc(4); len.writeUInt32BE(h.length); return Buffer.concat([len, h, payload]); };
  w(Buffer.from('TKI-REPORT-CHANNEL/1\n'));
  const kind = mode.slice(7);
  if (kind === 'dotdot') w(frame({ kind: 'file', name: '../../../tmp/rt-dotdot.json' }, Buffer.from('{}')));
  if (kind === 'setuid') w(frame({ kind: 'file', name: 'report.json', mode: 0o4755, uid: 0 }, Buffer.from('{}')));
  if (kind === 'hugeheader') { const len = Buffer.alloc(4); len.writeUInt32BE(0xfffffff0); w(len); w(Buffer.alloc(1 << 20, 32)); }
  if (kind === 'after-end') { w(frame({ kind: 'end' })); w(frame({ kind: 'file', name: 'report.json' }, Buffer.from('{}'))); }
  if (kind === 'dup') { w(frame({ kind: 'file', name: 'report.md' }, Buffer.from('a'))); w(frame({ kind: 'file', name: 'report.md' }, Buffer.from('b'))); w(frame({ kind: 'end' })); }
  emit('harness/done', true, kind);
}
