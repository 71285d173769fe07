using System.CommandLine;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Vault;
using Caduceus.TestModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Caduceus.Cli.Commands;

/// <summary><c>caduceus serve</c>: runs the gateway.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Listen address(es), ';' separated (default {GatewayLaunchOptions.DefaultUrls})." };
        var upstream = new Option<string?>("--upstream")
        {
            Description = "Base URL of the default application's OpenAI-compatible upstream, e.g. http://127.0.0.1:8081/v1. Without one, an in-process test model answers.",
        };
        var command = new Command("serve", "Run the gateway in front of the configured AI applications.") { urls, upstream };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new GatewayLaunchOptions
            {
                ConfigFile = parse.GetValue(CaduceusCommand.ConfigOption)?.FullName,
                Urls = parse.GetValue(urls),
                Upstream = parse.GetValue(upstream),
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(GatewayLaunchOptions launch, CancellationToken cancellationToken)
    {
        RunningTestModel? embeddedModel = null;
        try
        {
            var configuration = GatewayConfiguration.Build(launch);
            if (string.IsNullOrEmpty(GatewayConfiguration.BindOptions(configuration).Applications["default"].Upstream.BaseUrl))
            {
                embeddedModel = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://127.0.0.1:0" }, cancellationToken);
                launch.Upstream = embeddedModel.ApiBaseAddress.ToString();
                Console.WriteLine($"No upstream configured: the default application uses the built-in test model (echo) at {launch.Upstream}");
            }

            var app = GatewayApplication.Build(launch);
            await using (app)
            {
                await app.StartAsync(cancellationToken);
                var issued = await ApiKeyBootstrap.EnsureClientKeyAsync(
                    app.Services.GetRequiredService<IApiKeyStore>(),
                    Environment.GetEnvironmentVariable(GatewayConfiguration.BootstrapApiKeyVariable),
                    cancellationToken);
                if (issued is not null)
                {
                    Console.WriteLine($"Client API key for application 'default', role service (shown once; store it now): {issued.Secret}");
                }

                foreach (var address in GatewayApplication.ListeningAddresses(app))
                {
                    Console.WriteLine($"Caduceus gateway listening on {address}");
                }

                await app.WaitForShutdownAsync(cancellationToken);
            }

            return ExitCodes.Success;
        }
        catch (OptionsValidationException exception)
        {
            return CommandErrors.Fail("invalid configuration: " + string.Join(" ", exception.Failures));
        }
        catch (PseudonymVaultException exception)
        {
            return CommandErrors.Fail("pseudonym vault: " + exception.Message);
        }
        catch (EncryptionKeyException exception)
        {
            return CommandErrors.Fail("encryption at rest: " + exception.Message);
        }
        catch (FileNotFoundException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }
        catch (InvalidDataException exception)
        {
            return CommandErrors.Fail("invalid configuration file: " + exception.Message + " " + exception.InnerException?.Message);
        }
        catch (IOException exception) when (exception.InnerException is not null || exception.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            return CommandErrors.Fail("could not listen: " + exception.Message);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
        {
            return CommandErrors.Fail("could not start: " + exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        finally
        {
            if (embeddedModel is not null)
            {
                await embeddedModel.DisposeAsync();
            }
        }
    }
}
