#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn what the rig's VM wrote on its result port into counted results.

The guest frames everything between RIG-BEGIN/RIG-END markers (see
scripts/guest/runner.sh). This reads those frames and prints one line per
result, "PASS name", "FAIL name" or "SKIP name", each failure followed by
indented detail lines. KUnit output is parsed by the kernel tree's own
kunit.py; end-to-end output is TAP; every kernel log is scanned for the
reports that mean a bug (KASAN, UBSAN, lockdep, WARNING, BUG, ...).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# Kernel log lines that mean a bug, whatever the test printed.
BAD_LOG = re.compile(
    r"BUG: |WARNING: |KASAN|UBSAN|kernel BUG|Oops|general protection fault|"
    r"Kernel panic|possible circular locking|possible recursive locking|"
    r"inconsistent lock state|suspicious RCU usage|DEBUG_LOCKS_WARN_ON|"
    r"lockdep|INFO: task .* blocked for more than|soft lockup|hard LOCKUP|"
    r"ref_tracker|refcount_t: |ODEBUG: |list_add corruption|"
    r"list_del corruption|kmemleak: .*new suspected|Call Trace:")

# printk's prefix: the time, then (CONFIG_PRINTK_CALLER) the task or CPU
# that printed the line, so lines of two CPUs can be told apart.
LOG_PREFIX = re.compile(r"^\[\s*[0-9.]+\](?:\[\s*([TC][0-9]+)\])?\s?")
# A WARN-style report runs from "cut here" to "end trace".
REPORT_START = re.compile(r"-+\[ cut here \]-+")
REPORT_END = re.compile(r"---\[ end trace [0-9a-f]+ \]---")
# What a test declares with "# rig-allow-log: REGEX" (scripts/guest/runner.sh
# puts each at the head of the test's kernel log frame).
ALLOW_TAG = "RIG-ALLOW-LOG "

TAP_LINE = re.compile(r"^(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?(.*)$")
TAP_PLAN = re.compile(r"^1\.\.(\d+)")


class Results:
    def __init__(self):
        self.rows = []

    def add(self, status, name, detail=()):
        # A list is kept by reference: the TAP parser fills it afterwards.
        if not isinstance(detail, list):
            detail = list(detail)
        self.rows.append((status, name, detail))

    def emit(self, out):
        for status, name, detail in self.rows:
            out.write(f"{status} {name}\n")
            for line in detail[:60]:
                out.write(f"    {line}\n")
            if len(detail) > 60:
                out.write(f"    ... {len(detail) - 60} more lines\n")


def excused_lines(lines, allow):
    """Indexes of the lines of the reports a test declared as expected.

    A report is a "cut here" ... "end trace" block of one task or CPU
    (lines another CPU printed in between are not part of it). It is
    excused when a regular expression of @allow matches its headline: the
    lines from "cut here" to the first one that names the report
    ("WARNING: ... at FILE:LINE FUNCTION", or a WARN() message before it).
    A block without its end is never excused.
    """
    excused = set()
    if not allow:
        return excused
    open_reports = {}
    for i, line in enumerate(lines):
        m = LOG_PREFIX.match(line)
        who = m.group(1) if m else None
        text = line[m.end():] if m else line
        if REPORT_START.search(text):
            open_reports[who] = {"lines": [i], "head": [], "named": False}
            continue
        rep = open_reports.get(who)
        if rep is None:
            continue
        rep["lines"].append(i)
        if not rep["named"]:
            rep["head"].append(text)
            rep["named"] = bool(BAD_LOG.search(text))
        if REPORT_END.search(text):
            del open_reports[who]
            if any(r.search(h) for r in allow for h in rep["head"]):
                excused.update(rep["lines"])
    return excused


def bad_log_lines(lines, allow=()):
    """The offending lines, with a few lines of context after each; the
    reports matched by @allow (compiled regular expressions) are left out.
    """
    hits = []
    excused = excused_lines(lines, allow)
    for i, line in enumerate(lines):
        if i in excused:
            continue
        if BAD_LOG.search(line):
            hits.extend(lines[i:i + 4])
            if len(hits) > 40:
                break
    return hits


def read_frames(path):
    """Yield (kind, name, rc, lines) for every frame; rc None if unfinished."""
    frames = []
    cur = None
    done = False
    with open(path, errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if line.startswith("RIG-BEGIN "):
                if cur:
                    frames.append(cur)
                parts = line.split()
                cur = {"kind": parts[1],
                       "name": parts[2] if len(parts) > 2 else "",
                       "rc": None, "lines": []}
            elif line.startswith("RIG-END ") and cur:
                m = re.search(r"rc=(\d+)", line)
                cur["rc"] = int(m.group(1)) if m else 0
                frames.append(cur)
                cur = None
            elif line.startswith("RIG-DONE"):
                done = True
            elif cur:
                cur["lines"].append(line)
    if cur:
        frames.append(cur)
    return frames, done


def parse_kunit(frame, kunit_py, res):
    name = f"kunit:{frame['name']}"
    if frame["rc"] is None:
        res.add("FAIL", f"{name}: did not finish (guest died or hung)",
                frame["lines"][-20:])
        return
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "kunit.log")
        out = os.path.join(tmp, "kunit.json")
        with open(log, "w") as f:
            f.write("\n".join(frame["lines"]) + "\n")
        p = subprocess.run([sys.executable, kunit_py, "parse",
                            f"--json={out}", log], capture_output=True,
                           text=True)
        cases = []
        try:
            with open(out) as f:
                walk_kunit(json.load(f), [], cases)
        except (OSError, ValueError):
            pass
    if frame["rc"] != 0:
        res.add("FAIL", f"{name}: module failed to load (rc={frame['rc']})",
                frame["lines"][-20:])
    if not cases:
        res.add("FAIL", f"{name}: no KUnit results in its output",
                (p.stdout + p.stderr).splitlines()[-20:])
        return
    failed = False
    for path, status in cases:
        if status == "PASS":
            res.add("PASS", f"{name}: {path}")
        elif status == "SKIP":
            res.add("SKIP", f"{name}: {path}")
        else:
            failed = True
            res.add("FAIL", f"{name}: {path} ({status})",
                    kunit_failure_lines(frame["lines"], path))
    if p.returncode != 0 and not failed:
        res.add("FAIL", f"{name}: kunit.py reports a failure",
                p.stdout.splitlines()[-20:])
    hits = bad_log_lines(frame["lines"])
    if hits:
        res.add("FAIL", f"{name}: kernel log has a bug report", hits)


