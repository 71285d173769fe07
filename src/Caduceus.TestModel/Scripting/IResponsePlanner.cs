using Caduceus.TestModel.Protocol;

namespace Caduceus.TestModel.Scripting;

/// <summary>Decides what the stand-in model answers: a script's rules, or a built-in profile.</summary>
internal interface IResponsePlanner
{
    /// <summary>The model names to list, the default model first.</summary>
    IReadOnlyList<string> Models { get; }

    /// <summary>Decides the answer to <paramref name="request"/> before anything is sent.</summary>
    ResponsePlan Plan(ChatRequest request);
}
