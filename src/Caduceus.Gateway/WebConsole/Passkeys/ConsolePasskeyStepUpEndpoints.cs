using System.Text.Json.Nodes;
using Caduceus.Gateway.WebConsole.Hosting;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// <c>POST /console/passkeys/step-up/options</c>: the script behind a step-up's "use a passkey" button asks here for
/// a ceremony (JSON), then posts the action's form with the answer (<see cref="Sessions.ConsoleStepUp"/> checks it).
/// </summary>
internal static class ConsolePasskeyStepUpEndpoints
{
    public static async Task<IResult> OptionsAsync(HttpContext context, ConsolePasskeySignIn passkeys)
    {
        var ceremony = await passkeys.BeginStepUpAsync(ConsoleRequest.RequiredUserOf(context), context.RequestAborted);
        if (ceremony is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "No passkey",
                detail: "Your account has no passkey registered: enter the code from your authenticator app, or register a passkey on the Passkeys page.");
        }

        return Results.Json(new JsonObject
        {
            ["ceremony_id"] = ceremony.Id,
            ["options"] = JsonNode.Parse(ceremony.OptionsJson),
        });
    }
}
