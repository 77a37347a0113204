// Red-team runner: runs INSIDE the sandbox, locked exactly as tki's probe runner locks itself
// (applyExecLock with the default profile, then P1), then attempts each route and prints one JSON
// line per attempt: { id, closed, observed }. The launcher side is drive.mjs.
import fs from 'node:fs';
// The runtime's fixed path inside the sandbox (literal specifiers: the project lints its own tests).
// tki's inside library (the profile, the lock, P1), bundled as tki's own entries are (sandbox/runtime/bundle-paths.ts).
const { applyExecLock, runSelfCheck, DEFAULT_PROFILE } = await import('/opt/tki/dist/sandbox/bundle/inside.js');
const mode = process.argv[2] ?? 'battery';
const emit = (id, closed, observed) => fs.writeSync(2, `RT ${JSON.stringify({ id, closed, observed })}\n`);
const tryIt = (fn) => { try { return { ok: true, value: fn() }; } catch (e) { return { ok: false, code: e.code ?? String(e.message).slice(0, 120) }; } };

// A measurement handle on raw syscalls, loaded before the lock (the engine's start-up filter already holds).
const pre = tryIt(() => { const m = { exports: {} }; process.dlopen(m, '/in/rawsys-measure.node'); return m.exports; });
const lock = applyExecLock(DEFAULT_PROFILE);
const p1 = runSelfCheck(DEFAULT_PROFILE);
emit('harness/lock+p1', true, { lock: lock.ok ?? lock, p1: p1.results?.filter?.((r) => r.status !== 'confirmed') ?? p1, measure: pre.ok ? 'loaded' : pre.code });
const raw = pre.ok ? pre.value.rawSyscall : undefined;

