namespace Caduceus.TestModel.Tests;

/// <summary>Starts a real test model server on a free loopback port.</summary>
internal static class TestModels
{
    public const string LoopbackAnyPort = "http://127.0.0.1:0";

    public static Task<RunningTestModel> StartAsync(TestModelScript? script = null) =>
        TestModelServer.StartAsync(
            new TestModelOptions { Urls = LoopbackAnyPort, Script = script },
            TestContext.Current.CancellationToken);
}
