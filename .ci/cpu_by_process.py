"""Runs a command and prints where its CPU time went, by process: the test host, each tool it started (movierec
notebooks run, kernels, fits, ...), Chromium, Python, dotnet restore. A TRX file's test times hide this: fixtures are
not a test's time, and child processes are not the test host's.

Usage: python3 .ci/cpu_by_process.py [--top N] -- COMMAND [ARGS...]
Linux only: it reads /proc every 0.3 s and counts every process started after it, so run it on an otherwise idle
machine (a process that lives less than 0.3 s may be missed; its CPU time is small).
"""
import collections, os, re, subprocess, sys, threading, time

TICK = os.sysconf("SC_CLK_TCK")


def sample(seen, stop):
    """Keeps, for every process that started after us, its command line and latest user + system CPU seconds."""
    while not stop.is_set():
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    stat = f.read()
                fields = stat[stat.rfind(")") + 2:].split()
                key = (pid, fields[19])  # pid and start time: a reused pid is another process
                cpu = (int(fields[11]) + int(fields[12])) / TICK
                if key in seen:
                    seen[key][1] = cpu
                    continue
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    command = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
                seen[key] = [command, cpu, int(fields[19])]
            except (OSError, IndexError, ValueError):
                pass  # gone between listing and reading
        stop.wait(0.3)


def group(command):
    """A readable name for a process: the movierec subcommand, the test host, Chromium, ..."""
    if "movierec.dll" in command:
        words = command.split("movierec.dll", 1)[1].split()
        sub = words[:2] if words[:1] in (["notebooks"], ["kernel"], ["data"]) else words[:1]
        return "movierec " + " ".join(w for w in sub if not w.startswith("-"))
    if "testhost" in command:
        return "test host"
    if "chrom" in command:
        return "chromium"
    if "python" in command:
        script = next((w for w in command.split()[1:] if not w.startswith("-")), "")
        return "python " + os.path.basename(script)
    if "MSBuild.dll" in command or re.search(r"\brestore\b", command):
        return "dotnet restore / msbuild"
    if "dotnet" in command:
        return "dotnet " + " ".join(command.split()[1:2])
    return os.path.basename(command.split(" ")[0]) or "(no command line)"


def main():
    args = sys.argv[1:]
    top = 20
    if args[:1] == ["--top"]:
        top, args = int(args[1]), args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    with open("/proc/self/stat") as f:
        stat = f.read()
    since = int(stat[stat.rfind(")") + 2:].split()[19])
    seen, stop = {}, threading.Event()
    thread = threading.Thread(target=sample, args=(seen, stop), daemon=True)
    thread.start()
    started = time.monotonic()
    code = subprocess.call(args)
    stop.set()
    thread.join()
    wall = time.monotonic() - started
    groups = collections.defaultdict(lambda: [0, 0.0])
    for command, cpu, start in seen.values():
        if start < since or "cpu_by_process.py" in command:
            continue
        g = groups[group(command)]
        g[0] += 1
        g[1] += cpu
    total = sum(cpu for _, cpu in groups.values())
    print(f"CPU by process: {total:.0f} CPU-s in {wall:.0f} s wall ({total / wall:.1f} cores busy on average)")
    for name, (count, cpu) in sorted(groups.items(), key=lambda item: -item[1][1])[:top]:
        print(f"{cpu:8.1f} s {100 * cpu / max(total, 1e-9):5.1f}%  {count:4d} x  {name}")
    sys.exit(code)


if __name__ == "__main__":
    main()
