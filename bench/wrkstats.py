"""Reads what bench/lib.sh leaves in a run's raw directory: wrk's output per measurement and cpu.tsv. Imported by the
report steps of bench/run.sh and bench/scheduling.sh."""
import os
import re
import statistics

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _seconds(value):  # bash `times` format: 1m2.345s
    m = re.fullmatch(r"(\d+)m([\d.]+)s", value)
    return int(m.group(1)) * 60 + float(m.group(2))


def parse_wrk(path):
    """Requests/sec, requests, p50/p99 latency (ms), wrk's own CPU seconds, and the `bench-<key> <value>` lines a
    Lua script's done() printed (as a dict of strings)."""
    text = open(path).read()

    def pct(p):
        m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s|m)\s*$" % p, text, re.M)
        return float(m.group(1)) * UNITS[m.group(2)]

    children = open(path + ".times").read().split("\n")[1].split()
    return {"rps": float(re.search(r"Requests/sec:\s*([\d.]+)", text).group(1)),
            "total": int(re.search(r"(\d+) requests in", text).group(1)),
            "p50": pct(50), "p99": pct(99), "wrk_cpu": _seconds(children[0]) + _seconds(children[1]),
            "lua": dict(re.findall(r"^bench-(\S+)\s+(.*)$", text, re.M))}


def load_rounds(raw, clk_tck):
    """Every measured round in order, with its wrk figures and the CPU the host, wrk and everything else used."""
    ordered = []
    header, *lines = open(f"{raw}/cpu.tsv").read().splitlines()
    for line in lines:
        v = dict(zip(header.split("\t"), line.split("\t")))
        x = parse_wrk(f"{raw}/round{v['round']}-{v['endpoint']}.txt")
        x.update(round=int(v["round"]), endpoint=v["endpoint"], host_cpu=int(v["host_ticks"]) / clk_tck, load=float(v["loadavg"]),
                 waited=int(v["quiet_wait_s"]), busy=(int(v["total_ticks"]) - int(v["idle_ticks"])) / clk_tck,
                 postgres_cpu=max(0, int(v["postgres_ticks"])) / clk_tck)
        # Neither the host nor wrk: PostgreSQL, builds, tests.
        x["other_cpu"] = max(0.0, x["busy"] - x["host_cpu"] - x["wrk_cpu"])
        ordered.append(x)
    return ordered


def by_endpoint(ordered):
    rows = {}
    for x in ordered:
        rows.setdefault(x["endpoint"], []).append(x)
    return rows


def medians(rows):
    """Per endpoint: median req/s, p50, p99 over the rounds, and median host (and PostgreSQL) CPU µs per request."""
    return {e: {"rps": statistics.median(x["rps"] for x in xs), "p50": statistics.median(x["p50"] for x in xs),
                "p99": statistics.median(x["p99"] for x in xs),
                "cpu_us": statistics.median(1e6 * x["host_cpu"] / x["total"] for x in xs),
                "postgres_us": statistics.median(1e6 * x.get("postgres_cpu", 0) / x["total"] for x in xs)}
            for e, xs in rows.items()}


def warmups(raw):
    """How long each endpoint was warmed up (bench_warmup stops once its throughput stops climbing), for a report."""
    lines = [line.split("\t") for line in open(f"{raw}/warmup.tsv").read().splitlines()]
    return ", ".join(f"{name} {seconds}s" for name, seconds in lines)


def conditions(load, host, before):
    """The table of conditions every report starts with (from the variables bench_export_conditions exports)."""
    env = os.environ
    return f"""| | |
|---|---|
| Date | {env['BENCH_DATE']} |
| Commit | `{env['BENCH_COMMIT']}` |
| Machine | {env['BENCH_NPROC']} CPUs (`nproc`), {env['BENCH_CPU']}, {env['BENCH_KERNEL']} |
| .NET | SDK {env['BENCH_DOTNET']} (`dotnet --version`), ASP.NET Core runtime {env['BENCH_RUNTIME']} |
| PostgreSQL | {env['BENCH_PG']} (local, 127.0.0.1) |
| Load | {load} |
| Host | {host} |
| Machine before the warm-up | {before} |"""
