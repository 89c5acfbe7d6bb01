// Disk of radius 1 with a concentric hole of radius 0.4: area pi (1 - 0.16).
// The outer curve loop runs clockwise, so gmsh orients the surface's triangles
// clockwise in the xy-plane; the reader makes them counter-clockwise.
R = 1;
r = 0.4;
DefineConstant[ h = 0.2 ];
Point(1) = {0, 0, 0, h};
Point(2) = {R, 0, 0, h};
Point(3) = {0, R, 0, h};
Point(4) = {-R, 0, 0, h};
Point(5) = {0, -R, 0, h};
Point(6) = {r, 0, 0, h / 2};
Point(7) = {0, r, 0, h / 2};
Point(8) = {-r, 0, 0, h / 2};
Point(9) = {0, -r, 0, h / 2};
Circle(1) = {2, 1, 3};
Circle(2) = {3, 1, 4};
Circle(3) = {4, 1, 5};
Circle(4) = {5, 1, 2};
Circle(5) = {6, 1, 7};
Circle(6) = {7, 1, 8};
Circle(7) = {8, 1, 9};
Circle(8) = {9, 1, 6};
Curve Loop(1) = {-4, -3, -2, -1};
Curve Loop(2) = {5, 6, 7, 8};
Plane Surface(1) = {1, 2};
Physical Curve("outer", 1) = {1, 2, 3, 4};
Physical Curve("inner", 2) = {5, 6, 7, 8};
Physical Surface("annulus", 3) = {1};
