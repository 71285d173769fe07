using System.Security.Claims;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Training;
using Caduceus.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Training;

/// <summary>Who is held to training: people acting as admins, not machine callers.</summary>
public sealed class TrainingEnforcementTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-training-").FullName;
    private readonly SqliteTrainingStore _store;
    private readonly TrainingEnforcement _enforcement;

    public TrainingEnforcementTests()
    {
        _store = new SqliteTrainingStore(new GatewayDatabase(Options.Create(new GatewayOptions { DataDirectory = _directory })), TimeProvider.System);
        var options = Options.Create(new TrainingOptions { EnforceForAdminActions = true });
        _enforcement = new TrainingEnforcement(
            new TrainingRecords(_store, options, TimeProvider.System), _store, options, new SecurityEventBus([], TimeProvider.System));
    }

    [Fact]
    public async Task A_key_with_the_service_role_is_a_machine_and_not_held_to_training()
    {
        var refusal = await _enforcement.CheckAsync(Request("key_machine", CallerRoles.Service, CallerRoles.Admin));

        Assert.Null(refusal);
    }

    [Fact]
    public async Task A_person_acting_as_admin_who_is_not_in_the_register_is_refused()
    {
        var refusal = await _enforcement.CheckAsync(Request("key_person", CallerRoles.Admin));

        Assert.NotNull(refusal);
        Assert.Equal(["hipaa-security-awareness", "ai-safe-use", "phishing"], refusal.OverdueCourses);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static DefaultHttpContext Request(string principal, params string[] roles) =>
        new() { User = CallerClaims.Principal(principal, "default", roles, "test") };
}
