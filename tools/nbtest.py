#!/usr/bin/env python
"Run `nbdev_test` on every notebook, one process each, and end with the line `N passed, N failed`."
import argparse, json, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

def notebooks(path):
    "The notebooks `nbdev_test` would run: none whose name or folder starts with `_` or `.`."
    return sorted(p for p in Path(path).rglob('*.ipynb') if not any(s.startswith(('_', '.')) for s in p.parts))

TIMES = Path(__file__).with_name('nbtest_times.json')  # seconds each notebook took in a recorded run (`--record`)

TESTS = ('test_eq', 'test_close', 'test_fail', 'test_ne', 'assert ')

def has_tests(nb) -> bool:
    "Whether the notebook has a test outside its slow cells (an explanation's studies are all slow: its imports run in `make docs-check`)."
    for c in json.loads(Path(nb).read_text())['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] != 'code' or '#| slow' in src or '#| eval: false' in src: continue
        if any(t in l for l in src.splitlines() if not l.startswith(('from ', 'import ')) for t in TESTS): return True
    return False

def longest_first(nbs, times:dict) -> list:
    "The notebooks in the order that ends soonest on a few workers: the longest known first (unknown ones count as long)."
    return sorted(nbs, key=lambda nb: -times.get(nb.as_posix(), float('inf')))

def run(nb, flags, threads:int|None=None):
    "Test one notebook (its OpenMP threads capped at `threads`); return (notebook, ok, seconds, output)."
    exe = Path(sys.executable).with_name('nbdev_test')
    cmd = [str(exe), '--path', str(nb), '--n_workers', '0'] + (['--flags', flags] if flags else [])
    t = time.time()
    env = {**os.environ, **({'OMP_NUM_THREADS': str(threads)} if threads and 'OMP_NUM_THREADS' not in os.environ else {})}
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return nb, r.returncode == 0, time.time() - t, r.stdout + r.stderr

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--path', default='nbs', help='notebook folder')
    p.add_argument('--flags', default='', help='tst_flags to run too, e.g. "slow"')
    p.add_argument('--workers', type=int, default=min(2, os.cpu_count() or 1))
    p.add_argument('--record', action='store_true', help=f'write the times of this run to {TIMES.name}, for the order of later runs')
    a = p.parse_args()
    nbs = notebooks(a.path)
    if not nbs: sys.exit(f'no notebooks found under {a.path}')
    untested = [] if a.flags else [nb for nb in nbs if 'explanations' in nb.parts and not has_tests(nb)]
    nbs = longest_first([nb for nb in nbs if nb not in untested], json.loads(TIMES.read_text()) if TIMES.exists() else {})
    t0 = time.time()
    threads = max(1, (os.cpu_count() or 1)//a.workers)  # more would only spin while the other notebooks hold the cores
    with ThreadPoolExecutor(a.workers) as ex: res = list(ex.map(lambda nb: run(nb, a.flags, threads), nbs))
    wall = time.time() - t0
    if a.record: TIMES.write_text(json.dumps({nb.as_posix(): round(secs) for nb, _, secs, _ in res}, indent=1, sort_keys=True) + '\n')
    for nb in untested: print(f'SKIP {nb} (no test outside slow cells; its imports run in make docs-check)')
    for nb, ok, secs, out in sorted(res, key=lambda r: str(r[0])):
        print(f"{'PASS' if ok else 'FAIL'} {nb} ({secs:.0f}s)")
        if not ok: print(out.rstrip()[-20000:])
    n_ok = sum(ok for _, ok, _, _ in res)
    print(f'{len(res)} notebooks in {wall:.0f} s on {a.workers} workers')
    print(f'{n_ok} passed, {len(res) - n_ok} failed')
    sys.exit(0 if n_ok == len(res) else 1)

if __name__ == '__main__': main()
