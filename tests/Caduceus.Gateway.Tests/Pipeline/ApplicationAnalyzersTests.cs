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
        Assert.DoesNotContain("InjectionClassifier", Names(analyzers.ForAnswers("default", options.Applications["default"].Policy.Response)));
        Assert.DoesNotContain("InjectionHeuristics", Names(analyzers.ForAnswers("default", options.Applications["default"].Policy.Response)));
        Assert.Contains("InjectionClassifier", Names(analyzers.ForAnswers("strict", options.Applications["strict"].Policy.Response)));
        Assert.DoesNotContain("PhiTagger", Names(analyzers.For("lean")));
        Assert.DoesNotContain("PhiTagger", Names(analyzers.ForAnswers("lean", options.Applications["lean"].Policy.Response)));
        Assert.Contains("NameRecognizer", Names(analyzers.ForAnswers("lean", options.Applications["lean"].Policy.Response)));
    }

    [Fact]
    public void Answers_get_the_injection_detectors_when_a_policy_replaced_at_run_time_blocks_injections()
    {
        var options = new GatewayOptions();
        options.Applications["default"] = new ApplicationOptions();
        var analyzers = new ApplicationAnalyzers(Full, Options.Create(options));

        var overridden = new DirectionPolicy { Injection = PolicyAction.Block };

        Assert.DoesNotContain("InjectionClassifier", Names(analyzers.ForAnswers("default", options.Applications["default"].Policy.Response)));
        Assert.Contains("InjectionClassifier", Names(analyzers.ForAnswers("default", overridden)));
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
        Assert.DoesNotContain("InjectionEmbeddingClassifier", Names(analyzers.ForAnswers("careful", options.Applications["careful"].Policy.Response)));
    }
}
