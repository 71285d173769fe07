using Caduceus.Detection;
using Caduceus.Gateway.Configuration;
using Caduceus.Policy;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// The analyzers each application's traffic goes through: the gateway's analyzer plus the optional detectors the
/// application enabled and without those it disabled, and for answers also without the injection detectors when the response policy lets every
/// injection finding pass (their findings could change nothing, so they are not computed). Built once at start-up;
/// an analyzer that is not a <see cref="TextAnalyzer"/> (a test's stand-in) serves every application as it is.
/// </summary>
internal sealed class ApplicationAnalyzers
{
    private readonly ITextAnalyzer _default;
    private static readonly string[] InjectionDetectors =
    [
        nameof(Detection.Injection.InjectionHeuristics),
        nameof(Detection.Injection.Learned.InjectionClassifier),
        nameof(Detection.Injection.Embeddings.InjectionEmbeddingClassifier),
    ];

    private readonly Dictionary<string, ITextAnalyzer> _byApplication = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ITextAnalyzer> _answersByApplication = new(StringComparer.OrdinalIgnoreCase);

    public ApplicationAnalyzers(ITextAnalyzer analyzer, IOptions<GatewayOptions> options)
    {
        _default = analyzer;
        if (analyzer is not TextAnalyzer full)
        {
            return;
        }

        foreach (var (name, application) in options.Value.Applications)
        {
            var requests = full.WithOptional(application.Detection.Enabled).Without(application.Detection.Disabled);
            _byApplication[name] = requests;
            _answersByApplication[name] = requests.Without(InjectionDetectors);
        }
    }

    /// <summary>The analyzer for what the application's callers send.</summary>
    public ITextAnalyzer For(string applicationName) => _byApplication.GetValueOrDefault(applicationName, _default);

    /// <summary>
    /// The analyzer for the model's answers to the application under <paramref name="responsePolicy"/> (the policy in
    /// force for this exchange, which a console override or an incident may have changed since start-up).
    /// </summary>
    public ITextAnalyzer ForAnswers(string applicationName, DirectionPolicy responsePolicy)
    {
        var injectionsPass = responsePolicy.Injection == PolicyAction.Allow && !responsePolicy.Entities.ContainsKey(EntityTypes.PromptInjection);
        return injectionsPass ? _answersByApplication.GetValueOrDefault(applicationName, _default) : For(applicationName);
    }
}
