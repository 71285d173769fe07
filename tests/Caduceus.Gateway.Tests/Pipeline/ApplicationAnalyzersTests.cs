using Caduceus.Detection;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Pipeline;

public sealed class ApplicationAnalyzersTests
{
    private static readonly TextAnalyzer Full = TextAnalyzer.CreateDefault();

    private static IReadOnlyList<string> Names(ITextAnalyzer analyzer) => ((TextAnalyzer)analyzer).DetectorNames;

    [Fact]
    public void Answers_skip_the_injection_detectors_only_when_the_response_policy_lets_injections_pass()
    {
        var options = new GatewayOptions();
        options.Applications["default"] = new ApplicationOptions();
        options.Applications["strict"] = new ApplicationOptions();
        options.Applications["strict"].Policy.Response.Injection = PolicyAction.Block;
        options.Applications["lean"] = new ApplicationOptions();
        options.Applications["lean"].Detection.Disabled.Add("PhiTagger");

        var analyzers = new ApplicationAnalyzers(Full, Options.Create(options));

        Assert.Contains("InjectionClassifier", Names(analyzers.For("default")));
        Assert.DoesNotContain("InjectionClassifier", Names(analyzers.ForAnswers("default")));
        Assert.DoesNotContain("InjectionHeuristics", Names(analyzers.ForAnswers("default")));
        Assert.Contains("InjectionClassifier", Names(analyzers.ForAnswers("strict")));
        Assert.DoesNotContain("PhiTagger", Names(analyzers.For("lean")));
        Assert.DoesNotContain("PhiTagger", Names(analyzers.ForAnswers("lean")));
        Assert.Contains("NameRecognizer", Names(analyzers.ForAnswers("lean")));
    }

    [Fact]
    public void Only_applications_that_enable_it_get_the_embedding_layer()
    {
        var options = new GatewayOptions();
        options.Applications["default"] = new ApplicationOptions();
        options.Applications["careful"] = new ApplicationOptions();
        options.Applications["careful"].Detection.Enabled.Add("InjectionEmbeddingClassifier");

        var analyzers = new ApplicationAnalyzers(Full, Options.Create(options));

        Assert.DoesNotContain("InjectionEmbeddingClassifier", Names(analyzers.For("default")));
        Assert.Equal("InjectionEmbeddingClassifier", Names(analyzers.For("careful"))[^1]);
        Assert.DoesNotContain("InjectionEmbeddingClassifier", Names(analyzers.ForAnswers("careful")));
    }
}
