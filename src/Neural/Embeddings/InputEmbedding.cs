using System.Text.Json.Serialization;

namespace PdeNet.Neural.Embeddings;

/// <summary>A transformation of a network's inputs into features before the first layer.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FourierFeatures), "fourier")]
[JsonDerivedType(typeof(PeriodicCoordinate), "periodic")]
public abstract record InputEmbedding;
