"""P1 Poisson on the unit square with DOLFINx and CG + hypre BoomerAMG: the peer of PdeNet's
fem-benchmark (validation/Fem/FemBenchmark.cs), which runs it with Debian's python3.

-Δu = 2π² sin(πx) sin(πy), u = 0 on the boundary, exact solution u = sin(πx) sin(πy).
Mesh: create_unit_square(n, n) with DiagonalType.right, the same triangles as PdeNet's
GridMesher (every square cut along its rising diagonal). One MPI rank, one thread.

Timed (wall clock, after a warm-up solve that compiles the forms and loads PETSc/hypre):
  assemble = matrix (sparsity pattern included) + right-hand side + Dirichlet conditions,
  solve    = KSP setup (BoomerAMG setup) + CG iterations,
to relative residual ||b - Ax|| / ||b|| <= 1e-10 (unpreconditioned norm, like PdeNet's CG).
Each size is solved REPEAT times (default 2) and the fastest run (assemble + solve) is reported.
Prints one JSON object per mesh size on stdout.

usage: python3 poisson_p1.py [--repeat REPEAT] N [N ...]
"""
import json
import sys
import time

import numpy as np
import ufl
from mpi4py import MPI
from petsc4py import PETSc

import dolfinx
from dolfinx import fem, mesh
from dolfinx.fem.petsc import apply_lifting, assemble_matrix, assemble_vector, set_bc

TOLERANCE = 1e-10


def solve(n):
    comm = MPI.COMM_WORLD
    domain = mesh.create_unit_square(comm, n, n, cell_type=mesh.CellType.triangle, diagonal=mesh.DiagonalType.right)
    space = fem.FunctionSpace(domain, ("Lagrange", 1))
    facets = mesh.locate_entities_boundary(domain, 1, lambda x: np.full(x.shape[1], True))
    bc = fem.dirichletbc(PETSc.ScalarType(0), fem.locate_dofs_topological(space, 1, facets), space)
    u, v = ufl.TrialFunction(space), ufl.TestFunction(space)
    x = ufl.SpatialCoordinate(domain)
    exact = ufl.sin(ufl.pi * x[0]) * ufl.sin(ufl.pi * x[1])
    source = 2 * ufl.pi ** 2 * exact
    a = fem.form(ufl.inner(ufl.grad(u), ufl.grad(v)) * ufl.dx)
    rhs = fem.form(source * v * ufl.dx)

    start = time.perf_counter()
    matrix = assemble_matrix(a, bcs=[bc])
    matrix.assemble()
    b = assemble_vector(rhs)
    apply_lifting(b, [a], bcs=[[bc]])
    b.ghostUpdate(addv=PETSc.InsertMode.ADD, mode=PETSc.ScatterMode.REVERSE)
    set_bc(b, [bc])
    assembled = time.perf_counter()

    ksp = PETSc.KSP().create(comm)
    ksp.setOperators(matrix)
    ksp.setType("cg")
    ksp.getPC().setType("hypre")
    ksp.getPC().setHYPREType("boomeramg")
    ksp.setNormType(PETSc.KSP.NormType.UNPRECONDITIONED)
    ksp.setTolerances(rtol=TOLERANCE, atol=0.0, max_it=1000)
    uh = fem.Function(space)
    ksp.solve(b, uh.vector)
    uh.x.scatter_forward()
    solved = time.perf_counter()

    residual = b.duplicate()
    matrix.mult(uh.vector, residual)
    residual.axpy(-1.0, b)
    error = fem.form((uh - exact) ** 2 * ufl.dx)
    l2 = np.sqrt(comm.allreduce(fem.assemble_scalar(error), op=MPI.SUM))
    return {
        "cells_per_side": n,
        "dofs": space.dofmap.index_map.size_global,
        "assemble_seconds": assembled - start,
        "solve_seconds": solved - assembled,
        "iterations": ksp.getIterationNumber(),
        "converged_reason": int(ksp.getConvergedReason()),
        "relative_residual": residual.norm() / b.norm(),
        "l2_error": float(l2),
        "dolfinx_version": dolfinx.__version__,
        "petsc_version": ".".join(str(p) for p in PETSc.Sys.getVersion()),
    }


def main():
    args = sys.argv[1:]
    repeat = 2
    if args[:1] == ["--repeat"]:
        repeat, args = int(args[1]), args[2:]
    sizes = [int(a) for a in args] or [256, 512, 1024]
    solve(32)  # warm-up: form compilation (FFCx JIT), PETSc and hypre initialisation
    for n in sizes:
        runs = [solve(n) for _ in range(repeat)]
        best = min(runs, key=lambda r: r["assemble_seconds"] + r["solve_seconds"])
        best["runs"] = repeat
        print(json.dumps(best), flush=True)


if __name__ == "__main__":
    main()
