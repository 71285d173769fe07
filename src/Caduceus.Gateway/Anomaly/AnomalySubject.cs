namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Who a request is counted against: its key, its application, its conversation. Conversations are too short to
/// learn a baseline of their own, so they answer to a fixed ceiling only.
/// </summary>
internal sealed record AnomalySubject(string Dimension, string Id, bool LearnsBaseline)
{
    public const string Key = "key";
    public const string Application = "application";
    public const string Conversation = "conversation";

    public string StateKey => Dimension + ":" + Id;

    public static IEnumerable<AnomalySubject> Of(RequestObservation observation)
    {
        if (observation.KeyId is { Length: > 0 } keyId)
        {
            yield return new AnomalySubject(Key, keyId, true);
        }

        if (observation.Application is { Length: > 0 } application)
        {
            yield return new AnomalySubject(Application, application, true);
        }

        if (observation.ConversationHash is { Length: > 0 } conversation)
        {
            yield return new AnomalySubject(Conversation, conversation, false);
        }
    }
}
