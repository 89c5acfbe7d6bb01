namespace PdeNet.Neural.Embeddings;

/// <summary>
/// Random Fourier features (Tancik et al., NeurIPS 2020): the (normalised) inputs v are extended by
/// cos(2π vB) and sin(2π vB) with B drawn once from N(0, σ²), shape (inputs, count). Larger σ lets
/// the network represent higher frequencies. B is seeded with the network and saved with it.
/// </summary>
/// <param name="Count">Number of random frequencies (the features added are 2 × Count).</param>
/// <param name="Scale">Standard deviation σ of the frequencies, in cycles per unit of normalised input.</param>
public sealed record FourierFeatures(int Count = 64, double Scale = 1) : InputEmbedding;
