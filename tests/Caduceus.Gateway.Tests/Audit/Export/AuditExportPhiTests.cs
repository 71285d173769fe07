using System.Net;
using System.Text;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Audit.Export;
using Caduceus.Gateway.Audit.Search;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Audit.Export;

/// <summary>PHI sent through a real gateway never reaches either export format.</summary>
public sealed class AuditExportPhiTests
{
    private static readonly string[] Phi = ["536-22-1843", "536221843", "Maria Gonzalez", "Gonzalez", "617-555-0142", "6175550142"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AuditExportFormat.Jsonl)]
    [InlineData(AuditExportFormat.Fhir)]
    public async Task Seeded_phi_sent_through_the_gateway_never_appears_in_the_export(AuditExportFormat format)
    {
        await using var gateway = await GatewayHarness.StartAsync();
        foreach (var content in new[] { "My name is Maria Gonzalez and my SSN is 536-22-1843", "Call Maria Gonzalez at 617-555-0142" })
        {
            using var response = await gateway.Http.PostAsync(
                "v1/chat/completions",
                Requests.Json($$"""{"model":"caduceus-test-model","messages":[{"role":"user","content":"{{content}}"}]}"""),
                Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var output = new MemoryStream();
        var reader = new SqliteAuditReader(Path.Combine(gateway.DatabaseDirectory, AuditSchema.FileName));
        var written = await AuditExport.WriteAsync(reader, new AuditQuery(), format, output, "gateway", Cancel);

        Assert.Equal(2, written);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("SSN", text, StringComparison.Ordinal);
        Assert.Contains("NAME", text, StringComparison.Ordinal);
        foreach (var phi in Phi)
        {
            Assert.DoesNotContain(phi, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(phi, Encoding.Unicode.GetString(output.ToArray()), StringComparison.OrdinalIgnoreCase);
        }
    }
}
