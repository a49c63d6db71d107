"""Prints the slowest tests of a TRX file (or of every TRX file under a folder), with their seconds.

Usage: python3 .ci/slowest.py RESULTS [N]   (N defaults to 15)
"""
import glob, os, sys, xml.etree.ElementTree as ET


def seconds(duration):
    # TRX durations are "hh:mm:ss.fffffff".
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main():
    where = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    paths = [where] if os.path.isfile(where) else glob.glob(os.path.join(where, "**", "*.trx"), recursive=True)
    rows = []
    for path in paths:
        for r in ET.parse(path).getroot().findall(".//{*}UnitTestResult"):
            if r.get("duration"):
                rows.append((seconds(r.get("duration")), r.get("outcome", "?"), r.get("testName", "?")))
    rows.sort(reverse=True)
    total = sum(t for t, _, _ in rows)
    print(f"slowest {min(count, len(rows))} of {len(rows)} tests (sum of all test times {total:.0f} s; tests run in parallel):")
    for t, outcome, name in rows[:count]:
        print(f"{t:8.1f} s  {outcome:<10} {name}")


if __name__ == "__main__":
    main()