if (mode === 'battery') {
  // host root
  const uidMap = tryIt(() => fs.readFileSync('/proc/self/uid_map', 'utf8'));
  const status = tryIt(() => fs.readFileSync('/proc/self/status', 'utf8'));
  const uidLine = status.ok ? status.value.split('\n').find((l) => l.startsWith('Uid:')) : '';
  const ids = (uidLine ?? '').split(/\s+/).slice(1, 4).map(Number);
  const rows = uidMap.ok ? uidMap.value.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number)) : [];
  const toHost = (id) => { for (const [inside, host, n] of rows) if (id >= inside && id < inside + n) return host + id - inside; return -1; };
  const hostIds = ids.map(toHost);
  emit('UID/host-root', !hostIds.includes(0), { uidLine, uidMap: uidMap.ok ? uidMap.value.trim() : uidMap.code, hostIds });
  for (const p of ['/proc/sys/kernel/core_pattern', '/proc/sys/kernel/hostname', '/proc/sys/vm/drop_caches', '/proc/sysrq-trigger', '/proc/sys/kernel/modprobe', '/sys/kernel/uevent_helper', '/proc/self/attr/current', '/proc/self/oom_score_adj']) {
    const r = tryIt(() => { const fd = fs.openSync(p, 'r+'); fs.closeSync(fd); return 'opened for writing'; });
    emit(`PROCSYS/open-write ${p}`, !r.ok || p === '/proc/self/oom_score_adj', r.ok ? r.value : r.code);
  }
  // a same-value sysctl write (harmless if it lands)
  const hn = tryIt(() => { const v = fs.readFileSync('/proc/sys/kernel/hostname'); fs.writeFileSync('/proc/sys/kernel/hostname', v); return 'same-value write succeeded'; });
  emit('PROCSYS/same-value-write kernel.hostname', !hn.ok, hn.ok ? hn.value : hn.code);
  // writable paths
  const writable = [];
  for (const dir of ['/', '/in', '/out', '/tmp', '/dev', '/dev/shm', '/dev/mqueue', '/run', '/var/tmp', '/etc', '/opt/tki', '/opt/tki/dist', '/sys', '/sys/fs/cgroup', '/proc/self/fd', '/usr/lib']) {
    const r = tryIt(() => { const f = `${dir}/rt-probe-${process.pid}`; fs.writeFileSync(f, 'x'); fs.unlinkSync(f); return 'created'; });
    emit(`WRITE/${dir}`, !r.ok, r.ok ? r.value : r.code);
    if (r.ok) writable.push(dir);
  }
  const mi = tryIt(() => fs.readFileSync('/proc/self/mountinfo', 'utf8'));
  const rwMounts = mi.ok ? mi.value.trim().split('\n').filter((l) => / rw[ ,]/.test(l.split(' - ')[0].split(' ').slice(5, 6).join(' ') + ' ')).map((l) => l.split(' ').slice(3, 6).join(' ')) : [];
  emit('WRITE/rw-mounts (mountinfo)', rwMounts.every((m) => m.includes('/proc')), rwMounts);
  // setuid plant into whatever was writable
  for (const dir of writable) {
    const r = tryIt(() => { const f = `${dir}/rt-suid`; fs.copyFileSync('/in/rawsys-attack.node', f); fs.chmodSync(f, 0o4755); const st = fs.statSync(f); return { mode: (st.mode & 0o7777).toString(8), uid: st.uid }; });
    emit(`SUID/plant in ${dir}`, !r.ok || !(parseInt(r.value.mode, 8) & 0o4000), r.ok ? r.value : r.code);
  }
  // dlopen: packet-supplied, written at run time, memfd
  const dl = (p) => tryIt(() => { const m = { exports: {} }; process.dlopen(m, p); return typeof m.exports.rawSyscall; });
  const a = dl('/in/rawsys-attack.node');
  emit('DLOPEN/packet-supplied /in', !a.ok, a.ok ? `loaded (${a.value})` : a.code);
  for (const dir of writable) {
    const r = tryIt(() => { const f = `${dir}/rt-dl-${process.pid}.node`; fs.copyFileSync('/in/rawsys-attack2.node', f); return dl(f); });
    emit(`DLOPEN/written at run time in ${dir}`, !(r.ok && r.value.ok), r.ok ? r.value : r.code);
  }
  if (raw !== undefined) {
    const mfd = raw(319, 0, 0); // memfd_create(NULL...) -> EFAULT if allowed; use a real name below
        emit('MEMFD/memfd_create(NULL)', mfd === -1 || mfd === -38, mfd);
  }
  const mf = tryIt(() => { const { loadSeccompAddon } = {}; return null; });
  void mf;
  // environment and host paths
  const envs = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const e = tryIt(() => fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean));
    const c = tryIt(() => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    envs.push({ pid, env: e.ok ? e.value : e.code, cmd: c.ok ? c.value : c.code });
  }
  const envLeak = envs.filter((p) => Array.isArray(p.env) && p.env.some((kv) => !/^(HOME=\/|HOSTNAME=tki-sandbox|PWD=\/)$/.test(kv)));
  emit('ENV/operator env in any process', envLeak.length === 0, envLeak.length ? envLeak : envs.map((p) => `${p.pid}: ${Array.isArray(p.env) ? p.env.join(' ') : p.env}`));
  const hostPathRe = /\/(work|root|home|tmp\/tki-|var\/lib\/docker)/;
  const cmdLeak = envs.filter((p) => Array.isArray(p.cmd) && p.cmd.some((a) => hostPathRe.test(a)));
  emit('ENV/host paths in any cmdline', cmdLeak.length === 0, cmdLeak.length ? cmdLeak.map((p) => p.cmd.join(' ').slice(0, 600)) : envs.map((p) => Array.isArray(p.cmd) ? p.cmd.join(' ').slice(0, 160) : p.cmd));
  const miLeak = mi.ok ? mi.value.split('\n').filter((l) => hostPathRe.test(l.split(' ')[3] ?? '')) : [];
  emit('ENV/host paths in mountinfo roots', miLeak.length === 0, miLeak.length ? miLeak.map((l) => l.slice(0, 200)) : 'none');
  for (const p of ['/var/run/docker.sock', '/run/docker.sock', '/run/podman/podman.sock', '/root', '/home', '/work', '/etc/shadow', '/proc/1/root/etc/shadow', '/proc/1/cwd']) {
    const r = tryIt(() => fs.readdirSync(p).slice(0, 5));
    const r2 = r.ok ? r : tryIt(() => fs.readFileSync(p, 'utf8').slice(0, 40));
    emit(`SECRET/${p}`, !r2.ok || (p === '/proc/1/cwd' && Array.isArray(r2.value) && !r2.value.some((n) => ['work', 'root', 'home'].includes(n))), r2.ok ? r2.value : r2.code);
  }
  // syscalls off any allowlist
  if (raw !== undefined) {
    const calls = [
      ['memfd_secret', 447, 0], ['process_madvise', 440, -1, 0, 0, 0, 0], ['mbind', 237, 0, 0, 0, 0, 0, 0], ['io_uring_setup', 425, 0, 0],
      ['userfaultfd', 323, 0], ['listmount', 458, 0, 0, 0, 0], ['statmount', 457, 0, 0, 0, 0], ['socket', 41, 2, 1, 0], ['socketpair', 53, 1, 1, 0, 0],
      ['connect', 42, -1, 0, 0], ['bind', 49, -1, 0, 0], ['ptrace', 101, 0x4206, 1, 0, 0], ['unshare(CLONE_NEWUSER)', 272, 0x10000000], ['unshare(CLONE_NEWNS)', 272, 0x00020000],
      ['setns', 308, -1, 0], ['execve', 59, 0, 0, 0], ['execveat', 322, -1, 0, 0, 0, 0], ['mount', 165, 0, 0, 0, 0, 0], ['keyctl', 250, 0, 0],
      ['add_key', 248, 0, 0, 0, 0, 0], ['bpf', 321, 0, 0, 0], ['perf_event_open', 298, 0, 0, -1, -1, 0], ['init_module', 175, 0, 0, 0], ['kexec_load', 246, 0, 0, 0, 0],
      ['open_tree', 428, -1, 0, 0], ['fsopen', 430, 0, 0], ['move_mount', 429, -1, 0, -1, 0, 0], ['pidfd_getfd', 438, -1, 0, 0], ['process_vm_readv', 310, 1, 0, 0, 0, 0, 0],
      ['kcmp', 312, 1, 1, 0, 0, 0], ['personality', 135, 0xffffffff], ['syslog', 103, 3, 0, 0], ['open_by_handle_at', 304, -1, 0, 0], ['name_to_handle_at', 303, -1, 0, 0, 0, 0],
      ['fanotify_init', 300, 0, 0], ['move_pages', 279, 0, 0, 0, 0, 0, 0], ['migrate_pages', 256, 0, 0, 0, 0], ['set_mempolicy', 238, 0, 0, 0], ['get_mempolicy', 239, 0, 0, 0, 0, 0],
      ['set_mempolicy_home_node', 450, 0, 0, 0, 0], ['mseal', 462, 0, 0, 0], ['map_shadow_stack', 453, 0, 0, 0], ['lsm_get_self_attr', 459, 0, 0, 0, 0], ['cachestat', 451, -1, 0, 0, 0],
      ['futex_waitv', 449, 0, 0, 0, 0, 0], ['landlock_create_ruleset', 444, 0, 0, 1], ['quotactl_fd', 443, -1, 0, 0, 0], ['clock_settime', 227, 0, 0], ['adjtimex', 159, 0],
      ['iopl', 172, 0], ['ioperm', 173, 0, 0, 0], ['swapon', 167, 0, 0], ['acct', 163, 0], ['vhangup', 153], ['lookup_dcookie', 212, 0, 0, 0], ['chroot', 161, 0],
      ['pivot_root', 155, 0, 0], ['sethostname', 170, 0, 0], ['setdomainname', 171, 0, 0], ['mknod', 133, 0, 0, 0], ['mknodat', 259, -1, 0, 0, 0], ['setuid(0)', 105, 0],
      ['seccomp(GET_NOTIF_SIZES)', 317, 3, 0, 0], ['syscall 600 (unknown)', 600],
    ];
    const bad = [];
    for (const [name, nr, ...args] of calls) {
      const rc = raw(nr, ...args);
      const closed = rc === -1 || rc === -38;
      emit(`SYSCALL/${name}`, closed, rc);
      if (!closed) bad.push(`${name}=${rc}`);
    }
  }
  // last: x32 ABI must be killed/denied; may end the process
  emit('harness/done', true, 'ok');
} else if (mode === 'memory') {
  const chunks = []; let mib = 0;
  try { for (; mib < 8192; mib += 256) { const b = Buffer.allocUnsafe(256 * 1024 * 1024); b.fill(1); chunks.push(b); fs.writeSync(2, `mem ${mib + 256}\n`); } } catch (e) { emit('MEM/alloc error', true, `${mib} MiB then ${e.code ?? e.message}`); }
  if (mib >= 8192) emit('MEM/8GiB', false, `allocated ${mib} MiB and still alive`);
} else if (mode === 'pids') {
  let n = 0; let last = 0;
  for (; n < 3000; n++) { const r = raw(56, 17, 0, 0, 0, 0); if (r === 0) { raw(34); raw(231, 0); } if (r < 0) { last = r; break; } }
  emit('PIDS/fork', n < 1500, { forked: n, stoppedWith: last });
} else if (mode === 'stdout-flood') {
  const b = Buffer.alloc(1 << 20, 65); let i = 0;
  try { for (; i < 2048; i++) fs.writeSync(1, b); } catch (e) { emit('FLOOD/stdout', true, `${i} MiB then ${e.code}`); }
  emit('FLOOD/stdout', false, `wrote ${i} MiB`);
} else if (mode === 'stderr-flood') {
  const b = Buffer.alloc(1 << 20, 66); let i = 0;
  try { for (; i < 2048; i++) fs.writeSync(2, b); } catch (e) { emit('FLOOD/stderr', true, `${i} MiB then ${e.code}`); }
  emit('FLOOD/stderr', false, `wrote ${i} MiB`);
} else if (mode === 'channel-flood') {
  const fd = Number(process.argv[3]);
  const b = Buffer.alloc(1 << 20, 67); let i = 0;
  try { for (; i < 2048; i++) fs.writeSync(fd, b); } catch (e) { emit('FLOOD/channel', true, `${i} MiB then ${e.code}`); }
  emit('FLOOD/channel', false, `wrote ${i} MiB`);
} else if (mode === 'x32') {
  // a foreign-ABI number (x32 read): must be refused or kill the whole process, never leave it half-dead
  const rc = raw(0x40000000, 0, 0, 0);
  emit('SYSCALL/x32 read', rc === -1 || rc === -38, rc);
} else if (mode === 'hang') {
  setInterval(() => {}, 1000);
}
