#!/usr/bin/env python
"List the notebooks' sizes and every cell whose outputs together are over the limit; exit 1 if any is."
import argparse, json, sys
from pathlib import Path

def notebooks(path):
    "`path` if it is a notebook, else the notebooks under it (not in hidden folders such as .ipynb_checkpoints)."
    p = Path(path)
    return [p] if p.is_file() else sorted(f for f in p.rglob('*.ipynb') if not any(s.startswith('.') for s in f.relative_to(p).parts))

def output_sizes(nb):
    "(cell index, bytes of its outputs' JSON, their mime types, first line of code) for each cell of `nb` with outputs."
    for i, c in enumerate(json.loads(Path(nb).read_text())['cells']):
        if not (outs := c.get('outputs')): continue
        line = next((l.strip() for l in c['source'] if l.strip() and not l.startswith('#|')), '')
        kinds = sorted({k for o in outs for k in (o.get('data') or {o['output_type']: 0})})
        yield i, sum(len(json.dumps(o, ensure_ascii=False).encode()) for o in outs), kinds, line

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('path', nargs='?', default='nbs', help='a notebook or a folder of notebooks')
    p.add_argument('--limit', type=float, default=100, help="largest allowed cell output (all of a cell's outputs), in KB (1 KB = 1,000 bytes)")
    a = p.parse_args()
    nbs, limit, over, total = notebooks(a.path), a.limit*1000, 0, 0
    if not nbs: sys.exit(f'no notebooks found under {a.path}')
    for nb in nbs:
        for i, n, kinds, line in output_sizes(nb):
            if n > limit:
                over += 1
                print(f'{nb} cell {i}: {n/1000:,.0f} KB of outputs ({", ".join(kinds)})  {line[:60]}')
    for nb in nbs:
        total += nb.stat().st_size
        print(f'{nb.stat().st_size/1000:>9,.0f} KB  {nb}')
    print(f'{total/1000:>9,.0f} KB  total of {len(nbs)} notebooks; {over} cells with outputs over {a.limit:g} KB')
    sys.exit(1 if over else 0)

if __name__ == '__main__': main()
