using Caduceus.Detection;
using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// The analyzer each application's traffic goes through: the gateway's analyzer without the detectors the
/// application disabled. Built once at start-up; an analyzer that is not a <see cref="TextAnalyzer"/> (a test's
/// stand-in) serves every application as it is.
/// </summary>
internal sealed class ApplicationAnalyzers
{
    private readonly ITextAnalyzer _default;
    private readonly Dictionary<string, ITextAnalyzer> _byApplication = new(StringComparer.OrdinalIgnoreCase);

    public ApplicationAnalyzers(ITextAnalyzer analyzer, IOptions<GatewayOptions> options)
    {
        _default = analyzer;
        if (analyzer is not TextAnalyzer full)
        {
            return;
        }

        foreach (var (name, application) in options.Value.Applications)
        {
            _byApplication[name] = full.Without(application.Detection.Disabled);
        }
    }

    public ITextAnalyzer For(string applicationName) => _byApplication.GetValueOrDefault(applicationName, _default);
}
