using Caduceus.Gateway.Siem.AzureMonitor;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Siem;

/// <summary>Checks the <c>Siem</c> section at start-up. Messages name settings, never their secret values.</summary>
internal sealed class SiemOptionsValidator : IValidateOptions<SiemOptions>
{
    public ValidateOptionsResult Validate(string? name, SiemOptions options)
    {
        var failures = new List<string>();
        var delivery = options.Delivery;
        if (delivery.QueueCapacity < 1 || delivery.BatchSize < 1)
        {
            failures.Add("Siem:Delivery:QueueCapacity and BatchSize must be at least 1.");
        }

        if (delivery.RetryBaseDelay <= TimeSpan.Zero || delivery.RetryMaxDelay < delivery.RetryBaseDelay)
        {
            failures.Add("Siem:Delivery:RetryBaseDelay must be positive and RetryMaxDelay at least as long.");
        }

        if (delivery.SendTimeout <= TimeSpan.Zero || delivery.MaxSpillBytes < 1)
        {
            failures.Add("Siem:Delivery:SendTimeout and MaxSpillBytes must be positive.");
        }

        if (delivery.Linger < TimeSpan.Zero || delivery.Linger > TimeSpan.FromSeconds(10))
        {
            failures.Add("Siem:Delivery:Linger must be between 0 and 10 seconds.");
        }

        ValidateSyslog(options.Syslog, failures);
        if (options.Splunk.IsEnabled)
        {
            AddIfAny(SiemHttp.CheckUrl(options.Splunk.Url, "Siem:Splunk:Url"), failures);
            Require(options.Splunk.Token, "Siem:Splunk:Token", failures);
        }

        if (options.Elastic.IsEnabled)
        {
            AddIfAny(SiemHttp.CheckUrl(options.Elastic.Url, "Siem:Elastic:Url"), failures);
            if (string.IsNullOrWhiteSpace(options.Elastic.Index) || options.Elastic.Index.Any(c => char.IsUpper(c) || char.IsWhiteSpace(c) || c is '/' or '*' or '?' or '"' or ',' or '#'))
            {
                failures.Add("Siem:Elastic:Index must be a lower-case index or data stream name.");
            }
        }

        if (options.AzureMonitor.IsEnabled)
        {
            ValidateAzureMonitor(options.AzureMonitor, failures);
        }

        if (options.Otlp.IsEnabled)
        {
            AddIfAny(SiemHttp.CheckUrl(options.Otlp.Endpoint, "Siem:Otlp:Endpoint"), failures);
            if (options.Otlp.ExportInterval < TimeSpan.FromMilliseconds(100))
            {
                failures.Add("Siem:Otlp:ExportInterval must be at least 100 ms.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSyslog(SyslogOptions syslog, List<string> failures)
    {
        if (!syslog.IsEnabled)
        {
            return;
        }

        if (!Enum.IsDefined(syslog.Protocol))
        {
            failures.Add("Siem:Syslog:Protocol must be Udp, Tcp or Tls.");
        }

        if (syslog.EffectivePort is < 1 or > 65535)
        {
            failures.Add("Siem:Syslog:Port must be between 1 and 65535.");
        }

        RequireFile(syslog.CaCertificatePath, "Siem:Syslog:CaCertificatePath", failures);
        RequireFile(syslog.ClientCertificatePath, "Siem:Syslog:ClientCertificatePath", failures);
    }

    private static void ValidateAzureMonitor(AzureMonitorOptions azure, List<string> failures)
    {
        AddIfAny(SiemHttp.CheckUrl(azure.Endpoint, "Siem:AzureMonitor:Endpoint"), failures);
        Require(azure.DcrImmutableId, "Siem:AzureMonitor:DcrImmutableId", failures);
        Require(azure.StreamName, "Siem:AzureMonitor:StreamName", failures);
        Require(azure.ClientId, "Siem:AzureMonitor:ClientId", failures);
        Require(azure.ClientSecret, "Siem:AzureMonitor:ClientSecret", failures);
        if (string.IsNullOrWhiteSpace(azure.TokenEndpoint))
        {
            Require(azure.TenantId, "Siem:AzureMonitor:TenantId", failures);
        }
        else
        {
            AddIfAny(SiemHttp.CheckUrl(azure.TokenEndpoint, "Siem:AzureMonitor:TokenEndpoint"), failures);
        }
    }

    private static void Require(string? value, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is required (or set CADUCEUS_{setting.Replace(":", "__", StringComparison.Ordinal)}).");
        }
    }

    private static void AddIfAny(string? failure, List<string> failures)
    {
        if (failure is not null)
        {
            failures.Add(failure);
        }
    }

    private static void RequireFile(string? path, string setting, List<string> failures)
    {
        if (path is { Length: > 0 } && !File.Exists(path))
        {
            failures.Add($"{setting} '{path}' does not exist.");
        }
    }
}
