#!/usr/bin/env python3
"""Times ticket-trainer next to reference programs and prints the ratios against targets.

Run through Scripts/bench (`make bench`), which installs the tools, builds the release binary
and the libyaml floor, and passes their paths here. Only the standard library is used, so
this runs on the system python3; PyYAML lives in its own venv and is timed as a child.

Every figure is a child process timed from outside with time.perf_counter (sub-millisecond
resolution, unlike GNU time's centiseconds) while /usr/bin/time -v around it reports the
peak resident set. Repetitions of the programs compared in one ratio are interleaved, so a
slow patch of the machine hits both sides rather than one.
"""

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BANKS = (1_000, 10_000, 100_000)
GNU_TIME = "/usr/bin/time"


class BenchError(Exception):
    """A step that failed to run; the benchmark cannot report figures for it."""


# Rounds per bank: the small banks are cheap enough for more, which steadies their medians.
ROUNDS = {1_000: 5, 10_000: 3, 100_000: 3}


def rounds_text(series):
    count = len(series.seconds)
    return f"{count} round" + ("" if count == 1 else "s")


def rounds_for(count):
    """BENCH_REPS_<COUNT> or BENCH_REPS override the rounds, for quicker trial runs."""
    value = os.environ.get(f"BENCH_REPS_{count}", os.environ.get("BENCH_REPS"))
    return max(1, int(value)) if value else ROUNDS[count]


def peak_rss_kb(report_path):
    with open(report_path, encoding="utf-8", errors="replace") as report:
        text = report.read()
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if not match:
        raise BenchError(f"no peak memory in {report_path}:\n{text}")
    return int(match.group(1))


def run(label, argv, scratch, stdin_path=None, env=None):
    """Runs argv once under GNU time; returns (seconds, peak KiB, stdout)."""
    report = os.path.join(scratch, "time-report.txt")
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        done = subprocess.run(
            [GNU_TIME, "-v", "-o", report, *argv],
            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )
        seconds = time.perf_counter() - start
    finally:
        if stdin_path:
            stdin.close()
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace")[-2000:]
        raise BenchError(f"{label}: exit status {done.returncode}\n{shlex.join(argv)}\n{tail}")
    return seconds, peak_rss_kb(report), done.stdout.decode(errors="replace")


class Series:
    """Repeated measurements of one program: median time, highest peak memory."""

    def __init__(self):
        self.seconds = []
        self.rss_kb = []

    def add(self, seconds, rss_kb):
        self.seconds.append(seconds)
        self.rss_kb.append(rss_kb)

    @property
    def time(self):
        return statistics.median(self.seconds)

    @property
    def memory(self):
        return max(self.rss_kb)


def progress(message):
    print(message, file=sys.stderr, flush=True)


def make_banks(root, scratch):
    paths = {}
    for count in BANKS:
        path = os.path.join(scratch, f"bank-{count}.yaml")
        progress(f"== bank of {count} tickets: {path}")
        subprocess.run(
            [sys.executable, os.path.join(root, "Bench", "make_bank.py"), str(count), path],
            check=True,
        )
        paths[count] = path
    return paths


def time_loading(args, banks):
    """validate, the libyaml floor and PyYAML on each bank, interleaved."""
    lesson = os.path.join(args.root, "Lessons", "crm-ticket-monitor.yaml")
    results = {}
    for count, path in banks.items():
        validate, floor, pyyaml = Series(), Series(), Series()
        reps = rounds_for(count)
        for rep in range(reps):
            progress(f"== loading {count} tickets, round {rep + 1} of {reps}")
            seconds, rss, out = run(
                "validate", [args.binary, "validate", lesson, path], args.scratch)
            # A bank validate rejects would time the error path, not the real work.
            if not re.search(r"^0 errors", out, re.MULTILINE):
                raise BenchError(f"validate found errors in {path}:\n{out[-2000:]}")
            validate.add(seconds, rss)
            seconds, rss, _ = run("yaml_floor", [args.floor, path], args.scratch)
            floor.add(seconds, rss)
            seconds, rss, out = run(
                "PyYAML",
                [args.python, os.path.join(args.root, "Bench", "pyyaml_load.py"), path],
                args.scratch,
            )
            if not out.startswith(f"{count} scenarios"):
                raise BenchError(f"PyYAML loaded {out.strip()!r}, not {count} scenarios")
            pyyaml.add(seconds, rss)
        results[count] = {"validate": validate, "floor": floor, "pyyaml": pyyaml,
                          "bytes": os.path.getsize(path)}
    return results


