using System.Text.Json.Serialization;
using Caduceus.Events;

namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>The spill file's line format: one security event as compact JSON.</summary>
[JsonSerializable(typeof(SecurityEvent))]
internal sealed partial class SecurityEventJsonContext : JsonSerializerContext;
