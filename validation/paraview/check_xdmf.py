"""Check that ParaView's own XDMF reader opens a field file and that its arrays hold what they should.

Run it with pvbatch (it imports paraview.simple; there is no pvpython on Debian without GUI packages):

    pvbatch validation/paraview/check_xdmf.py out/run.xdmf --expect u=0:1 --expect "velocity[0]=-1:1" --tolerance 1e-9

Needs: Debian's `paraview` and `python3-paraview` packages (ParaView 5.11). Nothing is rendered, so no
display, X server or offscreen flag is needed; pvbatch runs headless as is.

What it does: opens FILE with Xdmf3ReaderS and with Xdmf3ReaderT (ParaView's two XDMF 3 readers),
reports which of them loaded it, then, with the first that did, prints the time steps and, for every
time step, the number of points and cells, the VTK cell types, the total cell size (area or volume
as ParaView's Cell Size filter computes it, which splits quadratic cells into linear pieces through
their edge nodes, so it is off when the edge nodes are in the wrong order) and each point and cell
array with its component count and range.

    --expect NAME=MIN:MAX       the point array NAME must exist, and its range over all components and
                                all time steps must be [MIN, MAX] within the tolerance (vector fields
                                stored padded to 3 components include the zero padding);
    --expect NAME[K]=MIN:MAX    the same for component K only;
    --expect-cell NAME=MIN:MAX  the same for the cell array NAME (e.g. subdomain=0:1);
    --expect-size S             the total cell size must be S within the tolerance, at every time step;
    --tolerance T               absolute tolerance on MIN, MAX and S (default 1e-9).

Exit status: 0 when the file loads and every expectation holds; 1 when it does not load, an expected
array is missing, a range or the size differs; 2 for bad arguments.

The file name is made absolute before it is handed to the reader: ParaView 5.11's XDMF reader
resolves the .h5 path inside the .xdmf wrongly when it is given a bare file name with no folder
part (it looks for "run.xdmfrun.h5"); with any folder part, relative or absolute, it works.
"""

import argparse
import math
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

from paraview import simple


READERS = ("Xdmf3ReaderS", "Xdmf3ReaderT")


def parse_expectation(text):
    match = re.fullmatch(r"(?P<name>[^=\[\]]+)(\[(?P<component>\d+)\])?=(?P<min>[^:]+):(?P<max>.+)", text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not NAME=MIN:MAX or NAME[K]=MIN:MAX")
    try:
        low, high = float(match["min"]), float(match["max"])
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}': MIN and MAX must be numbers")
    component = int(match["component"]) if match["component"] is not None else None
    return match["name"], component, low, high


def leaves(data):
    """The datasets inside a (possibly composite) VTK data object."""
    if data is None:
        return []
    if data.IsA("vtkCompositeDataSet"):
        found = []
        iterator = data.NewIterator()
        iterator.InitTraversal()
        while not iterator.IsDoneWithTraversal():
            found.append(iterator.GetCurrentDataObject())
            iterator.GoToNextItem()
        return found
    return [data]


def merge(arrays, data):
    """Adds each array of a vtkPointData or vtkCellData to {name: [(min, max) per component]}."""
    for i in range(data.GetNumberOfArrays()):
        array = data.GetArray(i)
        if array is None:
            continue
        ranges = [array.GetRange(k) for k in range(array.GetNumberOfComponents())]
        previous = arrays.get(array.GetName())
        if previous is not None:
            ranges = [(min(a[0], b[0]), max(a[1], b[1])) for a, b in zip(previous, ranges)]
        arrays[array.GetName()] = ranges


class Snapshot:
    """What the reader's output holds at one time: counts, cell types and point and cell arrays."""

    def __init__(self, reader, time):
        reader.UpdatePipeline(time)
        self.points = self.cells = 0
        self.point_arrays, self.cell_arrays, self.cell_types = {}, {}, {}
        for block in leaves(reader.GetClientSideObject().GetOutputDataObject(0)):
            self.points += block.GetNumberOfPoints()
            self.cells += block.GetNumberOfCells()
            merge(self.point_arrays, block.GetPointData())
            merge(self.cell_arrays, block.GetCellData())
            for c in range(block.GetNumberOfCells()):
                name = block.GetCell(c).GetClassName()
                self.cell_types[name] = self.cell_types.get(name, 0) + 1


def cell_size(reader, time):
    """Total length, area or volume of the cells by ParaView's Cell Size filter, or None."""
    try:
        sizes = simple.CellSize(Input=reader)
        sizes.UpdatePipeline(time)
        total = 0.0
        for block in leaves(sizes.GetClientSideObject().GetOutputDataObject(0)):
            for name in ("Volume", "Area", "Length"):
                array = block.GetCellData().GetArray(name)
                if array is not None and any(array.GetValue(i) != 0 for i in range(array.GetNumberOfTuples())):
                    total += sum(array.GetValue(i) for i in range(array.GetNumberOfTuples()))
                    break
        simple.Delete(sizes)
        return total
    except Exception:  # the filter is missing or fails: no size to report
        return None


def time_steps(reader):
    values = reader.TimestepValues
    if values is None:
        return [0.0]
    if isinstance(values, (int, float)):
        return [float(values)]
    return [float(t) for t in values] or [0.0]


