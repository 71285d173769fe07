namespace Caduceus.Gateway.Siem.AzureMonitor;

/// <summary>No access token for the ingestion API; the message names the status, never a secret.</summary>
public sealed class AzureMonitorTokenException : Exception
{
    public AzureMonitorTokenException()
    {
    }

    public AzureMonitorTokenException(string message)
        : base(message)
    {
    }

    public AzureMonitorTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
