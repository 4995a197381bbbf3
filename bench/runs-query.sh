#!/usr/bin/env bash
# Searching runs (bench/README.md, "Searching runs"): `mlops runs list --where "<an OR filter>"` over 100,000 runs,
# timed as a whole process (dotnet mlops.dll, as `dotnet tool run mlops` starts it), on SQLite and on PostgreSQL,
# against the floor: a .NET process that opens the same database with the same driver and prints
# SELECT count(*) FROM runs. Goal: under 300 ms on SQLite.
# Writes bench/results/<date>-runs-query.md and artifacts/bench/runs/hyperfine.json. Needs hyperfine and Debian's
# postgresql (the PostgreSQL half is skipped, and says so, without it).
# Knobs (environment): BENCH_RUNS_COUNT (default 100000), BENCH_RUNS_TIMED (timed runs of each command, default 20),
# BENCH_RUNS_FILTER (default below), BENCH_RUNS_REFILL=1 (refill the SQLite store even when it holds the right count).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
count=${BENCH_RUNS_COUNT:-100000}
timed=${BENCH_RUNS_TIMED:-20}
filter=${BENCH_RUNS_FILTER:-"metrics.auc > 0.94 OR (params.trainer = 'FastTree' AND tags.note LIKE 'big%')"}
work=$root/artifacts/bench/runs
db=$work/runs.db
results=$root/bench/results
day=$(date +%F)
mkdir -p "$work" "$results"
say() { printf '[bench runs %(%H:%M:%S)T] %s\n' -1 "$*"; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 2; }

say "building mlops and bench/RunsBench (Release)"
dotnet build src/MLOps.Cli -c Release -nodeReuse:false -v q -clp:NoSummary >/dev/null
dotnet build bench/RunsBench -c Release -nodeReuse:false -v q -clp:NoSummary >/dev/null
mlops="dotnet $root/src/MLOps.Cli/bin/Release/net10.0/mlops.dll"
bench="dotnet $root/bench/RunsBench/bin/Release/net10.0/RunsBench.dll"

if [[ "${BENCH_RUNS_REFILL:-0}" == 1 || ! -f "$db" || "$($bench count "$db" 2>/dev/null || echo 0)" != "$count" ]]; then
  rm -f "$db" "$db-wal" "$db-shm"
  say "filling $db with $count runs"
  $bench fill "$db" "$count"
fi

# PostgreSQL: a throwaway server on 127.0.0.1 as the tests' fixture starts one (initdb refuses root: run as postgres).
pg=""
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -n "$pgbin" && -x "$pgbin/initdb" ]]; then
  pgdata=$(mktemp -d /tmp/mlops-bench-pg.XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [[ $(id -u) == 0 ]] && chown postgres:postgres "$pgdata"
  as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  trap 'as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$pgdata"' EXIT
  as_pg "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -c "CREATE DATABASE runs" >/dev/null
  pg="Host=127.0.0.1;Port=$port;Database=runs;Username=postgres"
  say "filling PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') with $count runs"
  $bench fill "$pg" "$count"
else
  say "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): its figures are skipped"
fi

say "query alone, in one process (IRunStore.List, limit 20, 20 times)"
inproc_sqlite=$($bench query "$db" "$filter" 20)
inproc_pg=""
[[ -n "$pg" ]] && inproc_pg=$($bench query "$pg" "$filter" 20)
matches=$($mlops runs list --store "$db" --where "$filter" --limit 1000000 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

load_before=$(cut -d' ' -f1 /proc/loadavg)
commands=(-n list-sqlite "$mlops runs list --store $db --where \"$filter\"" -n count-sqlite "$bench count $db")
# psql's count is for scale only: the server's own answer without .NET and Npgsql starting in the client.
[[ -n "$pg" ]] && commands+=(-n list-postgresql "$mlops runs list --store \"$pg\" --where \"$filter\"" -n count-postgresql "$bench count \"$pg\""
  -n count-postgresql-psql "$pgbin/psql -h 127.0.0.1 -p $port -U postgres -d runs -Atc 'SELECT count(*) FROM runs'")
say "timing the whole processes ($timed runs each after 3 warm-ups)"
hyperfine -N --warmup 3 --runs "$timed" --export-json "$work/hyperfine.json" "${commands[@]}"
load_after=$(cut -d' ' -f1 /proc/loadavg)

out=$results/$day-runs-query.md
python3 - "$work/hyperfine.json" "$out" <<PY
import json, sys, platform, os, subprocess
h = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
ms = lambda r, k: f"{r[k] * 1000:.0f}"
rows = []
for name in ["list-sqlite", "count-sqlite", "list-postgresql", "count-postgresql", "count-postgresql-psql"]:
    if name in h:
        r = h[name]
        rows.append(f"| {name} | {ms(r, 'median')} | {ms(r, 'mean')} | {ms(r, 'min')} | {ms(r, 'max')} | {(r['user'] + r['system']) * 1000:.0f} |")
busy = ("" if float("$load_before") < os.cpu_count() else f"""
  The load average was above the {os.cpu_count()} cores: other processes took the CPU between these, and the wall
  times are inflated by waiting for it. CPU time (last column) is what the commands cost whatever the load; on an idle
  machine the wall time of these single-threaded processes is close to it.""")
def ratio(a, b): return f"{h[a]['median'] / h[b]['median']:.2f}" if a in h and b in h else "n/a"
dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
with open(sys.argv[2], "w") as f:
    f.write(f"""# Searching runs: mlops runs list --where over {int("$count"):,} runs ($day)

Made by \`bash bench/runs-query.sh\` (bench/README.md, "Searching runs").

- Machine: {cpu}, {os.cpu_count()} cores, {mem:,} MiB RAM; {platform.platform()}; .NET SDK {dotnet}.
  1-minute load average {"$load_before"} before the timed runs and {"$load_after"} after (other work shared the machine).
- Store: {int("$count"):,} generated runs (bench/RunsBench: 5 models, 5 trainers, 6-10 params, 8-10 metrics on the test and
  validation splits, 1-3 tags, sweeps as child runs), schema migrations 0001-0002.
- Filter: \`$filter\`, which {int("$matches"):,} runs match; the list shows the newest 20 (the default limit).
- Timed: each command as a whole process (\`dotnet mlops.dll\`, runtime start included), {int("$timed")} runs after 3 warm-ups, by hyperfine.
  The floor (\`count-*\`) is a .NET process that opens the same database with the same driver and prints \`SELECT count(*) FROM runs\`.

| command | median ms | mean ms | min ms | max ms | CPU ms (user + sys, mean) |
|---|---|---|---|---|---|
""" + "\n".join(rows) + f"""

- SQLite: list / floor = {ratio("list-sqlite", "count-sqlite")}; goal: list under 300 ms.{busy}
- PostgreSQL: list / floor = {ratio("list-postgresql", "count-postgresql")}. \`count-postgresql-psql\` (psql, no .NET) shows how much of
  the floor is the client: Npgsql's start in a fresh process (its JIT, and its first connection reading the server's
  types), not the server's work.
- The query alone, in one warm process (\`RunsBench query\`, IRunStore.List with limit 20; the first call includes JIT):
  SQLite \`$inproc_sqlite\`; PostgreSQL \`${inproc_pg:-not run}\`.
""")
print(open(sys.argv[2]).read())
PY
say "wrote $out"
