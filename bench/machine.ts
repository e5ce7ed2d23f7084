/**
 * Where the CPU went during a phase, from /proc (Linux; elsewhere only this process is known): this
 * process (every thread), the embedded PostgreSQL's processes, and everything else on the machine. On a
 * small machine the ratio against argon2 is decided by how much CPU the rest of a login takes, and by
 * other work competing for the same cores, so the report shows both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export interface CpuSnapshot {
  at: number;
  own: NodeJS.CpuUsage;
  /** CPU ms of this process's main thread (the event loop), or undefined off Linux. */
  mainThreadMs?: number;
  /** Busy ms of the whole machine (all CPUs), or undefined off Linux. */
  machineBusyMs?: number;
  /** CPU ms of the database server's processes, when it is the embedded one. */
  postgresMs?: number;
}

export interface CpuSpent {
  /** This process, all threads, ms. */
  ownMs: number;
  /** Of it, the main thread (event loop: JavaScript, parsing, I/O calls), ms. */
  mainThreadMs?: number;
  postgresMs?: number;
  /** Other processes' CPU, in cores (0 = an otherwise quiet machine). */
  otherCores?: number;
}

function machineBusyMs(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]; // cpu user nice system idle iowait irq softirq steal
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) * TICK_MS;
  } catch {
    return undefined;
  }
}

function procCpuMs(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime, stime
}

/** The postmaster (from its pid file) and its children. */
function postgresMs(postmasterPidFile?: string): number | undefined {
  if (!postmasterPidFile) return undefined;
  try {
    const root = readFileSync(postmasterPidFile, 'utf8').split('\n')[0].trim();
    let total = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
        if (pid === root || ppid === root) total += procCpuMs(stat);
      } catch {
        /* exited meanwhile */
      }
    }
    return total;
  } catch {
    return undefined;
  }
}

function mainThreadMs(): number | undefined {
  try {
    return procCpuMs(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

export function cpuSnapshot(postmasterPidFile?: string): CpuSnapshot {
  return {
    at: performance.now(),
    own: process.cpuUsage(),
    mainThreadMs: mainThreadMs(),
    machineBusyMs: machineBusyMs(),
    postgresMs: postgresMs(postmasterPidFile),
  };
}

export function cpuSince(start: CpuSnapshot, postmasterPidFile?: string): CpuSpent {
  const end = cpuSnapshot(postmasterPidFile);
  const own = process.cpuUsage(start.own);
  const ownMs = (own.user + own.system) / 1000;
  const pg = end.postgresMs !== undefined && start.postgresMs !== undefined ? end.postgresMs - start.postgresMs : undefined;
  let otherCores: number | undefined;
  if (end.machineBusyMs !== undefined && start.machineBusyMs !== undefined) {
    const other = end.machineBusyMs - start.machineBusyMs - ownMs - (pg ?? 0);
    otherCores = Math.max(0, other / (end.at - start.at));
  }
  const main = end.mainThreadMs !== undefined && start.mainThreadMs !== undefined ? end.mainThreadMs - start.mainThreadMs : undefined;
  return { ownMs, mainThreadMs: main, postgresMs: pg, otherCores };
}

export const cpuCount = (): number => os.availableParallelism?.() ?? os.cpus().length;
