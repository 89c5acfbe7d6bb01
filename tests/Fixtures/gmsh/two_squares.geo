// Two unit squares side by side, [0,1] x [0,1] ("left") and [1,2] x [0,1] ("right"),
// meshed with 3 x 3 transfinite quadrilaterals each. The bottom edges form an unnamed
// physical curve (tag 7), the shared edge x = 1 the physical curve "interface"; the
// other outer edges belong to no physical group.
Point(1) = {0, 0, 0};
Point(2) = {1, 0, 0};
Point(3) = {2, 0, 0};
Point(4) = {2, 1, 0};
Point(5) = {1, 1, 0};
Point(6) = {0, 1, 0};
Line(1) = {1, 2};
Line(2) = {2, 3};
Line(3) = {3, 4};
Line(4) = {4, 5};
Line(5) = {5, 6};
Line(6) = {6, 1};
Line(7) = {2, 5};
Curve Loop(1) = {1, 7, 5, 6};
Curve Loop(2) = {2, 3, 4, -7};
Plane Surface(1) = {1};
Plane Surface(2) = {2};
Transfinite Curve{1, 2, 3, 4, 5, 6, 7} = 4;
Transfinite Surface{1} = {1, 2, 5, 6};
Transfinite Surface{2} = {2, 3, 4, 5};
Recombine Surface{1, 2};
Physical Curve(7) = {1, 2};
Physical Curve("interface", 8) = {7};
Physical Surface("left", 1) = {1};
Physical Surface("right", 2) = {2};
