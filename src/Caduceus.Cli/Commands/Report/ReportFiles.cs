using Caduceus.Gateway.Compliance;

namespace Caduceus.Cli.Commands.Report;

/// <summary>
/// The files <c>report</c> writes. All or nothing: each is written beside its target as <c>FILE.partial</c> and the
/// partial files are renamed only when every one was written, so a failure leaves no report file behind.
/// </summary>
internal sealed class ReportFiles(FileInfo? html, FileInfo? json)
{
    public FileInfo? Html { get; } = html;

    public FileInfo? Json { get; } = json;

    /// <summary>Why the files cannot be written, checked before anything is read; null when they can be tried.</summary>
    public string? Problem()
    {
        if (Html is not null && Json is not null && string.Equals(Html.FullName, Json.FullName, StringComparison.Ordinal))
        {
            return "--html and --json name the same file";
        }

        foreach (var file in new[] { Html, Json }.OfType<FileInfo>())
        {
            if (Directory.Exists(file.FullName))
            {
                return $"cannot write '{file.FullName}': it is a directory";
            }

            if (file.Directory is not { Exists: true })
            {
                return $"cannot write '{file.FullName}': its directory does not exist";
            }
        }

        return null;
    }

    /// <summary>Writes the requested files; null on success, else why (and nothing is left written).</summary>
    public async Task<string?> WriteAsync(ComplianceReport report, CancellationToken cancellationToken)
    {
        var outputs = new List<(FileInfo Target, string Content)>();
        if (Html is not null)
        {
            outputs.Add((Html, ComplianceReportHtml.Render(report)));
        }

        if (Json is not null)
        {
            outputs.Add((Json, ComplianceReportJson.Write(report)));
        }

        var written = new List<(string Partial, string Target)>();
        try
        {
            foreach (var (target, content) in outputs)
            {
                var partial = target.FullName + ".partial";
                written.Add((partial, target.FullName));
                await File.WriteAllTextAsync(partial, content, cancellationToken);
            }

            foreach (var (partial, target) in written)
            {
                File.Move(partial, target, overwrite: true);
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            foreach (var (partial, _) in written)
            {
                File.Delete(partial);
            }

            return $"cannot write the report: {exception.Message}";
        }
    }
}
