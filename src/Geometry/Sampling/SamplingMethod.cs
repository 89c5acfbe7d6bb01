namespace PdeNet.Geometry.Sampling;

/// <summary>How points are placed in the unit cube before they are mapped into a domain.</summary>
public enum SamplingMethod
{
    /// <summary>Independent uniform pseudo-random points (System.Random with the seed).</summary>
    Random,

    /// <summary>A regular lattice of cell centres; gives about, not exactly, the requested count inside a domain.</summary>
    Grid,

    /// <summary>The Sobol sequence (Joe–Kuo direction numbers), digitally shifted by the seed.</summary>
    Sobol,

    /// <summary>The Halton sequence (prime bases 2, 3, 5, ...), rotated by the seed (Cranley–Patterson).</summary>
    Halton,

    /// <summary>The Hammersley set (i/n, then Halton coordinates), rotated by the seed.</summary>
    Hammersley,

    /// <summary>Latin hypercube: one point in each of n strata per axis, strata paired by seeded permutations.</summary>
    LatinHypercube,
}
