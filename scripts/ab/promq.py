#!/usr/bin/env python3
"""Reads make ab's Prometheus over its HTTP API; prints tab-separated lines for ab.sh.

  promq.py URL up                                   targets up
  promq.py URL value QUERY [TIME]                   version<TAB>value per series, now or at TIME (epoch s)
  promq.py URL alerts                               name<TAB>version<TAB>state<TAB>fired_at (epoch s; '-' while pending)
  promq.py URL range QUERY START END STEP V1 V2     time<TAB>V1's value<TAB>V2's value, '?' where a series has none
"""
import json
from datetime import datetime
import math
import sys
import urllib.parse
import urllib.request


def api(base, path, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as answer:
        body = json.load(answer)
    if body.get("status") != "success":
        sys.exit("Prometheus refused %s: %s" % (url, body.get("error")))
    return body["data"]


def number(text):
    value = float(text)
    return "?" if math.isnan(value) or math.isinf(value) else "%g" % value


def main(base, command, *args):
    if command == "up":
        print(sum(1 for target in api(base, "/api/v1/targets")["activeTargets"] if target["health"] == "up"))
    elif command == "value":
        params = {"query": args[0]}
        if len(args) > 1:
            params["time"] = args[1]
        for series in api(base, "/api/v1/query", **params)["result"]:
            print("%s\t%s" % (series["metric"].get("version", "-"), number(series["value"][1])))
    elif command == "alerts":
        # Fired when active for the rule's `for:`, as Prometheus fires it (activeAt + for).
        for group in api(base, "/api/v1/rules", type="alert")["groups"]:
            for rule in group["rules"]:
                for alert in rule.get("alerts", []):
                    fired = "-"
                    if alert["state"] == "firing":
                        active = alert["activeAt"].replace("Z", "+00:00")
                        fired = "%.3f" % (datetime.fromisoformat(trim_nanos(active)).timestamp() + rule["duration"])
                    print("%s\t%s\t%s\t%s" % (rule["name"], alert["labels"].get("version", "-"), alert["state"], fired))
    elif command == "range":
        query, start, end, step, first, second = args
        rows = {}
        for series in api(base, "/api/v1/query_range", query=query, start=start, end=end, step=step)["result"]:
            column = {first: 0, second: 1}.get(series["metric"].get("version"))
            if column is None:
                continue
            for stamp, value in series["values"]:
                rows.setdefault(float(stamp), ["?", "?"])[column] = number(value)
        for stamp in sorted(rows):
            print("%.3f\t%s\t%s" % (stamp - float(start), rows[stamp][0], rows[stamp][1]))
    else:
        sys.exit(__doc__)


def trim_nanos(stamp):
    """Python before 3.11 reads at most six digits of a second's fraction; Prometheus writes nine."""
    if "." not in stamp:
        return stamp
    whole, rest = stamp.split(".", 1)
    digits = "".join(c for c in rest if c.isdigit())
    return whole + "." + digits[:6] + rest[len(digits):]


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
