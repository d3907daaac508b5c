#!/usr/bin/env python
"""Test every notebook as `nbdev_test` does, each in a fresh process, and end with the line `N passed, N failed`.

Each notebook's process is forked from a server that has already imported the heavy libraries (PyTorch, timm, ...):
a notebook starts with nothing left over from another, and does not pay 5-20 s of imports again."""
import argparse, json, multiprocessing as mp, os, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

def notebooks(path):
    "The notebooks `nbdev_test` would run: `path` itself if it is one, else those under it but none whose name or folder starts with `_` or `.`."
    if Path(path).suffix == '.ipynb': return [Path(path)]
    return sorted(p for p in Path(path).rglob('*.ipynb') if not any(s.startswith(('_', '.')) for s in p.parts))

TIMES = Path(__file__).with_name('nbtest_times.json')  # seconds each notebook took in a recorded run (`--record`)

TESTS = ('test_eq', 'test_close', 'test_fail', 'test_ne', 'assert ')

def code_sources(nb) -> list:
    "The sources of the notebook's code cells."
    return [''.join(c['source']) for c in json.loads(Path(nb).read_text())['cells'] if c['cell_type'] == 'code']

def has_tests(nb) -> bool:
    "Whether the notebook has a test outside its slow cells (an explanation's studies are all slow: its imports run in `make docs-check`)."
    for src in code_sources(nb):
        if '#| slow' in src or '#| eval: false' in src: continue
        if any(t in l for l in src.splitlines() if not l.startswith(('from ', 'import ')) for t in TESTS): return True
    return False

def flagged(nb, flags:list) -> bool:
    "Whether the notebook has a cell tagged with one of `flags` (`#| slow`, `#| system`)."
    return any(f'#| {f}' in src for src in code_sources(nb) for f in flags)

def longest_first(nbs, times:dict) -> list:
    "The notebooks in the order that ends soonest on a few workers: the longest known first (unknown ones count as long)."
    return sorted(nbs, key=lambda nb: -times.get(nb.as_posix(), float('inf')))

PRELOAD = ['numpy', 'pandas', 'PIL.Image', 'torch', 'torchvision', 'timm', 'faiss', 'cv2', 'onnxruntime', 'sklearn.linear_model',
           'scipy.stats', 'IPython', 'execnb.shell', 'nbdev.test']  # third-party only (none that starts threads or picks a plotting backend on import)

def _test(nb:str, flags:str, conn):
    "In the forked process: test `nb` as `nbdev_test` does, its output (file descriptors 1 and 2) kept; send (ok, output)."
    from nbdev.config import get_config
    from nbdev.test import test_nb
    mp.set_start_method('fork', force=True)  # the notebook's own process pools start as under `nbdev_test` (a forked child inherits 'forkserver')
    with tempfile.TemporaryFile() as log:
        os.dup2(log.fileno(), 1); os.dup2(log.fileno(), 2)
        cfg = get_config()
        try: ok = test_nb(Path(nb), skip_flags=cfg.tst_flags.split(), force_flags=flags.split(), basepath=cfg.config_path)[0]
        except BaseException as e: ok = False; print(f'{type(e).__name__}: {e}', file=sys.stderr)
        sys.stdout.flush(); sys.stderr.flush(); log.seek(0)
        conn.send((ok, log.read().decode(errors='replace')))

def run(nb, flags, ctx):
    "Test one notebook in a process forked by `ctx`'s server; return (notebook, ok, seconds, output)."
    t, (mine, theirs) = time.time(), ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_test, args=(str(nb.absolute()), flags, theirs)); proc.start(); theirs.close()
    try: ok, out = mine.recv()
    except EOFError: ok, out = False, ''
    proc.join()
    if proc.exitcode: ok, out = False, out + f'\nthe process testing {nb} ended with exit code {proc.exitcode}'
    return nb, ok, time.time() - t, out

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--path', default='nbs', help='notebook folder, or one notebook')
    p.add_argument('--flags', default='', help='tst_flags to run too, e.g. "slow"')
    p.add_argument('--flagged', action='store_true', help='only the notebooks with a cell tagged with one of --flags')
    p.add_argument('--workers', type=int, default=min(2, os.cpu_count() or 1))
    p.add_argument('--record', action='store_true', help=f'write the times of this run to {TIMES.name}, for the order of later runs')
    a = p.parse_args()
    nbs = notebooks(a.path)
    if a.flagged: nbs = [nb for nb in nbs if flagged(nb, a.flags.split())]
    if not nbs: sys.exit(f'no notebooks found under {a.path}' + (f' with a cell tagged {a.flags}' if a.flagged else ''))
    untested = [] if a.flags else [nb for nb in nbs if 'explanations' in nb.parts and not has_tests(nb)]
    nbs = longest_first([nb for nb in nbs if nb not in untested], json.loads(TIMES.read_text()) if TIMES.exists() else {})
    t0 = time.time()
    threads = max(1, (os.cpu_count() or 1)//a.workers)  # more would only spin while the other notebooks hold the cores
    os.environ.setdefault('OMP_NUM_THREADS', str(threads))  # read by the server's PyTorch as it is imported
    ctx = mp.get_context('forkserver'); ctx.set_forkserver_preload(PRELOAD)
    with ThreadPoolExecutor(a.workers) as ex: res = list(ex.map(lambda nb: run(nb, a.flags, ctx), nbs))
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
