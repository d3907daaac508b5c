#!/usr/bin/env python
"Run `nbdev_test` on every notebook, one process each, and end with the line `N passed, N failed`."
import argparse, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

def notebooks(path):
    "The notebooks `nbdev_test` would run: none whose name or folder starts with `_` or `.`."
    return sorted(p for p in Path(path).rglob('*.ipynb') if not any(s.startswith(('_', '.')) for s in p.parts))

def run(nb, flags):
    "Test one notebook; return (notebook, ok, seconds, output)."
    exe = Path(sys.executable).with_name('nbdev_test')
    cmd = [str(exe), '--path', str(nb), '--n_workers', '0'] + (['--flags', flags] if flags else [])
    t = time.time()
    r = subprocess.run(cmd, capture_output=True, text=True)
    return nb, r.returncode == 0, time.time() - t, r.stdout + r.stderr

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--path', default='nbs', help='notebook folder')
    p.add_argument('--flags', default='', help='tst_flags to run too, e.g. "slow"')
    p.add_argument('--workers', type=int, default=min(2, os.cpu_count() or 1))
    a = p.parse_args()
    nbs = notebooks(a.path)
    if not nbs: sys.exit(f'no notebooks found under {a.path}')
    with ThreadPoolExecutor(a.workers) as ex: res = list(ex.map(lambda nb: run(nb, a.flags), nbs))
    for nb, ok, secs, out in res:
        print(f"{'PASS' if ok else 'FAIL'} {nb} ({secs:.0f}s)")
        if not ok: print(out.rstrip()[-20000:])
    n_ok = sum(ok for _, ok, _, _ in res)
    print(f'{n_ok} passed, {len(res) - n_ok} failed')
    sys.exit(0 if n_ok == len(res) else 1)

if __name__ == '__main__': main()
