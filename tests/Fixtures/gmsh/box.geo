// Box [0,2] x [0,1] x [0,1]: volume 2, tetrahedra, six named faces.
SetFactory("OpenCASCADE");
Box(1) = {0, 0, 0, 2, 1, 1};
DefineConstant[ h = 0.4 ];
MeshSize{ PointsOf{ Volume{1}; } } = h;
// OpenCASCADE numbers the faces x = 0, x = 2, y = 0, y = 1, z = 0, z = 1.
Physical Surface("left", 1) = {1};
Physical Surface("right", 2) = {2};
Physical Surface("front", 3) = {3};
Physical Surface("back", 4) = {4};
Physical Surface("bottom", 5) = {5};
Physical Surface("top", 6) = {6};
Physical Volume("box", 7) = {1};
