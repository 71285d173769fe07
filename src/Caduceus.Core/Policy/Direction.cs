namespace Caduceus.Policy;

/// <summary>Which way text is travelling through the gateway.</summary>
public enum Direction
{
    /// <summary>From the client towards the model.</summary>
    Request,

    /// <summary>From the model back to the client.</summary>
    Response,
}
