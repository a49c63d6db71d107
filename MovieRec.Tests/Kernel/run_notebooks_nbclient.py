"""Executes notebooks through an installed kernel with nbclient (Jupyter's own notebook executor), the way
`jupyter nbconvert --execute` and papermill do, and writes each executed notebook into an output folder.

    /usr/bin/python3 run_notebooks_nbclient.py KERNEL_NAME OUT_DIR NOTEBOOK...

Each notebook runs with its own folder as working directory (as in Jupyter), with the parameters cell's defaults
(Run All). Exit 1 when a cell fails: the error is printed and the notebook is still written.
"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

kernel, out_dir, notebooks = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out_dir, exist_ok=True)
failed = False
for path in notebooks:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=900, startup_timeout=60,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.time()
    try:
        client.execute()
    except CellExecutionError as e:
        failed = True
        print(f"{os.path.basename(path)}: {e}", file=sys.stderr)
    nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
    print(f"{os.path.basename(path)}: {time.time() - started:.1f} s through nbclient", flush=True)
sys.exit(1 if failed else 0)
