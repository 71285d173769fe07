namespace Caduceus.Gateway.Training;

/// <summary>The training register: people and their completions. Every change is all or nothing.</summary>
public interface ITrainingStore
{
    /// <summary>Everyone, by id.</summary>
    Task<IReadOnlyList<TrainingPerson>> ListPeopleAsync(CancellationToken cancellationToken);

    Task<TrainingPerson?> GetPersonAsync(string id, CancellationToken cancellationToken);

    Task<bool> AnyPeopleAsync(CancellationToken cancellationToken);

    /// <summary>Adds the person, or replaces their name and roles; true when they were new.</summary>
    Task<bool> PutPersonAsync(TrainingPerson person, CancellationToken cancellationToken);

    /// <summary>Records a completion; false (nothing recorded) when the person is not in the register.</summary>
    Task<bool> AddCompletionAsync(TrainingCompletion completion, CancellationToken cancellationToken);

    /// <summary>Every completion, or one person's, oldest first.</summary>
    Task<IReadOnlyList<TrainingCompletion>> ListCompletionsAsync(string? personId, CancellationToken cancellationToken);
}
