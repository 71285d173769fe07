using System.Text.Encodings.Web;
using System.Text.Json;

namespace Caduceus.TestModel.Protocol;

/// <summary>
/// JSON settings for everything the server writes. Escaping is minimal, as in OpenAI's own responses
/// (<c>\"</c> rather than <c>\u0022</c>, non-ASCII text as is), so a gateway that inspects the raw stream sees
/// text the way a real model sends it. The output is never embedded in HTML.
/// </summary>
internal static class ProtocolJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
