namespace Caduceus.Gateway.Tests.Infrastructure;

/// <summary>One request a <see cref="LoopbackHttpReceiver"/> took, and the status it answered.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Raw, int Status)
{
    public string Body => System.Text.Encoding.UTF8.GetString(Raw);
}
