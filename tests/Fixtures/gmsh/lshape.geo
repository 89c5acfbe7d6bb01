// L-shaped domain [-1,1]^2 without the quadrant (0,1] x [-1,0): area 3.
// The outer edges (top, left, bottom) form the physical curve "dirichlet", the
// edges at the re-entrant corner and the right edge form "neumann".
h = 0.25;
Point(1) = {0, 0, 0, h};
Point(2) = {1, 0, 0, h};
Point(3) = {1, 1, 0, h};
Point(4) = {-1, 1, 0, h};
Point(5) = {-1, -1, 0, h};
Point(6) = {0, -1, 0, h};
Line(1) = {1, 2};
Line(2) = {2, 3};
Line(3) = {3, 4};
Line(4) = {4, 5};
Line(5) = {5, 6};
Line(6) = {6, 1};
Curve Loop(1) = {1, 2, 3, 4, 5, 6};
Plane Surface(1) = {1};
Physical Curve("dirichlet", 1) = {3, 4, 5};
Physical Curve("neumann", 2) = {1, 2, 6};
Physical Surface("domain", 3) = {1};
