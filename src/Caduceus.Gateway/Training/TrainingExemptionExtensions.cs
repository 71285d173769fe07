using Microsoft.AspNetCore.Builder;

namespace Caduceus.Gateway.Training;

/// <summary>Marks endpoints with <see cref="TrainingExemption"/>.</summary>
internal static class TrainingExemptionExtensions
{
    public static TBuilder ExemptFromTraining<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(TrainingExemption.Instance);
}
