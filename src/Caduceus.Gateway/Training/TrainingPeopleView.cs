namespace Caduceus.Gateway.Training;

/// <summary><c>{"people": [...]}</c>: everyone in the register with their standing.</summary>
public sealed record TrainingPeopleView(IReadOnlyList<TrainingPersonView> People);
