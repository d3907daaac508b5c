#!/usr/bin/env python
"""Import time of a module for the working tree against a git revision, in fresh processes (same run, same machine).
Usage: python tools/importtime.py REV [--module logo_similarity.index] [--runs 7]"""
import argparse, statistics, subprocess, sys, tempfile
from pathlib import Path

CODE = """import sys; sys.meta_path = [f for f in sys.meta_path if 'Editable' not in getattr(f, '__name__', type(f).__name__)]
sys.path.insert(0, {path!r}); import time; t = time.perf_counter(); import {module} as m
print(time.perf_counter() - t, m.__file__, sorted(x for x in ('torch', 'timm', 'matplotlib.pyplot') if x in sys.modules))"""

def measure(path, module, runs):
    "Median seconds to import `module` from the tree at `path` (the editable install's finder removed), and the heavy modules it loaded."
    out = [subprocess.run([sys.executable, '-c', CODE.format(path=str(path), module=module)], capture_output=True, text=True, check=True).stdout.split(' ', 2)
           for _ in range(runs)]
    assert out[0][1].startswith(str(path)), f'imported {out[0][1]}, not from {path}'
    return statistics.median(float(o[0]) for o in out), out[0][2].strip()

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('rev', help='git revision to compare with, e.g. HEAD~3')
    p.add_argument('--module', default='logo_similarity.index'); p.add_argument('--runs', type=int, default=7)
    a = p.parse_args()
    root = Path(subprocess.run(['git', 'rev-parse', '--show-toplevel'], capture_output=True, text=True, check=True).stdout.strip())
    with tempfile.TemporaryDirectory() as t:
        subprocess.run(['git', 'worktree', 'add', '-q', '--detach', t, a.rev], check=True, cwd=root)
        try:
            rows = [(a.rev, *measure(t, a.module, a.runs)), ('working tree', *measure(root, a.module, a.runs))]
        finally: subprocess.run(['git', 'worktree', 'remove', '--force', t], cwd=root)
    for name, secs, heavy in rows: print(f'{name:>14}: import {a.module} {secs:.2f} s (median of {a.runs}); loads {heavy}')
    print(f'ratio: {rows[0][1]/rows[1][1]:.1f}x')

if __name__ == '__main__': main()
