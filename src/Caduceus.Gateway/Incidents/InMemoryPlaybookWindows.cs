namespace Caduceus.Gateway.Incidents;

/// <summary>Playbook windows in this process (one instance, or a fleet without <c>Incidents:Redis</c>).</summary>
internal sealed class InMemoryPlaybookWindows : IPlaybookWindows
{
    private readonly Dictionary<(string Playbook, string Subject), Queue<IncidentEvent>> _windows = [];
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<IncidentEvent>?> CountAsync(Playbook playbook, string subject, IncidentEvent evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(evidence);
        lock (_gate)
        {
            if (!_windows.TryGetValue((playbook.Name, subject), out var window))
            {
                window = new Queue<IncidentEvent>();
                _windows[(playbook.Name, subject)] = window;
            }

            window.Enqueue(evidence);
            while (window.Count > 0 && window.Peek().Time < evidence.Time - playbook.Window)
            {
                window.Dequeue();
            }

            if (window.Count < playbook.Threshold)
            {
                return Task.FromResult<IReadOnlyList<IncidentEvent>?>(null);
            }

            IReadOnlyList<IncidentEvent> reached = [.. window];
            window.Clear();
            return Task.FromResult<IReadOnlyList<IncidentEvent>?>(reached);
        }
    }
}
