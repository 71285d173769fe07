using Caduceus.TestModel;

namespace Caduceus.Gateway.Tests.Infrastructure;

/// <summary>Test model scripts used across the gateway tests.</summary>
internal static class Scripts
{
    public static TestModelScript Single(TestModelRule rule)
    {
        var script = new TestModelScript();
        script.Rules.Add(rule);
        return script;
    }
}
