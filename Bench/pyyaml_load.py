#!/usr/bin/env python3
"""Loads a YAML file with PyYAML's libyaml-backed loader: the comparison for validate.

usage: pyyaml_load.py FILE.yaml    prints the number of scenarios loaded.
"""

import sys

import yaml

# The pure-Python loader is far slower; comparing against it would flatter validate.
if not getattr(yaml, "__with_libyaml__", False):
    sys.exit("PyYAML was built without libyaml; CSafeLoader is missing")

with open(sys.argv[1], "rb") as file:
    document = yaml.load(file, Loader=yaml.CSafeLoader)
print(len(document.get("scenarios", [])), "scenarios")
