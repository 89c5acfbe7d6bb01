// The slab [0,2] x [0,1] x [0,0.5] as 4 x 2 x 2 hexahedra, made by extruding a
// transfinite quadrilateral mesh of the bottom face. Only the bottom and top faces
// are physical surfaces; the four sides belong to no physical group.
Point(1) = {0, 0, 0};
Point(2) = {2, 0, 0};
Point(3) = {2, 1, 0};
Point(4) = {0, 1, 0};
Line(1) = {1, 2};
Line(2) = {2, 3};
Line(3) = {3, 4};
Line(4) = {4, 1};
Curve Loop(1) = {1, 2, 3, 4};
Plane Surface(1) = {1};
Transfinite Curve{1, 3} = 5;
Transfinite Curve{2, 4} = 3;
Transfinite Surface{1};
Recombine Surface{1};
top[] = Extrude {0, 0, 0.5} { Surface{1}; Layers{2}; Recombine; };
// top[0] is the extruded copy of surface 1, top[1] the new volume.
Physical Surface("bottom", 1) = {1};
Physical Surface("top", 2) = {top[0]};
Physical Volume("slab", 3) = {top[1]};
