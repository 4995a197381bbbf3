"""Samples one process group's memory and CPU until it is gone: python3 sample.py PGID OUT.

Every 0.2 s it reads /proc/<pid>/stat of each process in the group (its leader is PGID, as setsid makes
it) and writes OUT as one line
"cpu_seconds largest_process_peak_rss_kb group_peak_rss_kb processes_seen". CPU is the sum over the group's
processes of their last-seen user + system time: unlike GNU time it includes processes the command
never waited for (MSBuild's task hosts), at the price of missing each process's last < 0.2 s.
"""
import os
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def stat(pid: int):
    """(pgid, user + system seconds, RSS in KiB) of a live process, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # Counted from the state field (0): pgrp is 2, utime 11, stime 12, rss 21.
    return int(fields[2]), (int(fields[11]) + int(fields[12])) / TICKS, int(fields[21]) * PAGE_KB


def children(pid: int):
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                yield from map(int, f.read().split())
    except OSError:
        return


def group(pgid: int, known: set):
    """The live processes of the group, found by walking down from its leader. A process once seen stays
    known, so a child that outlives its parent (MSBuild's task hosts) is still followed. Cheaper than
    scanning all of /proc on a busy machine."""
    for pid in list(known):
        known.update(children(pid))
    members = []
    for pid in list(known):
        s = stat(pid)
        if s is None or s[0] != pgid:
            known.discard(pid)
            continue
        members.append((pid, s[1], s[2]))
    return members


def main() -> None:
    pgid, out = int(sys.argv[1]), sys.argv[2]
    known = {pgid}
    cpu: dict = {}
    peak: dict = {}
    group_peak = 0
    while True:
        members = group(pgid, known)
        for pid, seconds, rss in members:
            cpu[pid] = seconds
            peak[pid] = max(peak.get(pid, 0), rss)
        group_peak = max(group_peak, sum(rss for _, _, rss in members))
        with open(out, "w") as f:
            f.write(f"{sum(cpu.values()):.2f} {max(peak.values(), default=0)} {group_peak} {len(cpu)}\n")
        if not members:
            return
        time.sleep(0.2)


if __name__ == "__main__":
    main()
