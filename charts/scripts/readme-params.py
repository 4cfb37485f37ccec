#!/usr/bin/env python3
"""Rewrites the "## Parameters" section of the chart README from the "## @section" and "## @param" lines of
values.yaml, the way Bitnami's readme-generator does, so the table never drifts from the values.
Usage: charts/scripts/readme-params.py [charts/romeo-juliet]"""
import json
import re
import sys
from pathlib import Path

import yaml

chart = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "romeo-juliet")
values_text = (chart / "values.yaml").read_text()
values = yaml.safe_load(values_text)


def default(key):
    node = values
    for part in key.split("."):
        node = node[part]
    if node == "":
        return '""'
    if node is None:
        return "null"
    if isinstance(node, bool):
        return str(node).lower()
    if isinstance(node, (dict, list)):
        return json.dumps(node, separators=(", ", ": "))
    return str(node)


lines = ["## Parameters", ""]
for line in values_text.splitlines():
    section = re.match(r"^## @section (.+)$", line)
    param = re.match(r"^\s*## @param (\S+) (.+)$", line)
    if section:
        lines += ["", f"### {section.group(1)}", "", "| Name | Description | Default |", "| --- | --- | --- |"]
    elif param:
        lines.append(f"| `{param.group(1)}` | {param.group(2)} | `{default(param.group(1))}` |")
readme = chart / "README.md"
text = readme.read_text()
head = text[: text.index("## Parameters")]
readme.write_text(head + "\n".join(lines).replace("## Parameters\n\n\n", "## Parameters\n\n") + "\n")
