using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Cli.Tls;
using Spectre.Console;

namespace Caduceus.Cli.Commands;

/// <summary><c>caduceus check tls URL</c>: the protocol, cipher, certificate chain and expiry an HTTPS endpoint presents.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var check = new Command("check", "Check the security of something the gateway depends on.");
        check.Subcommands.Add(CreateTls());
        return check;
    }

    private static Command CreateTls()
    {
        var url = new Argument<string>("url") { Description = "The endpoint, e.g. https://model.example.org (or host:port)." };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object." };
        var warnDays = new Option<int>("--warn-days") { Description = "Report a certificate that expires sooner than this.", DefaultValueFactory = _ => 30 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the connection and handshake.", DefaultValueFactory = _ => 10 };
        var command = new Command("tls", "Report the TLS protocol, cipher suite, certificate chain and expiry of an endpoint; exit 1 when something needs fixing.")
        {
            url, json, warnDays, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParseEndpoint(parse.GetValue(url)!, out var endpoint, out var error))
            {
                return CommandErrors.Fail(error);
            }

            if (parse.GetValue(timeout) is <= 0 or > 300 || parse.GetValue(warnDays) is < 0 or > 3650)
            {
                return CommandErrors.Fail("--timeout must be in (0, 300] seconds and --warn-days in [0, 3650].");
            }

            TlsReport report;
            try
            {
                report = await TlsProbe.ProbeAsync(endpoint, TimeSpan.FromSeconds(parse.GetValue(timeout)), TimeProvider.System, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or AuthenticationException or IOException or OperationCanceledException)
            {
                return CommandErrors.Fail($"no TLS handshake with {endpoint.IdnHost}:{endpoint.Port}: {Reason(e)}");
            }

            var problems = report.Problems(parse.GetValue(warnDays));
            if (parse.GetValue(json))
            {
                Console.WriteLine(Json(report, problems).ToJsonString());
            }
            else
            {
                PrintTable(report, problems);
            }

            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.FindingsFailed;
        });
        return command;
    }

    private static bool TryParseEndpoint(string text, out Uri endpoint, out string error)
    {
        error = string.Empty;
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out endpoint!) || endpoint.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(endpoint.Host))
        {
            error = $"'{text}' is not an https:// URL or host:port.";
            return false;
        }

        return true;
    }

    private static string Reason(Exception e) => e switch
    {
        OperationCanceledException => "timed out",
        SocketException socket => socket.SocketErrorCode.ToString(),
        _ => e.Message.ReplaceLineEndings(" "),
    };

    private static JsonObject Json(TlsReport report, IReadOnlyList<string> problems) => new()
    {
        ["host"] = report.Host,
        ["port"] = report.Port,
        ["protocol"] = ProtocolName(report.Protocol),
        ["cipher_suite"] = report.CipherSuite.ToString(),
        ["days_until_expiry"] = report.DaysUntilExpiry,
        ["chain"] = new JsonArray([.. report.Chain.Select(c => (JsonNode)new JsonObject
        {
            ["subject"] = c.Subject,
            ["issuer"] = c.Issuer,
            ["not_before"] = c.NotBefore.ToString("O", CultureInfo.InvariantCulture),
            ["not_after"] = c.NotAfter.ToString("O", CultureInfo.InvariantCulture),
            ["sha256"] = c.Sha256,
            ["public_key_pin"] = c.PublicKeyPin,
        })]),
        ["problems"] = new JsonArray([.. problems.Select(p => (JsonNode)p)]),
        ["ok"] = problems.Count == 0,
    };

    private static void PrintTable(TlsReport report, IReadOnlyList<string> problems)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Host)}:{report.Port}[/]  {ProtocolName(report.Protocol)}  {Markup.Escape(report.CipherSuite.ToString())}");
        var table = new Table().AddColumns("#", "Subject", "Issuer", "Valid until", "Public key pin (SHA-256)");
        for (var i = 0; i < report.Chain.Count; i++)
        {
            var c = report.Chain[i];
            table.AddRow(i.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Subject), Markup.Escape(c.Issuer), c.NotAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.PublicKeyPin);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Certificate expires in {report.DaysUntilExpiry} days.");
        foreach (var problem in problems)
        {
            AnsiConsole.MarkupLine($"[red]problem:[/] {Markup.Escape(problem)}");
        }

        if (problems.Count == 0)
        {
            AnsiConsole.MarkupLine("[green]ok[/]");
        }
    }

    private static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        _ => protocol.ToString(),
    };
}
