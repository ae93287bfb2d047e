#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go, by owner: each execution sample is charged to its first frame outside the
JDK (java.*, jdk.*, sun.*, javax.*, com.sun.*), grouped by package prefix and by class. Pair with a recording made by
bench/compare.sh, e.g.

  EXTRA_OPTS='-XX:StartFlightRecording=filename=/tmp/rec.jfr,settings=profile,delay=100s,duration=18s' \\
    WARM=90s bench/compare.sh target/connection-token-service-*.jar
  jfr print --events jdk.ExecutionSample --stack-depth 300 /tmp/rec.jfr | python3 bench/jfr-owners.py

Needs only python3 and the JDK's jfr tool.
"""
import collections
import re
import sys

JDK = re.compile(r"^(java\.|jdk\.|sun\.|javax\.|com\.sun\.)")
FRAME = re.compile(r"^[\w$.]+\.[\w$<>]+\(")


def owner(stack):
    frame = next((f for f in stack if not JDK.match(f)), stack[-1])
    parts = frame.split(".")
    depth = 4 if parts[0] in ("org", "com", "io") else 3
    return ".".join(parts[:depth]), frame.rsplit(".", 1)[0]


def main():
    packages, classes, total, stack = collections.Counter(), collections.Counter(), 0, None
    for line in sys.stdin:
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            stack = []
        elif stack is not None and FRAME.match(line):
            stack.append(line.split("(")[0])
        elif stack is not None and line == "}":
            if stack:
                total += 1
                package, cls = owner(stack)
                packages[package] += 1
                classes[cls] += 1
            stack = None
    if not total:
        sys.exit("no jdk.ExecutionSample events on stdin")
    print(f"{total} samples\n\nby package:")
    for name, count in packages.most_common(30):
        print(f"  {name:60s} {100 * count / total:5.1f} %")
    print("\nby class:")
    for name, count in classes.most_common(40):
        print(f"  {name:90s} {100 * count / total:5.1f} %")


if __name__ == "__main__":
    main()