def open_with(reader_name, path):
    try:
        reader = getattr(simple, reader_name)(FileName=[path])
        steps = time_steps(reader)
        first = Snapshot(reader, steps[0])
    except Exception as error:  # a reader that cannot even be created or updated did not load the file
        return None, f"failed ({error})"
    if first.points == 0 or first.cells == 0:
        return None, f"did not load it ({first.points} points, {first.cells} cells)"
    return reader, f"loaded it ({len(steps)} time steps)"


def missing_heavy_files(path):
    """HDF5 files the .xdmf refers to that do not exist, resolved as the XDMF reader does: beside the .xdmf.

    The XDMF library aborts the whole process when a referenced file is missing, so this is checked first.
    """
    folder = os.path.dirname(path)
    missing = set()
    for item in ElementTree.parse(path).iter("DataItem"):
        if item.get("Format") == "HDF" and item.text and ":" in item.text:
            heavy = item.text.strip().split(":", 1)[0]
            resolved = heavy if os.path.isabs(heavy) else os.path.join(folder, heavy)
            if not os.path.isfile(resolved):
                missing.add(resolved)
    return sorted(missing)


def fmt(x):
    return f"{x:.10g}"


def main():
    parser = argparse.ArgumentParser(description="Open a field file with ParaView's XDMF reader and check its arrays.")
    parser.add_argument("file", help="the .xdmf file")
    parser.add_argument("--expect", action="append", type=parse_expectation, default=[], metavar="NAME=MIN:MAX")
    parser.add_argument("--expect-cell", action="append", type=parse_expectation, default=[], metavar="NAME=MIN:MAX")
    parser.add_argument("--expect-size", type=float, default=None, metavar="S")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()

    path = os.path.abspath(args.file)
    if not os.path.isfile(path):
        print(f"FAIL: {path}: no such file")
        return 1

    try:
        missing = missing_heavy_files(path)
    except ElementTree.ParseError as error:
        print(f"FAIL: {path} is not well-formed XML ({error})")
        return 1
    if missing:
        print(f"FAIL: {path} refers to missing HDF5 file(s): {', '.join(missing)}")
        return 1

    chosen = None
    for name in READERS:
        reader, outcome = open_with(name, path)
        print(f"{name}: {outcome}")
        if chosen is None and reader is not None:
            chosen = (name, reader)
    if chosen is None:
        print(f"FAIL: no XDMF reader loaded {path}")
        return 1
    name, reader = chosen
    print(f"using {name} on {path}")

    totals = {"point": {}, "cell": {}}
    failures = []
    steps = time_steps(reader)
    print(f"time steps: {len(steps)}: {', '.join(fmt(t) for t in steps)}")
    for t in steps:
        snap = Snapshot(reader, t)
        print(f"t = {fmt(t)}: {snap.points} points, {snap.cells} cells")
        print("  cell types: " + ", ".join(f"{name} x {count}" for name, count in sorted(snap.cell_types.items())))
        size = cell_size(reader, t)
        if size is not None:
            print(f"  total cell size: {fmt(size)}")
        if args.expect_size is not None and (size is None or not math.isclose(size, args.expect_size, rel_tol=0, abs_tol=args.tolerance)):
            failures.append(f"t = {fmt(t)}: total cell size {size if size is None else fmt(size)}, expected {fmt(args.expect_size)} within {args.tolerance:g}")
        for kind, arrays in (("point", snap.point_arrays), ("cell", snap.cell_arrays)):
            for array, ranges in sorted(arrays.items()):
                low = min(r[0] for r in ranges)
                high = max(r[1] for r in ranges)
                detail = "" if len(ranges) == 1 else "  per component: " + " ".join(f"[{fmt(a)}, {fmt(b)}]" for a, b in ranges)
                plural = "component" if len(ranges) == 1 else "components"
                prefix = "" if kind == "point" else "cell array "
                print(f"  {prefix}{array}: {len(ranges)} {plural}, range [{fmt(low)}, {fmt(high)}]{detail}")
                previous = totals[kind].get(array)
                totals[kind][array] = ranges if previous is None else [(min(a[0], b[0]), max(a[1], b[1])) for a, b in zip(previous, ranges)]

    expectations = [("point", e) for e in args.expect] + [("cell", e) for e in args.expect_cell]
    for kind, (array, component, low, high) in expectations:
        label = array if component is None else f"{array}[{component}]"
        ranges = totals[kind].get(array)
        if ranges is None:
            failures.append(f"{label}: no {kind} array '{array}' (arrays: {', '.join(sorted(totals[kind])) or 'none'})")
            continue
        if component is not None:
            if component >= len(ranges):
                failures.append(f"{label}: '{array}' has only {len(ranges)} components")
                continue
            ranges = [ranges[component]]
        actual_low = min(r[0] for r in ranges)
        actual_high = max(r[1] for r in ranges)
        close = math.isclose(actual_low, low, rel_tol=0, abs_tol=args.tolerance) and math.isclose(actual_high, high, rel_tol=0, abs_tol=args.tolerance)
        verdict = "ok" if close else "differs"
        print(f"expect {label} in [{fmt(low)}, {fmt(high)}]: got [{fmt(actual_low)}, {fmt(actual_high)}] {verdict}")
        if not close:
            failures.append(f"{label}: range [{fmt(actual_low)}, {fmt(actual_high)}], expected [{fmt(low)}, {fmt(high)}] within {args.tolerance:g}")

    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
