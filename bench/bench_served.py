"""Pages as they are served: the platform under uvicorn with DEBUG=0 after collectstatic,
side by side with a bare Django view returning the same bytes under the same server
command (bench/served/bare.py), both driven by wrk. Prints req/s, p50/p95/p99 and the
ratio per path. Results and the machine in docs/performance.md ("Pages as served").

    python bench/bench_served.py                 SQLite, 1 and 2 workers
    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/bench_served.py
    BENCH_WORKERS=2 BENCH_SECONDS=10 BENCH_CONNECTIONS=16 BENCH_ROUNDS=5 … to change the run
    BENCH_PATHS=/,/news/ to time some paths only
    BENCH_PLATFORM_APP=huzheng.asgi:django_application to time the platform without the
    layer that answers kept pages in front of Django (core.keptpages)
    BENCH_PREPARED=1 SQLITE_PATH=… (or DATABASE_URL=…) to reuse a database already
    migrated and seeded by an earlier run (skips the minutes of migrate and seed_demo)

The machine may be shared, so the two servers run side by side and are driven in turns:
each round times every path on the platform and on the bare app, one right after the
other (which goes first alternates), and the table shows the median over the rounds of
each round's ratio, with the load average the rounds saw.

Needs wrk (Debian package `wrk`; `make bench` installs it through scripts/system-deps).
"""

import hashlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PATHS = [
    ("/", 0.8),
    ("/services/", 0.8),
    ("/services/birth/", 0.8),
    ("/news/lunar-new-year-hours/", 0.8),
    ("/services/tables/fees/", 0.8),
    ("/news/", 0.8),
    ("/api/v1/queue/huxi/status", 0.8),
    ("/search/?q=%E6%8E%9B%E5%A4%B1", 0.5),
]
if os.environ.get("BENCH_PATHS"):
    _chosen = os.environ["BENCH_PATHS"].split(",")
    PATHS = [(path, target) for path, target in PATHS if path in _chosen]
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
PLATFORM_APP = os.environ.get("BENCH_PLATFORM_APP", "huzheng.asgi:application")
WORKERS = [int(w) for w in os.environ.get("BENCH_WORKERS", "1,2").split(",")]
# wrk prints the percentiles we want through this script's done() hook.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %f %f %f %f %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.requests))
end
"""


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: install the Debian package wrk (make bench does).")
    work = Path(tempfile.mkdtemp(prefix="huzheng-served-"))
    env = _platform_env(work)
    _prepare(env)
    print(_machine())
    print(
        f"database: {'PostgreSQL' if 'DATABASE_URL' in env else 'SQLite'}, "
        f"Redis: {'yes' if env.get('REDIS_URL') else 'no'}, wrk -t2 -c{CONNECTIONS} -d{SECONDS}s"
    )
    script = work / "report.lua"
    script.write_text(WRK_SCRIPT)
    for workers in WORKERS:
        print(f"\n== {workers} uvicorn worker(s), {ROUNDS} rounds")
        print(
            f"{'path':38} {'platform r/s':>12} {'bare r/s':>9} {'ratio':>6} {'ratios':>20} "
            f"{'target':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'load':>10}"
        )
        platform = _serve(env, PLATFORM_APP, workers)
        try:
            responses = work / f"responses-{workers}"
            _record(platform, responses)
            bare = _serve(
                {**env, "BARE_RESPONSES": str(responses), "PYTHONPATH": str(ROOT / "bench/served")},
                "bare:application",
                workers,
            )
            try:
                for path, target in PATHS:
                    _print_row(path, target, _rounds(platform, bare, path, script))
            finally:
                _stop(bare)
        finally:
            _stop(platform)
    shutil.rmtree(work, ignore_errors=True)


def _rounds(platform, bare, path, script):
    """Time `path` on both servers ROUNDS times, in turns; each round's pair back to back."""
    runs = []
    for number in range(ROUNDS):
        pair = {}
        for name, server in sorted(
            {"platform": platform, "bare": bare}.items(), reverse=bool(number % 2)
        ):
            pair[name] = _wrk(server, path, script)
        pair["load"] = os.getloadavg()[0]
        runs.append(pair)
    return runs


def _print_row(path, target, runs):
    median = statistics.median
    ratios = [r["platform"]["rps"] / r["bare"]["rps"] if r["bare"]["rps"] else 0 for r in runs]
    ratio = median(ratios)
    ours = {key: median(r["platform"][key] for r in runs) for key in ("rps", "p50", "p95", "p99")}
    theirs = median(r["bare"]["rps"] for r in runs)
    errors = sum(r["platform"]["errors"] for r in runs)
    loads = [r["load"] for r in runs]
    print(
        f"{path[:38]:38} {ours['rps']:12.0f} {theirs:9.0f} {ratio:6.2f} "
        f"{' '.join(f'{x:.2f}' for x in ratios)[:20]:>20} {target:6.1f} {ours['p50']:7.1f} "
        f"{ours['p95']:7.1f} {ours['p99']:7.1f} {min(loads):4.1f}–{max(loads):<4.1f}"
        f"{'  errors: ' + str(errors) if errors else ''}{'' if ratio >= target else '  below'}",
        flush=True,
    )


def _platform_env(work):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "0" * 64,
        "HUZHENG_DATA_KEY": "bench-data-key",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "HUZHENG_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "huzheng.settings",
    }
    if "DATABASE_URL" not in env:
        env.setdefault("SQLITE_PATH", str(work / "served.sqlite3"))
    # Its own versions folder, so that a run never reads another run's (or the
    # development server's) cache generations.
    env.setdefault("HUZHENG_VERSIONS_PATH", str(work / "versions"))
    return env


def _prepare(env):
    manage = [PYTHON, str(ROOT / "manage.py")]
    if os.environ.get("BENCH_PREPARED"):
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
        )
        return
    for command in (
        ["migrate", "-v0"],
        ["createcachetable", "-v0"],
        ["seed_demo", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)


def _serve(env, app, workers):
    port = _free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "uvicorn",
            app,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz" if "huzheng" in app else base + "/", timeout=2)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.2)
    process.base = base
    return process


def _record(platform, folder):
    """Fetch each path once (warming the platform), keeping the bytes for the bare app."""
    folder.mkdir(parents=True)
    for path, _target in PATHS:
        for _ in range(3):
            with urllib.request.urlopen(platform.base + path, timeout=30) as response:
                body = response.read()
                kind = response.headers.get("Content-Type", "text/html")
        key = hashlib.sha256(path.encode()).hexdigest()
        (folder / f"{key}.body").write_bytes(body)
        (folder / f"{key}.json").write_text(json.dumps({"type": kind}))


def _wrk(server, path, script):
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(script), server.base + path],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(row for row in result.stdout.splitlines() if row.startswith("RESULT"))
    rps, p50, p95, p99, errors, _count = line.split()[1:]
    return {
        "rps": float(rps),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "errors": int(errors),
    }


def _stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _machine():
    cpu = next(
        (
            row.split(":", 1)[1].strip()
            for row in Path("/proc/cpuinfo").read_text().splitlines()
            if row.startswith("model name")
        ),
        "?",
    )
    load = os.getloadavg()
    return f"machine: {os.cpu_count()} cores, {cpu}; load average {load[0]:.2f} at start"


if __name__ == "__main__":
    main()
