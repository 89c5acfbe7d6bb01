#!/bin/sh
# Regenerates the .msh fixtures from their .geo sources with gmsh 4.8 (Debian package
# gmsh). The tests only read the committed .msh files; run this after editing a .geo.
set -e
cd "$(dirname "$0")"
gmsh -2 lshape.geo -format msh41 -o lshape.msh
gmsh -2 disk_with_hole.geo -format msh41 -o disk_with_hole.msh
gmsh -2 -order 2 -setnumber h 0.4 disk_with_hole.geo -format msh41 -o disk_with_hole_p2.msh
gmsh -3 box.geo -format msh41 -o box.msh
gmsh -3 -order 2 -setnumber h 0.8 box.geo -format msh41 -o box_p2.msh
gmsh -2 -order 2 two_squares.geo -format msh41 -o two_squares_p2.msh
gmsh -3 slab.geo -format msh41 -o slab.msh
