"Write README.md from the executed nbs/index.ipynb (markdown as is, code and its text outputs as blocks); run from the repo root."
import json, re
from pathlib import Path
nb = json.loads(Path('nbs/index.ipynb').read_text())
def links(md:str) -> str: return re.sub(r'\]\((images|tutorials|explanations)/', r'](nbs/\1/', md)  # relative to nbs/ in the notebook

out = ['<!-- Written from nbs/index.ipynb by `make readme`: edit the notebook, not this file. -->\n']
for c in nb['cells']:
    src = ''.join(c['source'])
    if src.startswith('#| hide'): continue
    if src.startswith('#| echo: false'):  # a figure read from a results file: its markdown output, not its code
        out += [links(''.join(o['data']['text/markdown'])) + '\n' for o in c.get('outputs', []) if 'text/markdown' in o.get('data', {})]
        continue
    if c['cell_type'] == 'markdown':
        out.append(links(src) + '\n'); continue
    out.append(f'```python\n{src}\n```\n')
    for o in c.get('outputs', []):
        t = ''.join(o.get('data', {}).get('text/plain', o.get('text', '')))
        if t: out.append(f'```\n{t.rstrip()}\n```\n')
Path('README.md').write_text('\n'.join(out))
