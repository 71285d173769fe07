namespace Caduceus.Detection;

/// <summary>A text handed to detectors, with where it came from.</summary>
public readonly record struct DetectionInput(string Text, TextSource Source);
