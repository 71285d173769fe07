using System.Collections.Concurrent;
using Caduceus.Gateway.Verification;

namespace Caduceus.Gateway.Tests.Verification;

/// <summary>Stands in for the practice's text-message service: remembers the last code sent to each patient.</summary>
internal sealed class CapturingCodeSender : IOneTimeCodeSender
{
    private readonly ConcurrentDictionary<string, string> _codes = new();

    public int Sent { get; private set; }

    public string CodeFor(string patientId) => _codes[patientId];

    public Task SendAsync(PatientRecord patient, string code, CancellationToken cancellationToken)
    {
        _codes[patient.Id] = code;
        Sent++;
        return Task.CompletedTask;
    }
}