class Tmux:
    """A private tmux server, so start-up is timed without starting a server each time."""

    def __init__(self):
        self.socket = f"ticket-trainer-bench-{os.getpid()}"
        # A session that outlives the measured ones keeps the server up between them.
        self.call("-f", "/dev/null", "new-session", "-d", "-s", "keep", "-x", "100", "-y", "30")

    def call(self, *argv, check=True):
        return subprocess.run(
            ["tmux", "-L", self.socket, *argv], capture_output=True, text=True, check=check)

    def close(self):
        self.call("kill-server", check=False)


def time_startup(tmux, label, argv, prompt, quit_keys, env):
    """Seconds until prompt shows on the pane, and the program's peak memory."""
    folder = tempfile.mkdtemp(prefix="ticket-trainer-bench-")
    try:
        report = os.path.join(folder, "time-report.txt")
        settings = {**env, "HOME": folder, "XDG_STATE_HOME": folder,
                    "TICKET_TRAINER_DATA_DIR": folder, "LC_ALL": "C.UTF-8"}
        command = "exec " + shlex.join(
            ["env", *[f"{key}={value}" for key, value in settings.items()],
             GNU_TIME, "-v", "-o", report, *argv])
        session = f"s{time.monotonic_ns()}"
        start = time.perf_counter()
        tmux.call("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
        while True:
            pane = tmux.call("capture-pane", "-p", "-t", session, check=False)
            if re.search(prompt, pane.stdout, re.MULTILINE):
                seconds = time.perf_counter() - start
                break
            if time.perf_counter() - start > 20:
                raise BenchError(f"{label}: no prompt after 20 s; the pane:\n{pane.stdout}")
        tmux.call("send-keys", "-t", session, *quit_keys, check=False)
        # GNU time writes its report once the program has exited.
        deadline = time.perf_counter() + 10
        while True:
            if os.path.exists(report):
                with open(report, encoding="utf-8", errors="replace") as text:
                    if "Exit status" in text.read():
                        break
            if time.perf_counter() > deadline:
                raise BenchError(f"{label}: did not exit after {quit_keys}")
            time.sleep(0.01)
        tmux.call("kill-session", "-t", session, check=False)
        return seconds, peak_rss_kb(report)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def time_startups(args):
    trainer, sqlite = Series(), Series()
    env = {"TICKET_TRAINER_HOME": args.root}
    tmux = Tmux()
    try:
        reps = int(os.environ.get("BENCH_REPS_STARTUP", "10"))
        progress(f"== start-up on tmux, {reps} rounds")
        for _ in range(reps):
            trainer.add(*time_startup(
                tmux, "ticket-trainer practice",
                [args.binary, "practice", "--in-order"], r"\b(tip|type)>", ["C-d"], env))
            sqlite.add(*time_startup(
                tmux, "sqlite3", ["sqlite3"], r"^sqlite>", ["C-d"], env))
    finally:
        tmux.close()
    return trainer, sqlite


def time_piped_test(args, bank):
    """The final test over a pipe: 1,000 answers of `1,1,1`, the result as JSON."""
    answers = os.path.join(args.scratch, "answers-1000.txt")
    with open(answers, "w", encoding="utf-8") as out:
        out.write("1,1,1\n" * 1000)
    series = Series()
    reps = int(os.environ.get("BENCH_REPS_TEST", "3"))
    for rep in range(reps):
        progress(f"== piped test of 1,000 questions, round {rep + 1} of {reps}")
        folder = tempfile.mkdtemp(prefix="ticket-trainer-bench-")
        try:
            env = {**os.environ, "TICKET_TRAINER_DATA_DIR": folder, "XDG_STATE_HOME": folder,
                   "HOME": folder, "TICKET_TRAINER_HOME": args.root}
            seconds, rss, out = run(
                "ticket-trainer test",
                [args.binary, "test", "--scenarios", bank, "--in-order", "--json"],
                args.scratch, stdin_path=answers, env=env)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        result = json.loads(out)
        # An early stop would make the run look fast; every question must have been asked.
        if not result.get("finished") or len(result.get("questions", [])) != 1000:
            raise BenchError("the piped test did not answer 1,000 questions")
        series.add(seconds, rss)
    return series


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cpu, {platform.machine()}, {model}"


def revision(root):
    """The commit measured; --no-optional-locks keeps git from touching the index."""
    try:
        head = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(
            ["git", "--no-optional-locks", "-C", root, "status", "--porcelain",
             "--untracked-files=no"], capture_output=True, text=True, check=True).stdout
        return head + (" + uncommitted changes" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def seconds_text(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def print_report(args, loading, startups, piped):
    width = 97
    print()
    print("ticket-trainer benchmark".center(width, "="))
    print(f"machine:  {machine()}")
    print(f"revision: {revision(args.root)}")
    print("times are medians, memory the highest peak RSS (GNU time) over the rounds")
    print()
    print(f"{'tickets':>7} {'size':>8} | {'validate':>20} | {'libyaml floor':>20} |"
          f" {'PyYAML CSafeLoader':>20} rounds")
    for count, row in loading.items():
        cells = [f"{seconds_text(row[k].time):>9} {mib(row[k].memory):>10}"
                 for k in ("validate", "floor", "pyyaml")]
        rounds = len(row["validate"].seconds)
        print(f"{count:>7} {row['bytes'] / 1e6:>5.1f} MB | " + " | ".join(cells)
              + f" {rounds}x")
    trainer, sqlite = startups
    print()
    print(f"start-up to the first prompt on tmux ({rounds_text(trainer)}):")
    print(f"  ticket-trainer practice --in-order  {seconds_text(trainer.time):>9}"
          f"  {mib(trainer.memory):>10}")
    print(f"  sqlite3                             {seconds_text(sqlite.time):>9}"
          f"  {mib(sqlite.memory):>10}")
    print(f"piped test, 1,000 questions, --json ({rounds_text(piped)}):")
    print(f"  ticket-trainer test                 {seconds_text(piped.time):>9}"
          f"  {mib(piped.memory):>10}   {1000 / piped.time:,.0f} questions/s")

    big, mid = loading[100_000], loading[10_000]
    checks = [
        ("validate / libyaml floor, 100,000", big["validate"].time / big["floor"].time,
         "<= 2x", lambda r: r <= 2),
        ("PyYAML / validate, 100,000", big["pyyaml"].time / big["validate"].time,
         ">= 3x", lambda r: r >= 3),
        ("validate time growth 10,000 -> 100,000",
         big["validate"].time / mid["validate"].time, "<= 11x", lambda r: r <= 11),
        ("validate memory growth 10,000 -> 100,000",
         big["validate"].memory / mid["validate"].memory, "<= 11x", lambda r: r <= 11),
        ("start-up / sqlite3 start-up", trainer.time / sqlite.time,
         "<= 5x", lambda r: r <= 5),
        ("validate peak memory / file size, 100,000",
         big["validate"].memory * 1024 / big["bytes"], "< 4x", lambda r: r < 4),
    ]
    print()
    print(f"{'measure':<45} {'ratio':>9}   {'target':<8} result")
    print("-" * width)
    misses = 0
    for name, ratio, target, ok in checks:
        passed = ok(ratio)
        misses += not passed
        print(f"{name:<45} {ratio:>8.2f}x   {target:<8} {'PASS' if passed else 'MISS'}")
    print("-" * width)
    # The smaller banks have no targets; their ratios show how overhead changes with size.
    for count in (1_000, 10_000):
        row = loading[count]
        print(f"  {count:>6,} tickets, no target: validate/floor "
              f"{row['validate'].time / row['floor'].time:5.2f}x, PyYAML/validate "
              f"{row['pyyaml'].time / row['validate'].time:5.2f}x, memory/size "
              f"{row['validate'].memory * 1024 / row['bytes']:5.2f}x")
    print(f"{len(checks) - misses} of {len(checks)} targets met")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--scratch", required=True)
    parser.add_argument("--root", required=True)
    args = parser.parse_args()

    started = time.perf_counter()
    try:
        banks = make_banks(args.root, args.scratch)
        loading = time_loading(args, banks)
        startups = time_startups(args)
        piped = time_piped_test(args, banks[1_000])
    except (BenchError, subprocess.CalledProcessError, OSError, ValueError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    print_report(args, loading, startups, piped)
    progress(f"== measured in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
