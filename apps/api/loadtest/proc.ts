// The API's process tree as Linux's /proc sees it: its pid and every descendant (node:cluster
// workers are children of the primary), their resident memory and the CPU time they have used.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (USER_HZ; 100 on Linux x86 and arm). */
const TICKS_PER_SECOND = 100;

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process (or thread) ended meanwhile
  }
}

/** Children of `pid` from /proc/<pid>/task/<tid>/children, or, where the kernel lacks it, from every process's parent pid. */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: number[] = [];
  let readable = false;
  for (const tid of tasks) {
    const text = read(`/proc/${pid}/task/${tid}/children`);
    if (text === undefined) continue;
    readable = true;
    for (const id of text.split(' ')) if (id.trim()) children.push(Number(id));
  }
  if (readable) return children;
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((other) => statFields(other)?.[1] === String(pid));
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): [state, ppid, …]. */
function statFields(pid: number): string[] | undefined {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return undefined;
  return text
    .slice(text.lastIndexOf(')') + 2)
    .trim()
    .split(' ');
}

/** `root` and all its descendants that are alive now. */
export function processTree(root: number): number[] {
  const seen: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    if (seen.includes(pid) || !read(`/proc/${pid}/stat`)) continue;
    seen.push(pid);
    queue.push(...childrenOf(pid));
  }
  return seen;
}

/** Resident set size of each process of the tree, in bytes (VmRSS; pages shared between processes count in each). */
export function treeRssBytes(root: number): { bytes: number; processes: number; names: string } {
  let bytes = 0;
  const pids = processTree(root);
  const names = new Map<string, number>();
  for (const pid of pids) {
    const status = read(`/proc/${pid}/status`) ?? '';
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    if (match) bytes += Number(match[1]) * 1024;
    const name = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?';
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  return { bytes, processes: pids.length, names: [...names].map(([name, n]) => `${name} x${n}`).join(', ') };
}

/** CPU time (user + system) one process has used since it started, in milliseconds (0 once it has ended). */
function cpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of stat; fields[0] is field 3 (state).
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND : 0;
}

/** CPU time (user + system) the tree's live processes have used since they started, in milliseconds. */
export function treeCpuMs(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + cpuMs(pid), 0);
}

/** CPU time of each of these processes now (e.g. PostgreSQL's backends for a database). */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, cpuMs(pid)]));
}

/** CPU used between two snapshots: a process new in `after` counts from its start. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}

export interface MemorySample {
  /** Milliseconds since the sampler started. */
  atMs: number;
  rssBytes: number;
  processes: number;
  /** e.g. "node x3" (a cluster primary and two workers); tsx's transformer shows as esbuild when it runs. */
  names: string;
}

/** Samples the tree's RSS every `intervalMs` until stopped; `mark` names the samples taken from then on (the phase). */
export function sampleMemory(root: number, intervalMs = 250) {
  const started = performance.now();
  const samples: (MemorySample & { phase: string })[] = [];
  let phase = 'setup';
  const take = () => {
    const { bytes, processes, names } = treeRssBytes(root);
    if (processes) samples.push({ atMs: Math.round(performance.now() - started), rssBytes: bytes, processes, names, phase });
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    samples,
    mark(name: string) {
      phase = name;
      take();
    },
    /** The last sample now (taken right away). */
    now() {
      take();
      return samples.at(-1);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
