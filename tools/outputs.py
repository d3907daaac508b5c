#!/usr/bin/env python
"List the notebooks' sizes and every cell output over the limit; exit 1 if any output is over it."
import argparse, json, sys
from pathlib import Path

def notebooks(path):
    "`path` if it is a notebook, else the notebooks under it (not in hidden folders such as .ipynb_checkpoints)."
    p = Path(path)
    return [p] if p.is_file() else sorted(f for f in p.rglob('*.ipynb') if not any(s.startswith('.') for s in f.relative_to(p).parts))

def output_sizes(nb):
    "(cell index, output index, bytes of the output's JSON, mime types, first line of code) for each output of `nb`."
    for i, c in enumerate(json.loads(Path(nb).read_text())['cells']):
        line = next((l.strip() for l in c['source'] if l.strip() and not l.startswith('#|')), '')
        for j, o in enumerate(c.get('outputs', [])):
            yield i, j, len(json.dumps(o, ensure_ascii=False).encode()), list(o.get('data', {})) or [o['output_type']], line

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('path', nargs='?', default='nbs', help='a notebook or a folder of notebooks')
    p.add_argument('--limit', type=float, default=100, help='largest allowed output, in KB (1 KB = 1,000 bytes)')
    a = p.parse_args()
    nbs, limit, over, total = notebooks(a.path), a.limit*1000, 0, 0
    if not nbs: sys.exit(f'no notebooks found under {a.path}')
    for nb in nbs:
        for i, j, n, kinds, line in output_sizes(nb):
            if n > limit:
                over += 1
                print(f'{nb} cell {i} output {j}: {n/1000:,.0f} KB ({", ".join(kinds)})  {line[:60]}')
    for nb in nbs:
        total += nb.stat().st_size
        print(f'{nb.stat().st_size/1000:>9,.0f} KB  {nb}')
    print(f'{total/1000:>9,.0f} KB  total of {len(nbs)} notebooks; {over} outputs over {a.limit:g} KB')
    sys.exit(1 if over else 0)

if __name__ == '__main__': main()
