"""The notebooks in ``notebooks/`` run from top to bottom and are stored clean.

Each notebook is executed with nbclient in a ``python3`` kernel: ipykernel
on the interpreter running the tests, from the notebooks folder as a user
would open it. A cell that raises fails the test, and so does a cell that
writes to stderr: that is where warnings go.
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


class ThisInterpreter(KernelSpecManager):  # type: ignore[misc]
    """The ``python3`` kernel of the interpreter running the tests, even when a
    ``python3`` kernelspec of another Python is installed for the user."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(resource_dir=RESOURCES, **get_kernel_dict())


class ThisInterpreterKernel(AsyncKernelManager):  # type: ignore[misc]
    """nbclient's kernel manager, with the kernelspec above."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(kernel_spec_manager=ThisInterpreter(), **kwargs)


def test_the_notebooks_are_there() -> None:
    assert [path.name for path in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {index} has outputs: clear them"
            assert cell.execution_count is None, f"cell {index} has an execution count"
        assert not cell.metadata, f"cell {index} has metadata {dict(cell.metadata)}"
    assert notebook.metadata.kernelspec.name == "python3"
    # Written the way nbformat writes (and Jupyter saves): diffs stay small.
    assert path.read_text(encoding="utf-8") == nbformat.writes(notebook) + "\n"


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
