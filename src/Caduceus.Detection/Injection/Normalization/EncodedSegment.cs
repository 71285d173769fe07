namespace Caduceus.Detection.Injection.Normalization;

/// <summary>A run of base64 or hex in a text whose start decodes to text.</summary>
/// <param name="Start">Offset of the first character of the run.</param>
/// <param name="End">Offset one past the last.</param>
/// <param name="Kind"><see cref="PromptViewKind.Base64"/> or <see cref="PromptViewKind.Hex"/>.</param>
internal readonly record struct EncodedSegment(int Start, int End, PromptViewKind Kind);
