"""The notebooks in ``notebooks/`` run from top to bottom and are stored clean.

Each notebook is executed with nbclient in a ``python3`` kernel: ipykernel
on the interpreter running the tests, from the notebooks folder as a user
would open it. A cell that raises fails the test, and so does a cell that
writes to stderr: that is where warnings go.

Stored notebooks have no outputs, no execution counts, no cell metadata and
the same notebook metadata, so that diffs show only what was written.
``python tests/test_notebooks.py`` clears notebooks saved from Jupyter.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.font_manager  # noqa: F401
import nbformat
import pytest
from ipykernel.kernelspec import RESOURCES, get_kernel_dict
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

# (The import of matplotlib.font_manager above builds matplotlib's font cache
# on a fresh machine, here rather than in a kernel, where its "building the
# font cache" message would reach a cell's stderr.)

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "notebooks"
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb"))
EXPECTED = [
    "01_from_reports_to_incidents.ipynb",
    "02_where_and_when.ipynb",
    "03_cross_border_and_foreign_militants.ipynb",
]
# Seconds a single cell may take: the slowest parses the example corpus.
CELL_TIMEOUT = 120
# The metadata of every stored notebook (Jupyter adds the Python version, which
# differs from one machine to the next).
METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


def clean(path: Path) -> str:
    """The notebook at ``path`` as it should be stored."""
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata = nbformat.from_dict(METADATA)
    for cell in notebook.cells:
        cell.metadata = nbformat.from_dict({})
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nbformat.writes(notebook) + "\n"


class ThisInterpreter(KernelSpecManager):
    """The ``python3`` kernel of the interpreter running the tests, even when a
    ``python3`` kernelspec of another Python is installed for the user."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(resource_dir=RESOURCES, **get_kernel_dict())


class ThisInterpreterKernel(AsyncKernelManager):
    """nbclient's kernel manager, with the kernelspec above."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(kernel_spec_manager=ThisInterpreter(), **kwargs)


def test_the_notebooks_are_there() -> None:
    assert [path.name for path in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_stored_clean(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {index} has outputs"
            assert cell.execution_count is None, f"cell {index} has an execution count"
    assert path.read_text(encoding="utf-8") == clean(path), (
        f"{path.name} is not stored clean: run python tests/test_notebooks.py"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_runs_without_errors_or_warnings(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        kernel_manager_class=ThisInterpreterKernel,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(FOLDER)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if one fails
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            if output.output_type == "stream" and output.name == "stderr":
                pytest.fail(f"cell {index} wrote to stderr:\n{cell.source}\n---\n{output.text}")


if __name__ == "__main__":
    for notebook_path in NOTEBOOKS:
        notebook_path.write_text(clean(notebook_path), encoding="utf-8")
        print(f"cleaned {notebook_path.relative_to(ROOT)}")
