using Caduceus.Detection.Injection.Normalization;

namespace Caduceus.Detection.Injection;

/// <summary>
/// An explainable sign that a prompt hides text from detectors, e.g. "tag_smuggling". It fires when the normalizer saw
/// <see cref="Technique"/>, whatever the hidden text says.
/// </summary>
/// <param name="Name">Lower snake case; appears in explanations, events and metrics.</param>
/// <param name="Weight">How strongly this signal alone indicates an attack, in (0, 1).</param>
/// <param name="Technique">The single technique that fires it.</param>
internal sealed record EvasionSignal(string Name, double Weight, EvasionTechniques Technique);