def walk_kunit(group, prefix, out):
    here = prefix + ([group["name"]] if group["name"] != "KUnit Test Group"
                     else [])
    for case in group.get("test_cases", []):
        out.append((".".join(here + [case["name"]]), case["status"]))
    for sub in group.get("sub_groups", []):
        walk_kunit(sub, here, out)


def kunit_failure_lines(lines, path):
    case = path.split(".")[-1]
    keep = [l for l in lines if "Expected" in l or "ASSERTION" in l
            or "EXPECTATION" in l or case in l]
    return keep[:20]


def parse_tap(frame, res):
    name = f"e2e:{frame['name']}"
    plan = None
    seen = 0
    last_detail = None
    for line in frame["lines"]:
        m = TAP_PLAN.match(line)
        if m and plan is None:
            plan = int(m.group(1))
            continue
        m = TAP_LINE.match(line)
        if m:
            seen += 1
            desc = m.group(3).strip()
            if m.group(1) == "ok":
                status = "SKIP" if "# SKIP" in desc else "PASS"
                res.add(status, f"{name}: {desc}")
                last_detail = None
            else:
                last_detail = []
                res.add("FAIL", f"{name}: {desc}", last_detail)
        elif line.startswith("#") and last_detail is not None:
            last_detail.append(line[1:].strip())
    if frame["rc"] is None:
        res.add("FAIL", f"{name}: did not finish (guest died or hung)",
                frame["lines"][-20:])
    elif frame["rc"] in (124, 137):
        res.add("FAIL", f"{name}: timed out (killed after the per-test limit)",
                frame["lines"][-10:])
    if plan is None:
        res.add("FAIL", f"{name}: printed no TAP plan", frame["lines"][-10:])
    elif seen != plan:
        res.add("FAIL", f"{name}: planned {plan} results, printed {seen}",
                frame["lines"][-10:])


def split_allow(frame, res):
    """The log lines of a frame, and the declared reports as regexes."""
    lines, allow = [], []
    for line in frame["lines"]:
        if not line.startswith(ALLOW_TAG):
            lines.append(line)
            continue
        try:
            allow.append(re.compile(line[len(ALLOW_TAG):]))
        except re.error as e:
            res.add("FAIL", f"{frame['name']}: bad rig-allow-log pattern",
                    [line[len(ALLOW_TAG):], str(e)])
    return lines, allow


def attach_log(frame, res):
    """A dirty kernel log fails the test it belongs to, unless every report
    in it is one the test declared (rig-allow-log)."""
    lines, allow = split_allow(frame, res)
    hits = bad_log_lines(lines, allow)
    if hits:
        res.add("FAIL", f"{frame['name']}: kernel log has a bug report",
                hits)


def parse_kmemleak(frame, res):
    leaks = [l for l in frame["lines"] if l.startswith("unreferenced object")]
    if frame["rc"] is None:
        res.add("FAIL", "kmemleak: scan did not finish")
    elif leaks:
        res.add("FAIL", f"kmemleak: {len(leaks)} leaked object(s)",
                frame["lines"][:40])
    else:
        res.add("PASS", "kmemleak: no leaks")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", help="the VM's result-port capture")
    ap.add_argument("--kunit-py", required=True, help="tools/testing/kunit/kunit.py")
    ap.add_argument("--console", help="console log, quoted when the VM died")
    ap.add_argument("--vm-status", default="ok",
                    help="what the VM runner saw: ok, timeout or crashed")
    args = ap.parse_args()

    res = Results()
    frames, done = ([], False)
    if os.path.exists(args.results):
        frames, done = read_frames(args.results)
    for fr in frames:
        if fr["kind"] == "kunit":
            parse_kunit(fr, args.kunit_py, res)
        elif fr["kind"] == "e2e":
            parse_tap(fr, res)
        elif fr["kind"] == "dmesg":
            attach_log(fr, res)
        elif fr["kind"] == "kmemleak":
            parse_kmemleak(fr, res)
    if not done:
        tail = []
        if args.console and os.path.exists(args.console):
            with open(args.console, errors="replace") as f:
                tail = f.read().splitlines()[-25:]
        why = {"timeout": "hung: killed at the rig's time limit",
               "crashed": "QEMU failed"}.get(args.vm_status,
                                            "guest stopped before finishing")
        res.add("FAIL", f"vm: {why}", tail)
    res.emit(sys.stdout)


if __name__ == "__main__":
    main()
